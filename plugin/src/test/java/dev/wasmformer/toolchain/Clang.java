package dev.wasmformer.toolchain;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The system's clang (Debian's clang-14 with lld-14 and wasi-libc) as a test fixture: compiles C
 * to WebAssembly either bare ({@code --target=wasm32 -nostdlib}) or against wasi-libc. Tests that
 * need it are skipped when it is missing, except on CI ({@code CI=true}), where .ci/run installs
 * it and a missing toolchain is a failure.
 */
final class Clang {
  /** Where Debian's wasi-libc package puts lib/wasm32-wasi and include/wasm32-wasi. */
  static final Path SYSROOT = Path.of("/usr");

  private static final String COMPILER = probe();

  private Clang() {}

  /** Skips the calling test when clang is missing, unless on CI, where it fails. */
  static void require() {
    String reason = "clang with wasm-ld and wasi-libc is not installed (Debian: clang-14 lld-14 wasi-libc"
        + " libclang-rt-14-dev-wasm32; .ci/run installs them)";
    if ("true".equals(System.getenv("CI"))) {
      if (COMPILER == null) throw new IllegalStateException("on CI, " + reason);
      return;
    }
    assumeTrue(COMPILER != null, reason);
  }

  /** The first of clang-14 and clang that links a wasi-libc program, or null. */
  private static String probe() {
    for (String candidate : List.of("clang-14", "clang")) {
      try {
        Path dir = Files.createTempDirectory("wasmformer-clang-probe");
        Path source = Files.writeString(dir.resolve("probe.c"), "int main(void) { return 0; }\n");
        Path out = dir.resolve("probe.wasm");
        Process p = new ProcessBuilder(candidate, "--target=wasm32-wasi", "--sysroot=" + SYSROOT, "-o", out.toString(),
            source.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        boolean works = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(out);
        Files.deleteIfExists(out);
        Files.delete(source);
        Files.delete(dir);
        if (works) return candidate;
      } catch (IOException | InterruptedException e) {
        // not this one
      }
    }
    return null;
  }

  /** A bare module: no libc, imports and exports only what the source declares (export_name). */
  static byte[] bare(Path source, Path work) throws IOException, InterruptedException {
    return compile(source, work, List.of("--target=wasm32", "-nostdlib", "-O2", "-Wl,--no-entry"));
  }

  /**
   * A WASI command linked with wasi-libc; printf comes from libc-printscan-no-floating-point,
   * whose code is much smaller than the full one's (which formats floating point through
   * long double, i.e. compiler-rt's 128-bit soft-float).
   */
  static byte[] wasi(Path source, Path work) throws IOException, InterruptedException {
    return wasi(source, work, "-O2");
  }

  /** A WASI command built at optimisation level {@code level} ("-O0", "-Os", ...). */
  static byte[] wasi(Path source, Path work, String level) throws IOException, InterruptedException {
    return compile(source, work, List.of("--target=wasm32-wasi", "--sysroot=" + SYSROOT, level,
        "-lc-printscan-no-floating-point"));
  }

  /** A WASI command linked with wasi-libc's full printf, which prints floating point. */
  static byte[] wasiWithFloatPrintf(Path source, Path work) throws IOException, InterruptedException {
    return wasiWithFloatPrintf(source, work, "-O2");
  }

  /** The same at optimisation level {@code level}. */
  static byte[] wasiWithFloatPrintf(Path source, Path work, String level) throws IOException, InterruptedException {
    return compile(source, work, List.of("--target=wasm32-wasi", "--sysroot=" + SYSROOT, level));
  }

  /** A WASI command whose printf and scanf also handle long double (binary128 on wasm32). */
  static byte[] wasiWithLongDoublePrintf(Path source, Path work) throws IOException, InterruptedException {
    return compile(source, work, List.of("--target=wasm32-wasi", "--sysroot=" + SYSROOT, "-O2",
        "-lc-printscan-long-double"));
  }

  private static byte[] compile(Path source, Path work, List<String> flags) throws IOException, InterruptedException {
    Path out = work.resolve(source.getFileName().toString().replace(".c", ".wasm"));
    List<String> command = new ArrayList<>();
    command.add(COMPILER);
    command.add("-o");
    command.add(out.toString());
    command.add(source.toString());
    command.addAll(flags);
    // libraries after the source, so the no-floating-point printf wins over libc's
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + log);
    }
    return Files.readAllBytes(out);
  }
}
