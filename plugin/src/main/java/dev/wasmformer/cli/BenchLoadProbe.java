package dev.wasmformer.cli;

import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.TraceListener;
import dev.wasmformer.runtime.Wasmformer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Bundle load to the first generated token, as {@code wasmformer bench} times it: from {@code
 * Wasmformer.load(path)} until the trace listener sees the program's first token. Its {@code
 * main} is the cold measurement: the bench starts it in a fresh JVM (nothing loaded, nothing
 * compiled), where it loads once and prints {@code cold_ms=<load to first token>
 * process_ms=<JVM start to first token>}.
 */
final class BenchLoadProbe {
  private BenchLoadProbe() {}

  /** Thrown from the trace listener to end the run at its first token. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  /**
   * Notes the time of the first token and stops the run. A class, not a lambda: in a cold JVM
   * a lambda's first call spins a class, which the probe would time as part of the load.
   */
  private static final class FirstToken implements TraceListener {
    long nanos;

    @Override
    public void onToken(int tokenId) {
      nanos = System.nanoTime();
      throw new Stop();
    }
  }

  /** Milliseconds from loading the bundle at {@code file} to its first program's first token. */
  static double loadToFirstToken(Path file, long argument) throws IOException {
    long start = System.nanoTime();
    LoadedBundle loaded = Wasmformer.load(file);
    FirstToken first = new FirstToken();
    try {
      loaded.programs().get(0).run(RunOptions.defaults().withArgs(argument).withTraceListener(first));
    } catch (Stop expected) {
      // the first token came
    }
    return (first.nanos - start) / 1e6;
  }

  /** {@code FILE ARGUMENT}: one cold load, printed as {@code cold_ms=... process_ms=...}. */
  public static void main(String[] args) throws IOException {
    double millis = loadToFirstToken(Path.of(args[0]), Long.parseLong(args[1]));
    long process = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.printf(Locale.ROOT, "cold_ms=%.3f process_ms=%d%n", millis, process);
  }
}
