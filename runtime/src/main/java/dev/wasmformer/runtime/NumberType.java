package dev.wasmformer.runtime;

/** The WebAssembly number types a program takes and returns. */
public enum NumberType {
  I32(4),
  I64(8);

  private final int bytes;

  NumberType(int bytes) {
    this.bytes = bytes;
  }

  /** Width in bytes: 4 or 8. */
  public int bytes() {
    return bytes;
  }

  /** The lower-case WebAssembly name, e.g. {@code i32}. */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
