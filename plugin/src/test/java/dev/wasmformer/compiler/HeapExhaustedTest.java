package dev.wasmformer.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wasmformer.c.SourceFile;
import dev.wasmformer.runtime.HeapExhaustedException;
import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.Program;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.TokenLimitException;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.runtime.format.BundleFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose attention caches fill the Java heap ends in a {@link HeapExhaustedException}
 * (a {@code RunException}, with what the program wrote and how far it got), not in an
 * {@code OutOfMemoryError}, and the run's caches are released: the caller can go on.
 */
class HeapExhaustedTest {
  static final String LOOP = """
      #include <stdio.h>
      int main(void) {
        putchar('>');
        for (unsigned i = 0;; i++) {}
      }
      """;

  static LoadedBundle loop() throws Exception {
    return Wasmformer.load(new WasmformerCompiler()
        .addC("loop", List.of(new SourceFile("loop.c", LOOP)), WasmformerCompiler.cOptions(), List.of(), null)
        .bundle());
  }

  @Test
  void anExhaustedHeapEndsTheRunWithWhatItWroteAndHowFarItGot() throws Exception {
    Program program = loop().program("loop");
    long[] seen = {0};
    RunOptions options = RunOptions.defaults().withMaxTokens(1_000_000_000).withTraceListener(token -> {
      // the heap runs out here on purpose, after a fixed number of tokens
      if (++seen[0] == 5000) throw new OutOfMemoryError("Java heap space");
    });

    HeapExhaustedException e = catchThrowableOfType(() -> program.run(options), HeapExhaustedException.class);

    assertThat(e).isNotNull();
    assertThat(e.output()).isEqualTo(">".getBytes(StandardCharsets.UTF_8));
    assertThat(e.stats().tokens()).isEqualTo(5000);
    assertThat(e.getCause()).isInstanceOf(OutOfMemoryError.class);
    assertThat(e.getMessage()).matches("the Java heap \\([0-9,]+ MiB\\) ran out after 5,000 generated tokens"
        + " \\([0-9,]+ instructions\\): the attention caches grow with the trace; give Java more heap \\(-Xmx\\)"
        + " or a lower token limit \\(now 67,1[0-9][0-9],[0-9]{3}\\)");   // the set 1,000,000,000, lowered to the
    // model's position limit (2^26 + 1 positions) less the prompt
    assertThatThrownBy(() -> program.run(RunOptions.defaults().withMaxTokens(1000)))
        .as("the next run of the same program").isInstanceOf(TokenLimitException.class);
  }

  /** A real exhaustion, in a JVM of its own with a 40 MiB heap (about a million tokens, seconds). */
  @Test
  void aRunThatFillsASmallHeapReleasesItsCachesForTheNextRun(@TempDir Path dir) throws Exception {
    String log = runLoopInSmallHeap(dir, Child.class);
    assertThat(log).containsPattern("exhausted after [1-9][0-9]{4,} tokens, output >\n")
        .contains("the next run stopped at its token limit\n");
  }

  /** The child JVM: a run until the heap is full, then another run. */
  public static final class Child {
    public static void main(String[] args) throws IOException {
      Program program = Wasmformer.load(Path.of(args[0])).program("loop");
      try {
        program.run(RunOptions.defaults().withMaxTokens(1_000_000_000));
        System.out.println("halted?");
      } catch (HeapExhaustedException e) {
        System.out.println("exhausted after " + e.stats().tokens() + " tokens, output "
            + new String(e.output(), StandardCharsets.UTF_8));
      }
      try {
        program.run(RunOptions.defaults().withMaxTokens(100_000));
      } catch (TokenLimitException e) {
        System.out.println("the next run stopped at its token limit");
      }
    }
  }

  /**
   * Writes LOOP's bundle to {@code dir} and runs {@code main} (its argument: the bundle) in a
   * JVM of its own with a 40 MiB heap; returns its output after checking that it exited with 0.
   */
  static String runLoopInSmallHeap(Path dir, Class<?> main) throws Exception {
    Path bundle = dir.resolve("loop.wfb");
    try (var out = Files.newOutputStream(bundle)) {
      BundleFiles.write(new WasmformerCompiler()
          .addC("loop", List.of(new SourceFile("loop.c", LOOP)), WasmformerCompiler.cOptions(), List.of(), null)
          .bundle(), out);
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-Xmx40m", "-cp", System.getProperty("java.class.path"),
        main.getName(), bundle.toString())
        .redirectErrorStream(true).start();
    assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the child JVM finished").isTrue();
    String log = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(log).isZero();
    return log;
  }
}
