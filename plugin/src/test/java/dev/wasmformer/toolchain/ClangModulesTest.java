package dev.wasmformer.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.ReferenceInterpreter;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.lowering.Lowering;
import dev.wasmformer.lowering.UnsupportedWasmException;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.testing.ChicoryRunner;
import dev.wasmformer.testing.ChicoryWasi;
import dev.wasmformer.testing.Gcc;
import dev.wasmformer.testing.IsaRunner;
import dev.wasmformer.testing.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modules built by clang, not by our C compiler: each C program under {@code clang/} is compiled
 * by clang to WebAssembly and by gcc natively, and runs on Chicory, on the reference interpreter
 * (its token program) and on the transformer, with the same output and exit status. Programs
 * under {@code wasi/} link wasi-libc (their WASI calls are the lowering's routines; Chicory runs
 * them with its own WASI); those under {@code nostdlib/} import env.putchar/getchar or WASI
 * functions directly. A program whose run takes more than {@link #SHORT_RUN} instructions on the
 * reference interpreter runs on the transformer only with {@code -Dwasmformer.long=true}.
 */
class ClangModulesTest {
  static final long SHORT_RUN = 60_000;
  private static final List<String> NATIVE_FLAGS = List.of("-std=gnu11", "-w", "-O1");

  /** Programs the transformer refuses today, and the missing opcode the refusal names (none). */
  static final Map<String, String> NOT_YET = Map.of();

  /** C feature programs clang cannot build for wasm32, or whose clang builds are not comparable, and why. */
  private static final String NO_SETJMP = "wasi-libc has no <setjmp.h> (it would need WebAssembly's exception handling)";
  private static final String NO_COMPUTED_GOTO = "clang 14's WebAssembly backend has no computed goto (a blockaddress)";
  private static final String NO_GLIBC_ERRNO = "wasi-libc's <errno.h> has WASI's errno names only (no ECHRNG, EL2NSYNC, ...),"
      + " with other numbers and musl's texts";
  private static final String NO_SIGNALS = "wasi-libc's <signal.h> is an #error without its signal emulation library";
  private static final String NO_STRERRORNAME = "wasi-libc has no strerrorname_np or strerrordesc_np (glibc 2.32's),"
      + " and its errno values are WASI's";
  private static final String NO_GETPID = "wasi-libc has no getpid or getppid without its process emulation library";
  private static final String NO_WASI_CLOCK = "wasi-libc's gettimeofday imports WASI's clock_time_get, which the lowering"
      + " does not provide (a run has no clock)";
  private static final String NO_WASI_FILES = "wasi-libc's stat imports WASI's path_filestat_get, which the lowering"
      + " does not provide (a run has no file system)";

  static final Map<String, String> CLANG_CANNOT = Map.ofEntries(
      Map.entry("computed_goto.c", NO_COMPUTED_GOTO), Map.entry("computed_goto_offsets.c", NO_COMPUTED_GOTO),
      Map.entry("setjmp_labels.c", NO_SETJMP), Map.entry("setjmp_parser.c", NO_SETJMP), Map.entry("setjmp_stack.c", NO_SETJMP),
      Map.entry("setjmp_types.c", NO_SETJMP), Map.entry("setjmp_unwind.c", NO_SETJMP), Map.entry("signal.c", NO_SIGNALS),
      Map.entry("signal_default.c", NO_SIGNALS), Map.entry("sigaction.c", NO_SIGNALS),
      Map.entry("sigaction_resethand.c", NO_SIGNALS), Map.entry("abort_handler.c", NO_SIGNALS), Map.entry("signal_info.c", NO_SIGNALS),
      Map.entry("signal_kill.c", NO_SIGNALS),
      Map.entry("strerror_all.c", NO_GLIBC_ERRNO), Map.entry("strerror_r.c", NO_GLIBC_ERRNO),
      Map.entry("strerror_r_gnu.c", NO_GLIBC_ERRNO), Map.entry("strerrorname_np.c", NO_STRERRORNAME),
      Map.entry("printf_errno.c", NO_GLIBC_ERRNO), Map.entry("wprintf_errno.c", NO_GLIBC_ERRNO),
      Map.entry("sscanf_matrix.c", "wasi-libc's sscanf (musl's) is not glibc's on several of the matrix's cases"
          + " (a %3c cut short by the string's end assigns nothing, where glibc's assigns what it read), and the"
          + " program ends in an unreachable trap"),
      Map.entry("random_reentrant.c", "wasi-libc has no random_r or drand48_r (glibc's reentrant generators)"),
      Map.entry("own_libc_names.c", "wasi-libc (musl) is linked statically, so the program's own memcpy, strlen,"
          + " fputc, ... replace musl's for musl's own calls too (its printf copies through the program's memcpy"
          + " and prints X's), where glibc's shared library keeps its own"),
      Map.entry("unistd_io.c", NO_GETPID), Map.entry("gettimeofday.c", NO_WASI_CLOCK), Map.entry("fs_none.c", NO_WASI_FILES),
      Map.entry("complex_nan_signs.c", "it prints NaN signs, which WebAssembly leaves to the engine:"
          + " Chicory's differ from the lowering's (x86-64's rule) for clang's f64 code"));

  @TempDir Path work;

  @TestFactory
  Stream<DynamicTest> wasiLibcProgramsRunOnTheTransformerAsOnChicoryAndNatively() throws IOException {
    return programs("wasi").map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      Clang.require();
      checkWasi(p, Clang.wasi(p, work), false);
    }));
  }

  /**
   * Programs with double and float arithmetic under {@code clang/float/}, linked with wasi-libc's
   * full printf: clang emits f32/f64 instructions, which the lowering turns into calls of the
   * soft-float routines. They run on the transformer however long they take (keep them short).
   */
  @TestFactory
  Stream<DynamicTest> floatProgramsWithTheFullPrintfRunOnTheTransformerAsOnChicoryAndNatively() throws IOException {
    return programs("float").map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      Clang.require();
      checkWasi(p, Clang.wasiWithFloatPrintf(p, work), true);
    }));
  }

  /** Unoptimised code keeps its doubles in memory (f64.store, f64.load through the stack pointer). */
  @TestFactory
  Stream<DynamicTest> floatProgramsAtOtherOptimisationLevelsRunAlike() {
    return Stream.of("-O0", "-Os").map(level -> DynamicTest.dynamicTest("arith.c " + level, () -> {
      Clang.require();
      Path p = Path.of("src/test/resources/clang/float/arith.c");
      checkWasi(p, Clang.wasiWithFloatPrintf(p, work, level), true);
    }));
  }

  /** Unoptimised and size-optimised code looks different (more locals, other calls): two programs so built. */
  @TestFactory
  Stream<DynamicTest> wasiLibcProgramsAtOtherOptimisationLevelsRunAlike() {
    return Stream.of("args.c", "stdin.c").flatMap(name -> Stream.of("-O0", "-Os").map(level ->
        DynamicTest.dynamicTest(name + " " + level, () -> {
          Clang.require();
          Path p = Path.of("src/test/resources/clang/wasi", name);
          checkWasi(p, Clang.wasi(p, work, level), false);
        })));
  }

  /** args.c, built once into one bundle, run with two argument lists: each run's argv is its own. */
  @org.junit.jupiter.api.Test
  void oneBundleOfAWasiProgramRunsWithTheArgvEachRunGives() throws Exception {
    Clang.require();
    Path p = Path.of("src/test/resources/clang/wasi/args.c");
    byte[] wasm = Clang.wasi(p, work);
    var program = Wasmformer.load(new WasmformerCompiler().addWasm("args", "args.c", wasm, null).bundle())
        .programs().get(0);
    assertThat(program.takesArgv()).isTrue();
    for (List<String> args : List.of(List.of("one", "two words", "", "-x"), List.of("\u00fcber", "z"))) {
      RunResult r = program.run(RunOptions.defaults().withArgv(args.toArray(String[]::new)));
      Outcome ours = Outcome.halted(OptionalLong.of(r.returnValue().orElse(0) & 0xFF), r.output(), r.errorOutput());
      List<String> argv = Stream.concat(Stream.of("args"), args.stream()).toList();
      ChicoryWasi.Run chicory = ChicoryWasi.run(wasm, argv, new byte[0], false);
      assertThat(ours).as("with argv %s", args)
          .isEqualTo(Outcome.halted(OptionalLong.of(chicory.status()), chicory.stdout(), chicory.stderr()));
      if (Gcc.available()) {
        Gcc.Run gcc = Gcc.compileAndRun(p, work, NATIVE_FLAGS, args, new byte[0]);
        assertThat(ours).as("compared with gcc, argv %s", args)
            .isEqualTo(Outcome.halted(OptionalLong.of(gcc.status()), gcc.stdout(), gcc.stderr()));
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> bareClangModulesRunOnTheTransformerAsOnChicoryAndNatively() throws IOException {
    return programs("nostdlib").map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      Clang.require();
      byte[] wasm = Clang.bare(p, work);
      if (Lowering.importsWasi(wasm)) {
        checkWasi(p, wasm, false);
      } else {
        checkEnv(p, wasm);
      }
    }));
  }

  /**
   * The C compiler's feature programs (printf-heavy, every construct) as clang and wasi-libc
   * build them: their token programs run on the reference interpreter, and the short ones on the
   * transformer, as the modules do on Chicory. Programs with floating point link wasi-libc's
   * full printf (the others the smaller one without floating point); clang emits f32/f64
   * instructions for them, which the lowering turns into soft-float calls.
   */
  @TestFactory
  Stream<DynamicTest> clangBuildsOfTheCFeatureProgramsRunOnTheReferenceInterpreterAsOnChicory() throws IOException {
    Path features = Path.of("src/test/resources/c/features");
    // -Dcfeature.only=a,b: only the programs whose names start so, as CFeatureTest
    List<String> only = List.of(System.getProperty("cfeature.only", "").split(","));
    try (Stream<Path> files = Files.list(features)) {
      return files.filter(p -> p.toString().endsWith(".c"))
          .filter(p -> only.stream().anyMatch(p.getFileName().toString()::startsWith))
          .filter(p -> !CLANG_CANNOT.containsKey(p.getFileName().toString())).sorted().toList().stream()
          .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Clang.require();
            String text = Files.readString(p);
            boolean floats = text.matches("(?s).*\\b(float|double)\\b.*");
            // clang's wasm32 long double is binary128: wasi-libc prints it only with this library
            byte[] wasm = text.contains("long double") ? Clang.wasiWithLongDoublePrintf(p, work)
                : floats ? Clang.wasiWithFloatPrintf(p, work) : Clang.wasi(p, work);
            List<String> argv = argv(p);
            byte[] input = sibling(p, ".stdin");
            TokenProgram program = Lowering.lower(wasm, null, EnumSet.allOf(Opcode.class), argv);
            ChicoryWasi.Run chicory = ChicoryWasi.run(wasm, argv, input, false);
            Outcome expected = Outcome.halted(OptionalLong.of(chicory.status()), chicory.stdout(), chicory.stderr());
            Outcome reference = exitStatus(IsaRunner.run(program, new long[0], input));
            if (p.getFileName().toString().equals("float_random.c")) {
              reference = withChicorysU64ToFloat(reference, expected);
            }
            assertThat(reference).isEqualTo(expected);
            onTheTransformer(p.getFileName().toString(), wasm, argv, input, expected, false);
          }));
    }
  }

  /**
   * A WASI command: argv from the .args file (else the program's name), stdin from the .stdin
   * file; on the transformer if its run is short, or {@code always}.
   */
  private void checkWasi(Path program, byte[] wasm, boolean always) throws Exception {
    String name = program.getFileName().toString();
    List<String> argv = argv(program);
    byte[] input = sibling(program, ".stdin");

    ChicoryWasi.Run apart = ChicoryWasi.run(wasm, argv, input, false);
    if (Gcc.available()) {
      Gcc.Run gcc = Gcc.compileAndRun(program, work, NATIVE_FLAGS, argv.subList(1, argv.size()), input);
      assertThat(text(apart.stdout())).as("Chicory's stdout compared with gcc's").isEqualTo(text(gcc.stdout()));
      assertThat(text(apart.stderr())).as("Chicory's stderr compared with gcc's").isEqualTo(text(gcc.stderr()));
      assertThat(apart.status()).as("Chicory's exit status compared with gcc's").isEqualTo(gcc.status());
    }
    // stdout and stderr are two streams on every engine
    Outcome expected = Outcome.halted(OptionalLong.of(apart.status()), apart.stdout(), apart.stderr());
    assertThat(expected.output()).as("every test program prints something").isNotEmpty();

    TokenProgram full = Lowering.lower(wasm, null, EnumSet.allOf(Opcode.class), argv);
    Outcome reference = IsaRunner.run(full, new long[0], input);
    assertThat(exitStatus(reference)).as("reference interpreter").isEqualTo(expected);

    onTheTransformer(name, wasm, argv, input, expected, always);
  }

  /** A bare module exporting _start; its result is the exit status, its output putchar's bytes. */
  private void checkEnv(Path program, byte[] wasm) throws Exception {
    String name = program.getFileName().toString();
    byte[] input = sibling(program, ".stdin");
    Outcome chicory = ChicoryRunner.run(wasm, "_start", new long[0], input);
    Outcome expected = exitStatus(chicory);
    assertThat(expected.output()).as("every test program prints something").isNotEmpty();
    if (Gcc.available()) {
      Gcc.Run gcc = Gcc.compileAndRun(program, work, NATIVE_FLAGS, List.of(), input);
      assertThat(expected).as("Chicory compared with gcc")
          .isEqualTo(Outcome.halted(OptionalLong.of(gcc.status()), gcc.stdout(), gcc.stderr()));
    }
    Outcome reference = IsaRunner.run(Lowering.lower(wasm, null), new long[0], input);
    assertThat(exitStatus(reference)).as("reference interpreter").isEqualTo(expected);
    onTheTransformer(name, wasm, List.of(name), input, expected, false);
  }

  private static void onTheTransformer(String name, byte[] wasm, List<String> argv, byte[] input, Outcome expected,
      boolean always) throws Exception {
    TokenProgram program;
    try {
      program = WasmformerCompiler.lower(wasm, null, argv);
    } catch (UnsupportedWasmException e) {
      assertThat(NOT_YET).as("refused: %s", e.getMessage()).containsKey(name);
      assertThat(e.getMessage()).contains("the target lacks " + NOT_YET.get(name));
      return;
    }
    assertThat(NOT_YET).as("runs on the transformer now; remove it from NOT_YET").doesNotContainKey(name);
    long instructions = new ReferenceInterpreter(program).run(new long[0], input).instructions();
    assumeTrue(always || instructions <= SHORT_RUN || Boolean.getBoolean("wasmformer.long"),
        name + " runs " + instructions + " instructions; it runs on the transformer with -Dwasmformer.long=true");
    String programName = argv.get(0);
    var bundle = new WasmformerCompiler()
        .addWasm(programName, name, wasm, null, Lowering.importsWasi(wasm) ? argv.subList(1, argv.size()) : List.of())
        .bundle();
    RunResult r = Wasmformer.load(bundle).programs().get(0).run(RunOptions.defaults().withInput(input));
    Outcome transformer = Outcome.halted(OptionalLong.of(r.returnValue().orElse(0) & 0xFF), r.output(), r.errorOutput());
    assertThat(transformer).as("transformer, %d instructions", instructions).isEqualTo(expected);
  }

  /**
   * float_random.c's output with the last field of its conversion lines (the float nearest a
   * random u64, f32.convert_i64_u) taken from Chicory's where the two differ, after checking
   * that they differ as Chicory 1.7.5 errs: it rounds some u64 values one float up, where the
   * nearer float is below (FloatLoweringTest checks the conversion against exact arithmetic).
   * gcc is no reference here: the program's out-of-range conversions are undefined in C, and
   * clang's code for them gives other values than x86-64's.
   */
  private static Outcome withChicorysU64ToFloat(Outcome ours, Outcome chicory) {
    List<String> mine = text(ours.output()).lines().toList();
    List<String> theirs = text(chicory.output()).lines().toList();
    if (mine.size() != theirs.size()) return ours;
    StringBuilder out = new StringBuilder();
    int patched = 0;
    for (int i = 0; i < mine.size(); i++) {
      String[] a = mine.get(i).trim().split(" ");
      String[] b = theirs.get(i).trim().split(" ");
      String line = mine.get(i);
      if (a.length == 10 && b.length == 10 && !a[9].equals(b[9])) {
        assertThat(Long.parseLong(b[9], 16) - Long.parseLong(a[9], 16)).as("line %d", i + 1).isEqualTo(1);
        line = line.substring(0, line.lastIndexOf(' ') + 1) + b[9];
        patched++;
      }
      out.append(line).append('\n');
    }
    assertThat(patched).as("lines where Chicory's u64 to float is one float up").isPositive();
    return Outcome.halted(ours.value(), out.toString().getBytes(StandardCharsets.ISO_8859_1), ours.errorOutput());
  }

  /** An outcome with its result reduced to an exit status (the low byte), as a shell sees it. */
  private static Outcome exitStatus(Outcome o) {
    if (o.trap() != null) return o;
    return Outcome.halted(OptionalLong.of(o.value().orElse(0) & 0xFF), o.output(), o.errorOutput());
  }

  private static Stream<Path> programs(String dir) throws IOException {
    Path root = Path.of("src/test/resources/clang", dir);
    try (Stream<Path> files = Files.list(root)) {
      return files.filter(p -> p.toString().endsWith(".c")).sorted().toList().stream();
    }
  }

  private static List<String> argv(Path program) throws IOException {
    byte[] args = sibling(program, ".args");
    String name = program.getFileName().toString().replace(".c", "");
    return args.length == 0 ? List.of(name) : new String(args, StandardCharsets.UTF_8).lines().toList();
  }

  private static byte[] sibling(Path program, String suffix) throws IOException {
    Path p = program.resolveSibling(program.getFileName().toString().replace(".c", suffix));
    return Files.exists(p) ? Files.readAllBytes(p) : new byte[0];
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
