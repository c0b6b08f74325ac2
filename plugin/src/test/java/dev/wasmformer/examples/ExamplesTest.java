package dev.wasmformer.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmformer.c.CompileResult;
import dev.wasmformer.c.SourceFile;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.ReferenceInterpreter;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.testing.ChicoryRunner;
import dev.wasmformer.testing.Gcc;
import dev.wasmformer.testing.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo programs of {@code docs/examples}: each compiled by us and run on the token
 * ISA's reference interpreter (and on Chicory) must print what the gcc-compiled program
 * prints and exit with the same status; fib also runs on the transformer.
 */
class ExamplesTest {
  /**
   * Instructions a demo may execute. At about five tokens per instruction this keeps a demo
   * near a million tokens, under a minute on the transformer at today's decoding speed.
   */
  private static final long INSTRUCTION_BUDGET = 200_000;

  /** One run of a demo: its source in docs/examples, its input and the exit status it must give. */
  record Case(String name, String file, byte[] stdin, int status) {
    static Case of(String file) {
      return new Case(file, file, new byte[0], 0);
    }

    static Case withInput(String name, String file, String stdin, int status) {
      return new Case(name, file, stdin.getBytes(StandardCharsets.UTF_8), status);
    }
  }

  private static final List<Case> CASES = List.of(
      Case.of("sudoku.c"),
      Case.withInput("sudoku.c with a puzzle on stdin", "sudoku.c",
          "53..7....\n6..195...\n.98....6.\n8...6...3\n4..8.3..1\n7...2...6\n.6....28.\n...419..5\n....8..79\n", 0),
      Case.withInput("sudoku.c with clashing givens", "sudoku.c", "55" + ".".repeat(79), 2),
      Case.withInput("sudoku.c with too few cells", "sudoku.c", "123", 2),
      Case.of("hungarian.c"),
      Case.of("primes.c"),
      Case.withInput("wordfreq.c", "wordfreq.c", readExample("wordfreq.txt"), 0),
      Case.withInput("wordfreq.c with no words", "wordfreq.c", " ... \n", 0),
      Case.of("fib.c"));

  @TempDir
  Path work;

  @TestFactory
  Stream<DynamicTest> everyDemoBehavesOnTheReferenceInterpreterAsCompiledByGcc() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private void check(Case c) throws Exception {
    Path source = examples().resolve(c.file());
    CompileResult compiled = compile(source);
    TokenProgram program = WasmformerCompiler.lower(compiled.wasm(), "_start");
    ReferenceInterpreter.Result ours = new ReferenceInterpreter(program).run(new long[0], c.stdin());
    String output = text(ours.output());
    assertThat(ours.instructions()).as("instructions of %s", c.name()).isLessThanOrEqualTo(INSTRUCTION_BUDGET);
    assertThat(status(ours.value().orElseThrow())).as("exit status; output:%n%s", output).isEqualTo(c.status());

    // An independent WebAssembly engine on the same module.
    Outcome chicory = ChicoryRunner.run(compiled.wasm(), "_start", new long[0], c.stdin());
    assertThat(chicory).isEqualTo(Outcome.halted(ours.value(), ours.output(), ours.errorOutput()));

    assumeTrue(Gcc.available(), "gcc is not installed: the comparison with the native program is skipped");
    Gcc.Run gcc = Gcc.compileAndRun(source, work, List.of("-std=c11", "-O2"), List.of(), c.stdin());
    assertThat(output).as("output compared with gcc's").isEqualTo(text(gcc.stdout()));
    assertThat(text(ours.errorOutput())).as("error output compared with gcc's").isEqualTo(text(gcc.stderr()));
    assertThat(status(ours.value().orElseThrow())).as("exit status compared with gcc's").isEqualTo(gcc.status());
  }

  @Test
  void fibRunsOnTheTransformerAsCompiledByGcc() throws Exception {
    Path source = examples().resolve("fib.c");
    SourceFile file = new SourceFile(source.toString(), Files.readString(source));
    RunResult onTransformer = Wasmformer.load(new WasmformerCompiler()
            .addC("fib", List.of(file), WasmformerCompiler.cOptions(), List.of(), null)
            .bundle())
        .program("fib")
        .run(RunOptions.defaults());

    TokenProgram program = WasmformerCompiler.lower(compile(source).wasm(), "_start");
    ReferenceInterpreter.Result reference = new ReferenceInterpreter(program).run(new long[0], new byte[0]);
    assertThat(onTransformer.output()).isEqualTo(reference.output());
    assertThat(onTransformer.returnValue()).isEqualTo(reference.value());
    assertThat(onTransformer.stats().instructions()).isEqualTo(reference.instructions());

    assumeTrue(Gcc.available(), "gcc is not installed: the comparison with the native program is skipped");
    Gcc.Run gcc = Gcc.compileAndRun(source, work, List.of("-std=c11", "-O2"), List.of(), new byte[0]);
    assertThat(onTransformer.outputText()).isEqualTo(text(gcc.stdout()));
    assertThat(status(onTransformer.returnValue().orElseThrow())).isEqualTo(gcc.status());
  }

  private static CompileResult compile(Path source) throws IOException {
    String text = Files.readString(source, StandardCharsets.UTF_8);
    return WasmformerCompiler.compileC(List.of(new SourceFile(source.toString(), text)), WasmformerCompiler.cOptions());
  }

  /** A process's exit status is the low byte of main's result. */
  private static int status(long mainResult) {
    return (int) (mainResult & 0xFF);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String readExample(String name) {
    try {
      return Files.readString(examples().resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** docs/examples of the checkout, found upward from the working directory (the module's or the root). */
  static Path examples() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs").resolve("examples");
      if (Files.isDirectory(candidate)) return candidate;
    }
    throw new IllegalStateException("no docs/examples above " + Path.of("").toAbsolutePath());
  }
}
