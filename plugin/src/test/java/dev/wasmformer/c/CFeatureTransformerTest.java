package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.ReferenceInterpreter;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.lowering.UnsupportedWasmException;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.Wasmformer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third leg of the C feature tests: every feature program compiled by us and run on the
 * transformer gives gcc's stdout and exit status. Long programs (more than {@link
 * #SHORT_RUN} instructions on the reference interpreter) run here only with {@code
 * -Dwasmformer.long=true}; the others are refused at build time only for an opcode the
 * transformer lacks, listed in {@link #NOT_YET}.
 */
class CFeatureTransformerTest {
  static final long SHORT_RUN = 25_000;

  /** Programs the transformer cannot run yet, and the missing opcode named in the refusal. */
  static final Map<String, String> NOT_YET = Map.of();

  @TempDir Path work;

  @TestFactory
  Stream<DynamicTest> everyFeatureProgramRunsOnTheTransformerAsCompiledByGcc() throws IOException {
    return CFeatureTest.programs().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
  }

  private void check(Path program) throws Exception {
    String name = program.getFileName().toString();
    String text = Files.readString(program, StandardCharsets.UTF_8);
    String stdin = sibling(program, ".stdin");
    String argsText = sibling(program, ".args");
    List<String> args = argsText.isEmpty() ? List.of(name) : argsText.lines().toList();
    List<SourceFile> sources = List.of(new SourceFile(program.toString(), text));
    CompileResult compiled = WasmformerCompiler.compileC(sources, WasmformerCompiler.cOptions());
    TokenProgram tp;
    try {
      tp = WasmformerCompiler.lower(compiled.wasm(), "_start");
    } catch (UnsupportedWasmException e) {
      assertThat(NOT_YET).as("refused: %s", e.getMessage()).containsKey(name);
      assertThat(e.getMessage()).containsPattern(NOT_YET.get(name));
      return;
    }
    assertThat(NOT_YET).as("runs now; remove it from NOT_YET").doesNotContainKey(name);
    byte[] input = stdin.getBytes(StandardCharsets.ISO_8859_1);
    long instructions = new ReferenceInterpreter(tp).run(new long[0], input).instructions();
    assumeTrue(instructions <= SHORT_RUN || Boolean.getBoolean("wasmformer.long"),
        name + " runs " + instructions + " instructions; it runs on the transformer with -Dwasmformer.long=true");

    var bundle = new WasmformerCompiler().addC(program.getFileName().toString().replace(".c", ""), sources,
        WasmformerCompiler.cOptions(), args.subList(1, args.size()), null).bundle();
    RunResult ours = Wasmformer.load(bundle).programs().get(0).run(RunOptions.defaults().withInput(input));

    assumeTrue(NativeRunner.gccAvailable(), "gcc is not installed: the native half of the comparison is skipped");
    WasmRunner.Run gcc = NativeRunner.compileAndRun(program, work, stdin, args);
    assertThat(new String(ours.output(), StandardCharsets.UTF_8)).as("stdout compared with gcc").isEqualTo(gcc.stdout());
    assertThat(new String(ours.errorOutput(), StandardCharsets.UTF_8)).as("stderr compared with gcc").isEqualTo(gcc.stderr());
    assertThat((int) (ours.returnValue().orElse(0) & 0xFF)).as("exit status compared with gcc").isEqualTo(gcc.status());
  }

  private static String sibling(Path program, String suffix) throws IOException {
    Path p = program.resolveSibling(program.getFileName().toString().replace(".c", suffix));
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }
}
