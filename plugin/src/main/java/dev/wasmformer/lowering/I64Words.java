package dev.wasmformer.lowering;

import dev.wasmformer.isa.Opcode;

/**
 * The i64 instructions that have no opcode of their own, as short sequences of i32
 * operations on the words of slot pairs. In every method {@code a} is the operand's low slot
 * (its high word at {@code a + 1}), {@code r} the result's low slot, and {@code scratch} a
 * slot above the result that the sequence may overwrite. {@code r} may equal {@code a}: each
 * sequence reads an operand word before it overwrites it.
 */
final class I64Words {
  private I64Words() {}

  /** Where the instructions go. */
  interface Emitter {
    void emit(Opcode op, int x, int y, int z, int imm);
  }

  /** i64.and, i64.or, i64.xor: the i32 operation on each word. */
  static void bitwise(Emitter e, Opcode op, int a, int b, int r) {
    e.emit(op, a, b, r, 0);
    e.emit(op, a + 1, b + 1, r + 1, 0);
  }

  /** i64.clz: clz(high), or 32 + clz(low) when the high word is zero. */
  static void clz(Emitter e, int a, int r, int scratch) {
    e.emit(Opcode.CLZ, a, 0, scratch, 0);
    e.emit(Opcode.CONST, 0, 0, scratch + 1, 32);
    e.emit(Opcode.ADD, scratch, scratch + 1, scratch, 0);
    e.emit(Opcode.CLZ, a + 1, 0, scratch + 1, 0);
    e.emit(Opcode.SELECT, scratch + 1, scratch, r, a + 1);
    e.emit(Opcode.CONST, 0, 0, r + 1, 0);
  }

  /** i64.ctz: ctz(low), or 32 + ctz(high) when the low word is zero. */
  static void ctz(Emitter e, int a, int r, int scratch) {
    e.emit(Opcode.CTZ, a + 1, 0, scratch, 0);
    e.emit(Opcode.CONST, 0, 0, scratch + 1, 32);
    e.emit(Opcode.ADD, scratch, scratch + 1, scratch, 0);
    e.emit(Opcode.CTZ, a, 0, scratch + 1, 0);
    e.emit(Opcode.SELECT, scratch + 1, scratch, r, a);
    e.emit(Opcode.CONST, 0, 0, r + 1, 0);
  }

  /** i64.popcnt: the two words' counts added. */
  static void popcnt(Emitter e, int a, int r, int scratch) {
    e.emit(Opcode.POPCNT, a, 0, scratch, 0);
    e.emit(Opcode.POPCNT, a + 1, 0, scratch + 1, 0);
    e.emit(Opcode.ADD, scratch, scratch + 1, r, 0);
    e.emit(Opcode.CONST, 0, 0, r + 1, 0);
  }

  /**
   * Sign-extends the low word {@code low} (an i32, or the low word of the narrow value
   * {@code extend} has already sign-extended; NOP: none) into the pair at {@code r}.
   */
  static void signExtend(Emitter e, Opcode extend, int low, int r) {
    if (extend != Opcode.NOP) {
      e.emit(extend, low, 0, r, 0);
    } else if (low != r) {
      e.emit(Opcode.COPY, low, 0, r, 0);
    }
    fillSign(e, r);
  }

  /** The high word of pair {@code r} becomes copies of its low word's sign bit. */
  static void fillSign(Emitter e, int r) {
    // The shift count goes to the high word itself: no other slot is needed.
    e.emit(Opcode.CONST, 0, 0, r + 1, 31);
    e.emit(Opcode.SHR_S, r, r + 1, r + 1, 0);
  }

  /** Zero-extends the i32 in slot {@code low} into the pair at {@code r}. */
  static void zeroExtend(Emitter e, int low, int r) {
    if (low != r) e.emit(Opcode.COPY, low, 0, r, 0);
    e.emit(Opcode.CONST, 0, 0, r + 1, 0);
  }

  /** The immediate addressing the high word of an access at static offset {@code offset}. */
  static int highOffset(long offset) {
    // Beyond 4 GiB every access traps anyway, and the largest immediate still does.
    return (int) Math.min(offset + 4, 0xFFFF_FFFFL);
  }
}
