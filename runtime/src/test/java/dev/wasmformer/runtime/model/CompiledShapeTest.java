package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shapes of the hot methods' bytecode that keep HotSpot's C2 from inlining rare paths into
 * them (see {@code SparseFeedForward.applyUnfiltered}): checked here, since nothing else
 * fails when an edit undoes them (only the JIT's recompilations come back).
 */
class CompiledShapeTest {
    /** HotSpot's default FreqInlineSize: C2 inlines no larger method into a hot call site. */
    private static final int FREQ_INLINE_SIZE = 325;

    /** The bytecode length of every method of {@code type} that has code, by name (the last of equal names). */
    private static Map<String, Integer> codeLengths(Class<?> type) throws IOException {
        String resource = type.getSimpleName() + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            DataInputStream data = new DataInputStream(in);
            data.readInt();                  // magic
            data.readUnsignedShort();        // minor
            data.readUnsignedShort();        // major
            int constants = data.readUnsignedShort();
            String[] utf8 = new String[constants];
            for (int i = 1; i < constants; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = data.readUTF();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipNBytes(4);
                    case 5, 6 -> {
                        data.skipNBytes(8);
                        i++;                 // takes two entries
                    }
                    case 7, 8, 16, 19, 20 -> data.skipNBytes(2);
                    case 15 -> data.skipNBytes(3);
                    default -> throw new IOException("constant tag " + tag);
                }
            }
            data.skipNBytes(6);              // access, this, super
            data.skipNBytes(2L * data.readUnsignedShort());
            for (int f = data.readUnsignedShort(); f > 0; f--) {
                data.skipNBytes(6);
                skipAttributes(data);
            }
            Map<String, Integer> lengths = new HashMap<>();
            for (int m = data.readUnsignedShort(); m > 0; m--) {
                data.skipNBytes(2);
                String name = utf8[data.readUnsignedShort()];
                data.skipNBytes(2);
                for (int a = data.readUnsignedShort(); a > 0; a--) {
                    String attribute = utf8[data.readUnsignedShort()];
                    int length = data.readInt();
                    if (attribute.equals("Code")) {
                        data.skipNBytes(4);  // max stack, max locals
                        lengths.put(name, data.readInt());
                        data.skipNBytes(length - 8);
                    } else {
                        data.skipNBytes(length);
                    }
                }
            }
            return lengths;
        }
    }

    private static void skipAttributes(DataInputStream data) throws IOException {
        for (int a = data.readUnsignedShort(); a > 0; a--) {
            data.skipNBytes(2);
            data.skipNBytes(Integer.toUnsignedLong(data.readInt()));
        }
    }

    @Test
    void theFeedForwardsUnfilteredStepIsTooLargeForC2ToInlineIntoApply() throws IOException {
        Map<String, Integer> lengths = codeLengths(SparseFeedForward.class);
        assertThat(lengths).containsKeys("apply", "applyUnfiltered", "select");
        assertThat(lengths.get("applyUnfiltered")).as("bytes of applyUnfiltered").isGreaterThan(FREQ_INLINE_SIZE);
        assertThat(lengths.get("apply")).as("bytes of apply, which C2 compiles with ready() inlined")
                .isLessThanOrEqualTo(FREQ_INLINE_SIZE);
    }
}
