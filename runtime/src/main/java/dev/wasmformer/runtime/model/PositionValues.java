package dev.wasmformer.runtime.model;

import java.util.Arrays;

/**
 * The value vectors of a position-key head, one per position, stored compactly and read back
 * as the same doubles, bit for bit. A position whose vector equals the previous position's
 * shares its storage (a wide value computed from the instruction being executed repeats over
 * the instruction's tokens); a vector of only 0.0 and 1.0 (bits) is packed one bit per
 * component; any other is kept as raw doubles. Per position the cost is one int plus its share
 * of the stored vectors.
 */
final class PositionValues {
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    private final int width;
    private final int packedLongs;
    private int[] index = new int[64];     // per position: (offset << 1) | packed
    private long[] pool = new long[256];
    private int poolSize;
    private final double[] last;           // the vector of the latest position
    private long size;

    PositionValues(int width) {
        this.width = width;
        this.packedLongs = (width + 63) >>> 6;
        this.last = new double[width];
    }

    long size() {
        return size;
    }

    /** Appends the vector {@code p[from .. from + width)} as the next position's. */
    void append(double[] p, int from) {
        int j = Math.toIntExact(size);
        if (j == index.length) {
            index = Arrays.copyOf(index, 2 * index.length);
        }
        if (j > 0 && sameAsLast(p, from)) {
            index[j] = index[j - 1];
            size++;
            return;
        }
        System.arraycopy(p, from, last, 0, width);
        boolean bits = true;
        for (int i = 0; i < width && bits; i++) {
            long raw = Double.doubleToRawLongBits(p[from + i]);
            bits = raw == 0L || raw == ONE_BITS;
        }
        int need = bits ? packedLongs : width;
        if (poolSize + need > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(poolSize + need, 2 * pool.length));
        }
        int offset = poolSize;
        if (offset > (Integer.MAX_VALUE >>> 1)) {
            throw new IllegalStateException("position values exceed the store's capacity");
        }
        if (bits) {
            for (int i = 0; i < width; i++) {
                if (p[from + i] != 0.0) {
                    pool[offset + (i >>> 6)] |= 1L << i;
                }
            }
        } else {
            for (int i = 0; i < width; i++) {
                pool[offset + i] = Double.doubleToRawLongBits(p[from + i]);
            }
        }
        poolSize += need;
        index[j] = (offset << 1) | (bits ? 1 : 0);
        size++;
    }

    private boolean sameAsLast(double[] p, int from) {
        for (int i = 0; i < width; i++) {
            if (Double.doubleToRawLongBits(p[from + i]) != Double.doubleToRawLongBits(last[i])) {
                return false;
            }
        }
        return true;
    }

    /** Copies position j's vector to {@code out[at ..]}. */
    void copy(long j, double[] out, int at) {
        int entry = index[(int) j];
        int offset = entry >>> 1;
        if ((entry & 1) != 0) {
            for (int i = 0; i < width; i++) {
                out[at + i] = (double) (pool[offset + (i >>> 6)] >>> i & 1L);   // +0.0 or 1.0
            }
        } else {
            for (int i = 0; i < width; i++) {
                out[at + i] = Double.longBitsToDouble(pool[offset + i]);
            }
        }
    }

    /** Adds position j's vector to {@code out[at ..]}, component by component. */
    void add(long j, double[] out, int at) {
        int entry = index[(int) j];
        int offset = entry >>> 1;
        if ((entry & 1) != 0) {
            for (int i = 0; i < width; i++) {
                out[at + i] += (double) (pool[offset + (i >>> 6)] >>> i & 1L);
            }
        } else {
            for (int i = 0; i < width; i++) {
                out[at + i] += Double.longBitsToDouble(pool[offset + i]);
            }
        }
    }
}
