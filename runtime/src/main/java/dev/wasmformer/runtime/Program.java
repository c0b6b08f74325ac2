package dev.wasmformer.runtime;

import dev.wasmformer.runtime.format.ArgumentAreaUse;
import dev.wasmformer.runtime.format.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** One token program of a loaded bundle, ready to run; immutable and thread-safe. */
public final class Program {
  private final String name;
  private final String entry;
  private final List<NumberType> params;
  private final List<NumberType> results;
  private final int[] prefix;
  private final int[] suffix;
  private final int[] paramPositions;
  private final Map<String, dev.wasmformer.runtime.format.Limit> limits = new TreeMap<>();
  private final int[] functionStarts;
  private final String[] functionNames;
  private final TokenTable tokens;
  private final StepperFactory steppers;
  /** The prefix positions of the ARGV area's bytes: [first, first + size); size 0 if none. */
  private final int argvFirst;
  private final int argvSize;

  /** {@code program} must come from a validated bundle whose vocabulary {@code tokens} is. */
  Program(dev.wasmformer.runtime.format.Program program, TokenTable tokens, StepperFactory steppers) {
    this.name = program.getName();
    this.entry = program.getEntry();
    this.params = program.getParamsList().stream().map(Program::numberType).toList();
    this.results = program.getResultsList().stream().map(Program::numberType).toList();
    this.prefix = program.getPrefixList().stream().mapToInt(Integer::intValue).toArray();
    this.suffix = program.getSuffixList().stream().mapToInt(Integer::intValue).toArray();
    this.paramPositions =
        program.getParamPositionsList().stream().mapToInt(Integer::intValue).toArray();
    this.tokens = tokens;
    this.steppers = steppers;
    for (var limit : program.getLimitsList()) limits.put(limit.getName(), limit);
    this.functionStarts = program.getFunctionsList().stream().mapToInt(f -> f.getStart()).toArray();
    this.functionNames = program.getFunctionsList().stream().map(f -> f.getName()).toArray(String[]::new);
    var area = program.getArgumentArea();
    boolean argv = program.hasArgumentArea() && area.getUse() == ArgumentAreaUse.ARGV;
    this.argvFirst = argv ? area.getFirstPosition() : 0;
    this.argvSize = argv ? area.getSize() : 0;
  }

  private static NumberType numberType(ValueType type) {
    return switch (type) {
      case I32 -> NumberType.I32;
      case I64 -> NumberType.I64;
      default -> throw new IllegalArgumentException("not a number type: " + type);
    };
  }

  /** The program's name, unique within its bundle. */
  public String name() {
    return name;
  }

  /** The exported function the program enters. */
  public String entry() {
    return entry;
  }

  public List<NumberType> params() {
    return params;
  }

  /** Empty, or the one result type. */
  public List<NumberType> results() {
    return results;
  }

  /** E.g. {@code add(i32, i32) -> i32}; a program without result shows {@code -> ()}. */
  public String signature() {
    String paramList = params.stream().map(NumberType::toString).collect(Collectors.joining(", "));
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

  /** Runs with {@code args} and otherwise default options. */
  public RunResult run(long... args) {
    return run(RunOptions.defaults().withArgs(args));
  }

  /**
   * Runs the program on the transformer until it halts.
   *
   * @throws IllegalArgumentException if the arguments do not match the parameters, a limit is
   *     one the program does not have or outside its range, or the input has a byte the
   *     vocabulary has no INPUT_BYTE token for
   * @throws TrapException if the program traps
   * @throws TokenLimitException if the run reaches {@link RunOptions#maxTokens()} first
   * @throws MalformedTraceException if the model's trace cannot be read as a result
   */
  public RunResult run(RunOptions options) {
    int[] prompt = prompt(options.args(), options.input(), options.limits());
    options.argv().ifPresent(argv -> writeArgv(prompt, argv));
    TokenStepper stepper = steppers.newStepper(options.attention());
    int resultBytes = results.isEmpty() ? 0 : results.get(0).bytes();
    return new DecodeLoop(stepper, tokens, options, i -> functionAt(i).orElse(null))
        .run(prompt, resultBytes);
  }

  /**
   * Runs the program once per element of {@code runs}, each run independent of the others,
   * on {@code threads} threads that share the loaded transformer (every run has its own
   * caches). Returns the outcomes in the order of {@code runs}; a run that traps or fails does
   * not stop the others.
   *
   * @throws IllegalArgumentException if {@code threads} is not positive
   */
  public List<RunOutcome> runBatch(List<RunOptions> runs, int threads) {
    if (threads < 1) throw new IllegalArgumentException("threads must be positive: " + threads);
    RunOptions[] options = runs.toArray(new RunOptions[0]);
    RunOutcome[] outcomes = new RunOutcome[options.length];
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < options.length; i = next.getAndIncrement()) {
        try {
          outcomes[i] = RunOutcome.of(run(options[i]));
        } catch (RuntimeException e) {
          outcomes[i] = RunOutcome.failed(e);
        }
      }
    };
    int count = Math.min(threads, Math.max(1, options.length));
    Thread[] workers = new Thread[count - 1];
    for (int t = 0; t < workers.length; t++) {
      workers[t] = new Thread(worker, "wasmformer-batch-" + (t + 1));
      workers[t].setDaemon(true);
      workers[t].start();
    }
    worker.run();
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
      for (int b = 0; b < params.get(p).bytes(); b++) {
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
                + " name first); build it with a larger argument area");
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
      if (params.get(p) == NumberType.I32
          && (args[p] < Integer.MIN_VALUE || args[p] > 0xFFFF_FFFFL)) {
        throw new IllegalArgumentException(
            "argument " + (p + 1) + " of " + signature() + " is " + args[p]
                + ", which does not fit in an i32 (-2147483648..4294967295)");
      }
    }
  }

  @Override
  public String toString() {
    return signature();
  }
}
