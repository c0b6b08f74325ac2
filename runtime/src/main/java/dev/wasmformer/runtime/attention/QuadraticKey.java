package dev.wasmformer.runtime.attention;

/**
 * A key that is an integer quadratic of the position j: {@code (x0 + x1 j + x2 j^2,
 * y0 + y1 j + y2 j^2)}.
 *
 * @param exactUpTo the last position up to which the producer of the keys (the model)
 *     computes them exactly, so that they equal this polynomial; the cache also stops
 *     relying on the polynomial where its own evaluation would round
 */
public record QuadraticKey(double x0, double x1, double x2, double y0, double y1, double y2,
                           long exactUpTo) {

    /** Coefficients and evaluations must stay within the integers a double holds exactly. */
    static final double EXACT_LIMIT = 0x1p52;

    /** Largest j whose square is exact in double arithmetic. */
    static final long LARGEST_EXACT_SQUARE_ROOT = 94_906_265L;

    public QuadraticKey {
        for (double c : new double[] {x0, x1, x2, y0, y1, y2}) {
            if (!(Math.abs(c) <= EXACT_LIMIT) || Math.rint(c) != c) {
                throw new IllegalArgumentException(
                        "quadratic key coefficient " + c + " is not an integer of magnitude <= 2^52");
            }
        }
        if (exactUpTo < 0) {
            throw new IllegalArgumentException("exactUpTo must be >= 0, got " + exactUpTo);
        }
    }

    /** The key's first component at position j (exact for j <= {@link #limit()}). */
    public double x(long j) {
        double d = j;
        return x0 + x1 * d + x2 * (d * d);
    }

    /** The key's second component at position j (exact for j <= {@link #limit()}). */
    public double y(long j) {
        double d = j;
        return y0 + y1 * d + y2 * (d * d);
    }

    /**
     * The last position at which the keys are exactly this polynomial as evaluated by
     * {@link #x} and {@link #y}: every partial sum stays an integer below 2^52.
     */
    public long limit() {
        long lo = -1;
        long hi = Math.min(exactUpTo, LARGEST_EXACT_SQUARE_ROOT);
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (evaluationIsExact(mid)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private boolean evaluationIsExact(long j) {
        double d = j;
        // A factor-2 margin below 2^53 absorbs the rounding of this estimate itself.
        return Math.abs(x0) + Math.abs(x1) * d + Math.abs(x2) * d * d <= EXACT_LIMIT
                && Math.abs(y0) + Math.abs(y1) * d + Math.abs(y2) * d * d <= EXACT_LIMIT;
    }
}
