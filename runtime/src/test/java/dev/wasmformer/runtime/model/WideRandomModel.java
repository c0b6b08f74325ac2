package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.Ffn;
import dev.wasmformer.runtime.format.Head;
import dev.wasmformer.runtime.format.HeadMode;
import dev.wasmformer.runtime.format.Layer;
import dev.wasmformer.runtime.format.ModelShape;
import dev.wasmformer.runtime.format.Weights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random models shaped like a compiled interpreter, to reach the fast pass's shortcuts: the
 * three features at random slots among 0..2 (so slot_one is not always the first column),
 * token embeddings with small integers, 0/1 flags and a column constant over the vocabulary;
 * heads of every key kind whose values read anything (AVERAGE heads too, so means can be
 * fractional); wide FFN layers whose gates are sums of scaled <em>expressions</em> over
 * disjoint column sets (proportional gate columns), raw columns, integer biases that are
 * often negative, and linear units; an unembedding of families {@code 2^20 g_k + 2 v y - v^2}
 * with a few plain rows, some with fractional weights.
 *
 * <p>{@link #promptShaped} models add a last layer without heads, and keep the slots from
 * {@link #QUERY_ONLY} on for the heads' queries: keys, values and FFN units read only the
 * slots below, while every output writes anywhere above the inputs. So for an appended
 * prompt token some heads' queries and FFN units are needed (a kept query reads what they
 * write) and others are not.
 */
final class WideRandomModel {
    static final int D = 48;
    static final int VOCAB = 48;
    private static final int INPUTS = 12;   // features at 0..2, token embedding at 3..11
    private static final int LAYERS = 3;
    private static final int WIDTH = 40;
    private static final int KINDS = 3;     // unembedding families; gate slots INPUTS..INPUTS+2
    private static final int Y = INPUTS + KINDS;
    /** In a prompt-shaped model, the first slot that only queries read. */
    static final int QUERY_ONLY = 32;

    private WideRandomModel() {
    }

    static Bundle bundle(Random random) {
        return bundle(random, D, LAYERS);
    }

    /** A model shaped to let an appended token skip some queries and units, but not all. */
    static Bundle promptShaped(Random random) {
        return bundle(random, QUERY_ONLY, LAYERS + 1);
    }

    /**
     * {@code layers} layers, the ones past {@value #LAYERS} without heads; keys, values and FFN
     * gates and values read only the slots below {@code readable}.
     */
    private static Bundle bundle(Random random, int readable, int layers) {
        List<Integer> features = new ArrayList<>(List.of(0, 1, 2));
        Collections.shuffle(features, random);
        int one = features.get(0);
        double[][] embedding = new double[VOCAB][D];
        for (int t = 0; t < VOCAB; t++) {
            for (int c = 3; c < 6; c++) {
                embedding[t][c] = random.nextInt(7) - 3;
            }
            for (int c = 6; c < 9; c++) {
                embedding[t][c] = random.nextInt(3) == 0 ? 1 : 0;
            }
            embedding[t][9] = t % 16;
            embedding[t][10] = t / 16;
            embedding[t][11] = 2;    // constant over the vocabulary
        }
        double[][] unembedding = new double[VOCAB][D];
        for (int t = 0; t < VOCAB; t++) {
            if (t % 11 == 10) {
                unembedding[t] = row(random, 0.3, random.nextBoolean() ? 0.5 : 1);
                continue;
            }
            int v = t / KINDS;
            unembedding[t][INPUTS + t % KINDS] = 0x1p20;
            unembedding[t][Y] = 2 * v;
            unembedding[t][one] = -v * v;
        }
        Weights.Builder weights = Weights.newBuilder()
                .setEmbedding(TinyModel.matrix(embedding, random.nextBoolean()))
                .setUnembedding(TinyModel.matrix(unembedding, random.nextBoolean()));
        int heads = 0;
        for (int l = 0; l < layers; l++) {
            Layer.Builder layer = Layer.newBuilder();
            for (int h = 0; h < (l < LAYERS ? 4 : 0); h++) {
                HeadMode mode = random.nextBoolean() ? HeadMode.AVERAGE : HeadMode.LATEST;
                int valueWidth = 1 + random.nextInt(3);
                double[][] value = new double[valueWidth][];
                for (int r = 0; r < valueWidth; r++) {
                    // Layer 0 values that avoid the position features are token-valued.
                    value[r] = row(random, 0.15, 1);
                    Arrays.fill(value[r], readable, D, 0);
                    if (random.nextBoolean()) {
                        value[r][features.get(1)] = 0;
                        value[r][features.get(2)] = 0;
                    }
                }
                layer.addHeads(Head.newBuilder()
                        .setName("h" + h)
                        .setMode(mode)
                        .setQuery(TinyModel.matrix(new double[][] {row(random, 0.15, 1),
                            row(random, 0.15, 1)}, random.nextBoolean()))
                        .setKey(TinyModel.matrix(key(random, features, readable), random.nextBoolean()))
                        .setValue(TinyModel.matrix(value, false))
                        .setOutput(TinyModel.matrix(output(random, valueWidth), false)));
                heads++;
            }
            layer.setFfn(ffn(random, one, readable));
            weights.addLayers(layer);
        }
        return Bundle.newBuilder()
                .setShape(ModelShape.newBuilder().setDModel(D).setLayers(layers).setVocabSize(VOCAB)
                        .setSlotOne(one).setSlotPosition(features.get(1))
                        .setSlotPositionSquared(features.get(2))
                        .setHeads(heads).setFfnWidth(WIDTH).setArchitecture(Model.ARCHITECTURE))
                .setWeights(weights)
                .build();
    }

    private static double[][] key(Random random, List<Integer> features, int readable) {
        double[][] m = new double[2][D];
        switch (random.nextInt(5)) {
            case 0 -> {                 // constant: slot_one and the constant column
                m[0][features.get(0)] = random.nextInt(5) - 2;
                m[1][11] = random.nextInt(3) - 1;
            }
            case 1 -> {                 // a lookup of the position
                m[0][features.get(1)] = 2;
                m[1][features.get(2)] = -1;
            }
            case 2 -> {                 // another quadratic of the position
                m[0][features.get(1)] = random.nextInt(5) - 2;
                m[1][features.get(2)] = -1 - random.nextInt(2);
                m[1][features.get(0)] = random.nextInt(9) - 4;
            }
            case 3 -> {                 // a lookup of a token value
                m[0][9] = 2;
                m[1][features.get(0)] = -1;
                m[1][3] = random.nextInt(3) - 1;
            }
            default -> {
                m[0] = row(random, 0.1, 1);
                m[1] = row(random, 0.1, 1);
                Arrays.fill(m[0], readable, D, 0);
                Arrays.fill(m[1], readable, D, 0);
            }
        }
        return m;
    }

    /** A gate of expressions over disjoint column sets, raw columns and biases; linear units. */
    private static Ffn ffn(Random random, int one, int readable) {
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < readable; c++) {
            if (c != one) {
                columns.add(c);
            }
        }
        Collections.shuffle(columns, random);
        int expressions = 6;
        double[][] expression = new double[expressions][D];
        int next = 0;
        for (int e = 0; e < expressions; e++) {
            int terms = 1 + random.nextInt(3);
            for (int k = 0; k < terms; k++) {
                expression[e][columns.get(next++)] = nonZero(random, 2);
            }
        }
        List<Integer> raw = columns.subList(next, columns.size());
        double[][] gate = new double[WIDTH][D];
        double[][] value = new double[WIDTH][D];
        double[][] output = new double[D][WIDTH];
        for (int u = 0; u < WIDTH; u++) {
            if (random.nextInt(8) == 0) {
                gate[u][one] = 1 + random.nextInt(2);          // a linear unit
            } else {
                gate[u][one] = random.nextInt(11) - 8;
                for (int k = random.nextInt(3); k >= 0; k--) {
                    double scale = nonZero(random, 2);
                    double[] e = expression[random.nextInt(expressions)];
                    for (int c = 0; c < D; c++) {
                        gate[u][c] += scale * e[c];
                    }
                }
                if (random.nextInt(4) == 0) {
                    gate[u][raw.get(random.nextInt(raw.size()))] += nonZero(random, 1);
                }
            }
            for (int k = random.nextInt(2); k >= 0; k--) {
                value[u][random.nextInt(readable)] = nonZero(random, 1);
            }
            output[INPUTS + random.nextInt(D - INPUTS)][u] = random.nextBoolean() ? 1 : -1;
        }
        return Ffn.newBuilder()
                .setGate(TinyModel.matrix(gate, random.nextBoolean()))
                .setValue(TinyModel.matrix(value, random.nextBoolean()))
                .setOutput(TinyModel.matrix(output, false))
                .build();
    }

    /** A D x width output writing each column into a random slot above the inputs. */
    /**
     * {@code bundle} with, in every layer, a second head for each head: the same mode, key and
     * value matrices (so a hull head's copy shares its cache), a query and an output of its own.
     */
    static Bundle withSharers(Bundle bundle, Random random) {
        Weights.Builder weights = bundle.getWeights().toBuilder();
        int heads = 0;
        for (int l = 0; l < weights.getLayersCount(); l++) {
            Layer.Builder layer = weights.getLayersBuilder(l);
            int count = layer.getHeadsCount();
            for (int h = 0; h < count; h++) {
                Head head = layer.getHeads(h);
                int width = head.getValue().getRows();
                layer.addHeads(head.toBuilder()
                        .setName(head.getName() + "'")
                        .setQuery(TinyModel.matrix(new double[][] {row(random, 0.15, 1), row(random, 0.15, 1)},
                                random.nextBoolean()))
                        .setOutput(TinyModel.matrix(output(random, width), false)));
            }
            heads += layer.getHeadsCount();
        }
        return bundle.toBuilder().setWeights(weights)
                .setShape(bundle.getShape().toBuilder().setHeads(heads)).build();
    }

    /** The first of the slots {@link #withOwnRows} gives layer 0's heads. */
    private static final int OWN_ROWS = D - 12;

    /**
     * {@code bundle} with the slots from {@link #OWN_ROWS} on written by layer 0's heads alone
     * (value column c of head h into slot {@code OWN_ROWS + 3h + c}) and read by none of that
     * layer's projections: every layer-0 head is resident (its sums stay in the residual), its
     * token-table heads among them. Later layers, FFNs and the unembedding still read them.
     */
    static Bundle withOwnRows(Bundle bundle) {
        Weights.Builder weights = bundle.getWeights().toBuilder();
        for (int l = 0; l < weights.getLayersCount(); l++) {
            Layer.Builder layer = weights.getLayersBuilder(l);
            for (int h = 0; h < layer.getHeadsCount(); h++) {
                Head.Builder head = layer.getHeadsBuilder(h);
                int width = head.getValue().getRows();
                double[][] output = dense(head.getOutput(), D, width);
                if (l == 0) {
                    head.setQuery(TinyModel.matrix(withoutOwnColumns(dense(head.getQuery(), 2, D)), false));
                    head.setKey(TinyModel.matrix(withoutOwnColumns(dense(head.getKey(), 2, D)), false));
                    head.setValue(TinyModel.matrix(withoutOwnColumns(dense(head.getValue(), width, D)), false));
                    output = new double[D][width];
                    for (int c = 0; c < width; c++) {
                        output[OWN_ROWS + 3 * h + c][c] = 1;
                    }
                } else {
                    Arrays.fill(output, OWN_ROWS, D, new double[width]);
                }
                head.setOutput(TinyModel.matrix(output, false));
            }
            if (layer.hasFfn()) {
                double[][] output = dense(layer.getFfn().getOutput(), D, WIDTH);
                Arrays.fill(output, OWN_ROWS, D, new double[WIDTH]);
                layer.getFfnBuilder().setOutput(TinyModel.matrix(output, false));
            }
        }
        return bundle.toBuilder().setWeights(weights).build();
    }

    private static double[][] withoutOwnColumns(double[][] m) {
        for (double[] row : m) {
            Arrays.fill(row, OWN_ROWS, D, 0);
        }
        return m;
    }

    private static double[][] dense(dev.wasmformer.runtime.format.Matrix matrix, int rows, int cols) {
        CsrMatrix m = CsrMatrix.read(matrix, rows, cols, "dense");
        double[][] d = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < m.rowLength(r); i++) {
                d[r][m.column(r, i)] = m.value(r, i);
            }
        }
        return d;
    }

    private static double[][] output(Random random, int width) {
        double[][] m = new double[D][width];
        for (int c = 0; c < width; c++) {
            m[INPUTS + random.nextInt(D - INPUTS)][c] = random.nextBoolean() ? 1 : -1;
        }
        return m;
    }

    /** A row with small integer entries (times {@code unit}) at this density. */
    private static double[] row(Random random, double density, double unit) {
        double[] r = new double[D];
        for (int c = 0; c < D; c++) {
            if (random.nextDouble() < density) {
                r[c] = nonZero(random, 2) * unit;
            }
        }
        return r;
    }

    private static int nonZero(Random random, int max) {
        int v = 1 + random.nextInt(max);
        return random.nextBoolean() ? v : -v;
    }
}
