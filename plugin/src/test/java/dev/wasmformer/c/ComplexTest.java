package dev.wasmformer.c;

import static dev.wasmformer.c.TestPrograms.compile;
import static dev.wasmformer.c.TestPrograms.stdout;
import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import org.junit.jupiter.api.Test;

/**
 * What of the complex types cannot be compared with gcc: the sizes of long double complex
 * (binary64 parts here, x87's 80-bit ones in gcc), and the ABI, which is clang's wasm32 one.
 * (c/features/complex*.c and tgmath_complex.c compare the rest with gcc.)
 */
class ComplexTest {
  @Test
  void complexTypesAreTwoPartsLaidOutAsAnArrayOfTwo() {
    String out = stdout("""
        #include <complex.h>
        #include <stdio.h>
        #include <string.h>
        struct s { char c; long double complex z; };
        int main(void) {
          long double complex l = CMPLXL(1, 3);
          printf("%d %d %d %d %d %d\\n", (int)sizeof(float complex), (int)_Alignof(float complex),
                 (int)sizeof(long double complex), (int)_Alignof(long double complex), (int)sizeof(struct s),
                 (int)__builtin_offsetof(struct s, z));
          double parts[2];
          memcpy(parts, &l, sizeof parts);
          printf("%g %g %d\\n", parts[0], parts[1], creall(l / 3) == 1.0 / 3);
          return 0;
        }
        """);
    assertThat(out).isEqualTo("8 4 16 8 24 8\n1 3 1\n");
  }

  @Test
  void complexArgumentsAndResultsArePassedAsClangsWasm32PassesThem() {
    // clang --target=wasm32: (i32 result address, i32 z's copy, i32 w's copy, f64 k) -> (); our
    // doubles are i64 bit patterns (soft-float), the rest is the same
    WasmModule m = Parser.parse(compile("""
        __attribute__((export_name("f"))) double _Complex f(double _Complex z, float _Complex w, double k) {
          return z * k + w;
        }
        __attribute__((export_name("g"))) float _Complex g(float _Complex w) { return w; }
        """).wasm());
    assertThat(type(m, "f").params()).containsExactly(ValType.I32, ValType.I32, ValType.I32, ValType.I64);
    assertThat(type(m, "f").returns()).isEmpty();
    assertThat(type(m, "g").params()).containsExactly(ValType.I32, ValType.I32);
    assertThat(type(m, "g").returns()).isEmpty();
  }

  private static FunctionType type(WasmModule m, String export) {
    int imported = m.importSection().count(ExternalType.FUNCTION);
    for (int i = 0; i < m.exportSection().exportCount(); i++) {
      if (m.exportSection().getExport(i).name().equals(export)) {
        return m.functionSection().getFunctionType(m.exportSection().getExport(i).index() - imported, m.typeSection());
      }
    }
    throw new AssertionError("no export " + export);
  }

  @Test
  void constantComplexInitializersAreStaticData() {
    // parts folded at compile time (a real factor scales each part); a pair needs no code
    String out = stdout("""
        #include <complex.h>
        #include <stdio.h>
        static double complex k = 1.5 - 2.0 * I;
        static float complex t[2] = {CMPLXF(1, 2), 3.0f * I};
        static double complex scaled = (1.0 + 2.0i) * 3;
        int main(void) {
          printf("%g %g %g %g %g %g\\n", creal(k), cimag(k), crealf(t[1]), cimagf(t[1]), creal(scaled), cimag(scaled));
          return 0;
        }
        """);
    assertThat(out).isEqualTo("1.5 -2 0 3 3 6\n");
  }

  @Test
  void complexIntegersAreLaidOutAndPassedAsClangsWasm32Does() {
    // clang 14 --target=wasm32-wasi: the same sizes and alignments (long is 32 bits there, not
    // in gcc's x86-64), and a complex integer is passed and returned as a complex double is
    String out = stdout("""
        #include <stdio.h>
        struct s { char c; _Complex long l; };
        struct t { char c; _Complex long long l; };
        int main(void) {
          printf("%d %d %d %d %d %d\\n", (int)sizeof(_Complex char), (int)_Alignof(_Complex short),
                 (int)sizeof(_Complex long), (int)_Alignof(_Complex long long), (int)sizeof(struct s), (int)sizeof(struct t));
          return 0;
        }
        """);
    assertThat(out).isEqualTo("2 2 8 8 12 24\n");
    WasmModule m = Parser.parse(compile("""
        __attribute__((export_name("f"))) _Complex int f(_Complex int z, _Complex char c, _Complex long long w) {
          return z + c + w;
        }
        """).wasm());
    assertThat(type(m, "f").params()).containsExactly(ValType.I32, ValType.I32, ValType.I32, ValType.I32);
    assertThat(type(m, "f").returns()).isEmpty();
  }

  @Test
  void longDoubleComplexConstantsFoldAtDoublePrecision() {
    // gcc's x86-64 folds them at 64 bits; ours, binary64, rounds each part to 53 bits once, as
    // the double product folds, where __muldc3 at run time rounds twice
    String out = stdout("""
        #include <complex.h>
        #include <stdio.h>
        static long double complex folded = (0.1L + 0.2Li) * (0.3L + 0.7Li);
        int main(void) {
          volatile long double x = 0.1L;
          long double complex computed = (x + 0.2Li) * (0.3L + 0.7Li);
          double complex d = (0.1 + 0.2i) * (0.3 + 0.7i);
          printf("%d %d %d\\n", creall(folded) == creal(d), cimagl(folded) == cimag(d), creall(computed) == creal(d));
          return 0;
        }
        """);
    assertThat(out).isEqualTo("1 1 0\n");
  }
}
