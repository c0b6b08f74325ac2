package dev.wasmformer.runtime.attention;

import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;

/** Feeds the same keys, values and queries to a reference cache and a candidate. */
final class CacheDriver {

    /** Produces the key of a position, or a query, as {x, y}. */
    interface PointSource {
        double[] next(Random random, long position);
    }

    private CacheDriver() {
    }

    /**
     * Adds {@code steps} positions; after each add runs one query, and another one every
     * third step, asserting both caches answer the same doubles. A third of the queries repeat
     * the one before. The candidate is asked for named outputs half of the time: when it
     * answers the name of the output the driver holds, it must leave the output unwritten, and
     * the held output must be the reference's answer.
     */
    static void compare(String label, long seed, int steps, AttentionCache reference,
                        AttentionCache candidate, PointSource keys, PointSource queries,
                        int valueRange) {
        Random random = new Random(seed);
        int width = reference.valueWidth();
        double[] value = new double[width];
        double[] expected = new double[width];
        double[] actual = new double[width];
        double[] held = new double[width];
        long known = AttentionCache.UNNAMED;
        double[] q = null;
        for (int p = 0; p < steps; p++) {
            double[] key = keys.next(random, p);
            for (int i = 0; i < width; i++) {
                value[i] = random.nextInt(2 * valueRange + 1) - valueRange;
            }
            reference.add(key[0], key[1], value);
            candidate.add(key[0], key[1], value);
            int queriesNow = p % 3 == 0 ? 2 : 1;
            for (int n = 0; n < queriesNow; n++) {
                if (q == null || random.nextInt(3) != 0) {
                    q = queries.next(random, p);
                }
                reference.query(q[0], q[1], expected);
                if (random.nextBoolean()) {
                    candidate.query(q[0], q[1], actual);
                } else {
                    Arrays.fill(actual, Double.NaN);
                    long name = candidate.query(q[0], q[1], actual, 0, known);
                    if (name >= 0 && name == known) {
                        for (int i = 0; i < width; i++) {
                            if (!Double.isNaN(actual[i])) {
                                fail("%s (seed %d): at position %d the output named %d, which the"
                                        + " caller holds, was written", label, seed, p, name);
                            }
                        }
                        System.arraycopy(held, 0, actual, 0, width);
                    } else {
                        System.arraycopy(actual, 0, held, 0, width);
                        known = name;
                    }
                }
                for (int i = 0; i < width; i++) {
                    if (Double.compare(expected[i] + 0.0, actual[i] + 0.0) != 0) {
                        fail("%s (seed %d): at position %d, key (%s, %s), query (%s, %s): "
                                        + "component %d is %s, the reference says %s",
                                label, seed, p, key[0], key[1], q[0], q[1], i, actual[i],
                                expected[i]);
                    }
                }
            }
        }
    }

    /** A point with integer coordinates in [-range, range]. */
    static PointSource smallIntegers(int range) {
        return (random, position) -> new double[] {
            random.nextInt(2 * range + 1) - range, random.nextInt(2 * range + 1) - range};
    }
}
