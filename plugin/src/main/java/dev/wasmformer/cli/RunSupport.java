package dev.wasmformer.cli;

import dev.wasmformer.runtime.Attention;
import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.Program;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.TokenLimitException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** What the commands that run a program share: choosing it, its arguments, input and cache. */
final class RunSupport {
  private RunSupport() {}

  /** The program named {@code name}, or the bundle's only program. */
  static Program program(LoadedBundle bundle, String name) {
    if (name != null) return bundle.program(name);
    if (bundle.programs().size() != 1) {
      throw new IllegalArgumentException("the bundle has " + bundle.programs().size()
          + " programs; choose one with --program: " + bundle.programs());
    }
    return bundle.programs().get(0);
  }

  /**
   * {@code options} with the command line's token limit and, where given, its limits on
   * memory pages and call depth, each checked against what the program accepts.
   */
  static RunOptions limits(RunOptions options, Program program, Long maxTokens, Long maxMemoryPages, Long maxCallDepth) {
    if (maxTokens != null && maxTokens < 1) {
      throw new IllegalArgumentException("--max-tokens must be at least 1, not " + maxTokens);
    }
    options = limit(options, program, "--max-memory-pages", RunOptions.MAX_MEMORY_PAGES, maxMemoryPages);
    options = limit(options, program, "--max-call-depth", RunOptions.MAX_CALL_DEPTH, maxCallDepth);
    // without --max-tokens the runtime's default, which the heap may lower
    return maxTokens == null ? options : options.withMaxTokens(maxTokens);
  }

  private static RunOptions limit(RunOptions options, Program program, String option, String name, Long value) {
    if (value == null) return options;
    Program.LimitRange range = program.limits().get(name);
    if (range == null) {
      throw new IllegalArgumentException(option + " needs a bundle that carries the limit; " + program.name()
          + "'s bundle was built before limits existed (rebuild it)");
    }
    if (value < range.min() || value > range.max()) {
      throw new IllegalArgumentException(option + " must be in " + range + ", not " + value);
    }
    return options.withLimit(name, value);
  }

  /**
   * The message for a run that exhausted the heap: the trace's attention caches grow with
   * every token, so a long run needs heap in proportion to its length.
   */
  static String outOfMemory(long tokens, long instructions, long maxTokens) {
    long maxHeapMiB = Runtime.getRuntime().maxMemory() >> 20;
    return String.format(Locale.ROOT, "out of memory after %,d generated tokens (%,d instructions) with a heap of"
        + " %,d MiB: the attention caches grow with the trace; give Java more heap (e.g. java -Xmx8g -jar"
        + " wasmformer-cli.jar ...) or stop the run sooner with --max-tokens (now %,d)",
        tokens, instructions, maxHeapMiB, maxTokens);
  }

  /** How to raise the token limit that stopped a run, in the command line's terms. */
  static String raise(TokenLimitException e) {
    if (e.limitFromPositions()) return "no limit or heap makes this model's runs longer";
    return e.limitFromHeap()
        ? "raise it with more heap, e.g. java -Xmx8g -jar wasmformer-cli.jar ..., or set it with --max-tokens"
        : "raise it with --max-tokens";
  }

  static Attention attention(String name) {
    try {
      return Attention.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--attention must be hull or naive, not " + name);
    }
  }

  /** All of {@code in}; nothing from an interactive terminal, as the prompt is built before decoding. */
  static byte[] input(InputStream in) throws IOException {
    if (in == System.in && System.console() != null) return new byte[0];
    return in.readAllBytes();
  }

  /**
   * The command line's arguments as the program's parameters take them ({@link
   * dev.wasmformer.runtime.ValueKind#parse}): integers, floats such as {@code 1.5}, and a byte
   * buffer's text.
   */
  static Object[] arguments(Program program, List<String> args) {
    var kinds = program.paramKinds();
    if (args.size() != kinds.size()) {
      throw new IllegalArgumentException(program.signature() + " takes " + kinds.size() + " argument"
          + (kinds.size() == 1 ? "" : "s") + ", got " + args.size());
    }
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) values[i] = kinds.get(i).parse(args.get(i));
    return values;
  }

  /** The program's result as text: a float or double as Java prints it, an integer signed. */
  static String result(RunResult r) {
    return r.typedReturnValue().map(String::valueOf).orElse("()");
  }

  /**
   * Typed arguments as the raw words a trace starts from: a float's bits; a byte buffer is
   * refused, as its address is only chosen when the program runs.
   */
  static long[] words(Program program, Object[] values) {
    long[] words = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof byte[]) {
        throw new IllegalArgumentException("trace does not take byte-buffer arguments yet (parameter " + (i + 1)
            + " of " + program.signature() + "); use run");
      }
      words[i] = v instanceof Float f ? Float.floatToRawIntBits(f) & 0xFFFF_FFFFL
          : v instanceof Double d ? Double.doubleToRawLongBits(d) : ((Number) v).longValue();
    }
    return words;
  }
}
