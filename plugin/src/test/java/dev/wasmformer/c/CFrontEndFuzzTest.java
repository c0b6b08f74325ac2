package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.testing.Mutator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds the C front end damaged versions of the feature programs and random soups of C
 * fragments. Whatever the input, a compilation ends, in time, with a result: a module, or
 * diagnostics that are not internal errors. A fixed seed runs in the default suite;
 * {@code -Dwasmformer.fuzz.c=N} runs N inputs ({@code -Dwasmformer.fuzz.seed=S} another seed).
 * A failing input is saved under {@code target/fuzz/c} to replay.
 */
class CFrontEndFuzzTest {
  static final int COUNT = Integer.getInteger("wasmformer.fuzz.c", 250);
  static final long SEED = Long.getLong("wasmformer.fuzz.seed", 8L);
  static final long TIMEOUT_SECONDS = 20;
  /** The stack of the command line's main thread (the JVM's default), not the test JVM's -Xss. */
  static final long STACK_BYTES = 1 << 20;

  private final ExecutorService compiler = Executors.newSingleThreadExecutor(
      r -> new Thread(null, r, "fuzzed-compile", STACK_BYTES));

  @AfterEach
  void stop() {
    compiler.shutdownNow();
  }

  static List<Path> seeds() throws IOException {
    try (Stream<Path> files = Files.list(CFeatureTest.featuresDir())) {
      return files.filter(p -> p.toString().endsWith(".c")).sorted().toList();
    }
  }

  @Test
  void damagedAndRandomSourcesEndInDiagnosticsNeverInACrashOrAHang() throws Exception {
    List<Path> seeds = seeds();
    Mutator mutator = new Mutator(SEED);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      Path seed = seeds.get(mutator.random().nextInt(seeds.size()));
      String text = i % 5 == 4 ? mutator.randomC() : mutator.mutateC(Files.readString(seed, StandardCharsets.UTF_8));
      // named after its seed, so that its quoted includes resolve
      SourceFile source = new SourceFile(seed.toString(), text);
      String problem = check(source);
      if (problem != null) failures.add(save(i, text) + ": " + problem);
    }
    assertThat(failures).as("seed %d, %d inputs", SEED, COUNT).isEmpty();
  }

  /** What is wrong with the compilation of {@code source}, or null. */
  private String check(SourceFile source) throws InterruptedException {
    Future<CompileResult> run = compiler.submit(() -> new CCompiler().compile(source, WasmformerCompiler.cOptions()));
    CompileResult r;
    try {
      r = run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      run.cancel(true);
      return "no result after " + TIMEOUT_SECONDS + " s";
    } catch (ExecutionException e) {
      return "threw " + e.getCause();
    }
    for (Diagnostic d : r.diagnostics()) {
      if (d.message().startsWith("internal compiler error")) return d.render();
    }
    if (r.success() != r.errors().isEmpty()) return "a module together with errors, or neither";
    return null;
  }

  static Stream<String> deeplyNested() {
    int n = 5000;
    return Stream.of(
        "int main(void) { return " + "(".repeat(n) + "1" + ")".repeat(n) + "; }",
        "int main(void) " + "{".repeat(n) + "}".repeat(n),
        "int main(void) { int x = 0; " + "if (x) ".repeat(n) + "x++; return x; }",
        "int main(void) { return " + "-".repeat(n).replace("-", "- ") + "1; }",
        "int main(void) { return 1" + " + 1".repeat(20 * n) + "; }",
        "int " + "*".repeat(n) + "p; int main(void) { return 0; }",
        "#if 1\n".repeat(n) + "int main(void) { return 0; }\n" + "#endif\n".repeat(n),
        "#define A(x) x\nint main(void) { return " + "A(".repeat(n) + "1" + ")".repeat(n) + "; }",
        "int main(void) { int a = 1; return a" + " ? a".repeat(n) + " : 0".repeat(n) + "; }",
        "int main(void) { int x; " + "x = ".repeat(n) + "1; return x; }");
  }

  @ParameterizedTest
  @MethodSource("deeplyNested")
  void deeplyNestedSourcesEndInAResultNotAStackOverflow(String text) throws InterruptedException {
    String problem = check(new SourceFile("deep.c", text));

    assertThat(problem).as(text.length() > 200 ? text.substring(0, 200) + "..." : text).isNull();
  }

  @Test
  void anIncludeNameWithANulCharacterIsNotFound() {
    CompileResult r = new CCompiler().compile(new SourceFile("nul.c", "#include \"a\0b.h\"\nint main(void) { return 0; }\n"),
        WasmformerCompiler.cOptions());

    assertThat(r.render()).isEqualTo("nul.c:1:10: error: 'a\0b.h' file not found\n#include \"a\0b.h\"\n         ^");
  }

  @Test
  void aCaseLabelInsideALoopOfItsSwitchCompiles() {
    CompileResult r = new CCompiler().compile(new SourceFile("duff.c", """
        int f(int s) {
          switch (s) {
            case 0: return 1;
            for (;;) default: return 2;
          }
          return 3;
        }
        int main(void) { return f(1); }
        """), WasmformerCompiler.cOptions());

    // case labels nested in statements of their switch (Duff's device) are supported now
    assertThat(r.errors()).isEmpty();
    assertThat(r.wasm()).isNotNull();
  }

  @Test
  void callingAVariadicFunctionWithoutAPrototypeIsAnError() {
    CompileResult r = new CCompiler().compile(new SourceFile("implicit.c", """
        int main(void) {
          printf("%d\\n", 1);
          return 0;
        }
        """), WasmformerCompiler.cOptions());

    assertThat(r.errors()).extracting(Diagnostic::message).containsExactly(
        "call to variadic function 'printf' without a prototype in scope (declare it, or include its header)");
    assertThat(r.errors().get(0).line()).isEqualTo(2);
  }

  static String save(int index, String text) {
    try {
      Path dir = Path.of("target", "fuzz", "c");
      Files.createDirectories(dir);
      Path file = dir.resolve("input-" + SEED + "-" + index + ".c");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file.toString();
    } catch (IOException e) {
      return "input " + index + " (not saved: " + e + ")";
    }
  }
}
