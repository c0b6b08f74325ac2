package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UnitCodeTest {
    /**
     * Random rows: mostly short, a few longer than a generated method holds, weights 1, -1,
     * integers, fractions and now and then a non-finite one.
     */
    private static UnitCode.Rows rows(Random random, int units, int columns, int longUnit, int longLength) {
        int[] start = new int[units + 1];
        int[][] index = new int[units][];
        double[][] weight = new double[units][];
        for (int u = 0; u < units; u++) {
            int n = u == longUnit ? longLength : random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(8);
            index[u] = new int[n];
            weight[u] = new double[n];
            int c = random.nextInt(3);
            for (int k = 0; k < n; k++) {
                index[u][k] = u == longUnit ? k % columns : Math.min(columns - 1, c);
                c += 1 + random.nextInt(columns / 8);
                int pick = random.nextInt(10);
                weight[u][k] = pick == 0 ? 1.0 : pick == 1 ? -1.0 : pick == 2 ? random.nextInt(9) - 4
                        : pick == 3 && random.nextInt(20) == 0 ? Double.POSITIVE_INFINITY : random.nextGaussian();
            }
            start[u + 1] = start[u] + n;
        }
        int[] flatIndex = new int[start[units]];
        double[] flatWeight = new double[start[units]];
        for (int u = 0; u < units; u++) {
            System.arraycopy(index[u], 0, flatIndex, start[u], index[u].length);
            System.arraycopy(weight[u], 0, flatWeight, start[u], weight[u].length);
        }
        return new UnitCode.Rows(start, flatIndex, flatWeight);
    }

    private static double dot(UnitCode.Rows rows, int u, double[] x) {
        double sum = 0.0;
        for (int k = rows.start()[u]; k < rows.start()[u + 1]; k++) {
            sum += rows.weight()[k] * x[rows.index()[k]];
        }
        return sum;
    }

    private static double[] vector(Random random, int n) {
        double[] x = new double[n];
        for (int c = 0; c < n; c++) {
            int pick = random.nextInt(12);
            x[c] = pick < 4 ? 0.0 : pick < 8 ? random.nextInt(7) - 3 : pick == 8 ? -0.0
                    : pick == 9 && random.nextInt(30) == 0 ? Double.NaN : random.nextGaussian() * 1e3;
        }
        return x;
    }

    /**
     * Bit for bit but for NaN payloads ({@code Double.compare}, as the other exactness tests):
     * {@code s - v} and {@code s + (-1.0 * v)} may give NaNs of different signs.
     */
    @Test
    void generatedRowsGiveTheLoopsDoublesBitForBit() {
        for (int seed = 0; seed < 6; seed++) {
            Random random = new Random(seed);
            // 700 units: two switch methods; unit 3's rows are split over several methods.
            int units = seed % 2 == 0 ? 700 : 40;
            int d = 300;
            UnitCode.Rows gate = rows(random, units, d, 3, 1000);
            UnitCode.Rows value = rows(random, units, d, 5, 450);
            UnitCode.Rows output = rows(random, units, d, 3, 600);
            UnitCode.Units code = UnitCode.compile(gate, value, output);
            assertThat(code).isNotNull();
            for (int trial = 0; trial < 20; trial++) {
                double[] x = vector(random, d);
                double[] expectedAcc = vector(random, d);
                double[] actualAcc = expectedAcc.clone();
                long[] expectedMask = new long[(d + 63) >>> 6];
                long[] actualMask = expectedMask.clone();
                for (int u = 0; u < units; u++) {
                    assertThat(Double.doubleToLongBits(code.gate(u, x))).as("gate of %d", u)
                            .isEqualTo(Double.doubleToLongBits(dot(gate, u, x)));
                    assertThat(Double.doubleToLongBits(code.value(u, x))).as("value of %d", u)
                            .isEqualTo(Double.doubleToLongBits(dot(value, u, x)));
                    double h = x[u % d];
                    long words = 0;
                    for (int k = output.start()[u]; k < output.start()[u + 1]; k++) {
                        int r = output.index()[k];
                        expectedAcc[r] += output.weight()[k] * h;
                        expectedMask[r >>> 6] |= 1L << r;
                        words |= 1L << (r >>> 6);
                    }
                    assertThat(code.output(u, h, actualAcc, actualMask)).as("words of %d", u).isEqualTo(words);
                    assertThat(actualMask).as("mask after %d", u).containsExactly(expectedMask);
                    assertThat(actualAcc).as("rows after %d", u)
                            .usingElementComparator(Double::compare).containsExactly(expectedAcc);
                }
                // Units outside the layer give zeros.
                assertThat(code.gate(units, x)).isEqualTo(0.0);
                assertThat(code.output(-1, 1.0, actualAcc, actualMask)).isZero();
            }
        }
    }
}
