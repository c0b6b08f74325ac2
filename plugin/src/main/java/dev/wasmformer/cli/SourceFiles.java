package dev.wasmformer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

  static byte[] read(Path file) throws IOException {
    return Files.readAllBytes(file);
  }

  /** A temporary file beside {@code target}, so the final move is atomic and nothing partial is left. */
  static Path siblingTemp(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    return Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
  }
}
