package dev.wasmformer.runtime.model;

/**
 * The filtered step's evaluation of its candidates, and the template of its generated code.
 * {@link #step} runs here with the rows' loops ({@link #gate}, {@link #value}, {@link #output});
 * {@link UnitCode} copies its bytecode into a hidden class per layer whose calls to those three
 * go to that layer's straight-line rows instead. Each copy is compiled on its own, so its calls
 * stay monomorphic (an interface call per unit, one receiver class per layer, was measured
 * slower than the loops). Keep {@code step} free of lambdas, string concatenation and private
 * members: the copy must link from another class of this package.
 */
final class FilteredUnits {
    private FilteredUnits() {
    }

    /**
     * Runs the candidates in increasing order and accumulates the output rows into {@code
     * s.rowAcc} and {@code s.rowMask}; returns the words of rows written (bit w for word w).
     * The candidates are the marked units, and the touched units whose bound plus selectors'
     * sum is positive. A unit's gate is its bias (linear unit), its row's dot product
     * (always-evaluated or family unit), or for a filtered unit {@code bias + (its selectors'
     * sum) + (its other groups' sum)}, the latter over x for a single-column group and over
     * {@code s.groupAcc} (zero for a group with no non-zero column) for the others. A filtered
     * unit's gate is taken before its value (most candidates are not positive). A linear or
     * filtered unit whose value is 0 adds nothing, as its gate is finite (h = g * 0 is a
     * zero), and is skipped.
     */
    static long step(SparseFeedForward ffn, double[] x, SparseFeedForward.Scratch s, GateFilter filter) {
        boolean sample = filter.sampleStep();
        long[] use = filter.unitUse;
        long[] units = s.units;
        long[] touched = s.touchedMask;
        double[] bound = filter.unitBound;
        byte[] kind = filter.unitKind;
        double[] groupAcc = s.groupAcc;
        double[] unitAcc = s.unitAcc;
        double[] unitBias = ffn.groups.bias;
        double[] bias = ffn.bias;
        int[] columnStart = filter.restColumnStart;
        int[] column = filter.restColumn;
        double[] columnWeight = filter.restColumnWeight;
        int[] groupStart = filter.restGroupStart;
        int[] group = filter.restGroup;
        double[] groupScale = filter.restGroupScale;
        double[] rowAcc = s.rowAcc;
        long[] rowMask = s.rowMask;
        long rowWords = 0;
        // A layer of at most 64 words visits only the words s.unitWords names.
        int words = (ffn.width() + 63) >>> 6;
        boolean listed = words <= 64;
        long unitWords = s.unitWords;
        s.unitWords = 0;
        for (int w = 0; w < words; w++) {
            if (listed) {
                long ahead = unitWords & (-1L << w);
                if (ahead == 0) {
                    break;
                }
                w = Long.numberOfTrailingZeros(ahead);
            }
            long b = units[w] | touched[w];
            if (b == 0) {
                continue;
            }
            units[w] = 0;
            touched[w] = 0;
            for (; b != 0; b &= b - 1) {
                int u = (w << 6) + Long.numberOfTrailingZeros(b);
                byte unitKind = kind[u];
                double g;
                if (unitKind == GateFilter.FILTERED) {
                    double selected = unitAcc[u];
                    unitAcc[u] = 0.0;
                    if (!(bound[u] + selected > 0)) {
                        continue;
                    }
                    if (sample) {
                        use[u] += GateFilter.SAMPLE;
                    }
                    g = unitBias[u] + selected;
                    for (int k = columnStart[u], end = columnStart[u + 1]; k < end; k++) {
                        g += columnWeight[k] * x[column[k]];
                    }
                    for (int k = groupStart[u], end = groupStart[u + 1]; k < end; k++) {
                        g += groupScale[k] * groupAcc[group[k]];
                    }
                    if (!(g > 0)) {
                        continue;
                    }
                } else if (unitKind == GateFilter.LINEAR) {
                    g = bias[u];
                } else {
                    g = gate(ffn, u, x);
                    if (!(g > 0)) {
                        continue;
                    }
                }
                double v = value(ffn, u, x);
                if (v == 0 && unitKind <= GateFilter.LINEAR) {
                    continue;
                }
                rowWords |= output(ffn, u, g * v, rowAcc, rowMask);
            }
        }
        return rowWords;
    }

    /** Unit u's gate row dot x, in column order from 0.0 (slot_one included). */
    static double gate(SparseFeedForward ffn, int u, double[] x) {
        return ffn.weights.gate().dot(u, x);
    }

    /** Unit u's value row dot x, in column order from 0.0. */
    static double value(SparseFeedForward ffn, int u, double[] x) {
        int[] start = ffn.valueStart;
        int[] column = ffn.valueColumn;
        double[] weight = ffn.valueWeight;
        double v = 0.0;
        for (int k = start[u], end = start[u + 1]; k < end; k++) {
            v += weight[k] * x[column[k]];
        }
        return v;
    }

    /**
     * {@code rowAcc[r] += w * h} for unit u's output entries (r, w), their bits set in {@code
     * rowMask}; returns bit w for every word w of rows written.
     */
    static long output(SparseFeedForward ffn, int u, double h, double[] rowAcc, long[] rowMask) {
        int[] start = ffn.outputStart;
        int[] row = ffn.outputRow;
        double[] weight = ffn.outputWeight;
        long rowWords = 0;
        for (int k = start[u], end = start[u + 1]; k < end; k++) {
            int r = row[k];
            rowAcc[r] += weight[k] * h;
            rowMask[r >>> 6] |= 1L << r;
            rowWords |= 1L << (r >>> 6);
        }
        return rowWords;
    }
}
