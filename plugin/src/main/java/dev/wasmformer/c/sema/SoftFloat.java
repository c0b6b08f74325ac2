package dev.wasmformer.c.sema;

import dev.wasmformer.c.ast.Builtins;
import dev.wasmformer.c.ast.Expr;
import dev.wasmformer.c.ast.Expr.Binary;
import dev.wasmformer.c.ast.Expr.BinaryOp;
import dev.wasmformer.c.ast.Expr.Call;
import dev.wasmformer.c.ast.Expr.IntConst;
import dev.wasmformer.c.ast.Expr.VarRef;
import dev.wasmformer.c.ast.Symbol;
import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.type.FloatType;
import dev.wasmformer.c.type.FunctionType;
import dev.wasmformer.c.type.IntType;
import dev.wasmformer.c.type.Type;
import java.util.List;

/**
 * Turns floating-point operations into integer code: a float value is carried as its binary32
 * bit pattern (an i32), a double or a long double as its binary64 one (an i64), and every
 * operation on them becomes a call of a soft-float routine of the libc ({@code softfloat.c},
 * integer-only C) or a few integer operations on the bits (negation, the test against zero).
 * Operations on constants are folded here with Java's float and double arithmetic, which is
 * IEEE 754 with round-to-nearest-even, like the routines. A floating constant is an
 * {@link IntConst} of floating type whose value is the bit pattern.
 */
final class SoftFloat {
  /** The routines' comparison result: one bit per relation. */
  static final int LESS = 1, EQUAL = 2, GREATER = 4, UNORDERED = 8;

  private final Sema sema;

  SoftFloat(Sema sema) {
    this.sema = sema;
  }

  static boolean isConstant(Expr e) {
    return e instanceof IntConst c && c.type() instanceof FloatType;
  }

  static double valueOf(IntConst c) {
    return c.type() == FloatType.FLOAT ? Float.intBitsToFloat((int) c.value()) : Double.longBitsToDouble(c.value());
  }

  static IntConst constant(SourcePos pos, Type t, long bits) {
    return new IntConst(pos, t, t == FloatType.FLOAT ? bits & 0xFFFF_FFFFL : bits);
  }

  static IntConst floatConstant(SourcePos pos, float f) {
    return constant(pos, FloatType.FLOAT, Float.floatToRawIntBits(f));
  }

  static IntConst doubleConstant(SourcePos pos, double d) {
    return constant(pos, FloatType.DOUBLE, Double.doubleToRawLongBits(d));
  }

  private static IntType bitsType(Type t) {
    return t == FloatType.FLOAT ? IntType.UINT : IntType.ULLONG;
  }

  private static String prefix(Type t) {
    return t == FloatType.FLOAT ? "__wf_f" : "__wf_d";
  }

  /** The bit pattern of a float or double value, as an unsigned int or unsigned long long. */
  static Expr bits(Expr e) {
    IntType bt = bitsType(e.type());
    if (e instanceof IntConst c) return new IntConst(e.pos(), bt, c.value());
    if (e instanceof Expr.Builtin b && b.name().startsWith("__wasmformer_bits_")) return b.args().get(0);
    String name = e.type() == FloatType.FLOAT ? Builtins.F32_BITS : Builtins.F64_BITS;
    return new Expr.Builtin(e.pos(), bt, name, List.of(e));
  }

  /** The float or double whose bit pattern an unsigned int or unsigned long long holds. */
  static Expr fromBits(Expr e, Type t) {
    if (e instanceof IntConst c) return constant(e.pos(), t, c.value());
    if (e instanceof Expr.Builtin b && b.name().startsWith("__wasmformer_f") && b.args().get(0).type() == t) {
      return b.args().get(0);
    }
    String name = t == FloatType.FLOAT ? Builtins.BITS_F32 : Builtins.BITS_F64;
    return new Expr.Builtin(e.pos(), t, name, List.of(e));
  }

  private Expr call(SourcePos pos, String name, Type result, List<Type> params, List<Expr> args) {
    FunctionType ft = new FunctionType(result, params, false, true);
    Symbol s = sema.runtimeFunction(name, ft, pos);
    return new Call(pos, result, new VarRef(pos, ft, s), args, ft);
  }

  // ---- arithmetic ----

  /** {@code l op r} for + - * / on two operands of the floating type t. */
  Expr arithmetic(BinaryOp op, Expr l, Expr r, Type t, SourcePos pos) {
    if (l instanceof IntConst a && r instanceof IntConst b) {
      if (t == FloatType.FLOAT) {
        float x = (float) valueOf(a), y = (float) valueOf(b);
        float v = switch (op) {
          case ADD -> x + y;
          case SUB -> x - y;
          case MUL -> x * y;
          default -> x / y;
        };
        return constant(pos, t, nan32(Float.floatToRawIntBits(v), a.value(), b.value()));
      }
      double x = valueOf(a), y = valueOf(b);
      double v = switch (op) {
        case ADD -> x + y;
        case SUB -> x - y;
        case MUL -> x * y;
        default -> x / y;
      };
      return constant(pos, t, nan64(Double.doubleToRawLongBits(v), a.value(), b.value()));
    }
    // gcc folds x * -1 and x / -1 to -x (a NaN's sign flips, where the routine would keep it)
    if ((op == BinaryOp.MUL || op == BinaryOp.DIV) && minusOne(r)) return negate(l, pos);
    if (op == BinaryOp.MUL && minusOne(l)) return negate(r, pos);
    String name = prefix(t) + switch (op) {
      case ADD -> "add";
      case SUB -> "sub";
      case MUL -> "mul";
      default -> "div";
    };
    IntType bt = bitsType(t);
    return fromBits(call(pos, name, bt, List.of(bt, bt), List.of(bits(l), bits(r))), t);
  }

  private static boolean minusOne(Expr e) {
    return e instanceof IntConst c && valueOf(c) == -1;
  }

  /**
   * Folds NaN results as the routines compute them: the first NaN operand, quieted, else the
   * default NaN of an invalid operation, x86-64's (sign set: {@code 0.0 / 0.0} prints
   * {@code -nan}, as with gcc).
   */
  private static long nan32(int v, long a, long b) {
    if (!Float.isNaN(Float.intBitsToFloat(v))) return v;
    if (Float.isNaN(Float.intBitsToFloat((int) a))) return (a | 0x0040_0000L);
    if (Float.isNaN(Float.intBitsToFloat((int) b))) return (b | 0x0040_0000L);
    return 0xFFC0_0000L;
  }

  private static long nan64(long v, long a, long b) {
    if (!Double.isNaN(Double.longBitsToDouble(v))) return v;
    if (Double.isNaN(Double.longBitsToDouble(a))) return a | 0x0008_0000_0000_0000L;
    if (Double.isNaN(Double.longBitsToDouble(b))) return b | 0x0008_0000_0000_0000L;
    return 0xFFF8_0000_0000_0000L;
  }

  /** {@code -e}: flips the sign bit (also of zeros and NaNs, as hardware negation does). */
  Expr negate(Expr e, SourcePos pos) {
    Type t = e.type();
    IntType bt = bitsType(t);
    long sign = t == FloatType.FLOAT ? 0x8000_0000L : Long.MIN_VALUE;
    if (e instanceof IntConst c) return constant(pos, t, c.value() ^ sign);
    return fromBits(new Binary(pos, bt, BinaryOp.XOR, bits(e), new IntConst(pos, bt, sign)), t);
  }

  /** {@code e != 0} as an int: true for every value but the two zeros (so also for NaN). */
  Expr truth(Expr e, SourcePos pos) {
    Type t = e.type();
    IntType bt = bitsType(t);
    long magnitude = t == FloatType.FLOAT ? 0x7FFF_FFFFL : Long.MAX_VALUE;
    if (e instanceof IntConst c) return new IntConst(pos, IntType.INT, (c.value() & magnitude) != 0 ? 1 : 0);
    Expr masked = new Binary(pos, bt, BinaryOp.AND, bits(e), new IntConst(pos, bt, magnitude));
    return new Binary(pos, IntType.INT, BinaryOp.NE, masked, new IntConst(pos, bt, 0));
  }

  /** A comparison of two operands of the floating type t; every relation but != is false for NaN. */
  Expr compare(BinaryOp op, Expr l, Expr r, Type t, SourcePos pos) {
    if (l instanceof IntConst a && r instanceof IntConst b) {
      double x = valueOf(a), y = valueOf(b);
      boolean v = switch (op) {
        case EQ -> x == y;
        case NE -> x != y;
        case LT -> x < y;
        case GT -> x > y;
        case LE -> x <= y;
        default -> x >= y;
      };
      return new IntConst(pos, IntType.INT, v ? 1 : 0);
    }
    IntType bt = bitsType(t);
    Expr c = call(pos, prefix(t) + "cmp", IntType.INT, List.of(bt, bt), List.of(bits(l), bits(r)));
    return switch (op) {
      case EQ -> relation(BinaryOp.EQ, c, EQUAL, pos);
      case NE -> relation(BinaryOp.NE, c, EQUAL, pos);
      case LT -> relation(BinaryOp.EQ, c, LESS, pos);
      case GT -> relation(BinaryOp.EQ, c, GREATER, pos);
      case LE -> relation(BinaryOp.NE, new Binary(pos, IntType.INT, BinaryOp.AND, c,
          new IntConst(pos, IntType.INT, LESS | EQUAL)), 0, pos);
      default -> relation(BinaryOp.NE, new Binary(pos, IntType.INT, BinaryOp.AND, c,
          new IntConst(pos, IntType.INT, GREATER | EQUAL)), 0, pos);
    };
  }

  private static Expr relation(BinaryOp op, Expr c, int value, SourcePos pos) {
    return new Binary(pos, IntType.INT, op, c, new IntConst(pos, IntType.INT, value));
  }

  // ---- conversions ----

  /**
   * Converts between a floating type and an arithmetic type (at least one of them floating,
   * not the same). Floating to integer truncates toward zero; out of range it gives what
   * x86-64 code from gcc gives (the "integer indefinite" value for signed targets).
   */
  Expr convert(Expr e, Type to) {
    Type from = e.type();
    SourcePos pos = e.pos();
    if (to == IntType.BOOL) return truth(e, pos);
    if (from instanceof FloatType && to instanceof FloatType) {
      // double and long double share binary64: only the type changes
      if (from.size() == to.size()) return fromBits(bits(e), to);
      if (e instanceof IntConst c) {
        return to == FloatType.FLOAT ? constant(pos, to, narrow(c.value())) : constant(pos, to, widen(c.value()));
      }
      Type ft = bitsType(from), tt = bitsType(to);
      String name = to == FloatType.FLOAT ? "__wf_d_to_f" : "__wf_f_to_d";
      return fromBits(call(pos, name, tt, List.of(ft), List.of(bits(e))), to);
    }
    if (from instanceof IntType it) {
      // Narrow integers are promoted first; each routine converts a 32- or 64-bit integer.
      IntType src = it.isWide() ? it : (it.isSigned() || it.size() < 4 ? IntType.INT : IntType.UINT);
      Expr v = sema.convert(e, src);
      // a long double constant is a double's bits with the type long double
      if (v instanceof IntConst c) return constant(pos, to, intToFloat(pos, src, c.value(), to).value());
      String name = "__wf_" + (src.isSigned() ? "i" : "u") + (src.isWide() ? "64" : "32")
          + (to == FloatType.FLOAT ? "_to_f" : "_to_d");
      IntType bt = bitsType(to);
      return fromBits(call(pos, name, bt, List.of(src), List.of(v)), to);
    }
    IntType target = (IntType) to;
    IntType via = target.isWide() ? target : (target.isSigned() || target.size() < 4 ? IntType.INT : IntType.UINT);
    Expr r;
    if (e instanceof IntConst c) {
      r = new IntConst(pos, via, floatToInt(valueOf(c), via));
    } else {
      String name = prefix(from) + "_to_" + (via.isSigned() ? "i" : "u") + (via.isWide() ? "64" : "32");
      r = call(pos, name, via, List.of(bitsType(from)), List.of(bits(e)));
    }
    return sema.convert(r, target);
  }

  static long widen(long f) {
    float v = Float.intBitsToFloat((int) f);
    if (Float.isNaN(v)) return ((f & 0x8000_0000L) << 32) | 0x7FF8_0000_0000_0000L | ((f & 0x3F_FFFFL) << 29);
    return Double.doubleToRawLongBits(v);
  }

  static long narrow(long d) {
    double v = Double.longBitsToDouble(d);
    if (Double.isNaN(v)) return ((d >>> 32) & 0x8000_0000L) | 0x7FC0_0000L | ((d >>> 29) & 0x3F_FFFFL);
    return Float.floatToRawIntBits((float) v) & 0xFFFF_FFFFL;
  }

  private static IntConst intToFloat(SourcePos pos, IntType src, long v, Type to) {
    boolean f = to == FloatType.FLOAT;
    if (!src.isSigned() && src.isWide() && v < 0) {
      // Halve with the lost bit kept as a sticky bit, so the one rounding is still correct.
      long h = (v >>> 1) | (v & 1);
      return f ? floatConstant(pos, (float) h * 2f) : doubleConstant(pos, (double) h * 2.0);
    }
    return f ? floatConstant(pos, (float) v) : doubleConstant(pos, (double) v);
  }

  /** What the routines compute for a floating value converted to int, unsigned, long long or unsigned long long. */
  static long floatToInt(double x, IntType via) {
    long i64 = Double.isNaN(x) || x >= 0x1p63 || x < -0x1p63 ? Long.MIN_VALUE : (long) x;
    return switch (via) {
      case INT -> Double.isNaN(x) || x >= 0x1p31 || x <= -0x1p31 - 1 ? Integer.MIN_VALUE : (int) x;
      case UINT -> i64 & 0xFFFF_FFFFL;
      case LLONG -> i64;
      default -> Double.isNaN(x) || x < 0x1p63 ? i64 : x >= 0x1p64 ? 0 : (long) (x - 0x1p63) ^ Long.MIN_VALUE;
    };
  }
}
