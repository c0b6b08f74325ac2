package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.attention.HeapBytes;
import java.util.Arrays;

/**
 * A position head's output sums per value name: the non-zero (residual row, sum) pairs its
 * output matrix gives for the stored vector of that name. A name stands for one vector, bit
 * for bit, for as long as the head keeps its values ({@link PositionValues#name}), and the sums
 * are a function of the vector, so a name seen again needs neither its vector unpacked nor
 * its sums computed. The interpreter's fetch head answers with one of the program's
 * instructions at each of them, a few hundred names over millions of tokens.
 *
 * <p>A run's cache, not its state: a copy of a head starts with an empty one, and none is
 * written with the state. It holds at most {@link #MAX_NAMES} names and {@link #MAX_PAIRS}
 * pairs; past that a name is not added (its sums are computed each time, as before).
 */
final class OutputMemo {
    static final int MAX_NAMES = 1 << 13;
    static final int MAX_PAIRS = 1 << 17;

    private int[] keys = new int[64];      // open addressing: name + 1, 0 for an empty slot
    private int[] entry = new int[64];     // the slot's first pair
    private int[] pairStart = new int[65]; // per entry, then the end of the last
    private int[] rows = new int[256];
    private double[] sums = new double[256];
    private int names;

    /** The entry of {@code name}, or -1. */
    int find(long name) {
        if (name < 0 || name >= Integer.MAX_VALUE) {
            return -1;
        }
        int key = (int) name + 1;
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) {
                return entry[i];
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    /** The number of pairs of entry e. */
    int count(int e) {
        return pairStart[e + 1] - pairStart[e];
    }

    /** Copies entry e's pairs to {@code toRows[at ..]}, {@code toSums[at ..]}. */
    void copy(int e, int[] toRows, double[] toSums, int at) {
        int from = pairStart[e];
        int n = pairStart[e + 1] - from;
        System.arraycopy(rows, from, toRows, at, n);
        System.arraycopy(sums, from, toSums, at, n);
    }

    /** Adds {@code name}'s pairs {@code fromRows[from .. to)}, {@code fromSums[from .. to)}, if there is room. */
    void put(long name, int[] fromRows, double[] fromSums, int from, int to) {
        if (name < 0 || name >= Integer.MAX_VALUE || names == MAX_NAMES) {
            return;
        }
        int start = pairStart[names];
        int n = to - from;
        if (start + n > MAX_PAIRS || find(name) >= 0) {
            return;
        }
        if (start + n > rows.length) {
            int grown = Math.max(start + n, 2 * rows.length);
            rows = Arrays.copyOf(rows, grown);
            sums = Arrays.copyOf(sums, grown);
        }
        System.arraycopy(fromRows, from, rows, start, n);
        System.arraycopy(fromSums, from, sums, start, n);
        if (names + 2 > pairStart.length) {
            pairStart = Arrays.copyOf(pairStart, 2 * pairStart.length);
        }
        pairStart[names + 1] = start + n;
        if (2 * (names + 1) > keys.length) {
            rehash(2 * keys.length);
        }
        insert((int) name + 1, names);
        names++;
    }

    private void insert(int key, int e) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        entry[i] = e;
    }

    private void rehash(int size) {
        int[] oldKeys = keys;
        int[] oldEntry = entry;
        keys = new int[size];
        entry = new int[size];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                insert(oldKeys[i], oldEntry[i]);
            }
        }
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The heap its arrays take ({@link HeapBytes}). */
    long retainedBytes() {
        return HeapBytes.of(keys, entry, pairStart, rows, sums);
    }
}
