package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmOptionsTest {
  @Test
  void thisJvmsCollectorAndSafepointFlagAreRead() {
    JvmOptions here = JvmOptions.ofThisJvm();
    List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
    // surefire's fork runs with the JVM's defaults unless the build passes these
    assertThat(here.countedLoopSafepoints()).isEqualTo(!args.contains("-XX:-UseCountedLoopSafepoints")
        && !args.contains("-XX:+UseParallelGC") && !args.contains("-XX:+UseSerialGC"));
    String gcBean = ManagementFactory.getGarbageCollectorMXBeans().get(0).getName();
    String expected = gcBean.startsWith("G1") ? "G1" : gcBean.startsWith("PS") ? "Parallel"
        : gcBean.equals("Copy") ? "Serial" : here.collector();
    assertThat(here.collector()).isEqualTo(expected);
  }

  @Test
  void theDescriptionPointsToTheFasterSettingOnlyWhenThePollsAreOn() {
    assertThat(new JvmOptions("G1", true).describe())
        .isEqualTo("JVM: G1 collector, counted-loop safepoint polls on (-XX:-UseCountedLoopSafepoints decodes"
            + " faster: docs/benchmarks.md, \"JVM options\")");
    assertThat(new JvmOptions("Parallel", false).describe()).isEqualTo("JVM: Parallel collector, counted-loop safepoint polls off");
  }
}
