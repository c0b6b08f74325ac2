package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.runtime.Attention;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.testing.Wat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code run} and {@code trace} take the options of {@link ProgramOptions} and both apply them. */
class ProgramOptionsTest {
  @TempDir Path dir;

  /** main(n) = twice(n) + 1; grow() = memory.grow(3), the old size or -1. */
  private static final String MODULE = """
      (module
        (memory 1)
        (func $twice (export "twice") (param $v i32) (result i32) (i32.add (local.get $v) (local.get $v)))
        (func (export "main") (param $n i32) (result i32) (i32.add (call $twice (local.get $n)) (i32.const 1)))
        (func (export "grow") (result i32) (memory.grow (i32.const 3))))
      """;

  private Path wasm(String name, String wat) throws IOException {
    Path file = dir.resolve(name + ".wasm");
    Files.write(file, Wat.assemble(wat));
    return file;
  }

  private Path module() throws IOException {
    return wasm("m", MODULE);
  }

  /** A finished command: its exit status and error output. */
  private record Ran(int status, String err) {
    Ran hasStatus(int expected) {
      assertThat(status).as(err).isEqualTo(expected);
      return this;
    }
  }

  private static Ran run(String command, Object... args) {
    CliRunner cli = new CliRunner();
    List<String> line = new ArrayList<>(List.of(command));
    for (Object a : args) line.add(a.toString());
    int status = cli.run(line.toArray(String[]::new));
    return new Ran(status, cli.err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "trace"})
  void entryChoosesTheExportedFunction(String command) throws IOException {
    run(command, module(), "--", "21").hasStatus(43);
    run(command, "--entry", "twice", module(), "--", "21").hasStatus(42);
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "trace"})
  void programChoosesOneOfABundlesPrograms(String command) throws IOException {
    Path inc = wasm("inc", "(module (func (export \"main\") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))");
    Path dbl = wasm("dbl", "(module (func (export \"main\") (param i32) (result i32) (i32.add (local.get 0) (local.get 0))))");
    Path bundle = dir.resolve("two.wfb");
    run("compile", inc, dbl, "-o", bundle).hasStatus(0);

    assertThat(run(command, bundle, "--", "21").hasStatus(1).err()).contains("choose one with --program");
    run(command, "--program", "dbl", bundle, "--", "21").hasStatus(42);
    run(command, "--program=inc", bundle, "--", "21").hasStatus(22);
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "trace"})
  void attentionIsCheckedAndGoesIntoTheRunsOptions(String command) throws IOException {
    assertThat(run(command, "--attention", "bogus", module(), "--", "1").hasStatus(1).err())
        .isEqualTo("wasmformer: error: --attention must be hull or naive, not bogus\n");
    run(command, "--attention=naive", module(), "--", "21").hasStatus(43);

    // both caches give the same result, so the choice itself is read from the parsed command
    Path bundle = dir.resolve("m.wfb");
    run("compile", module(), "-o", bundle).hasStatus(0);
    var program = Wasmformer.load(bundle).programs().get(0);
    assertThat(parsed(command).applyTo(RunOptions.defaults(), program).attention()).isEqualTo(Attention.HULL);
    assertThat(parsed(command, "--attention=naive").applyTo(RunOptions.defaults(), program).attention())
        .isEqualTo(Attention.NAIVE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "trace"})
  void theLimitsStopTheRun(String command) throws IOException {
    assertThat(run(command, "--max-tokens", "3", module(), "--", "21").hasStatus(1).err())
        .contains("(raise it with --max-tokens)");
    run(command, "--entry=grow", module()).hasStatus(1);
    run(command, "--entry=grow", "--max-memory-pages=2", module()).hasStatus(255);
    assertThat(run(command, "--max-call-depth=1", module(), "--", "21").hasStatus(RunCommand.TRAP).err())
        .contains("call stack exhausted");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "trace"})
  void aCFilesMemoryAndInliningFollowTheOptions(String command) throws IOException {
    Path c = dir.resolve("twice.c");
    Files.writeString(c, "static int twice(int x) { return 2 * x; }\n"
        + "int main(void) { int s = 0; for (int i = 0; i < 3; i++) s += twice(i); return s; }\n");
    assertThat(run(command, "--memory-pages=257", c).hasStatus(1).err())
        .isEqualTo("wasmformer: error: --memory-pages must be in 1..256, not 257\n");

    // keeping the call of twice costs instructions (call, return) that inlining saves
    assertThat(instructions(command, c, "--no-inline")).isGreaterThan(instructions(command, c));
  }

  /** How many instructions the run of {@code c} executed, from the statistics on stderr. */
  private static long instructions(String command, Path c, String... options) {
    List<Object> args = new ArrayList<>();
    if (command.equals("run")) args.add("--stats");
    args.addAll(List.of(options));
    args.add(c);
    String err = run(command, args.toArray()).hasStatus(6).err();
    Matcher m = Pattern.compile("instructions=(\\d+)|(\\d+) instructions").matcher(err);
    assertThat(m.find()).as(err).isTrue();
    return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
  }

  /** The shared options of {@code command} after parsing {@code options}. */
  private static ProgramOptions parsed(String command, String... options) {
    CommandLine line = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of(options));
    args.add("x.wasm");
    line.parseArgs(args.toArray(String[]::new));
    Object parsed = line.getSubcommands().get(command).getCommand();
    return parsed instanceof RunCommand r ? r.programOptions : ((TraceCommand) parsed).programOptions;
  }
}
