package dev.wasmformer.runtime.attention;

import java.util.Arrays;

/**
 * The cache of a head whose key is an integer quadratic of the position, so that the score
 * of position j is a real quadratic {@code s(j) = A + B j + C j^2} (C = q . (x2, y2)).
 *
 * <p>The maximal positions over 0..p are found without scanning by a {@link PositionSelector},
 * so the result is the naive scan's. Values are kept by position.
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
    private final PositionSelector selector;
    private final long[] selected = new long[2];
    private final double[] sum;         // AVERAGE: sum of all values in position order
    private double[] values;            // [position][width]
    private long size;
    private HullCache hull;             // non-null once size passed limit

    PositionKeyCache(AttentionMode mode, int valueWidth, QuadraticKey key) {
        this.mode = mode;
        this.width = valueWidth;
        this.key = key;
        this.selector = new PositionSelector(key);
        this.limit = selector.limit();
        this.sum = new double[valueWidth];
        this.values = new double[valueWidth * 16];
    }

    private PositionKeyCache(PositionKeyCache other, boolean kept) {
        mode = other.mode;
        width = other.width;
        key = other.key;
        selector = other.selector.copy();
        limit = other.limit;
        sum = other.sum.clone();
        // trimmed to the positions held: add grows it again
        values = other.values == null ? null
                : Arrays.copyOf(other.values, Math.multiplyExact(Math.toIntExact(other.size), width));
        size = other.size;
        hull = other.hull == null ? null : kept ? other.hull.keptCopy() : other.hull.copy();
    }

    @Override
    public AttentionCache copy() {
        return new PositionKeyCache(this, false);
    }

    @Override
    public AttentionCache keptCopy() {
        return new PositionKeyCache(this, true);
    }

    @Override
    public long retainedBytes() {
        return HeapBytes.of(selected, sum, values) + (hull == null ? 0 : hull.retainedBytes());
    }

    @Override
    public void add(double keyX, double keyY, double[] value, int from) {
        Exact.requireFinite(keyX, keyY, "key");
        long p = size;
        if (hull == null && p > limit) {
            switchToHull();
        }
        if (hull != null) {
            hull.add(keyX, keyY, value, from);
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
        System.arraycopy(value, from, values, base, width);
        if (mode == AttentionMode.AVERAGE) {
            for (int i = 0; i < width; i++) {
                sum[i] += value[from + i];
            }
        }
        size++;
    }

    @Override
    public void query(double queryX, double queryY, double[] out, int at) {
        AttentionCache.requireQuery(queryX, queryY, size);
        if (hull != null) {
            hull.query(queryX, queryY, out, at);
            return;
        }
        int n = selector.select(queryX, queryY, size - 1, selected);
        if (n < 0) {
            emitAll(out, at);
        } else {
            emit(selected[0], n == 2 ? selected[1] : -1, out, at);
        }
    }

    /** Writes the output for the maximal positions {a} or {a, b} (b = -1 for none, a < b). */
    private void emit(long a, long b, double[] out, int at) {
        int baseA = (int) a * width;
        if (mode == AttentionMode.LATEST) {
            System.arraycopy(values, b < 0 ? baseA : (int) b * width, out, at, width);
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
            out[at + i] = s / count;
        }
    }

    private void emitAll(double[] out, int at) {
        if (mode == AttentionMode.LATEST) {
            System.arraycopy(values, (int) (size - 1) * width, out, at, width);
            return;
        }
        for (int i = 0; i < width; i++) {
            out[at + i] = sum[i] / size;
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
