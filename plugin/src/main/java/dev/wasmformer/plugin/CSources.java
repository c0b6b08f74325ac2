package dev.wasmformer.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * The goals' one door to the C compiler: a C program (with the shared library sources)
 * in, a WebAssembly module or its diagnostics out.
 */
final class CSources {
  /**
   * A compilation's outcome.
   *
   * @param wasm the module, or null when there are errors
   * @param diagnostics every error, each rendered as {@code file:line:col: error: message}
   *     followed by the source line and a caret
   */
  record Result(byte[] wasm, List<String> diagnostics) {}

  private CSources() {}

  /**
   * Compiles {@code program} together with {@code librarySources}; {@code sourceRoot} is
   * where {@code #include "..."} looks, {@code basedir} what file names in diagnostics are
   * relative to.
   */
  static Result compile(Path program, List<Path> librarySources, Path sourceRoot, Path basedir) {
    String name = ProgramCompiler.display(basedir, program);
    return new Result(null, List.of(name + ": error: this version of wasmformer cannot compile C yet"
        + " (its C compiler is not in this build); compile the program to WebAssembly (for example"
        + " with clang --target=wasm32 -nostdlib -Wl,--no-entry) and put the .wasm file under"
        + " src/main/wasm"));
  }
}
