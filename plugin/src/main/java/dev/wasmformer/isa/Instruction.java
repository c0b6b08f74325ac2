package dev.wasmformer.isa;

/**
 * One token-ISA instruction. {@code x}, {@code y}, {@code z} are frame-relative slot
 * offsets in 0..255; {@code imm} is a 32-bit immediate. See {@link Opcode} for the
 * meaning of each field per operation.
 */
public record Instruction(Opcode op, int x, int y, int z, int imm) {
  public Instruction {
    if (op == null) throw new IllegalArgumentException("op is null");
    checkSlot("x", x);
    checkSlot("y", y);
    checkSlot("z", z);
  }

  private static void checkSlot(String name, int value) {
    if (value < 0 || value > MAX_SLOT_OFFSET) {
      throw new IllegalArgumentException(name + " slot offset out of range 0.." + MAX_SLOT_OFFSET + ": " + value);
    }
  }

  /** Largest frame-relative slot offset an instruction can name. */
  public static final int MAX_SLOT_OFFSET = 255;

  public static Instruction of(Opcode op) {
    return new Instruction(op, 0, 0, 0, 0);
  }

  @Override
  public String toString() {
    return op + " x=" + x + " y=" + y + " z=" + z + " imm=" + imm;
  }
}
