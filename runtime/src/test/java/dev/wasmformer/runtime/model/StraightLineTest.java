package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StraightLineTest {
    @Test
    void generatedProjectionsAndOutputsGiveTheLoopsDoublesBitForBit() {
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
                    double[] p1 = new double[generated.bufferSize];
                    double[] p2 = new double[loops.bufferSize];
                    generated.project(x, p1);
                    loops.project(x, p2);
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
            }
        }
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
            code.run(b, in, actual);
            assertThat(actual).as("block %d", b).usingElementComparator(Double::compare).containsExactly(expected);
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
