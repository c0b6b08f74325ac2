package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HugePagesTest {
  @TempDir Path dir;

  private Path modeFile(String text) throws IOException {
    return Files.writeString(dir.resolve("enabled"), text);
  }

  @Test
  void theKernelsModeIsTheBracketedWord() throws IOException {
    assertThat(HugePages.kernelMode(modeFile("always [madvise] never\n"))).isEqualTo("madvise");
    assertThat(HugePages.kernelMode(modeFile("[always] madvise never\n"))).isEqualTo("always");
    assertThat(HugePages.kernelMode(modeFile("always madvise [never]\n"))).isEqualTo("never");
  }

  @Test
  void aMissingOrUnreadableModeIsUnknown() throws IOException {
    assertThat(HugePages.kernelMode(dir.resolve("absent"))).isEqualTo("unknown");
    assertThat(HugePages.kernelMode(modeFile("no selection here"))).isEqualTo("unknown");
  }

  @Test
  void theHeapUsesThemWhenTheKernelAlwaysGivesThemOrTheJvmAsks() {
    assertThat(new HugePages(false, "always").inUse()).isTrue();
    assertThat(new HugePages(true, "madvise").inUse()).isTrue();
    assertThat(new HugePages(false, "madvise").inUse()).isFalse();
    assertThat(new HugePages(true, "never").inUse()).isFalse();
    assertThat(new HugePages(true, "unknown").inUse()).isFalse();
    assertThat(new HugePages(false, "madvise").describe()).isEqualTo("transparent huge pages: not in use (kernel madvise)");
    assertThat(new HugePages(true, "madvise").describe()).startsWith("transparent huge pages: in use");
  }

  @Test
  void thisJvmsFlagIsRead() {
    HugePages here = HugePages.ofThisJvm();
    boolean asked = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
        .contains("-XX:+UseTransparentHugePages");
    assertThat(here.jvm()).isEqualTo(asked);
  }
}
