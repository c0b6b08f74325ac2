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
  /**
   * The most tokens a run without {@link #withMaxTokens} may generate. A run lowers it when
   * it starts, to what the Java heap can hold: the run's attention caches keep about {@code b}
   * bytes per position (its model's estimate, e.g. 24 to 44 for a bundle's restricted model,
   * 84 for the universal one), in arrays that grow by doubling, so the limit is {@code
   * (maxHeap - used - maxHeap / 8) / (3 b)} less the prompt's positions still to feed, where
   * {@code used} is the heap in use at the start less the bundle's kept prompt prefixes (which
   * the JVM drops before it runs out of heap), plus twice a run's own copy of a kept state (which
   * may grow to three times its size). A runaway program so stops with a {@link
   * TokenLimitException} (its {@link TokenLimitException#limitFromHeap()} true) instead of
   * filling the heap. A limit set with {@link #withMaxTokens} is not lowered to the heap. Both
   * are lowered to the model's position limit: no run goes past 2^26 + 1 positions, the
   * prompt's included ({@link TokenLimitException#limitFromPositions()}).
   */
  public static final long DEFAULT_MAX_TOKENS = 100_000_000L;

  /** The bundle's name of the limit on the memory's size in 64 KiB pages ({@code memory.grow}). */
  public static final String MAX_MEMORY_PAGES = "max_memory_pages";

  /** The bundle's name of the limit on nested calls (frames of called functions). */
  public static final String MAX_CALL_DEPTH = "max_call_depth";

  private static final RunOptions DEFAULTS =
      new RunOptions(new long[0], null, new byte[0], Attention.HULL, 0, null, Map.of(), null);

  private final long[] args;
  private final Object[] arguments; // null: the raw args count
  private final byte[] input;
  private final Attention attention;
  private final long maxTokens; // 0: not set (the default, which the heap may lower)
  private final TraceListener traceListener;
  private final Map<String, Long> limits;
  private final List<String> argv;

  private RunOptions(
      long[] args,
      Object[] arguments,
      byte[] input,
      Attention attention,
      long maxTokens,
      TraceListener listener,
      Map<String, Long> limits,
      List<String> argv) {
    this.args = args;
    this.arguments = arguments;
    this.input = input;
    this.attention = attention;
    this.maxTokens = maxTokens;
    this.traceListener = listener;
    this.limits = limits;
    this.argv = argv;
  }

  /**
   * No arguments, no input, hull attention, the default token limit ({@value
   * #DEFAULT_MAX_TOKENS}, or what the heap holds), the program's own limits, no listener.
   */
  public static RunOptions defaults() {
    return DEFAULTS;
  }

  /**
   * The program's arguments as raw words, one per parameter. An i32 argument may be given
   * signed or unsigned (-2^31 .. 2^32-1); an i64 argument is any long; a float or double is
   * its IEEE bits ({@code Float.floatToRawIntBits}, {@code Double.doubleToRawLongBits}). A
   * program with a byte-buffer parameter needs {@link #withArguments(Object...)} instead.
   * Replaces any earlier {@code withArguments}.
   */
  public RunOptions withArgs(long... args) {
    return new RunOptions(args.clone(), null, input, attention, maxTokens, traceListener, limits, argv);
  }

  /**
   * The program's arguments as Java values, one per parameter, by the parameter's {@link
   * ValueKind}: an {@code Integer} (or {@code Short}, {@code Byte}, or a {@code Long} in
   * -2^31 .. 2^32-1) for i32; a {@code Long} (or a narrower integer) for i64; a {@code Float}
   * for f32; a {@code Double} (or a {@code Float}) for f64; a non-null {@code byte[]} for bytes.
   *
   * <p>A {@code byte[]} is held by reference, not copied: its bytes are read when a run starts
   * and, when the run halts normally, overwritten with the bytes the program left in that
   * buffer (copy-in, copy-out, like JNI's array elements). A run that traps or stops at its
   * token limit leaves the arrays untouched. Runs that share an array must not overlap.
   * Replaces any earlier {@code withArgs}; the values are checked when the program runs.
   */
  public RunOptions withArguments(Object... arguments) {
    return new RunOptions(new long[0], arguments.clone(), input, attention, maxTokens, traceListener, limits, argv);
  }

  /** The bytes the program reads as its input (getchar). */
  public RunOptions withInput(byte[] input) {
    return new RunOptions(args, arguments, input.clone(), attention, maxTokens, traceListener, limits, argv);
  }

  public RunOptions withAttention(Attention attention) {
    return new RunOptions(
        args, arguments, input, Objects.requireNonNull(attention, "attention"), maxTokens, traceListener,
        limits, argv);
  }

  /**
   * At most this many generated tokens; a run that needs more ends in {@link
   * TokenLimitException}. Unlike the default ({@link #DEFAULT_MAX_TOKENS}), the heap does not
   * lower it: a run that outgrows the heap first ends in {@link HeapExhaustedException}. The
   * model's position limit does (see {@link #DEFAULT_MAX_TOKENS}).
   */
  public RunOptions withMaxTokens(long maxTokens) {
    if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens);
    return new RunOptions(args, arguments, input, attention, maxTokens, traceListener, limits, argv);
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
        args, arguments, input, attention, maxTokens, traceListener, Collections.unmodifiableMap(l), argv);
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
    return new RunOptions(this.args, arguments, input, attention, maxTokens, traceListener, limits, List.of(args));
  }

  /** The strings given to {@link #withArgv}, if any. */
  public Optional<List<String>> argv() {
    return Optional.ofNullable(argv);
  }

  /** A listener for every generated token, or null for none. */
  public RunOptions withTraceListener(TraceListener listener) {
    return new RunOptions(args, arguments, input, attention, maxTokens, listener, limits, argv);
  }

  /** The raw words set with {@link #withArgs(long...)}; empty when arguments are typed. */
  public long[] args() {
    return args.clone();
  }

  /**
   * The Java values set with {@link #withArguments(Object...)} (the byte arrays themselves),
   * if arguments were given that way.
   */
  public Optional<List<Object>> arguments() {
    return arguments == null ? Optional.empty() : Optional.of(Collections.unmodifiableList(Arrays.asList(arguments)));
  }

  /** The typed arguments as given, or null: for the runtime, which writes into the arrays. */
  Object[] typedArguments() {
    return arguments;
  }

  public byte[] input() {
    return input.clone();
  }

  public Attention attention() {
    return attention;
  }

  /**
   * The limit {@link #withMaxTokens} set, else {@link #DEFAULT_MAX_TOKENS} (which a run lowers
   * to what the heap holds when it starts; see there).
   */
  public long maxTokens() {
    return maxTokens == 0 ? DEFAULT_MAX_TOKENS : maxTokens;
  }

  /** Whether {@link #withMaxTokens} set the limit (the heap then leaves it as it is). */
  public boolean maxTokensSet() {
    return maxTokens != 0;
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
    return "RunOptions[args=" + (arguments == null ? Arrays.toString(args) : describe(arguments)) + ", input=" + input.length + " bytes"
        + ", attention=" + attention + ", maxTokens=" + (maxTokens == 0 ? "default" : maxTokens)
        + (limits.isEmpty() ? "" : ", limits=" + limits)
        + (argv == null ? "" : ", argv=" + argv)
        + (traceListener != null ? ", traced" : "") + "]";
  }

  private static String describe(Object[] arguments) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < arguments.length; i++) {
      if (i > 0) text.append(", ");
      Object a = arguments[i];
      text.append(a instanceof byte[] bytes ? "byte[" + bytes.length + "]" : String.valueOf(a));
    }
    return text.append(']').toString();
  }
}
