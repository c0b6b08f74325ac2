package dev.wasmformer.runtime;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * How to run a program: arguments, input bytes, attention cache, limits and an optional
 * trace listener. Immutable: each {@code with...} method returns a new instance.
 */
public final class RunOptions {
  /** The default {@link #maxTokens()}. */
  public static final long DEFAULT_MAX_TOKENS = 100_000_000L;

  /** The bundle's name of the limit on the memory's size in 64 KiB pages ({@code memory.grow}). */
  public static final String MAX_MEMORY_PAGES = "max_memory_pages";

  /** The bundle's name of the limit on nested calls (frames of called functions). */
  public static final String MAX_CALL_DEPTH = "max_call_depth";

  private static final RunOptions DEFAULTS =
      new RunOptions(new long[0], new byte[0], Attention.HULL, DEFAULT_MAX_TOKENS, null, Map.of(), null);

  private final long[] args;
  private final byte[] input;
  private final Attention attention;
  private final long maxTokens;
  private final TraceListener traceListener;
  private final Map<String, Long> limits;
  private final List<String> argv;

  private RunOptions(
      long[] args,
      byte[] input,
      Attention attention,
      long maxTokens,
      TraceListener listener,
      Map<String, Long> limits,
      List<String> argv) {
    this.args = args;
    this.input = input;
    this.attention = attention;
    this.maxTokens = maxTokens;
    this.traceListener = listener;
    this.limits = limits;
    this.argv = argv;
  }

  /**
   * No arguments, no input, hull attention, {@value #DEFAULT_MAX_TOKENS} tokens, the
   * program's own limits, no listener.
   */
  public static RunOptions defaults() {
    return DEFAULTS;
  }

  /**
   * The program's arguments, one per parameter. An i32 argument may be given signed or
   * unsigned (-2^31 .. 2^32-1); an i64 argument is any long.
   */
  public RunOptions withArgs(long... args) {
    return new RunOptions(args.clone(), input, attention, maxTokens, traceListener, limits, argv);
  }

  /** The bytes the program reads as its input (getchar). */
  public RunOptions withInput(byte[] input) {
    return new RunOptions(args, input.clone(), attention, maxTokens, traceListener, limits, argv);
  }

  public RunOptions withAttention(Attention attention) {
    return new RunOptions(
        args, input, Objects.requireNonNull(attention, "attention"), maxTokens, traceListener,
        limits, argv);
  }

  /** At most this many generated tokens; a run that needs more ends in {@link TokenLimitException}. */
  public RunOptions withMaxTokens(long maxTokens) {
    if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens);
    return new RunOptions(args, input, attention, maxTokens, traceListener, limits, argv);
  }

  /**
   * Memory may grow to at most this many 64 KiB pages: a {@code memory.grow} beyond it
   * returns -1, as when the module's own maximum is reached. It does not shrink the initial
   * memory. The program states the range it accepts (for the interpreter: 0..256, by default
   * 256); {@link Program#run(RunOptions)} refuses a value outside it.
   */
  public RunOptions withMaxMemoryPages(long pages) {
    return withLimit(MAX_MEMORY_PAGES, pages);
  }

  /**
   * At most this many nested calls (frames of called functions, the entry point's included):
   * a call beyond it traps with {@code call stack exhausted}. The program states the range it
   * accepts (for the interpreter: 1..65535, by default 65535, where the slots run out first).
   */
  public RunOptions withMaxCallDepth(long depth) {
    return withLimit(MAX_CALL_DEPTH, depth);
  }

  /**
   * Sets a limit the program's prompt carries, by its name in the bundle; {@link
   * Program#run(RunOptions)} refuses a name the program does not have or a value outside its
   * range.
   */
  public RunOptions withLimit(String name, long value) {
    Map<String, Long> l = new TreeMap<>(limits);
    l.put(Objects.requireNonNull(name, "name"), value);
    return new RunOptions(
        args, input, attention, maxTokens, traceListener, Collections.unmodifiableMap(l), argv);
  }

  /**
   * The command-line arguments of a C {@code main(int argc, char **argv)}, after the program's
   * name: the program sees {@code argc = args.length + 1}, {@code argv[0]} its name, then these
   * strings (UTF-8). Without this call a run gets the arguments the bundle was built with.
   * {@link Program#run(RunOptions)} refuses them for a program whose entry takes no argv, and
   * when they do not fit its argument area ({@link Program#argvCapacity()}).
   */
  public RunOptions withArgv(String... args) {
    for (String a : args) Objects.requireNonNull(a, "an argv string is null");
    return new RunOptions(this.args, input, attention, maxTokens, traceListener, limits, List.of(args));
  }

  /** The strings given to {@link #withArgv}, if any. */
  public Optional<List<String>> argv() {
    return Optional.ofNullable(argv);
  }

  /** A listener for every generated token, or null for none. */
  public RunOptions withTraceListener(TraceListener listener) {
    return new RunOptions(args, input, attention, maxTokens, listener, limits, argv);
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

  /** The limits set with {@link #withLimit}, by name; a program uses its own for the rest. */
  public Map<String, Long> limits() {
    return limits;
  }

  /** The limit named {@code name}, if set. */
  public OptionalLong limit(String name) {
    Long v = limits.get(name);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  public Optional<TraceListener> traceListener() {
    return Optional.ofNullable(traceListener);
  }

  @Override
  public String toString() {
    return "RunOptions[args=" + Arrays.toString(args) + ", input=" + input.length + " bytes"
        + ", attention=" + attention + ", maxTokens=" + maxTokens
        + (limits.isEmpty() ? "" : ", limits=" + limits)
        + (argv == null ? "" : ", argv=" + argv)
        + (traceListener != null ? ", traced" : "") + "]";
  }
}
