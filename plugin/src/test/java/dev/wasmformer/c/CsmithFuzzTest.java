package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential fuzzing against gcc with random programs from csmith (Debian packages
 * {@code csmith} and {@code libcsmith-dev}), bit-fields and packed structs ({@code #pragma
 * pack(1)}) included, floating point only on request. Off by default because it is slow: run with
 * {@code -Dwasmformer.csmith=N} (N seeds, from {@code -Dwasmformer.csmith.first}, default 1).
 */
class CsmithFuzzTest {
  private static final Path RUNTIME = Path.of("/usr/include/csmith");
  /** {@code -Dwasmformer.csmith.float=true}: programs with float and double too (our soft-float against gcc's). */
  private static final boolean FLOAT = Boolean.getBoolean("wasmformer.csmith.float");
  /**
   * {@code -Dwasmformer.csmith.options="--max-funcs 12 --volatiles"}: more csmith options, after
   * the test's own (a later option wins), for campaigns over other kinds of programs.
   */
  private static final List<String> OPTIONS = List.of(System.getProperty("wasmformer.csmith.options", "").split(" +"))
      .stream().filter(o -> !o.isEmpty()).toList();

  /**
   * gcc's flags for wasm32's data model (ILP32: 32-bit long and pointers; long long and double
   * 8-byte aligned in structs too, where i386 aligns them to 4) with IEEE float arithmetic (SSE,
   * not x87), when gcc-multilib is installed; otherwise none, and a program whose result
   * depends on the size of long (csmith writes constants like 0xAC70C309L) may differ from the
   * native LP64 build for that reason alone. The alignment matters to csmith's unions: one that
   * overlays a uint64_t with a struct {int32_t; int64_t; ...} reads the int64_t's bytes at
   * offset 8 on wasm32, at offset 4 on i386 without -malign-double.
   */
  private static final List<String> ILP32 = probeIlp32();

  /** How long our run in Chicory may take before the seed is skipped. */
  private static final int CHICORY_SECONDS = 60;

  @TempDir
  Path work;

  private static List<String> probeIlp32() {
    List<String> flags = List.of("-m32", "-malign-double", "-msse2", "-mfpmath=sse");
    try {
      Path dir = Files.createTempDirectory("m32");
      Path c = Files.writeString(dir.resolve("m.c"), "#include <stddef.h>\n"
          + "struct s { int a; long long b; };\n"
          + "int main(void) { return sizeof(long) * 16 + offsetof(struct s, b); }\n");
      List<String> command = new ArrayList<>(List.of("gcc"));
      command.addAll(flags);
      command.addAll(List.of("-o", dir.resolve("m").toString(), c.toString()));
      if (!run(command, 60, dir).get(0).equals("0")) return List.of();
      return run(List.of(dir.resolve("m").toString()), 10, dir).get(0).equals("72") ? flags : List.of();
    } catch (IOException | InterruptedException e) {
      return List.of();
    }
  }

  @TestFactory
  Stream<DynamicTest> randomProgramsBehaveAsCompiledByGcc() {
    int count = Integer.getInteger("wasmformer.csmith", 0);
    int first = Integer.getInteger("wasmformer.csmith.first", 1);
    assumeTrue(count > 0, "csmith fuzzing is off; enable it with -Dwasmformer.csmith=N");
    assumeTrue(Files.isDirectory(RUNTIME) && NativeRunner.gccAvailable(), "csmith, libcsmith-dev and gcc are needed");
    return IntStream.range(first, first + count)
        .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
  }

  private void check(int seed) throws Exception {
    Path source = work.resolve("fuzz" + seed + ".c");
    List<String> csmith = new ArrayList<>(List.of("csmith", "--bitfields", "--packed-struct",
        FLOAT ? "--float" : "--no-float", "--no-argc", "--no-volatiles", "--max-funcs", "6"));
    csmith.addAll(OPTIONS);
    csmith.addAll(List.of("--seed", Integer.toString(seed), "-o", source.toString()));
    assumeTrue(run(csmith, 60, work).get(0).equals("0"), "csmith did not generate the program within 60 s");
    String text = Files.readString(source, StandardCharsets.UTF_8);
    writeRuntime();

    Path exe = work.resolve("fuzz" + seed);
    List<String> gcc = new ArrayList<>(List.of("gcc", "-w", "-O0"));
    gcc.addAll(ILP32);
    gcc.addAll(List.of("-o", exe.toString(), source.toString(), "-lm"));
    run(gcc, 120, work);
    List<String> nativeRun = run(List.of("timeout", "10", exe.toString()), 30, work);
    assumeTrue(nativeRun.get(0).equals("0"), "the native run did not finish in time");

    // 4 MiB: csmith's larger programs (more functions, struct fields) have over 1 MiB of globals
    CompileResult r = new CCompiler().compile(new SourceFile(source.toString(), text),
        CompileOptions.defaults().withMemoryPages(64));
    assertThat(r.success()).as("seed %d:%n%s", seed, r.render()).isTrue();
    WasmRunner.Run ours = runInChicory(r);
    assertThat(ours.trap()).as("seed %d trapped", seed).isNull();
    assertThat(ours.stdout()).as("seed %d output", seed).isEqualTo(nativeRun.get(1));
  }

  /**
   * Runs the program in Chicory, or skips the seed when that takes over {@link #CHICORY_SECONDS}:
   * a program that runs 3 s natively at -O0 (seed 262) runs for many minutes in Chicory's
   * interpreter, which stops when its thread is interrupted.
   */
  private static WasmRunner.Run runInChicory(CompileResult r) throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<WasmRunner.Run> run = thread.submit(() -> WasmRunner.run(r.wasm(), r.module(), "", List.of("fuzz")));
      try {
        return run.get(CHICORY_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        run.cancel(true);
        assumeTrue(false, "the run in Chicory took over " + CHICORY_SECONDS + " s");
        throw e;
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    } finally {
      thread.shutdownNow();
    }
  }

  /**
   * Our own small csmith runtime next to the program: csmith's integer safe-math functions
   * (its floating-point ones cut off) and a checksum of our own; both compilers use it.
   */
  private void writeRuntime() throws IOException {
    String math = Files.readString(RUNTIME.resolve("safe_math.h"), StandardCharsets.ISO_8859_1);
    if (FLOAT) {
      Files.writeString(work.resolve("safe_math_int.h"), "#include <math.h>\n#include <float.h>\n" + math);
    } else {
      int cut = math.indexOf("STATIC float");
      cut = math.lastIndexOf("#ifdef __STDC__", cut);
      Files.writeString(work.resolve("safe_math_int.h"), math.substring(0, cut) + "\n#endif\n");
    }
    Files.writeString(work.resolve("csmith.h"), """
        #include <limits.h>
        #include <stdint.h>
        #include <stdio.h>
        #include <string.h>
        #define STATIC static
        #define UNDEFINED(v) (v)
        #define LOG_INDEX
        #define LOG_EXEC
        #define FUNC_NAME(x) (safe_##x)
        #include "safe_math_int.h"
        #undef FUNC_NAME
        static uint32_t crc32_context = 0xFFFFFFFFu;
        static void platform_main_begin(void) {}
        static void crc32_gentab(void) {}
        static void transparent_crc(uint64_t val, char *vname, int flag) {
          for (int i = 0; i < 8; i++) {
            crc32_context = (crc32_context ^ (uint32_t)(val & 0xFF)) * 16777619u;
            val >>= 8;
          }
          if (flag) printf("...checksum after hashing %s : %X\\n", vname, crc32_context ^ 0xFFFFFFFFu);
        }
        static void transparent_crc_bytes(char *ptr, int nbytes, char *vname, int flag) {
          for (int i = 0; i < nbytes; i++) crc32_context = (crc32_context ^ (uint8_t)ptr[i]) * 16777619u;
          if (flag) printf("...checksum after hashing %s : %X\\n", vname, crc32_context ^ 0xFFFFFFFFu);
        }
        static void platform_main_end(uint32_t crc, int flag) { printf("checksum = %X\\n", crc); }
        """);
  }

  /**
   * Runs a command; returns its exit status ("timeout" if it ran longer than {@code seconds},
   * and was killed) and stdout. Stdout goes to a file, so that waiting is what times out: some
   * csmith seeds never finish generating (seed 5063 with the options of docs/c-compiler.md).
   */
  private static List<String> run(List<String> command, int seconds, Path dir)
      throws IOException, InterruptedException {
    // csmith leaves a platform.info file in its working directory.
    Path stdout = Files.createTempFile(dir, "stdout", ".txt");
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectOutput(stdout.toFile()).start();
    p.getOutputStream().close();
    boolean finished = p.waitFor(seconds, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly();
      p.waitFor();
    }
    List<String> result = new ArrayList<>();
    result.add(finished ? Integer.toString(p.exitValue()) : "timeout");
    result.add(Files.readString(stdout, StandardCharsets.ISO_8859_1));
    Files.delete(stdout);
    return result;
  }
}
