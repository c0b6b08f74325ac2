package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every C feature program under {@code c/features}: compiled by us and run in Chicory,
 * and compiled by gcc and run natively; stdout, stderr and exit status must be equal. A program
 * states a non-zero expected status with a {@code // status: N} comment, its input in a
 * {@code NAME.stdin} file and its arguments (argv[0] first) in {@code NAME.args}.
 */
class CFeatureTest {
  private static final Pattern STATUS = Pattern.compile("//\\s*status:\\s*(\\d+)");

  @TempDir
  Path work;

  static Path featuresDir() {
    try {
      return Path.of(CFeatureTest.class.getResource("/c/features").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The feature programs, only those whose names start with one of -Dcfeature.only=a,b if given. */
  static List<Path> programs() throws IOException {
    try (Stream<Path> files = Files.list(featuresDir())) {
      String only = System.getProperty("cfeature.only", "");
      return files.filter(p -> p.toString().endsWith(".c"))
          .filter(p -> only.isEmpty() || Arrays.stream(only.split(",")).anyMatch(p.getFileName().toString()::startsWith))
          .sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFeatureProgramBehavesAsCompiledByGcc() throws IOException {
    return programs().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
  }

  private void check(Path program) throws Exception {
    String text = Files.readString(program, StandardCharsets.UTF_8);
    String stdin = sibling(program, ".stdin");
    String argsText = sibling(program, ".args");
    List<String> args = argsText.isEmpty() ? List.of(program.getFileName().toString()) : argsText.lines().toList();
    Matcher m = STATUS.matcher(text);
    int expectedStatus = m.find() ? Integer.parseInt(m.group(1)) : 0;

    CompileResult result = new CCompiler().compile(new SourceFile(program.toString(), text), CompileOptions.defaults());
    assertThat(result.success()).as("compiling %s:%n%s", program.getFileName(), result.render()).isTrue();
    WasmRunner.Run ours = WasmRunner.run(result.wasm(), result.module(), stdin, args);
    assertThat(ours.trap()).as("trap; output so far:%n%s", ours.stdout()).isNull();
    assertThat(ours.status()).as("exit status; output:%n%s", ours.stdout()).isEqualTo(expectedStatus);

    assumeTrue(NativeRunner.gccAvailable(), "gcc is not installed: the native half of the comparison is skipped");
    WasmRunner.Run gcc = NativeRunner.compileAndRun(program, work, stdin, args);
    assertThat(ours.stdout()).as("stdout compared with gcc").isEqualTo(gcc.stdout());
    assertThat(ours.stderr()).as("stderr compared with gcc").isEqualTo(gcc.stderr());
    assertThat(ours.status()).as("exit status compared with gcc").isEqualTo(gcc.status());
  }

  private static String sibling(Path program, String suffix) throws IOException {
    Path p = program.resolveSibling(program.getFileName().toString().replace(".c", suffix));
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }
}
