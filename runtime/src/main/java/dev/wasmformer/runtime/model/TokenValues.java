package dev.wasmformer.runtime.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The values of a token-valued head ({@link HeadWeights#tokenValued()}), computed once per
 * token at load: {@code value . (embedding[t] + e_one)} in the order the forward pass computes
 * it, so the doubles are the ones a run would compute. Tokens with equal values share an id;
 * per id, the head's contribution to the residual when it attends to exactly one position of
 * that value: the output matrix's row dot products, in row order, zeros dropped (adding 0.0
 * changes no residual slot, which never holds -0.0).
 */
final class TokenValues {
    final int width;
    private final int[] idOfToken;
    private final double[] values;            // [id][width]
    private final int[] contributionStart;    // ids + 1
    final int[] contributionRow;
    final double[] contributionValue;

    TokenValues(HeadWeights head, CsrMatrix embedding, int slotOne) {
        CsrMatrix value = head.value();
        CsrMatrix output = head.output();
        width = value.rows;
        int vocab = embedding.rows;
        idOfToken = new int[vocab];
        boolean[] read = new boolean[embedding.cols];
        for (int r = 0; r < width; r++) {
            for (int i = 0; i < value.rowLength(r); i++) {
                read[value.column(r, i)] = true;
            }
        }
        double[] x = new double[embedding.cols];
        double[] v = new double[width];
        // Open addressing from a value's hash to the first id with that hash.
        int capacity = Integer.highestOneBit(Math.max(16, vocab)) * 4;
        long[] hashes = new long[capacity];
        int[] firstIds = new int[capacity];
        Arrays.fill(firstIds, -1);
        List<double[]> distinct = new ArrayList<>();
        int constantId = -1;   // tokens whose embedding meets no column the value reads
        for (int t = 0; t < vocab; t++) {
            boolean meets = false;
            for (int i = 0; i < embedding.rowLength(t); i++) {
                meets |= read[embedding.column(t, i)];
            }
            if (!meets && constantId >= 0) {
                idOfToken[t] = constantId;
                continue;
            }
            embedding.copyRowInto(t, x);
            x[slotOne] += 1;
            long hash = 0;
            for (int i = 0; i < width; i++) {
                v[i] = value.dot(i, x);
                hash = (hash ^ Double.doubleToLongBits(v[i])) * 0xBF58476D1CE4E5B9L;
            }
            for (int i = 0; i < embedding.rowLength(t); i++) {
                x[embedding.column(t, i)] = 0.0;
            }
            x[slotOne] = 0.0;
            int slot = (int) ((hash * 0x9E3779B97F4A7C15L) >>> 40) & (capacity - 1);
            while (firstIds[slot] >= 0 && hashes[slot] != hash) {
                slot = (slot + 1) & (capacity - 1);
            }
            int id = -1;
            if (firstIds[slot] >= 0) {
                // Equal hashes: find an equal vector among the ids from the first one on.
                for (int k = firstIds[slot]; k < distinct.size() && id < 0; k++) {
                    if (Arrays.equals(distinct.get(k), v)) {
                        id = k;
                    }
                }
            }
            if (id < 0) {
                id = distinct.size();
                distinct.add(v.clone());
                if (firstIds[slot] < 0) {
                    hashes[slot] = hash;
                    firstIds[slot] = id;
                }
            }
            idOfToken[t] = id;
            if (!meets) {
                constantId = id;
            }
        }
        values = new double[distinct.size() * width];
        contributionStart = new int[distinct.size() + 1];
        List<Integer> rows = new ArrayList<>();
        List<Double> sums = new ArrayList<>();
        for (int id = 0; id < distinct.size(); id++) {
            double[] vector = distinct.get(id);
            System.arraycopy(vector, 0, values, id * width, width);
            for (int r : output.nonEmptyRows()) {
                double sum = output.dot(r, vector);
                if (sum != 0) {
                    rows.add(r);
                    sums.add(sum);
                }
            }
            contributionStart[id + 1] = rows.size();
        }
        contributionRow = rows.stream().mapToInt(Integer::intValue).toArray();
        contributionValue = sums.stream().mapToDouble(Double::doubleValue).toArray();
    }

    int id(int token) {
        return idOfToken[token];
    }

    /** Copies the value of {@code token} to {@code out[at ..]}. */
    void copyValue(int token, double[] out, int at) {
        System.arraycopy(values, idOfToken[token] * width, out, at, width);
    }

    /** Adds the value of {@code token} to {@code out[at ..]}. */
    void addValue(int token, double[] out, int at) {
        int base = idOfToken[token] * width;
        for (int i = 0; i < width; i++) {
            out[at + i] += values[base + i];
        }
    }

    int contributionStart(int id) {
        return contributionStart[id];
    }

    int contributionEnd(int id) {
        return contributionStart[id + 1];
    }
}
