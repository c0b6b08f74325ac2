package dev.wasmformer.c;

import static dev.wasmformer.c.TestPrograms.stdout;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What of long double cannot be compared with gcc, whose x86-64 long double is the 80-bit
 * format (sizeof 16, 64-bit significand): ours is binary64, with double's size, limits,
 * precision and {@code %La} text. (c/features/long_double.c and its siblings compare the rest.)
 */
class LongDoubleTest {
  @Test
  void longDoubleHasTheSizeAlignmentAndLimitsOfDouble() {
    String out = stdout("""
        #include <float.h>
        #include <stdio.h>
        struct s { char c; long double x; };
        int main(void) {
          printf("%d %d %d %d\\n", (int)sizeof(long double), (int)_Alignof(long double),
                 (int)sizeof(struct s), (int)__builtin_offsetof(struct s, x));
          printf("%d %d %d %d %d %d %d %d %d\\n", LDBL_MANT_DIG, LDBL_DIG, LDBL_MIN_EXP, LDBL_MAX_EXP,
                 LDBL_MIN_10_EXP, LDBL_MAX_10_EXP, DECIMAL_DIG, LDBL_DECIMAL_DIG, LDBL_HAS_SUBNORM);
          printf("%d %d %d %d\\n", LDBL_MAX == DBL_MAX, LDBL_MIN == DBL_MIN, LDBL_EPSILON == DBL_EPSILON,
                 LDBL_TRUE_MIN == DBL_TRUE_MIN);
          return 0;
        }
        """);
    assertThat(out).isEqualTo("8 8 16 8\n53 15 -1021 1024 -307 308 17 17 1\n1 1 1 1\n");
  }

  @Test
  void longDoubleComputesExactlyLikeDouble() {
    // L constants are parsed at double precision; each operation rounds to 53 bits
    String out = stdout("""
        #include <math.h>
        #include <stdio.h>
        #include <stdlib.h>
        int main(void) {
          volatile long double three = 3;
          printf("%d %d %d\\n", 0.1L == 0.1, 1.0L / three == 1.0 / 3, (1.0L + 0x1p-60L) == 1.0L);
          printf("%La %La %La %La\\n", 6.5L, 1.0L / three, nextafterl(1, 2), strtold("0.1", NULL));
          long double x;
          sscanf("0.1", "%Lf", &x);
          printf("%d %d %d\\n", x == 0.1, sqrtl(2) == sqrt(2), sinl(1) == sin(1));
          return 0;
        }
        """);
    assertThat(out).isEqualTo("1 1 1\n0x1.ap+2 0x1.5555555555555p-2 0x1.0000000000001p+0 0x1.999999999999ap-4\n1 1 1\n");
  }

  @Test
  void anExportedLongDoubleIsADoubleAtTheBoundary() {
    CompileResult r = new CCompiler().compile(new SourceFile("prog.c",
        "__attribute__((export_name(\"f\"))) long double f(long double x, long double *p) { return x + *p; }\n"),
        CompileOptions.defaults());
    assertThat(r.success()).as(r.render()).isTrue();
    assertThat(r.module().signatures().get("f")).isEqualTo(new ExportSignature(
        List.of(ExportSignature.Scalar.DOUBLE, ExportSignature.Scalar.POINTER), Optional.of(ExportSignature.Scalar.DOUBLE)));
  }
}
