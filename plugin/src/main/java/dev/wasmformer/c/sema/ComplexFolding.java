package dev.wasmformer.c.sema;

import java.math.BigInteger;

/**
 * Products and quotients of constant complex operands folded as gcc folds them: each part of
 * the exact result rounded to the significand's precision (to nearest, ties to even, with an
 * unbounded exponent, as GNU MPC rounds), then to the format (a second rounding for a
 * subnormal part). In a function gcc folds only finite operands whose result is finite and
 * loses nothing in that second rounding (else it calls {@code __muldc3}/{@code __divdc3} at
 * run time); in a static initializer it folds every operand, also infinite and NaN ones, by
 * rules of their own ({@link #special}).
 */
final class ComplexFolding {
  private ComplexFolding() {}

  /** An IEEE binary format: significand bits (with the hidden one), exponent field bits. */
  record Format(int precision, int exponentBits) {
    static final Format SINGLE = new Format(24, 8);
    static final Format DOUBLE = new Format(53, 11);

    int bias() {
      return (1 << (exponentBits - 1)) - 1;
    }

    /** The exponent of the smallest subnormal's unit: -149 or -1074. */
    int minUnit() {
      return 2 - bias() - precision;
    }

    long signBit() {
      return 1L << (precision + exponentBits - 1);
    }

    long infinity() {
      return ((1L << exponentBits) - 1) << (precision - 1);
    }

    /** The quiet NaN gcc writes for MPC's NaN (positive, top fraction bit). */
    long nan() {
      return infinity() | 1L << (precision - 2);
    }

    boolean isNaN(long bits) {
      return (bits & ~signBit() & (signBit() - 1)) > infinity();
    }

    boolean isInfinite(long bits) {
      return (bits & (signBit() - 1)) == infinity();
    }

    boolean negative(long bits) {
      return (bits & signBit()) != 0;
    }

    /** The value of the bits (a float's exactly as a double). */
    double value(long bits) {
      return precision == 24 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
    }

    /** The bits of an infinity, a zero or a NaN (gcc's positive one, whatever the sign). */
    long bits(double special) {
      if (Double.isNaN(special)) return nan();
      return (special < 0 || 1 / special < 0 ? signBit() : 0) | (Double.isInfinite(special) ? infinity() : 0);
    }
  }

  /** A finite value m * 2^e (m signed; a zero keeps its sign in {@code negative}). */
  private record Exact(BigInteger m, int e, boolean negative) {
    static Exact of(long bits, Format f) {
      boolean neg = f.negative(bits);
      long field = (bits >>> (f.precision() - 1)) & ((1L << f.exponentBits()) - 1);
      long fraction = bits & ((1L << (f.precision() - 1)) - 1);
      long m = field == 0 ? fraction : fraction | 1L << (f.precision() - 1);
      int e = (int) Math.max(field, 1) + f.minUnit() - 1;
      BigInteger bm = BigInteger.valueOf(m);
      return new Exact(neg ? bm.negate() : bm, e, neg);
    }

    boolean zero() {
      return m.signum() == 0;
    }

    Exact times(Exact o) {
      return new Exact(m.multiply(o.m), e + o.e, negative != o.negative);
    }

    Exact negate() {
      return new Exact(m.negate(), e, !negative);
    }

    /** The exact sum; a zero sum is -0 only when both terms are -0 (IEEE, to nearest). */
    Exact plus(Exact o) {
      int low = Math.min(e, o.e);
      BigInteger s = m.shiftLeft(e - low).add(o.m.shiftLeft(o.e - low));
      return new Exact(s, low, s.signum() == 0 ? zero() && o.zero() && negative && o.negative : s.signum() < 0);
    }
  }

  /** The bits of {@code (a + bi) * (c + di)} or its quotient; null where gcc does not fold. */
  static long[] fold(boolean product, long a, long b, long c, long d, Format f, boolean initializer) {
    long[] in = {a, b, c, d};
    boolean finite = true;
    for (long x : in) finite &= !f.isNaN(x) && !f.isInfinite(x);
    boolean zeroDivisor = !product && ((c | d) & ~f.signBit()) == 0;
    if (!finite || zeroDivisor) return initializer ? special(product, f.value(a), f.value(b), f.value(c), f.value(d), f) : null;
    Exact x = Exact.of(a, f), y = Exact.of(b, f), u = Exact.of(c, f), v = Exact.of(d, f);
    boolean[] lost = new boolean[1];
    long[] r;
    if (product) {
      r = new long[] {round(x.times(u).plus(y.times(v).negate()), BigInteger.ONE, 0, f, lost),
          round(x.times(v).plus(y.times(u)), BigInteger.ONE, 0, f, lost)};
    } else {
      Exact den = u.times(u).plus(v.times(v));
      r = new long[] {round(x.times(u).plus(y.times(v)), den.m(), den.e(), f, lost),
          round(y.times(u).plus(x.times(v).negate()), den.m(), den.e(), f, lost)};
    }
    return lost[0] && !initializer ? null : r;
  }

  /**
   * n / (den * 2^denExp) rounded: first to f's precision with an unbounded exponent, then to
   * f's range (overflow to infinity, subnormals rounded again).
   */
  private static long round(Exact n, BigInteger den, int denExp, Format f, boolean[] lost) {
    long sign = n.negative() ? f.signBit() : 0;
    if (n.zero()) return sign;
    BigInteger num = n.m().abs();
    int p = f.precision();
    int k = p - num.bitLength() + den.bitLength();
    BigInteger[] qr = divide(num, den, k);
    if (qr[0].bitLength() > p) qr = divide(num, den, --k);
    BigInteger q = nearest(qr[0], qr[1].shiftLeft(1).compareTo(k >= 0 ? den : den.shiftLeft(-k)));
    int e = n.e() - denExp - k; // value = q * 2^e
    if (q.bitLength() > p) {
      q = q.shiftRight(1);
      e++;
    }
    if (e + p - 1 > f.bias()) {
      lost[0] = true;
      return sign | f.infinity();
    }
    if (e < f.minUnit()) {
      int shift = f.minUnit() - e;
      BigInteger kept = q.shiftRight(shift);
      BigInteger dropped = q.subtract(kept.shiftLeft(shift));
      int half = dropped.shiftLeft(1).compareTo(BigInteger.ONE.shiftLeft(shift));
      lost[0] |= dropped.signum() != 0;
      return sign | nearest(kept, half).longValueExact(); // the raw bits of a subnormal (or the least normal)
    }
    long field = e - f.minUnit() + 1;
    return sign | field << (p - 1) | (q.longValueExact() & ((1L << (p - 1)) - 1));
  }

  /**
   * gcc's folds of operands with an infinite or NaN part, found by experiment (every quadruple of
   * {±0, ±1, ±inf, ±NaN, 3, 0.5, -2} with such a part, products and quotients, double and
   * float: see docs/c-compiler.md, "Session 20: C front-end gaps"); each part is an infinity, a zero or a NaN. A NaN
   * operand's sign is not looked at, and a NaN result is positive. Products: the plain formula,
   * except that (a) with a zero or NaN part among the operands, a NaN part becomes the sign of
   * the product of the operands' "directions" (an infinite operand's infinite parts as ±1,
   * others as ±0; a finite operand as it is, its NaN parts +0) times infinity, as C99 Annex G
   * recovers infinities, and (b) without one, when only a is infinite among z's parts, a NaN
   * imaginary part is a·d. Quotients: by a zero, each part divided by the divisor's real zero;
   * an infinite z by a finite w, infinity times the quotient of z's direction by w; a finite z by
   * an infinite w, zero times the quotient of z by w's direction; any other with a NaN or two
   * infinite operands, NaN.
   */
  private static long[] special(boolean product, double a, double b, double c, double d, Format f) {
    boolean zInfinite = Double.isInfinite(a) || Double.isInfinite(b);
    boolean wInfinite = Double.isInfinite(c) || Double.isInfinite(d);
    boolean zNaN = Double.isNaN(a) || Double.isNaN(b);
    boolean wNaN = Double.isNaN(c) || Double.isNaN(d);
    double inf = Double.POSITIVE_INFINITY;
    double re, im;
    if (product) {
      re = term(a, c) - term(b, d);
      im = term(a, d) + term(b, c);
      boolean zeroOrNaN = zNaN || wNaN || a == 0 || b == 0 || c == 0 || d == 0;
      if (!zeroOrNaN && Double.isInfinite(a) && !Double.isInfinite(b) && Double.isNaN(im)) im = a * d;
      if (zeroOrNaN && (zInfinite || wInfinite)) {
        double x = direction(a, zInfinite), y = direction(b, zInfinite), u = direction(c, wInfinite), v = direction(d, wInfinite);
        if (Double.isNaN(re)) re = inf * (x * u - y * v);
        if (Double.isNaN(im)) im = inf * (x * v + y * u);
      }
    } else if (c == 0 && d == 0) {
      double s = Math.copySign(inf, c);
      re = s * a;
      im = s * b;
    } else if (zInfinite && !wInfinite && !wNaN) {
      double x = direction(a, true), y = direction(b, true);
      re = inf * (x * c + y * d);
      im = inf * (y * c - x * d);
    } else if (wInfinite && !zInfinite && !zNaN) {
      double u = direction(c, true), v = direction(d, true);
      double scale = Math.abs(a) >= 1 && Math.abs(b) >= 1 ? 0.25 : 1; // only the sign counts: no overflow
      re = 0.0 * (a * scale * u + b * scale * v);
      im = 0.0 * (b * scale * u - a * scale * v);
    } else {
      re = im = Double.NaN;
    }
    return new long[] {f.bits(re), f.bits(im)};
  }

  /** p * q, finite when both are (only its sign and whether it is zero count here). */
  private static double term(double p, double q) {
    double t = p * q;
    return Double.isInfinite(t) && !Double.isInfinite(p) && !Double.isInfinite(q) ? Math.copySign(Double.MAX_VALUE, t) : t;
  }

  /** A part of an infinite operand as ±1 (infinite) or ±0 (finite); a NaN part as +0. */
  private static double direction(double part, boolean ofInfinite) {
    if (Double.isNaN(part)) return 0.0;
    return ofInfinite ? Math.copySign(Double.isInfinite(part) ? 1.0 : 0.0, part) : part;
  }

  /** (num * 2^k) / den and its remainder (for k < 0, num / (den * 2^-k)). */
  private static BigInteger[] divide(BigInteger num, BigInteger den, int k) {
    return k >= 0 ? num.shiftLeft(k).divideAndRemainder(den) : num.divideAndRemainder(den.shiftLeft(-k));
  }

  /** q rounded up when the remainder is above half a unit (cmp > 0), or at half and q is odd. */
  private static BigInteger nearest(BigInteger q, int cmp) {
    return cmp > 0 || (cmp == 0 && q.testBit(0)) ? q.add(BigInteger.ONE) : q;
  }
}
