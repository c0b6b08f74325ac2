package dev.wasmformer.cli;

import dev.wasmformer.c.Diagnostic;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.lowering.Lowering;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Reading program files and naming programs after them. */
final class SourceFiles {
  private SourceFiles() {}

  /** {@code dir/fib.wasm} → {@code fib}. */
  static String programName(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  static String extension(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(dot + 1).toLowerCase() : "";
  }

  /** Prints a C compilation's warnings as a C compiler does: each with its source line and caret. */
  static void printWarnings(List<Diagnostic> diagnostics, PrintWriter err) {
    for (Diagnostic d : diagnostics) {
      if (d.severity() == Diagnostic.Severity.WARNING) err.println(d.render());
    }
    err.flush();
  }

  static byte[] read(Path file) throws IOException {
    return Files.readAllBytes(file);
  }

  /** A .wasm file's bytes; a file that is no WebAssembly module at all is refused under its name. */
  static byte[] readWasm(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String notWasm = Lowering.notAModule(bytes);
    if (notWasm != null) throw new IllegalArgumentException(file + ": " + notWasm);
    return bytes;
  }

  /**
   * A compiler for a .wasm or .c file that runs once: without prefix states, as a stored state
   * would feed the prefix twice.
   */
  static WasmformerCompiler compilerForOneRun() {
    return new WasmformerCompiler().prefixStates(false);
  }

  /** A temporary file beside {@code target}, so the final move is atomic and nothing partial is left. */
  static Path siblingTemp(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    // Files.createTempFile makes a file only its owner may read (0600); the file it becomes
    // should have the permissions of any new file (0666 less the umask), as a compiler's output has.
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempFile(dir, "." + target.getFileName(), ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
    }
    return Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
  }
}
