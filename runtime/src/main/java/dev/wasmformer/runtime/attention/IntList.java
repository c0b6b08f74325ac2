package dev.wasmformer.runtime.attention;

import dev.wasmformer.runtime.state.StateFormatException;
import dev.wasmformer.runtime.state.StateReader;
import dev.wasmformer.runtime.state.StateWriter;
import java.util.Arrays;

/** A growable list of ints, reused across calls so that steady state allocates nothing. */
final class IntList {
    private int[] items = new int[8];
    private int size;

    IntList() {}

    /** A copy with the same items, its array trimmed to them (at least one, so that add's doubling grows it). */
    IntList(IntList other) {
        items = Arrays.copyOf(other.items, Math.max(1, other.size));
        size = other.size;
    }

    /** Its items, written for {@link #IntList(StateReader, int)}. */
    void write(StateWriter out) {
        out.writeInt(size);
        out.writeInts(items, Math.max(1, size));   // as a copy holds them
    }

    /** The list {@link #write} wrote, every item in [0, bound). */
    IntList(StateReader in, int bound, String what) throws StateFormatException {
        size = in.readInt(0, Integer.MAX_VALUE - 1, what + " size");
        items = in.readInts(Math.max(1, size), false, what);
        StateReader.within(items, size, 0, bound - 1, what);
    }

    /** The heap its array takes ({@link HeapBytes}). */
    long retainedBytes() {
        return HeapBytes.of(items);
    }

    void add(int value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, 2 * size);
        }
        items[size++] = value;
    }

    int get(int index) {
        return items[index];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }
}
