package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.c.ast.AstWalker;
import dev.wasmformer.c.ast.Expr;
import dev.wasmformer.c.ast.FunctionDef;
import dev.wasmformer.c.ast.GlobalVar;
import dev.wasmformer.c.ast.Symbol;
import dev.wasmformer.c.ast.TranslationUnit;
import dev.wasmformer.c.codegen.CodeGenerator;
import dev.wasmformer.c.link.Linker;
import dev.wasmformer.c.link.Program;
import dev.wasmformer.c.parse.Parser;
import dev.wasmformer.c.preprocess.Preprocessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The linker binds a name as glibc's shared library does: the program's references reach the
 * program's definition, the library's references reach the library's own, for calls and for
 * function pointers alike; only the allocator is the program's for both, as glibc lets a program
 * replace it. A small library unit stands in for the libc here, so that the library can take the
 * address of a name the program also defines.
 */
class LibraryBindingTest {
  private static final String PROGRAM = """
      unsigned strlen(const char *s) { (void)s; return 10; }
      unsigned lib_len(const char *s);
      unsigned (*lib_pointer(void))(const char *);
      unsigned (*own)(const char *) = strlen;
      int main(void) {
        unsigned (*mine)(const char *) = &strlen;
        return (int)(strlen("ab") + lib_len("abc") + own("x") + mine("y") + lib_pointer()("abcd"));
      }
      """;

  private static final String LIBRARY = """
      unsigned strlen(const char *s) { unsigned n = 0; while (s[n]) n++; return n; }
      unsigned lib_len(const char *s) { return strlen(s); }
      unsigned (*lib_pointer(void))(const char *) { return strlen; }
      """;

  private static TranslationUnit unit(String path, String text, boolean library, Diagnostics diagnostics) {
    SourceFile file = new SourceFile(path, text);
    var tokens = new Preprocessor(diagnostics, (name, quoted, includer) -> null, Map.of()).run(file);
    return Parser.parse(file, tokens, diagnostics, library);
  }

  private static Program link(Diagnostics diagnostics) {
    List<TranslationUnit> units = List.of(unit("prog.c", PROGRAM, false, diagnostics),
        unit("<lib>/lib.c", LIBRARY, true, diagnostics));
    Program program = new Linker(diagnostics).link(units, List.of());
    assertThat(diagnostics.all()).isEmpty();
    return program;
  }

  /** The files of the definitions that the references to strlen in {@code code} reach. */
  private static List<String> strlenTargets(Program program, Object code) {
    List<String> files = new ArrayList<>();
    java.util.function.Consumer<Expr> visit = e -> {
      if (e instanceof Expr.VarRef v && v.symbol().name().equals("strlen")) {
        Symbol d = program.resolve(v.symbol());
        files.add(program.functions().stream().filter(f -> f.symbol() == d).findFirst()
            .map(f -> f.pos().file().path()).orElse("nowhere"));
      }
    };
    if (code instanceof FunctionDef f) AstWalker.expressions(f.body(), visit);
    else AstWalker.expressions(((GlobalVar) code).init(), visit);
    return files;
  }

  private static FunctionDef function(Program program, String name) {
    return program.functions().stream().filter(f -> f.symbol().name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theProgramsReferencesReachItsDefinitionAndTheLibrarysTheLibrarys() {
    Program program = link(new Diagnostics());
    assertThat(strlenTargets(program, function(program, "main"))).containsExactly("prog.c", "prog.c");
    GlobalVar own = program.globals().stream().filter(g -> g.symbol().name().equals("own")).findFirst().orElseThrow();
    assertThat(strlenTargets(program, own)).containsExactly("prog.c");
    assertThat(strlenTargets(program, function(program, "lib_len"))).containsExactly("<lib>/lib.c");
    assertThat(strlenTargets(program, function(program, "lib_pointer"))).containsExactly("<lib>/lib.c");
    // both definitions are linked, each once
    assertThat(program.functions()).filteredOn(f -> f.symbol().name().equals("strlen"))
        .extracting(f -> f.pos().file().path()).containsExactly("prog.c", "<lib>/lib.c");
  }

  @Test
  void theAllocatorIsTheProgramsForTheLibraryToo() {
    Diagnostics diagnostics = new Diagnostics();
    List<TranslationUnit> units = List.of(
        unit("prog.c", """
            void *malloc(unsigned n) { (void)n; return (void *)0; }
            void *dup(const char *s);
            int main(void) { return dup("x") != 0; }
            """, false, diagnostics),
        unit("<lib>/lib.c", """
            void *malloc(unsigned n) { return (void *)(n + 4096); }
            void *dup(const char *s) { return malloc(2); }
            """, true, diagnostics));
    Program program = new Linker(diagnostics).link(units, List.of());
    assertThat(diagnostics.all()).isEmpty();
    List<String> files = new ArrayList<>();
    AstWalker.expressions(function(program, "dup").body(), e -> {
      if (e instanceof Expr.VarRef v && v.symbol().name().equals("malloc")) {
        files.add(program.functions().stream().filter(f -> f.symbol() == program.resolve(v.symbol())).findFirst()
            .map(f -> f.pos().file().path()).orElse("nowhere"));
      }
    });
    assertThat(files).containsExactly("prog.c");
    assertThat(program.functions()).filteredOn(f -> f.symbol().name().equals("malloc")).hasSize(1);
  }

  @Test
  void bothDefinitionsRunInOneModuleThroughCallsAndPointers() {
    Diagnostics diagnostics = new Diagnostics();
    CodeGenerator.Output out = CodeGenerator.generate(link(diagnostics), CompileOptions.defaults(), diagnostics);
    assertThat(diagnostics.all()).isEmpty();
    CompileResult.ModuleInfo info = new CompileResult.ModuleInfo(out.argAreaAddress(), out.argAreaBytes(),
        out.heapBase(), out.memoryBytes(), out.exports(), out.signatures());
    // the program's strlen for "ab", "x" (through own) and "y" (through &strlen): 30; the
    // library's for "abc" (lib_len) and "abcd" (the pointer lib_pointer returns): 7
    assertThat(WasmRunner.run(out.wasm(), info, "", List.of()).status()).isEqualTo(37);
  }

  @Test
  void theRealLibcKeepsItsOwnStrlenBehindStrdupAndPrintf() {
    CompileResult r = new CCompiler().compile(new SourceFile("prog.c", """
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        size_t strlen(const char *s) { (void)s; return 1; }
        int main(void) {
          size_t (*p)(const char *) = strlen;
          char *d = strdup("hello");
          printf("%s|%s|%zu|%zu\\n", d, "abc", strlen(d), p(d));
          return 0;
        }
        """), CompileOptions.defaults());
    assertThat(r.success()).as(r.render()).isTrue();
    assertThat(WasmRunner.run(r.wasm(), r.module(), "", List.of()).stdout()).isEqualTo("hello|abc|1|1\n");
  }
}
