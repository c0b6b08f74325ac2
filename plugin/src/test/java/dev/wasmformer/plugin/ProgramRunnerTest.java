package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.runtime.Attention;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.format.BundleFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramRunnerTest {
  @TempDir Path dir;

  private RecordingLog log = new RecordingLog();
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  @Test
  void aWasmFileRunsWithItsArgumentsAndReportsResultAndStats() throws Exception {
    Path fib = TestPrograms.write(dir.resolve("fib.wasm"), TestPrograms.FIB);

    RunResult result = run(request(Optional.of(fib), Optional.empty(), List.of("10")));

    assertThat(result.returnValue()).hasValue(55);
    assertThat(log.infos.get(0)).isEqualTo("wasmformer: running fib(10) on the transformer (hull attention)");
    assertThat(log.infos).contains("wasmformer: fib(10) = 55");
    assertThat(log.infos.get(log.infos.size() - 1))
        .matches("wasmformer: [0-9,]+ tokens, [0-9,]+ instructions, [0-9.]+ s, [0-9,]+ tokens/s");
  }

  @Test
  void theProgramsOutputIsPrintedAsIs() throws Exception {
    Path hello = TestPrograms.write(dir.resolve("hello.wasm"), TestPrograms.HELLO);

    run(request(Optional.of(hello), Optional.empty(), List.of()));

    assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("hi\n");
    assertThat(log.infos).contains("wasmformer: hello() = 7");
  }

  @Test
  void aCFileIsCompiledOnTheSpot() throws Exception {
    Path c = Files.writeString(dir.resolve("countdown.c"), """
        #include <stdio.h>
        int main(void) {
          for (int i = 3; i > 0; i--) printf("%d ", i);
          puts("go");
          return 0;
        }
        """);

    RunResult result = run(request(Optional.of(c), Optional.empty(), List.of()));

    assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("3 2 1 go\n");
    assertThat(result.returnValue()).hasValue(0);
  }

  @Test
  void theArgumentsOfACMainWithArgvAreItsCommandLine() throws Exception {
    Path c = Files.writeString(dir.resolve("greet.c"), """
        #include <stdio.h>
        int main(int argc, char **argv) {
          for (int i = 1; i < argc; i++) printf("hello %s\\n", argv[i]);
          return argc - 1;
        }
        """);

    RunResult result = run(request(Optional.of(c), Optional.empty(), List.of("ada", " grace ")));

    assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("hello ada\nhello grace\n");
    assertThat(result.returnValue()).hasValue(2);
  }

  @Test
  void aCFileWithErrorsFailsWithItsDiagnostics() throws Exception {
    Path c = Files.writeString(dir.resolve("broken.c"), "int main(void) { return y; }\n");

    CompileFailure failure = catchThrowableOfType(CompileFailure.class,
        () -> run(request(Optional.of(c), Optional.empty(), List.of())));

    assertThat(failure.diagnostics()).singleElement().asString()
        .startsWith("broken.c:1:25: error: use of undeclared identifier 'y'");
  }

  @Test
  void theProjectsBundleIsTheDefaultAndAProgramIsChosenByName() throws Exception {
    Path bundle = dir.resolve("target/generated-resources/wasmformer/META-INF/wasmformer/demo.wfb");
    Files.createDirectories(bundle.getParent());
    BundleFiles.write(new WasmformerCompiler()
        .addWasm("add", "add.wasm", TestPrograms.wasm(TestPrograms.ADD), "add")
        .addWasm("fib", "fib.wasm", TestPrograms.wasm(TestPrograms.FIB), "fib")
        .bundle(), bundle);

    RunResult result = run(request(Optional.empty(), Optional.of("add"), List.of("-9", "0x10")));

    assertThat(result.returnValue()).hasValue(7);
  }

  @Test
  void aProjectBundleOlderThanAProgramSourceGetsAWarningButRuns() throws Exception {
    Path bundle = dir.resolve("target/generated-resources/wasmformer/META-INF/wasmformer/demo.wfb");
    Files.createDirectories(bundle.getParent());
    BundleFiles.write(new WasmformerCompiler()
        .addWasm("add", "add.wasm", TestPrograms.wasm(TestPrograms.ADD), "add").bundle(), bundle);
    Path source = dir.resolve("src/main/c/add.c");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "/* changed after the build */");
    Files.setLastModifiedTime(bundle, FileTime.fromMillis(Files.getLastModifiedTime(source).toMillis() - 60_000));
    List<Path> sources = List.of(dir.resolve("src/main/c"), dir.resolve("src/main/wasm"));
    RunRequest request = new RunRequest(dir, Optional.empty(), bundle, Optional.of("add"), List.of("1", "2"),
        Optional.empty(), Attention.HULL, 10_000_000, Duration.ofSeconds(5), List.of(), Map.of(), sources,
        dir.resolve("target/maven-status/wasmformer"));

    assertThat(run(request).returnValue()).hasValue(3);
    assertThat(log.warnings).containsExactly("wasmformer: src/main/c/add.c changed after the bundle"
        + " target/generated-resources/wasmformer/META-INF/wasmformer/demo.wfb was built, so the run may not see the"
        + " change; rebuild it first: mvn generate-resources wasmformer:run");

    // a bundle the compile goal found up to date after the change gets no warning
    log = new RecordingLog();
    Path state = dir.resolve("target/maven-status/wasmformer/default/state.txt");
    Files.createDirectories(state.getParent());
    Files.writeString(state, "");
    Files.setLastModifiedTime(state, FileTime.fromMillis(Files.getLastModifiedTime(source).toMillis() + 60_000));
    run(request);
    assertThat(log.warnings).isEmpty();

    // nor does a bundle written after the change
    log = new RecordingLog();
    Files.delete(state);
    Files.setLastModifiedTime(bundle, FileTime.fromMillis(Files.getLastModifiedTime(source).toMillis() + 60_000));
    run(request);
    assertThat(log.warnings).isEmpty();
  }

  @Test
  void severalProgramsWithoutAChoiceListTheirSignatures() throws Exception {
    Path math = TestPrograms.write(dir.resolve("math.wasm"), TestPrograms.MATH);

    ProgramRunner.RunFailure failure = catchThrowableOfType(ProgramRunner.RunFailure.class,
        () -> run(request(Optional.of(math), Optional.empty(), List.of("1"))));

    assertThat(failure).hasMessage("wasmformer: the bundle has 2 programs; choose one with -Dwasmformer.program=NAME:"
        + " twice(i32) -> i32, thrice(i32) -> i32");
  }

  @Test
  void aMissingBundleSaysHowToMakeIt() {
    ProgramRunner.RunFailure failure = catchThrowableOfType(ProgramRunner.RunFailure.class,
        () -> run(request(Optional.empty(), Optional.empty(), List.of())));

    assertThat(failure).hasMessageStartingWith("wasmformer: there is no bundle at"
        + " target/generated-resources/wasmformer/META-INF/wasmformer/demo.wfb; build it first");
  }

  @Test
  void wrongArgumentsAreReported() throws Exception {
    Path add = TestPrograms.write(dir.resolve("add.wasm"), TestPrograms.ADD);

    assertThat(catchThrowableOfType(ProgramRunner.RunFailure.class,
        () -> run(request(Optional.of(add), Optional.empty(), List.of("1")))))
        .hasMessage("wasmformer: add(i32, i32) -> i32 takes 2 arguments, got 1 (1); give them with"
            + " -Dwasmformer.args=1,2");
    assertThat(catchThrowableOfType(ProgramRunner.RunFailure.class,
        () -> run(request(Optional.of(add), Optional.empty(), List.of("1", "two")))))
        .hasMessage("wasmformer: argument 2 is not an integer: two");
  }

  @Test
  void aTrapFailsTheRunWithItsCauseAfterTheStats() throws Exception {
    Path check = TestPrograms.write(dir.resolve("check.wasm"), TestPrograms.CHECK);

    ProgramRunner.RunFailure failure = catchThrowableOfType(ProgramRunner.RunFailure.class,
        () -> run(request(Optional.of(check), Optional.empty(), List.of("0"))));

    assertThat(failure.getMessage()).startsWith("wasmformer: check(0) trapped: unreachable");
    assertThat(log.infos.get(log.infos.size() - 1)).contains(" tokens, ");
  }

  @Test
  void theInputFileIsTheProgramsInput() throws Exception {
    Path echo = TestPrograms.write(dir.resolve("echo.wasm"), """
        (module
          (import "env" "getchar" (func $getchar (result i32)))
          (import "env" "putchar" (func $putchar (param i32) (result i32)))
          (func (export "main") (result i32)
            (local $c i32)
            block $end
              loop $next
                call $getchar
                local.tee $c
                i32.const 0
                i32.lt_s
                br_if $end
                local.get $c
                call $putchar
                drop
                br $next
              end
            end
            i32.const 0))
        """);
    Path input = Files.writeString(dir.resolve("in.txt"), "echo me");

    run(new RunRequest(dir, Optional.of(echo), dir.resolve("none.wfb"), Optional.empty(), List.of(),
        Optional.of(input), Attention.NAIVE, 1_000_000, Duration.ofSeconds(5), List.of()));

    assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("echo me");
    assertThat(log.infos.get(0)).endsWith("(naive attention)");
  }

  @Test
  void aRunOverTheTokenLimitStops() throws Exception {
    Path fib = TestPrograms.write(dir.resolve("fib.wasm"), TestPrograms.FIB);

    ProgramRunner.RunFailure failure = catchThrowableOfType(ProgramRunner.RunFailure.class,
        () -> run(new RunRequest(dir, Optional.of(fib), dir.resolve("none.wfb"), Optional.empty(), List.of("30"),
            Optional.empty(), Attention.HULL, 50, Duration.ofSeconds(5), List.of())));

    assertThat(failure).hasMessage("wasmformer: fib(30) stopped: no HALT after 50 generated tokens (the limit);"
        + " for a longer run, raise the limit with -Dwasmformer.maxTokens=N");
  }

  @Test
  void aLongRunReportsItsProgress() throws Exception {
    Path fib = TestPrograms.write(dir.resolve("fib.wasm"), TestPrograms.FIB);

    run(new RunRequest(dir, Optional.of(fib), dir.resolve("none.wfb"), Optional.empty(), List.of("200"),
        Optional.empty(), Attention.HULL, 10_000_000, Duration.ZERO, List.of()));

    assertThat(log.infos).anySatisfy(l -> assertThat(l)
        .matches("wasmformer: running fib: [0-9,]+ tokens, [0-9,]+ instructions, [0-9]+ s, [0-9,]+ tokens/s"));
  }

  private static final String DOWN = """
      (module
        (func $down (export "down") (param i32) (result i32)
          (if (result i32) (i32.eqz (local.get 0))
            (then (i32.const 0))
            (else (i32.add (i32.const 1) (call $down (i32.sub (local.get 0) (i32.const 1))))))))
      """;

  private RunRequest limited(Path file, String arg, Map<String, Long> limits) {
    return new RunRequest(dir, Optional.of(file), dir.resolve("none.wfb"), Optional.empty(), List.of(arg),
        Optional.empty(), Attention.HULL, 10_000_000, Duration.ofSeconds(5), List.of(), limits);
  }

  @Test
  void theCallDepthLimitTrapsARecursionThatGoesDeeperNamingTheFunction() throws Exception {
    Path down = TestPrograms.write(dir.resolve("down.wasm"), DOWN);
    Map<String, Long> depth8 = Map.of(RunOptions.MAX_CALL_DEPTH, 8L);

    assertThat(run(limited(down, "7", depth8)).returnValue()).hasValue(7);
    ProgramRunner.RunFailure failure = catchThrowableOfType(ProgramRunner.RunFailure.class,
        () -> run(limited(down, "8", depth8)));

    assertThat(failure.getMessage())
        .matches("wasmformer: down\\(8\\) trapped: call stack exhausted at instruction \\d+ \\(in function down\\)");
  }

  @Test
  void aLimitOutsideItsRangeIsRefusedBeforeTheRun() throws Exception {
    Path down = TestPrograms.write(dir.resolve("down.wasm"), DOWN);

    ProgramRunner.RunFailure depth = catchThrowableOfType(ProgramRunner.RunFailure.class,
        () -> run(limited(down, "1", Map.of(RunOptions.MAX_CALL_DEPTH, 0L))));
    ProgramRunner.RunFailure pages = catchThrowableOfType(ProgramRunner.RunFailure.class,
        () -> run(limited(down, "1", Map.of(RunOptions.MAX_MEMORY_PAGES, 257L))));

    assertThat(depth).hasMessage("wasmformer: wasmformer.maxCallDepth must be in 1..65535, not 0");
    assertThat(pages).hasMessage("wasmformer: wasmformer.maxMemoryPages must be in 0..256, not 257");
    assertThat(log.infos).isEmpty();
  }

  @Test
  void floatArgumentsAreGivenAndTheResultLoggedByValue() throws Exception {
    Path c = Files.writeString(dir.resolve("scale.c"),
        "__attribute__((export_name(\"scale\"))) float scale(float x, int k) { return x * k; }\n");

    RunResult result = run(request(Optional.of(c), Optional.empty(), List.of("1.5", "-3")));

    assertThat(result.typedReturnValue()).contains(-4.5f);
    assertThat(log.infos).contains("wasmformer: scale(1.5, -3) = -4.5");
  }

  @Test
  void aPointerArgumentIsTextWhoseFinalBytesAreLogged() throws Exception {
    Path c = Files.writeString(dir.resolve("upcase.c"), """
        __attribute__((export_name("upcase"))) int upcase(char *s, int n) {
          for (int i = 0; i < n; i++) if (s[i] >= 'a' && s[i] <= 'z') s[i] -= 32;
          return n;
        }
        """);

    RunResult result = run(request(Optional.of(c), Optional.empty(), List.of("hello", "3")));

    assertThat(result.returnValue()).hasValue(3);
    assertThat(log.infos).contains("wasmformer: argument 1 afterwards: \"HELlo\"");
  }

  private RunRequest request(Optional<Path> file, Optional<String> program, List<String> args) {
    return new RunRequest(dir, file, dir.resolve("target/generated-resources/wasmformer/META-INF/wasmformer/demo.wfb"),
        program, args, Optional.empty(), Attention.HULL, 10_000_000, Duration.ofSeconds(5), List.of());
  }

  private RunResult run(RunRequest request) throws Exception {
    return new ProgramRunner(request, log, new PrintStream(output, true, StandardCharsets.UTF_8)).run();
  }
}
