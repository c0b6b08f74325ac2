package dev.wasmformer.runtime;

import dev.wasmformer.runtime.format.ArgumentAreaUse;
import dev.wasmformer.runtime.format.ValueType;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * One token program of a loaded bundle, ready to run; thread-safe. Keeps the model's state after
 * its prompt's fixed prefix once a run has fed it, so that later runs start there.
 */
public final class Program {
  /** Byte buffers start at multiples of this many bytes within the argument area. */
  public static final int BUFFER_ALIGNMENT = 16;

  private final String name;
  private final String entry;
  private final List<ValueKind> params;
  private final List<ValueKind> results;
  private final int[] prefix;
  private final int[] suffix;
  private final int[] paramPositions;
  private final Map<String, dev.wasmformer.runtime.format.Limit> limits = new TreeMap<>();
  private final int[] functionStarts;
  private final String[] functionNames;
  private final TokenTable tokens;
  private final StepperFactory steppers;
  /** {@link #functionAt} for the decode loop's trap reports, or null; a class, not a lambda. */
  private final IntFunction<String> functionNamer = new IntFunction<>() {
    @Override
    public String apply(int index) {
      return functionAt(index).orElse(null);
    }
  };
  private final BufferArea area; // null: the program takes no byte buffers
  /** The prefix positions of the ARGV area's bytes: [first, first + size); size 0 if none. */
  private final int argvFirst;
  private final int argvSize;
  /** The transformer's states after the prompt's part that no run changes. */
  private final PrefixCache prefixes;
  /** The heap the bundle's kept states may take, shared by its programs. */
  private final PrefixBudget keptStates;

  /**
   * {@code program} must come from a validated bundle whose vocabulary {@code tokens} is; its
   * kept prefix states share {@code keptStates} with the bundle's other programs.
   */
  Program(dev.wasmformer.runtime.format.Program program, TokenTable tokens, StepperFactory steppers,
      PrefixBudget keptStates) {
    this.name = program.getName();
    this.entry = program.getEntry();
    // Plain loops, not streams or lambdas: each lambda costs a cold JVM a class spun at its
    // first call, and this runs on the way to a bundle's first token.
    this.params = kinds(program.getParamsList());
    this.results = kinds(program.getResultsList());
    this.area = bufferArea(program);
    this.prefix = ints(program.getPrefixList());
    this.suffix = ints(program.getSuffixList());
    this.paramPositions = ints(program.getParamPositionsList());
    this.tokens = tokens;
    this.steppers = steppers;
    for (var limit : program.getLimitsList()) limits.put(limit.getName(), limit);
    int functions = program.getFunctionsCount();
    this.functionStarts = new int[functions];
    this.functionNames = new String[functions];
    for (int f = 0; f < functions; f++) {
      functionStarts[f] = program.getFunctions(f).getStart();
      functionNames[f] = program.getFunctions(f).getName();
    }
    var area = program.getArgumentArea();
    boolean argv = program.hasArgumentArea() && area.getUse() == ArgumentAreaUse.ARGV;
    this.argvFirst = argv ? area.getFirstPosition() : 0;
    this.argvSize = argv ? area.getSize() : 0;
    int[] changed = Arrays.copyOf(paramPositions, paramPositions.length + 1);
    changed[paramPositions.length] = program.hasArgumentArea() ? area.getFirstPosition() : prefix.length;
    this.keptStates = keptStates;
    int fixed = PrefixCache.fixedLength(prefix.length, changed);
    StoredPrefix stored = program.hasPrefixState()
        ? new StoredPrefix(program.getPrefixState(), Arrays.copyOf(prefix, fixed)) : StoredPrefix.none();
    this.prefixes = new PrefixCache(fixed, keptStates, stored);
  }

  private static List<ValueKind> kinds(List<ValueType> types) {
    ValueKind[] kinds = new ValueKind[types.size()];
    for (int i = 0; i < kinds.length; i++) kinds[i] = kind(types.get(i));
    return List.of(kinds);
  }

  private static int[] ints(List<Integer> values) {
    int[] ints = new int[values.size()];
    for (int i = 0; i < ints.length; i++) ints[i] = values.get(i);
    return ints;
  }

  private static ValueKind kind(ValueType type) {
    return switch (type) {
      case I32 -> ValueKind.I32;
      case I64 -> ValueKind.I64;
      case F32 -> ValueKind.F32;
      case F64 -> ValueKind.F64;
      case BYTES -> ValueKind.BYTES;
      default -> throw new IllegalArgumentException("not a value type: " + type);
    };
  }

  /** The BUFFERS area: {@code size} bytes at {@code address}, byte k at prompt position {@code first + k}. */
  private record BufferArea(int address, int size, int first) {}

  private static BufferArea bufferArea(dev.wasmformer.runtime.format.Program program) {
    var a = program.getArgumentArea();
    if (!program.hasArgumentArea() || a.getUse() != ArgumentAreaUse.BUFFERS) return null;
    return new BufferArea(a.getAddress(), a.getSize(), a.getFirstPosition());
  }

  /** The program's name, unique within its bundle. */
  public String name() {
    return name;
  }

  /** The exported function the program enters. */
  public String entry() {
    return entry;
  }

  /**
   * The WebAssembly types of the entry function's parameters: a float's is i32, a double's
   * i64, a byte buffer's i32 (its address). {@link #paramKinds()} tells them apart.
   */
  public List<NumberType> params() {
    return params.stream().map(ValueKind::wasm).toList();
  }

  /** Empty, or the WebAssembly type of the one result. */
  public List<NumberType> results() {
    return results.stream().map(ValueKind::wasm).toList();
  }

  /** What each parameter holds, as {@link #call} and {@link RunOptions#withArguments} take it. */
  public List<ValueKind> paramKinds() {
    return params;
  }

  /** Empty, or what the one result holds. */
  public List<ValueKind> resultKinds() {
    return results;
  }

  /**
   * The most bytes the program's byte buffers may take together, each counted from a
   * {@value #BUFFER_ALIGNMENT}-byte boundary; 0 when it takes none.
   */
  public int bufferCapacity() {
    return area == null ? 0 : area.size();
  }

  /**
   * E.g. {@code add(i32, i32) -> i32}, {@code scale(f32, i32) -> f32}, {@code checksum(bytes,
   * i32) -> i32}; a program without result shows {@code -> ()}.
   */
  public String signature() {
    String paramList = params.stream().map(ValueKind::toString).collect(Collectors.joining(", "));
    String result = results.isEmpty() ? "()" : results.get(0).toString();
    return name + "(" + paramList + ") -> " + result;
  }

  /**
   * The name of the function holding instruction {@code index} of the token program, when
   * the bundle names the program's functions.
   */
  public Optional<String> functionAt(int index) {
    String name = null;
    for (int f = 0; f < functionStarts.length && functionStarts[f] <= index; f++) name = functionNames[f];
    return Optional.ofNullable(name);
  }

  /**
   * The limits this program's prompt carries, each with the range of values a run may ask for
   * ({@link RunOptions#withLimit}), by name, e.g. {@code max_call_depth}: 1..65535.
   */
  public Map<String, LimitRange> limits() {
    Map<String, LimitRange> l = new TreeMap<>();
    limits.forEach((name, limit) -> l.put(name, new LimitRange(
        Integer.toUnsignedLong(limit.getMinValue()), Integer.toUnsignedLong(limit.getMaxValue()))));
    return l;
  }

  /**
   * The values a run may give a limit; {@code max} is also the value the prompt holds when the
   * run gives none.
   */
  public record LimitRange(long min, long max) {
    @Override
    public String toString() {
      return min + ".." + max;
    }
  }

  /**
   * Whether the program is a C {@code main(int argc, char **argv)} whose arguments a run may
   * set ({@link RunOptions#withArgv}).
   */
  public boolean takesArgv() {
    return argvSize > 0;
  }

  /**
   * The bytes the arguments of {@link RunOptions#withArgv} may take in the program's memory:
   * 4 for argc, then each string's UTF-8 bytes and a NUL, the program's name (argv[0]) first;
   * 0 when the program takes no argv.
   */
  public int argvCapacity() {
    return argvSize;
  }

  /**
   * Runs with {@code args} as raw words (floats as their bits) and otherwise default options;
   * a program with a byte-buffer parameter needs {@link #call} or {@link
   * RunOptions#withArguments}.
   */
  public RunResult run(long... args) {
    return run(RunOptions.defaults().withArgs(args));
  }

  /**
   * Calls the program with Java values (as {@link RunOptions#withArguments} takes them) and
   * otherwise default options; returns the result as {@link RunResult#typedReturnValue()}
   * gives it ({@code Integer}, {@code Long}, {@code Float} or {@code Double}), or null when
   * the entry function returns nothing. A {@code byte[]} argument holds, afterwards, the
   * bytes the program left in its buffer. The program's output is dropped; use {@link
   * #run(RunOptions)} to see it.
   *
   * @throws IllegalArgumentException if the arguments do not match the parameters (count,
   *     kind, range), an array is null, or the arrays do not fit the program's argument area
   * @throws TrapException if the program traps
   * @throws TokenLimitException if the run reaches the default token limit
   */
  public Object call(Object... args) {
    return run(RunOptions.defaults().withArguments(args)).typedReturnValue().orElse(null);
  }

  /**
   * Runs the program on the transformer until it halts.
   *
   * @throws IllegalArgumentException if the arguments do not match the parameters, a limit is
   *     one the program does not have or outside its range, or the input has a byte the
   *     vocabulary has no INPUT_BYTE token for
   * @throws TrapException if the program traps
   * @throws TokenLimitException if the run reaches its token limit first: {@link
   *     RunOptions#maxTokens()}, lowered to what the heap holds when no limit was set
   * @throws HeapExhaustedException if the run's caches fill the Java heap first
   * @throws MalformedTraceException if the model's trace cannot be read as a result
   */
  public RunResult run(RunOptions options) {
    return run(options, PrefixCache.ENABLED);
  }

  /**
   * {@link #run(RunOptions)}, starting from the kept state after the prompt's fixed prefix when
   * {@code prefixCache} is set (see {@link PrefixCache}), feeding the whole prompt otherwise.
   */
  RunResult run(RunOptions options, boolean prefixCache) {
    Object[] typed = options.typedArguments();
    Call call = typed == null ? rawCall(options.args()) : typedCall(typed);
    int[] prompt = prompt(call.words(), options.input(), options.limits());
    placeBuffers(prompt, call);
    if (options.argv().isPresent()) writeArgv(prompt, options.argv().get());
    int resultBytes = results.isEmpty() ? 0 : results.get(0).wasm().bytes();
    // no local holds the stepper: when its caches fill the heap, the loop drops them
    PrefixCache.Start start = prefixCache ? prefixes.start(steppers, options.attention(), prompt)
        : new PrefixCache.Start(steppers.newStepper(options.attention()), 0, 0);
    int fed = start.fed();
    // after the start: a resumed run's copy of the kept state is in the heap in use already
    TokenBudget budget = TokenBudget.of(options, steppers.bytesPerPosition(options.attention()),
        prompt.length - fed, keptStates.keptBytes(), start.bytes()).within(steppers.positionLimit(), prompt.length);
    DecodeLoop loop = new DecodeLoop(start.stepper(), tokens, options, budget, functionNamer);
    start = null;   // the loop alone holds the stepper (see above)
    RunResult raw = loop.run(fed == 0 ? prompt : Arrays.copyOfRange(prompt, fed, prompt.length), resultBytes);
    int[] lengths = new int[call.buffers().size()];
    for (int i = 0; i < lengths.length; i++) lengths[i] = call.buffers().get(i).length;
    RunResult result = raw.typed(results.isEmpty() ? null : results.get(0), lengths);
    // copy-out: only a run that halted normally gets here
    List<byte[]> finals = result.buffers();
    for (int i = 0; i < finals.size(); i++) {
      System.arraycopy(finals.get(i), 0, call.buffers().get(i), 0, lengths[i]);
    }
    return result;
  }

  /**
   * A call's arguments as the prompt's words (a buffer's: its address, and its length in the
   * high word) and the byte arrays of its buffers, in parameter order, with their addresses.
   */
  private record Call(long[] words, List<byte[]> buffers, int[] addresses) {}

  private Call rawCall(long[] args) {
    checkArguments(args);
    for (int p = 0; p < params.size(); p++) {
      if (params.get(p) == ValueKind.BYTES) {
        throw new IllegalArgumentException("parameter " + (p + 1) + " of " + signature()
            + " is a byte buffer; pass a byte[] with call(...) or RunOptions.withArguments(...)");
      }
    }
    return new Call(args, List.of(), new int[0]);
  }

  private Call typedCall(Object[] args) {
    if (args.length != params.size()) {
      throw new IllegalArgumentException(
          signature() + " takes " + params.size() + " argument" + (params.size() == 1 ? "" : "s")
              + ", got " + args.length);
    }
    long[] words = new long[args.length];
    List<byte[]> buffers = new java.util.ArrayList<>();
    int used = 0;
    int[] addresses = new int[args.length];
    for (int p = 0; p < args.length; p++) {
      Object a = args[p];
      ValueKind kind = params.get(p);
      if (a == null) {
        throw new IllegalArgumentException("argument " + (p + 1) + " of " + signature() + " is null"
            + (kind == ValueKind.BYTES ? "; a byte buffer cannot be NULL (pass an empty array for no bytes)" : ""));
      }
      words[p] = switch (kind) {
        case I32 -> i32(p, a);
        case I64 -> {
          if (!isInteger(a)) throw wrongKind(p, a, "an integer (Long or Integer)");
          yield ((Number) a).longValue();
        }
        case F32 -> {
          if (!(a instanceof Float f)) throw wrongKind(p, a, "a Float");
          yield Float.floatToRawIntBits(f) & 0xFFFF_FFFFL;
        }
        case F64 -> {
          if (a instanceof Double d) yield Double.doubleToRawLongBits(d);
          if (a instanceof Float f) yield Double.doubleToRawLongBits(f);
          throw wrongKind(p, a, "a Double (or Float)");
        }
        case BYTES -> {
          if (!(a instanceof byte[] bytes)) throw wrongKind(p, a, "a byte[]");
          if (area == null) {
            throw new IllegalStateException(name + " takes a byte buffer but its bundle gives it no argument area");
          }
          int offset = (used + BUFFER_ALIGNMENT - 1) & -BUFFER_ALIGNMENT;
          if ((long) offset + bytes.length > area.size()) {
            throw new IllegalArgumentException("the byte arrays of " + signature() + " take "
                + ((long) offset + bytes.length) + " bytes (each starts at a " + BUFFER_ALIGNMENT
                + "-byte boundary), more than its argument area's capacity of " + area.size()
                + " bytes (set when the program is built: the Maven parameter argumentAreaBytes,"
                + " -Dwasmformer.argumentAreaBytes, or CompileOptions.argAreaBytes)");
          }
          used = offset + bytes.length;
          buffers.add(bytes);
          addresses[buffers.size() - 1] = area.address() + offset;
          yield Integer.toUnsignedLong(area.address() + offset) | (long) bytes.length << 32;
        }
      };
    }
    return new Call(words, buffers, Arrays.copyOf(addresses, buffers.size()));
  }

  private long i32(int p, Object a) {
    if (!isInteger(a)) throw wrongKind(p, a, "an int (Integer)");
    long v = ((Number) a).longValue();
    if (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("argument " + (p + 1) + " of " + signature() + " is " + v
          + ", which does not fit in an i32 (-2147483648..4294967295)");
    }
    return v;
  }

  private static boolean isInteger(Object a) {
    return a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte;
  }

  private IllegalArgumentException wrongKind(int p, Object a, String expected) {
    return new IllegalArgumentException("argument " + (p + 1) + " of " + signature() + " is "
        + (a instanceof byte[] ? "a byte[]" : "a " + a.getClass().getSimpleName()) + "; its parameter is "
        + params.get(p) + ", which takes " + expected);
  }

  /**
   * Writes each buffer's bytes over the argument area's DATA_BYTE tokens of the prompt; the
   * area's other bytes are 0.
   */
  private void placeBuffers(int[] prompt, Call call) {
    if (area == null) return;
    int zero = tokens.dataByte(0);
    for (int k = 0; k < area.size(); k++) prompt[area.first() + k] = zero;
    for (int i = 0; i < call.buffers().size(); i++) {
      byte[] bytes = call.buffers().get(i);
      int at = area.first() + call.addresses()[i] - area.address();
      for (int k = 0; k < bytes.length; k++) prompt[at + k] = tokens.dataByte(bytes[k] & 0xFF);
    }
  }

  /**
   * Runs the program once per element of {@code runs}, each run independent of the others,
   * on {@code threads} threads that share the loaded transformer (every run has its own
   * caches). The one-time work of a model's first runs (its generated code) is done before
   * the threads start, so that no background work competes with them, and a batch of at least
   * two runs per thread starts with a few short runs of its first run's options, whose results
   * are dropped, so that the JIT compiles the code for runs that start and end (see {@link
   * #warmUp}). Returns the outcomes
   * in the order of {@code runs}, each with the CPU time of the thread that ran it; a run
   * that traps or fails does not stop the others.
   *
   * @throws IllegalArgumentException if {@code threads} is not positive
   */
  public List<RunOutcome> runBatch(List<RunOptions> runs, int threads) {
    if (threads < 1) throw new IllegalArgumentException("threads must be positive: " + threads);
    RunOptions[] options = runs.toArray(new RunOptions[0]);
    RunOutcome[] outcomes = new RunOutcome[options.length];
    EnumSet<Attention> kinds = EnumSet.noneOf(Attention.class);
    for (RunOptions o : options) kinds.add(o.attention());
    for (Attention kind : kinds) steppers.prepare(kind);
    if (options.length >= 2 * Math.min(threads, options.length)) warmUp(options[0]);
    AtomicInteger next = new AtomicInteger();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    boolean timed = cpu.isCurrentThreadCpuTimeSupported();
    int count = Math.min(threads, Math.max(1, options.length));
    Thread[] workers = new Thread[count - 1];
    Runnable[] work = new Runnable[count];
    for (int t = 0; t < count; t++) {
      int thread = t;
      // Each worker writes only its own runs' slots of outcomes; the joins publish them.
      work[t] = () -> {
        for (int i = next.getAndIncrement(); i < options.length; i = next.getAndIncrement()) {
          long start = timed ? cpu.getCurrentThreadCpuTime() : -1;
          RunResult result = null;
          RuntimeException failure = null;
          try {
            result = run(options[i]);
          } catch (RuntimeException e) {
            failure = e;
          }
          double seconds = timed ? (cpu.getCurrentThreadCpuTime() - start) / 1e9 : -1;
          outcomes[i] = result != null
              ? RunOutcome.of(result, thread, seconds)
              : RunOutcome.failed(failure, thread, seconds);
        }
      };
    }
    for (int t = 0; t < workers.length; t++) {
      workers[t] = new Thread(work[t + 1], "wasmformer-batch-" + (t + 1));
      workers[t].setDaemon(true);
      workers[t].start();
    }
    work[0].run();
    for (Thread t : workers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a batch", e);
      }
    }
    return List.of(outcomes);
  }

  /** Short runs before a batch's workers start (see {@link #warmUp}). */
  static final int WARM_UP_RUNS = 3;
  /** Tokens of each warm-up run at most: past the gate filters' first builds. */
  static final long WARM_UP_TOKENS = 4000;

  /**
   * A few short runs of {@code first} (at most {@link #WARM_UP_TOKENS} tokens each, results
   * dropped) on this thread before the workers start. A run's first steps take branches that
   * its later steps never take (empty caches, filters not built yet); the JIT, having seen them
   * only before it profiled, compiles the hot code without them, and every run after the first
   * then throws that code away and has it recompiled (a fresh JVM's C2 time competing with the
   * workers). Restarting runs while the JIT profiles puts a run's start in the profile. Costs
   * at most {@value #WARM_UP_RUNS} x {@value #WARM_UP_TOKENS} tokens, done only for batches of
   * at least two runs per thread with the hull cache; the runs' results and trace listeners
   * never see it.
   */
  private void warmUp(RunOptions first) {
    if (first.typedArguments() != null) return;   // its byte buffers would be written
    if (first.attention() != Attention.HULL) return;   // naive steps cost O(n): no short runs
    RunOptions shortRun = first.withTraceListener(null)
        .withMaxTokens(Math.min(first.maxTokens(), WARM_UP_TOKENS));
    for (int i = 0; i < WARM_UP_RUNS; i++) {
      try {
        run(shortRun);
      } catch (RuntimeException ignored) {
        // A short run ends at its token limit (or as the real run will): only its code counts.
      }
    }
  }

  /** Like {@link #runBatch(List, int)} on as many threads as the machine has processors. */
  public List<RunOutcome> runBatch(List<RunOptions> runs) {
    return runBatch(runs, Runtime.getRuntime().availableProcessors());
  }

  /** prefix (argument bytes patched in) + INPUT_BYTE per input byte + INPUT_END + suffix. */
  int[] prompt(long[] args, byte[] input) {
    return prompt(args, input, Map.of());
  }

  /** The prompt, with the suffix's bytes of the given limits replaced. */
  int[] prompt(long[] args, byte[] input, Map<String, Long> limitValues) {
    checkArguments(args);
    checkLimits(limitValues);
    int[] prompt = new int[prefix.length + input.length + 1 + suffix.length];
    System.arraycopy(prefix, 0, prompt, 0, prefix.length);
    int position = 0;
    for (int p = 0; p < params.size(); p++) {
      for (int b = 0; b < params.get(p).promptBytes(); b++) {
        int value = (int) (args[p] >>> (8 * b)) & 0xFF;
        // Validation guarantees a PROGRAM_BYTE token for every value when there are params.
        prompt[paramPositions[position++]] = tokens.programByte(value);
      }
    }
    int at = prefix.length;
    for (byte b : input) {
      int token = tokens.inputByte(b & 0xFF);
      if (token < 0) {
        throw new IllegalArgumentException(
            String.format("this bundle cannot take input byte 0x%02x (no INPUT_BYTE token)", b));
      }
      prompt[at++] = token;
    }
    prompt[at++] = tokens.inputEnd();
    System.arraycopy(suffix, 0, prompt, at, suffix.length);
    for (var e : limitValues.entrySet()) {
      var limit = limits.get(e.getKey());
      for (int b = 0; b < limit.getSuffixPositionsCount(); b++) {
        int value = (int) (e.getValue() >>> (8 * b)) & 0xFF;
        // Validation guarantees a PROGRAM_BYTE token for every value when there are limits.
        prompt[at + limit.getSuffixPositions(b)] = tokens.programByte(value);
      }
    }
    return prompt;
  }

  /**
   * Replaces the ARGV area's bytes in {@code prompt}: argc, then argv[0] (the program's name)
   * and {@code args}, each NUL-terminated, then zeros.
   */
  private void writeArgv(int[] prompt, List<String> args) {
    if (argvSize == 0) {
      throw new IllegalArgumentException(
          "the program " + name + " takes no command-line arguments (its entry " + entry
              + " reads no argv), but " + args.size() + " were given");
    }
    byte[] area = new byte[argvSize];
    int argc = args.size() + 1;
    for (int b = 0; b < 4; b++) area[b] = (byte) (argc >>> (8 * b));
    int at = 4;
    for (int i = 0; i <= args.size(); i++) {
      byte[] s = (i == 0 ? name : args.get(i - 1)).getBytes(StandardCharsets.UTF_8);
      if (at + s.length + 1 > argvSize) {
        throw new IllegalArgumentException(
            "the arguments of " + name + " do not fit its argument area of " + argvSize
                + " bytes (argc, then each argument's UTF-8 bytes and a NUL, the program's"
                + " name first); a C program can be built with a larger one (the Maven parameter"
                + " argumentAreaBytes, -Dwasmformer.argumentAreaBytes, or CompileOptions.argAreaBytes),"
                + " a WASI program's is fixed");
      }
      System.arraycopy(s, 0, area, at, s.length);
      at += s.length + 1;
    }
    for (int k = 0; k < argvSize; k++) prompt[argvFirst + k] = tokens.dataByte(area[k] & 0xFF);
  }

  private void checkLimits(Map<String, Long> limitValues) {
    for (var e : limitValues.entrySet()) {
      var limit = limits.get(e.getKey());
      if (limit == null) {
        throw new IllegalArgumentException(
            "the program " + name + " has no limit " + e.getKey()
                + (limits.isEmpty() ? " (its bundle carries none)" : "; it has " + limits.keySet()));
      }
      long min = Integer.toUnsignedLong(limit.getMinValue());
      long max = Integer.toUnsignedLong(limit.getMaxValue());
      if (e.getValue() < min || e.getValue() > max) {
        throw new IllegalArgumentException(
            e.getKey() + " " + e.getValue() + " is outside the range " + min + ".." + max
                + " that " + name + " accepts");
      }
    }
  }

  private void checkArguments(long[] args) {
    if (args.length != params.size()) {
      throw new IllegalArgumentException(
          signature() + " takes " + params.size() + " argument" + (params.size() == 1 ? "" : "s")
              + ", got " + args.length);
    }
    for (int p = 0; p < args.length; p++) {
      if (params.get(p).promptBytes() == 4
          && (args[p] < Integer.MIN_VALUE || args[p] > 0xFFFF_FFFFL)) {
        throw new IllegalArgumentException(
            "argument " + (p + 1) + " of " + signature() + " is " + args[p]
                + ", which does not fit in an i32 (-2147483648..4294967295)");
      }
    }
  }

  /**
   * What the bundle stores for this program's fixed prompt prefix, as {@code inspect} shows it:
   * whether a state is stored, its bytes and tokens, and whether this runtime uses it for the
   * first run (checking it, and reading it, to tell) or why not.
   */
  public StoredPrefixState storedPrefixState() {
    StoredPrefix.Status s = prefixes.storedStatus(steppers);
    return new StoredPrefixState(s.stored(), s.bytes(), s.inflatedBytes(), s.tokens(), s.usable(), s.reason());
  }

  /**
   * A program's prefix state as its bundle stores it: {@code stored} (else the rest is 0 and
   * "none stored"), its {@code bytes} in the bundle (compressed) and {@code inflatedBytes}, the
   * prompt {@code tokens} it holds, whether this runtime uses it and, if not, why.
   */
  public record StoredPrefixState(boolean stored, long bytes, long inflatedBytes, int tokens, boolean usable,
      String reason) {}

  /** The kept states of this program's fixed prompt prefix (for tests). */
  PrefixCache prefixCache() {
    return prefixes;
  }

  @Override
  public String toString() {
    return signature();
  }
}
