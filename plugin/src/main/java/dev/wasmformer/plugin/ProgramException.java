package dev.wasmformer.plugin;

/** A program source that cannot become a program; the message says why, for the build log. */
final class ProgramException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ProgramException(String message) {
    super(message);
  }
}
