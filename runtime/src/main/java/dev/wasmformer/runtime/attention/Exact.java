package dev.wasmformer.runtime.attention;

import java.math.BigDecimal;

/**
 * The exact predicates every attention kernel decides with: score comparisons and
 * orientation tests, evaluated as if in real arithmetic on the double inputs.
 *
 * <p>Each predicate tries three stages, cheapest first: a floating-point evaluation with a
 * proven error bound (decides whenever the result is far from zero); a check that every
 * operation of that evaluation was exact (decides ties between integer-valued inputs, the
 * common case, without allocating); and finally {@link BigDecimal}, which represents any
 * finite double exactly. Inputs must be finite; the caches check that on entry.
 */
final class Exact {
    /** Unit roundoff of double. */
    private static final double U = 0x1p-53;

    /**
     * |fl(q.a - q.b) - (q.a - q.b)| <= u |exact| + (1 + u)(2u + u^2) S where S is the sum of
     * the four product magnitudes; a computed result beyond 4u S therefore has the exact
     * result's sign. The absolute term covers products that underflow to subnormals.
     */
    private static final double SCORE_BOUND = 4 * U;

    /** Shewchuk's orient2d stage-A bound, which accounts for the rounded differences. */
    private static final double ORIENTATION_BOUND = (3 + 16 * U) * U;

    private static final double ABSOLUTE_BOUND = Double.MIN_NORMAL;

    /** Below this magnitude the rounding error of a product may not be a double. */
    private static final double SMALLEST_SAFE_PRODUCT = 0x1p-969;

    private Exact() {
    }

    /** Returns the sign of {@code q.a - q.b}: which of the keys a and b scores higher. */
    static int compareScores(double qx, double qy, double ax, double ay, double bx, double by) {
        if (ax == bx && ay == by) {
            return 0;   // identical keys tie, however inexact their scores would be
        }
        double p1 = qx * ax;
        double p2 = qy * ay;
        double p3 = qx * bx;
        double p4 = qy * by;
        double sa = p1 + p2;
        double sb = p3 + p4;
        double d = sa - sb;
        double bound = SCORE_BOUND * (Math.abs(p1) + Math.abs(p2) + Math.abs(p3) + Math.abs(p4))
                + ABSOLUTE_BOUND;
        if (d > bound) {
            return 1;
        }
        if (d < -bound) {
            return -1;
        }
        if (exactProduct(qx, ax, p1) && exactProduct(qy, ay, p2)
                && exactProduct(qx, bx, p3) && exactProduct(qy, by, p4)
                && exactSum(p1, p2, sa) && exactSum(p3, p4, sb) && exactSum(sa, -sb, d)) {
            return sign(d);
        }
        return exactCompareScores(qx, qy, ax, ay, bx, by);
    }

    /**
     * Returns the orientation of the triangle a, b, c: 1 if counter-clockwise (c lies left of
     * the directed line a to b), -1 if clockwise, 0 if the three points are collinear.
     */
    static int orientation(double ax, double ay, double bx, double by, double cx, double cy) {
        double abx = bx - ax;
        double aby = by - ay;
        double acx = cx - ax;
        double acy = cy - ay;
        double l = abx * acy;
        double r = aby * acx;
        double det = l - r;
        double bound = ORIENTATION_BOUND * (Math.abs(l) + Math.abs(r)) + ABSOLUTE_BOUND;
        if (det > bound) {
            return 1;
        }
        if (det < -bound) {
            return -1;
        }
        if (exactSum(bx, -ax, abx) && exactSum(by, -ay, aby)
                && exactSum(cx, -ax, acx) && exactSum(cy, -ay, acy)
                && exactProduct(abx, acy, l) && exactProduct(aby, acx, r)
                && exactSum(l, -r, det)) {
            return sign(det);
        }
        return exactOrientation(ax, ay, bx, by, cx, cy);
    }

    /** Throws if a query or key component is NaN or infinite (scores would be undefined). */
    static void requireFinite(double x, double y, String what) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new ArithmeticException(
                    "attention " + what + " (" + x + ", " + y + ") is not finite");
        }
    }

    static int exactCompareScores(double qx, double qy, double ax, double ay, double bx, double by) {
        BigDecimal bqx = new BigDecimal(qx);
        BigDecimal bqy = new BigDecimal(qy);
        BigDecimal sa = bqx.multiply(new BigDecimal(ax)).add(bqy.multiply(new BigDecimal(ay)));
        BigDecimal sb = bqx.multiply(new BigDecimal(bx)).add(bqy.multiply(new BigDecimal(by)));
        return sa.compareTo(sb);
    }

    static int exactOrientation(double ax, double ay, double bx, double by, double cx, double cy) {
        BigDecimal bax = new BigDecimal(ax);
        BigDecimal bay = new BigDecimal(ay);
        BigDecimal abx = new BigDecimal(bx).subtract(bax);
        BigDecimal aby = new BigDecimal(by).subtract(bay);
        BigDecimal acx = new BigDecimal(cx).subtract(bax);
        BigDecimal acy = new BigDecimal(cy).subtract(bay);
        return abx.multiply(acy).compareTo(aby.multiply(acx));
    }

    /** True if {@code p} is exactly {@code a * b}. */
    private static boolean exactProduct(double a, double b, double p) {
        if (p == 0) {
            return a == 0 || b == 0;
        }
        double m = Math.abs(p);
        return m >= SMALLEST_SAFE_PRODUCT && m <= Double.MAX_VALUE && Math.fma(a, b, -p) == 0;
    }

    /** True if {@code s} is exactly {@code a + b} (Knuth's two-sum error is zero). */
    private static boolean exactSum(double a, double b, double s) {
        double bVirtual = s - a;
        double aVirtual = s - bVirtual;
        return (a - aVirtual) + (b - bVirtual) == 0;
    }

    private static int sign(double d) {
        return d > 0 ? 1 : d < 0 ? -1 : 0;
    }
}
