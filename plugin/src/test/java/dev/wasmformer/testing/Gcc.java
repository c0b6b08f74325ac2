package dev.wasmformer.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A C program built by the system's gcc and run natively: the reference of the differential tests. */
public final class Gcc {
  /** One native run: what it wrote to each stream, and its exit status (0..255). */
  public record Run(byte[] stdout, byte[] stderr, int status) {}

  private static final boolean AVAILABLE = probe();

  private Gcc() {}

  /** Whether {@code gcc --version} answers on this machine. */
  public static boolean available() {
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

  /**
   * Compiles {@code source} with gcc and {@code flags} (linked with libm) into {@code work},
   * runs it with {@code args} after argv[0] and {@code stdin} as its input, and deletes it.
   */
  public static Run compileAndRun(Path source, Path work, List<String> flags, List<String> args, byte[] stdin)
      throws IOException, InterruptedException {
    Path exe = Files.createTempFile(work, source.getFileName().toString().replace(".c", ""), ".native");
    List<String> cc = new ArrayList<>(List.of("gcc"));
    cc.addAll(flags);
    cc.addAll(List.of("-o", exe.toString(), source.toString(), "-lm"));
    Process build = new ProcessBuilder(cc).redirectErrorStream(true).start();
    String log = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!build.waitFor(60, TimeUnit.SECONDS) || build.exitValue() != 0) {
      throw new IllegalStateException("gcc failed on " + source + ":\n" + log);
    }
    List<String> command = new ArrayList<>();
    command.add(exe.toString());
    command.addAll(args);
    Process run = new ProcessBuilder(command).start();
    // both streams drained while the input is written, so no pipe can fill up and stall the run
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(run.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(run.getErrorStream()));
    run.getOutputStream().write(stdin);
    run.getOutputStream().close();
    if (!run.waitFor(30, TimeUnit.SECONDS)) {
      run.destroyForcibly();
      throw new IllegalStateException("the native " + source.getFileName() + " did not finish in 30 s");
    }
    Files.deleteIfExists(exe);
    return new Run(out.join(), err.join(), run.exitValue() & 0xFF);
  }

  private static byte[] readAll(InputStream in) {
    try {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
