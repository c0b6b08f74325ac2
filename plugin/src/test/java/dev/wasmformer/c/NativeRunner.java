package dev.wasmformer.c;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Compiles a C program with the system's gcc and runs it, for differential tests. */
final class NativeRunner {
  private static final Boolean AVAILABLE = probe();

  private NativeRunner() {}

  static boolean gccAvailable() {
    return AVAILABLE;
  }

  private static boolean probe() {
    try {
      Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Compiles {@code source} with gcc into {@code workDir} and runs it. */
  static WasmRunner.Run compileAndRun(Path source, Path workDir, String stdin, List<String> args)
      throws IOException, InterruptedException {
    Path exe = workDir.resolve(source.getFileName().toString().replace(".c", ""));
    Process cc = new ProcessBuilder("gcc", "-std=gnu11", "-w", "-O0", "-o", exe.toString(), source.toString(), "-lm")
        .redirectErrorStream(true).start();
    String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!cc.waitFor(60, TimeUnit.SECONDS) || cc.exitValue() != 0) {
      throw new IllegalStateException("gcc failed on " + source + ":\n" + ccOut);
    }
    List<String> command = new ArrayList<>();
    command.add(exe.toString());
    command.addAll(args.size() > 1 ? args.subList(1, args.size()) : List.of());
    Process run = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    run.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    run.getOutputStream().close();
    byte[] out = readAll(run.getInputStream());
    if (!run.waitFor(30, TimeUnit.SECONDS)) {
      run.destroyForcibly();
      throw new IllegalStateException("native " + source + " timed out");
    }
    Files.deleteIfExists(exe);
    return new WasmRunner.Run(new String(out, StandardCharsets.ISO_8859_1), run.exitValue() & 0xFF, null);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    in.transferTo(b);
    return b.toByteArray();
  }
}
