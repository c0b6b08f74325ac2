package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A C {@code main(argc, argv)} takes its argv when it runs, from a .c file or a compiled bundle. */
class RunArgvTest {
  @TempDir Path dir;

  private Path source;

  @BeforeEach
  void writeSource() throws Exception {
    source = Files.writeString(dir.resolve("count.c"), """
        #include <stdio.h>
        #include <string.h>
        int main(int argc, char **argv) {
          int letters = 0;
          for (int i = 1; i < argc; i++) letters += (int) strlen(argv[i]);
          printf("%s: %d arguments, %d letters\\n", argv[0], argc - 1, letters);
          return letters;
        }
        """);
  }

  @Test
  void aCFilesArgumentsAreItsArgv() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", source.toString(), "--", "ab", "cde")).isEqualTo(5);
    assertThat(cli.out.toString()).isEqualTo("count: 2 arguments, 5 letters\n");
  }

  @Test
  void aBundlesProgramTakesNewArgumentsOnEveryRun() {
    Path bundle = dir.resolve("count.wfb");
    CliRunner compile = new CliRunner();
    assertThat(compile.run("compile", source.toString(), "-o", bundle.toString())).as(compile.err.toString()).isZero();

    CliRunner first = new CliRunner();
    assertThat(first.run("run", bundle.toString(), "--", "x")).isEqualTo(1);
    assertThat(first.out.toString()).isEqualTo("count: 1 arguments, 1 letters\n");
    CliRunner second = new CliRunner();
    assertThat(second.run("run", bundle.toString(), "--", "four", "five", "six")).isEqualTo(11);
    assertThat(second.out.toString()).isEqualTo("count: 3 arguments, 11 letters\n");
  }

  @Test
  void aBatchOfAnArgvProgramTakesOneCommandLinePerLine() throws Exception {
    Path bundle = dir.resolve("count.wfb");
    assertThat(new CliRunner().run("compile", source.toString(), "-o", bundle.toString())).isZero();
    Path batch = Files.writeString(dir.resolve("runs.txt"), "# argv\nab\n\none two three\n");

    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", bundle.toString(), "--batch", batch.toString(), "--threads", "2")).isZero();
    assertThat(cli.out.toString()).isEqualTo("2: 2 output \"count: 1 arguments, 2 letters\\n\"\n"
        + "4: 11 output \"count: 3 arguments, 11 letters\\n\"\n");
  }

  @Test
  void argumentsForAMainWithoutArgvAreRefused() throws Exception {
    Path plain = Files.writeString(dir.resolve("plain.c"), "int main(void) { return 0; }\n");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", plain.toString(), "--", "x")).isNotZero();
    assertThat(cli.err.toString()).contains("takes no arguments");
  }

  @Test
  void aCFileWithoutMainAsksForTheExportToEnter() throws Exception {
    Path lib = Files.writeString(dir.resolve("lib.c"),
        "__attribute__((export_name(\"twice\"))) int twice(int x) { return 2 * x; }\n");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("compile", lib.toString(), "-o", dir.resolve("lib.wfb").toString())).isNotZero();
    assertThat(cli.err.toString()).contains("lib defines no main; name the exported function to enter with --entry (it exports twice)");
    CliRunner entered = new CliRunner();
    assertThat(entered.run("run", lib.toString(), "--entry", "twice", "--", "21")).isEqualTo(42);
  }
}
