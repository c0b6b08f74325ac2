package dev.wasmformer.runtime;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a program: arguments, input bytes, attention cache, token limit and an
 * optional trace listener. Immutable: each {@code with...} method returns a new instance.
 */
public final class RunOptions {
  /** The default {@link #maxTokens()}. */
  public static final long DEFAULT_MAX_TOKENS = 100_000_000L;

  private static final RunOptions DEFAULTS =
      new RunOptions(new long[0], new byte[0], Attention.HULL, DEFAULT_MAX_TOKENS, null);

  private final long[] args;
  private final byte[] input;
  private final Attention attention;
  private final long maxTokens;
  private final TraceListener traceListener;

  private RunOptions(
      long[] args, byte[] input, Attention attention, long maxTokens, TraceListener listener) {
    this.args = args;
    this.input = input;
    this.attention = attention;
    this.maxTokens = maxTokens;
    this.traceListener = listener;
  }

  /** No arguments, no input, hull attention, {@value #DEFAULT_MAX_TOKENS} tokens, no listener. */
  public static RunOptions defaults() {
    return DEFAULTS;
  }

  /**
   * The program's arguments, one per parameter. An i32 argument may be given signed or
   * unsigned (-2^31 .. 2^32-1); an i64 argument is any long.
   */
  public RunOptions withArgs(long... args) {
    return new RunOptions(args.clone(), input, attention, maxTokens, traceListener);
  }

  /** The bytes the program reads as its input (getchar). */
  public RunOptions withInput(byte[] input) {
    return new RunOptions(args, input.clone(), attention, maxTokens, traceListener);
  }

  public RunOptions withAttention(Attention attention) {
    return new RunOptions(
        args, input, Objects.requireNonNull(attention, "attention"), maxTokens, traceListener);
  }

  /** At most this many generated tokens; a run that needs more ends in {@link TokenLimitException}. */
  public RunOptions withMaxTokens(long maxTokens) {
    if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens);
    return new RunOptions(args, input, attention, maxTokens, traceListener);
  }

  /** A listener for every generated token, or null for none. */
  public RunOptions withTraceListener(TraceListener listener) {
    return new RunOptions(args, input, attention, maxTokens, listener);
  }

  public long[] args() {
    return args.clone();
  }

  public byte[] input() {
    return input.clone();
  }

  public Attention attention() {
    return attention;
  }

  public long maxTokens() {
    return maxTokens;
  }

  public Optional<TraceListener> traceListener() {
    return Optional.ofNullable(traceListener);
  }

  @Override
  public String toString() {
    return "RunOptions[args=" + Arrays.toString(args) + ", input=" + input.length + " bytes"
        + ", attention=" + attention + ", maxTokens=" + maxTokens
        + (traceListener != null ? ", traced" : "") + "]";
  }
}
