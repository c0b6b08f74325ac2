package dev.wasmformer.runtime.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class KeyIndexTest {
    private record Key(double x, double y) { }

    @Test
    void agreesWithAHashMapThroughPutsRemovalsAndRehashes() {
        for (int range : new int[] {3, 40, 5000}) {
            Random random = new Random(31 + range);
            exercise(new KeyIndex(), random, () -> randomKey(random, range), 40_000, 8, "range " + range);
        }
    }

    /**
     * Random puts (half the steps), removals (below removeBelow of 10) and lookups of present or
     * random keys against a HashMap; every 5,000 steps a copy must find the same entries.
     */
    private static KeyIndex exercise(KeyIndex index, Random random, Supplier<Key> keys, int steps,
            int removeBelow, String label) {
        Map<Key, Integer> reference = new HashMap<>();
        List<Key> present = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            Key key = keys.get();
            int op = random.nextInt(10);
            if (op < 5) {
                if (!reference.containsKey(key)) {
                    index.put(key.x(), key.y(), step);
                    reference.put(key, step);
                    present.add(key);
                }
            } else if (op < removeBelow && !present.isEmpty()) {
                Key gone = present.remove(random.nextInt(present.size()));
                index.remove(gone.x(), gone.y());
                reference.remove(gone);
            } else {
                Key asked = op == removeBelow && !present.isEmpty()
                        ? present.get(random.nextInt(present.size())) : key;
                assertThat(index.get(asked.x(), asked.y()))
                        .as("%s, step %d, %s", label, step, asked)
                        .isEqualTo(reference.getOrDefault(asked, -1));
            }
            assertThat(index.size()).isEqualTo(reference.size());
            if (step % 5_000 == 4_999) {
                KeyIndex copy = new KeyIndex(index);
                for (Key k : present) {
                    assertThat(copy.get(k.x(), k.y())).isEqualTo(reference.get(k));
                }
            }
        }
        for (Key key : present) {
            assertThat(index.get(key.x(), key.y())).isEqualTo(reference.get(key));
        }
        return index;
    }

    @Test
    void keepsEntryZeroApartFromAnEmptySlotAndTellsKeysApartByEveryBit() {
        KeyIndex index = new KeyIndex();
        index.put(0.0, 0.0, 0);
        index.put(1.0, 0.0, 1);
        index.put(0.0, Math.nextUp(0.0), 2);
        index.put(-5e300, 7.25, 3);
        assertThat(index.get(0.0, 0.0)).isEqualTo(0);
        assertThat(index.get(1.0, 0.0)).isEqualTo(1);
        assertThat(index.get(0.0, Math.nextUp(0.0))).isEqualTo(2);
        assertThat(index.get(-5e300, 7.25)).isEqualTo(3);
        assertThat(index.get(0.0, 1.0)).isEqualTo(-1);
        assertThat(index.get(Math.nextUp(1.0), 0.0)).isEqualTo(-1);
        index.remove(0.0, 0.0);
        assertThat(index.get(0.0, 0.0)).isEqualTo(-1);
        assertThat(index.get(1.0, 0.0)).isEqualTo(1);
    }

    /**
     * Keys on the lookup parabola (2a, -a^2) go to the dense window while it stays small; the
     * rest (far addresses, keys next to the parabola, huge a) are hashed, and the window moves
     * hashed parabola keys into itself when it grows over them. Against a HashMap throughout.
     */
    @Test
    void parabolaKeysInTheWindowAndEveryOtherKeyAgreeWithAHashMap() {
        for (int seed = 0; seed < 6; seed++) {
            Random random = new Random(100 + seed);
            KeyIndex index = exercise(new KeyIndex(), random, () -> parabolaOrNearKey(random), 30_000, 7,
                    "seed " + seed);
            assertThat(index.denseKeys()).as("seed %d", seed).isPositive().isLessThan(index.size());
        }
    }

    /** Addresses near 0, far ones (2^20, -2^25, beyond 2^30), and keys beside the parabola. */
    private static Key parabolaOrNearKey(Random random) {
        long a = switch (random.nextInt(8)) {
            case 0 -> (1L << 20) + random.nextInt(50);
            case 1 -> -(1L << 25) - random.nextInt(3);
            case 2 -> (1L << 30) + random.nextInt(5) - 2;
            case 3 -> -(1L << 30) - random.nextInt(5) + 2;
            default -> random.nextInt(3000) - 100;
        };
        double x = 2.0 * a;
        double y = -(double) (a * a);
        switch (random.nextInt(8)) {
            case 0 -> y = Math.nextUp(y);
            case 1 -> x += 1;
            case 2 -> x = a + 0.5;
            case 3 -> y = -y;
            default -> { }
        }
        return new Key(x + 0.0, y + 0.0);
    }

    /** An "invalid" address far below the others comes first; the window moves to the rest. */
    @Test
    void theWindowMovesToWhereMostAddressesAre() {
        KeyIndex index = new KeyIndex();
        long invalid = -(1L << 25);
        index.put(2.0 * invalid, -(double) (invalid * invalid), 0);
        for (int a = 0; a < 3000; a++) {
            index.put(2.0 * (1000 + a), -(double) ((1000L + a) * (1000 + a)), a + 1);
        }
        assertThat(index.size()).isEqualTo(3001);
        assertThat(index.denseKeys()).isGreaterThanOrEqualTo(2990);
        assertThat(index.get(2.0 * invalid, -(double) (invalid * invalid))).isEqualTo(0);
        for (int a = 0; a < 3000; a++) {
            assertThat(index.get(2.0 * (1000 + a), -(double) ((1000L + a) * (1000 + a)))).isEqualTo(a + 1);
        }
        assertThat(index.get(2.0 * 999, -999.0 * 999)).isEqualTo(-1);
        KeyIndex copy = new KeyIndex(index);
        assertThat(copy.denseKeys()).isGreaterThanOrEqualTo(2990);
        assertThat(copy.get(2.0 * 1500, -1500.0 * 1500)).isEqualTo(501);
    }

    /**
     * Addresses 0..299, then 3000..3299: the second group is hashed until the index holds
     * enough keys for a window over both, which takes them in; the table they grew shrinks.
     */
    @Test
    void aWindowThatTakesTheHashedAddressesInShrinksTheTable() {
        KeyIndex index = new KeyIndex();
        for (int i = 0; i < 600; i++) {
            long a = i < 300 ? i : 2700 + i;
            index.put(2.0 * a, -(double) (a * a), i);
        }
        assertThat(index.denseKeys()).isEqualTo(600);
        // a window of 4,096 ints and an empty table of 16 slots, not the 512 the hashed keys took
        assertThat(index.retainedBytes()).isLessThan(4096 * 4 + 1024);
        for (int i = 0; i < 600; i++) {
            long a = i < 300 ? i : 2700 + i;
            assertThat(index.get(2.0 * a, -(double) (a * a))).isEqualTo(i);
        }
    }

    @Test
    void aSubnormalOrHalfAddressIsNotAParabolaKey() {
        KeyIndex index = new KeyIndex();
        index.put(0.0, 0.0, 0);          // a = 0
        index.put(2.0, -1.0, 1);         // a = 1
        assertThat(index.denseKeys()).isEqualTo(2);
        assertThat(index.get(Double.MIN_VALUE, 0.0)).isEqualTo(-1);
        assertThat(index.get(1.0, -0.25)).isEqualTo(-1);
        assertThat(index.get(-2.0, -1.0)).isEqualTo(-1);
        index.put(Double.MIN_VALUE, 0.0, 2);
        index.put(1.0, -0.25, 3);
        assertThat(index.denseKeys()).isEqualTo(2);
        assertThat(index.get(Double.MIN_VALUE, 0.0)).isEqualTo(2);
        assertThat(index.get(1.0, -0.25)).isEqualTo(3);
        assertThat(index.get(0.0, 0.0)).isEqualTo(0);
        index.remove(0.0, 0.0);
        assertThat(index.get(Double.MIN_VALUE, 0.0)).isEqualTo(2);
        assertThat(index.get(0.0, 0.0)).isEqualTo(-1);
        assertThat(index.size()).isEqualTo(3);
    }

    private static Key randomKey(Random random, int range) {
        double x = random.nextInt(2 * range + 1) - range;
        double y = random.nextInt(4) == 0 ? -(x * x) : random.nextInt(2 * range + 1) - range;
        return new Key(x + 0.0, y + 0.0);
    }

    @Test
    void aCopyAfterRemovalsHasASmallerTableAndTheSameAnswers() {
        Random random = new Random(5);
        KeyIndex index = new KeyIndex();
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Key key = new Key(i, random.nextInt(100));
            keys.add(key);
            index.put(key.x(), key.y(), i);
        }
        for (int i = 0; i < 950; i++) {
            index.remove(keys.get(i).x(), keys.get(i).y());
        }
        KeyIndex copy = new KeyIndex(index);
        assertThat(copy.retainedBytes()).isLessThan(index.retainedBytes() / 8);
        assertThat(new KeyIndex(copy).retainedBytes()).isEqualTo(copy.retainedBytes());
        assertThat(copy.size()).isEqualTo(50);
        for (int i = 0; i < 2000; i++) {
            // the removed keys, the kept ones, then new ones put in both
            Key key = i < 1000 ? keys.get(i) : new Key(i, -i);
            if (i >= 1000) {
                index.put(key.x(), key.y(), i);
                copy.put(key.x(), key.y(), i);
            }
            assertThat(copy.get(key.x(), key.y())).as("key %d", i).isEqualTo(index.get(key.x(), key.y()));
        }
    }
}
