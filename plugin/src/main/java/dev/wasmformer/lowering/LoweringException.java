package dev.wasmformer.lowering;

/** A WebAssembly module could not be lowered to a token program; the message says why. */
public class LoweringException extends RuntimeException {
  public LoweringException(String message) {
    super(message);
  }

  public LoweringException(String message, Throwable cause) {
    super(message, cause);
  }
}
