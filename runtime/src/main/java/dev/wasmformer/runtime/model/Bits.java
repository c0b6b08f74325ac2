package dev.wasmformer.runtime.model;

/** Bit sets over small index ranges as {@code long[]} words, for the sparse forward pass. */
final class Bits {
    private Bits() {
    }

    static long[] words(int size) {
        return new long[(size + 63) >>> 6];
    }

    static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << i;
    }

    /** The indexes of the set bits, increasing. */
    static int[] toArray(long[] bits) {
        int n = 0;
        for (long w : bits) {
            n += Long.bitCount(w);
        }
        int[] out = new int[n];
        int k = 0;
        for (int w = 0; w < bits.length; w++) {
            for (long b = bits[w]; b != 0; b &= b - 1) {
                out[k++] = (w << 6) + Long.numberOfTrailingZeros(b);
            }
        }
        return out;
    }
}
