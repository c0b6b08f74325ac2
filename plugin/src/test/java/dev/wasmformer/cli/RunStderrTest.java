package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A C program's stderr is a stream of its own: {@code run} writes it to stderr, {@code trace} shows it as such. */
class RunStderrTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void runWritesTheProgramsStderrToItsOwnStderr() throws Exception {
    Path c = write("warn.c", """
        #include <stdio.h>
        int main(void) {
          puts("result: 7");
          fprintf(stderr, "warning: %d left\\n", 3);
          fputs("done\\n", stdout);
          return 7;
        }
        """);
    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", c.toString())).isEqualTo(7);
    assertThat(cli.out.toString()).isEqualTo("result: 7\ndone\n");
    assertThat(cli.err.toString()).isEqualTo("warning: 3 left\n");
  }

  @Test
  void aTrapStillShowsBothStreamsThenTheTrap() throws Exception {
    Path c = write("fail.c", """
        #include <assert.h>
        #include <stdio.h>
        int main(void) {
          puts("before");
          assert(1 + 1 == 3);
          return 0;
        }
        """);
    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", c.toString())).isEqualTo(RunCommand.TRAP);
    assertThat(cli.out.toString()).isEqualTo("before\n");
    // glibc's wording of a failed assert, on stderr, then the trap of abort()
    assertThat(cli.err.toString()).startsWith(c + ":5: main: Assertion `1 + 1 == 3' failed.\nwasmformer: trap: ");
  }

  @Test
  void abortRunsTheSigabrtHandlerThenStillEndsTheRunAsSigabrtWould() throws Exception {
    Path c = write("abort.c", """
        #include <signal.h>
        #include <stdio.h>
        #include <stdlib.h>
        static void note(int sig) { fprintf(stderr, "handler %d\\n", sig); }
        int main(int argc, char **argv) {
          signal(SIGABRT, argc > 1 ? SIG_IGN : note);
          puts("before");
          abort();
          puts("not reached");
          return 0;
        }
        """);
    // the handler returns: the run ends with the trap, status 134 as a process killed by SIGABRT
    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", c.toString())).isEqualTo(RunCommand.TRAP);
    assertThat(cli.out.toString()).isEqualTo("before\n");
    assertThat(cli.err.toString()).startsWith("handler 6\nwasmformer: trap: ").contains("(in function abort)");
    // an ignored SIGABRT does not stop abort either
    CliRunner ignoring = new CliRunner();
    assertThat(ignoring.run("run", c.toString(), "--", "ignore")).isEqualTo(RunCommand.TRAP);
    assertThat(ignoring.out.toString()).isEqualTo("before\n");
    assertThat(ignoring.err.toString()).startsWith("wasmformer: trap: ").contains("(in function abort)");
  }

  @Test
  void traceShowsStderrBytesApartFromStdoutBytes() throws Exception {
    Path c = write("both.c", """
        #include <stdio.h>
        int main(void) {
          putchar('o');
          fputc('e', stderr);
          return 0;
        }
        """);
    CliRunner cli = new CliRunner();
    assertThat(cli.run("trace", c.toString())).isZero();
    List<String> lines = cli.out.toString().lines().toList();
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("PUTCHAR ").endsWith("out 'o'"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("PUTCHAR_ERR").endsWith("err 'e'"));
  }
}
