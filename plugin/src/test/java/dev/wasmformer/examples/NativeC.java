package dev.wasmformer.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Compiles a C program with the system's gcc and runs it as a native process. */
final class NativeC {
  /** What a native run produced: stdout as bytes and the exit status. */
  record Run(byte[] stdout, int status) {}

  private static final boolean AVAILABLE = probe();

  private NativeC() {}

  static boolean gccAvailable() {
    return AVAILABLE;
  }

  private static boolean probe() {
    try {
      Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Compiles {@code source} into {@code workDir} and runs it with {@code stdin} as its input. */
  static Run compileAndRun(Path source, Path workDir, byte[] stdin) throws IOException, InterruptedException {
    Path exe = Files.createTempFile(workDir, source.getFileName().toString().replace(".c", ""), ".exe");
    Process cc = new ProcessBuilder("gcc", "-std=c11", "-O2", "-o", exe.toString(), source.toString())
        .redirectErrorStream(true).start();
    String ccOutput = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!cc.waitFor(60, TimeUnit.SECONDS) || cc.exitValue() != 0) {
      throw new IllegalStateException("gcc failed on " + source + ":\n" + ccOutput);
    }
    Process run = new ProcessBuilder(exe.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    // The demos write far less than a pipe holds, so giving them all their input first cannot deadlock.
    run.getOutputStream().write(stdin);
    run.getOutputStream().close();
    byte[] out = run.getInputStream().readAllBytes();
    if (!run.waitFor(30, TimeUnit.SECONDS)) {
      run.destroyForcibly();
      throw new IllegalStateException("the native " + source.getFileName() + " did not finish in 30 s");
    }
    return new Run(out, run.exitValue());
  }
}
