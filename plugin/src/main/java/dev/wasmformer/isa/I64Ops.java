package dev.wasmformer.isa;

/**
 * The meaning of every i64 operation of the token ISA (ADD64 .. EQZ64), exactly as
 * WebAssembly defines i64 arithmetic. This is the single definition, shared like
 * {@link I32Ops}. An i64 value lives in a slot pair: the low word in slot s, the high word in
 * s+1; {@link #pair} and {@link #low}/{@link #high} convert. Shift and rotate counts are
 * taken modulo 64 (only the count's low word matters); comparisons yield 1 or 0.
 */
public final class I64Ops {
  private I64Ops() {}

  /** The i64 value of a slot pair. */
  public static long pair(int low, int high) {
    return (long) high << 32 | Integer.toUnsignedLong(low);
  }

  /** The word a pair keeps in its low slot. */
  public static int low(long value) {
    return (int) value;
  }

  /** The word a pair keeps in its high slot. */
  public static int high(long value) {
    return (int) (value >>> 32);
  }

  /** Whether {@code op} is a binary i64 operation whose result is a pair (ADD64 .. ROTR64). */
  public static boolean isBinary(Opcode op) {
    return op.compareTo(Opcode.ADD64) >= 0 && op.compareTo(Opcode.ROTR64) <= 0;
  }

  /** Whether {@code op} compares two pairs into one i32 slot (EQ64 .. GE64_U). */
  public static boolean isComparison(Opcode op) {
    return op.compareTo(Opcode.EQ64) >= 0 && op.compareTo(Opcode.GE64_U) <= 0;
  }

  /** {@code a OP b} for a binary i64 operation (ADD64 .. ROTR64). */
  public static long binary(Opcode op, long a, long b) {
    return switch (op) {
      case ADD64 -> a + b;
      case SUB64 -> a - b;
      case MUL64 -> a * b;
      case DIV64_S -> divS(a, b);
      case DIV64_U -> divU(a, b);
      case REM64_S -> remS(a, b);
      case REM64_U -> remU(a, b);
      // Java's long shifts already use only the low 6 bits of the count.
      case SHL64 -> a << b;
      case SHR64_S -> a >> b;
      case SHR64_U -> a >>> b;
      case ROTL64 -> Long.rotateLeft(a, (int) b);
      case ROTR64 -> Long.rotateRight(a, (int) b);
      default -> throw new IllegalArgumentException(op + " is not a binary i64 operation");
    };
  }

  /** {@code a OP b} for an i64 comparison (EQ64 .. GE64_U): 1 if it holds, else 0. */
  public static int compare(Opcode op, long a, long b) {
    return switch (op) {
      case EQ64 -> bool(a == b);
      case NE64 -> bool(a != b);
      case LT64_S -> bool(a < b);
      case LT64_U -> bool(Long.compareUnsigned(a, b) < 0);
      case GT64_S -> bool(a > b);
      case GT64_U -> bool(Long.compareUnsigned(a, b) > 0);
      case LE64_S -> bool(a <= b);
      case LE64_U -> bool(Long.compareUnsigned(a, b) <= 0);
      case GE64_S -> bool(a >= b);
      case GE64_U -> bool(Long.compareUnsigned(a, b) >= 0);
      default -> throw new IllegalArgumentException(op + " is not an i64 comparison");
    };
  }

  /** EQZ64: 1 if {@code a} is zero, else 0. */
  public static int eqz(long a) {
    return bool(a == 0);
  }

  /** Signed division truncating toward zero; traps on a zero divisor and on MIN / -1. */
  public static long divS(long a, long b) {
    if (b == 0) throw new Trap(Trap.Cause.INTEGER_DIVIDE_BY_ZERO);
    if (a == Long.MIN_VALUE && b == -1) throw new Trap(Trap.Cause.INTEGER_OVERFLOW);
    return a / b;
  }

  public static long divU(long a, long b) {
    if (b == 0) throw new Trap(Trap.Cause.INTEGER_DIVIDE_BY_ZERO);
    return Long.divideUnsigned(a, b);
  }

  /** Signed remainder with the dividend's sign; MIN rem -1 is 0, not a trap. */
  public static long remS(long a, long b) {
    if (b == 0) throw new Trap(Trap.Cause.INTEGER_DIVIDE_BY_ZERO);
    return b == -1 ? 0 : a % b;
  }

  public static long remU(long a, long b) {
    if (b == 0) throw new Trap(Trap.Cause.INTEGER_DIVIDE_BY_ZERO);
    return Long.remainderUnsigned(a, b);
  }

  private static int bool(boolean b) {
    return b ? 1 : 0;
  }
}
