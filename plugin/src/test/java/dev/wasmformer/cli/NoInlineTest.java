package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --no-inline} keeps the calls of small static functions (the trace then shows them). */
class NoInlineTest {
  @TempDir Path dir;

  @Test
  void noInlineKeepsTheCall() throws IOException {
    Path c = dir.resolve("twice.c");
    Files.writeString(c, "static int twice(int x) { return 2 * x; }\n"
        + "int main(void) { int s = 0; for (int i = 0; i < 3; i++) s += twice(i); return s; }\n");
    CliRunner inlined = new CliRunner();
    assertThat(inlined.run("trace", c.toString())).as(inlined.err.toString()).isEqualTo(6);
    CliRunner called = new CliRunner();
    assertThat(called.run("trace", "--no-inline", c.toString())).as(called.err.toString()).isEqualTo(6);
    assertThat(inlined.out.toString()).doesNotContain(" twice ");
    assertThat(called.out.toString()).contains(" twice ");
  }
}
