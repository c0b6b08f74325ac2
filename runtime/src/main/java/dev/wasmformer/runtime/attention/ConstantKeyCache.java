package dev.wasmformer.runtime.attention;

import dev.wasmformer.runtime.state.StateFormatException;
import dev.wasmformer.runtime.state.StateReader;
import dev.wasmformer.runtime.state.StateWriter;

/**
 * The cache of a head whose key never changes: every position ties, so AVERAGE is the running
 * mean and LATEST the last value. The running sum is accumulated in position order from 0,
 * exactly as the naive scan sums, so the two agree even for non-integer values.
 */
final class ConstantKeyCache implements AttentionCache {
    private final AttentionMode mode;
    private final int width;
    private final double[] aggregate;   // AVERAGE: sum of all values; LATEST: last value
    private double keyX;
    private double keyY;
    private long size;

    ConstantKeyCache(AttentionMode mode, int valueWidth) {
        this.mode = mode;
        this.width = valueWidth;
        this.aggregate = new double[valueWidth];
    }

    private ConstantKeyCache(ConstantKeyCache other) {
        mode = other.mode;
        width = other.width;
        aggregate = other.aggregate.clone();
        keyX = other.keyX;
        keyY = other.keyY;
        size = other.size;
    }

    /** The section tag of a constant-key cache's state. */
    static final int TAG = 0x54534E43;   // "CNST"

    /** Writes the fields the copy constructor copies. */
    void writeOwnState(StateWriter out) {
        out.tag(TAG);
        out.writeDoubles(aggregate);
        out.writeDouble(keyX);
        out.writeDouble(keyY);
        out.writeLong(size);
    }

    /** The cache {@link #writeState} wrote, for a head of {@code mode} and values of {@code valueWidth}. */
    ConstantKeyCache(StateReader in, AttentionMode mode, int valueWidth) throws StateFormatException {
        in.tag(TAG);
        this.mode = mode;
        this.width = valueWidth;
        aggregate = in.readDoubles(valueWidth, false, "constant-key aggregate");
        keyX = in.readDouble();
        keyY = in.readDouble();
        size = in.readLong(0, Long.MAX_VALUE, "constant-key positions");
    }

    @Override
    public AttentionCache copy() {
        return new ConstantKeyCache(this);
    }

    @Override
    public long retainedBytes() {
        return HeapBytes.of(aggregate);
    }

    @Override
    public void add(double keyX, double keyY, double[] value, int from) {
        Exact.requireFinite(keyX, keyY, "key");
        if (size == 0) {
            this.keyX = keyX;
            this.keyY = keyY;
        } else if (keyX != this.keyX || keyY != this.keyY) {
            throw new IllegalStateException("constant-key head got key (" + keyX + ", " + keyY
                    + ") at position " + size + " after (" + this.keyX + ", " + this.keyY + ")");
        }
        if (mode == AttentionMode.LATEST) {
            System.arraycopy(value, from, aggregate, 0, width);
        } else {
            for (int i = 0; i < width; i++) {
                aggregate[i] += value[from + i];
            }
        }
        size++;
    }

    @Override
    public void query(double queryX, double queryY, double[] out, int at) {
        query(queryX, queryY, out, at, UNNAMED);
    }

    /** LATEST names its output by the position whose value it is (the last one). */
    @Override
    public long query(double queryX, double queryY, double[] out, int at, long known) {
        AttentionCache.requireQuery(queryX, queryY, size);
        if (mode == AttentionMode.LATEST) {
            long identity = size - 1;
            if (identity != known) {
                System.arraycopy(aggregate, 0, out, at, width);
            }
            return identity;
        } else {
            for (int i = 0; i < width; i++) {
                out[at + i] = aggregate[i] / size;
            }
            return UNNAMED;
        }
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
