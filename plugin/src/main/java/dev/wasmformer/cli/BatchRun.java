package dev.wasmformer.cli;

import dev.wasmformer.runtime.Program;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunOutcome;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.TrapException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code run --batch FILE}: one run per line of FILE (the line's whitespace-separated integer
 * arguments, or for a C {@code main(argc, argv)} its argv strings; blank lines and lines
 * starting with # are skipped), all on every core, one output line per run in file order:
 * {@code <line>: <result>}, or the trap or error that ended it.
 */
final class BatchRun {
  private BatchRun() {}

  /** The argument lines of a batch file, with their line numbers: integers, or argv strings. */
  record Line(int number, long[] args, List<String> argv) {}

  static List<Line> read(Path file) throws IOException {
    return read(file, false);
  }

  /** The lines of {@code file}; {@code argv}: its words are main's arguments, not integers. */
  static List<Line> read(Path file, boolean argv) throws IOException {
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      number++;
      String trimmed = text.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
      String[] words = trimmed.split("\\s+");
      if (argv) {
        lines.add(new Line(number, new long[0], List.of(words)));
        continue;
      }
      long[] args = new long[words.length];
      for (int i = 0; i < words.length; i++) {
        try {
          args[i] = Long.decode(words[i]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(file + ":" + number + ": not an integer: " + words[i]);
        }
      }
      lines.add(new Line(number, args, List.of()));
    }
    return lines;
  }

  /**
   * Runs every line of {@code file} with the options of {@code base} (attention, token limit)
   * on {@code threads} threads and prints one line per run. Returns 0 if every run halted,
   * else {@link Main#FAILURE}.
   */
  static int run(Program program, Path file, RunOptions base, int threads, PrintWriter out, boolean stats)
      throws IOException {
    List<Line> lines = read(file, program.takesArgv());
    List<RunOptions> runs = new ArrayList<>();
    for (Line line : lines) {
      runs.add(program.takesArgv() ? base.withArgv(line.argv().toArray(String[]::new)) : base.withArgs(line.args()));
    }
    JvmWork before = JvmWork.now();
    long start = System.nanoTime();
    List<RunOutcome> outcomes = program.runBatch(runs, threads);
    double seconds = (System.nanoTime() - start) / 1e9;
    JvmWork during = JvmWork.now().minus(before);
    boolean allHalted = true;
    long tokens = 0;
    int count = Math.min(threads, Math.max(1, lines.size()));
    long[] threadTokens = new long[count];
    double[] threadCpu = new double[count];
    int[] threadRuns = new int[count];
    for (int i = 0; i < lines.size(); i++) {
      RunOutcome outcome = outcomes.get(i);
      threadRuns[outcome.thread()]++;
      threadCpu[outcome.thread()] += outcome.cpuSeconds();
      String text;
      if (outcome.succeeded()) {
        RunResult r = outcome.result();
        tokens += r.stats().tokens();
        threadTokens[outcome.thread()] += r.stats().tokens();
        text = r.returnValue().isPresent() ? Long.toString(r.returnValue().getAsLong()) : "()";
        if (r.output().length > 0) {
          text += " output " + quote(r.outputText());
        }
        if (r.errorOutput().length > 0) {
          text += " stderr " + quote(r.errorOutputText());
        }
      } else {
        allHalted = false;
        RuntimeException e = outcome.failure().orElseThrow();
        // a trap's message names its cause and the instruction, e.g. "trap: ... at instruction 17 (in function f)"
        text = e instanceof TrapException ? e.getMessage() : "error: " + e.getMessage();
      }
      out.println(lines.get(i).number() + ": " + text);
    }
    if (stats) {
      out.printf(Locale.ROOT, "batch: %d runs on %d threads, %d tokens in %.3f s = %.0f tokens/s%n",
          lines.size(), threads, tokens, seconds, tokens / seconds);
      // Per thread, the CPU time of its runs: tokens per CPU-second that stay flat while the
      // wall-clock rate does not scale point at the machine (other processes), not the batch.
      double cpu = 0;
      for (int t = 0; t < count; t++) {
        cpu += threadCpu[t];
        out.printf(Locale.ROOT, "thread %d: %d runs, %d tokens, cpu %.3f s = %.0f tokens per cpu-second%n",
            t, threadRuns[t], threadTokens[t], threadCpu[t], threadCpu[t] > 0 ? threadTokens[t] / threadCpu[t] : 0);
      }
      if (cpu > 0) {
        out.printf(Locale.ROOT, "batch cpu: %.3f s of the runs' threads in %.3f s of wall time (%.2f cores busy) = %.0f tokens per cpu-second%n",
            cpu, seconds, cpu / seconds, tokens / cpu);
      }
      // What else the JVM did meanwhile, on the same cores: compiling and collecting.
      out.printf(Locale.ROOT, "jvm during the batch: %.3f s of JIT compilation, %d collections taking %.3f s, process cpu %.3f s%n",
          during.jitSeconds(), during.collections(), during.gcSeconds(), during.processCpuSeconds());
    }
    out.flush();
    return allHalted ? 0 : Main.FAILURE;
  }

  /** The JVM's cumulative compilation and collection work, and the process's CPU time. */
  private record JvmWork(double jitSeconds, long collections, double gcSeconds, double processCpuSeconds) {
    static JvmWork now() {
      var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
      double jitSeconds = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() / 1e3 : 0;
      long count = 0;
      long millis = 0;
      for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
        count += Math.max(0, gc.getCollectionCount());
        millis += Math.max(0, gc.getCollectionTime());
      }
      double cpu = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1e9 : 0;
      return new JvmWork(jitSeconds, count, millis / 1e3, cpu);
    }

    JvmWork minus(JvmWork o) {
      return new JvmWork(jitSeconds - o.jitSeconds, collections - o.collections, gcSeconds - o.gcSeconds,
          processCpuSeconds - o.processCpuSeconds);
    }
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
