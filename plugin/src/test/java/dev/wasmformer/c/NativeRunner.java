package dev.wasmformer.c;

import dev.wasmformer.testing.Gcc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** gcc's build of a C feature program (at -O0), in the shape of a WebAssembly run, for comparison. */
final class NativeRunner {
  private NativeRunner() {}

  static boolean gccAvailable() {
    return Gcc.available();
  }

  /** Compiles {@code source} with gcc into {@code workDir} and runs it with argv {@code args}. */
  static WasmRunner.Run compileAndRun(Path source, Path workDir, String stdin, List<String> args)
      throws IOException, InterruptedException {
    Gcc.Run run = Gcc.compileAndRun(source, workDir, List.of("-std=gnu11", "-w", "-O0"),
        args.size() > 1 ? args.subList(1, args.size()) : List.of(), stdin.getBytes(StandardCharsets.UTF_8));
    return new WasmRunner.Run(new String(run.stdout(), StandardCharsets.ISO_8859_1), run.status(), null,
        new String(run.stderr(), StandardCharsets.ISO_8859_1));
  }
}
