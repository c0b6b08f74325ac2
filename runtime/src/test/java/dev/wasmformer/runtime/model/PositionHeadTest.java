package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmformer.runtime.attention.AttentionCache;
import dev.wasmformer.runtime.attention.AttentionMode;
import dev.wasmformer.runtime.attention.QuadraticKey;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PositionHeadTest {
    private static final int D = 4;
    private static final QuadraticKey[] KEYS = {
        new QuadraticKey(0, 2, 0, 0, 0, -1, Long.MAX_VALUE),          // the lookup key (2j, -j^2)
        new QuadraticKey(-7, 3, 0, 5, -4, -3, Long.MAX_VALUE),        // every coefficient
        new QuadraticKey(1, 0, 0, 2, 0, 0, Long.MAX_VALUE),           // constant
        new QuadraticKey(0, 1, 0x1p40, 3, -1, 0, Long.MAX_VALUE),     // steep: past its range at 64
    };

    @Test
    void acceptsEveryKeyOnItsPolynomialAndAnswersAsNaiveAcrossItsExactRange() {
        Random random = new Random(3);
        for (QuadraticKey key : KEYS) {
            for (AttentionMode mode : AttentionMode.values()) {
                PositionHead head = new PositionHead(head(key, mode), null);
                AttentionCache naive = AttentionCache.naive(mode, 2);
                double[] p = new double[6];
                double[] out = new double[6];
                double[] expected = new double[2];
                for (int j = 0; j < 3000; j++) {
                    // runs of zero vectors, which the head may be told are zero
                    boolean zero = random.nextInt(3) == 0;
                    p[4] = zero ? 0 : random.nextInt(5);
                    p[5] = zero ? 0 : random.nextInt(3) - 1;
                    head.add(key.x(j), key.y(j), p, 4, 0, null, zero && random.nextBoolean());
                    naive.add(key.x(j), key.y(j), p, 4);
                    double qx = random.nextInt(2 * j + 3) - 1;
                    double qy = random.nextInt(4);
                    long r = head.query(qx, qy, out, 4, null, AttentionCache.UNNAMED);
                    naive.query(qx, qy, expected, 0);
                    assertThat(r).isGreaterThanOrEqualTo(-1);
                    assertThat(new double[] {out[4], out[5]}).as("%s %s at %d", key, mode, j)
                            .usingElementComparator(Double::compare).containsExactly(expected);
                }
            }
        }
    }

    @Test
    void refusesAKeyOffItsPolynomialAtAnyPositionWithinItsRange() {
        Random random = new Random(4);
        for (QuadraticKey key : KEYS) {
            long range = Math.min(key.limit(), 2000);
            for (int trial = 0; trial < 6; trial++) {
                long wrongAt = trial == 0 ? 0 : 1 + random.nextInt((int) range);
                boolean xWrong = random.nextBoolean();
                PositionHead head = new PositionHead(head(key, AttentionMode.LATEST), null);
                double[] p = new double[6];
                for (long j = 0; j < wrongAt; j++) {
                    head.add(key.x(j), key.y(j), p, 4, 0, null, false);
                }
                double kx = key.x(wrongAt) + (xWrong ? 1 : 0);
                double ky = key.y(wrongAt) + (xWrong ? 0 : -1);
                assertThatThrownBy(() -> head.add(kx, ky, p, 4, 0, null, false))
                        .as("%s at %d", key, wrongAt)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("at position " + wrongAt)
                        .hasMessageContaining("expected (" + key.x(wrongAt) + ", " + key.y(wrongAt) + ")");
            }
        }
    }

    private static HeadWeights head(QuadraticKey key, AttentionMode mode) {
        double[][] value = new double[2][D];
        value[0][1] = 1;
        value[1][2] = 1;
        double[][] output = new double[D][2];
        output[3][0] = 1;
        CsrMatrix none = CsrMatrix.read(TinyModel.matrix(new double[2][D], false), 2, D, "q");
        return new HeadWeights("h", mode, none, none,
                CsrMatrix.read(TinyModel.matrix(value, false), 2, D, "v"),
                CsrMatrix.read(TinyModel.matrix(output, false), D, 2, "o"),
                HeadKernel.POSITION_KEY, key, false);
    }
}
