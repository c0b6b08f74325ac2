package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.state.StateFormatException;
import dev.wasmformer.runtime.state.StateReader;
import dev.wasmformer.runtime.state.StateWriter;
import dev.wasmformer.runtime.attention.HeapBytes;
import java.util.Arrays;

/**
 * The value vectors of a position-key head, one per position, stored compactly and read back
 * as the same doubles, bit for bit. A position whose vector equals the previous position's
 * shares its storage (a wide value computed from the instruction being executed repeats over
 * the instruction's tokens); a vector of only 0.0 and 1.0 (bits) is packed one bit per
 * component, one of only whole numbers 0..255 (bytes, +0.0 included) one byte per component,
 * one of only whole numbers 0..2^32-1 (e.g. a slot word beside its bytes and bits) 32 bits per
 * component; any other is kept as raw doubles. Per position the cost is one int plus its share of the
 * stored vectors.
 */
final class PositionValues {
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
    private static final int RAW = 0, BITS = 1, BYTES = 2, WORDS = 3;
    private static final double WORD_LIMIT = 0x1p32;
    private static final int SHORT = 8;    // vectors up to this width are compared in a loop

    private final int width;
    private final int packedLongs;
    private final int byteLongs;
    private final int wordLongs;
    private int[] index = new int[64];     // per position: (offset << 2) | encoding
    private long[] pool = new long[256];
    private int poolSize;
    private final double[] last;           // the vector of the latest position
    private int lastEncoding;
    private boolean lastZero;              // last holds only +0.0
    private double[] zeros;                // width +0.0s, made at the first appendZero that needs them
    private long size;

    PositionValues(int width) {
        this.width = width;
        this.packedLongs = (width + 63) >>> 6;
        this.byteLongs = (width + 7) >>> 3;
        this.wordLongs = (width + 1) >>> 1;
        this.last = new double[width];
    }

    /**
     * An independent copy holding the same vectors, its arrays trimmed to them (the index to at
     * least one position, so that append's doubling grows it).
     */
    PositionValues(PositionValues other) {
        width = other.width;
        packedLongs = other.packedLongs;
        byteLongs = other.byteLongs;
        wordLongs = other.wordLongs;
        index = Arrays.copyOf(other.index, Math.max(1, Math.toIntExact(other.size)));
        pool = Arrays.copyOf(other.pool, other.poolSize);
        poolSize = other.poolSize;
        last = other.last.clone();
        lastEncoding = other.lastEncoding;
        lastZero = other.lastZero;
        size = other.size;
    }

    long size() {
        return size;
    }

    /** Writes what the copy constructor copies: the index and pool as far as they are used. */
    void writeState(StateWriter out) {
        out.writeInt(Math.toIntExact(size));
        out.writeInts(index, Math.max(1, Math.toIntExact(size)));   // as a copy holds it
        out.writeLongs(pool, poolSize);
        out.writeDoubles(last);
        out.writeInt(lastEncoding);
    }

    /**
     * The vectors {@link #writeState} wrote, of {@code width} components; every position's
     * vector lies within the pool.
     */
    PositionValues(StateReader in, int width) throws StateFormatException {
        this(width);
        int positions = in.readInt(0, Integer.MAX_VALUE - 1, "position values");
        int[] read = in.readInts(Math.max(1, positions), false, "position value index");
        long[] readPool = in.readLongs(StateReader.ANY, false, "position value pool");
        for (int j = 0; j < positions; j++) {
            int offset = read[j] >>> 2;
            int encoding = read[j] & 3;
            int longs = encoding == RAW ? width : encoding == BITS ? packedLongs
                    : encoding == BYTES ? byteLongs : wordLongs;
            if ((long) offset + longs > readPool.length) {
                throw new StateFormatException("position value " + j + " lies beyond its pool of " + readPool.length);
            }
        }
        size = positions;
        index = read;
        pool = readPool;
        poolSize = readPool.length;
        double[] readLast = in.readDoubles(width, false, "position value last");
        System.arraycopy(readLast, 0, last, 0, width);
        lastEncoding = in.readInt(RAW, WORDS, "position value last encoding");
        lastZero = allPositiveZero(last);
    }

    private static boolean allPositiveZero(double[] v) {
        for (double d : v) {
            if (Double.doubleToRawLongBits(d) != 0L) {
                return false;
            }
        }
        return true;
    }

    /** The heap its arrays take ({@link HeapBytes}). */
    long retainedBytes() {
        return HeapBytes.of(index, pool, last);
    }

    /** Appends the vector {@code p[from .. from + width)} as the next position's. */
    void append(double[] p, int from) {
        // The common case, a repeat of the last vector, in a method short enough to inline.
        long n = size;
        boolean compared = n > 0 && n < index.length;
        if (compared && sameAsLast(p, from)) {
            index[(int) n] = index[(int) n - 1];
            size = n + 1;
            return;
        }
        appendOther(p, from, compared);
    }

    /**
     * {@link #append} of a vector of +0.0 only: without comparing it when the last one was
     * that vector too (a wide value that reads no live slot repeats so over most of a trace).
     */
    void appendZero() {
        long n = size;
        if (lastZero && n > 0 && n < index.length) {
            index[(int) n] = index[(int) n - 1];
            size = n + 1;
            return;
        }
        if (zeros == null) {
            zeros = new double[width];
        }
        append(zeros, 0);
    }

    /** {@link #append} of a vector that is not known to repeat the last ({@code compared}: it does not). */
    private void appendOther(double[] p, int from, boolean compared) {
        int j = Math.toIntExact(size);
        if (j == index.length) {
            index = Arrays.copyOf(index, 2 * index.length);
        }
        if (j > 0 && !compared && sameAsLast(p, from)) {
            index[j] = index[j - 1];
            size++;
            return;
        }
        int offset = poolSize;
        if (offset > (Integer.MAX_VALUE >>> 2)) {
            throw new IllegalStateException("position values exceed the store's capacity");
        }
        reserve(packedLongs);
        // Bits first, in one pass (a changed vector of the interpreter's operand snapshot is
        // always bits): the general test and packing take two passes and more per component.
        int encoding = packBits(p, from, offset) ? BITS : encodingOf(p, from);   // both copy the vector to last
        lastEncoding = encoding;
        lastZero = encoding == BITS && allClear(offset);
        int need = encoding == BITS ? packedLongs : encoding == BYTES ? byteLongs
                : encoding == WORDS ? wordLongs : width;
        reserve(need);
        // Each packed long is assembled in a local and stored once: or-ing into the pool
        // component by component makes every iteration wait for the previous one's store.
        switch (encoding) {
            case BITS -> { }   // packed already
            case BYTES -> pack(p, from, offset, byteLongs, 8, 8);
            case WORDS -> pack(p, from, offset, wordLongs, 2, 32);
            default -> {
                for (int i = 0; i < width; i++) {
                    pool[offset + i] = Double.doubleToRawLongBits(p[from + i]);
                }
            }
        }
        poolSize += need;
        index[j] = (offset << 2) | encoding;
        size++;
    }

    /** Whether the packed bits at {@code pool[offset ..]} are all clear. */
    private boolean allClear(int offset) {
        long any = 0;
        for (int w = 0; w < packedLongs; w++) {
            any |= pool[offset + w];
        }
        return any == 0;
    }

    /** Grows the pool to hold {@code longs} more after {@link #poolSize}. */
    private void reserve(int longs) {
        if (poolSize + longs > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(poolSize + longs, 2 * pool.length));
        }
    }

    /**
     * Packs the vector one bit per component into {@code packedLongs} longs from
     * {@code pool[offset]} and copies it to {@code last}; returns whether every component is
     * +0.0 or 1.0 (else what it packed means nothing). A component's bit is bit 52 of its raw
     * bits (the exponent's lowest: set in 1.0, clear in +0.0), and the raw bits are exactly
     * those of 1.0 or +0.0 when they equal that bit spread over 1.0's bits; no branch per component.
     */
    private boolean packBits(double[] p, int from, int offset) {
        long[] pool = this.pool;
        double[] last = this.last;
        long others = 0;   // non-zero once some component is neither +0.0 nor 1.0
        for (int w = 0, i = 0; w < packedLongs; w++) {
            long word = 0;
            for (int end = Math.min(width, i + 64); i < end; i++) {
                double v = p[from + i];
                last[i] = v;
                long raw = Double.doubleToRawLongBits(v);
                long bit = raw >>> 52 & 1L;
                others |= raw ^ (-bit & ONE_BITS);
                word |= bit << i;   // a long shift takes i mod 64
            }
            pool[offset + w] = word;
        }
        return others == 0;
    }

    /**
     * Packs the vector (whole numbers that fit {@code bits} bits, no -0.0) into {@code longs}
     * longs from {@code pool[offset]}, {@code perLong} components per long, lowest first.
     */
    private void pack(double[] p, int from, int offset, int longs, int perLong, int bits) {
        long[] pool = this.pool;
        for (int w = 0, i = 0; w < longs; w++) {
            long word = 0;
            for (int end = Math.min(width, i + perLong), shift = 0; i < end; i++, shift += bits) {
                word |= (long) p[from + i] << shift;
            }
            pool[offset + w] = word;
        }
    }

    /**
     * The most compact encoding that gives back exactly these doubles (so never for -0.0), of a
     * vector that is not bits ({@link #packBits} said so); copies the vector to {@code last} on the way.
     */
    private int encodingOf(double[] p, int from) {
        double[] last = this.last;
        boolean bytes = true;
        boolean words = true;
        // Non-short-circuit operators: the components' kinds mix unpredictably (bits beside
        // bytes), and a branch per test would be mispredicted often.
        for (int i = 0; i < width; i++) {
            double v = p[from + i];
            last[i] = v;
            long raw = Double.doubleToRawLongBits(v);
            boolean bit = raw == 0L | raw == ONE_BITS;
            words &= bit | v > 0 & v < WORD_LIMIT & v == Math.rint(v);
            bytes &= bit | v <= 255;
        }
        return !words ? RAW : bytes ? BYTES : WORDS;
    }

    /**
     * Whether the vector has the bits of the last one. {@link Arrays#mismatch} compares whole
     * words at a time but takes two NaNs of different bits as equal, so a last vector that may
     * hold a NaN (only a raw one can) is compared bit by bit.
     */
    private boolean sameAsLast(double[] p, int from) {
        if (width <= SHORT) {
            // A short vector is compared bit by bit directly (no call, and NaNs need no care).
            for (int i = 0; i < width; i++) {
                if (Double.doubleToRawLongBits(p[from + i]) != Double.doubleToRawLongBits(last[i])) {
                    return false;
                }
            }
            return true;
        }
        if (Arrays.mismatch(p, from, from + width, last, 0, width) >= 0) {
            return false;
        }
        if (lastEncoding != RAW) {
            return true;
        }
        for (int i = 0; i < width; i++) {
            if (Double.doubleToRawLongBits(p[from + i]) != Double.doubleToRawLongBits(last[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Names position j's vector: positions with the same name have the same vector, bit for bit
     * (a position that repeats the previous one's vector shares its storage and so its name).
     * A name is &gt;= 0.
     */
    int name(long j) {
        return index[(int) j];
    }

    /**
     * Copies position j's vector to {@code out[at ..]}. A packed vector is read a long at a
     * time, its components taken out with constant shifts (the inner loops have constant trip
     * counts, which the JIT unrolls), not one long load and variable shift per component.
     */
    void copy(long j, double[] out, int at) {
        int entry = index[(int) j];
        int offset = entry >>> 2;
        long[] pool = this.pool;
        int width = this.width;
        switch (entry & 3) {
            case BITS -> {
                for (int i = 0; i < width; i++) {
                    out[at + i] = (double) (pool[offset + (i >>> 6)] >>> i & 1L);   // +0.0 or 1.0
                }
            }
            case BYTES -> {
                int whole = width >>> 3;
                for (int w = 0; w < whole; w++) {
                    long word = pool[offset + w];
                    int o = at + (w << 3);
                    for (int k = 0; k < 8; k++) {
                        out[o + k] = (double) (word >>> (k << 3) & 0xFFL);
                    }
                }
                for (int i = whole << 3; i < width; i++) {
                    out[at + i] = (double) (pool[offset + (i >>> 3)] >>> ((i & 7) << 3) & 0xFFL);
                }
            }
            case WORDS -> {
                int whole = width >>> 1;
                for (int w = 0; w < whole; w++) {
                    long word = pool[offset + w];
                    out[at + 2 * w] = (double) (word & 0xFFFF_FFFFL);
                    out[at + 2 * w + 1] = (double) (word >>> 32);
                }
                if ((width & 1) != 0) {
                    out[at + width - 1] = (double) (pool[offset + whole] & 0xFFFF_FFFFL);
                }
            }
            default -> {
                for (int i = 0; i < width; i++) {
                    out[at + i] = Double.longBitsToDouble(pool[offset + i]);
                }
            }
        }
    }

    /** Adds position j's vector to {@code out[at ..]}, component by component. */
    void add(long j, double[] out, int at) {
        int entry = index[(int) j];
        int offset = entry >>> 2;
        switch (entry & 3) {
            case BITS -> {
                for (int i = 0; i < width; i++) {
                    out[at + i] += (double) (pool[offset + (i >>> 6)] >>> i & 1L);
                }
            }
            case BYTES -> {
                for (int i = 0; i < width; i++) {
                    out[at + i] += (double) (pool[offset + (i >>> 3)] >>> ((i & 7) << 3) & 0xFFL);
                }
            }
            case WORDS -> {
                for (int i = 0; i < width; i++) {
                    out[at + i] += (double) (pool[offset + (i >>> 1)] >>> ((i & 1) << 5) & 0xFFFF_FFFFL);
                }
            }
            default -> {
                for (int i = 0; i < width; i++) {
                    out[at + i] += Double.longBitsToDouble(pool[offset + i]);
                }
            }
        }
    }
}
