package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.runtime.format.BundleFiles;
import dev.wasmformer.runtime.format.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compile goal's C path: C programs become programs of the bundle, and run. */
class CProgramsTest {
  @TempDir Path dir;

  private TestProject project;
  private RecordingLog log;

  @BeforeEach
  void setUp() {
    project = new TestProject(dir);
    log = new RecordingLog();
  }

  @Test
  void aCProgramWithMainIsAWholeProgramNamedAfterItsFile() throws Exception {
    write("hello.c", """
        #include <stdio.h>
        int main(void) {
          printf("hello, %d\\n", 6 * 7);
          return 3;
        }
        """);

    run();

    LoadedBundle bundle = Wasmformer.load(project.bundle());
    var result = bundle.program("hello").run();
    assertThat(result.outputText()).isEqualTo("hello, 42\n");
    assertThat(result.returnValue()).hasValue(3);
    assertThat(BundleFiles.read(project.bundle()).getMetadata().getSourcesList())
        .anySatisfy(s -> assertThat(s.getPath()).isEqualTo("src/main/c/hello.c"));
  }

  @Test
  void anExportedFunctionBesideMainIsNoProgramAndTheBuildWarnsAboutIt() throws Exception {
    write("mixed.c", """
        #include <stdio.h>
        __attribute__((export_name("helper"))) int helper(int x) { return x + 1; }
        int main(void) { printf("%d\\n", helper(1)); return 0; }
        """);

    assertThat(run().programs()).containsExactly("mixed");

    assertThat(log.warnings).containsExactly("src/main/c/mixed.c: warning: helper is exported but is no program:"
        + " a file with main is one whole program, mixed; to call helper from Java, move it to a file without main,"
        + " or list the entry points in wasmformer.entryPoints");
    // listing the entry points makes both programs, without a warning
    project.entryPoints = List.of("main", "helper");
    log = new RecordingLog();
    assertThat(run().programs()).containsExactly("mixed", "helper");
    assertThat(log.warnings).isEmpty();
  }

  @Test
  void exportedFunctionsAreProgramsNamedAfterTheirExport() throws Exception {
    write("numbers.c", """
        __attribute__((export_name("gcd"))) int gcd(int a, int b) {
          while (b != 0) { int t = a % b; a = b; b = t; }
          return a;
        }
        static int unused(int x) { return x; }
        """);

    run();

    LoadedBundle bundle = Wasmformer.load(project.bundle());
    assertThat(bundle.program("gcd").run(84, 36).returnValue()).hasValue(12);
    assertThat(BundleFiles.read(project.bundle()).getProgramsList()).extracting(Program::getName)
        .containsExactly("gcd");
  }

  @Test
  void configuredEntryPointsExportPlainFunctionsOfTheFilesThatDefineThem() throws Exception {
    write("square.c", "int square(int x) { return x * x; }\n");
    write("cube.c", "int cube(int x) { return x * x * x; }\n");
    project.entryPoints = List.of("square", "cube");

    run();

    LoadedBundle bundle = Wasmformer.load(project.bundle());
    assertThat(bundle.program("cube").run(-3).returnValue()).hasValue(-27);
    assertThat(bundle.program("square").run(12).returnValue()).hasValue(144);
  }

  @Test
  void librarySourcesAreCompiledIntoEveryProgramAndHeadersAreFound() throws Exception {
    write("lib/util.h", "int twice(int x);\n");
    write("lib/util.c", "#include \"util.h\"\nint twice(int x) { return x + x; }\n");
    write("app.c", """
        #include "lib/util.h"
        int main(void) { return twice(21); }
        """);
    project.librarySources = List.of("lib/**");

    run();

    LoadedBundle bundle = Wasmformer.load(project.bundle());
    assertThat(bundle.programs()).extracting(p -> p.name()).containsExactly("app");
    assertThat(bundle.program("app").run().returnValue()).hasValue(42);
  }

  @Test
  void aChangedHeaderRecompiles() throws Exception {
    write("config.h", "#define ANSWER 41\n");
    write("answer.c", "#include \"config.h\"\nint main(void) { return ANSWER; }\n");
    run();
    write("config.h", "#define ANSWER 42\n");

    assertThat(run().status()).isEqualTo(CompileOutcome.Status.COMPILED);
    assertThat(Wasmformer.load(project.bundle()).program("answer").run().returnValue()).hasValue(42);
  }

  @Test
  void everyCErrorIsReportedWithFileLineColumnSourceLineAndCaret() throws Exception {
    write("bad.c", "int main(void) {\n  return 1 @ 2;\n}\n");
    write("worse.c", "int main(void) {\n  return x;\n}\n");

    CompileFailure failure = catchThrowableOfType(CompileFailure.class, this::run);

    assertThat(failure.diagnostics()).containsExactly(
        "src/main/c/bad.c:2:12: error: stray '@' in program\n  return 1 @ 2;\n           ^",
        "src/main/c/worse.c:2:10: error: use of undeclared identifier 'x'\n  return x;\n         ^");
    assertThat(project.bundle()).doesNotExist();
  }

  @Test
  void aDenseSwitchCompilesForTheTransformer() throws Exception {
    write("days.c", """
        __attribute__((export_name("days"))) int days(int month) {
          switch (month) {
            case 1: return 31; case 2: return 28; case 3: return 31; case 4: return 30;
            case 5: return 31; case 6: return 30; case 7: return 31; case 8: return 31;
            default: return 0;
          }
        }
        """);

    run();

    LoadedBundle bundle = Wasmformer.load(project.bundle());
    assertThat(bundle.program("days").run(4).returnValue()).hasValue(30);
    assertThat(bundle.program("days").run(9).returnValue()).hasValue(0);
  }

  @Test
  void cAndWasmProgramsShareOneBundle() throws Exception {
    write("hello.c", "int main(void) { return 0; }\n");
    TestPrograms.write(project.wasm("add.wasm"), TestPrograms.ADD);

    assertThat(run().programs()).containsExactly("hello", "add");
  }

  private void write(String relative, String text) throws IOException {
    Path file = project.c(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private CompileOutcome run() throws CompileFailure, IOException {
    return new BundleBuild(project.request(), log).run();
  }
}
