package dev.wasmformer.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The JVM options that move the decode figures, which the bench reports with them: the garbage
 * collector and, for G1, its region size. A run's caches grow by doubling into arrays of
 * megabytes; G1 allocates every array of half a region or more as a humongous object of whole,
 * region-aligned regions. With its default regions (2 MiB under -Xmx3g) a sudoku run of 400K
 * tokens took ~8% more CPU per token than under the Parallel collector or with 32 MiB regions,
 * 1M tokens ~3%, 2M ~1.6%: about 55 ms a run, whatever its length (docs/benchmarks.md, "JVM
 * options"; why, not proven).
 *
 * @param collector the collector's name ({@code G1}, {@code Parallel}, ...), or {@code unknown}
 * @param regionBytes G1's region size in bytes, 0 for another collector
 */
record JvmOptions(String collector, long regionBytes) {
  private static final List<String> COLLECTORS = List.of("G1", "Parallel", "Serial", "Z", "Shenandoah", "Epsilon");
  /** The G1 region size from which the per-run cost was no longer seen. */
  static final long LARGE_REGION = 32L << 20;

  static JvmOptions ofThisJvm() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    String collector = "unknown";
    for (String name : COLLECTORS) {
      if (Boolean.parseBoolean(option(vm, "Use" + name + "GC", "false"))) {
        collector = name;
        break;
      }
    }
    long region = collector.equals("G1") ? Long.parseLong(option(vm, "G1HeapRegionSize", "0")) : 0;
    return new JvmOptions(collector, region);
  }

  private static String option(HotSpotDiagnosticMXBean vm, String name, String otherwise) {
    try {
      return vm == null ? otherwise : vm.getVMOption(name).getValue();
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return otherwise;   // not a HotSpot JVM, or one without the option
    }
  }

  String describe() {
    if (!collector.equals("G1")) {
      return "JVM: " + collector + " collector";
    }
    String regions = "JVM: G1 collector, " + (regionBytes >> 20) + " MiB regions";
    return regionBytes >= LARGE_REGION ? regions
        : regions + " (runs of a few million tokens or fewer decode faster with -XX:+UseParallelGC or"
            + " -XX:G1HeapRegionSize=32m: docs/benchmarks.md, \"JVM options\")";
  }
}
