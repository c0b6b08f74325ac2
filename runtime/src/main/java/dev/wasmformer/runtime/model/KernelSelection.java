package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.attention.QuadraticKey;

/**
 * Chooses each head's kernel from the weights, layer by layer.
 *
 * <p>A slot is <em>position-pure</em> at a layer when every token's embedding row holds the
 * same value in it and no earlier layer's attention or FFN output writes to it. Its value at
 * position p is then that constant, plus 1, p or p*p if it is a position feature slot: the
 * same double at every position for the other slots, a known integer polynomial of p for
 * the features. A key reading only pure slots is therefore either constant (no feature but
 * slot_one) or, with integer weights and constants, an integer quadratic of the position, as
 * long as every product and partial sum of its evaluation stays an integer below 2^52, where
 * doubles are exact.
 */
final class KernelSelection {
    /** A kernel and, for {@link HeadKernel#POSITION_KEY}, the key polynomial. */
    record Choice(HeadKernel kernel, QuadraticKey positionKey) {
    }

    private static final double EXACT_LIMIT = 0x1p52;

    private final int slotOne;
    private final int slotPosition;
    private final int slotPositionSquared;
    private final boolean[] constantColumn;   // the embedding holds one value for every token
    private final double[] columnValue;       // that value
    private final boolean[] written;          // written by a layer already passed

    KernelSelection(CsrMatrix embedding, int slotOne, int slotPosition, int slotPositionSquared) {
        this.slotOne = slotOne;
        this.slotPosition = slotPosition;
        this.slotPositionSquared = slotPositionSquared;
        int d = embedding.cols;
        int[] nonZeros = new int[d];
        boolean[] allEqual = new boolean[d];
        columnValue = new double[d];
        java.util.Arrays.fill(allEqual, true);
        for (int t = 0; t < embedding.rows; t++) {
            for (int i = 0; i < embedding.rowLength(t); i++) {
                int c = embedding.column(t, i);
                double v = embedding.value(t, i);
                if (nonZeros[c]++ == 0) {
                    columnValue[c] = v;
                } else if (v != columnValue[c]) {
                    allEqual[c] = false;
                }
            }
        }
        constantColumn = new boolean[d];
        for (int c = 0; c < d; c++) {
            constantColumn[c] = nonZeros[c] == 0 || (nonZeros[c] == embedding.rows && allEqual[c]);
        }
        written = new boolean[d];
    }

    /** The kernel for a head of the current layer. */
    Choice choose(CsrMatrix key) {
        boolean readsPosition = false;
        for (int r = 0; r < key.rows; r++) {
            for (int i = 0; i < key.rowLength(r); i++) {
                int c = key.column(r, i);
                if (!constantColumn[c] || written[c]) {
                    return new Choice(HeadKernel.HULL, null);
                }
                readsPosition |= c == slotPosition || c == slotPositionSquared;
            }
        }
        if (!readsPosition) {
            return new Choice(HeadKernel.CONSTANT_KEY, null);
        }
        QuadraticKey quadratic = quadratic(key);
        return quadratic == null
                ? new Choice(HeadKernel.HULL, null)
                : new Choice(HeadKernel.POSITION_KEY, quadratic);
    }

    /**
     * Whether the value of a head of the current layer is a function of the token alone: it
     * reads no slot an earlier layer writes and no position feature but slot_one, so at
     * position j it is {@code value . (embedding[t_j] + e_one)}, computed in the same order.
     */
    boolean tokenValued(CsrMatrix value) {
        for (int r = 0; r < value.rows; r++) {
            for (int i = 0; i < value.rowLength(r); i++) {
                int c = value.column(r, i);
                if (written[c] || c == slotPosition || c == slotPositionSquared) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Records the slots a layer writes, before choosing for the next layer. */
    void pass(LayerWeights layer) {
        for (HeadWeights head : layer.heads()) {
            markWritten(head.output());
        }
        if (layer.ffn() != null) {
            markWritten(layer.ffn().output());
        }
    }

    private void markWritten(CsrMatrix output) {
        for (int r : output.nonEmptyRows()) {
            written[r] = true;
        }
    }

    /** The key as an integer polynomial of the position, or null if not exactly one. */
    private QuadraticKey quadratic(CsrMatrix key) {
        long[] coefficients = new long[6];   // x0, x1, x2, y0, y1, y2
        try {
            for (int r = 0; r < 2; r++) {
                for (int i = 0; i < key.rowLength(r); i++) {
                    int c = key.column(r, i);
                    double w = key.value(r, i);
                    if (!isInteger(w) || !isInteger(columnValue[c])) {
                        return null;
                    }
                    long weight = (long) w;
                    long constant = (long) columnValue[c] + (c == slotOne ? 1 : 0);
                    coefficients[3 * r] = Math.addExact(coefficients[3 * r],
                            Math.multiplyExact(weight, constant));
                    if (c == slotPosition) {
                        coefficients[3 * r + 1] = Math.addExact(coefficients[3 * r + 1], weight);
                    } else if (c == slotPositionSquared) {
                        coefficients[3 * r + 2] = Math.addExact(coefficients[3 * r + 2], weight);
                    }
                }
            }
        } catch (ArithmeticException overflow) {
            return null;
        }
        for (long coefficient : coefficients) {
            if (Math.abs(coefficient) > (long) EXACT_LIMIT) {
                return null;
            }
        }
        if (!evaluationIsExact(key, 0)) {
            return null;
        }
        long lo = 0;
        long hi = (long) EXACT_LIMIT;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (evaluationIsExact(key, mid)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new QuadraticKey(coefficients[0], coefficients[1], coefficients[2],
                coefficients[3], coefficients[4], coefficients[5], lo);
    }

    /**
     * Whether the decoder's evaluation of this key is exact at every position up to p: the
     * residual's feature slots (constant + p, constant + p*p) and every partial sum of each
     * key row stay integers below 2^52 (a factor-2 margin under 2^53 absorbs the rounding of
     * this estimate itself).
     */
    private boolean evaluationIsExact(CsrMatrix key, long p) {
        double pd = p;
        for (int r = 0; r < 2; r++) {
            double bound = 0;
            for (int i = 0; i < key.rowLength(r); i++) {
                int c = key.column(r, i);
                double slot = Math.abs(columnValue[c]) + feature(c, pd);
                if (slot > EXACT_LIMIT) {
                    return false;
                }
                bound += Math.abs(key.value(r, i)) * slot;
            }
            if (bound > EXACT_LIMIT) {
                return false;
            }
        }
        return true;
    }

    private double feature(int c, double p) {
        if (c == slotOne) {
            return 1;
        }
        if (c == slotPosition) {
            return p;
        }
        if (c == slotPositionSquared) {
            return p * p;
        }
        return 0;
    }

    private static boolean isInteger(double v) {
        return Math.abs(v) <= EXACT_LIMIT && Math.rint(v) == v;
    }
}
