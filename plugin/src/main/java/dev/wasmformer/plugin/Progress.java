package dev.wasmformer.plugin;

import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.TraceListener;
import dev.wasmformer.runtime.format.Token;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Watches a run's tokens and reports, every so often, how far it has got: a long run
 * should not look like a hung build. Runs on the decoding thread; it looks at the clock
 * only every {@value #CHECK_EVERY} tokens.
 */
final class Progress implements TraceListener {
  static final int CHECK_EVERY = 1024;

  private final String program;
  private final boolean[] commit;
  private final long intervalNanos;
  private final Consumer<String> report;
  private final long startNanos = System.nanoTime();
  private long nextReport;
  private long tokens;
  private long instructions;

  Progress(String program, LoadedBundle bundle, Duration interval, Consumer<String> report) {
    this.program = program;
    List<Token> vocabulary = bundle.bundle().getVocabulary().getTokensList();
    this.commit = new boolean[vocabulary.size()];
    for (int i = 0; i < commit.length; i++) commit[i] = vocabulary.get(i).getCommit();
    this.intervalNanos = interval.toNanos();
    this.report = report;
    this.nextReport = startNanos + intervalNanos;
  }

  @Override
  public void onToken(int tokenId) {
    tokens++;
    if (commit[tokenId]) instructions++;
    if ((tokens & (CHECK_EVERY - 1)) == 0) {
      long now = System.nanoTime();
      if (now >= nextReport) {
        nextReport = now + intervalNanos;
        double seconds = (now - startNanos) / 1e9;
        report.accept(String.format(Locale.ROOT,
            "wasmformer: running %s: %,d tokens, %,d instructions, %.0f s, %,.0f tokens/s",
            program, tokens, instructions, seconds, tokens / seconds));
      }
    }
  }
}
