package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The warning "control reaches end of non-void function", where gcc -Wreturn-type gives it
 * (gcc 12 at -O2 warns for exactly the functions marked below, at the same line and column).
 */
class MissingReturnTest {
  private static final String WARNING = "control reaches end of non-void function";

  private static CompileResult compile(String text) {
    return new CCompiler().compile(new SourceFile("prog.c", text), CompileOptions.defaults());
  }

  private static List<String> warnings(CompileResult r) {
    return r.diagnostics().stream()
        .filter(d -> d.message().startsWith(WARNING))
        .map(d -> d.line() + ":" + d.column() + " " + d.message().substring(WARNING.length() + 1))
        .toList();
  }

  @Test
  void anIfWithoutElseThatReturnsIsRenderedAtTheClosingBraceWithACaret() {
    CompileResult r = compile("int f(int x) {\n  if (x) return 1;\n}\nint main(void) { return f(1); }\n");

    assertThat(r.success()).isTrue();
    assertThat(r.diagnostics()).hasSize(1);
    assertThat(r.diagnostics().get(0).render()).isEqualTo("""
        prog.c:3:1: warning: control reaches end of non-void function 'f'
        }
        ^""");
  }

  @Test
  void everyPathThatEndsInAReturnOrNeverEndsIsNotWarnedAbout() {
    CompileResult r = compile("""
        #include <stdlib.h>
        void die(void) __attribute__((noreturn));
        _Noreturn void die2(int);
        int a1(int x) { if (x) return 1; }
        int a2(int x) { if (x) return 1; else return 2; }
        int a3(int x) { while (1) { if (x) return 1; } }
        int a4(int x) { for (;;) { if (x) break; } }
        int a5(int x) { for (;;) { if (x) return 2; } }
        int a6(int x) { switch (x) { case 1: return 1; default: return 2; } }
        int a7(int x) { switch (x) { case 1: return 1; case 2: return 2; } }
        int a8(int x) { switch (x) { case 1: return 1; default: break; } }
        int a9(int x) { if (x) return 1; exit(1); }
        int a10(int x) { if (x) return 1; abort(); }
        int a11(int x) { if (x) return 1; die(); }
        int a12(int x) { if (x) return 1; die2(3); }
        int a13(int x) { if (x) return 1; __builtin_unreachable(); }
        int a14(int x) { do { if (x) return 1; } while (1); }
        int a15(int x) { do { if (x) break; } while (1); }
        int a16(int x) { do { return 1; } while (x); }
        int a17(int x) { while (x) { return 1; } }
        int a18(int x) { goto end; end: return x; }
        int a19(int x) { { return x; } }
        int a20(int x) { if (1) return x; }
        int a21(int x) { while (0) { } return x; }
        int a22(int x) { switch (x) { default: for (;;) { } } }
        int a23(int x) { for (;;) { switch (x) { case 1: break; } } }
        int a24(int x) { _Exit(2); }
        int a25(int x) { __builtin_trap(); }
        int a26(int x) { for (;;) { if (x) continue; return 1; } }
        int a27(int x) { while (1) { switch (x) { case 0: continue; default: return 1; } } }
        int a28(int x) { again: if (x--) goto again; }
        int a29(int x) { return x; x++; }
        int a30(int x) { if (0) return x; }
        int a31(int x) { switch (x) { case 0: while (x) { case 1: return 1; } default: return 2; } }
        void v1(int x) { if (x) return; }
        int main(void) { }
        """);

    assertThat(r.success()).as(r.render()).isTrue();
    assertThat(warnings(r)).containsExactly(
        "4:34 'a1'", "7:44 'a4'", "10:68 'a7'", "11:66 'a8'", "18:50 'a15'", "20:42 'a17'", "31:46 'a28'",
        "33:35 'a30'");
  }

  @Test
  void aFailingAssertAndNoreturnCallsInsideExpressionsEndThePath() {
    CompileResult r = compile("""
        #include <assert.h>
        #include <stdlib.h>
        int f(int x) { if (x) return 1; assert(0); }
        int g(int x) { if (x) return 1; x ? exit(1) : abort(); }
        int h(int x) { if (x) return 1; (void)(x++, exit(2)); }
        int k(int x) { if (x) return 1; assert(x); }
        int main(void) { return f(1) + g(1) + h(1) + k(1); }
        """);

    assertThat(r.success()).as(r.render()).isTrue();
    assertThat(warnings(r)).containsExactly("6:44 'k'");
  }

  @Test
  void aComputedGotoEndsThePathAndALabelWhoseAddressIsTakenIsReachable() {
    CompileResult r = compile("""
        int a32(int x) { void *p = &&l; goto *p; l: x++; }
        int a33(int x) { void *p = &&l; if (x) goto *p; return 1; l: return x; }
        int a34(int x) { static void *t[] = {&&a}; goto *t[0]; a: return x; }
        int a35(int x) { void *p = &&l; if (x) goto *p; return 1; l: x++; }
        int main(void) { return a32(1) + a33(1) + a34(1) + a35(1); }
        """);

    assertThat(r.success()).as(r.render()).isTrue();
    assertThat(warnings(r)).containsExactly("1:50 'a32'", "4:67 'a35'");
  }

  @Test
  void aFunctionWithErrorsGetsNoWarningAboutItsEnd() {
    CompileResult r = compile("int f(int x) {\n  if (x) return y;\n}\nint main(void) { return 0; }\n");

    assertThat(r.errors()).isNotEmpty();
    assertThat(warnings(r)).isEmpty();
  }

  @Test
  void theLibcAndEveryExampleAndTestProgramCompileWithoutTheWarning() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String root : List.of("../docs/examples", "src/test/resources/c", "../it")) {
      try (Stream<Path> s = Files.walk(Path.of(root))) {
        s.filter(p -> p.toString().endsWith(".c")).sorted().forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(40);
    for (Path file : files) {
      // the libc's sources are compiled with every program
      CompileResult r = new CCompiler().compile(new SourceFile(file.toString(), Files.readString(file)),
          CompileOptions.defaults());
      assertThat(warnings(r)).as(file.toString()).isEmpty();
    }
  }
}
