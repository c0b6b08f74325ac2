package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that compile C print its warnings on stderr, as a C compiler does, and go on. */
class CWarningsTest {
  @TempDir Path dir;

  private static final String SIGN = """
      int sign(int x) {
        if (x > 0) return 1;
        if (x < 0) return -1;
      }
      int main(void) { return sign(5); }
      """;

  @Test
  void runPrintsTheWarningWithItsSourceLineThenRunsTheProgram() throws Exception {
    Path c = Files.writeString(dir.resolve("sign.c"), SIGN);
    CliRunner cli = new CliRunner();

    assertThat(cli.run("run", c.toString())).isEqualTo(1);
    assertThat(cli.err.toString()).isEqualTo(
        c + ":4:1: warning: control reaches end of non-void function 'sign'\n}\n^\n");
  }

  @Test
  void compilePrintsTheWarningAndWritesTheModule() throws Exception {
    Path c = Files.writeString(dir.resolve("sign.c"), SIGN);
    Path wasm = dir.resolve("sign.wasm");
    CliRunner cli = new CliRunner();

    assertThat(cli.run("compile", c.toString(), "-o", wasm.toString())).isZero();
    assertThat(cli.err.toString()).contains(c + ":4:1: warning: control reaches end of non-void function 'sign'");
    assertThat(wasm).isNotEmptyFile();
  }
}
