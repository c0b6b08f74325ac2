package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What of {@code <fenv.h>} differs from gcc's x86-64 by design (c/features/fenv.c compares the
 * portable rest): WebAssembly rounds to nearest only and has no exception flags, so only
 * FE_TONEAREST is defined, FE_ALL_EXCEPT is 0, and the functions fail for anything else.
 */
class FenvTest {
  @Test
  void onlyRoundToNearestIsDefinedAndEveryOtherRequestFails() {
    String program = """
        #include <fenv.h>
        #include <math.h>
        #include <stdio.h>
        int main(void) {
        #if defined(FE_UPWARD) || defined(FE_DOWNWARD) || defined(FE_TOWARDZERO)
          puts("another rounding direction");
        #endif
        #if defined(FE_DIVBYZERO) || defined(FE_INEXACT) || defined(FE_INVALID) \\
            || defined(FE_OVERFLOW) || defined(FE_UNDERFLOW)
          puts("an exception macro");
        #endif
          fexcept_t flag = 7;
          fenv_t env;
          printf("%d %d %d\\n", FE_TONEAREST, FE_ALL_EXCEPT, math_errhandling & MATH_ERREXCEPT);
          printf("%d %d %d %d\\n", fesetround(0x400) != 0, fesetround(-1) != 0, fesetround(3) != 0, fegetround());
          printf("%d %d %d %d\\n", feclearexcept(1) != 0, feraiseexcept(4) != 0, fetestexcept(-1),
                 fesetexceptflag(&flag, 16) != 0);
          printf("%d %d\\n", fegetexceptflag(&flag, 32) != 0, flag);
          printf("%d %d %d %d\\n", feholdexcept(&env), fesetenv(&env), feupdateenv(&env), fesetenv(FE_DFL_ENV));
          return 0;
        }
        """;
    CompileResult r = new CCompiler().compile(new SourceFile("prog.c", program), CompileOptions.defaults());
    assertThat(r.success()).as(r.render()).isTrue();
    WasmRunner.Run run = WasmRunner.run(r.wasm(), r.module(), "", List.of("prog"));
    assertThat(run.stdout()).isEqualTo("0 0 0\n1 1 1 0\n1 1 0 1\n1 0\n0 0 0 0\n");
  }
}
