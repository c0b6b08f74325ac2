package dev.wasmformer.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The JVM options that move the decode figures, which the bench reports with them: the garbage
 * collector, and whether C2 keeps safepoint polls in counted loops. G1 (the default collector
 * on a machine of two cores or more) keeps them, and strip-mines every counted loop into a
 * nest with a poll in its outer loop; a token runs hundreds of short loops (a column's few
 * entries, a unit's few rows), and without the polls (-XX:-UseCountedLoopSafepoints, or the
 * Parallel and Serial collectors, which default to it) sudoku decodes ~5-9% more tokens per
 * CPU-second (docs/benchmarks.md, "JVM options").
 *
 * @param collector the collector's name ({@code G1}, {@code Parallel}, ...), or {@code unknown}
 * @param countedLoopSafepoints the JVM's {@code UseCountedLoopSafepoints} flag (true where it
 *     cannot be read: the default of most collectors)
 */
record JvmOptions(String collector, boolean countedLoopSafepoints) {
  private static final List<String> COLLECTORS = List.of("G1", "Parallel", "Serial", "Z", "Shenandoah", "Epsilon");

  static JvmOptions ofThisJvm() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    String collector = "unknown";
    for (String name : COLLECTORS) {
      if (flag(vm, "Use" + name + "GC", false)) {
        collector = name;
        break;
      }
    }
    return new JvmOptions(collector, flag(vm, "UseCountedLoopSafepoints", true));
  }

  private static boolean flag(HotSpotDiagnosticMXBean vm, String name, boolean otherwise) {
    try {
      return vm == null ? otherwise : Boolean.parseBoolean(vm.getVMOption(name).getValue());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return otherwise;   // not a HotSpot JVM, or one without the flag
    }
  }

  String describe() {
    return "JVM: " + collector + " collector, counted-loop safepoint polls "
        + (countedLoopSafepoints ? "on (-XX:-UseCountedLoopSafepoints decodes faster: docs/benchmarks.md, \"JVM options\")"
            : "off");
  }
}
