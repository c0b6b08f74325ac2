package dev.wasmformer.runtime.attention;

import static dev.wasmformer.runtime.attention.CacheDriver.smallIntegers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.runtime.attention.CacheDriver.PointSource;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link AttentionCache#copy}: a copy, whose arrays are trimmed to what they hold, answers
 * every later add and query as the cache it came from, and so do a copy of a copy and a copy
 * of a {@link AttentionCache#keptCopy kept copy}; the trimmed copy takes less heap ({@link
 * AttentionCache#retainedBytes}) than a cache whose arrays have room to grow, copying it again
 * trims nothing more, and a kept hull cache takes less than a copy (it has no key index).
 */
@Timeout(120)   // a copy with a broken index can loop for ever instead of failing
class CacheCopyTest {
    private static final QuadraticKey PARABOLA = new QuadraticKey(0, 2, 0, 0, 0, -1, Long.MAX_VALUE);

    /** A kind of cache, and the key of its position p. */
    private record Kind(String name, Supplier<AttentionCache> make, PointSource keys) {}

    private static Kind[] kinds(AttentionMode mode) {
        // keys spreading out as positions go on: new hull vertices push old ones inside, which
        // frees entries and removes keys from the index; many repeat an earlier key
        PointSource spreading = (random, p) -> {
            int r = 2 + (int) (p / 8);
            return new double[] {random.nextInt(2 * r + 1) - r, random.nextInt(2 * r + 1) - r};
        };
        return new Kind[] {
            new Kind("hull, spreading keys, " + mode, () -> AttentionCache.hull(mode, 2), spreading),
            new Kind("hull, small keys, " + mode, () -> AttentionCache.hull(mode, 2), smallIntegers(4)),
            new Kind("position key, " + mode, () -> AttentionCache.positionKey(mode, 2, PARABOLA),
                    (random, p) -> new double[] {PARABOLA.x(p), PARABOLA.y(p)}),
            new Kind("constant key, " + mode, () -> AttentionCache.constantKey(mode, 2), (random, p) -> new double[] {1, 2}),
            new Kind("naive, " + mode, () -> AttentionCache.naive(mode, 2), smallIntegers(4)),
        };
    }

    @Test
    void aTrimmedCopyAndACopyOfItGoOnAsTheCacheTheyCameFrom() {
        for (AttentionMode mode : AttentionMode.values()) {
            for (Kind kind : kinds(mode)) {
                for (int prefix : new int[] {0, 1, 37, 1500}) {
                    AttentionCache original = kind.make().get();
                    AttentionCache naive = AttentionCache.naive(mode, 2);
                    AttentionCache naive2 = AttentionCache.naive(mode, 2);
                    fill(prefix, kind.keys(), original, naive, naive2);
                    AttentionCache copy = original.copy();
                    AttentionCache copyOfCopy = copy.copy();
                    AttentionCache copyOfKept = original.keptCopy().copy();
                    PointSource later = (random, p) -> kind.keys().next(random, p + prefix);
                    String label = kind.name() + ", copied after " + prefix;
                    CacheDriver.compare(label, prefix, 1200, original, copy, later, smallIntegers(3), 5);
                    CacheDriver.compare(label + ", copy of the copy", prefix, 1200, naive, copyOfCopy, later,
                            smallIntegers(3), 5);
                    CacheDriver.compare(label + ", copy of the kept copy", prefix, 1200, naive2, copyOfKept, later,
                            smallIntegers(3), 5);
                }
            }
        }
    }

    @Test
    void aCopyTakesOnlyTheHeapItsContentsNeed() {
        for (AttentionMode mode : AttentionMode.values()) {
            for (Kind kind : kinds(mode)) {
                if (kind.name().startsWith("constant")) {
                    continue;   // nothing that grows
                }
                AttentionCache original = kind.make().get();
                fill(3000, kind.keys(), original);
                AttentionCache copy = original.copy();
                assertThat(copy.retainedBytes()).as(kind.name()).isLessThan(original.retainedBytes());
                assertThat(copy.copy().retainedBytes()).as(kind.name() + ", copied again")
                        .isEqualTo(copy.retainedBytes());
                AttentionCache kept = original.keptCopy();
                if (kind.name().startsWith("hull")) {
                    assertThat(kept.retainedBytes()).as(kind.name() + ", kept").isLessThan(copy.retainedBytes());
                } else {
                    assertThat(kept.retainedBytes()).as(kind.name() + ", kept").isEqualTo(copy.retainedBytes());
                }
                assertThat(kept.copy().retainedBytes()).as(kind.name() + ", copy of the kept copy")
                        .isEqualTo(copy.retainedBytes());
            }
        }
    }

    /** Adds {@code positions} keys from {@code keys} with small integer values to every cache. */
    private static void fill(int positions, PointSource keys, AttentionCache... caches) {
        Random random = new Random(positions);
        double[] value = new double[2];
        for (int p = 0; p < positions; p++) {
            double[] key = keys.next(random, p);
            value[0] = random.nextInt(11) - 5;
            value[1] = random.nextInt(3);
            for (AttentionCache cache : caches) {
                cache.add(key[0], key[1], value);
            }
        }
    }
}
