package dev.wasmformer.runtime;

import dev.wasmformer.c.SourceFile;
import dev.wasmformer.compiler.WasmformerCompiler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A diagnostic, not a check: the time from {@link Program#run(RunOptions)} to the first
 * generated token, run after run of one program (docs/examples/sudoku.c unless {@code
 * -Dwasmformer.probe.program} names another, with the stdin of {@code -Dwasmformer.probe.input}),
 * the heap its kept prefix state holds, and optionally the wall time of a batch of runs with
 * different stdin on two threads. Compare {@code -Dwasmformer.prefixCache=false} against the
 * default in separate JVMs (docs/benchmarks-history.md, "Session 8, prefix caching").
 *
 * <p>{@code mvn -o -q -pl plugin -am test -Dtest=PrefixCacheProbe -Dsurefire.failIfNoSpecifiedTests=false
 * -Dwasmformer.probe=true [-Dwasmformer.probe.runs=8] [-Dwasmformer.probe.batch=12]
 * [-Dwasmformer.prefixCache=false]}
 */
@EnabledIfSystemProperty(named = "wasmformer.probe", matches = "true")
class PrefixCacheProbe {

  @Test
  void printsTheTimeToTheFirstTokenRunAfterRun() throws Exception {
    Path file = Path.of(System.getProperty("wasmformer.probe.program", "../docs/examples/sudoku.c"));
    String inputFile = System.getProperty("wasmformer.probe.input");
    byte[] input = inputFile == null ? new byte[0] : Files.readAllBytes(Path.of(inputFile));
    int runs = Integer.getInteger("wasmformer.probe.runs", 8);
    int batch = Integer.getInteger("wasmformer.probe.batch", 0);
    LoadedBundle bundle = load(file);
    Program program = bundle.program("p");
    long before = usedHeap();
    StringBuilder times = new StringBuilder();
    for (int i = 0; i < runs; i++) {
      long[] first = {0};
      long start = System.nanoTime();
      try {
        program.run(RunOptions.defaults().withInput(input).withMaxTokens(1)
            .withTraceListener(t -> { if (first[0] == 0) first[0] = System.nanoTime(); }));
      } catch (TokenLimitException e) {
        // the first token is all this measures
      }
      times.append(String.format(" %.1f", (first[0] - start) / 1e6));
    }
    System.out.printf("%s, prefix cache %s: first token after (ms):%s; heap kept: %d KiB; kept state's"
        + " retainedBytes: %d KiB (%d tokens)%n", file, PrefixCache.ENABLED ? "on" : "off", times,
        (usedHeap() - before) / 1024, bundle.prefixBudget().keptBytes() / 1024, program.prefixCache().length());
    if (batch > 0) {
      List<RunOptions> options = new ArrayList<>();
      for (int i = 0; i < batch; i++) {
        String text = ("word" + i + " the cat and the hat " + "x".repeat(i) + "\n").repeat(3);
        options.add(RunOptions.defaults().withInput(text.getBytes(StandardCharsets.UTF_8)));
      }
      Program fresh = load(file).program("p");
      long start = System.nanoTime();
      long tokens = 0;
      for (RunOutcome o : fresh.runBatch(options, 2)) tokens += o.succeeded() ? o.result().stats().tokens() : 0;
      System.out.printf("batch of %d runs on 2 threads: %.0f ms, %d tokens%n", batch, (System.nanoTime() - start) / 1e6, tokens);
    }
  }

  private static LoadedBundle load(Path file) throws Exception {
    return Wasmformer.load(new WasmformerCompiler()
        .addC("p", List.of(new SourceFile(file.toString(), Files.readString(file))), WasmformerCompiler.cOptions(), List.of(), null)
        .bundle());
  }

  private static long usedHeap() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
