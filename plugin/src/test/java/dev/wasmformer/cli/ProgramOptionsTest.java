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

  /** The command's status; {@code err} holds its error output. */
  private static int run(CliRunner cli, String command, Object... args) {
    List<String> line = new ArrayList<>(List.of(command));
    for (Object a : args) line.add(a.toString());
    return cli.run(line.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "trace"})
  void entryChoosesTheExportedFunction(String command) throws IOException {
    CliRunner main = new CliRunner();
    assertThat(run(main, command, module(), "--", "21")).as(main.err.toString()).isEqualTo(43);
    CliRunner twice = new CliRunner();
    assertThat(run(twice, command, "--entry", "twice", module(), "--", "21")).as(twice.err.toString()).isEqualTo(42);
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "trace"})
  void programChoosesOneOfABundlesPrograms(String command) throws IOException {
    Path inc = wasm("inc", "(module (func (export \"main\") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))");
    Path dbl = wasm("dbl", "(module (func (export \"main\") (param i32) (result i32) (i32.add (local.get 0) (local.get 0))))");
    Path bundle = dir.resolve("two.wfb");
    assertThat(new CliRunner().run("compile", inc.toString(), dbl.toString(), "-o", bundle.toString())).isZero();

    CliRunner none = new CliRunner();
    assertThat(run(none, command, bundle, "--", "21")).isEqualTo(1);
    assertThat(none.err.toString()).contains("choose one with --program");
    CliRunner doubled = new CliRunner();
    assertThat(run(doubled, command, "--program", "dbl", bundle, "--", "21")).as(doubled.err.toString()).isEqualTo(42);
    CliRunner incremented = new CliRunner();
    assertThat(run(incremented, command, "--program=inc", bundle, "--", "21")).isEqualTo(22);
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "trace"})
  void attentionIsCheckedAndGoesIntoTheRunsOptions(String command) throws IOException {
    CliRunner bogus = new CliRunner();
    assertThat(run(bogus, command, "--attention", "bogus", module(), "--", "1")).isEqualTo(1);
    assertThat(bogus.err.toString()).isEqualTo("wasmformer: error: --attention must be hull or naive, not bogus\n");
    CliRunner naive = new CliRunner();
    assertThat(run(naive, command, "--attention=naive", module(), "--", "21")).as(naive.err.toString()).isEqualTo(43);

    // both caches give the same result, so the choice itself is read from the parsed command
    Path bundle = dir.resolve("m.wfb");
    assertThat(new CliRunner().run("compile", module().toString(), "-o", bundle.toString())).isZero();
    var program = Wasmformer.load(bundle).programs().get(0);
    assertThat(parsed(command).applyTo(RunOptions.defaults(), program).attention()).isEqualTo(Attention.HULL);
    assertThat(parsed(command, "--attention=naive").applyTo(RunOptions.defaults(), program).attention())
        .isEqualTo(Attention.NAIVE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "trace"})
  void theLimitsStopTheRun(String command) throws IOException {
    CliRunner tokens = new CliRunner();
    assertThat(run(tokens, command, "--max-tokens", "3", module(), "--", "21")).isEqualTo(1);
    assertThat(tokens.err.toString()).contains("(raise it with --max-tokens)");

    CliRunner grows = new CliRunner();
    assertThat(run(grows, command, "--entry=grow", module())).as(grows.err.toString()).isEqualTo(1);
    CliRunner capped = new CliRunner();
    assertThat(run(capped, command, "--entry=grow", "--max-memory-pages=2", module())).isEqualTo(255);

    CliRunner deep = new CliRunner();
    assertThat(run(deep, command, "--max-call-depth=1", module(), "--", "21")).isEqualTo(RunCommand.TRAP);
    assertThat(deep.err.toString()).contains("call stack exhausted");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "trace"})
  void aCFilesMemoryAndInliningFollowTheOptions(String command) throws IOException {
    Path c = dir.resolve("twice.c");
    Files.writeString(c, "static int twice(int x) { return 2 * x; }\n"
        + "int main(void) { int s = 0; for (int i = 0; i < 3; i++) s += twice(i); return s; }\n");
    CliRunner tooMany = new CliRunner();
    assertThat(run(tooMany, command, "--memory-pages=257", c)).isEqualTo(1);
    assertThat(tooMany.err.toString()).isEqualTo("wasmformer: error: --memory-pages must be in 1..256, not 257\n");

    // keeping the call of twice costs instructions (call, return) that inlining saves
    assertThat(instructions(command, c, "--no-inline")).isGreaterThan(instructions(command, c));
  }

  /** How many instructions the run of {@code c} executed, from the statistics on stderr. */
  private static long instructions(String command, Path c, String... options) {
    CliRunner cli = new CliRunner();
    List<String> line = new ArrayList<>(List.of(command));
    if (command.equals("run")) line.add("--stats");
    line.addAll(List.of(options));
    line.add(c.toString());
    assertThat(cli.run(line.toArray(String[]::new))).as(cli.err.toString()).isEqualTo(6);
    Matcher m = Pattern.compile("instructions=(\\d+)|(\\d+) instructions").matcher(cli.err.toString());
    assertThat(m.find()).as(cli.err.toString()).isTrue();
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
