package dev.wasmformer.cli;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The figures of one {@code wasmformer bench} run, printable as text or as one JSON object
 * (keys documented in docs/benchmarks.md).
 */
record BenchReport(
    String program,
    long argument,
    String java,
    int cores,
    HugePages hugePages,
    JvmOptions jvmOptions,
    ModelFigures model,
    double compileSeconds,
    int bundleBytes,
    Loads loads,
    long referenceInstructions,
    List<Decode> runs,
    Map<Long, Double> retainedBytesPerToken,
    Chicory chicory) {

  /**
   * Bundle load to the first generated token, in milliseconds: in a fresh JVM ({@code cold},
   * and {@code coldProcess} from the JVM's start), the first load in the bench's JVM, and the
   * median, least and most of the timed warm loads (NaN where not measured).
   */
  record Loads(double cold, double coldProcess, double firstInJvm, double warm, double warmMin,
               double warmMax) {}

  /** The transformer's shape, and how many opcodes it executes. */
  record ModelFigures(int opcodes, int dModel, int layers, int heads, long ffnUnits, int vocab, long nonZeroWeights) {}

  /**
   * One decoding run: up to {@code targetTokens} generated tokens (fewer if the program halted
   * or, for naive, the time budget ran out, then {@code complete} is false).
   */
  record Decode(String attention, long targetTokens, long tokens, long instructions, double seconds,
                double cpuSeconds, boolean complete, String note) {
    double tokensPerSecond() {
      return seconds > 0 ? tokens / seconds : 0;
    }

    /** Tokens per second of the decoding thread's CPU time: less moved by other processes than the wall clock. */
    double tokensPerCpuSecond() {
      return cpuSeconds > 0 ? tokens / cpuSeconds : 0;
    }

    double instructionsPerSecond() {
      return seconds > 0 ? instructions / seconds : 0;
    }
  }

  /** Chicory's interpreter on the same module and argument, to the end of the program. */
  record Chicory(long wasmInstructions, double seconds) {
    double wasmInstructionsPerSecond() {
      return wasmInstructions / seconds;
    }
  }

  /** hull tokens/s at the largest length divided by hull tokens/s at 100K, if both ran. */
  OptionalDouble flatness() {
    Decode at100k = null;
    Decode largest = null;
    for (Decode d : runs) {
      if (!d.attention.equals("hull") || !d.complete) continue;
      if (d.targetTokens == 100_000) at100k = d;
      if (largest == null || d.targetTokens > largest.targetTokens) largest = d;
    }
    if (at100k == null || largest == null || largest == at100k) return OptionalDouble.empty();
    return OptionalDouble.of(largest.tokensPerSecond() / at100k.tokensPerSecond());
  }

  /** WebAssembly instructions per token-ISA instruction, from the complete runs of both. */
  OptionalDouble wasmPerIsaInstruction() {
    if (chicory == null || referenceInstructions == 0) return OptionalDouble.empty();
    return OptionalDouble.of((double) chicory.wasmInstructions / referenceInstructions);
  }

  String text() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "program %s(%d), java %s, %d cores%n", program, argument, java, cores));
    out.append(hugePages.describe()).append(System.lineSeparator());
    out.append(jvmOptions.describe()).append(System.lineSeparator());
    out.append(String.format(Locale.ROOT,
        "model: %d opcodes, d_model %d, %d layers, %d heads, %d FFN units, vocabulary %d, %d non-zero weights%n",
        model.opcodes, model.dModel, model.layers, model.heads, model.ffnUnits, model.vocab, model.nonZeroWeights));
    out.append(String.format(Locale.ROOT, "weight compilation: %.2f s; bundle %d bytes%n", compileSeconds, bundleBytes));
    out.append(String.format(Locale.ROOT,
        "bundle load to first token: %.1f ms cold (fresh JVM; %.0f ms from its start), %.1f ms first"
            + " in this JVM, %.1f ms warm (median of %d after %d warm-up loads; %.1f to %.1f)%n",
        loads.cold, loads.coldProcess, loads.firstInJvm, loads.warm, BenchRunner.WARM_LOADS,
        BenchRunner.WARM_UP_LOADS, loads.warmMin, loads.warmMax));
    out.append(String.format(Locale.ROOT, "%-6s %12s %12s %12s %10s %14s %14s %14s  %s%n",
        "cache", "target", "tokens", "instructions", "seconds", "tokens/s", "instructions/s", "tokens/cpu-s", "note"));
    for (Decode d : runs) {
      out.append(String.format(Locale.ROOT, "%-6s %12d %12d %12d %10.2f %14.0f %14.0f %14.0f  %s%n",
          d.attention, d.targetTokens, d.tokens, d.instructions, d.seconds, d.tokensPerSecond(),
          d.instructionsPerSecond(), d.tokensPerCpuSecond(), d.note));
    }
    flatness().ifPresent(f -> out.append(String.format(Locale.ROOT,
        "hull tokens/s at the largest length / at 100K: %.2f%n", f)));
    retainedBytesPerToken.forEach((length, bytes) -> out.append(String.format(Locale.ROOT,
        "retained memory at %d tokens: %.1f bytes per trace token%n", length, bytes)));
    if (chicory != null) {
      out.append(String.format(Locale.ROOT,
          "chicory interpreter: %d wasm instructions in %.3f s = %.0f wasm instructions/s%n",
          chicory.wasmInstructions, chicory.seconds, chicory.wasmInstructionsPerSecond()));
      wasmPerIsaInstruction().ifPresent(r -> out.append(String.format(Locale.ROOT,
          "the run executes %d token-ISA instructions, %.2f wasm instructions each%n",
          referenceInstructions, r)));
    }
    return out.toString();
  }

  String json() {
    Json j = new Json();
    j.open();
    j.field("program", program);
    j.field("argument", argument);
    j.field("java", java);
    j.field("cores", cores);
    j.field("huge_pages_in_use", hugePages.inUse());
    j.field("huge_pages_jvm_flag", hugePages.jvm());
    j.field("huge_pages_kernel", hugePages.kernel());
    j.field("jvm_collector", jvmOptions.collector());
    j.field("jvm_g1_region_bytes", jvmOptions.regionBytes());
    j.numbers("model", named("opcodes", model.opcodes, "d_model", model.dModel, "layers", model.layers, "heads", model.heads,
        "ffn_units", model.ffnUnits, "vocab_size", model.vocab, "nonzero_weights", model.nonZeroWeights));
    j.field("weight_compile_seconds", compileSeconds);
    j.field("bundle_bytes", bundleBytes);
    j.numbers("load_to_first_token_ms", named("cold", loads.cold, "cold_process", loads.coldProcess,
        "first_in_jvm", loads.firstInJvm, "warm", loads.warm, "warm_min", loads.warmMin,
        "warm_max", loads.warmMax));
    j.field("reference_isa_instructions", referenceInstructions);
    j.key("runs").array();
    for (Decode d : runs) {
      j.open();
      j.field("attention", d.attention);
      j.field("target_tokens", d.targetTokens);
      j.field("tokens", d.tokens);
      j.field("instructions", d.instructions);
      j.field("seconds", d.seconds);
      j.field("tokens_per_second", d.tokensPerSecond());
      j.field("instructions_per_second", d.instructionsPerSecond());
      j.field("cpu_seconds", d.cpuSeconds);
      j.field("tokens_per_cpu_second", d.tokensPerCpuSecond());
      j.field("complete", d.complete);
      j.field("note", d.note);
      j.close();
    }
    j.end();
    flatness().ifPresent(f -> j.field("hull_flatness_largest_over_100k", f));
    Map<String, Number> retained = new LinkedHashMap<>();
    new TreeMap<>(retainedBytesPerToken).forEach((length, bytes) -> retained.put(Long.toString(length), bytes));
    j.numbers("retained_bytes_per_token", retained);
    if (chicory != null) {
      j.numbers("chicory", named("wasm_instructions", chicory.wasmInstructions, "seconds", chicory.seconds,
          "wasm_instructions_per_second", chicory.wasmInstructionsPerSecond()));
      wasmPerIsaInstruction().ifPresent(r -> j.field("wasm_instructions_per_isa_instruction", r));
    }
    j.close();
    return j.toString();
  }

  /** Names and numbers, alternating, in order. */
  private static Map<String, Number> named(Object... namesAndNumbers) {
    Map<String, Number> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndNumbers.length; i += 2) {
      fields.put((String) namesAndNumbers[i], (Number) namesAndNumbers[i + 1]);
    }
    return fields;
  }

  /** A minimal JSON writer: objects, arrays, strings, numbers and booleans. */
  private static final class Json {
    private final StringBuilder out = new StringBuilder();
    private final ArrayDeque<boolean[]> open = new ArrayDeque<>();   // per container: not empty
    private boolean afterKey;

    private void beforeValue() {
      if (afterKey) {
        afterKey = false;
      } else if (!open.isEmpty()) {
        if (open.peek()[0]) out.append(',');
        open.peek()[0] = true;
      }
    }

    Json key(String key) {
      beforeValue();
      string(key);
      out.append(':');
      afterKey = true;
      return this;
    }

    Json open() {
      beforeValue();
      out.append('{');
      open.push(new boolean[1]);
      return this;
    }

    Json array() {
      beforeValue();
      out.append('[');
      open.push(new boolean[1]);
      return this;
    }

    void close() {
      out.append('}');
      open.pop();
    }

    void end() {
      out.append(']');
      open.pop();
    }

    void field(String key, String value) {
      key(key).beforeValue();
      string(value);
    }

    void field(String key, long value) {
      key(key).beforeValue();
      out.append(value);
    }

    void field(String key, double value) {
      key(key).beforeValue();
      out.append(Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : "null");
    }

    /**
     * {@code key: {name: number, ...}}: the one writer of the report's objects of figures;
     * whole numbers (Integer, Long) as integers, the others as {@link #field(String, double)}.
     */
    void numbers(String key, Map<String, Number> fields) {
      key(key).open();
      fields.forEach((name, value) -> {
        if (value instanceof Integer || value instanceof Long) {
          field(name, value.longValue());
        } else {
          field(name, value.doubleValue());
        }
      });
      close();
    }

    void field(String key, boolean value) {
      key(key).beforeValue();
      out.append(value);
    }

    private void string(String s) {
      out.append('"');
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') out.append('\\').append(c);
        else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
        else out.append(c);
      }
      out.append('"');
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
