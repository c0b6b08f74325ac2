package dev.wasmformer.runtime.attention;

import java.util.Arrays;

/**
 * The cache of a head whose key is an integer quadratic of the position, so that the score
 * of position j is a real quadratic {@code s(j) = A + B j + C j^2} (C = q . (x2, y2)).
 *
 * <p>The maximal positions over 0..p are found without scanning: if C > 0 (strictly convex)
 * they are among the ends 0 and p; if C = 0 (linear) they are 0, p, or every position when
 * s is constant; if C < 0 (strictly concave) the first maximiser is the first j with
 * s(j) >= s(j+1), guessed from the real vertex and verified (falling back to a binary search
 * when rounding spoiled the guess), and at most one neighbour ties with it. Every decision
 * uses {@link Exact#compareScores} on the keys themselves, which are the polynomial evaluated
 * exactly, so the result is the naive scan's. Values are kept by position.
 *
 * <p>Past the position where the polynomial can no longer be evaluated exactly
 * ({@link QuadraticKey#limit()}), the cache replays its content into a {@link HullCache} and
 * delegates to it from then on.
 */
final class PositionKeyCache implements AttentionCache {
    private final AttentionMode mode;
    private final int width;
    private final QuadraticKey key;
    private final long limit;
    private final double[] sum;         // AVERAGE: sum of all values in position order
    private double[] values;            // [position][width]
    private long size;
    private HullCache hull;             // non-null once size passed limit

    PositionKeyCache(AttentionMode mode, int valueWidth, QuadraticKey key) {
        this.mode = mode;
        this.width = valueWidth;
        this.key = key;
        this.limit = key.limit();
        this.sum = new double[valueWidth];
        this.values = new double[valueWidth * 16];
    }

    @Override
    public void add(double keyX, double keyY, double[] value) {
        Exact.requireFinite(keyX, keyY, "key");
        long p = size;
        if (hull == null && p > limit) {
            switchToHull();
        }
        if (hull != null) {
            hull.add(keyX, keyY, value);
            size++;
            return;
        }
        if (keyX != key.x(p) || keyY != key.y(p)) {
            throw new IllegalStateException("position-key head got key (" + keyX + ", " + keyY
                    + ") at position " + p + ", expected (" + key.x(p) + ", " + key.y(p) + ")");
        }
        int base = Math.multiplyExact((int) p, width);
        if (base + width > values.length) {
            values = Arrays.copyOf(values, Math.max(base + width, 2 * values.length));
        }
        System.arraycopy(value, 0, values, base, width);
        if (mode == AttentionMode.AVERAGE) {
            for (int i = 0; i < width; i++) {
                sum[i] += value[i];
            }
        }
        size++;
    }

    @Override
    public void query(double queryX, double queryY, double[] out) {
        Exact.requireFinite(queryX, queryY, "query");
        if (size == 0) {
            throw new IllegalStateException("query on an empty attention cache");
        }
        if (hull != null) {
            hull.query(queryX, queryY, out);
            return;
        }
        long p = size - 1;
        if (p == 0) {
            emit(0, -1, out);
            return;
        }
        int curvature = Exact.compareScores(queryX, queryY, key.x2(), key.y2(), 0, 0);
        if (curvature > 0) {
            int ends = compare(queryX, queryY, 0, p);
            emit(ends >= 0 ? 0 : p, ends == 0 ? p : -1, out);
        } else if (curvature == 0) {
            int slope = compare(queryX, queryY, 1, 0);
            if (slope == 0) {
                emitAll(out);
            } else {
                emit(slope > 0 ? p : 0, -1, out);
            }
        } else {
            long j = firstMaximiser(queryX, queryY, p);
            boolean tie = j < p && compare(queryX, queryY, j + 1, j) == 0;
            emit(j, tie ? j + 1 : -1, out);
        }
    }

    /** Concave case: the first j in 0..p with s(j) >= s(j+1). */
    private long firstMaximiser(double qx, double qy, long p) {
        // The real maximiser is v = -B / 2C; s(j) >= s(j+1) exactly when j >= v - 1/2.
        double b = qx * key.x1() + qy * key.y1();
        double c = qx * key.x2() + qy * key.y2();
        double guess = Math.ceil(-b / (2 * c) - 0.5);
        long g;
        if (guess >= p) {
            g = p;
        } else if (guess > 0) {
            g = (long) guess;
        } else {
            g = 0;   // also for NaN, when rounding made c zero
        }
        long lo;
        long hi;
        if (!notIncreasing(qx, qy, g, p)) {
            lo = g + 1;
            hi = p;
        } else if (g == 0 || !notIncreasing(qx, qy, g - 1, p)) {
            return g;
        } else {
            lo = 0;
            hi = g - 1;
        }
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (notIncreasing(qx, qy, mid, p)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private boolean notIncreasing(double qx, double qy, long j, long p) {
        return j == p || compare(qx, qy, j, j + 1) >= 0;
    }

    private int compare(double qx, double qy, long a, long b) {
        return Exact.compareScores(qx, qy, key.x(a), key.y(a), key.x(b), key.y(b));
    }

    /** Writes the output for the maximal positions {a} or {a, b} (b = -1 for none, a < b). */
    private void emit(long a, long b, double[] out) {
        int baseA = (int) a * width;
        if (mode == AttentionMode.LATEST) {
            System.arraycopy(values, b < 0 ? baseA : (int) b * width, out, 0, width);
            return;
        }
        // Same operations in the same order as the naive scan: 0 + v_a (+ v_b), then / count.
        int baseB = (int) b * width;
        int count = b < 0 ? 1 : 2;
        for (int i = 0; i < width; i++) {
            double s = 0.0 + values[baseA + i];
            if (b >= 0) {
                s += values[baseB + i];
            }
            out[i] = s / count;
        }
    }

    private void emitAll(double[] out) {
        if (mode == AttentionMode.LATEST) {
            System.arraycopy(values, (int) (size - 1) * width, out, 0, width);
            return;
        }
        for (int i = 0; i < width; i++) {
            out[i] = sum[i] / size;
        }
    }

    private void switchToHull() {
        hull = new HullCache(mode, width);
        double[] value = new double[width];
        for (long j = 0; j < size; j++) {
            System.arraycopy(values, (int) j * width, value, 0, width);
            hull.add(key.x(j), key.y(j), value);
        }
        values = null;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int valueWidth() {
        return width;
    }
}
