package dev.wasmformer.runtime.attention;

/**
 * A map from a 2-D key to an entry number, for merging identical keys. Keys must be finite
 * with -0.0 normalised to 0.0, so that equal reals have equal bits (the table compares bits).
 *
 * <p>Keys on the parabola of lookup keys, {@code (2a, -a^2)} with an integer a (a slot or
 * memory address), live in a dense array indexed by {@code a - lo} over a window of a's that
 * grows by doubling while it stays within a few ints per key (entry + 1, 0 if absent): the
 * addresses a head writes are few and close together, so a lookup reads one int of a small
 * array (often in cache) instead of a probe of a hash table that, for thousands of keys, is
 * larger than the L2 cache. Every parabola key whose a lies in the window is in the array, so
 * a key is looked up in exactly one of the two.
 *
 * <p>Other keys are hashed: open addressing with linear probing and backward-shift deletion,
 * primitive arrays only. A slot is four longs of one array, {x bits, y bits, entry + 1,
 * unused}: a probe reads one 32-byte block (within one cache line) instead of three arrays;
 * entry + 1 is 0 in an empty slot, so a new table needs no fill.
 */
final class KeyIndex {
    private static final int EMPTY = -1;
    private static final int STRIDE = 4;
    private long[] table;
    private int mask;       // capacity - 1, the capacity in slots
    private int hashed;     // keys in the table
    // The window of a's [lo, lo + dense.length) (null before the first parabola key).
    private int[] dense;
    private long lo;
    private int denseKeys;
    private int hashedParabola;     // parabola keys in the table (outside the window)
    private int putsSinceMove;      // parabola keys put outside the window since it last moved
    /** Parabola keys have |a| at most this: then 2a is exact and a^2 fits a long. */
    private static final long MAX_A = 1L << 30;
    private static final int MIN_WINDOW = 64;

    KeyIndex() {
        allocate(16);
    }

    /**
     * A copy with the same keys, put in increasing order of their entries: the index a cache
     * rebuilds from its entries (a kept copy's copy) is then this one, array for array, and
     * the hash table is the smallest that holds its keys. Lookups do not depend on the slots.
     */
    KeyIndex(KeyIndex other) {
        this();
        int n = other.size();
        long[] order = new long[n];     // entry << 32 | i
        double[] xs = new double[n];
        double[] ys = new double[n];
        int i = 0;
        long[] t = other.table;
        for (int at = 0; at < t.length; at += STRIDE) {
            if (t[at + 2] != 0) {
                xs[i] = Double.longBitsToDouble(t[at]);
                ys[i] = Double.longBitsToDouble(t[at + 1]);
                order[i] = (t[at + 2] - 1) << 32 | i;
                i++;
            }
        }
        int[] d = other.dense;
        for (int k = 0; d != null && k < d.length; k++) {
            if (d[k] != 0) {
                long a = other.lo + k;
                xs[i] = 2.0 * a;
                ys[i] = -(double) (a * a) + 0.0;   // the key as stored: a = 0 is (0.0, 0.0)
                order[i] = (long) (d[k] - 1) << 32 | i;
                i++;
            }
        }
        java.util.Arrays.sort(order);
        for (long o : order) {
            int k = (int) o;
            put(xs[k], ys[k], (int) (o >>> 32));
        }
    }

    /** The heap its arrays take ({@link HeapBytes}). */
    long retainedBytes() {
        return HeapBytes.of(table) + (dense == null ? 0 : HeapBytes.of(dense));
    }

    /** The entry stored under (x, y), or -1. */
    int get(double x, double y) {
        int[] d = dense;
        if (d != null) {
            long a = (long) (x * 0.5);
            long i = a - lo;
            if (i >= 0 && i < d.length && x == 2.0 * a && y == -(double) (a * a)) {
                return d[(int) i] - 1;
            }
        }
        long xb = Double.doubleToRawLongBits(x);
        long yb = Double.doubleToRawLongBits(y);
        long[] t = table;
        for (int slot = hash(xb, yb) & mask; ; slot = (slot + 1) & mask) {
            int at = slot * STRIDE;
            long e = t[at + 2];
            if (e == 0) {
                return EMPTY;
            }
            if (t[at] == xb && t[at + 1] == yb) {
                return (int) e - 1;
            }
        }
    }

    /** Stores entry e (&gt;= 0) under (x, y), which must be absent. */
    void put(double x, double y, int e) {
        long a = parabolaIndex(x, y);
        if (a != NOT_PARABOLA && !inWindow(a)) {
            placeWindowFor(a);
        }
        if (a != NOT_PARABOLA && inWindow(a)) {
            dense[(int) (a - lo)] = e + 1;
            denseKeys++;
            return;
        }
        if (2 * (hashed + 1) > mask + 1) {
            rehash(2 * (mask + 1));
        }
        insert(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(y), e + 1L);
        hashed++;
        if (a != NOT_PARABOLA) {
            hashedParabola++;
        }
    }

    private static final long NOT_PARABOLA = Long.MIN_VALUE;

    /** The a of a key (2a, -a^2) with |a| &lt;= MAX_A, else NOT_PARABOLA. */
    private static long parabolaIndex(double x, double y) {
        double half = x * 0.5;
        if (!(Math.abs(half) <= MAX_A)) {
            return NOT_PARABOLA;
        }
        long a = (long) half;
        return x == 2.0 * a && y == -(double) (a * a) ? a : NOT_PARABOLA;
    }

    private boolean inWindow(long a) {
        return dense != null && a - lo >= 0 && a - lo < dense.length;
    }

    /**
     * Makes the window hold a if it can: by doubling it (at most 8 ints per key, or 1,024
     * ints), else by moving it, as wide as that allows, to a when the hash holds more than
     * twice as many parabola keys as the window (the window sat on the wrong addresses, e.g.
     * an "invalid" key far below the others came first) and at least size / 8 keys were put
     * since the last move (so moves cost O(1) per put, amortised).
     */
    private void placeWindowFor(long a) {
        long limit = Math.max(1024, 8L * (size() + 1));
        long newLo;
        long length;
        if (dense == null) {
            length = MIN_WINDOW;
            newLo = a - MIN_WINDOW / 4;   // addresses mostly grow upwards
        } else {
            newLo = lo;
            length = dense.length;
            while (a < newLo || a >= newLo + length) {
                long hi = newLo + length;
                length *= 2;
                newLo = a < newLo ? hi - length : newLo;
            }
        }
        if (length > limit || newLo < -MAX_A || newLo + length - 1 > MAX_A) {
            putsSinceMove++;
            if (hashedParabola + 1 <= 2L * denseKeys || putsSinceMove < size() / 8) {
                return;
            }
            length = Long.highestOneBit(Math.min(limit, MAX_A));
            newLo = Math.max(-MAX_A, Math.min(MAX_A - length + 1, a - length / 4));
        }
        moveWindow(newLo, (int) length);
    }

    /** Sets the window to [newLo, newLo + length) and re-places every key. */
    private void moveWindow(long newLo, int length) {
        long[] oldTable = table;
        int[] oldDense = dense;
        long oldLo = lo;
        dense = new int[length];
        lo = newLo;
        // the table for the keys left out of the window (it shrinks when the window moves)
        int outside = 0;
        for (int at = 0; at < oldTable.length; at += STRIDE) {
            if (oldTable[at + 2] != 0) {
                long a = parabolaIndex(Double.longBitsToDouble(oldTable[at]), Double.longBitsToDouble(oldTable[at + 1]));
                outside += a != NOT_PARABOLA && inWindow(a) ? 0 : 1;
            }
        }
        for (int k = 0; oldDense != null && k < oldDense.length; k++) {
            outside += oldDense[k] != 0 && !inWindow(oldLo + k) ? 1 : 0;
        }
        int capacity = 16;
        while (capacity < 2 * outside) {
            capacity *= 2;
        }
        allocate(capacity);
        hashed = 0;
        hashedParabola = 0;
        denseKeys = 0;
        putsSinceMove = 0;
        for (int at = 0; at < oldTable.length; at += STRIDE) {
            if (oldTable[at + 2] != 0) {
                place(oldTable[at], oldTable[at + 1], (int) oldTable[at + 2]);
            }
        }
        for (int k = 0; oldDense != null && k < oldDense.length; k++) {
            if (oldDense[k] != 0) {
                long a = oldLo + k;
                place(Double.doubleToRawLongBits(2.0 * a), Double.doubleToRawLongBits(-(double) (a * a) + 0.0),
                        oldDense[k]);
            }
        }
    }

    /** Stores a key of the index again, in the window or the table (which has room). */
    private void place(long xb, long yb, int stored) {
        long a = parabolaIndex(Double.longBitsToDouble(xb), Double.longBitsToDouble(yb));
        if (a != NOT_PARABOLA && inWindow(a)) {
            dense[(int) (a - lo)] = stored;
            denseKeys++;
        } else {
            insert(xb, yb, stored);
            hashed++;
            if (a != NOT_PARABOLA) {
                hashedParabola++;
            }
        }
    }

    private void insert(long xb, long yb, long stored) {
        long[] t = table;
        int slot = hash(xb, yb) & mask;
        while (t[slot * STRIDE + 2] != 0) {
            slot = (slot + 1) & mask;
        }
        int at = slot * STRIDE;
        t[at] = xb;
        t[at + 1] = yb;
        t[at + 2] = stored;
    }

    /** Removes the key (x, y), which must be present. */
    void remove(double x, double y) {
        long a = parabolaIndex(x, y);
        if (a != NOT_PARABOLA && inWindow(a)) {
            dense[(int) (a - lo)] = 0;
            denseKeys--;
            return;
        }
        if (a != NOT_PARABOLA) {
            hashedParabola--;
        }
        long xb = Double.doubleToRawLongBits(x);
        long yb = Double.doubleToRawLongBits(y);
        long[] t = table;
        int slot = hash(xb, yb) & mask;
        while (!(t[slot * STRIDE + 2] != 0 && t[slot * STRIDE] == xb && t[slot * STRIDE + 1] == yb)) {
            slot = (slot + 1) & mask;
        }
        // Backward shift: pull later members of the probe run into the hole when their home
        // slot does not lie (cyclically) strictly between the hole and their current slot.
        int hole = slot;
        for (int next = (hole + 1) & mask; t[next * STRIDE + 2] != 0; next = (next + 1) & mask) {
            int home = hash(t[next * STRIDE], t[next * STRIDE + 1]) & mask;
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                System.arraycopy(t, next * STRIDE, t, hole * STRIDE, 3);
                hole = next;
            }
        }
        t[hole * STRIDE + 2] = 0;
        hashed--;
    }

    /** Number of keys stored. */
    int size() {
        return hashed + denseKeys;
    }

    /** Number of keys in the dense window (for tests). */
    int denseKeys() {
        return denseKeys;
    }

    private void rehash(int capacity) {
        long[] old = table;
        allocate(capacity);
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at + 2] != 0) {
                insert(old[at], old[at + 1], old[at + 2]);
            }
        }
    }

    private void allocate(int capacity) {
        table = new long[capacity * STRIDE];
        mask = capacity - 1;
    }

    private static int hash(long xb, long yb) {
        long h = xb * 0x9E3779B97F4A7C15L + yb * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }
}
