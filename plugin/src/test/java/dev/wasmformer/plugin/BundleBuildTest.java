package dev.wasmformer.plugin;

import dev.wasmformer.runtime.format.MetadataEntries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.TrapException;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.NamedModel;
import dev.wasmformer.runtime.format.BundleFiles;
import dev.wasmformer.runtime.format.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleBuildTest {
  private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

  @TempDir Path dir;

  private TestProject project;
  private RecordingLog log;

  @BeforeEach
  void setUp() {
    project = new TestProject(dir);
    log = new RecordingLog();
  }

  @Test
  void everyModuleBecomesProgramsOfOneBundle() throws Exception {
    TestPrograms.write(project.wasm("add.wasm"), TestPrograms.ADD);
    TestPrograms.write(project.wasm("games/hello.wasm"), TestPrograms.HELLO);
    TestPrograms.write(project.wasm("math.wasm"), TestPrograms.MATH);

    CompileOutcome outcome = run();

    assertThat(outcome.status()).isEqualTo(CompileOutcome.Status.COMPILED);
    assertThat(outcome.bundleFile()).contains(project.bundle());
    Bundle bundle = BundleFiles.read(project.bundle());
    assertThat(bundle.getProgramsList()).extracting(Program::getName, Program::getEntry, Program::getSource)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("add", "add", "src/main/wasm/add.wasm"),
            org.assertj.core.groups.Tuple.tuple("hello", "main", "src/main/wasm/games/hello.wasm"),
            org.assertj.core.groups.Tuple.tuple("twice", "twice", "src/main/wasm/math.wasm"),
            org.assertj.core.groups.Tuple.tuple("thrice", "thrice", "src/main/wasm/math.wasm"));
    assertThat(outcome.programs()).containsExactly("add", "hello", "twice", "thrice");
    assertThat(log.infos).anySatisfy(l -> assertThat(l)
        .startsWith("wasmformer: compiled 4 programs: add, hello, twice, thrice into"
            + " target/generated-resources/wasmformer/META-INF/wasmformer/demo.wfb ("));
  }

  @Test
  void theBundleRecordsItsSettingsAndSources() throws Exception {
    TestPrograms.write(project.wasm("add.wasm"), TestPrograms.ADD);

    run();

    Bundle bundle = BundleFiles.read(project.bundle());
    assertThat(MetadataEntries.settings(bundle.getMetadata()))
        .containsEntry("bundle_name", "demo")
        .containsEntry("specialize", "false")
        .containsEntry("argument_area_bytes", "1024")
        .containsEntry("entry_points", "(discovered)");
    assertThat(bundle.getMetadata().getSourcesList()).singleElement()
        .satisfies(s -> assertThat(s.getPath()).isEqualTo("src/main/wasm/add.wasm"));
  }

  @Test
  void theArgumentAreaHasTheConfiguredSizeForArgvAndArrays() throws Exception {
    Files.createDirectories(project.c("x").getParent());
    Files.writeString(project.c("sum.c"), """
        __attribute__((export_name("sum"))) int sum(const unsigned char *p, int n) {
          int s = 0;
          for (int i = 0; i < n; i++) s += p[i];
          return s;
        }
        """);
    Files.writeString(project.c("args.c"), "int main(int argc, char **argv) { return argc; }\n");
    project.argumentAreaBytes = 4096;

    run();

    var loaded = dev.wasmformer.runtime.Wasmformer.load(project.bundle());
    assertThat(loaded.program("sum").bufferCapacity()).isEqualTo(4096);
    assertThat(loaded.program("sum").argvCapacity()).isZero();
    assertThat(loaded.program("args").argvCapacity()).isEqualTo(4096);
    byte[] data = new byte[3000];
    java.util.Arrays.fill(data, (byte) 3);
    assertThat(loaded.program("sum").call(data, 3000)).isEqualTo(9000);
  }

  @Test
  void anArgumentAreaSizeOutOfRangeIsRefused() {
    project.argumentAreaBytes = 4;
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> project.request())
        .hasMessage("wasmformer.argumentAreaBytes must be from 8 to 65536; it is 4");
  }

  @Test
  void configuredEntryPointsChooseTheExportedFunctions() throws Exception {
    TestPrograms.write(project.wasm("math.wasm"), TestPrograms.MATH);
    project.entryPoints = List.of("thrice", "_helper");

    run();

    Bundle bundle = BundleFiles.read(project.bundle());
    assertThat(bundle.getProgramsList()).extracting(Program::getName).containsExactly("thrice", "_helper");
    assertThat(MetadataEntries.settings(bundle.getMetadata())).containsEntry("entry_points", "thrice,_helper");
  }

  @Test
  void includesAndExcludesChooseTheFiles() throws Exception {
    TestPrograms.write(project.wasm("add.wasm"), TestPrograms.ADD);
    TestPrograms.write(project.wasm("extra/hello.wasm"), TestPrograms.HELLO);
    TestPrograms.write(project.wasm("extra/math.wasm"), TestPrograms.MATH);
    project.includes = List.of("extra/**");
    project.excludes = List.of("**/math.*");

    assertThat(run().programs()).containsExactly("hello");
  }

  @Test
  void aSecondBuildWithoutChangesIsUpToDateAndWritesNothing() throws Exception {
    TestPrograms.write(project.wasm("add.wasm"), TestPrograms.ADD);
    run();
    Files.setLastModifiedTime(project.bundle(), LONG_AGO);
    log = new RecordingLog();

    CompileOutcome outcome = run();

    assertThat(outcome.status()).isEqualTo(CompileOutcome.Status.UP_TO_DATE);
    assertThat(outcome.bundleFile()).contains(project.bundle());
    assertThat(outcome.programs()).containsExactly("add");
    assertThat(log.infos).containsExactly("wasmformer: demo is up to date (1 program: add), nothing to compile");
    assertThat(Files.getLastModifiedTime(project.bundle())).isEqualTo(LONG_AGO);
    // but it notes when it checked, for the run goal
    assertThat(Files.getLastModifiedTime(dir.resolve("target/maven-status/wasmformer/default/state.txt")))
        .isGreaterThan(LONG_AGO);
  }

  @Test
  void aLongListOfProgramsIsShortenedInTheLog() {
    assertThat(BundleBuild.describePrograms(List.of("a", "b", "c", "d", "e", "f", "g", "h")))
        .isEqualTo("8 programs: a, b, c, d, e, f, g, h");
    assertThat(BundleBuild.describePrograms(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")))
        .isEqualTo("10 programs: a, b, c, d, e, f, g, h and 2 more");
    assertThat(BundleBuild.describePrograms(List.of("fib"))).isEqualTo("1 program: fib");
  }

  @Test
  void aChangedInputRecompiles() throws Exception {
    TestPrograms.write(project.wasm("prog.wasm"), TestPrograms.ADD);
    run();
    TestPrograms.write(project.wasm("prog.wasm"), TestPrograms.FIB);

    CompileOutcome outcome = run();

    assertThat(outcome.status()).isEqualTo(CompileOutcome.Status.COMPILED);
    assertThat(BundleFiles.read(project.bundle()).getProgramsList()).extracting(Program::getName)
        .containsExactly("fib");
  }

  @Test
  void aChangedHeaderOutsideTheSourceDirectoryRecompiles() throws Exception {
    Path header = dir.resolve("src/main/include/factor.h");
    Files.createDirectories(header.getParent());
    Files.writeString(header, "#define FACTOR 2\n");
    Files.createDirectories(project.c("nested"));
    Files.writeString(project.c("nested/scaled.h"), "#include \"../../include/factor.h\"\n");
    Files.writeString(project.c("nested/scaled.c"), """
        #include "scaled.h"
        __attribute__((export_name("scaled"))) int scaled(int x) { return FACTOR * x; }
        """);
    run();
    assertThat(run().status()).isEqualTo(CompileOutcome.Status.UP_TO_DATE);

    Files.writeString(header, "#define FACTOR 3\n");

    assertThat(run().status()).isEqualTo(CompileOutcome.Status.COMPILED);
    assertThat(Wasmformer.load(project.bundle()).program("scaled").run(5).returnValue()).hasValue(15);
  }

  @Test
  void aHeaderOutsideTheSourceDirectoryThatAMacroNamesIsFollowedAndOneThatIsSkippedIsNot() throws Exception {
    Path include = dir.resolve("src/main/include");
    Files.createDirectories(include);
    Files.writeString(include.resolve("factor.h"), "#define FACTOR 2\n");
    Files.writeString(include.resolve("unused.h"), "#define UNUSED 1\n");
    Files.writeString(dir.resolve("src/main/table.inc"), "7\n");
    Files.createDirectories(project.c(""));
    Files.writeString(project.c("scaled.c"), """
        #define HEADER "../include/factor.h"
        #include HEADER
        #if 0
        #include "../include/unused.h"
        #endif
        __attribute__((export_name("scaled"))) int scaled(int x) {
          return FACTOR * x +
        #include "../table.inc"
          ;
        }
        """);
    run();
    assertThat(run().status()).isEqualTo(CompileOutcome.Status.UP_TO_DATE);

    Files.writeString(include.resolve("unused.h"), "#define UNUSED 2\n");
    assertThat(run().status()).as("a header no compilation read changed").isEqualTo(CompileOutcome.Status.UP_TO_DATE);

    Files.writeString(include.resolve("factor.h"), "#define FACTOR 3\n");
    assertThat(run().status()).as("the header a macro names changed").isEqualTo(CompileOutcome.Status.COMPILED);
    assertThat(Wasmformer.load(project.bundle()).program("scaled").run(5).returnValue()).hasValue(22);

    Files.writeString(dir.resolve("src/main/table.inc"), "8\n");
    assertThat(run().status()).as("an included file of any name changed").isEqualTo(CompileOutcome.Status.COMPILED);
    assertThat(Wasmformer.load(project.bundle()).program("scaled").run(5).returnValue()).hasValue(23);

    Files.delete(dir.resolve("src/main/table.inc"));
    assertThat(catchThrowableOfType(this::run, CompileFailure.class)).as("an included file is gone").isNotNull();
    Files.writeString(dir.resolve("src/main/table.inc"), "8\n");
    run();
    assertThat(run().status()).isEqualTo(CompileOutcome.Status.UP_TO_DATE);
  }

  @Test
  void aNewHeaderBesideAnIncludedOneOutsideTheSourceDirectoryRecompiles() throws Exception {
    Path include = dir.resolve("src/main/include");
    Files.createDirectories(include);
    // config.h's quoted include looks beside config.h first, then in the source directory
    Files.writeString(include.resolve("config.h"), "#include \"limits_of.h\"\n");
    Files.createDirectories(project.c(""));
    Files.writeString(project.c("limits_of.h"), "#define LIMIT 10\n");
    Files.writeString(project.c("limit.c"), """
        #include "../include/config.h"
        __attribute__((export_name("limit"))) int limit(void) { return LIMIT; }
        """);
    run();
    assertThat(run().status()).isEqualTo(CompileOutcome.Status.UP_TO_DATE);

    Files.writeString(include.resolve("limits_of.h"), "#define LIMIT 20\n");

    assertThat(run().status()).isEqualTo(CompileOutcome.Status.COMPILED);
    assertThat(Wasmformer.load(project.bundle()).program("limit").run().returnValue()).hasValue(20);
  }

  @Test
  void theStateListsTheHeadersTheCompilationRead() throws Exception {
    Files.createDirectories(project.c(""));
    Files.writeString(project.c("used.h"), "#define USED 1\n");
    Files.writeString(project.c("prog.c"), """
        #include <stdio.h>
        #include "used.h"
        __attribute__((export_name("used"))) int used(void) { return USED; }
        """);
    run();

    List<String> state = Files.readAllLines(dir.resolve("target/maven-status/wasmformer/default/state.txt"));
    assertThat(state).filteredOn(l -> l.startsWith("read ")).containsExactly(
        "read " + project.c("used.h").toAbsolutePath().normalize());
  }

  @Test
  void aChangedSettingOrPluginVersionRecompiles() throws Exception {
    TestPrograms.write(project.wasm("math.wasm"), TestPrograms.MATH);
    run();

    project.entryPoints = List.of("twice");
    assertThat(run().status()).isEqualTo(CompileOutcome.Status.COMPILED);
    project.pluginVersion = "2.0-test";
    assertThat(run().status()).isEqualTo(CompileOutcome.Status.COMPILED);
    assertThat(run().status()).isEqualTo(CompileOutcome.Status.UP_TO_DATE);
  }

  @Test
  void aDeletedOutputIsWrittenAgain() throws Exception {
    TestPrograms.write(project.wasm("add.wasm"), TestPrograms.ADD);
    run();
    Files.delete(project.bundle());

    assertThat(run().status()).isEqualTo(CompileOutcome.Status.COMPILED);
    assertThat(project.bundle()).isRegularFile();
  }

  @Test
  void aRenamedBundleRemovesTheOldOneAndItsCopyInTheClasses() throws Exception {
    TestPrograms.write(project.wasm("add.wasm"), TestPrograms.ADD);
    run();
    Path oldBundle = project.bundle();
    Path oldCopy = project.classes().resolve("META-INF/wasmformer/demo.wfb");
    Files.createDirectories(oldCopy.getParent());
    Files.copy(oldBundle, oldCopy);

    project.bundleName = "renamed";
    run();

    assertThat(oldBundle).doesNotExist();
    assertThat(oldCopy).doesNotExist();
    assertThat(project.bundle()).isRegularFile();
    assertThat(log.infos).contains("wasmformer: removed stale target/generated-resources/wasmformer/META-INF/wasmformer/demo.wfb");
  }

  @Test
  void removingEveryProgramRemovesTheBundle() throws Exception {
    Path add = TestPrograms.write(project.wasm("add.wasm"), TestPrograms.ADD);
    run();
    Files.delete(add);

    CompileOutcome outcome = run();

    assertThat(outcome.status()).isEqualTo(CompileOutcome.Status.NO_PROGRAMS);
    assertThat(outcome.bundleFile()).isEmpty();
    assertThat(project.bundle()).doesNotExist();
  }

  @Test
  void theTypedEntryPointClassIsWrittenAsSourceForJavac() throws Exception {
    TestPrograms.write(project.wasm("add.wasm"), TestPrograms.ADD);

    run();

    Path source = project.generatedSources().resolve("wasmformer/generated/Demo.java");
    assertThat(source).content().contains("public final class Demo {", "public static int add(int ");
    assertThat(project.classes().resolve("wasmformer/generated")).doesNotExist();
    assertThat(log.infos).contains("wasmformer: typed entry points in wasmformer.generated.Demo"
        + " (target/generated-sources/wasmformer)");
    GeneratedSources.compile(project.generatedSources(), project.classes());
    assertThat(project.classes().resolve("wasmformer/generated/Demo.class")).isRegularFile();
  }

  @Test
  void switchingEntryPointsOffOrRenamingTheClassRemovesTheOldSourceAndItsClasses() throws Exception {
    TestPrograms.write(project.wasm("add.wasm"), TestPrograms.ADD);
    run();
    Path demo = project.generatedSources().resolve("wasmformer/generated/Demo.java");
    GeneratedSources.compile(project.generatedSources(), project.classes());
    Path demoClass = project.classes().resolve("wasmformer/generated/Demo.class");
    Path demoHolder = project.classes().resolve("wasmformer/generated/Demo$Holder.class");
    assertThat(demoHolder).isRegularFile();

    project.entryPointClass = "app.Programs";
    run();
    // javac would leave the old classes, and code could still link against them
    assertThat(demo).doesNotExist();
    assertThat(demoClass).doesNotExist();
    assertThat(demoHolder).doesNotExist();
    assertThat(project.generatedSources().resolve("app/Programs.java")).isRegularFile();

    project.generateEntryPoints = false;
    run();
    assertThat(project.generatedSources().resolve("app/Programs.java")).doesNotExist();
    assertThat(project.bundle()).isRegularFile();
  }

  @Test
  void anUnchangedBuildLeavesTheSourceAloneSoJavacDoesNotRecompile() throws Exception {
    TestPrograms.write(project.wasm("add.wasm"), TestPrograms.ADD);
    run();
    Path source = project.generatedSources().resolve("wasmformer/generated/Demo.java");
    Files.setLastModifiedTime(source, LONG_AGO);

    assertThat(run().status()).isEqualTo(CompileOutcome.Status.UP_TO_DATE);
    assertThat(Files.getLastModifiedTime(source)).isEqualTo(LONG_AGO);
  }

  @Test
  void aFailedBuildStillRemovesWhatTheLastGoodBuildWroteOnceTheProgramsAreGone() throws Exception {
    Path add = TestPrograms.write(project.wasm("add.wasm"), TestPrograms.ADD);
    run();
    Path source = project.generatedSources().resolve("wasmformer/generated/Demo.java");
    Files.writeString(add, "broken");
    catchThrowableOfType(CompileFailure.class, this::run);
    Files.delete(add);

    CompileOutcome outcome = run();

    assertThat(outcome.status()).isEqualTo(CompileOutcome.Status.NO_PROGRAMS);
    assertThat(project.bundle()).doesNotExist();
    assertThat(source).doesNotExist();
  }

  @Test
  void aClashOfTypedEntryPointsFailsTheBuild() throws Exception {
    TestPrograms.write(project.wasm("loadedBundle.wasm"), TestPrograms.HELLO);

    CompileFailure failure = catchThrowableOfType(CompileFailure.class, this::run);

    assertThat(failure.diagnostics()).singleElement().asString()
        .startsWith("the typed entry point loadedBundle() of program loadedBundle clashes with the bundle accessor");
    assertThat(project.bundle()).doesNotExist();
  }

  @Test
  void aProjectWithoutProgramsWarnsOnEveryBuildAndNamesTheMissingDirectories() throws Exception {
    CompileOutcome outcome = run();

    assertThat(outcome.status()).isEqualTo(CompileOutcome.Status.NO_PROGRAMS);
    String warning = "wasmformer: no programs found, so no bundle demo (looked for **/*.c, **/*.wasm in"
        + " src/main/c and src/main/wasm; src/main/c and src/main/wasm do not exist); put C files in src/main/c,"
        + " or set wasmformer.skip to true";
    assertThat(log.warnings).containsExactly(warning);
    assertThat(project.outputDirectory()).doesNotExist();

    log = new RecordingLog();
    assertThat(run().status()).isEqualTo(CompileOutcome.Status.NO_PROGRAMS);
    assertThat(log.warnings).containsExactly(warning);
    assertThat(log.infos).isEmpty();
  }

  @Test
  void everyBrokenProgramIsReportedAndNothingIsWritten() throws Exception {
    TestPrograms.write(project.wasm("add.wasm"), TestPrograms.ADD);
    TestPrograms.write(project.wasm("half.wasm"), TestPrograms.VECTOR);
    Files.writeString(project.wasm("junk.wasm"), "not a module");

    CompileFailure failure = catchThrowableOfType(CompileFailure.class, this::run);

    assertThat(failure.diagnostics()).hasSize(2);
    assertThat(failure.diagnostics().get(0))
        .startsWith("src/main/wasm/half.wasm: error: ")
        .contains("v128");
    assertThat(failure.diagnostics().get(1))
        .startsWith("src/main/wasm/junk.wasm: error: malformed or invalid WebAssembly module");
    assertThat(failure.getMessage()).startsWith("2 errors; the first: src/main/wasm/half.wasm: error: ");
    assertThat(project.bundle()).doesNotExist();
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".tmp"));
    }
  }

  @Test
  void aFailedBuildIsNotUpToDateAfterwards() throws Exception {
    Path prog = TestPrograms.write(project.wasm("prog.wasm"), TestPrograms.ADD);
    run();
    Files.writeString(prog, "broken");
    catchThrowableOfType(CompileFailure.class, this::run);

    CompileFailure again = catchThrowableOfType(CompileFailure.class, this::run);

    assertThat(again).isNotNull();
  }

  @Test
  void twoProgramsWithOneNameAreAnError() throws Exception {
    TestPrograms.write(project.wasm("a/add.wasm"), TestPrograms.ADD);
    TestPrograms.write(project.wasm("b/add.wasm"), TestPrograms.ADD);

    CompileFailure failure = catchThrowableOfType(CompileFailure.class, this::run);

    assertThat(failure.diagnostics()).containsExactly("src/main/wasm/b/add.wasm: error: a second program named"
        + " add (the first comes from src/main/wasm/a/add.wasm); program names must be unique in a bundle");
  }

  @Test
  void aModuleWithoutEntryPointsIsAnError() throws Exception {
    TestPrograms.write(project.wasm("helper.wasm"), "(module (func (export \"_x\")))");

    CompileFailure failure = catchThrowableOfType(CompileFailure.class, this::run);

    assertThat(failure.diagnostics()).containsExactly("src/main/wasm/helper.wasm: error: the module exports no"
        + " function to run (no main, _start or function without a leading underscore); it exports [_x]");
  }

  @Test
  void aSpecializedBuildGivesEachProgramItsOwnModelAndTheUniversalResults() throws Exception {
    TestPrograms.write(project.wasm("add.wasm"), TestPrograms.ADD);
    TestPrograms.write(project.wasm("hello.wasm"), TestPrograms.HELLO);
    TestPrograms.write(project.wasm("check.wasm"), TestPrograms.CHECK);
    run();
    LoadedBundle universal = Wasmformer.load(project.bundle());
    long universalSize = Files.size(project.bundle());

    project.specialize = true;
    CompileOutcome outcome = run();

    assertThat(outcome.status()).isEqualTo(CompileOutcome.Status.COMPILED);
    Bundle bundle = BundleFiles.read(project.bundle());
    assertThat(bundle.hasShape()).as("no model of the bundle's own").isFalse();
    assertThat(bundle.getModelsList()).extracting(NamedModel::getName).containsExactly("add", "check", "hello");
    assertThat(bundle.getProgramsList()).extracting(Program::getModel).containsExactly("add", "check", "hello");
    assertThat(MetadataEntries.settings(bundle.getMetadata())).containsEntry("specialize", "true");
    LoadedBundle specialized = Wasmformer.load(project.bundle());
    for (long[] args : new long[][] {{2, 3}, {-7, 7}, {0x7FFFFFFF, 1}}) {
      assertThat(specialized.program("add").run(args).returnValue())
          .isEqualTo(universal.program("add").run(args).returnValue());
    }
    assertThat(specialized.program("hello").run().outputText()).isEqualTo(universal.program("hello").run().outputText());
    assertThat(specialized.program("check").run(5).returnValue()).isEqualTo(universal.program("check").run(5).returnValue());
    TrapException trap = catchThrowableOfType(TrapException.class, () -> specialized.program("check").run(0));
    TrapException universalTrap = catchThrowableOfType(TrapException.class, () -> universal.program("check").run(0));
    assertThat(trap.getMessage()).isEqualTo(universalTrap.getMessage());
    System.out.printf("universal bundle %,d bytes, specialized %,d bytes%n", universalSize, Files.size(project.bundle()));
  }

  @Test
  void aWasiModuleIsOneProgramEnteredAtStartWithItsNameAsArgv() throws Exception {
    // writes argv[0] with fd_write, then exits with status 7
    TestPrograms.write(project.wasm("tool.wasm"), """
        (module
          (import "wasi_snapshot_preview1" "args_sizes_get" (func $sizes (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "args_get" (func $args (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
          (memory (export "memory") 1)
          (func (export "_start")
            (drop (call $sizes (i32.const 0) (i32.const 4)))
            (drop (call $args (i32.const 16) (i32.const 32)))
            (i32.store (i32.const 8) (i32.const 32))
            (i32.store (i32.const 12) (i32.sub (i32.load (i32.const 4)) (i32.const 1)))
            (drop (call $write (i32.const 1) (i32.const 8) (i32.const 1) (i32.const 0)))
            (call $exit (i32.const 7))))
        """);

    run();

    Bundle bundle = BundleFiles.read(project.bundle());
    assertThat(bundle.getProgramsList()).extracting(Program::getName, Program::getEntry)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("tool", "_start"));
    var result = dev.wasmformer.runtime.Wasmformer.load(bundle).program("tool")
        .run(dev.wasmformer.runtime.RunOptions.defaults());
    assertThat(result.outputText()).isEqualTo("tool");
    assertThat(result.returnValue()).hasValue(7);
  }

  private CompileOutcome run() throws CompileFailure, IOException {
    return new BundleBuild(project.request(), log).run();
  }
}
