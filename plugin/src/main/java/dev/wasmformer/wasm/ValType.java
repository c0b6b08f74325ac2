package dev.wasmformer.wasm;

/** A WebAssembly value type with its binary encoding. */
public enum ValType {
  I32(0x7F),
  I64(0x7E),
  F32(0x7D),
  F64(0x7C);

  private final int code;

  ValType(int code) {
    this.code = code;
  }

  /** The byte that encodes this type in a module. */
  public int code() {
    return code;
  }
}
