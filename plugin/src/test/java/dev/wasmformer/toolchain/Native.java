package dev.wasmformer.toolchain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** gcc's build of a test program, run natively: the reference for stdout, stderr and the exit status. */
final class Native {
  /** One native run: what it wrote to each stream, and its exit status. */
  record Run(byte[] stdout, byte[] stderr, int status) {}

  private Native() {}

  static boolean gccAvailable() {
    try {
      Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Compiles {@code source} with gcc and runs it with {@code argv} (argv[0] is the program's own). */
  static Run run(Path source, Path work, List<String> argv, byte[] stdin) throws IOException, InterruptedException {
    Path exe = work.resolve(source.getFileName().toString().replace(".c", ".native"));
    Process cc = new ProcessBuilder("gcc", "-std=gnu11", "-w", "-O1", "-o", exe.toString(), source.toString())
        .redirectErrorStream(true).start();
    String log = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!cc.waitFor(60, TimeUnit.SECONDS) || cc.exitValue() != 0) {
      throw new IllegalStateException("gcc failed on " + source + ":\n" + log);
    }
    List<String> command = new ArrayList<>();
    command.add(exe.toString());
    command.addAll(argv.subList(1, argv.size()));
    Process run = new ProcessBuilder(command).start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(run.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(run.getErrorStream()));
    run.getOutputStream().write(stdin);
    run.getOutputStream().close();
    if (!run.waitFor(30, TimeUnit.SECONDS)) {
      run.destroyForcibly();
      throw new IllegalStateException("native " + source + " timed out");
    }
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
