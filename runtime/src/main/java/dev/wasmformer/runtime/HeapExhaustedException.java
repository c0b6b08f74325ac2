package dev.wasmformer.runtime;

import java.util.Locale;

/**
 * The run's attention caches, which grow with the trace, filled the Java heap before the
 * program halted or reached {@link RunOptions#maxTokens()}. The run's caches are released
 * before this is thrown, so the caller can go on.
 */
public final class HeapExhaustedException extends RunException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  HeapExhaustedException(long maxTokens, RunStats stats, byte[] output, byte[] errorOutput, OutOfMemoryError cause) {
    super(String.format(Locale.ROOT, "the Java heap (%,d MiB) ran out after %,d generated tokens (%,d instructions):"
            + " the attention caches grow with the trace; give Java more heap (-Xmx) or a lower token limit (now %,d)",
            Runtime.getRuntime().maxMemory() >> 20, stats.tokens(), stats.instructions(), maxTokens),
        stats, output, errorOutput);
    initCause(cause);
    this.limit = maxTokens;
  }

  /** The token limit the run had (the one set, or the default as the heap lowered it). */
  public long limit() {
    return limit;
  }
}
