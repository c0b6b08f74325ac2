package dev.wasmformer.isa;

/**
 * The operations of the token ISA: a register-style form of WebAssembly in which every
 * operand is a 32-bit slot at a static offset from the frame pointer.
 *
 * <p>Fields of an {@link Instruction}: {@code x} and {@code y} are source slot offsets,
 * {@code z} the destination slot offset (all relative to the frame pointer, 0..255), and
 * {@code imm} a 32-bit immediate. Slot values are 32 bits; an i64 value occupies the two
 * consecutive slots {@code s} (low word) and {@code s+1} (high word). Semantics are
 * defined once: arithmetic and memory access in {@link I32Ops}, control and I/O in
 * {@link ReferenceInterpreter}; docs/isa.md describes them for people.
 */
public enum Opcode {
  NOP,
  /** z = imm. */
  CONST,
  /** z = x. */
  COPY,
  /** z = slot[imm] (absolute slot number of a global). */
  GLOBAL_GET,
  /** slot[imm] = x. */
  GLOBAL_SET,

  // Binary i32 operations: z = x OP y.
  ADD, SUB, MUL, DIV_S, DIV_U, REM_S, REM_U, AND, OR, XOR, SHL, SHR_S, SHR_U, ROTL, ROTR,
  EQ, NE, LT_S, LT_U, GT_S, GT_U, LE_S, LE_U, GE_S, GE_U,
  // Unary i32 operations: z = OP x.
  EQZ, CLZ, CTZ, POPCNT, EXTEND8_S, EXTEND16_S,

  /** z = slot[imm &amp; 0xFF] != 0 ? x : y (the condition slot offset is the low byte of imm). */
  SELECT,

  // Loads: z = mem[x + imm] (imm is the unsigned static offset).
  LOAD32, LOAD8_S, LOAD8_U, LOAD16_S, LOAD16_U,
  // Stores: mem[x + imm] = y.
  STORE32, STORE8, STORE16,

  /** pc = imm &amp; 0xFFFF (an instruction index). */
  JUMP,
  /** if x != 0: pc = imm &amp; 0xFFFF. */
  JUMP_IF,
  /** if x == 0: pc = imm &amp; 0xFFFF. */
  JUMP_IFZ,
  /**
   * Calls the function at instruction index {@code imm & 0xFFFF}; its frame starts at
   * {@code fp + x} (so its parameters are the caller's slots x, x+1, ...). The return
   * address is {@code imm >>> 16} (always the next instruction's index).
   */
  CALL,
  /** Returns to the caller (no result). */
  RETURN,
  /** Copies slot x to slot 0 of the current frame, then returns. */
  RETURN_VALUE,

  /** Writes the low byte of x to the output; x is unchanged (env.putchar returns its argument). */
  PUTCHAR,
  /** z = next input byte (0..255), or -1 at the end of the input. */
  GETCHAR,
  /** Traps with cause "unreachable". */
  UNREACHABLE,
  /** Stops; no result. */
  HALT,
  /** Stops with slot x as the i32 result. */
  HALT_I32,

  /**
   * pc = pc + 1 + min(unsigned x, imm): a jump into the table of {@code imm + 1} JUMP
   * instructions that follows (the last one is the default). WebAssembly's br_table, and the
   * dispatch of call_indirect.
   */
  JUMP_TABLE,
  /** Traps with the cause numbered {@code imm} (see {@link Trap.Cause}'s order). */
  TRAP,
  /** z = memory size in 64 KiB pages. */
  MEMORY_SIZE,
  /**
   * Grows memory by {@code unsigned x} pages if the result stays within {@code imm} pages:
   * z = the old size in pages; else z = -1 and memory is unchanged.
   */
  MEMORY_GROW,

  /** Stops with slots x (low word) and x+1 (high word) as the i64 result. */
  HALT_I64,

  // i64 operations: x, y and z name the low slot of a slot pair (the high word is +1).
  // Binary, z = x OP y (a pair):
  ADD64, SUB64, MUL64, DIV64_S, DIV64_U, REM64_S, REM64_U, SHL64, SHR64_S, SHR64_U, ROTL64, ROTR64,
  // Comparisons, z = x OP y (one i32 slot, 0 or 1):
  EQ64, NE64, LT64_S, LT64_U, GT64_S, GT64_U, LE64_S, LE64_U, GE64_S, GE64_U,
  /** z (one i32 slot) = (pair x == 0). */
  EQZ64,

  /**
   * Writes the low byte of x to the error output (stderr); x is unchanged, as PUTCHAR. Last,
   * so that the opcodes before it keep their ordinals (and their tokens their ids).
   */
  PUTCHAR_ERR,

  // Immediate forms of binary i32 operations: z = x OP imm (imm is the right operand; the
  // instruction reads no slot y). Last, so that the opcodes before them keep their ordinals.
  ADD_IMM, MUL_IMM, AND_IMM, OR_IMM, XOR_IMM, SHL_IMM, SHR_S_IMM, SHR_U_IMM, ROTL_IMM, ROTR_IMM,
  EQ_IMM, NE_IMM, LT_S_IMM, LT_U_IMM, GT_S_IMM, GT_U_IMM, LE_S_IMM, LE_U_IMM, GE_S_IMM, GE_U_IMM;

  /** Whether this is an immediate form, z = x OP imm (ADD_IMM .. GE_U_IMM). */
  public boolean isImmediate() {
    return compareTo(ADD_IMM) >= 0;
  }

  /**
   * The binary operation an immediate form computes (ADD for ADD_IMM); any other opcode is
   * its own.
   */
  public Opcode register() {
    return isImmediate() ? valueOf(name().substring(0, name().length() - "_IMM".length())) : this;
  }

  /** The immediate form of binary operation {@code op}, or null if it has none. */
  public static Opcode immediate(Opcode op) {
    if (!op.isBinary()) return null;
    try {
      return valueOf(op.name() + "_IMM");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether this is a binary i32 operation, z = x OP y (ADD .. GE_U). */
  public boolean isBinary() {
    return compareTo(ADD) >= 0 && compareTo(GE_U) <= 0;
  }

  /** Whether this is a unary i32 operation, z = OP x (EQZ .. EXTEND16_S). */
  public boolean isUnary() {
    return compareTo(EQZ) >= 0 && compareTo(EXTEND16_S) <= 0;
  }

  /** Whether this is a load, z = mem[x + imm]. */
  public boolean isLoad() {
    return compareTo(LOAD32) >= 0 && compareTo(LOAD16_U) <= 0;
  }

  /** Whether this is a store, mem[x + imm] = y. */
  public boolean isStore() {
    return compareTo(STORE32) >= 0 && compareTo(STORE16) <= 0;
  }

  /** Whether this is an i64 operation on slot pairs (ADD64 .. EQZ64). */
  public boolean isI64() {
    return compareTo(ADD64) >= 0 && compareTo(EQZ64) <= 0;
  }

  /** Whether imm holds an instruction index (JUMP, JUMP_IF, JUMP_IFZ, CALL). */
  public boolean hasTarget() {
    return this == JUMP || this == JUMP_IF || this == JUMP_IFZ || this == CALL;
  }
}
