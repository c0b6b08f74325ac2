package dev.wasmformer.cli;

import dev.wasmformer.runtime.format.MetadataEntries;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.wasmformer.cli.BenchPrograms.BenchProgram;
import dev.wasmformer.cli.BenchReport.Chicory;
import dev.wasmformer.cli.BenchReport.Decode;
import dev.wasmformer.cli.BenchReport.Loads;
import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.interpreter.InterpreterGraph;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
                  boolean memory, boolean chicory, boolean universal) {}

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
    TokenProgram lowered = WasmformerCompiler.lower(bench.wasm(), bench.name());
    // the model a build makes (for the program's opcodes), or the universal one; built here
    // afresh either way, so that its compilation is timed
    InterpreterModel model = settings.universal() ? InterpreterModel.build()
        : InterpreterModel.build(InterpreterGraph.opcodesOf(lowered));
    Bundle bundle = new WasmformerCompiler(model)
        .addWasm(bench.name(), bench.name() + ".wasm", bench.wasm(), bench.name())
        .bundle();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    BundleFiles.write(bundle, file);
    byte[] bytes = file.toByteArray();

    Loads loads = loads(bytes, argument);

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
        runs.add(new Decode("naive", length, 0, 0, 0, 0, false, "not run: the time budget ran out at a shorter length"));
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
        Runtime.getRuntime().availableProcessors(), HugePages.ofThisJvm(), JvmOptions.ofThisJvm(),
        new BenchReport.ModelFigures(model.opcodes().size(), shape.getDModel(), shape.getLayers(), shape.getHeads(),
            units, shape.getVocabSize(), nonZeros),
        model.compileSeconds(), bytes.length, loads,
        expected.instructions(), runs, retained, chicory);
  }

  private static long max(long[] values) {
    return Arrays.stream(values).max().orElse(0);
  }

  /** Warm-up loads before the timed warm ones: the JIT compiles the load path meanwhile. */
  static final int WARM_UP_LOADS = 10;
  /** Timed warm loads; the median is the warm figure. */
  static final int WARM_LOADS = 10;

  /**
   * Load to first token (see {@link BenchLoadProbe}): cold in a fresh JVM, then the first load
   * in this one, then {@value #WARM_LOADS} warm loads after {@value #WARM_UP_LOADS} untimed
   * ones. Each timed load starts with this JVM idle: after a full collection and a pause
   * (the previous model's background code generation has finished), so that a load measures
   * its own work, not the leftovers of the one before.
   */
  private Loads loads(byte[] bytes, long argument) throws IOException {
    Path file = Files.createTempFile("wasmformer-bench", BundleFiles.EXTENSION);
    try {
      Files.write(file, bytes);
      double[] cold = coldLoad(file, argument);
      double firstInJvm = BenchLoadProbe.loadToFirstToken(file, argument);
      for (int i = 0; i < WARM_UP_LOADS; i++) {
        BenchLoadProbe.loadToFirstToken(file, argument);
      }
      double[] warm = new double[WARM_LOADS];
      for (int i = 0; i < warm.length; i++) {
        idle();
        warm[i] = BenchLoadProbe.loadToFirstToken(file, argument);
      }
      Arrays.sort(warm);
      double median = (warm[(warm.length - 1) / 2] + warm[warm.length / 2]) / 2;
      return new Loads(cold[0], cold[1], firstInJvm, median, warm[0], warm[warm.length - 1]);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void idle() {
    System.gc();
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * {load to first token, JVM start to first token} in milliseconds, measured by {@link
   * BenchLoadProbe} in a fresh JVM on this class path; NaN if that JVM could not run.
   */
  private double[] coldLoad(Path file, long argument) {
    String command = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(command, "-cp", System.getProperty("java.class.path"),
        BenchLoadProbe.class.getName(), file.toString(), Long.toString(argument));
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("cold_ms=([0-9.]+) process_ms=([0-9]+)").matcher(out);
      if (process.waitFor() == 0 && m.find()) {
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
      }
      progress.println("the cold-load JVM failed: " + out.strip());
    } catch (IOException e) {
      progress.println("the cold-load JVM did not start: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new double[] {Double.NaN, Double.NaN};
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
    CpuClock cpu = new CpuClock();
    try {
      RunResult result = program.run(options);
      if (!result.returnValue().equals(expected.value())) {
        throw new IllegalStateException("the transformer computed " + result.returnValue()
            + ", the reference interpreter " + expected.value());
      }
      RunStats s = result.stats();
      double seconds = s.seconds() - (probe == null ? 0 : probe.pauseSeconds);
      return new Decode(name, length, s.tokens(), s.instructions(), seconds, cpu.seconds(), true,
          "the program halted");
    } catch (TokenLimitException e) {
      RunStats s = e.stats();
      double seconds = s.seconds() - (probe == null ? 0 : probe.pauseSeconds);
      return new Decode(name, length, s.tokens(), s.instructions(), seconds, cpu.seconds(), true, "");
    }
  }

  /** Naive decoding, stopped when the time budget runs out. */
  private Decode naive(Program program, long argument, long length, boolean[] commits) {
    long[] counts = new long[2];   // tokens, instructions
    long start = System.nanoTime();
    CpuClock cpu = new CpuClock();
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
          r.stats().seconds(), cpu.seconds(), true, "the program halted");
    } catch (TokenLimitException e) {
      return new Decode("naive", length, e.stats().tokens(), e.stats().instructions(),
          e.stats().seconds(), cpu.seconds(), true, "");
    } catch (Stop e) {
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Decode("naive", length, counts[0], counts[1], seconds, cpu.seconds(), false,
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

  /** The current thread's CPU time since construction; 0 where the JVM cannot measure it. */
  private static final class CpuClock {
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private final long start = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;

    double seconds() {
      return start < 0 ? 0 : (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
    }
  }
}
