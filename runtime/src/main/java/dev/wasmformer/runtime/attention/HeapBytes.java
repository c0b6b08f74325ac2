package dev.wasmformer.runtime.attention;

/**
 * The heap that primitive arrays take, as a 64-bit JVM lays them out: a 16-byte header, then
 * the elements, rounded up to 8 bytes. For the {@code retainedBytes} figures of a run's state
 * (what a kept prompt prefix costs): they count primitive arrays only, not objects' own fields
 * or arrays of references (a few per head or layer), the primitive arrays being nearly all of
 * a state that grows with its positions.
 */
public final class HeapBytes {
    private HeapBytes() {}

    /**
     * The bytes of {@code arrays}: primitive arrays, or arrays of them (their rows counted, not
     * the array of references), or null (none).
     */
    public static long of(Object... arrays) {
        long bytes = 0;
        for (Object a : arrays) {
            bytes += array(a);
        }
        return bytes;
    }

    private static long array(Object a) {
        if (a == null) {
            return 0;
        }
        if (a instanceof double[] d) {
            return aligned(8L * d.length);
        }
        if (a instanceof long[] l) {
            return aligned(8L * l.length);
        }
        if (a instanceof int[] i) {
            return aligned(4L * i.length);
        }
        if (a instanceof byte[] b) {
            return aligned(b.length);
        }
        if (a instanceof boolean[] b) {
            return aligned(b.length);
        }
        if (a instanceof Object[] rows) {
            long bytes = 0;
            for (Object row : rows) {
                bytes += array(row);
            }
            return bytes;
        }
        throw new IllegalArgumentException("not an array: " + a.getClass().getName());
    }

    private static long aligned(long elements) {
        return (16 + elements + 7) & ~7L;
    }
}
