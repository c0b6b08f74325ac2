package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BiasFamiliesTest {
    private static final int D = 12;
    private static final int ONE = 3;

    /**
     * The families as the rule states them, by boxed keys: units keyed by their entries outside
     * slot_one (at most FAMILY_COLUMNS, integer weights and bias within 2^50), keys with at
     * least FAMILY_UNITS units, in the order of their first units, each by decreasing bias,
     * equal biases in unit order.
     */
    private static List<int[]> reference(CsrMatrix gate, int slotOne, double[] bias) {
        Map<List<Double>, List<Integer>> byRow = new LinkedHashMap<>();
        for (int u = 0; u < gate.rows; u++) {
            List<Double> row = new ArrayList<>();
            boolean integral = Math.rint(bias[u]) == bias[u] && Math.abs(bias[u]) <= 0x1p50;
            for (int i = 0; i < gate.rowLength(u); i++) {
                if (gate.column(u, i) != slotOne) {
                    double w = gate.value(u, i);
                    row.add((double) gate.column(u, i));
                    row.add(w);
                    integral &= Math.rint(w) == w && Math.abs(w) <= 0x1p50;
                }
            }
            if (integral && !row.isEmpty() && row.size() <= 2 * SparseFeedForward.FAMILY_COLUMNS) {
                byRow.computeIfAbsent(row, r -> new ArrayList<>()).add(u);
            }
        }
        List<int[]> families = new ArrayList<>();
        for (List<Integer> members : byRow.values()) {
            if (members.size() >= SparseFeedForward.FAMILY_UNITS) {
                List<Integer> sorted = new ArrayList<>(members);
                sorted.sort((a, b) -> Double.compare(bias[b], bias[a]));
                families.add(sorted.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return families;
    }

    /** Gate rows drawn from a few shapes, so that many units share a row: ramps, near misses, wide and fractional rows. */
    private static double[][] gate(Random random, int width) {
        double[][][] shapes = new double[6][][];
        for (int k = 0; k < shapes.length; k++) {
            shapes[k] = new double[][] {new double[D]};
            int columns = 1 + random.nextInt(k == 5 ? 7 : 4);
            for (int n = 0; n < columns; n++) {
                int c = random.nextInt(D);
                if (c != ONE) {
                    shapes[k][0][c] = k == 4 ? 0.5 : random.nextInt(7) - 3;
                }
            }
        }
        double[][] gate = new double[width][];
        for (int u = 0; u < width; u++) {
            gate[u] = shapes[random.nextInt(shapes.length)][0].clone();
            if (random.nextInt(10) == 0) {
                gate[u][random.nextInt(D)] += 1;            // a near miss (or a new column)
            }
            gate[u][ONE] = random.nextInt(4) == 0 ? 0x1p51 * random.nextInt(2) : random.nextInt(9) - 4;
            if (random.nextInt(12) == 0) {
                gate[u][ONE] += 0.25;                       // a fractional bias
            }
        }
        return gate;
    }

    @Test
    void theFamiliesAreTheOnesTheRuleGivesInOrderAndBiasOrder() {
        int families = 0;
        for (int seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            int width = 20 + random.nextInt(200);
            double[][] dense = gate(random, width);
            FfnWeights weights = TinyModel.ffn(dense, new double[width][D], new double[D][width]);
            CsrMatrix gate = weights.gate();
            double[] bias = new double[width];
            for (int u = 0; u < width; u++) {
                bias[u] = dense[u][ONE];
            }
            List<int[]> expected = reference(gate, ONE, bias);
            List<int[]> actual = SparseFeedForward.biasFamilies(gate, ONE, bias);
            assertThat(actual).as("seed %d", seed).hasSameSizeAs(expected);
            for (int f = 0; f < expected.size(); f++) {
                assertThat(actual.get(f)).as("seed %d family %d", seed, f).containsExactly(expected.get(f));
            }
            families += expected.size();
        }
        assertThat(families).as("families over all seeds").isGreaterThan(40);
    }

    @Test
    void theSortKeepsTheOrderOfEqualBiases() {
        Random random = new Random(5);
        for (int n = 0; n < 300; n += 1 + n / 8) {
            double[] bias = new double[n];
            int[] units = new int[n];
            for (int u = 0; u < n; u++) {
                bias[u] = random.nextInt(Math.max(1, n / 4));
                units[u] = u;
            }
            List<Integer> expected = new ArrayList<>();
            for (int u = 0; u < n; u++) {
                expected.add(u);
            }
            expected.sort((a, b) -> Double.compare(bias[b], bias[a]));
            SparseFeedForward.sortByDecreasingBias(units, bias);
            assertThat(units).as("%d units", n).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
