package dev.wasmformer.runtime.attention;

import java.util.Arrays;

/** The reference cache: every key and value kept, every query a full scan. */
final class NaiveCache implements AttentionCache {
    private final AttentionMode mode;
    private final int width;
    private double[] keys = new double[2 * 16];   // [position][x, y]
    private double[] values;                      // [position][width]
    private int size;

    NaiveCache(AttentionMode mode, int valueWidth) {
        this.mode = mode;
        this.width = valueWidth;
        this.values = new double[valueWidth * 16];
    }

    /** A copy whose arrays hold room for its positions only (at least one; add doubles both together). */
    private NaiveCache(NaiveCache other) {
        mode = other.mode;
        width = other.width;
        int capacity = Math.max(1, other.size);
        keys = Arrays.copyOf(other.keys, 2 * capacity);
        values = Arrays.copyOf(other.values, Math.multiplyExact(capacity, width));
        size = other.size;
    }

    @Override
    public AttentionCache copy() {
        return new NaiveCache(this);
    }

    @Override
    public long retainedBytes() {
        return HeapBytes.of(keys, values);
    }

    @Override
    public void add(double keyX, double keyY, double[] value, int from) {
        Exact.requireFinite(keyX, keyY, "key");
        if (2 * size == keys.length) {
            keys = Arrays.copyOf(keys, 2 * keys.length);
            values = Arrays.copyOf(values, 2 * values.length);
        }
        keys[2 * size] = keyX;
        keys[2 * size + 1] = keyY;
        System.arraycopy(value, from, values, size * width, width);
        size++;
    }

    @Override
    public void query(double queryX, double queryY, double[] out, int at) {
        AttentionCache.requireQuery(queryX, queryY, size);
        // ">= 0" moves best to the latest of equal maxima, which is what LATEST reads.
        int best = 0;
        for (int j = 1; j < size; j++) {
            if (compare(queryX, queryY, j, best) >= 0) {
                best = j;
            }
        }
        if (mode == AttentionMode.LATEST) {
            System.arraycopy(values, best * width, out, at, width);
            return;
        }
        Arrays.fill(out, at, at + width, 0.0);
        long count = 0;
        for (int j = 0; j < size; j++) {
            if (compare(queryX, queryY, j, best) == 0) {
                int base = j * width;
                for (int i = 0; i < width; i++) {
                    out[at + i] += values[base + i];
                }
                count++;
            }
        }
        for (int i = 0; i < width; i++) {
            out[at + i] /= count;
        }
    }

    private int compare(double qx, double qy, int a, int b) {
        return Exact.compareScores(qx, qy, keys[2 * a], keys[2 * a + 1], keys[2 * b], keys[2 * b + 1]);
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
