package dev.wasmformer.runtime.attention;

import java.util.Arrays;

/**
 * A hash map from a 2-D key to an entry number, for merging identical keys: open addressing
 * with linear probing and backward-shift deletion, primitive arrays only. Keys must be finite
 * with -0.0 normalised to 0.0, so that equal reals have equal bits.
 */
final class KeyIndex {
    private static final int EMPTY = -1;
    private double[] xs;
    private double[] ys;
    private int[] entries;
    private int mask;
    private int size;

    KeyIndex() {
        allocate(16);
    }

    /** The entry stored under (x, y), or -1. */
    int get(double x, double y) {
        for (int slot = hash(x, y) & mask; ; slot = (slot + 1) & mask) {
            int e = entries[slot];
            if (e == EMPTY) {
                return EMPTY;
            }
            if (xs[slot] == x && ys[slot] == y) {
                return e;
            }
        }
    }

    /** Stores entry e under (x, y), which must be absent. */
    void put(double x, double y, int e) {
        if (2 * (size + 1) > entries.length) {
            rehash(2 * entries.length);
        }
        int slot = hash(x, y) & mask;
        while (entries[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        xs[slot] = x;
        ys[slot] = y;
        entries[slot] = e;
        size++;
    }

    /** Removes the key (x, y), which must be present. */
    void remove(double x, double y) {
        int slot = hash(x, y) & mask;
        while (!(xs[slot] == x && ys[slot] == y && entries[slot] != EMPTY)) {
            slot = (slot + 1) & mask;
        }
        // Backward shift: pull later members of the probe run into the hole when their home
        // slot does not lie (cyclically) strictly between the hole and their current slot.
        int hole = slot;
        for (int next = (hole + 1) & mask; entries[next] != EMPTY; next = (next + 1) & mask) {
            int home = hash(xs[next], ys[next]) & mask;
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                xs[hole] = xs[next];
                ys[hole] = ys[next];
                entries[hole] = entries[next];
                hole = next;
            }
        }
        entries[hole] = EMPTY;
        size--;
    }

    private void rehash(int capacity) {
        double[] oldXs = xs;
        double[] oldYs = ys;
        int[] oldEntries = entries;
        allocate(capacity);
        for (int i = 0; i < oldEntries.length; i++) {
            if (oldEntries[i] != EMPTY) {
                put(oldXs[i], oldYs[i], oldEntries[i]);
            }
        }
    }

    private void allocate(int capacity) {
        xs = new double[capacity];
        ys = new double[capacity];
        entries = new int[capacity];
        Arrays.fill(entries, EMPTY);
        mask = capacity - 1;
        size = 0;
    }

    private static int hash(double x, double y) {
        long h = Double.doubleToRawLongBits(x) * 0x9E3779B97F4A7C15L
                + Double.doubleToRawLongBits(y) * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }
}
