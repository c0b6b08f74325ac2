package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StraightLineTest {
    @Test
    void generatedProjectionsAndOutputsGiveTheLoopsDoublesBitForBit() {
        int guarded = 0;
        for (int seed = 0; seed < 10; seed++) {
            Model model = Model.from(WideRandomModel.bundle(new Random(seed)));
            Random random = new Random(100 + seed);
            for (int l = 0; l < model.layerCount(); l++) {
                List<HeadWeights> heads = model.layers.get(l).heads();
                AttentionLayer generated = new AttentionLayer(heads, model.embedding, model.slotOne(), true);
                AttentionLayer loops = new AttentionLayer(heads, model.embedding, model.slotOne(), false);
                assertThat(generated.straightLine()).isTrue();
                assertThat(loops.straightLine()).isFalse();
                for (int trial = 0; trial < 50; trial++) {
                    double[] x = vector(random, model.dModel());
                    if (trial % 2 == 1) {
                        sparsen(random, x);   // so that guarded values read only zeros now and then
                    }
                    double[] p1 = new double[generated.bufferSize];
                    double[] p2 = new double[loops.bufferSize];
                    generated.project(x, p1, live(random, x));
                    loops.project(x, p2, live(random, x));
                    assertThat(p1).usingElementComparator(Double::compare).containsExactly(p2);
                    double[] out = vector(random, generated.bufferSize);
                    double[] s1 = new double[generated.segments()];
                    double[] s2 = new double[loops.segments()];
                    for (int h = 0; h < heads.size(); h++) {
                        generated.segmentSums(h, out, s1);
                        loops.segmentSums(h, out, s2);
                    }
                    assertThat(s1).usingElementComparator(Double::compare).containsExactly(s2);
                }
                // Against the contract (every slot 1.0, none live): guarded values come out as
                // zeros, which shows that the layer has guards and that they skip.
                double[] ones = new double[model.dModel()];
                java.util.Arrays.fill(ones, 1.0);
                double[] p1 = new double[generated.bufferSize];
                double[] p2 = new double[loops.bufferSize];
                generated.project(ones, p1, Bits.words(model.dModel()));
                loops.project(ones, p2, Bits.words(model.dModel()));
                guarded += java.util.Arrays.equals(p1, p2) ? 0 : 1;
            }
        }
        assertThat(guarded).isPositive();
    }

    @Test
    void longBlocksAreSplitOverSeveralMethodsAndManyBlocksOverSeveralSwitches() {
        Random random = new Random(3);
        List<List<StraightLine.Row>> blocks = new ArrayList<>();
        for (int b = 0; b < 600; b++) {
            List<StraightLine.Row> rows = new ArrayList<>();
            int count = b == 7 ? 400 : 1 + random.nextInt(3);     // block 7: ~20,000 terms
            for (int r = 0; r < count; r++) {
                int n = b == 7 ? 50 : 1 + random.nextInt(4);
                int[] columns = new int[n];
                double[] weights = new double[n];
                for (int k = 0; k < n; k++) {
                    columns[k] = random.nextInt(40);
                    weights[k] = random.nextInt(5) == 0 ? 1.0 : random.nextInt(5) == 0 ? -1.0 : random.nextGaussian();
                }
                rows.add(new StraightLine.Row(random.nextInt(30), random.nextBoolean(), columns, weights));
            }
            blocks.add(rows);
        }
        StraightLine.Blocks code = StraightLine.compile(blocks);
        assertThat(code).isNotNull();
        for (int b : new int[] {0, 7, 255, 256, 599}) {
            double[] in = vector(random, 40);
            double[] expected = vector(random, 30);
            double[] actual = expected.clone();
            for (StraightLine.Row row : blocks.get(b)) {
                double sum = 0.0;
                for (int k = 0; k < row.columns().length; k++) {
                    sum += row.weights()[k] * in[row.columns()[k]];
                }
                expected[row.target()] = row.add() ? expected[row.target()] + sum : sum;
            }
            code.run(b, in, actual, null);
            assertThat(actual).as("block %d", b).usingElementComparator(Double::compare).containsExactly(expected);
        }
    }

    @Test
    void aGuardedGroupStoresZerosExactlyWhenNoSlotItReadsIsLive() {
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            List<StraightLine.Row> rows = new ArrayList<>();
            List<Integer> groupStarts = new ArrayList<>();
            int target = 0;
            while (rows.size() < 12) {
                int n = 1 + random.nextInt(5);
                boolean guarded = random.nextBoolean();
                List<StraightLine.Row> group = new ArrayList<>();
                List<Integer> read = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    int terms = random.nextInt(4);
                    int[] columns = new int[terms];
                    double[] weights = new double[terms];
                    for (int t = 0; t < terms; t++) {
                        columns[t] = random.nextInt(200);
                        weights[t] = random.nextInt(4) == 0 ? 1.0 : random.nextInt(4) == 0 ? -1.0 : random.nextGaussian();
                        read.add(columns[t]);
                    }
                    group.add(new StraightLine.Row(target + k, !guarded && random.nextInt(4) == 0, columns, weights));
                }
                if (guarded) {
                    StraightLine.Row first = group.get(0);
                    group.set(0, new StraightLine.Row(first.target(), false, first.columns(), first.weights(),
                            StraightLine.Guard.of(n, target, read.stream().mapToInt(Integer::intValue).toArray())));
                    groupStarts.add(rows.size());
                }
                rows.addAll(group);
                target += n;
            }
            StraightLine.Blocks code = StraightLine.compile(List.of(rows));
            assertThat(code).isNotNull();
            // Random slots of in are non-zero, live or not: the groups that read a non-zero slot
            // that is not live show whether the guard ran them.
            double[] in = vector(random, 200);
            sparsen(random, in);
            long[] live = Bits.words(200);
            for (int c = 0; c < 200; c++) {
                if (random.nextInt(3) > 0 && in[c] != 0 || random.nextInt(20) == 0) {
                    Bits.set(live, c);
                }
            }
            double[] expected = vector(random, target);
            double[] actual = expected.clone();
            for (int r = 0; r < rows.size(); r++) {
                StraightLine.Row row = rows.get(r);
                double sum = 0.0;
                for (int k = 0; k < row.columns().length; k++) {
                    sum += row.weights()[k] * in[row.columns()[k]];
                }
                expected[row.target()] = row.add() ? expected[row.target()] + sum : sum;
            }
            for (int start : groupStarts) {
                StraightLine.Guard guard = rows.get(start).guard();
                long any = 0;
                for (int k = 0; k < guard.words().length; k++) {
                    any |= live[guard.words()[k]] & guard.masks()[k];
                }
                if (any == 0) {
                    java.util.Arrays.fill(expected, guard.from(), guard.from() + guard.rows(), 0.0);
                }
            }
            code.run(0, in, actual, live);
            assertThat(actual).as("trial %d", trial).usingElementComparator(Double::compare).containsExactly(expected);
        }
    }

    @Test
    void aGuardOverARowThatAddsOrAnInfiniteWeightIsRefused() {
        StraightLine.Guard guard = StraightLine.Guard.of(1, 0, new int[] {3});
        for (StraightLine.Row row : List.of(new StraightLine.Row(0, true, new int[] {3}, new double[] {2}, guard),
                new StraightLine.Row(0, false, new int[] {3}, new double[] {Double.POSITIVE_INFINITY}, guard),
                new StraightLine.Row(1, false, new int[] {3}, new double[] {2}, guard))) {
            assertThat(StraightLine.compile(List.of(List.of(row)))).as("%s", row).isNull();
        }
    }

    /** The live set of x: its slots that are not +0.0, and a few others. */
    private static long[] live(Random random, double[] x) {
        long[] live = Bits.words(x.length);
        for (int c = 0; c < x.length; c++) {
            if (Double.doubleToRawLongBits(x[c]) != 0 || random.nextInt(10) == 0) {
                Bits.set(live, c);
            }
        }
        return live;
    }

    /** Sets all but a few slots of v to +0.0. */
    private static void sparsen(Random random, double[] v) {
        for (int c = 0; c < v.length; c++) {
            if (random.nextInt(8) > 0) {
                v[c] = 0.0;
            }
        }
    }

    private static double[] vector(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (random.nextInt(4)) {
                case 0 -> 0.0;
                case 1 -> random.nextInt(7) - 3;
                case 2 -> random.nextGaussian() * 1e3;
                default -> random.nextDouble() - 0.5;
            };
        }
        return v;
    }
}
