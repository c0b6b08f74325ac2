package dev.wasmformer.runtime.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactTest {

    @Test
    void scoreComparisonsAgreeWithBigDecimalOnRandomAndNearTiedInputs() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            double qx = sample(random);
            double qy = sample(random);
            double ax = sample(random);
            double ay = sample(random);
            double bx;
            double by;
            switch (i % 4) {
                case 0 -> { // unrelated keys
                    bx = sample(random);
                    by = sample(random);
                }
                case 1 -> { // the same key: an exact tie
                    bx = ax;
                    by = ay;
                }
                case 2 -> { // one ulp away
                    bx = Math.nextUp(ax);
                    by = Math.nextDown(ay);
                }
                default -> { // moved along the direction perpendicular to q: a tie in the reals
                    long t = random.nextInt(7) - 3;
                    bx = ax + t * qy;
                    by = ay - t * qx;
                }
            }
            int expected = Exact.exactCompareScores(qx, qy, ax, ay, bx, by);
            assertThat(Exact.compareScores(qx, qy, ax, ay, bx, by))
                    .as("q=(%s,%s) a=(%s,%s) b=(%s,%s)", qx, qy, ax, ay, bx, by)
                    .isEqualTo(expected);
        }
    }

    @Test
    void orientationAgreesWithBigDecimalIncludingCollinearPoints() {
        Random random = new Random(12);
        for (int i = 0; i < 100_000; i++) {
            double ax = sample(random);
            double ay = sample(random);
            double bx = sample(random);
            double by = sample(random);
            double cx;
            double cy;
            if (i % 2 == 0) {
                cx = sample(random);
                cy = sample(random);
            } else { // on the line through a and b when the arithmetic is exact, else nearby
                double t = random.nextInt(9) - 4;
                cx = ax + t * (bx - ax);
                cy = ay + t * (by - ay);
            }
            int expected = Exact.exactOrientation(ax, ay, bx, by, cx, cy);
            assertThat(Exact.orientation(ax, ay, bx, by, cx, cy))
                    .as("a=(%s,%s) b=(%s,%s) c=(%s,%s)", ax, ay, bx, by, cx, cy)
                    .isEqualTo(expected);
        }
    }

    @Test
    void parabolicKeysOfLargeAddressesAreComparedExactly() {
        // Keys (2k, -k^2) around 10^7 have scores near 10^14; a query halfway between two
        // addresses ties them exactly, a query 1e-9 off does not.
        double k = 9_999_999;
        double q = k + 0.5;
        assertThat(Exact.compareScores(q, 1, 2 * k, -k * k, 2 * (k + 1), -(k + 1) * (k + 1))).isZero();
        assertThat(Exact.compareScores(q + 1e-9, 1, 2 * k, -k * k, 2 * (k + 1), -(k + 1) * (k + 1)))
                .isNegative();
        assertThat(Exact.compareScores(q - 1e-9, 1, 2 * k, -k * k, 2 * (k + 1), -(k + 1) * (k + 1)))
                .isPositive();
    }

    @Test
    void overflowingAndUnderflowingProductsAreStillCompared() {
        assertThat(Exact.compareScores(1e300, 1e300, 1e300, -1e300, 0, 0)).isZero();
        assertThat(Exact.compareScores(1e300, 1e300, 1e300, Math.nextUp(-1e300), 0, 0)).isPositive();
        assertThat(Exact.compareScores(1e-300, 1e-300, 1e-300, 0, 0, 0)).isPositive();
        assertThat(Exact.compareScores(1e-300, 1e-300, 1e-300, -1e-300, 0, 0)).isZero();
        double t = 1e-200;
        assertThat(Exact.orientation(0, 0, t, t, 2 * t, Math.nextUp(2 * t))).isPositive();
        assertThat(Exact.orientation(0, 0, t, t, 2 * t, 2 * t)).isZero();
    }

    @Test
    void nonFiniteInputsAreRejected() {
        assertThatThrownBy(() -> Exact.requireFinite(Double.NaN, 0, "key"))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("key");
        assertThatThrownBy(() -> Exact.requireFinite(0, Double.NEGATIVE_INFINITY, "query"))
                .isInstanceOf(ArithmeticException.class);
    }

    /** Small integers, large integers, fractions and wild magnitudes. */
    private static double sample(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt(11) - 5;
            case 1 -> (double) (random.nextLong() >> 20);
            case 2 -> random.nextInt(2001) / 8.0 - 125;
            case 3 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            default -> random.nextDouble() - 0.5;
        };
    }
}
