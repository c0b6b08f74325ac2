package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wasmformer run} takes floats by value and a pointer parameter's bytes as text. */
class TypedArgumentsTest {
  @TempDir Path dir;

  private final CliRunner cli = new CliRunner();

  @Test
  void aFloatArgumentIsParsedAndAFloatResultPrinted() throws IOException {
    Path scale = Files.writeString(dir.resolve("scale.c"),
        "__attribute__((export_name(\"scale\"))) float scale(float x, int k) { return x * k; }\n");

    int status = cli.run("run", "--entry", "scale", scale.toString(), "--", "1.5", "-3");

    assertThat(status).as(cli.err.toString()).isZero();
    assertThat(cli.out.toString()).isEqualTo("-4.5\n");
  }

  @Test
  void aPointerArgumentIsTextAndItsFinalBytesArePrinted() throws IOException {
    Path upcase = Files.writeString(dir.resolve("upcase.c"), """
        __attribute__((export_name("upcase"))) int upcase(char *s, int n) {
          for (int i = 0; i < n; i++) if (s[i] >= 'a' && s[i] <= 'z') s[i] -= 32;
          return n;
        }
        """);

    int status = cli.run("run", "--entry", "upcase", upcase.toString(), "--", "hello", "3");

    assertThat(status).as(cli.err.toString()).isEqualTo(3);
    assertThat(cli.out.toString()).isEqualTo("HELlo\n");
  }

  @Test
  void aFloatThatIsNoNumberIsRefused() throws IOException {
    Path scale = Files.writeString(dir.resolve("scale.c"),
        "__attribute__((export_name(\"scale\"))) float scale(float x, int k) { return x * k; }\n");

    assertThat(cli.run("run", "--entry", "scale", scale.toString(), "--", "one", "2")).isEqualTo(1);
    assertThat(cli.err.toString()).isEqualTo("wasmformer: error: argument is not a number: one\n");
  }
}
