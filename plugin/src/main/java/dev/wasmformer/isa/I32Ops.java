package dev.wasmformer.isa;

/**
 * The meaning of every i32 operation of the token ISA, exactly as WebAssembly defines it.
 * This is the single definition: the reference interpreter, the lowering's tests and the
 * interpreter graph's tests all call these methods. Shift and rotate counts are taken
 * modulo 32; comparisons yield 1 or 0.
 */
public final class I32Ops {
  private I32Ops() {}

  /** {@code a OP b} for a binary operation (ADD .. GE_U). */
  public static int binary(Opcode op, int a, int b) {
    return switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV_S -> divS(a, b);
      case DIV_U -> divU(a, b);
      case REM_S -> remS(a, b);
      case REM_U -> remU(a, b);
      case AND -> a & b;
      case OR -> a | b;
      case XOR -> a ^ b;
      // Java's int shifts already use only the low 5 bits of the count.
      case SHL -> a << b;
      case SHR_S -> a >> b;
      case SHR_U -> a >>> b;
      case ROTL -> Integer.rotateLeft(a, b);
      case ROTR -> Integer.rotateRight(a, b);
      case EQ -> bool(a == b);
      case NE -> bool(a != b);
      case LT_S -> bool(a < b);
      case LT_U -> bool(Integer.compareUnsigned(a, b) < 0);
      case GT_S -> bool(a > b);
      case GT_U -> bool(Integer.compareUnsigned(a, b) > 0);
      case LE_S -> bool(a <= b);
      case LE_U -> bool(Integer.compareUnsigned(a, b) <= 0);
      case GE_S -> bool(a >= b);
      case GE_U -> bool(Integer.compareUnsigned(a, b) >= 0);
      default -> throw new IllegalArgumentException(op + " is not a binary i32 operation");
    };
  }

  /** {@code OP a} for a unary operation (EQZ .. EXTEND16_S). */
  public static int unary(Opcode op, int a) {
    return switch (op) {
      case EQZ -> bool(a == 0);
      case CLZ -> Integer.numberOfLeadingZeros(a);
      case CTZ -> Integer.numberOfTrailingZeros(a);
      case POPCNT -> Integer.bitCount(a);
      case EXTEND8_S -> (byte) a;
      case EXTEND16_S -> (short) a;
      default -> throw new IllegalArgumentException(op + " is not a unary i32 operation");
    };
  }

  /** Signed division truncating toward zero; traps on a zero divisor and on MIN / -1. */
  public static int divS(int a, int b) {
    if (b == 0) throw new Trap(Trap.Cause.INTEGER_DIVIDE_BY_ZERO);
    if (a == Integer.MIN_VALUE && b == -1) throw new Trap(Trap.Cause.INTEGER_OVERFLOW);
    return a / b;
  }

  public static int divU(int a, int b) {
    if (b == 0) throw new Trap(Trap.Cause.INTEGER_DIVIDE_BY_ZERO);
    return Integer.divideUnsigned(a, b);
  }

  /** Signed remainder with the dividend's sign; MIN rem -1 is 0, not a trap. */
  public static int remS(int a, int b) {
    if (b == 0) throw new Trap(Trap.Cause.INTEGER_DIVIDE_BY_ZERO);
    return b == -1 ? 0 : a % b;
  }

  public static int remU(int a, int b) {
    if (b == 0) throw new Trap(Trap.Cause.INTEGER_DIVIDE_BY_ZERO);
    return Integer.remainderUnsigned(a, b);
  }

  /** Bytes a load or store moves (LOAD32/STORE32: 4, LOAD16_*: 2, ...). */
  public static int accessWidth(Opcode op) {
    return switch (op) {
      case LOAD32, STORE32 -> 4;
      case LOAD16_S, LOAD16_U, STORE16 -> 2;
      case LOAD8_S, LOAD8_U, STORE8 -> 1;
      default -> throw new IllegalArgumentException(op + " does not access memory");
    };
  }

  /**
   * Reads with a load opcode from {@code memory} at byte {@code address} (little-endian,
   * narrow loads extended by sign or zero as the opcode says). The caller checks bounds.
   */
  public static int load(Opcode op, byte[] memory, int address) {
    int b0 = memory[address] & 0xFF;
    return switch (op) {
      case LOAD8_U -> b0;
      case LOAD8_S -> (byte) b0;
      case LOAD16_U -> b0 | (memory[address + 1] & 0xFF) << 8;
      case LOAD16_S -> (short) (b0 | (memory[address + 1] & 0xFF) << 8);
      case LOAD32 -> b0
          | (memory[address + 1] & 0xFF) << 8
          | (memory[address + 2] & 0xFF) << 16
          | (memory[address + 3] & 0xFF) << 24;
      default -> throw new IllegalArgumentException(op + " is not a load");
    };
  }

  /** Writes the low {@link #accessWidth} bytes of {@code value}, little-endian. */
  public static void store(Opcode op, byte[] memory, int address, int value) {
    int width = accessWidth(op);
    if (!op.isStore()) throw new IllegalArgumentException(op + " is not a store");
    for (int i = 0; i < width; i++) {
      memory[address + i] = (byte) (value >>> (8 * i));
    }
  }

  private static int bool(boolean b) {
    return b ? 1 : 0;
  }
}
