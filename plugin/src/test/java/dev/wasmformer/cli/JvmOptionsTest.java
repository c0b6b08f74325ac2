package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class JvmOptionsTest {
  @Test
  void thisJvmsCollectorAndRegionSizeAreRead() {
    JvmOptions here = JvmOptions.ofThisJvm();
    String gcBean = ManagementFactory.getGarbageCollectorMXBeans().get(0).getName();
    String expected = gcBean.startsWith("G1") ? "G1" : gcBean.startsWith("PS") ? "Parallel"
        : gcBean.equals("Copy") ? "Serial" : here.collector();
    assertThat(here.collector()).isEqualTo(expected);
    if (expected.equals("G1")) {
      // a power of two from 1 MiB to 512 MiB
      assertThat(Long.bitCount(here.regionBytes())).isEqualTo(1);
      assertThat(here.regionBytes()).isBetween(1L << 20, 512L << 20);
    } else {
      assertThat(here.regionBytes()).isZero();
    }
  }

  @Test
  void theDescriptionPointsToTheFasterSettingsOnlyForSmallG1Regions() {
    assertThat(new JvmOptions("G1", 2L << 20).describe())
        .isEqualTo("JVM: G1 collector, 2 MiB regions (runs of a few million tokens or fewer decode faster with"
            + " -XX:+UseParallelGC or -XX:G1HeapRegionSize=32m: docs/benchmarks.md, \"JVM options\")");
    assertThat(new JvmOptions("G1", 32L << 20).describe()).isEqualTo("JVM: G1 collector, 32 MiB regions");
    assertThat(new JvmOptions("Parallel", 0).describe()).isEqualTo("JVM: Parallel collector");
  }
}
