package dev.wasmformer.lowering;

/**
 * The bytes are not a valid, instantiable WebAssembly module. The message carries the
 * decoder's (Chicory's) reason.
 */
public final class MalformedWasmException extends LoweringException {
  public MalformedWasmException(String message, Throwable cause) {
    super(message, cause);
  }

  public MalformedWasmException(String message) {
    super(message);
  }
}
