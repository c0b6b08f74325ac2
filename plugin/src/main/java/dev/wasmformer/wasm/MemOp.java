package dev.wasmformer.wasm;

/** WebAssembly load and store instructions, with their opcodes and natural alignment. */
public enum MemOp {
  I32_LOAD(0x28, 2), I64_LOAD(0x29, 3),
  I32_LOAD8_S(0x2C, 0), I32_LOAD8_U(0x2D, 0), I32_LOAD16_S(0x2E, 1), I32_LOAD16_U(0x2F, 1),
  I64_LOAD8_S(0x30, 0), I64_LOAD8_U(0x31, 0), I64_LOAD16_S(0x32, 1), I64_LOAD16_U(0x33, 1),
  I64_LOAD32_S(0x34, 2), I64_LOAD32_U(0x35, 2),
  I32_STORE(0x36, 2), I64_STORE(0x37, 3),
  I32_STORE8(0x3A, 0), I32_STORE16(0x3B, 1),
  I64_STORE8(0x3C, 0), I64_STORE16(0x3D, 1), I64_STORE32(0x3E, 2);

  private final int code;
  private final int naturalAlignLog2;

  MemOp(int code, int naturalAlignLog2) {
    this.code = code;
    this.naturalAlignLog2 = naturalAlignLog2;
  }

  public int code() {
    return code;
  }

  /** log2 of the access width: the largest alignment hint the format allows. */
  public int naturalAlignLog2() {
    return naturalAlignLog2;
  }
}
