package dev.wasmformer.cli;

import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.TraceListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The line a long run shows on a terminal: tokens, tokens per second and instructions so
 * far, redrawn in place about every half second and erased when the run ends, so that the
 * program's own output starts on a clean line. Silent when not on a terminal, where it only
 * counts (for the message of a run that runs out of memory). Runs on the decoding thread and
 * reads the clock only every {@value #CHECK_EVERY} tokens.
 */
final class ProgressLine implements TraceListener {
  static final int CHECK_EVERY = 4096;
  static final long INTERVAL_NANOS = 500_000_000L;

  private final boolean[] commit;
  private final PrintWriter err;
  private final LongSupplier clock;
  private final boolean enabled;
  private final long start;
  private long nextDraw;
  private long tokens;
  private long instructions;
  private int drawnWidth;

  ProgressLine(boolean[] commit, PrintWriter err, LongSupplier nanoClock, boolean enabled) {
    this.commit = commit;
    this.err = err;
    this.clock = nanoClock;
    this.enabled = enabled;
    this.start = nanoClock.getAsLong();
    this.nextDraw = start + INTERVAL_NANOS;
  }

  /** A progress line for runs of {@code bundle}'s programs, drawn only when the JVM has a terminal. */
  static ProgressLine onTerminal(LoadedBundle bundle, PrintWriter err) {
    var vocabulary = bundle.bundle().getVocabulary().getTokensList();
    boolean[] commit = new boolean[vocabulary.size()];
    for (int i = 0; i < commit.length; i++) commit[i] = vocabulary.get(i).getCommit();
    return new ProgressLine(commit, err, System::nanoTime, System.console() != null);
  }

  @Override
  public void onToken(int tokenId) {
    tokens++;
    if (commit[tokenId]) instructions++;
    if (enabled && tokens % CHECK_EVERY == 0) {
      long now = clock.getAsLong();
      if (now - nextDraw >= 0) {
        nextDraw = now + INTERVAL_NANOS;
        draw(now);
      }
    }
  }

  /** {@code options} with this line as their trace listener. */
  RunOptions attachedTo(RunOptions options) {
    return options.withTraceListener(this);
  }

  /** Tokens generated so far. */
  long tokens() {
    return tokens;
  }

  /** Instructions executed so far. */
  long instructions() {
    return instructions;
  }

  /** Runs {@code run} and erases the line afterwards, however the run ends. */
  <T> T during(Supplier<T> run) {
    try {
      return run.get();
    } finally {
      erase();
    }
  }

  private void draw(long now) {
    double seconds = (now - start) / 1e9;
    String text = String.format(Locale.ROOT, "wasmformer: %,d tokens, %,.0f tokens/s, %,d instructions",
        tokens, seconds > 0 ? tokens / seconds : 0, instructions);
    // pad over the previous text, which may have been longer
    err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
    err.flush();
    drawnWidth = text.length();
  }

  private void erase() {
    if (drawnWidth == 0) return;
    err.print("\r" + " ".repeat(drawnWidth) + "\r");
    err.flush();
    drawnWidth = 0;
  }
}
