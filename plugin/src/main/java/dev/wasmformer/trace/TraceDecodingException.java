package dev.wasmformer.trace;

/** The trace does not follow the token layout of the instructions it claims to execute. */
public final class TraceDecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TraceDecodingException(String message) {
    super(message);
  }
}
