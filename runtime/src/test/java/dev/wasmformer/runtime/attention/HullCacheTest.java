package dev.wasmformer.runtime.attention;

import static dev.wasmformer.runtime.attention.CacheDriver.smallIntegers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmformer.runtime.attention.CacheDriver.PointSource;
import dev.wasmformer.runtime.state.StateReader;
import dev.wasmformer.runtime.state.StateWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HullCacheTest {
    private static final AttentionMode[] MODES = AttentionMode.values();

    @Test
    void matchesNaiveOnSmallIntegerKeysFullOfDuplicatesCollinearPointsAndTies() {
        for (int range : new int[] {1, 2, 4, 8}) {
            for (AttentionMode mode : MODES) {
                long seed = 100L * range + mode.ordinal();
                CacheDriver.compare("small integers in +-" + range + ", " + mode, seed, 2500,
                        AttentionCache.naive(mode, 2), AttentionCache.hull(mode, 2),
                        smallIntegers(range), smallIntegers(3), 5);
            }
        }
    }

    @Test
    void naiveItselfMatchesALongArithmeticBruteForceOnSmallIntegers() {
        for (AttentionMode mode : MODES) {
            Random random = new Random(7 + mode.ordinal());
            AttentionCache naive = AttentionCache.naive(mode, 1);
            int n = 1500;
            long[][] keys = new long[n][];
            long[] values = new long[n];
            double[] out = new double[1];
            for (int p = 0; p < n; p++) {
                keys[p] = new long[] {random.nextInt(7) - 3, random.nextInt(7) - 3};
                values[p] = random.nextInt(21) - 10;
                naive.add(keys[p][0], keys[p][1], new double[] {values[p]});
                long qx = random.nextInt(5) - 2;
                long qy = random.nextInt(5) - 2;
                long best = Long.MIN_VALUE;
                for (int j = 0; j <= p; j++) {
                    best = Math.max(best, qx * keys[j][0] + qy * keys[j][1]);
                }
                long sum = 0;
                long count = 0;
                long last = -1;
                for (int j = 0; j <= p; j++) {
                    if (qx * keys[j][0] + qy * keys[j][1] == best) {
                        sum += values[j];
                        count++;
                        last = j;
                    }
                }
                naive.query(qx, qy, out);
                double expected = mode == AttentionMode.LATEST ? values[(int) last] : (double) sum / count;
                assertThat(out[0]).as("position %d, %s", p, mode).isEqualTo(expected);
            }
        }
    }

    @Test
    void matchesNaiveOnDegenerateKeySetsOnOneLine() {
        PointSource[] lines = {
            (random, p) -> new double[] {random.nextInt(41) - 20, 7},            // horizontal
            (random, p) -> new double[] {-3, random.nextInt(41) - 20},           // vertical
            (random, p) -> {                                                     // slanted
                int t = random.nextInt(41) - 20;
                return new double[] {t, 2 * t + 1};
            },
            (random, p) -> new double[] {p, 3 * p},                              // growing
            (random, p) -> new double[] {-p % 50, p % 50},                       // sawtooth
        };
        for (int i = 0; i < lines.length; i++) {
            for (AttentionMode mode : MODES) {
                CacheDriver.compare("line " + i + ", " + mode, 200 + i, 1500,
                        AttentionCache.naive(mode, 1), AttentionCache.hull(mode, 1),
                        lines[i], smallIntegers(3), 9);
            }
        }
    }

    @Test
    void matchesNaiveOnIntegerScoresAroundTheLimitOfPlainComparison() {
        // Keys near 2^25 and queries near 2^26: (|qx| + |qy|) max|k| crosses 2^52, where the
        // hull stops comparing the scores as computed; collinear keys give ties on both sides.
        for (AttentionMode mode : MODES) {
            PointSource keys = (random, p) -> {
                double base = 0x1p25 * (random.nextInt(3) - 1);
                return new double[] {base + random.nextInt(9) - 4, -base + 2 * (random.nextInt(9) - 4)};
            };
            PointSource queries = (random, p) -> {
                double scale = random.nextBoolean() ? 0x1p25 : 0x1p26;
                return new double[] {scale + random.nextInt(5) - 2,
                    random.nextInt(3) == 0 ? scale + random.nextInt(5) - 2 : random.nextInt(5) - 2};
            };
            CacheDriver.compare("integer scores near 2^52, " + mode, 700 + mode.ordinal(), 3000,
                    AttentionCache.naive(mode, 2), AttentionCache.hull(mode, 2), keys, queries, 50);
        }
    }

    @Test
    void matchesNaiveOnParabolicKeysOfLargeAddressesWithNoisyQueries() {
        for (AttentionMode mode : MODES) {
            long[] pool = new Random(5).longs(300, 0, 10_000_001L).toArray();
            PointSource keys = (random, p) -> {
                long k = random.nextInt(3) == 0 ? random.nextInt(10_000_001) : pool[random.nextInt(pool.length)];
                return new double[] {2.0 * k, -(double) k * k};
            };
            PointSource queries = (random, p) -> {
                double q = pool[random.nextInt(pool.length)] + (random.nextBoolean() ? 0 : 0.5)
                        + (random.nextInt(4) - 1.5) * 1e-9 * random.nextInt(2);
                return new double[] {q, 1};
            };
            CacheDriver.compare("parabola, " + mode, 300 + mode.ordinal(), 4000,
                    AttentionCache.naive(mode, 1), AttentionCache.hull(mode, 1), keys, queries, 1000);
        }
    }

    @Test
    void matchesNaiveOnLookupsWhoseKeysAlternateBetweenValidAndInvalid() {
        // As the interpreter's heads: most positions carry one "invalid" key far below, the
        // others parabolic keys of a few addresses, rewritten often; queries hit an address,
        // fall between two, point down, or are zero (every position ties).
        for (AttentionMode mode : MODES) {
            PointSource keys = (random, p) -> {
                int kind = random.nextInt(4);
                if (kind < 2) {
                    return new double[] {0, kind == 0 ? -0x1p50 : 0};
                }
                long a = random.nextInt(40) - 5;
                return new double[] {2.0 * a, -(double) a * a};
            };
            PointSource queries = (random, p) -> switch (random.nextInt(6)) {
                case 0 -> new double[] {random.nextInt(40) - 5, 1};
                case 1 -> new double[] {2 * (random.nextInt(40) - 5), 2};
                case 2 -> new double[] {random.nextInt(40) - 5 + 0.5, 1};
                case 3 -> new double[] {random.nextInt(9) - 4, -1};
                case 4 -> new double[] {0, 0};
                default -> new double[] {random.nextInt(3) - 1, 0};
            };
            CacheDriver.compare("valid/invalid lookups, " + mode, 80 + mode.ordinal(), 5000,
                    AttentionCache.naive(mode, 3), AttentionCache.hull(mode, 3), keys, queries, 7);
        }
    }

    @Test
    void matchesNaiveOnKeysThatRepeatOneOfTheTwoAddedLast() throws Exception {
        // add's inlined path takes a key equal to the last one or to the one before (which it
        // makes the last): keys here mostly repeat one of the two, sometimes with -0.0 for 0.0,
        // and now and then a key of a small pool or a new one comes between them.
        for (int width : new int[] {1, 6}) {
            for (AttentionMode mode : MODES) {
                double[][] recent = {{0, -0x1p50}, {4, -4}};
                PointSource keys = (random, p) -> {
                    int pick = random.nextInt(10);
                    double[] k = pick < 4 ? recent[0] : pick < 8 ? recent[1] : pick == 8
                            ? new double[] {2.0 * (random.nextInt(9) - 4), 0}
                            : new double[] {0, -random.nextInt(3)};
                    if (k != recent[0]) {
                        recent[1] = recent[0];
                        recent[0] = k;
                    }
                    return random.nextInt(4) == 0 ? new double[] {k[0] == 0 ? -0.0 : k[0], k[1] == 0 ? -0.0 : k[1]} : k;
                };
                PointSource queries = (random, p) -> switch (random.nextInt(5)) {
                    case 0 -> new double[] {random.nextInt(9) - 4, 1};
                    case 1 -> new double[] {2 * (random.nextInt(9) - 4), 2};
                    case 2 -> new double[] {random.nextInt(9) - 4, -1};
                    case 3 -> new double[] {random.nextInt(3) - 1, 0};
                    default -> new double[] {0, 0};
                };
                String label = "keys repeating one of the two last, width " + width + ", " + mode;
                AttentionCache naive = AttentionCache.naive(mode, width);
                HullCache hull = new HullCache(mode, width);
                CacheDriver.compare(label, 90 + width + mode.ordinal(), 3000, naive, hull, keys, queries, 7);
                // the recent keys are state: a copy and a stored state go on alike
                CacheDriver.compare(label + ", copied", 95 + width + mode.ordinal(), 1000,
                        naive.copy(), hull.copy(), keys, queries, 7);
                StateWriter out = new StateWriter();
                hull.writeState(out);
                AttentionCache read = AttentionCache.readState(new StateReader(out.toByteArray()),
                        AttentionCache.KIND_HULL, mode, width);
                CacheDriver.compare(label + ", stored", 97 + width + mode.ordinal(), 1000,
                        naive.copy(), read.copy(), keys, queries, 7);
            }
        }
    }

    @Test
    void aKeyOffTheParabolaThatBeatsTheTangentGuessIsFound() throws Exception {
        // (2a + 1, -a^2 - a + 1/4) scores a^2 + 1/4 for the query (a, 1), more than the lookup
        // key of a, which it leaves on the upper chain: the guess needs its neighbours' check.
        for (AttentionMode mode : MODES) {
            PointSource keys = (random, p) -> {
                long a = random.nextInt(60);
                return random.nextInt(20) == 0
                        ? new double[] {2.0 * a + 1, -(double) a * a - a + 0.25}
                        : new double[] {2.0 * a, -(double) a * a};
            };
            PointSource queries = (random, p) -> switch (random.nextInt(3)) {
                case 0 -> new double[] {random.nextInt(60), 1};
                case 1 -> new double[] {2 * random.nextInt(60), 2};
                default -> new double[] {random.nextInt(60) + 0.5, 1};
            };
            HullCache hull = new HullCache(mode, 2);
            CacheDriver.compare("a key above the parabola, " + mode, 600 + mode.ordinal(), 3000,
                    AttentionCache.naive(mode, 2), hull, keys, queries, 9);
            // a stored state counts the live keys off the parabola again
            StateWriter out = new StateWriter();
            hull.writeState(out);
            HullCache read = (HullCache) AttentionCache.readState(new StateReader(out.toByteArray()),
                    AttentionCache.KIND_HULL, mode, 2);
            assertThat(hull.rivalEntries()).isPositive();
            assertThat(read.rivalEntries()).isEqualTo(hull.rivalEntries());
            assertThat(read.copy().rivalEntries()).isEqualTo(hull.rivalEntries());
        }
    }

    @Test
    void keysOffTheParabolaPushedInsideLeaveTheTangentGuessUnchecked() {
        // (2a + 1, -a^2 - a - 3/4) lies below the chord of the lookup keys of a and a + 1 (at
        // -a^2 - a - 1/2), too close to it for rivalFree: it joins the upper chain while one of
        // them is missing and leaves it when both are there.
        for (AttentionMode mode : MODES) {
            PointSource keys = (random, p) -> {
                long a = random.nextInt(40);
                return random.nextInt(4) == 0 && a < 39   // x = 79 would stay the rightmost key
                        ? new double[] {2.0 * a + 1, -(double) a * a - a - 0.75}
                        : new double[] {2.0 * a, -(double) a * a};
            };
            PointSource queries = (random, p) -> switch (random.nextInt(3)) {
                case 0 -> new double[] {random.nextInt(40), 1};
                case 1 -> new double[] {random.nextInt(40) + 0.5, 1};
                default -> new double[] {random.nextInt(40) + 0.25, 1};
            };
            HullCache hull = new HullCache(mode, 2);
            CacheDriver.compare("keys below the parabola, " + mode, 700 + mode.ordinal(), 3000,
                    AttentionCache.naive(mode, 2), hull, keys, queries, 9);
            assertThat(hull.liveEntries()).isEqualTo(40);
            assertThat(hull.rivalEntries()).isZero();
        }
    }

    @Test
    void keysFarBelowTheParabolaAreNoRivalsOfTheTangentGuess() {
        assertThat(HullCache.rivalFree(0, -0x1p50)).isTrue();      // the interpreter's "invalid" key
        assertThat(HullCache.rivalFree(6, -9)).isTrue();           // a = 3
        assertThat(HullCache.rivalFree(6, -9.25)).isFalse();       // below, but within 1/4 + margin
        assertThat(HullCache.rivalFree(6, -18)).isTrue();
        assertThat(HullCache.rivalFree(1, -1)).isTrue();
        assertThat(HullCache.rivalFree(0, -0.5)).isFalse();        // not below -x^2/4 - 1/4
        assertThat(HullCache.rivalFree(5, -6.25)).isFalse();       // on the parabola at a = 2.5
        assertThat(HullCache.rivalFree(0x1p28, -0x1p54)).isFalse(); // a = 2^27: -a^2 exact, but beyond 2^26
        assertThat(HullCache.rivalFree(1e300, -1e300)).isFalse();  // x * x overflows
        assertThat(HullCache.rivalFree(Double.MIN_VALUE, 0)).isFalse();
    }

    @Test
    void matchesNaiveWithWideValuesWhileEntriesGrowAndFreedOnesAreReused() {
        // Entries are records of key, count, latest position and value: thousands of distinct
        // lookup keys make the records and the chains' node records grow several times, and
        // keys just below the parabola join the lower chain, then leave it and free their
        // entries for reuse, so the records' fields must stay each with its own entry.
        for (AttentionMode mode : MODES) {
            PointSource keys = (random, p) -> {
                long a = random.nextInt(3000) - 1000;
                double below = random.nextInt(5) == 0 ? -1 - random.nextInt(3) : 0;
                return new double[] {2.0 * a, -(double) a * a + below};
            };
            PointSource queries = (random, p) -> switch (random.nextInt(5)) {
                case 0 -> new double[] {random.nextInt(3000) - 1000, 1};
                case 1 -> new double[] {random.nextInt(3000) - 1000 + 0.5, 1};
                case 2 -> new double[] {random.nextInt(7) - 3, -1};
                case 3 -> new double[] {random.nextInt(3) - 1, 0};
                default -> new double[] {0, 0};
            };
            CacheDriver.compare("wide values, " + mode, 500 + mode.ordinal(), 6000,
                    AttentionCache.naive(mode, 6), AttentionCache.hull(mode, 6), keys, queries, 50);
        }
    }

    @Test
    void matchesNaiveOnNonIntegerKeysAndQueries() {
        PointSource fractions = (random, p) -> new double[] {
            random.nextInt(200) / 16.0 - 6, random.nextInt(200) / 16.0 - 6};
        PointSource gaussian = (random, p) -> new double[] {
            random.nextGaussian() * 1e3, random.nextGaussian() * 1e-3};
        PointSource anyDirection = (random, p) -> new double[] {
            random.nextGaussian(), random.nextInt(3) == 0 ? 0 : random.nextGaussian()};
        for (AttentionMode mode : MODES) {
            CacheDriver.compare("fractions, " + mode, 400 + mode.ordinal(), 2500,
                    AttentionCache.naive(mode, 2), AttentionCache.hull(mode, 2),
                    fractions, anyDirection, 4);
            CacheDriver.compare("gaussian, " + mode, 410 + mode.ordinal(), 2500,
                    AttentionCache.naive(mode, 2), AttentionCache.hull(mode, 2),
                    gaussian, anyDirection, 4);
        }
    }

    @Test
    void matchesNaiveOverTwoHundredThousandParabolicWritesWithSampledQueries() {
        // Naive queries cost O(n): compare a burst of queries every 2000 positions.
        for (AttentionMode mode : MODES) {
            Random random = new Random(900 + mode.ordinal());
            AttentionCache naive = AttentionCache.naive(mode, 1);
            AttentionCache hull = AttentionCache.hull(mode, 1);
            double[] value = new double[1];
            double[] expected = new double[1];
            double[] actual = new double[1];
            for (int p = 1; p <= 200_000; p++) {
                long k = random.nextInt(4) == 0 ? random.nextInt(10_000_001) : random.nextInt(5000) * 2000L;
                value[0] = random.nextInt(1 << 20);
                naive.add(2.0 * k, -(double) k * k, value);
                hull.add(2.0 * k, -(double) k * k, value);
                if (p % 2000 == 0) {
                    for (int n = 0; n < 10; n++) {
                        double q = random.nextInt(10_000_001) + (random.nextBoolean() ? 0.5 : 0)
                                + (random.nextInt(3) - 1) * 1e-9;
                        naive.query(q, 1, expected);
                        hull.query(q, 1, actual);
                        assertThat(actual[0]).as("%s at position %d, query %s", mode, p, q)
                                .isEqualTo(expected[0]);
                    }
                }
            }
        }
    }

    @Test
    void identicalKeysShareOneEntry() {
        HullCache hull = new HullCache(AttentionMode.AVERAGE, 1);
        double[] out = new double[1];
        for (int p = 0; p < 10_000; p++) {
            hull.add(3, -4, new double[] {p % 7});
        }
        hull.query(1, 1, out);
        assertThat(hull.liveEntries()).isEqualTo(1);
        double sum = 0;
        for (int p = 0; p < 10_000; p++) {
            sum += p % 7;
        }
        assertThat(out[0]).isEqualTo(sum / 10_000);
    }

    @Test
    void keysStrictlyInsideTheHullAreDropped() {
        HullCache hull = new HullCache(AttentionMode.LATEST, 1);
        double[] value = {0};
        for (double[] corner : new double[][] {{-100, -100}, {100, -100}, {100, 100}, {-100, 100}}) {
            hull.add(corner[0], corner[1], value);
        }
        Random random = new Random(3);
        for (int p = 0; p < 5000; p++) {
            hull.add(random.nextInt(199) - 99, random.nextInt(199) - 99, value);
        }
        assertThat(hull.liveEntries()).isEqualTo(4);
    }

    @Test
    void keysLeftBehindByAMovingColumnAreFreed() {
        // Keys (x, 0), (x, 1), (x, 2) for x = 0..99: the top and bottom rows stay on the hull
        // (as collinear edge points), the middle row only while its x is the smallest or largest.
        HullCache hull = new HullCache(AttentionMode.LATEST, 1);
        double[] value = {0};
        for (int x = 0; x < 100; x++) {
            for (int y = 0; y < 3; y++) {
                hull.add(x, y, value);
            }
        }
        assertThat(hull.liveEntries()).isEqualTo(2 * 100 + 2);
    }

    @Test
    void everyPointOfAnEdgePerpendicularToTheQueryIsAveraged() {
        AttentionCache hull = AttentionCache.hull(AttentionMode.AVERAGE, 1);
        // A triangle whose top edge y = 10 holds five keys; the query (0, 1) ties all five.
        hull.add(0, 0, new double[] {1000});
        for (int x = -2; x <= 2; x++) {
            hull.add(x * 10, 10, new double[] {x});
        }
        hull.add(0, 10, new double[] {10});
        double[] out = new double[1];
        hull.query(0, 1, out);
        assertThat(out[0]).isEqualTo((-2 - 1 + 0 + 1 + 2 + 10) / 6.0);
    }

    @Test
    void aQueryOnAnEmptyCacheIsRefused() {
        assertThatThrownBy(() -> AttentionCache.hull(AttentionMode.LATEST, 1).query(1, 1, new double[1]))
                .isInstanceOf(IllegalStateException.class);
    }
}
