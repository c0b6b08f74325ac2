package dev.wasmformer.lowering;

/**
 * A valid WebAssembly module uses something the lowering (or the chosen target) does not
 * support. The message names the construct and the function, e.g. "unsupported
 * instruction i64.add in function fib".
 */
public final class UnsupportedWasmException extends LoweringException {
  public UnsupportedWasmException(String message) {
    super(message);
  }
}
