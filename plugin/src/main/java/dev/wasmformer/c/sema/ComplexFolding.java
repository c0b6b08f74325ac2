package dev.wasmformer.c.sema;

import java.math.BigInteger;

/**
 * Products and quotients of constant complex operands folded as gcc folds them: each part of
 * the exact result rounded to the significand's precision (to nearest, ties to even, with an
 * unbounded exponent, as GNU MPC rounds), then to the format (a second rounding for a
 * subnormal part). In a function gcc folds only finite operands whose result is finite and
 * loses nothing in that second rounding (else it calls {@code __muldc3}/{@code __divdc3} at
 * run time); in a static initializer it folds every operand. Of infinite or NaN operands ours
 * folds none (gcc's results follow MPC's own rules for them, not Annex G's).
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
    if (!finite) return null; // gcc's MPC rules for infinities and NaNs are not modelled
    Exact x = Exact.of(a, f), y = Exact.of(b, f), u = Exact.of(c, f), v = Exact.of(d, f);
    boolean[] lost = new boolean[1];
    long[] r;
    if (product) {
      r = new long[] {round(x.times(u).plus(y.times(v).negate()), BigInteger.ONE, 0, f, lost),
          round(x.times(v).plus(y.times(u)), BigInteger.ONE, 0, f, lost)};
    } else {
      if (u.zero() && v.zero()) return initializer ? byZero(x, y, u, f) : null;
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

  /** gcc's quotient of finite parts by a zero: each part divided by the divisor's real zero. */
  private static long[] byZero(Exact x, Exact y, Exact u, Format f) {
    long[] r = new long[2];
    int i = 0;
    for (Exact part : new Exact[] {x, y}) {
      r[i++] = part.zero() ? f.nan() : part.negative() != u.negative() ? f.signBit() | f.infinity() : f.infinity();
    }
    return r;
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
