package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the POSIX headers give that gcc's build cannot be compared with: the fixed process
 * numbers, the clock that does not run, the order of printf and write on stdout, and the located
 * errors for what a run cannot have. The rest is compared with gcc by CFeatureTest
 * (unistd_io.c, getopt_short.c, getopt_long.c, alloca.c, gettimeofday.c, fs_none.c, ...).
 */
class PosixHeadersTest {
  private static WasmRunner.Run run(String text, String stdin) {
    CompileResult r = DiagnosticsTest.compile(text);
    assertThat(r.success()).as(r.render()).isTrue();
    return WasmRunner.run(r.wasm(), r.module(), stdin, List.of("prog"));
  }

  @Test
  void theRunIsProcessOneWhoseParentIsZero() {
    WasmRunner.Run r = run("""
        #include <stdio.h>
        #include <unistd.h>
        int main(void) { printf("%d %d\\n", getpid(), getppid()); return 0; }
        """, "");
    assertThat(r.stdout()).isEqualTo("1 0\n");
  }

  @Test
  void sleepingTakesNoTimeAndGettimeofdayGivesTheInstantTimeGives() {
    WasmRunner.Run r = run("""
        #include <stdio.h>
        #include <sys/time.h>
        #include <time.h>
        #include <unistd.h>
        int main(void) {
          struct timeval tv = {5, 5};
          int r = gettimeofday(&tv, NULL);
          printf("%d %lld %lld %lld\\n", r, (long long)tv.tv_sec, (long long)tv.tv_usec, (long long)time(NULL));
          printf("%u %d\\n", sleep(3600), usleep(500000));
          return 0;
        }
        """, "");
    assertThat(r.stdout()).isEqualTo("0 -1 0 -1\n0 0\n");
  }

  @Test
  void theClocksStandStillAtTimesInstantAndSysconfSaysWhatARunHas() {
    WasmRunner.Run r = run("""
        #include <errno.h>
        #include <stdio.h>
        #include <time.h>
        #include <unistd.h>
        int main(void) {
          struct timespec a, b, r;
          int ok = clock_gettime(CLOCK_MONOTONIC, &a);
          for (volatile int i = 0; i < 1000; i++) {}
          clock_gettime(CLOCK_MONOTONIC, &b);
          printf("%d elapsed %lld ns\\n", ok, (long long)(b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec));
          clock_gettime(CLOCK_REALTIME, &a);
          printf("realtime %lld %ld, time %lld\\n", (long long)a.tv_sec, a.tv_nsec, (long long)time(NULL));
          errno = 0; int r1 = clock_gettime(99, &a); printf("bad clock %d %d\\n", r1, errno == EINVAL);
          printf("res %d %lld %ld\\n", clock_getres(CLOCK_MONOTONIC, &r), (long long)r.tv_sec, r.tv_nsec);
          printf("timespec_get %d %d\\n", timespec_get(&a, TIME_UTC), timespec_get(&a, 2));
          struct timespec q = {0, 1000}, bad = {0, 1000000000L};
          printf("nanosleep %d\\n", nanosleep(&q, 0));
          errno = 0; r1 = nanosleep(&bad, 0); printf("bad nanosleep %d %d\\n", r1, errno == EINVAL);
          printf("page %ld %d cpus %ld tck %ld pages %ld\\n", sysconf(_SC_PAGESIZE), getpagesize(), sysconf(_SC_NPROCESSORS_ONLN), sysconf(_SC_CLK_TCK), sysconf(_SC_PHYS_PAGES));
          errno = 0; long v = sysconf(9999); printf("bad sysconf %ld %d\\n", v, errno == EINVAL);
          return 0;
        }
        """, "");
    assertThat(r.stdout()).isEqualTo("""
        0 elapsed 0 ns
        realtime -1 0, time -1
        bad clock -1 1
        res 0 0 1
        timespec_get 1 0
        nanosleep 0
        bad nanosleep -1 1
        page 65536 65536 cpus 1 tck 100 pages 2
        bad sysconf -1 1
        """);
  }

  @Test
  void printfAndWriteReachStdoutInTheOrderTheyRunUnlikeGlibcsBufferedStdoutOnAPipe() {
    WasmRunner.Run r = run("""
        #include <stdio.h>
        #include <unistd.h>
        int main(void) {
          printf("one\\n");
          write(1, "two\\n", 4);
          printf("three\\n");
          return 0;
        }
        """, "");
    // gcc's program prints "two\none\nthree\n" into a pipe: its printf waits in a buffer
    assertThat(r.stdout()).isEqualTo("one\ntwo\nthree\n");
  }

  @Test
  void readDoesNotSeeTheCharacterUngetcPushedBack() {
    WasmRunner.Run r = run("""
        #include <stdio.h>
        #include <unistd.h>
        int main(void) {
          int c = getchar();
          ungetc(c, stdin);
          char buf[8];
          ssize_t n = read(0, buf, sizeof buf);
          printf("%c %d %.*s %c\\n", c, (int)n, (int)n, buf, getchar());
          return 0;
        }
        """, "abc");
    assertThat(r.stdout()).isEqualTo("a 2 bc a\n");
  }

  @Test
  void whatARunCannotHaveIsALocatedLinkErrorThatSaysWhy() {
    CompileResult r = DiagnosticsTest.compile("#include <unistd.h>\n#include <sys/stat.h>\nint main(void) {\n  fork();\n"
        + "  mkdir(\"d\", 0755);\n  return unlink(\"f\") + getuid();\n}\n");
    assertThat(DiagnosticsTest.messages(r)).contains(
        "prog.c:4:3: error: undefined reference to function 'fork': a run is the only process, without users, host"
            + " or configuration (getpid is 1)",
        "prog.c:5:3: error: undefined reference to function 'mkdir': a run has no file system, only its input, stdout"
            + " and stderr (open, stat and access find no file)",
        "prog.c:6:10: error: undefined reference to function 'unlink': a run has no file system, only its input,"
            + " stdout and stderr (open, stat and access find no file)",
        "prog.c:6:24: error: undefined reference to function 'getuid': a run is the only process, without users, host"
            + " or configuration (getpid is 1)");
  }

  @Test
  void allocaWithoutItsHeaderSaysWhereItIs() {
    CompileResult r = DiagnosticsTest.compile("int main(void) {\n  char *p = alloca(10);\n  return p != 0;\n}\n");
    assertThat(DiagnosticsTest.messages(r)).contains(
        "prog.c:2:13: error: undefined reference to function 'alloca': alloca is a builtin: include <alloca.h> (or <stdlib.h>)");
  }

  @Test
  void allocaOutsideAFunctionIsALocatedError() {
    CompileResult r = DiagnosticsTest.compile("#include <alloca.h>\nchar *p = alloca(4);\nint main(void) { return 0; }\n");
    assertThat(r.success()).isFalse();
    assertThat(DiagnosticsTest.messages(r)).anyMatch(m -> m.startsWith("prog.c:2:11: error: alloca outside a function"));
  }
}
