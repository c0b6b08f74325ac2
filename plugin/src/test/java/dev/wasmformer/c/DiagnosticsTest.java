package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
  static CompileResult compile(String text) {
    return new CCompiler().compile(new SourceFile("prog.c", text), CompileOptions.defaults());
  }

  /** The diagnostics as {@code file:line:col: severity: message}. */
  static List<String> messages(CompileResult r) {
    return r.diagnostics().stream()
        .map(d -> d.file() + ":" + d.line() + ":" + d.column() + ": " + d.severity().name().toLowerCase() + ": "
            + d.message())
        .toList();
  }

  @Test
  void aLineDirectiveWithoutANumberIsAnErrorAndDiagnosticsKeepTheRealPlace() {
    CompileResult r = compile("#line 50 \"gen.y\"\nint main(void) { return x; }\n#line here\n");
    assertThat(messages(r)).containsExactlyInAnyOrder(
        "prog.c:2:25: error: use of undeclared identifier 'x'",
        "prog.c:3:2: error: #line expects a line number and an optional file name in quotes");
  }

  @Test
  void aCaseRangeTooLargeToListIsAnErrorAndAnEmptyOneAWarning() {
    CompileResult r = compile("int f(int x) {\n  switch (x) {\n    case 0 ... 99999: return 1;\n"
        + "    case 5 ... 4: return 2;\n  }\n  return 0;\n}\nint main(void) { return f(1); }\n");
    assertThat(messages(r)).contains(
        "prog.c:3:10: error: case range of 100000 values is too large (at most 4096)",
        "prog.c:4:10: warning: empty range specified");
  }

  @Test
  void takingTheAddressOfABitFieldIsRefusedWithACaret() {
    CompileResult r = compile("struct S { int a; unsigned b:3; } s;\nint main(void) {\n  unsigned *p = &s.b;\n"
        + "  return *p;\n}\n");
    assertThat(r.success()).isFalse();
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0).render()).isEqualTo("""
        prog.c:3:17: error: cannot take the address of bit-field 'b'
          unsigned *p = &s.b;
                        ^""");
  }

  @Test
  void sizeofAlignofTypeofAndOffsetofOfABitFieldAreRefused() {
    CompileResult r = compile("""
        struct S { int a; unsigned b:3; } s;
        int main(void) {
          int n = sizeof s.b + sizeof(s.a);
          int m = _Alignof(s.b);
          typeof(s.b) t = 0;
          struct S *p = &s;
          return n + m + t + sizeof p->b + __builtin_offsetof(struct S, b);
        }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:3:11: error: invalid application of 'sizeof' to bit-field 'b'",
        "prog.c:4:11: error: invalid application of '_Alignof' to bit-field 'b'",
        "prog.c:5:3: error: 'typeof' applied to bit-field 'b'",
        "prog.c:7:22: error: invalid application of 'sizeof' to bit-field 'b'",
        "prog.c:7:65: error: cannot compute offsetof of bit-field 'b'");
  }

  @Test
  void invalidBitFieldDeclarationsAreLocated() {
    CompileResult r = compile("""
        struct S {
          int a:33;
          char b:9;
          _Bool c:2;
          int d:0;
          int e:-1;
          float f:3;
          int *g:2;
          int h:a;
          int :40;
          unsigned ok:32, :0;
        };
        int main(void) { return sizeof(struct S); }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:2:9: error: width of bit-field 'a' (33 bits) exceeds the width of its type (32 bits)",
        "prog.c:3:10: error: width of bit-field 'b' (9 bits) exceeds the width of its type (8 bits)",
        "prog.c:4:11: error: width of bit-field 'c' (2 bits) exceeds the width of its type (1 bit)",
        "prog.c:5:9: error: named bit-field 'd' has zero width",
        "prog.c:6:9: error: bit-field 'e' has negative width (-1)",
        "prog.c:7:9: error: bit-field 'f' has non-integral type 'float'",
        "prog.c:8:8: error: bit-field 'g' has non-integral type 'int *'",
        "prog.c:9:9: error: use of undeclared identifier 'a'",
        "prog.c:10:8: error: width of anonymous bit-field (40 bits) exceeds the width of its type (32 bits)");
  }

  @Test
  void aStrayCharacterIsRenderedWithItsLineAndACaret() {
    CompileResult r = compile("int main(void) {\n  return 1 @ 2;\n}\n");
    assertThat(r.success()).isFalse();
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0).render()).isEqualTo("""
        prog.c:2:12: error: stray '@' in program
          return 1 @ 2;
                   ^""");
  }

  @Test
  void theCaretFollowsTabsInTheSourceLine() {
    CompileResult r = compile("int main(void) {\n\t\treturn x;\n}\n");
    assertThat(r.errors().get(0).render()).isEqualTo(
        "prog.c:2:10: error: use of undeclared identifier 'x'\n\t\treturn x;\n\t\t       ^");
  }

  @Test
  void anUnterminatedStringIsReported() {
    CompileResult r = compile("char *s = \"abc;\nint main(void) { return 0; }\n");
    assertThat(messages(r)).contains("prog.c:1:11: error: missing terminating '\"' character");
  }

  @Test
  void anUnterminatedCommentIsReportedWhereItStarts() {
    CompileResult r = compile("int main(void) { return 0; }\n  /* never closed\n");
    assertThat(messages(r)).containsExactly("prog.c:2:3: error: unterminated comment");
  }

  @Test
  void textInASkippedGroupIsNeverDiagnosed() {
    CompileResult r = compile("#if 0\nit's @ not C\n#endif\nint main(void) { return 0; }\n");
    assertThat(r.success()).as(r.render()).isTrue();
  }

  @Test
  void preprocessorErrorsAreLocated() {
    CompileResult r = compile("""
        #define F(a, b) a + b
        #include "missing.h"
        #error stop here
        int x = F(1);
        #if 1
        int main(void) { return 0; }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:2:10: error: 'missing.h' file not found",
        "prog.c:3:2: error: #error stop here",
        "prog.c:4:9: error: macro 'F' requires 2 arguments, but 1 given",
        "prog.c:5:2: error: unterminated conditional directive");
  }

  @Test
  void aMissingSemicolonIsReportedAfterThePreviousToken() {
    CompileResult r = compile("int main(void) {\n  int x = 1\n  return x;\n}\n");
    assertThat(r.errors().get(0).render()).isEqualTo("""
        prog.c:2:12: error: expected ';' at end of declaration
          int x = 1
                   ^""");
  }

  @Test
  void severalIndependentErrorsAreReportedInOneRun() {
    CompileResult r = compile("""
        struct point { int x, y; };
        int f(int a) { return a; }
        int main(void) {
          int n = undefined_name;
          struct point p;
          int k = p;
          f(1, 2);
          n.x = 3;
          return 0
        }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:4:11: error: use of undeclared identifier 'undefined_name'",
        "prog.c:6:11: error: incompatible types initializing 'int' from 'struct point'",
        "prog.c:7:4: error: too many arguments to function call 'f', expected 1, have 2",
        "prog.c:8:5: error: member reference base type 'int' is not a structure or union",
        "prog.c:9:11: error: expected ';' after return statement");
  }

  @Test
  void typeErrorsNameTheTypes() {
    CompileResult r = compile("""
        struct s { int a; };
        int main(void) {
          struct s v;
          int *p = 0;
          v + 1;
          p * 2;
          3();
          return v.b;
        }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:5:5: error: invalid operands to binary expression ('struct s' and 'int')",
        "prog.c:6:5: error: invalid operands to binary expression ('int *' and 'int')",
        "prog.c:7:4: error: called object type 'int' is not a function or function pointer",
        "prog.c:8:12: error: no member named 'b' in 'struct s'");
  }

  @Test
  void assignmentsToNonLvaluesAndRedefinitionsAreErrors() {
    CompileResult r = compile("""
        int g;
        int g = 1;
        int g = 2;
        int main(void) {
          int a[3], b[3];
          a = b;
          5 = 3;
          break;
          return 0;
        }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:3:9: error: redefinition of 'g'",
        "prog.c:6:5: error: array type 'int[3]' is not assignable",
        "prog.c:7:5: error: expression is not assignable",
        "prog.c:8:3: error: 'break' statement not in loop or switch statement");
  }

  @Test
  void longDoubleIsATypeOfItsOwnInDiagnostics() {
    CompileResult r = compile("""
        long double ld = 1.5L;
        double *p = &ld;
        int main(void) {
          long double *q = p;
          int k = _Generic(ld, long double: 1, double: 2, long double: 3);
          int *i = (int *)ld;
          return (ld % 2) + k + *q + *i + (ld << 1);
        }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:2:13: warning: incompatible pointer types initializing 'double *' from 'long double *'",
        "prog.c:4:20: warning: incompatible pointer types initializing 'long double *' from 'double *'",
        "prog.c:5:51: error: '_Generic' specifies two compatible types",
        "prog.c:6:12: error: cannot cast 'long double' to 'int *'",
        "prog.c:7:14: error: invalid operands to binary expression ('long double' and 'int')",
        "prog.c:7:39: error: invalid operands to binary expression ('long double' and 'int')");
  }

  @Test
  void complexMisusesAreLocatedErrors() {
    // where gcc 12 puts them (gcc puts the _Bool one at _Bool); line 3's product of constants
    // with an infinite part is folded as gcc folds it (c/features/complex_fold_special.c)
    CompileResult r = compile("""
        #include <complex.h>
        double complex z = 1.0 + 2.0 * I;
        double complex y = (1.0 / 0.0 + 2.0 * I) * (3.0 - I);
        _Complex _Bool ci;
        _Complex c;
        int main(void) {
          double complex w = z;
          int a = z < w;
          int b = z >= 1.0;
          double complex m = z % w;
          int *p = (int *)z;
          double complex q = p;
          double r = w.x;
          double complex s = __builtin_complex(1.0, 2.0f);
          return a + b + (int)r + 2i + (w << 1) + __real__ p;
        }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:4:1: error: both 'complex' and '_Bool' in declaration specifiers",
        "prog.c:5:1: warning: ISO C does not support plain 'complex' meaning 'double complex'",
        "prog.c:8:13: error: invalid operands to binary expression ('complex double' and 'complex double')",
        "prog.c:9:13: error: invalid operands to binary expression ('complex double' and 'double')",
        "prog.c:10:24: error: invalid operands to binary expression ('complex double' and 'complex double')",
        "prog.c:11:12: error: cannot cast 'complex double' to 'int *'",
        "prog.c:12:22: error: incompatible types initializing 'complex double' from 'int *'",
        "prog.c:13:16: error: member reference base type 'complex double' is not a structure or union",
        "prog.c:14:22: error: '__builtin_complex' operands of different types",
        "prog.c:15:35: error: invalid operands to binary expression ('complex double' and 'int')",
        "prog.c:15:43: error: invalid argument type 'int *' to __real__");
  }

  @Test
  void complexIntegerMisusesAreLocatedErrors() {
    // at gcc 12's lines and columns, but the cast (gcc: at the statement)
    CompileResult r = compile("""
        int main(void) {
          _Complex int z = 1 + 2i, w = 3i;
          int a = z < w;
          _Complex int m = z % 2;
          _Complex int s = z << 1;
          _Complex int c = __builtin_complex(1, 2);
          int *p = (int *)z;
          return a + __real__ m + __real__ s + __real__ c + *p;
        }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:3:13: error: invalid operands to binary expression ('complex int' and 'complex int')",
        "prog.c:4:22: error: invalid operands to binary expression ('complex int' and 'int')",
        "prog.c:5:22: error: invalid operands to binary expression ('complex int' and 'int')",
        "prog.c:6:20: error: '__builtin_complex' operand not of real binary floating-point type",
        "prog.c:7:12: error: cannot cast 'complex int' to 'int *'");
  }

  @Test
  void floatingPointMisusesAreLocatedErrors() {
    CompileResult r = compile("""
        #include <stdarg.h>
        int f(int n, ...) {
          va_list ap;
          va_start(ap, n);
          float x = va_arg(ap, float);
          double d = 1.5;
          int *p = (int *)d;
          return d % 2 + (d << 1) + ~d + (int)x + *p;
        }
        int main(void) { return 1e; }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:5:13: error: second argument to 'va_arg' is of promotable type 'float' (a float argument is passed as a double)",
        "prog.c:7:12: error: cannot cast 'double' to 'int *'",
        "prog.c:8:12: error: invalid operands to binary expression ('double' and 'int')",
        "prog.c:8:21: error: invalid operands to binary expression ('double' and 'int')",
        "prog.c:8:29: error: invalid argument type 'double' to unary expression",
        "prog.c:10:25: error: invalid floating constant '1e'");
  }

  @Test
  void classicMistakesAreWarningsThatDoNotStopCompilation() {
    CompileResult r = compile("""
        int main(void) {
          int x = 0;
          char *p = &x;
          return helper(x) + (p != 0);
        }
        int helper(int v) { return v; }
        """);
    assertThat(r.success()).as(r.render()).isTrue();
    assertThat(messages(r)).containsExactly(
        "prog.c:3:13: warning: incompatible pointer types initializing 'char *' from 'int *'",
        "prog.c:4:10: warning: implicit declaration of function 'helper'");
  }

  @Test
  void linkErrorsNameTheMissingSymbol() {
    CompileResult r = compile("int helper(int);\nextern int missing;\nint main(void) { return helper(missing); }\n");
    assertThat(messages(r)).containsExactly(
        "prog.c:3:25: error: undefined reference to function 'helper'",
        "prog.c:3:32: error: undefined reference to 'missing'");
  }

  @Test
  void aLinkErrorForAGlibcFunctionTheLibcLacksSaysWhy() {
    CompileResult r = compile("int pause(void);\nunsigned alarm(unsigned);\nint main(void) {\n  pause();\n  return alarm(1);\n}\n");
    assertThat(messages(r)).contains(
        "prog.c:4:3: error: undefined reference to function 'pause': nothing outside a run sends it signals, so pause would wait forever",
        "prog.c:5:10: error: undefined reference to function 'alarm': a run has no clock, so no alarm would go off");
  }

  @Test
  void setjmpOutsideTheContextsC11AllowsIsALocatedError() {
    CompileResult r = compile("""
        #include <setjmp.h>
        jmp_buf b;
        int g(int x) { return x; }
        int inArgument(void) { return g(setjmp(b)); }
        int afterACall(void) { if (g(1) + setjmp(b)) return 1; return 0; }
        int comparedWithAVariable(int x) { while (setjmp(b) < x) x--; return x; }
        int returned(void) { return setjmp(b); }
        int inAComma(void) { int x; x = (g(1), setjmp(b)); return x; }
        int allowed(int x) {
          if (setjmp(b)) return 1;
          if (!setjmp(b)) x++;
          switch (setjmp(b) + 1) { default: x++; }
          do x++; while ((x = setjmp(b)) != 0);
          (void) setjmp(b);
          int r = setjmp(b);
          return r + x;
        }
        int main(void) {
          if (allowed(0)) longjmp(b, 1);
          return inArgument() + afterACall() + comparedWithAVariable(2) + returned() + inAComma();
        }
        """);
    String rule = ": error: setjmp must be the whole expression of an expression statement or the controlling "
        + "expression of if, switch, while, do or for, possibly negated, cast, compared with a constant, or "
        + "assigned to a variable (C11 7.13.1.1)";
    assertThat(messages(r)).containsExactlyInAnyOrder(
        "prog.c:4:33" + rule, "prog.c:5:35" + rule, "prog.c:6:43" + rule, "prog.c:7:29" + rule,
        "prog.c:8:40" + rule);
  }

  @Test
  void aProgramWithoutEntryPointIsAnError() {
    CompileResult r = compile("int f(void) { return 1; }\n");
    assertThat(r.success()).isFalse();
    assertThat(r.errors().get(0).message()).contains("no entry point");
    // no line to show, but the file it is about, as for any other diagnostic
    assertThat(r.errors().get(0).render()).startsWith("prog.c: error: no entry point");
  }

  @Test
  void variableLengthArraysAreRefusedWhereGccRefusesThem() {
    CompileResult r = compile("""
        int n = 3;
        int g[n];
        typedef int T[n];
        void f(int k) {
          static int s[k];
          extern int e[k];
          int ok[k];
          goto L;
          int v[k];
        L:
          v[0] = ok[0];
          switch (k) { int w[k]; case 1: break; }
          int init[k] = {0};
          int (*lit)[k] = &(int[k]){0};
          struct S { int m[k]; } st;
        }
        int main(void) { f(1); return 0; }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:2:5: error: variably modified 'g' at file scope",
        "prog.c:3:13: error: variably modified 'T' at file scope",
        "prog.c:5:14: error: storage size of 's' isn't constant",
        "prog.c:6:14: error: object with variably modified type must have no linkage",
        "prog.c:12:26: error: switch jumps into scope of identifier with variably modified type ('w' declared at 12:20)",
        "prog.c:13:7: error: variable-sized object may not be initialized",
        "prog.c:14:20: error: compound literal has variable size",
        "prog.c:15:18: error: member 'm' has a variably modified type (not supported)",
        "prog.c:8:8: error: jump into scope of identifier with variably modified type (label 'L' is in the scope of"
            + " 'v' declared at 9:7)");
    assertThat(r.errors().get(r.errors().size() - 1).render()).endsWith("\n  goto L;\n       ^");
  }

  @Test
  void alignmentRequestsAreCheckedAsGccChecksThem() {
    CompileResult r = compile("""
        _Alignas(3) int a;
        int b __attribute__((aligned(6)));
        _Alignas(1) int c;
        struct s { char x; _Alignas(1) int y; _Alignas(4) int z : 3; };
        int f(_Alignas(8) int p);
        _Alignas(8) int g(void);
        _Alignas(1048576) int d;
        typedef int __attribute__((aligned(8))) T;
        _Alignas(0) int zero;
        int main(void) { return 0; }
        """);
    // gcc: the same messages at the same places, but for 2:22 (gcc: 2:1, the declaration) and
    // 7:1 (gcc accepts alignments up to 2^28); the typedef's alignment gcc honours
    assertThat(messages(r)).containsExactly(
        "prog.c:1:1: error: requested alignment '3' is not a positive power of 2",
        "prog.c:2:22: error: requested alignment '6' is not a positive power of 2",
        "prog.c:3:17: error: '_Alignas' specifiers cannot reduce alignment of 'c'",
        "prog.c:4:36: error: '_Alignas' specifiers cannot reduce alignment of 'y'",
        "prog.c:4:55: error: alignment specified for bit-field 'z'",
        "prog.c:5:23: error: alignment specified for parameter 'p'",
        "prog.c:6:17: error: alignment specified for function 'g'",
        "prog.c:7:1: error: requested alignment '1048576' exceeds maximum 65536",
        "prog.c:8:41: warning: alignment of typedef 'T' is ignored");
    assertThat(r.errors().get(0).render()).endsWith("\n_Alignas(3) int a;\n^");
  }

  @Test
  void atomicArraysFunctionsIncompleteStructsAndComplexAreRefusedWhereTheQualifierStands() {
    CompileResult r = compile("""
        typedef int A[3];
        _Atomic A a;
        _Atomic(int(void)) *f;
        struct t;
        _Atomic struct t v;
        _Atomic double _Complex z;
        struct s { int x; };
        _Atomic struct s ok;
        int main(void) { struct s c = ok; return c.x; }
        """);
    // gcc: "'_Atomic'-qualified array type" (and function type); an atomic complete struct is
    // accepted (c/features/atomic_struct.c), an incomplete one and an atomic complex are ours to refuse
    assertThat(messages(r)).containsExactly(
        "prog.c:2:1: error: '_Atomic'-qualified array type",
        "prog.c:3:9: error: '_Atomic'-qualified function type",
        "prog.c:5:1: error: '_Atomic' on an incomplete struct or union type is not supported",
        "prog.c:6:1: error: '_Atomic' on a complex type is not supported");
  }

  @Test
  void atomicBuiltinsAreCheckedAsGccChecksThem() {
    CompileResult r = compile("""
        struct s { int a; };
        void g(void);
        int x;
        long long ll;
        int k = __atomic_load_n(&x, 0);
        int f(int n, void *v, float *fp, _Bool *bp, struct s *sp) {
          int a[2];
          __atomic_load_n(&x);
          __atomic_exchange_n(&x, 1, 0, 0);
          __atomic_load_n(x, 0);
          __atomic_fetch_add(fp, 1, 0);
          __sync_fetch_and_or(bp, 1);
          __atomic_store_n(sp, 0, 0);
          __atomic_load_n(v, 0);
          __atomic_load_n(&a, 0);
          __atomic_load(v, &x, 0);
          __atomic_load(&g, &x, 0);
          __atomic_store(&x, 1, 0);
          __atomic_exchange(&x, &x, 2, 0);
          __atomic_load(&x, &ll, 0);
          __atomic_load(sp, &x, 0);
          __sync_synchronize(0);
          __atomic_test_and_set(x, 0);
          __atomic_load(&a, &ll, 0);
          return __atomic_always_lock_free(n, 0);
        }
        """);
    // gcc 12's places and messages (the last error in a run of its own: gcc reports it later),
    // but for the first (gcc: "initializer element is not constant") and the conversion warning,
    // worded as our other ones are, and the array gcc accepts
    assertThat(messages(r)).containsExactly(
        "prog.c:5:9: error: initializer element is not a compile-time constant",
        "prog.c:8:3: error: too few arguments to function '__atomic_load_n'",
        "prog.c:9:3: error: too many arguments to function '__atomic_exchange_n'",
        "prog.c:10:3: error: operand type 'int' is incompatible with argument 1 of '__atomic_load_n'",
        "prog.c:11:3: error: operand type 'float *' is incompatible with argument 1 of '__atomic_fetch_add'",
        "prog.c:12:3: error: operand type '_Bool *' is incompatible with argument 1 of '__sync_fetch_and_or'",
        "prog.c:13:3: error: operand type 'struct s *' is incompatible with argument 1 of '__atomic_store_n'",
        "prog.c:14:3: error: operand type 'void *' is incompatible with argument 1 of '__atomic_load_n'",
        "prog.c:15:3: error: operand type 'int (*)[2]' is incompatible with argument 1 of '__atomic_load_n'",
        "prog.c:16:3: error: argument 1 of '__atomic_load' must be a non-void pointer type",
        "prog.c:17:3: error: argument 1 of '__atomic_load' must not be a pointer to a function",
        "prog.c:18:3: error: argument 2 of '__atomic_store' must be a pointer type",
        "prog.c:19:3: error: argument 3 of '__atomic_exchange' must be a pointer type",
        "prog.c:20:3: error: size mismatch in argument 2 of '__atomic_load'",
        "prog.c:22:3: error: too many arguments to function '__sync_synchronize'",
        "prog.c:23:25: warning: incompatible integer to pointer conversion passing 'void *' from 'int'",
        "prog.c:24:3: error: argument 1 of '__atomic_load' pointing to an array is not supported",
        "prog.c:25:10: error: non-constant argument 1 to '__atomic_always_lock_free'");
  }

  @Test
  void aPackedBitFieldOfMoreThanEightBytesIsRefusedWhereItStands() {
    CompileResult r = compile("""
        struct __attribute__((packed)) s { char c : 3; long long x : 63; };
        struct __attribute__((packed)) t { char c : 3; long long x : 61; };
        int main(void) { return 0; }
        """);
    // gcc lays x out over nine bytes; we load a field's bytes as one integer of at most eight
    assertThat(messages(r)).containsExactly(
        "prog.c:1:58: error: packed bit-field 'x' spans more than 8 bytes from its first byte (not supported)");
  }

  @Test
  void aPragmaPackGccWouldIgnoreIsWarnedAboutAsGccWarns() {
    CompileResult r = compile("""
        #pragma pack(3)
        #pragma pack(pop)
        struct s { char c; int i; };
        int main(void) { return sizeof(struct s) == 8 ? 0 : 1; }
        """);
    assertThat(r.success()).isTrue();
    assertThat(messages(r)).containsExactly(
        "prog.c:1:9: warning: alignment must be a small power of two, not 3",
        "prog.c:2:9: warning: '#pragma pack (pop)' encountered without matching '#pragma pack (push)'");
  }

  @Test
  void oldStyleParameterDeclarationsAreCheckedAsGccChecksThem() {
    CompileResult r = compile("""
        int f(a, b);
        int g(a) int a; int z; { return a; }
        int h(a) int a; int a; { return a; }
        int k(a) static int a; { return a; }
        int main(void) { return 0; }
        """);
    // gcc says the same at the same places (and once more at 3:14, that 'a' has no parameter)
    assertThat(messages(r)).containsExactly(
        "prog.c:1:1: warning: parameter names (without types) in function declaration",
        "prog.c:2:21: error: declaration for parameter 'z' but no such parameter",
        "prog.c:3:21: error: redefinition of parameter 'a'",
        "prog.c:4:21: error: storage class specified for parameter 'a'");
  }

  @Test
  void anImplicitEnumeratorPastItsTypesRangeOverflowsAsInGcc() {
    CompileResult r = compile("""
        enum a { A1 = 0x7fffffff, A2 };
        enum b { B1 = 0xffffffff, B2 };
        enum c { C1 = 0x7fffffffffffffffLL, C2 = -1, C3 };
        int main(void) { return 0; }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:1:27: error: overflow in enumeration values",
        "prog.c:2:27: error: overflow in enumeration values");
  }

  @Test
  void genericSelectionErrorsAreLocatedAsGccLocatesThem() {
    CompileResult r = compile("""
        int f(int x) {
          int a = _Generic(1.0, int: 1);
          int b = _Generic(x, int: 1, signed: 2);
          int c = _Generic(x, default: 1, int: 3, default: 2);
          int d = _Generic(x, int: 3, void(void): 2, struct T: 4, default: 0);
          struct { unsigned u : 3; } s = {1};
          int e = _Generic(s.u, unsigned: 1);
          int g = _Generic(x, const int: 1, int: 2, const int: 3);
          int h = _Generic(x, int[x]: 1, default: 0);
          return a + b + c + d + e + g + h;
        }
        int main(void) { return f(1); }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:2:20: error: '_Generic' selector of type 'double' is not compatible with any association",
        "prog.c:3:31: error: '_Generic' specifies two compatible types",
        "prog.c:4:43: error: duplicate 'default' case in '_Generic'",
        "prog.c:5:31: error: '_Generic' association has function type",
        "prog.c:5:46: error: '_Generic' association has incomplete type",
        "prog.c:7:20: error: '_Generic' selector of type 'unsigned int:3' is not compatible with any association",
        "prog.c:8:45: error: '_Generic' specifies two compatible types",
        "prog.c:9:23: error: '_Generic' association has variable length type");
    assertThat(r.errors().get(0).render()).isEqualTo("""
        prog.c:2:20: error: '_Generic' selector of type 'double' is not compatible with any association
          int a = _Generic(1.0, int: 1);
                           ^""");
  }

  @Test
  void genericTellsEnumTypesApartWithGccsErrors() {
    CompileResult r = compile("""
        enum e { A };
        enum f { B };
        int g(enum e x, unsigned u) {
          int a = _Generic(u, enum e: 1, enum f: 2);
          int b = _Generic(x, unsigned: 1, enum e: 2);
          int c = _Generic(x, enum f: 1);
          int d = _Generic(x, enum e: 1, enum f: 2, unsigned: 3);
          return a + b + c + d;
        }
        """);
    // gcc 12 adds "selector matches multiple associations" to the duplicates (5:36 and 7:45),
    // and spells the type of x 'enum e'
    assertThat(messages(r)).containsExactly(
        "prog.c:4:34: error: '_Generic' selector matches multiple associations",
        "prog.c:5:36: error: '_Generic' specifies two compatible types",
        "prog.c:6:20: error: '_Generic' selector of type 'unsigned int' is not compatible with any association",
        "prog.c:7:45: error: '_Generic' specifies two compatible types");
  }

  @Test
  void genericTellsPointedToQualifiersApartAndMessagesSpellThem() {
    CompileResult r = compile("""
        int f(const char *c, char *const *pc) {
          int a = _Generic(c, char *: 1);
          int b = _Generic(pc, char **: 1, const char *const *: 2);
          int d = _Generic(c, char *: 1, const char *: 2, const char *: 3);
          int *p = c;
          return a + b + d + *p;
        }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:2:20: error: '_Generic' selector of type 'const char *' is not compatible with any association",
        "prog.c:3:20: error: '_Generic' selector of type 'char *const *' is not compatible with any association",
        "prog.c:4:51: error: '_Generic' specifies two compatible types",
        "prog.c:5:12: warning: incompatible pointer types initializing 'int *' from 'const char *'");
  }

  @Test
  void statementExpressionsRefuseJumpsIntoThemAndFileScope() {
    CompileResult r = compile("""
        int g = ({ 1; });
        int f(int x) {
          int r = 0;
          goto in;
          r = ({ int t = x; in: t + 1; });
          switch (x) { case 1: r = ({ default: 5; }); }
          { __label__ a, b, a; goto b; }
          r += ({ lab: x; });
          return r;
        }
        int main(void) { return f(1); }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:1:10: error: statement expressions are allowed only inside functions",
        "prog.c:1:16: error: expected a declaration before ')'",
        "prog.c:6:31: error: switch jumps into statement expression",
        "prog.c:7:21: error: duplicate label declaration 'a'",
        "prog.c:4:8: error: jump into statement expression (label 'in' defined at 5:21)",
        "prog.c:7:29: error: use of undeclared label 'b'");
  }

  @Test
  void badWideLiteralsAreLocatedWithGccsWording() {
    CompileResult r = compile("""
        #include <wchar.h>
        #include <uchar.h>
        const wchar_t *a = L"a" u"b";
        const char *b = "\\u0041";
        const char *c = "x\\uD800";
        const char *d = "\\u12";
        const wchar_t *e = L"\\U00110000";
        char f[] = L"x";
        wchar_t g[] = u"x";
        long h[] = L"x";
        int main(void) { return 0; }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:3:25: error: unsupported non-standard concatenation of string literals",
        "prog.c:4:17: error: \\u0041 is not a valid universal character",
        "prog.c:5:17: error: \\uD800 is not a valid universal character",
        "prog.c:6:17: error: incomplete universal character name \\u12",
        "prog.c:7:20: error: \\U00110000 is outside the UCS codespace",
        "prog.c:8:12: error: cannot initialize array of 'char' from a string literal with type array of 'int'",
        "prog.c:9:15: error: cannot initialize array of 'int' from a string literal with type array of 'unsigned short'",
        "prog.c:10:12: error: array of inappropriate type initialized from string constant");
    assertThat(r.errors().get(0).render()).isEqualTo("""
        prog.c:3:25: error: unsupported non-standard concatenation of string literals
        const wchar_t *a = L"a" u"b";
                                ^""");
  }

  @Test
  void wideLiteralWarningsFollowGcc() {
    CompileResult r = compile("""
        #include <wchar.h>
        int a = L'ab';
        int b = u'\\U0001F600';
        wchar_t c[2] = L"abc";
        unsigned short d[2] = u"abc";
        int main(void) { return 0; }
        """);
    assertThat(r.success()).isTrue();
    assertThat(messages(r)).containsExactly(
        "prog.c:2:9: warning: character constant too long for its type",
        "prog.c:3:9: warning: character constant too long for its type",
        "prog.c:4:16: warning: initializer-string for array of 'int' is too long",
        "prog.c:5:23: warning: initializer-string for array of 'unsigned short' is too long");
  }

  @Test
  void labelAddressesOfUndefinedLabelsAndBadComputedGotosAreRefused() {
    CompileResult r = compile("""
        void *g = &&outside;
        int f(int x) {
          void *p = &&nowhere;
          goto *x;
          goto *p;
        }
        int h(void) {
          return ({ in: 1; }) + (int)&&in;
        }
        int main(void) { return f(1) + h(); }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:1:11: error: label 'outside' referenced outside of any function",
        "prog.c:4:9: error: computed goto must be pointer type",
        "prog.c:3:13: error: label 'nowhere' used but not defined",
        "prog.c:8:30: error: taking the address of label 'in' inside a statement expression is not supported");
    assertThat(r.errors().get(2).render()).isEqualTo("""
        prog.c:3:13: error: label 'nowhere' used but not defined
          void *p = &&nowhere;
                    ^""");
  }

  @Test
  void labelArithmeticBeyondSumsAndDifferencesIsNotAStaticConstant() {
    // gcc 12 refuses the same three (at the initializer's first column); the sums and byte
    // differences of c/features/computed_goto_offsets.c are constants for both
    CompileResult r = compile("""
        int f(void) {
          static const long w = (int *)&&a - (int *)&&b;
          static const int m = (&&a - &&b) * 2;
          static int n = &&a < &&b;
          static const int ok = &&b - &&a + 1;
          goto *(&&a + m + n + w + ok);
        a: return 1;
        b: return 2;
        }
        """);
    assertThat(messages(r)).containsExactly(
        "prog.c:2:36: error: initializer element is not a compile-time constant",
        "prog.c:3:36: error: initializer element is not a compile-time constant",
        "prog.c:4:22: error: initializer element is not a compile-time constant");
  }

  @Test
  void errorsInIncludedHeadersNameTheHeader() {
    SourceFile header = new SourceFile("lib/util.h", "int broken(void) { return }\n");
    SourceFile main = new SourceFile("lib/main.c", "#include \"util.h\"\nint main(void) { return broken(); }\n");
    CompileResult r = new CCompiler().compile(List.of(main), CompileOptions.defaults().withHeaders(List.of(header)));
    assertThat(messages(r)).containsExactly("lib/util.h:1:27: error: expected expression before '}'");
  }
}
