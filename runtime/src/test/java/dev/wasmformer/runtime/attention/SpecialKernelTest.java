package dev.wasmformer.runtime.attention;

import static dev.wasmformer.runtime.attention.CacheDriver.smallIntegers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmformer.runtime.attention.CacheDriver.PointSource;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpecialKernelTest {
    private static final AttentionMode[] MODES = AttentionMode.values();

    @Test
    void constantKeyKernelMatchesNaive() {
        for (AttentionMode mode : MODES) {
            for (double[] key : new double[][] {{0, 0}, {0, 1}, {-2.5, 1e-7}}) {
                PointSource constant = (random, p) -> key;
                PointSource queries = (random, p) -> random.nextBoolean()
                        ? new double[] {random.nextInt(5) - 2, random.nextInt(5) - 2}
                        : new double[] {random.nextGaussian(), random.nextGaussian()};
                CacheDriver.compare("constant " + key[0] + "," + key[1] + ", " + mode, 500, 3000,
                        AttentionCache.naive(mode, 3), AttentionCache.constantKey(mode, 3),
                        constant, queries, 50);
            }
        }
    }

    @Test
    void constantKeyKernelRefusesAChangedKey() {
        AttentionCache cache = AttentionCache.constantKey(AttentionMode.AVERAGE, 1);
        cache.add(0, 1, new double[] {1});
        assertThatThrownBy(() -> cache.add(0, 2, new double[] {1}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("position 1");
    }

    @Test
    void positionKernelMatchesNaiveForRandomSmallQuadratics() {
        Random coefficients = new Random(600);
        for (int trial = 0; trial < 24; trial++) {
            QuadraticKey key = new QuadraticKey(
                    coefficients.nextInt(7) - 3, coefficients.nextInt(7) - 3, coefficients.nextInt(3) - 1,
                    coefficients.nextInt(7) - 3, coefficients.nextInt(7) - 3, coefficients.nextInt(3) - 1,
                    Long.MAX_VALUE);
            for (AttentionMode mode : MODES) {
                CacheDriver.compare("quadratic " + key + ", " + mode, 610 + trial, 700,
                        AttentionCache.naive(mode, 2), AttentionCache.positionKey(mode, 2, key),
                        polynomial(key), mixedQueries(), 6);
            }
        }
    }

    @Test
    void positionKernelMatchesNaiveOnParabolicLookupsWithHalfwayAndNoisyQueries() {
        // Key (2j, -j^2), query (t, 1): the score peaks at j = t; halfway queries tie j and j+1.
        QuadraticKey parabola = new QuadraticKey(0, 2, 0, 0, 0, -1, Long.MAX_VALUE);
        PointSource queries = (random, p) -> {
            double t = random.nextInt((int) p + 40) - 20;
            double q = switch (random.nextInt(4)) {
                case 0 -> t;
                case 1 -> t + 0.5;
                case 2 -> t + 0.5 + (random.nextBoolean() ? 1e-9 : -1e-9);
                default -> t + random.nextDouble();
            };
            return new double[] {q, 1};
        };
        for (AttentionMode mode : MODES) {
            CacheDriver.compare("parabola, " + mode, 700 + mode.ordinal(), 4000,
                    AttentionCache.naive(mode, 1), AttentionCache.positionKey(mode, 1, parabola),
                    polynomial(parabola), queries, 100);
        }
    }

    @Test
    void aSelectorAsksAgainGivesWhatAFreshSelectorGivesAsPositionsAreAdded() {
        // The selector remembers answers that stay the maximum; queries near the last position
        // (vertex at last, last + 0.5, beyond it) are the ones whose answer moves.
        Random random = new Random(900);
        QuadraticKey[] keys = {
            new QuadraticKey(0, 2, 0, 0, 0, -1, Long.MAX_VALUE),
            new QuadraticKey(1, 6, 0, -2, 0, -3, Long.MAX_VALUE),
            new QuadraticKey(0, 4, 0, 0, 1, -2, Long.MAX_VALUE)};
        for (QuadraticKey key : keys) {
            PositionSelector remembering = new PositionSelector(key);
            long[] expected = new long[2];
            long[] actual = new long[2];
            for (int trial = 0; trial < 3000; trial++) {
                long last = 1 + random.nextInt(200);
                double t = last + (random.nextInt(9) - 6) * 0.5;
                double[] q = random.nextBoolean() ? new double[] {t, 1} : new double[] {t / 2, 0.5};
                for (long l = last; l < last + 4; l++) {
                    int n = new PositionSelector(key).select(q[0], q[1], l, expected);
                    int m = remembering.select(q[0], q[1], l, actual);
                    assertThat(m).as("%s, query (%s, %s), last %d", key, q[0], q[1], l).isEqualTo(n);
                    for (int i = 0; i < n; i++) {
                        assertThat(actual[i]).as("%s, query (%s, %s), last %d", key, q[0], q[1], l)
                                .isEqualTo(expected[i]);
                    }
                }
            }
        }
    }

    @Test
    void lookupParabolaWithUnitQyMatchesNaiveForIntegerAndOtherQueries() {
        // Keys (x0 + x1 j, y0 + y2 j^2) with x1 = -2 y2 > 0 and queries (m, 1): the selector's
        // first shortcut answers clamp(m, 0, last) for an integer m; the others (fractions,
        // halfway ties, qy != 1, -0.0) take the general path. All against the naive scan.
        QuadraticKey[] keys = {
            new QuadraticKey(0, 2, 0, 0, 0, -1, Long.MAX_VALUE),
            new QuadraticKey(7, 6, 0, -5, 0, -3, Long.MAX_VALUE),
            new QuadraticKey(-3, 2, 0, 11, 0, -1, Long.MAX_VALUE)};
        PointSource queries = (random, p) -> {
            double m = switch (random.nextInt(6)) {
                case 0 -> p - random.nextInt(8);                 // prev-k
                case 1 -> random.nextInt((int) p + 1);           // a fetch within the positions
                case 2 -> p + 1 + random.nextInt(100);           // beyond the last position
                case 3 -> -1 - random.nextInt(100);              // before position 0
                case 4 -> random.nextBoolean() ? -0.0 : 0.0;
                default -> random.nextInt((int) p + 3) - 1 + 0.5; // a tie, general path
            };
            return random.nextInt(8) == 0 ? new double[] {m, 1 + random.nextInt(3)} : new double[] {m, 1};
        };
        for (QuadraticKey key : keys) {
            assertThat(PositionSelector.parabola(key)).isTrue();
            for (AttentionMode mode : MODES) {
                CacheDriver.compare("lookup parabola " + key + ", " + mode, 1000 + mode.ordinal(), 2500,
                        AttentionCache.naive(mode, 2), AttentionCache.positionKey(mode, 2, key),
                        polynomial(key), queries, 50);
            }
        }
        assertThat(PositionSelector.parabola(new QuadraticKey(0, 2, 0, 0, 0, 1, 10))).isFalse();
        assertThat(PositionSelector.parabola(new QuadraticKey(0, 4, 0, 0, 0, -1, 10))).isFalse();
        assertThat(PositionSelector.parabola(new QuadraticKey(0, 2, 1, 0, 0, -1, 10))).isFalse();
        assertThat(PositionSelector.parabola(new QuadraticKey(0, 2, 0, 0, 1, -1, 10))).isFalse();
    }

    @Test
    void lookupParabolaShortcutAgreesWithAnExactScanForExtremeQueries() {
        // Integer queries of every magnitude a double holds, against the first maximiser found
        // by comparing every position's exact score; the shortcut's answer must be it, unique.
        QuadraticKey key = new QuadraticKey(5, 6, 0, -9, 0, -3, Long.MAX_VALUE);
        double[] ms = {0.0, -0.0, 1, -1, 17, 63, 64, 65, 1e6, -1e6, 0x1p52, -0x1p52, 0x1p53 + 2,
                       0x1p62, -0x1p62, 0x1p63, -0x1p63, 0x1p70, -0x1p70, Double.MAX_VALUE, -Double.MAX_VALUE};
        long[] out = new long[2];
        for (long last : new long[] {0, 1, 2, 64, 100}) {
            for (double m : ms) {
                int n = new PositionSelector(key).select(m, 1.0, last, out);
                long best = 0;
                boolean tie = false;
                for (long j = 1; j <= last; j++) {
                    int c = Exact.compareScores(m, 1.0, key.x(j), key.y(j), key.x(best), key.y(best));
                    if (c > 0) {
                        best = j;
                        tie = false;
                    } else if (c == 0) {
                        tie = true;
                    }
                }
                assertThat(tie).as("query %s, last %d", m, last).isFalse();
                assertThat(n).as("query %s, last %d", m, last).isEqualTo(1);
                assertThat(out[0]).as("query %s, last %d", m, last).isEqualTo(best);
            }
        }
        assertThatThrownBy(() -> new PositionSelector(key).select(Double.NaN, 1.0, 5, out))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new PositionSelector(key).select(Double.POSITIVE_INFINITY, 1.0, 5, out))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void positionKernelMatchesNaiveWhenTheVertexLiesFarBeyondEitherEnd() {
        // A fetch ahead of the prompt seen so far: the peak is past the last position (or
        // before 0), so the maximum is that end, decided from one step of the quadratic.
        QuadraticKey parabola = new QuadraticKey(0, 2, 0, 0, 0, -1, Long.MAX_VALUE);
        QuadraticKey scaled = new QuadraticKey(1, 6, 0, -2, 0, -3, Long.MAX_VALUE);
        PointSource queries = (random, p) -> {
            double beyond = random.nextBoolean() ? p + 1 + random.nextInt(5000) : -1 - random.nextInt(5000);
            double q = random.nextBoolean() ? beyond : beyond + random.nextDouble() - 0.5;
            return new double[] {q, 1 + random.nextInt(3)};
        };
        for (QuadraticKey key : new QuadraticKey[] {parabola, scaled}) {
            for (AttentionMode mode : MODES) {
                CacheDriver.compare("beyond the ends, " + key + ", " + mode, 900 + mode.ordinal(), 3000,
                        AttentionCache.naive(mode, 1), AttentionCache.positionKey(mode, 1, key),
                        polynomial(key), queries, 100);
            }
        }
    }

    @Test
    void positionKernelTurnsIntoAHullPastItsExactRangeAndStillMatchesNaive() {
        // 2^46 j^2 + j exceeds 2^52 from j = 8 on; exactUpTo = 20 would allow more, the
        // polynomial's own range ends first. The second key's producer stops at 5.
        QuadraticKey steep = new QuadraticKey(0, 1, 0x1p46, 3, -1, 0, 20);
        QuadraticKey cut = new QuadraticKey(0, 2, 0, 0, 0, -1, 5);
        assertThat(steep.limit()).isEqualTo(7);
        assertThat(cut.limit()).isEqualTo(5);
        for (QuadraticKey key : new QuadraticKey[] {steep, cut}) {
            for (AttentionMode mode : MODES) {
                PointSource keys = (random, p) -> new double[] {key.x(p), key.y(p)};
                CacheDriver.compare("past the range of " + key + ", " + mode, 800, 1500,
                        AttentionCache.naive(mode, 2), AttentionCache.positionKey(mode, 2, key),
                        keys, mixedQueries(), 6);
            }
        }
    }

    @Test
    void positionKernelRefusesAKeyOffItsPolynomial() {
        AttentionCache cache = AttentionCache.positionKey(AttentionMode.LATEST, 1,
                new QuadraticKey(0, 2, 0, 0, 0, -1, Long.MAX_VALUE));
        cache.add(0, 0, new double[] {1});
        assertThatThrownBy(() -> cache.add(2, 0, new double[] {1}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected (2.0, -1.0)");
    }

    @Test
    void quadraticKeysMustHaveIntegerCoefficients() {
        assertThatThrownBy(() -> new QuadraticKey(0.5, 0, 0, 0, 0, 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.5");
    }

    private static PointSource polynomial(QuadraticKey key) {
        return (random, p) -> new double[] {key.x(p), key.y(p)};
    }

    /** Small integers (ties, zero components, q = 0), fractions, and arbitrary directions. */
    private static PointSource mixedQueries() {
        PointSource small = smallIntegers(3);
        return (random, p) -> switch (random.nextInt(3)) {
            case 0 -> small.next(random, p);
            case 1 -> new double[] {(random.nextInt(41) - 20) / 4.0, (random.nextInt(9) - 4) / 2.0};
            default -> new double[] {random.nextGaussian(), random.nextGaussian()};
        };
    }
}
