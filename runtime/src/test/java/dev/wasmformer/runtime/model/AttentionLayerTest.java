package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttentionLayerTest {
    /**
     * Outputs of one-entry-row heads added by value (non-zero components only) against the
     * rows' dot products,
     * with and without generated code, on vectors with many zeros, signed zeros, cancelling
     * values and residual slots already non-zero; the non-zero set must be exactly the rows
     * written that hold a non-zero value, plus the set before.
     */
    @Test
    void outputsAddedByColumnGiveTheRowsDoublesAndTheSameNonZeroSlots() {
        int compared = 0;
        for (int seed = 0; seed < 12; seed++) {
            Model model = Model.from(WideRandomModel.bundle(new Random(seed)));
            Random random = new Random(200 + seed);
            for (int l = 0; l < model.layerCount(); l++) {
                List<HeadWeights> heads = model.layers.get(l).heads();
                if (heads.isEmpty()) {
                    continue;
                }
                AttentionLayer byColumn = new AttentionLayer(heads, model.embedding, model.slotOne(), false);
                byColumn.sparseOutputsFrom(1);
                AttentionLayer byColumnCode = new AttentionLayer(heads, model.embedding, model.slotOne(), true);
                byColumnCode.sparseOutputsFrom(1);
                AttentionLayer byRowLoops = new AttentionLayer(heads, model.embedding, model.slotOne(), false);
                byRowLoops.sparseOutputsFrom(Integer.MAX_VALUE);
                AttentionLayer byRowCode = new AttentionLayer(heads, model.embedding, model.slotOne(), true);
                byRowCode.sparseOutputsFrom(Integer.MAX_VALUE);
                AttentionLayer.Scratch scratch = new AttentionLayer.Scratch();
                for (int trial = 0; trial < 60; trial++) {
                    double[] x = new double[model.dModel()];
                    long[] nonZero = Bits.words(model.dModel());
                    for (int c = 0; c < x.length; c++) {
                        if (random.nextInt(3) == 0) {
                            x[c] = random.nextInt(9) - 4 + (random.nextBoolean() ? 0.0 : random.nextDouble());
                        }
                        if (x[c] != 0) {
                            Bits.set(nonZero, c);
                        }
                    }
                    double[] out = sparseVector(random, byColumn.bufferSize);
                    int[] ids = new int[heads.size()];
                    for (int h = 0; h < ids.length; h++) {
                        TokenValues table = byColumn.tables[h];
                        ids[h] = table != null && random.nextBoolean()
                                ? random.nextInt(table.ids()) : PositionHead.WROTE_OUTPUT;
                    }
                    double[] expected = x.clone();
                    byRowLoops.addOutputs(out, ids, expected, nonZero.clone(), scratch);
                    long[] expectedNonZero = nonZero.clone();
                    for (int r : byColumn.writtenRows) {
                        if (expected[r] != 0) {
                            Bits.set(expectedNonZero, r);
                        }
                    }
                    for (AttentionLayer layer : new AttentionLayer[] {byColumn, byColumnCode, byRowLoops, byRowCode}) {
                        double[] actual = x.clone();
                        long[] actualNonZero = nonZero.clone();
                        layer.addOutputs(out, ids, actual, actualNonZero, scratch);
                        assertThat(actual).usingElementComparator(Double::compare).containsExactly(expected);
                        assertThat(actualNonZero).containsExactly(expectedNonZero);
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(500);
    }

    /** Mostly zeros (both signs), some small integers that cancel, some fractions. */
    private static double[] sparseVector(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (random.nextInt(8)) {
                case 0 -> random.nextInt(5) - 2;
                case 1 -> random.nextGaussian();
                case 2 -> -0.0;
                case 3 -> 1.0;
                default -> 0.0;
            };
        }
        return v;
    }
}
