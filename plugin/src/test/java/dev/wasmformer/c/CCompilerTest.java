package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.FunctionBody;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CCompilerTest {
  private static CompileResult compile(String text, CompileOptions options) {
    CompileResult r = new CCompiler().compile(new SourceFile("prog.c", text), options);
    assertThat(r.success()).as(r.render()).isTrue();
    return r;
  }

  private static Set<String> opcodes(byte[] wasm) {
    WasmModule m = Parser.parse(wasm);
    Set<String> ops = new TreeSet<>();
    for (FunctionBody body : m.codeSection().functionBodies()) {
      for (AnnotatedInstruction i : body.instructions()) ops.add(i.opcode().name());
      for (var t : body.localTypes()) ops.add("local:" + t);
    }
    return ops;
  }

  private static List<String> imports(byte[] wasm) {
    WasmModule m = Parser.parse(wasm);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < m.importSection().importCount(); i++) {
      out.add(m.importSection().getImport(i).module() + "." + m.importSection().getImport(i).name());
    }
    return out;
  }

  private static final String PRINTING_PROGRAM = """
      #include <stdio.h>
      #include <stdlib.h>
      #include <string.h>
      int main(void) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%d %s %x %u", -42, "ok", 255u, 3000000000u);
        printf("%s %d %5.2d|%-3c|\\n", buf, n, 7, 'z');
        char *p = malloc(10);
        strcpy(p, "heap");
        puts(p);
        free(p);
        return getchar() == -1 ? 0 : 1;
      }
      """;

  @Test
  void aProgramUsingPrintfMallocAndStringsNeedsOnlyI32Instructions() {
    CompileResult r = compile(PRINTING_PROGRAM, CompileOptions.defaults().withDenseSwitchAsBrTable(false));
    Set<String> ops = opcodes(r.wasm());
    assertThat(ops).noneMatch(op -> op.startsWith("I64") || op.startsWith("F32") || op.startsWith("F64")
        || op.equals("local:I64") || op.equals("BR_TABLE"));
    // printf's buffer is on the C stack, whose check traps through env.__wf_stack_overflow
    assertThat(imports(r.wasm())).containsExactlyInAnyOrder("env.putchar", "env.getchar", "env.__wf_stack_overflow");
    WasmRunner.Run run = WasmRunner.run(r.wasm(), r.module(), "", List.of());
    assertThat(run.stdout()).isEqualTo("-42 ok ff 3000000000 20    07|z  |\nheap\n");
    assertThat(run.status()).isZero();
  }

  @Test
  void aCallThroughAPointerWhenNoFunctionsAddressIsTakenHasATableOfNullOnly() {
    CompileResult r = compile("""
        int main(int argc, char **argv) {
          int (*f)(void) = (int (*)(void))0;
          return argc > 1 ? f() : 3;
        }
        """, CompileOptions.defaults());
    assertThat(WasmRunner.run(r.wasm(), r.module(), "", List.of("prog")).status()).isEqualTo(3);
    assertThat(WasmRunner.run(r.wasm(), r.module(), "", List.of("prog", "x")).trap()).isNotNull();
  }

  @Test
  void theBrTableOptionDecidesHowADenseSwitchIsCompiled() {
    String src = """
        int pick(int x) {
          switch (x) { case 0: return 5; case 1: return 7; case 2: return 9; case 3: return 11; case 4: return 13; }
          return -1;
        }
        int main(void) { return pick(3) + pick(9); }
        """;
    CompileResult table = compile(src, CompileOptions.defaults());
    CompileResult chain = compile(src, CompileOptions.defaults().withDenseSwitchAsBrTable(false));
    assertThat(opcodes(table.wasm())).contains("BR_TABLE");
    assertThat(opcodes(chain.wasm())).doesNotContain("BR_TABLE");
    assertThat(WasmRunner.run(table.wasm(), table.module(), "", List.of()).status()).isEqualTo(10);
    assertThat(WasmRunner.run(chain.wasm(), chain.module(), "", List.of()).status()).isEqualTo(10);
  }

  @Test
  void gotoDispatchAvoidsBrTableWhenTheOptionIsOff() {
    String src = """
        int main(void) {
          int i = 0, s = 0;
        again:
          s += i++;
          if (i < 5) goto again;
          return s;
        }
        """;
    CompileResult chain = compile(src, CompileOptions.defaults().withDenseSwitchAsBrTable(false));
    assertThat(opcodes(chain.wasm())).doesNotContain("BR_TABLE");
    assertThat(WasmRunner.run(chain.wasm(), chain.module(), "", List.of()).status()).isEqualTo(10);
  }

  @Test
  void aComputedGotoEntersTheGotoDispatchWithOrWithoutBrTable() {
    String src = """
        int main(void) {
          static void *const ops[] = {&&add, &&twice, &&stop};
          static const int program[] = {0, 1, 0, 1, 2};
          int acc = 1, pc = 0;
          goto *ops[program[pc++]];
        add:
          { acc += 3; goto *ops[program[pc++]]; }
        twice:
          for (;;) { acc *= 2; goto *ops[program[pc++]]; }
        stop:
          return acc;
        }
        """;
    for (boolean brTable : new boolean[] {true, false}) {
      CompileResult r = compile(src, CompileOptions.defaults().withDenseSwitchAsBrTable(brTable));
      assertThat(opcodes(r.wasm()).contains("BR_TABLE")).isEqualTo(brTable);
      assertThat(WasmRunner.run(r.wasm(), r.module(), "", List.of()).status()).as("br_table " + brTable).isEqualTo(22);
    }
  }

  @Test
  void exportedFunctionsAreCallableWithIntLongLongAndPointerArguments() {
    String src = """
        __attribute__((export_name("add64"))) long long add(long long a, int b) { return a + b; }
        static int table[4] = {10, 20, 30, 40};
        int *table_at(int i) { return &table[i]; }
        int read(int *p) { return *p; }
        """;
    CompileResult r = compile(src, CompileOptions.defaults().withExports(List.of("table_at", "read")));
    assertThat(r.module().exports()).containsExactly("add64", "table_at", "read");
    Instance instance = Instance.builder(Parser.parse(r.wasm())).withStart(false).build();
    assertThat(instance.export("add64").apply(5_000_000_000L, 7)[0]).isEqualTo(5_000_000_007L);
    long pointer = instance.export("table_at").apply(2)[0];
    assertThat(instance.export("read").apply(pointer)[0]).isEqualTo(30);
    assertThat(instance.memory().readInt((int) pointer)).isEqualTo(30);
  }

  @Test
  void severalSourceFilesLinkWithStaticNamesKeptApart() {
    SourceFile a = new SourceFile("a.c", """
        static int helper(void) { return 1; }
        int from_a(void) { return helper(); }
        int shared = 100;
        """);
    SourceFile b = new SourceFile("b.c", """
        static int helper(void) { return 20; }
        int from_a(void);
        extern int shared;
        int main(void) { return from_a() + helper() + shared; }
        """);
    CompileResult r = new CCompiler().compile(List.of(a, b), CompileOptions.defaults());
    assertThat(r.success()).as(r.render()).isTrue();
    assertThat(WasmRunner.run(r.wasm(), r.module(), "", List.of()).status()).isEqualTo(121);
  }

  @Test
  void aUserDefinitionReplacesTheLibrarysOne() {
    String src = """
        #include <string.h>
        size_t strlen(const char *s) { return 42; }
        int main(void) { return (int)strlen("abc"); }
        """;
    CompileResult r = compile(src, CompileOptions.defaults());
    assertThat(WasmRunner.run(r.wasm(), r.module(), "", List.of()).status()).isEqualTo(42);
  }


  @Test
  void aProgramMayGiveALibraryNameAnotherTypeWhenTheLibraryDoesNotUseIt() {
    // Without <math.h>, 'round' is the program's own name, as with gcc and a static libc.
    CompileResult own = compile("""
        int round(int x) { return (x + 5) / 10 * 10; }
        int main(void) { return round(17); }
        """, CompileOptions.defaults());
    assertThat(own.errors()).isEmpty();
    assertThat(WasmRunner.run(own.wasm(), own.module(), "", List.of()).status()).isEqualTo(20);

    // Declared only: the call would reach the library's double round(double).
    CompileResult declared = new CCompiler().compile(new SourceFile("prog.c", """
        int round(int x);
        int main(void) { return round(17); }
        """), CompileOptions.defaults());
    assertThat(declared.errors()).extracting(Diagnostic::message).containsExactly(
        "conflicting types for 'round' with the C library's ('int (int)' vs 'double (double)')");

    // Defined, and pow (linked) calls trunc: pow calls the library's, as glibc's does.
    CompileResult used = compile("""
        double pow(double, double);
        long trunc(long x) { return x * 2; }
        int main(void) { return (int) pow(2.5, 2.0) * 10 + (int) trunc(1); }
        """, CompileOptions.defaults());
    assertThat(WasmRunner.run(used.wasm(), used.module(), "", List.of()).status()).isEqualTo(62);

    // An object is one for both (as glibc's copy relocations make it): getopt would write a
    // char * into the program's int.
    CompileResult shared = new CCompiler().compile(new SourceFile("prog.c", """
        int getopt(int, char *const *, const char *);
        int optarg;
        int main(int argc, char **argv) { return getopt(argc, argv, "a:") + optarg; }
        """), CompileOptions.defaults());
    assertThat(shared.errors()).singleElement().extracting(Diagnostic::message).asString()
        .startsWith("'optarg' is defined with another type than the C library's ('int' vs 'char *'), and the"
            + " library's '").endsWith("', which this program uses, uses it");
  }
  @Test
  void printfWritesWideCharactersAsUtf8AndOnlyForProgramsThatUseThem() {
    // glibc writes the same bytes in a UTF-8 locale (its "C" locale refuses non-ASCII: CFeatureTest cannot check these)
    CompileResult r = compile("""
        #include <stdio.h>
        #include <wchar.h>
        int main(void) {
          printf("%ls|%lc|%.3ls|%5ls|%-4lc|", L"h\\u00e9\\u20ac\\U0001F600", U'\\u00ff', L"\\u00e9\\u00e9", L"\\u20ac", L'\\u00e9');
          return printf("%ls", L"\\u00e9");
        }
        """, CompileOptions.defaults());
    WasmRunner.Run run = WasmRunner.run(r.wasm(), r.module(), "", List.of());
    byte[] out = run.stdout().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(new String(out, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("h\u00e9\u20ac\uD83D\uDE00|\u00ff|\u00e9|  \u20ac|\u00e9  |\u00e9");
    assertThat(run.status()).isEqualTo(2);
    // without <wchar.h>, printf is the narrow one every other program links, byte for byte
    String narrow = "#include <stdio.h>\nint main(void) { printf(\"%d\\n\", 1); return 0; }\n";
    String withWchar = "#include <wchar.h>\n" + narrow;
    assertThat(compile(withWchar, CompileOptions.defaults()).wasm())
        .isNotEqualTo(compile(narrow, CompileOptions.defaults()).wasm());
  }

  @Test
  void printfsWideAndLongLongLConversionsAreCompiledOnlyForProgramsWhoseStringsNameThem() {
    // the literal stands in a function nothing calls: only printf's code can differ
    String program = """
        #include <stdio.h>
        static void unused(void) { printf(FORMAT); }
        int main(void) { printf("%d\\n", 1); return 0; }
        """;
    byte[] plain = compile(program.replace("FORMAT", "\"\""), CompileOptions.defaults()).wasm();
    for (String same : List.of("\"%%Ld %%ls %ld %lld %Lf\"", "\"%\" \"%Ld\"", "\"%#5.1Lg\"")) {
      assertThat(compile(program.replace("FORMAT", same), CompileOptions.defaults()).wasm()).as(same).isEqualTo(plain);
    }
    for (String other : List.of("\"%Ld\"", "\"%-08.3LX\"", "\"%\" \"Lu\"", "\"%ls\"", "\"%5lc\"")) {
      assertThat(compile(program.replace("FORMAT", other), CompileOptions.defaults()).wasm()).as(other)
          .isNotEqualTo(plain);
    }
  }

  @Test
  void theWideStreamStateIsCompiledOnlyForProgramsThatNameAWideInputFunctionThemselves() {
    // <wchar.h> declares fgetwc, fwide & co.: its tokens alone must not switch the state on
    String program = """
        #include <stdio.h>
        #include <wchar.h>
        int main(void) {
          fputwc(L'x', stdout);
          NAMING
          return ferror(stdout);
        }
        """;
    // sizeof does not call: only the libc's code can differ (were the header's tokens enough, it would not)
    byte[] plain = compile(program.replace("NAMING", "(void)sizeof fputwc(L'y', stdout);"), CompileOptions.defaults()).wasm();
    CompileResult naming = compile(program.replace("NAMING", "(void)sizeof fwide(stdout, 0);"), CompileOptions.defaults());
    assertThat(naming.wasm()).isNotEqualTo(plain);
    // a name in a comment is no token
    assertThat(compile(program.replace("NAMING", "(void)sizeof fputwc(L'y', stdout); /* fwide */"),
        CompileOptions.defaults()).wasm()).isEqualTo(plain);
    // with the state, fputwc orients stdout wide and ferror reads the (clear) error indicator
    WasmRunner.Run run = WasmRunner.run(naming.wasm(), naming.module(), "", List.of("prog"));
    assertThat(run.stdout()).isEqualTo("x");
    assertThat(run.status()).isZero();
  }

  @Test
  void onlyTheLibraryFunctionsAProgramUsesAreLinked() {
    CompileResult small = compile("int main(void) { return 0; }", CompileOptions.defaults());
    WasmModule m = Parser.parse(small.wasm());
    assertThat(m.importSection().importCount()).isZero();
    assertThat(m.functionSection().functionCount()).isEqualTo(2); // main and _start
  }

  @Test
  void getcharStaysTheBareImportUnlessTheProgramReachesUngetc() {
    String reader = """
        #include <stdio.h>
        int main(void) { int n = 0; while (getchar() != EOF) n++; return n; }
        """;
    CompileResult bare = compile(reader, CompileOptions.defaults());
    assertThat(imports(bare.wasm())).containsExactly("env.getchar");
    assertThat(Parser.parse(bare.wasm()).functionSection().functionCount()).isEqualTo(2); // main and _start

    String pushingBack = """
        #include <stdio.h>
        int main(void) { int c = getchar(); ungetc(c, stdin); return getchar() == c ? 7 : 1; }
        """;
    CompileResult withUngetc = compile(pushingBack, CompileOptions.defaults());
    assertThat(imports(withUngetc.wasm())).containsExactly("env.getchar");
    assertThat(WasmRunner.run(withUngetc.wasm(), withUngetc.module(), "xy", List.of("prog")).status()).isEqualTo(7);
  }

  @Test
  void aRecursionWhoseFramesWouldReachTheStaticDataTrapsInsteadOfOverwritingIt() {
    String deep = """
        #include <stdio.h>
        #include <string.h>
        static int table[12000];
        static int depth(int n, int max) {
          char pad[240];
          memset(pad, n, sizeof pad);
          if (n >= max) return pad[7];
          return depth(n + 1, max) + pad[n % 240] - (char)n;
        }
        int main(void) {
          for (int i = 0; i < 12000; i++) table[i] = i;
          printf("before\\n");
          printf("deep %d\\n", depth(0, 400)); /* 400 frames of 256 bytes reach the table */
          long sum = 0;
          for (int i = 0; i < 12000; i++) sum += table[i];
          printf("after %ld\\n", sum);
          return 0;
        }
        """;
    CompileResult r = compile(deep, CompileOptions.defaults());
    WasmRunner.Run run = WasmRunner.run(r.wasm(), r.module(), "", List.of("prog"));
    assertThat(run.stdout()).isEqualTo("before\n");
    assertThat(run.trap()).as("the trap").isNotNull().isEqualTo("call stack exhausted");
  }

  @Test
  void aLongjmpToAFunctionThatHasReturnedTrapsWithAMessage() {
    String program = """
        #include <setjmp.h>
        #include <stdio.h>
        static jmp_buf env;
        static int f(void) {
          if (setjmp(env)) return 1;
          return 0;
        }
        static void g(void) { longjmp(env, 1); }
        int main(void) {
          f();
          printf("f returned\\n");
          g();
          printf("not here\\n");
          return 0;
        }
        """;
    CompileResult r = compile(program, CompileOptions.defaults());
    WasmRunner.Run run = WasmRunner.run(r.wasm(), r.module(), "", List.of("prog"));
    assertThat(run.stdout()).isEqualTo("f returned\n");
    assertThat(run.stderr()).isEqualTo("longjmp to a setjmp whose function has returned\n");
    assertThat(run.trap()).as("the trap").isNotNull();
  }

  /** Where glibc's process would wait forever (nothing will send a signal), the run ends instead. */
  @Test
  void sigsuspendAndSigwaitWithNothingToDeliverEndTheRunWithAReason() {
    for (String call : List.of("sigset_t none; sigemptyset(&none); sigsuspend(&none);",
        "sigset_t set; sigemptyset(&set); sigaddset(&set, SIGUSR1); int s; sigwait(&set, &s);")) {
      String program = """
          #include <signal.h>
          #include <stdio.h>
          int main(void) {
            printf("before\\n");
            %s
            printf("not here\\n");
            return 0;
          }
          """.formatted(call);
      CompileResult r = compile(program, CompileOptions.defaults());
      WasmRunner.Run run = WasmRunner.run(r.wasm(), r.module(), "", List.of("prog"));
      String function = call.contains("sigsuspend") ? "sigsuspend" : "sigwait";
      assertThat(run.stdout()).isEqualTo("before\n");
      assertThat(run.stderr()).isEqualTo(function
          + ": no signal can arrive (nothing outside a run sends one), so the run would wait forever\n");
      assertThat(run.trap()).as("the trap").isNotNull();
    }
  }

  /** The status half is c/features/signal_default.c; a trap cannot be compared with gcc's SIGABRT. */
  @Test
  void aRaisedSigabrtRunsItsHandlerThenEndsTheRunAsAbortDoes() {
    String program = """
        #include <signal.h>
        #include <stdio.h>
        static void handler(int sig) { printf("handler %d\\n", sig); }
        int main(void) {
          signal(SIGABRT, handler);
          raise(SIGABRT);
          signal(SIGABRT, SIG_DFL);
          raise(SIGABRT);
          printf("not here\\n");
          return 0;
        }
        """;
    CompileResult r = compile(program, CompileOptions.defaults());
    WasmRunner.Run run = WasmRunner.run(r.wasm(), r.module(), "", List.of("prog"));
    assertThat(run.stdout()).isEqualTo("handler 6\n");
    assertThat(run.trap()).as("the trap").isNotNull();
  }

  @Test
  void aRunHasNoClockAndNoFilesAndSaysSoAsCAllows() {
    String program = """
        #include <errno.h>
        #include <stdio.h>
        #include <time.h>
        int main(void) {
          time_t t = 0;
          if (time(&t) != (time_t)-1 || t != (time_t)-1 || clock() != (clock_t)-1) return 1;
          if (difftime(10, 4) != 6.0) return 2;
          if (fopen("data.txt", "r") != NULL || errno != ENOENT) return 3;
          return 7;
        }
        """;
    CompileResult r = compile(program, CompileOptions.defaults());
    assertThat(WasmRunner.run(r.wasm(), r.module(), "", List.of("prog")).status()).isEqualTo(7);
  }

  @Test
  void mainWithArgumentsGetsAnArgumentAreaAndAStartWrapper() {
    CompileResult r = compile("int main(int argc, char **argv) { return argc * 10 + argv[1][0] - '0'; }",
        CompileOptions.defaults().withArgAreaBytes(256));
    assertThat(r.module().argAreaAddress()).isEqualTo(1024);
    assertThat(r.module().argAreaBytes()).isEqualTo(256);
    assertThat(r.module().exports()).containsExactly("main", "_start");
    assertThat(WasmRunner.run(r.wasm(), r.module(), "", List.of("prog", "7", "x")).status()).isEqualTo(37);
  }

  @Test
  void theArgumentAreaComesAfterTheStaticData() {
    // so that the prompt's memory image before a run's arguments is the same in every run
    String program = """
        static const char greeting[] = "a string of forty bytes, give or take..";
        static int table[100] = {1, 2, 3};
        int main(int argc, char **argv) { return table[2] + greeting[argc] + argv[0][0]; }
        """;
    CompileResult r = compile(program, CompileOptions.defaults().withArgAreaBytes(256));
    assertThat(r.module().argAreaAddress()).as("the area's address").isGreaterThanOrEqualTo(1024 + 400 + 40)
        .matches(a -> a % 16 == 0, "16-aligned");
    assertThat(r.module().heapBase()).isGreaterThanOrEqualTo(r.module().argAreaAddress() + 256);
    assertThat(WasmRunner.run(r.wasm(), r.module(), "", List.of("prog", "x")).status())
        .isEqualTo((3 + 's' + 'p') & 0xFF);
  }

  @Test
  void memoryPagesSetTheMemoryAndTheInitialStackPointer() {
    CompileResult r = compile("int main(void) { char big[100000]; big[99999] = 3; return big[99999]; }",
        CompileOptions.defaults().withMemoryPages(4));
    assertThat(r.module().memoryBytes()).isEqualTo(4 * 65536);
    WasmModule m = Parser.parse(r.wasm());
    assertThat(m.memorySection().orElseThrow().getMemory(0).limits().initialPages()).isEqualTo(4);
    assertThat(WasmRunner.run(r.wasm(), r.module(), "", List.of()).status()).isEqualTo(3);
  }

  @Test
  void staticDataThatDoesNotFitIsAnError() {
    CompileResult r = new CCompiler().compile(new SourceFile("prog.c", "char big[200000]; int main(void) { return big[0]; }"),
        CompileOptions.defaults());
    assertThat(r.success()).isFalse();
    // 200,000 bytes of data, the argument area and a minimal stack: 4 pages; and how to get them
    assertThat(r.errors().get(0).message()).contains("give the program at least 4 pages")
        .contains("--memory-pages 4").contains("CompileOptions.withMemoryPages");
  }

  @Test
  void theSameInputGivesTheSameModule() {
    byte[] first = compile(PRINTING_PROGRAM, CompileOptions.defaults()).wasm();
    byte[] second = compile(PRINTING_PROGRAM, CompileOptions.defaults()).wasm();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void theHeaderTheLibcsScanfSourcesShareIsNotSearchedForInTheProgramsIncludeDirectories(@TempDir Path dir)
      throws IOException {
    // scanf.c and wscanf.c #include "scan_engine.h": a program's file of that name is not it
    Files.writeString(dir.resolve("scan_engine.h"), "#error the program's header, not the libc's\n");
    CompileResult r = compile("""
        #include <stdio.h>
        #include <wchar.h>
        int main(void) {
          int a = 0, b = 0;
          sscanf("12", "%d", &a);
          swscanf(L"34", L"%d", &b);
          return a + b;
        }
        """, CompileOptions.defaults().withIncludeDirs(List.of(dir)));
    assertThat(WasmRunner.run(r.wasm(), r.module(), "", List.of("prog")).status()).isEqualTo(46);
    assertThat(r.files()).extracting(SourceFile::path).containsExactly("prog.c");
  }

  @Test
  void definesAreVisibleToThePreprocessor() {
    CompileResult r = compile("int main(void) { return VALUE * 2; }",
        CompileOptions.defaults().withDefines(java.util.Map.of("VALUE", "21")));
    assertThat(WasmRunner.run(r.wasm(), r.module(), "", List.of()).status()).isEqualTo(42);
  }

  @Test
  void theModuleInfoGivesEachExportsBoundaryInCTerms() {
    CompileResult r = compile("""
        struct pair { int a, b; };
        __attribute__((export_name("scale"))) float scale(float x, int k) { return x * k; }
        __attribute__((export_name("mix"))) double mix(double a, long long n, char *p) { return a + n + *p; }
        __attribute__((export_name("make"))) struct pair make(float f) { struct pair p = {(int) f, 1}; return p; }
        __attribute__((export_name("nothing"))) void nothing(double d) { (void) d; }
        int main(void) { return 0; }
        """, CompileOptions.defaults());
    Map<String, ExportSignature> signatures = r.module().signatures();

    assertThat(signatures.get("scale")).isEqualTo(new ExportSignature(
        List.of(ExportSignature.Scalar.FLOAT, ExportSignature.Scalar.INT32), Optional.of(ExportSignature.Scalar.FLOAT)));
    assertThat(signatures.get("mix")).isEqualTo(new ExportSignature(List.of(ExportSignature.Scalar.DOUBLE,
        ExportSignature.Scalar.INT64, ExportSignature.Scalar.POINTER), Optional.of(ExportSignature.Scalar.DOUBLE)));
    // A struct result is written through a hidden address parameter.
    assertThat(signatures.get("make")).isEqualTo(new ExportSignature(
        List.of(ExportSignature.Scalar.INT32, ExportSignature.Scalar.FLOAT), Optional.empty()));
    assertThat(signatures.get("nothing")).isEqualTo(new ExportSignature(
        List.of(ExportSignature.Scalar.DOUBLE), Optional.empty()));
    assertThat(signatures.get("main")).isEqualTo(new ExportSignature(List.of(), Optional.of(ExportSignature.Scalar.INT32)));
    assertThat(signatures).containsOnlyKeys(r.module().exports());
  }
}
