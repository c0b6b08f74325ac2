package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LineFamiliesTest {
    private static final int D = 12;
    private static final int ONE = 0;
    private static final int T = 1;        // the slope column
    private static final int SHARED = 2;   // a column every unit of the family reads alike
    private static final int SQUARE = 3;   // t², for the table

    /** Gate rows {@code w_shared·x[SHARED] + slope·x[T] + bias}, one per line (slope, bias). */
    private static CsrMatrix gate(List<long[]> lines, double sharedWeight) {
        double[][] rows = new double[lines.size()][D];
        for (int u = 0; u < lines.size(); u++) {
            rows[u][T] = lines.get(u)[0];
            rows[u][ONE] = lines.get(u)[1];
            rows[u][SHARED] = sharedWeight;
        }
        return TinyModel.ffn(rows, rows, new double[D][lines.size()]).gate();
    }

    private static double[] biases(CsrMatrix gate) {
        double[] bias = new double[gate.rows];
        for (int u = 0; u < gate.rows; u++) {
            for (int i = 0; i < gate.rowLength(u); i++) {
                if (gate.column(u, i) == ONE) {
                    bias[u] = gate.value(u, i);
                }
            }
        }
        return bias;
    }

    private static boolean[] all(int n) {
        boolean[] free = new boolean[n];
        java.util.Arrays.fill(free, true);
        return free;
    }

    /** Lines from a few parabolas' tangents and some random ones: a family of several layers. */
    private static List<long[]> lines(Random random) {
        List<long[]> lines = new ArrayList<>();
        int parabolas = 1 + random.nextInt(3);
        for (int p = 0; p < parabolas; p++) {
            long offset = -random.nextInt(40);
            for (long k = -8; k <= 8; k++) {
                if (random.nextInt(4) != 0) {
                    lines.add(new long[] {2 * k, offset - k * k});
                }
            }
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            lines.add(new long[] {random.nextInt(33) - 16, -random.nextInt(60)});
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            lines.add(lines.get(random.nextInt(lines.size())).clone());   // a duplicate unit
        }
        return lines;
    }

    @Test
    void aFamilyMarksExactlyTheUnitsWhoseGateIsPositive() {
        Random random = new Random(11);
        int families = 0;
        int multiLayer = 0;
        int marked = 0;
        for (int trial = 0; trial < 300; trial++) {
            List<long[]> lines = lines(random);
            double sharedWeight = random.nextInt(5) - 2;
            CsrMatrix gate = gate(lines, sharedWeight);
            LineFamilies lf = LineFamilies.of(gate, ONE, biases(gate), all(gate.rows));
            if (lf.isEmpty()) {
                continue;   // more layers than the limit: the units stay with the filter
            }
            families++;
            // A unit of slope 0 has no entry in the slope column, so it stays with the filter.
            assertThat(lf.units()).hasSize((int) lines.stream().filter(l -> l[0] != 0).count());
            multiLayer += lf.layerCount() > 1 ? 1 : 0;
            for (int step = 0; step < 40; step++) {
                double[] x = new double[D];
                x[ONE] = 1;
                x[T] = random.nextInt(41) - 20;
                x[SHARED] = random.nextInt(41) - 20;
                long[] units = Bits.words(gate.rows);
                long words = lf.mark(x, units);
                for (int w = 0; w < units.length; w++) {
                    assertThat((words >>> w & 1) != 0).as("word %d named", w).isEqualTo(units[w] != 0);
                }
                for (int u : lf.units()) {
                    boolean positive = gate.dot(u, x) > 0;
                    assertThat((units[u >>> 6] & 1L << u) != 0).as("trial %d step %d unit %d", trial, step, u).isEqualTo(positive);
                    marked += positive ? 1 : 0;
                }
            }
        }
        assertThat(families).isGreaterThan(200);
        assertThat(multiLayer).isGreaterThan(50);
        assertThat(marked).isGreaterThan(1000);
    }

    @Test
    void aStepWithValuesThatAreNotExactIntegersMarksTheWholeFamily() {
        List<long[]> lines = new ArrayList<>();
        for (long k = 1; k <= 20; k++) {
            lines.add(new long[] {2 * k, 1 - k * k});     // with x[SHARED] = -t²: 1 - (t - k)²
        }
        CsrMatrix gate = gate(lines, 1);
        LineFamilies lf = LineFamilies.of(gate, ONE, biases(gate), all(gate.rows));
        assertThat(lf.isEmpty()).isFalse();
        double[][] inexact = {{0.5, 0}, {3, 0.25}, {0x1p52, 0}, {3, 0x1p51}, {Double.NaN, 0}, {3, Double.NEGATIVE_INFINITY}};
        for (double[] values : inexact) {
            double[] x = new double[D];
            x[ONE] = 1;
            x[T] = values[0];
            x[SHARED] = values[1];
            long[] units = Bits.words(gate.rows);
            lf.mark(x, units);
            assertThat(Bits.toArray(units)).as("t %s, shared %s", values[0], values[1]).hasSize(20);
        }
        double[] x = new double[D];
        x[ONE] = 1;
        x[T] = 7;
        x[SHARED] = -49;
        long[] units = Bits.words(gate.rows);
        lf.mark(x, units);
        assertThat(Bits.toArray(units)).as("t = 7: 1 - (7 - k)² is positive at k = 7 only (unit 6)").containsExactly(6);
    }

    @Test
    void unitsOutsideTheFreeSetOrWithOnlyOneSlopeMakeNoFamily() {
        List<long[]> parallel = new ArrayList<>();
        for (long k = 0; k < 20; k++) {
            parallel.add(new long[] {3, -k});
        }
        CsrMatrix gate = gate(parallel, 1);
        assertThat(LineFamilies.of(gate, ONE, biases(gate), all(gate.rows)).isEmpty()).isTrue();

        List<long[]> table = new ArrayList<>();
        for (long k = 1; k <= 20; k++) {
            table.add(new long[] {2 * k, -k * k});
        }
        CsrMatrix tableGate = gate(table, 1);
        boolean[] free = all(tableGate.rows);
        for (int u = 0; u < 10; u++) {
            free[u] = false;
        }
        assertThat(LineFamilies.of(tableGate, ONE, biases(tableGate), free).isEmpty())
                .as("10 free units are below the minimum").isTrue();
    }

    @Test
    void theEnvelopeTestAgreesWithExactArithmetic() {
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            long scale = i % 2 == 0 ? 1L << 50 : 100;
            LineFamilies.Line l = line(random, scale);
            LineFamilies.Line m = line(random, scale);
            LineFamilies.Line r = line(random, scale);
            BigInteger lhs = big(m.slope() - l.slope()).multiply(big(l.bias() - r.bias()))
                    .add(big(m.bias() - l.bias()).multiply(big(r.slope() - l.slope())));
            assertThat(LineFamilies.redundant(l, m, r)).as("%s %s %s", l, m, r).isEqualTo(lhs.signum() <= 0);
        }
    }

    @Test
    void peelingKeepsEveryLineAndEachLayerBelowTheOneBefore() {
        Random random = new Random(17);
        for (int trial = 0; trial < 200; trial++) {
            List<LineFamilies.Line> lines = new ArrayList<>();
            List<long[]> raw = lines(random);
            for (int u = 0; u < raw.size(); u++) {
                lines.add(new LineFamilies.Line(u, raw.get(u)[0], raw.get(u)[1]));
            }
            List<List<LineFamilies.Line>> layers = LineFamilies.peel(lines);
            if (layers == null) {
                continue;
            }
            Set<Integer> seen = new HashSet<>();
            layers.forEach(layer -> layer.forEach(line -> assertThat(seen.add(line.unit())).isTrue()));
            assertThat(seen).hasSize(lines.size());
            for (double t = -30; t <= 30; t += 0.25) {
                double before = Double.POSITIVE_INFINITY;
                for (List<LineFamilies.Line> layer : layers) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < layer.size(); i++) {
                        max = Math.max(max, layer.get(i).slope() * t + layer.get(i).bias());
                        if (i > 0) {
                            assertThat(layer.get(i).slope()).isGreaterThan(layer.get(i - 1).slope());
                        }
                    }
                    assertThat(max).as("trial %d t %s", trial, t).isLessThanOrEqualTo(before);
                    before = max;
                }
            }
        }
    }

    /** A layer like a specialized program's instruction table: relu(1 − (t − k)²)·1 for k = 0..n−1. */
    @Test
    void aTableLayerComputesThePlainLayerBitForBitThroughItsFamily() {
        int width = 48;
        double[][] gate = new double[width][D];
        double[][] value = new double[width][D];
        double[][] output = new double[D][width];
        for (int k = 0; k < width; k++) {
            double key = k + 1;                    // the unit of key 0 would have no slope entry
            gate[k][SQUARE] = -1;
            gate[k][T] = 2 * key;
            gate[k][ONE] = 1 - key * key;
            value[k][ONE] = 1;
            value[k][5] = k % 3;
            output[6 + k % 5][k] = k + 1;
        }
        FfnWeights weights = TinyModel.ffn(gate, value, output);
        SparseFeedForward ffn = new SparseFeedForward(weights, D, ONE);
        for (int k = 0; k < width; k++) {
            assertThat(ffn.familyOf[k]).as("unit %d", k).isGreaterThanOrEqualTo(0);
        }
        GateFilter filter = new GateFilter(ffn);
        SparseFeedForward.Scratch scratch = new SparseFeedForward.Scratch(width, ffn.groups.groupCount, D);
        Random random = new Random(23);
        int checked = 0;
        for (int step = 0; step < 3000; step++) {
            double[] x = new double[D];
            x[ONE] = 1;
            x[T] = random.nextInt(width + 10) - 5;
            if (step > 1000 && random.nextInt(20) == 0) {
                x[T] = random.nextBoolean() ? 0.5 + random.nextInt(10) : 0x1p40;
            }
            x[SQUARE] = x[T] * x[T];
            x[5] = random.nextInt(4);
            long[] nonZero = SparseFeedForwardTest.nonZero(x);
            if (filter.builds > 0 && x[T] == Math.rint(x[T]) && Math.abs(x[T]) < width + 10) {
                long[] units = ffn.candidates(x, nonZero, scratch, filter);
                assertThat(units).isNotNull();
                long[] expected = Bits.words(width);
                if (x[T] >= 1 && x[T] <= width) {
                    Bits.set(expected, (int) x[T] - 1);
                }
                assertThat(units).as("step %d, t %s", step, x[T]).containsExactly(expected);
                checked++;
            }
            double[] expected = x.clone();
            SparseFeedForwardTest.plain(weights, expected);
            ffn.apply(x, nonZero, scratch, filter);
            assertThat(x).as("step %d", step).usingElementComparator(Double::compare).containsExactly(expected);
        }
        assertThat(checked).isGreaterThan(1500);
        assertThat(filter.filteredSteps).isGreaterThan(1500);
    }

    private static LineFamilies.Line line(Random random, long scale) {
        return new LineFamilies.Line(0, (double) (random.nextLong() % scale), (double) (random.nextLong() % scale));
    }

    private static BigInteger big(double v) {
        return BigInteger.valueOf((long) v);
    }
}
