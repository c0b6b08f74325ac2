package dev.wasmformer.cli;

import dev.wasmformer.runtime.format.MetadataEntries;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wasmformer.cli.BenchPrograms.BenchProgram;
import dev.wasmformer.cli.BenchReport.Chicory;
import dev.wasmformer.cli.BenchReport.Decode;
import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.ReferenceInterpreter;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.runtime.Attention;
import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.Program;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.RunStats;
import dev.wasmformer.runtime.TokenLimitException;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.BundleFiles;
import dev.wasmformer.runtime.format.ModelShape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Takes the measurements of {@code wasmformer bench}: weight compilation, bundle load to the
 * first generated token, decoding with the hull and the naive caches at each trace length,
 * retained memory per trace token, and Chicory's interpreter on the same module.
 */
final class BenchRunner {
  /** What to measure. */
  record Settings(String program, OptionalLong argument, long[] lengths, double naiveBudgetSeconds,
                  boolean memory, boolean chicory) {}

  /** Thrown from a trace listener to end a run early. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  private final Settings settings;
  private final PrintWriter progress;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  BenchRunner(Settings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
  }

  BenchReport run() throws IOException {
    BenchProgram bench = BenchPrograms.program(settings.program());
    long argument = settings.argument().orElse(bench.argument());
    progress.println("compiling the interpreter's weights...");
    InterpreterModel model = InterpreterModel.build();
    Bundle bundle = new WasmformerCompiler(model)
        .addWasm(bench.name(), bench.name() + ".wasm", bench.wasm(), bench.name())
        .bundle();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    BundleFiles.write(bundle, file);
    byte[] bytes = file.toByteArray();

    double cold = loadToFirstToken(bytes, argument);
    double[] warm = new double[7];
    for (int i = 0; i < warm.length; i++) {
      warm[i] = loadToFirstToken(bytes, argument);
    }
    Arrays.sort(warm);

    TokenProgram lowered = WasmformerCompiler.lower(bench.wasm(), bench.name());
    ReferenceInterpreter.Result expected =
        new ReferenceInterpreter(lowered).run(new long[] {argument}, new byte[0]);

    LoadedBundle loaded = Wasmformer.load(new ByteArrayInputStream(bytes));
    Program program = loaded.programs().get(0);
    boolean[] commits = new boolean[bundle.getVocabulary().getTokensCount()];
    for (int t = 0; t < commits.length; t++) {
      commits[t] = bundle.getVocabulary().getTokens(t).getCommit();
    }
    progress.println("warming up...");
    decode(program, argument, Attention.HULL, Math.min(300_000, max(settings.lengths())), null, expected);

    List<Decode> runs = new ArrayList<>();
    Map<Long, Double> retained = new LinkedHashMap<>();
    for (long length : settings.lengths()) {
      progress.printf("hull, %d tokens...%n", length);
      boolean measure = settings.memory() && length >= 1_000_000;
      MemoryProbe probe = measure ? new MemoryProbe(length) : null;
      Decode d = decode(program, argument, Attention.HULL, length, probe, expected);
      runs.add(d);
      if (probe != null && probe.bytesPerToken() >= 0) {
        retained.put(length, probe.bytesPerToken());
      }
    }
    boolean budgetSpent = false;
    for (long length : settings.lengths()) {
      if (budgetSpent) {
        runs.add(new Decode("naive", length, 0, 0, 0, false, "not run: the time budget ran out at a shorter length"));
        continue;
      }
      progress.printf("naive, %d tokens (budget %.0f s)...%n", length, settings.naiveBudgetSeconds());
      Decode d = naive(program, argument, length, commits);
      runs.add(d);
      budgetSpent = !d.complete() && d.tokens() < length;
    }
    Chicory chicory = null;
    if (settings.chicory()) {
      progress.println("chicory...");
      chicory = chicory(bench, argument, expected);
    }
    ModelShape shape = bundle.getShape();
    long units = MetadataEntries.statistic(bundle.getMetadata(), "ffn_units", 0);
    long nonZeros = MetadataEntries.statistic(bundle.getMetadata(), "nonzero_weights", 0);
    return new BenchReport(bench.name(), argument, System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        new BenchReport.ModelFigures(shape.getDModel(), shape.getLayers(), shape.getHeads(), units,
            shape.getVocabSize(), nonZeros),
        model.compileSeconds(), bytes.length, cold, warm[warm.length / 2],
        expected.instructions(), runs, retained, chicory);
  }

  private static long max(long[] values) {
    return Arrays.stream(values).max().orElse(0);
  }

  /** Milliseconds from reading the bundle's bytes to the first generated token. */
  private static double loadToFirstToken(byte[] bytes, long argument) throws IOException {
    long start = System.nanoTime();
    LoadedBundle loaded = Wasmformer.load(new ByteArrayInputStream(bytes));
    long[] first = new long[1];
    try {
      loaded.programs().get(0).run(RunOptions.defaults().withArgs(argument).withTraceListener(t -> {
        first[0] = System.nanoTime();
        throw new Stop();
      }));
    } catch (Stop expected) {
      // the first token came
    }
    return (first[0] - start) / 1e6;
  }

  /** Decodes up to {@code length} tokens; a run that halts must give the expected result. */
  private static Decode decode(Program program, long argument, Attention attention, long length,
                               MemoryProbe probe, ReferenceInterpreter.Result expected) {
    RunOptions options = RunOptions.defaults().withArgs(argument).withAttention(attention)
        .withMaxTokens(length);
    if (probe != null) {
      options = options.withTraceListener(probe::onToken);
    }
    String name = attention.name().toLowerCase(java.util.Locale.ROOT);
    try {
      RunResult result = program.run(options);
      if (!result.returnValue().equals(expected.value())) {
        throw new IllegalStateException("the transformer computed " + result.returnValue()
            + ", the reference interpreter " + expected.value());
      }
      RunStats s = result.stats();
      double seconds = s.seconds() - (probe == null ? 0 : probe.pauseSeconds);
      return new Decode(name, length, s.tokens(), s.instructions(), seconds, true,
          "the program halted");
    } catch (TokenLimitException e) {
      RunStats s = e.stats();
      double seconds = s.seconds() - (probe == null ? 0 : probe.pauseSeconds);
      return new Decode(name, length, s.tokens(), s.instructions(), seconds, true, "");
    }
  }

  /** Naive decoding, stopped when the time budget runs out. */
  private Decode naive(Program program, long argument, long length, boolean[] commits) {
    long[] counts = new long[2];   // tokens, instructions
    long start = System.nanoTime();
    long deadline = start + (long) (settings.naiveBudgetSeconds() * 1e9);
    RunOptions options = RunOptions.defaults().withArgs(argument).withAttention(Attention.NAIVE)
        .withMaxTokens(length).withTraceListener(t -> {
          counts[0]++;
          if (commits[t]) counts[1]++;
          if ((counts[0] & 255) == 0 && System.nanoTime() > deadline) throw new Stop();
        });
    try {
      RunResult r = program.run(options);
      return new Decode("naive", length, r.stats().tokens(), r.stats().instructions(),
          r.stats().seconds(), true, "the program halted");
    } catch (TokenLimitException e) {
      return new Decode("naive", length, e.stats().tokens(), e.stats().instructions(),
          e.stats().seconds(), true, "");
    } catch (Stop e) {
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Decode("naive", length, counts[0], counts[1], seconds, false,
          String.format(java.util.Locale.ROOT, "stopped by the %.0f s budget", settings.naiveBudgetSeconds()));
    }
  }

  /** Chicory's interpreter on the module: counts wasm instructions once, then times the run. */
  private static Chicory chicory(BenchProgram bench, long argument, ReferenceInterpreter.Result expected) {
    WasmModule module = Parser.parse(bench.wasm());
    long[] count = new long[1];
    Instance counting = Instance.builder(module)
        .withUnsafeExecutionListener((instruction, stack) -> count[0]++)
        .build();
    long[] result = counting.export(bench.name()).apply(argument);
    if ((int) result[0] != (int) expected.value().orElse(0)) {
      throw new IllegalStateException("chicory computes " + result[0] + ", the reference interpreter "
          + expected.value());
    }
    ExportFunction timed = Instance.builder(module).build().export(bench.name());
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      timed.apply(argument);
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return new Chicory(count[0], best);
  }

  /**
   * Measures the heap the run retains: after a full collection early in the run and again
   * near its end, the growth divided by the tokens between (arrays that grow by doubling may
   * be up to half empty). The pauses are subtracted from the run's time.
   */
  private final class MemoryProbe {
    private final long first;
    private final long second;
    private long tokens;
    private long usedAtFirst = -1;
    private long usedAtSecond = -1;
    double pauseSeconds;

    MemoryProbe(long length) {
      this.first = Math.min(4096, length / 2);
      this.second = length - 16;
    }

    void onToken(int token) {
      tokens++;
      if (tokens == first) {
        usedAtFirst = usedAfterCollection();
      } else if (tokens == second) {
        usedAtSecond = usedAfterCollection();
      }
    }

    private long usedAfterCollection() {
      long t0 = System.nanoTime();
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      long used = memory.getHeapMemoryUsage().getUsed();
      pauseSeconds += (System.nanoTime() - t0) / 1e9;
      return used;
    }

    double bytesPerToken() {
      if (usedAtFirst < 0 || usedAtSecond < 0) return -1;
      return (double) (usedAtSecond - usedAtFirst) / (second - first);
    }
  }
}
