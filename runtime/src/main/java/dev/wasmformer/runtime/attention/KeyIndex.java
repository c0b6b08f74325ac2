package dev.wasmformer.runtime.attention;

/**
 * A hash map from a 2-D key to an entry number, for merging identical keys: open addressing
 * with linear probing and backward-shift deletion, primitive arrays only. Keys must be finite
 * with -0.0 normalised to 0.0, so that equal reals have equal bits (the table compares bits).
 *
 * <p>A slot is four longs of one array, {x bits, y bits, entry + 1, unused}: a probe reads
 * one 32-byte block (within one cache line) instead of three arrays; entry + 1 is 0 in an
 * empty slot, so a new table needs no fill.
 */
final class KeyIndex {
    private static final int EMPTY = -1;
    private static final int STRIDE = 4;
    private long[] table;
    private int mask;       // capacity - 1, the capacity in slots
    private int size;

    KeyIndex() {
        allocate(16);
    }

    /** An empty index whose table holds {@code keys} keys before it grows (the smallest such, at least 16 slots). */
    KeyIndex(int keys) {
        allocate(smallestCapacity(keys));
    }

    private static int smallestCapacity(int keys) {
        int capacity = 16;
        while (capacity < 2 * keys) {
            capacity *= 2;
        }
        return capacity;
    }

    /**
     * A copy with the same keys, in the smallest table that holds them (at least 16 slots, at
     * most half full): in the same slots when other's table is that size, else rehashed (a
     * table only grows, so it is larger after removals). Lookups do not depend on the slots.
     */
    KeyIndex(KeyIndex other) {
        int capacity = smallestCapacity(other.size);
        size = other.size;
        if (capacity == other.mask + 1) {
            table = other.table.clone();
            mask = other.mask;
        } else {
            allocate(capacity);
            long[] t = other.table;
            for (int at = 0; at < t.length; at += STRIDE) {
                if (t[at + 2] != 0) {
                    insert(t[at], t[at + 1], t[at + 2]);
                }
            }
        }
    }

    /** The heap its table takes ({@link HeapBytes}). */
    long retainedBytes() {
        return HeapBytes.of(table);
    }

    /** The entry stored under (x, y), or -1. */
    int get(double x, double y) {
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
        if (2 * (size + 1) > mask + 1) {
            rehash(2 * (mask + 1));
        }
        insert(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(y), e + 1L);
        size++;
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
        size--;
    }

    /** Number of keys stored (for tests). */
    int size() {
        return size;
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
