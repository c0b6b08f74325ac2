package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.DenseValues;
import dev.wasmformer.runtime.format.Ffn;
import dev.wasmformer.runtime.format.Head;
import dev.wasmformer.runtime.format.HeadMode;
import dev.wasmformer.runtime.format.Layer;
import dev.wasmformer.runtime.format.Matrix;
import dev.wasmformer.runtime.format.ModelShape;
import dev.wasmformer.runtime.format.SparseValues;
import dev.wasmformer.runtime.format.Weights;
import java.util.function.IntPredicate;

/**
 * A hand-made one-layer bundle, small enough to check against values computed by hand.
 *
 * <p>Tokens 0..7 embed their value t in slot VAL and t^2 in slot VAL2. The heads:
 * <ul>
 *   <li>A, AVERAGE, key (0, 1): the mean of t over the prefix (constant key);</li>
 *   <li>B, LATEST, key (2j, -j^2), query (p - 2, 1): the token two back, token 0 for p &lt; 2
 *       (position key);</li>
 *   <li>C, LATEST, key (2t, -t^2), query (t + 1, 1): the latest position whose token is nearest
 *       to the current token + 1 (hull; ties between t and t + 2);</li>
 *   <li>D, as C but AVERAGE: the mean of all those positions (hull);</li>
 *   <li>E, AVERAGE, key (2j, -j^2), query (p - 1.5, 1): the mean of the two previous tokens,
 *       which tie (position key).</li>
 * </ul>
 * The FFN: neuron 0 = relu(p + 1) * A, the prefix sum; neuron 1 = relu(t - 2) * 1. The next
 * token is the one nearest to y = C - B + F (logit 2ty - t^2), clamped to 0..7.
 */
final class TinyModel {
    static final int ONE = 0;
    static final int POS = 1;
    static final int POS2 = 2;
    static final int VAL = 3;
    static final int VAL2 = 4;
    static final int A = 5;
    static final int B = 6;
    static final int C = 7;
    static final int D = 8;
    static final int SUM = 9;
    static final int F = 10;
    static final int E = 11;
    static final int D_MODEL = 12;
    static final int VOCAB = 8;

    private TinyModel() {
    }

    /** The bundle, each matrix stored dense when {@code dense} accepts its running number. */
    static Bundle bundle(IntPredicate dense) {
        int[] counter = {0};
        MatrixWriter m = values -> matrix(values, dense.test(counter[0]++));
        double[][] embedding = new double[VOCAB][D_MODEL];
        double[][] unembedding = new double[VOCAB][D_MODEL];
        for (int t = 0; t < VOCAB; t++) {
            embedding[t][VAL] = t;
            embedding[t][VAL2] = t * t;
            unembedding[t][C] = 2 * t;
            unembedding[t][B] = -2 * t;
            unembedding[t][F] = 2 * t;
            unembedding[t][ONE] = -t * t;
        }
        double[][] positionKey = rows(entries(POS, 2), entries(POS2, -1));
        double[][] nearestKey = rows(entries(VAL, 2), entries(VAL2, -1));
        double[][] nearestQuery = rows(entries(VAL, 1, ONE, 1), entries(ONE, 1));
        Layer layer = Layer.newBuilder()
                .addHeads(head(m, "A", HeadMode.AVERAGE, rows(entries(), entries(ONE, 1)),
                        rows(entries(), entries(ONE, 1)), VAL, A))
                .addHeads(head(m, "B", HeadMode.LATEST, rows(entries(POS, 1, ONE, -2), entries(ONE, 1)),
                        positionKey, VAL, B))
                .addHeads(head(m, "C", HeadMode.LATEST, nearestQuery, nearestKey, POS, C))
                .addHeads(head(m, "D", HeadMode.AVERAGE, nearestQuery, nearestKey, POS, D))
                .addHeads(head(m, "E", HeadMode.AVERAGE, rows(entries(POS, 1, ONE, -1.5), entries(ONE, 1)),
                        positionKey, VAL, E))
                .setFfn(Ffn.newBuilder()
                        .setGate(m.write(rows(entries(ONE, 1, POS, 1), entries(VAL, 1, ONE, -2))))
                        .setValue(m.write(rows(entries(A, 1), entries(ONE, 1))))
                        .setOutput(m.write(column(SUM, 0, F, 1, 2))))
                .build();
        return Bundle.newBuilder()
                .setShape(ModelShape.newBuilder()
                        .setDModel(D_MODEL).setLayers(1).setVocabSize(VOCAB)
                        .setSlotOne(ONE).setSlotPosition(POS).setSlotPositionSquared(POS2)
                        .setHeads(5).setFfnWidth(2).setArchitecture(Model.ARCHITECTURE))
                .setWeights(Weights.newBuilder()
                        .setEmbedding(m.write(embedding))
                        .addLayers(layer)
                        .setUnembedding(m.write(unembedding)))
                .build();
    }

    /** Writes a matrix given as rows of doubles. */
    interface MatrixWriter {
        Matrix write(double[][] values);
    }

    private static Head head(MatrixWriter m, String name, HeadMode mode, double[][] query,
                             double[][] key, int valueSlot, int outputSlot) {
        return Head.newBuilder()
                .setName(name)
                .setMode(mode)
                .setQuery(m.write(query))
                .setKey(m.write(key))
                .setValue(m.write(rows(entries(valueSlot, 1))))
                .setOutput(m.write(column(outputSlot, 0, 1)))
                .build();
    }

    /** A d_model row with the given (slot, weight) pairs. */
    static double[] entries(double... slotWeightPairs) {
        double[] row = new double[D_MODEL];
        for (int i = 0; i < slotWeightPairs.length; i += 2) {
            row[(int) slotWeightPairs[i]] = slotWeightPairs[i + 1];
        }
        return row;
    }

    static double[][] rows(double[]... rows) {
        return rows;
    }

    /**
     * A d_model x width output matrix with 1 at (slot, column) for each pair given before the
     * final width argument.
     */
    static double[][] column(int... slotColumnPairsThenWidth) {
        int width = slotColumnPairsThenWidth[slotColumnPairsThenWidth.length - 1];
        double[][] out = new double[D_MODEL][width];
        for (int i = 0; i + 1 < slotColumnPairsThenWidth.length; i += 2) {
            out[slotColumnPairsThenWidth[i]][slotColumnPairsThenWidth[i + 1]] = 1;
        }
        return out;
    }

    static Matrix matrix(double[][] values, boolean dense) {
        return matrix(values, values[0].length, dense);
    }

    /** A matrix of {@code values.length} rows and {@code cols} columns (also when it has no rows). */
    static Matrix matrix(double[][] values, int cols, boolean dense) {
        int rows = values.length;
        Matrix.Builder m = Matrix.newBuilder().setRows(rows).setCols(cols);
        if (dense) {
            DenseValues.Builder d = DenseValues.newBuilder();
            for (double[] row : values) {
                for (double v : row) {
                    d.addValues(v);
                }
            }
            return m.setDense(d).build();
        }
        SparseValues.Builder s = SparseValues.newBuilder();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (values[r][c] != 0) {
                    s.addRow(r).addCol(c).addValue(values[r][c]);
                }
            }
        }
        return m.setSparse(s).build();
    }

    /** A feed-forward layer of gate and value rows (units x d) and output rows (d x units), as a bundle stores it. */
    static FfnWeights ffn(double[][] gate, double[][] value, double[][] output) {
        int width = gate.length;
        int d = gate[0].length;
        return new FfnWeights(CsrMatrix.read(matrix(gate, false), width, d, "gate"),
                CsrMatrix.read(matrix(value, false), width, d, "value"),
                CsrMatrix.read(matrix(output, false), d, width, "output"));
    }
}
