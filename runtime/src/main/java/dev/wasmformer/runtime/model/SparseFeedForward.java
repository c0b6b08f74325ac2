package dev.wasmformer.runtime.model;

import java.util.Arrays;

/**
 * A ReGLU layer laid out for residuals with few non-zero slots: the gate by column, so that
 * only the columns holding a non-zero value are visited, and the output by unit, so that only
 * the units whose gate is positive are visited.
 *
 * <p>It computes the same doubles as the plain row-by-row evaluation of {@link FfnWeights}:
 * a gate row's dot product is the sum, in increasing column order from 0.0, of its entries
 * times x; a zero x adds a signed zero, which changes no partial sum (the residual never holds
 * -0.0: every value in it is a sum that started at +0.0). So visiting only the non-zero
 * columns, in increasing order, gives every gate bit for bit. When the one-slot holds exactly
 * 1 and no gate entry precedes it in column order, its term is the first of every row and
 * equals the weight, so a unit that no non-zero column touches has the gate {@code bias}
 * without being visited. The output rows are accumulated over the positive units in
 * increasing unit order, as the plain row dot product over all units would (the other units
 * contribute exact zeros), and only then added into x.
 */
final class SparseFeedForward {
    final FfnWeights weights;
    final GateGroups groups;
    private final int width;
    private final int slotOne;
    private final boolean biasFirst;          // no gate entry lies in a column below slot_one
    private final int[] columnStart;          // d + 1: the gate's entries of column c, slot_one excluded
    private final int[] columnUnit;
    private final double[] columnWeight;
    private final double[] bias;              // per unit: its gate weight on slot_one, or 0
    private final int[] positiveBias;         // units whose bias is > 0, increasing
    private final long[] readMask;            // columns the gate reads, slot_one excluded
    private final int[] valueStart;           // width + 1: the value's row entries
    private final int[] valueColumn;
    private final double[] valueWeight;
    private final int[] outputStart;          // width + 1: the output's entries of unit u
    private final int[] outputRow;            // increasing within a unit
    private final double[] outputWeight;
    final boolean small;                      // so few gate entries that visiting every unit is cheapest
    final boolean[] linear;                   // the gate is a positive constant: bias only
    private final int[] linearStart;          // d + 1: the linear units whose value reads column c
    private final int[] linearUnit;
    private final long[] linearReadMask;

    SparseFeedForward(FfnWeights weights, int dModel, int slotOne) {
        this.weights = weights;
        this.groups = new GateGroups(weights.gate(), slotOne);
        CsrMatrix gate = weights.gate();
        CsrMatrix value = weights.value();
        CsrMatrix output = weights.output();
        this.width = gate.rows;
        this.slotOne = slotOne;
        this.bias = new double[width];
        int[] columnCount = new int[dModel + 1];
        boolean first = true;
        long[] read = Bits.words(dModel);
        long[] positive = Bits.words(width);
        for (int u = 0; u < width; u++) {
            for (int i = 0; i < gate.rowLength(u); i++) {
                int c = gate.column(u, i);
                if (c == slotOne) {
                    bias[u] = gate.value(u, i);
                } else {
                    columnCount[c + 1]++;
                    Bits.set(read, c);
                    first &= c > slotOne;
                }
            }
            if (bias[u] > 0) {
                Bits.set(positive, u);
            }
        }
        this.biasFirst = first;
        this.small = width <= 16 && gate.nonZeros() <= 48;
        this.readMask = read;
        this.positiveBias = Bits.toArray(positive);
        for (int c = 0; c < dModel; c++) {
            columnCount[c + 1] += columnCount[c];
        }
        this.columnStart = columnCount.clone();
        this.columnUnit = new int[columnCount[dModel]];
        this.columnWeight = new double[columnCount[dModel]];
        int[] next = Arrays.copyOf(columnCount, dModel);
        for (int u = 0; u < width; u++) {
            for (int i = 0; i < gate.rowLength(u); i++) {
                int c = gate.column(u, i);
                if (c != slotOne) {
                    int k = next[c]++;
                    columnUnit[k] = u;
                    columnWeight[k] = gate.value(u, i);
                }
            }
        }
        this.valueStart = new int[width + 1];
        this.valueColumn = new int[value.nonZeros()];
        this.valueWeight = new double[value.nonZeros()];
        for (int u = 0, k = 0; u < width; u++) {
            for (int i = 0; i < value.rowLength(u); i++, k++) {
                valueColumn[k] = value.column(u, i);
                valueWeight[k] = value.value(u, i);
            }
            valueStart[u + 1] = k;
        }
        // Units whose gate is a positive constant are linear maps of their value's columns:
        // while those columns are zero they contribute nothing.
        this.linear = new boolean[width];
        int[] linearCount = new int[dModel + 1];
        long[] linearRead = Bits.words(dModel);
        for (int u = 0; u < width; u++) {
            linear[u] = gate.rowLength(u) == 1 && gate.column(u, 0) == slotOne && bias[u] > 0;
            if (linear[u]) {
                for (int k = valueStart[u]; k < valueStart[u + 1]; k++) {
                    linearCount[valueColumn[k] + 1]++;
                    Bits.set(linearRead, valueColumn[k]);
                }
            }
        }
        for (int c = 0; c < dModel; c++) {
            linearCount[c + 1] += linearCount[c];
        }
        this.linearStart = linearCount.clone();
        this.linearUnit = new int[linearCount[dModel]];
        this.linearReadMask = linearRead;
        int[] linearNext = Arrays.copyOf(linearCount, dModel);
        for (int u = 0; u < width; u++) {
            if (linear[u]) {
                for (int k = valueStart[u]; k < valueStart[u + 1]; k++) {
                    linearUnit[linearNext[valueColumn[k]]++] = u;
                }
            }
        }
        // The output is d x width; transpose it so that a unit finds its rows.
        int[] unitCount = new int[width + 1];
        for (int r = 0; r < output.rows; r++) {
            for (int i = 0; i < output.rowLength(r); i++) {
                unitCount[output.column(r, i) + 1]++;
            }
        }
        for (int u = 0; u < width; u++) {
            unitCount[u + 1] += unitCount[u];
        }
        this.outputStart = unitCount.clone();
        this.outputRow = new int[unitCount[width]];
        this.outputWeight = new double[unitCount[width]];
        int[] at = Arrays.copyOf(unitCount, width);
        for (int r = 0; r < output.rows; r++) {
            for (int i = 0; i < output.rowLength(r); i++) {
                int k = at[output.column(r, i)]++;
                outputRow[k] = r;
                outputWeight[k] = output.value(r, i);
            }
        }
    }

    int width() {
        return width;
    }

    /** Per-run buffers, sized for the widest layer. */
    static final class Scratch {
        final double[] gate;
        final int[] unitStamp;
        final long[] units;
        final int[] touched;
        final double[] rowSum;
        final int[] rowStamp;
        final int[] rows;
        final double[] groupValue;
        final int[] groupStamp;
        final int[] groups;
        int epoch;

        Scratch(int maxWidth, int maxGroups, int dModel) {
            gate = new double[maxWidth];
            unitStamp = new int[maxWidth];
            units = Bits.words(maxWidth);
            touched = new int[maxWidth];
            rowSum = new double[dModel];
            rowStamp = new int[dModel];
            rows = new int[dModel];
            groupValue = new double[maxGroups];
            groupStamp = new int[maxGroups];
            groups = new int[maxGroups];
        }

        int nextEpoch() {
            if (++epoch == Integer.MAX_VALUE) {
                Arrays.fill(unitStamp, 0);
                Arrays.fill(rowStamp, 0);
                Arrays.fill(groupStamp, 0);
                epoch = 1;
            }
            return epoch;
        }
    }

    /**
     * x += output * (relu(gate * x) (.) (value * x)); {@code nonZero} holds every slot of x that
     * may be non-zero, and gains the slots this layer writes. With a {@code filter} (may be
     * null), only the units it cannot rule out are evaluated, each by its row's dot product.
     */
    void apply(double[] x, long[] nonZero, Scratch s, GateFilter filter) {
        boolean lazyBias = biasFirst && x[slotOne] == 1.0 && !small;
        if (filter != null && filter.ready() && lazyBias) {
            int epoch = s.nextEpoch();
            if (selectCandidates(x, nonZero, s, filter, epoch)) {
                filter.filteredSteps++;
                evaluate(x, nonZero, s, epoch, filter);
                return;
            }
        }
        if (filter != null) {
            observe(x, nonZero, s, filter, s.nextEpoch());
        }
        int epoch = s.nextEpoch();
        double[] gate = s.gate;
        int[] stamp = s.unitStamp;
        long[] units = s.units;
        if (!lazyBias) {
            // The one-slot's term is an ordinary column here (or the layer is small): visit
            // every unit in row order.
            CsrMatrix plain = weights.gate();
            for (int u = 0; u < width; u++) {
                stamp[u] = epoch;
                gate[u] = plain.dot(u, x);
                Bits.set(units, u);
            }
        } else {
            for (int w = 0; w < readMask.length; w++) {
                for (long b = nonZero[w] & readMask[w]; b != 0; b &= b - 1) {
                    int c = (w << 6) + Long.numberOfTrailingZeros(b);
                    double xc = x[c];
                    if (xc == 0) {
                        continue;
                    }
                    for (int k = columnStart[c], end = columnStart[c + 1]; k < end; k++) {
                        int u = columnUnit[k];
                        if (stamp[u] != epoch) {
                            stamp[u] = epoch;
                            gate[u] = bias[u];
                            units[u >>> 6] |= 1L << u;
                        }
                        gate[u] += columnWeight[k] * xc;
                    }
                }
            }
            for (int u : positiveBias) {
                if (stamp[u] != epoch) {
                    stamp[u] = epoch;
                    gate[u] = bias[u];
                    units[u >>> 6] |= 1L << u;
                }
            }
        }
        evaluate(x, nonZero, s, epoch, null);
    }

    /**
     * Marks in {@code s.units} the units the filter cannot rule out; false, marking nothing,
     * if a value lies outside the filter's ranges.
     */
    private boolean selectCandidates(double[] x, long[] nonZero, Scratch s, GateFilter filter,
                                     int epoch) {
        GateGroups gg = groups;
        double[] groupValue = s.groupValue;
        int[] groupStamp = s.groupStamp;
        int[] groupList = s.groups;
        int groupCount = 0;
        for (int w = 0; w < readMask.length; w++) {
            for (long b = nonZero[w] & readMask[w]; b != 0; b &= b - 1) {
                int c = (w << 6) + Long.numberOfTrailingZeros(b);
                double xc = x[c];
                if (xc == 0) {
                    continue;
                }
                if (!filter.columnInRange(c, xc)) {
                    return false;
                }
                int g = gg.groupOf[c];
                if (groupStamp[g] != epoch) {
                    groupStamp[g] = epoch;
                    groupValue[g] = 0.0;
                    groupList[groupCount++] = g;
                }
                groupValue[g] += gg.alpha[c] * xc;
            }
        }
        for (int i = 0; i < groupCount; i++) {
            int g = groupList[i];
            if (!filter.groupInRange(g, groupValue[g])) {
                return false;
            }
        }
        double[] gate = s.gate;
        int[] stamp = s.unitStamp;
        int[] touched = s.touched;
        int touchedCount = 0;
        int[] selectorStart = filter.selectorStart;
        int[] selectorUnit = filter.selectorUnit;
        double[] selectorScale = filter.selectorScale;
        double[] bound = filter.unitBound;
        for (int i = 0; i < groupCount; i++) {
            int g = groupList[i];
            double v = groupValue[g];
            if (v == 0) {
                continue;
            }
            filter.countNonZero(g);
            for (int k = selectorStart[g], end = selectorStart[g + 1]; k < end; k++) {
                int u = selectorUnit[k];
                if (stamp[u] != epoch) {
                    stamp[u] = epoch;
                    gate[u] = bound[u];
                    touched[touchedCount++] = u;
                }
                gate[u] += selectorScale[k] * v;
            }
        }
        long[] units = s.units;
        for (int i = 0; i < touchedCount; i++) {
            int u = touched[i];
            if (gate[u] > 0) {
                units[u >>> 6] |= 1L << u;
            }
        }
        for (int u : filter.alwaysUnits) {
            units[u >>> 6] |= 1L << u;
        }
        for (int w = 0; w < linearReadMask.length; w++) {
            for (long b = nonZero[w] & linearReadMask[w]; b != 0; b &= b - 1) {
                int c = (w << 6) + Long.numberOfTrailingZeros(b);
                if (x[c] != 0) {
                    for (int k = linearStart[c], end = linearStart[c + 1]; k < end; k++) {
                        int u = linearUnit[k];
                        units[u >>> 6] |= 1L << u;
                    }
                }
            }
        }
        return true;
    }

    /** Widens the filter's ranges to this step's column and group values. */
    private void observe(double[] x, long[] nonZero, Scratch s, GateFilter filter, int epoch) {
        GateGroups gg = groups;
        double[] groupValue = s.groupValue;
        int[] groupStamp = s.groupStamp;
        int[] groupList = s.groups;
        int groupCount = 0;
        for (int w = 0; w < readMask.length; w++) {
            for (long b = nonZero[w] & readMask[w]; b != 0; b &= b - 1) {
                int c = (w << 6) + Long.numberOfTrailingZeros(b);
                double xc = x[c];
                if (xc == 0) {
                    continue;
                }
                filter.observeColumn(c, xc);
                int g = gg.groupOf[c];
                if (groupStamp[g] != epoch) {
                    groupStamp[g] = epoch;
                    groupValue[g] = 0.0;
                    groupList[groupCount++] = g;
                }
                groupValue[g] += gg.alpha[c] * xc;
            }
        }
        for (int i = 0; i < groupCount; i++) {
            filter.observeGroup(groupList[i], groupValue[groupList[i]]);
        }
    }

    /**
     * The gate of a filtered unit from this step's group values: {@code bias + sum s_ug v_g}.
     * The filter admits a unit only when its weights, scales and group values are integers
     * whose sums stay below 2^52, so this is the exact real gate, which is also the double the
     * row's dot product gives in any order.
     */
    private double groupGate(int u, Scratch s, int epoch) {
        GateGroups gg = groups;
        double[] groupValue = s.groupValue;
        int[] groupStamp = s.groupStamp;
        double g = gg.bias[u];
        for (int k = gg.unitStart[u], end = gg.unitStart[u + 1]; k < end; k++) {
            int group = gg.unitGroup[k];
            if (groupStamp[group] == epoch) {
                g += gg.unitScale[k] * groupValue[group];
            }
        }
        return g;
    }

    /**
     * Runs the marked units in increasing order and adds the output. With a {@code filter}, a
     * unit's gate is its row's dot product (or its bias, for a linear unit), and a unit whose
     * value is 0 is skipped when its gate is known to be finite (h = g * 0 adds nothing);
     * without, {@code s.gate} already holds every marked unit's gate.
     */
    private void evaluate(double[] x, long[] nonZero, Scratch s, int epoch, GateFilter filter) {
        double[] gate = s.gate;
        long[] units = s.units;
        CsrMatrix plainGate = weights.gate();
        double[] rowSum = s.rowSum;
        int[] rowStamp = s.rowStamp;
        int[] rows = s.rows;
        int rowCount = 0;
        // The scratch is sized for the widest layer: visit only this layer's words.
        for (int w = 0, words = (width + 63) >>> 6; w < words; w++) {
            long b = units[w];
            if (b == 0) {
                continue;
            }
            units[w] = 0;
            for (; b != 0; b &= b - 1) {
                int u = (w << 6) + Long.numberOfTrailingZeros(b);
                double v = 0.0;
                for (int k = valueStart[u], end = valueStart[u + 1]; k < end; k++) {
                    v += valueWeight[k] * x[valueColumn[k]];
                }
                double g;
                if (filter == null) {
                    g = gate[u];
                } else if (linear[u]) {
                    if (v == 0) {
                        continue;
                    }
                    g = bias[u];
                } else if (filter.isAlways(u)) {
                    g = plainGate.dot(u, x);
                } else {
                    if (v == 0) {
                        continue;
                    }
                    g = groupGate(u, s, epoch);
                }
                if (!(g > 0)) {
                    continue;
                }
                double h = g * v;
                for (int k = outputStart[u], end = outputStart[u + 1]; k < end; k++) {
                    int r = outputRow[k];
                    if (rowStamp[r] != epoch) {
                        rowStamp[r] = epoch;
                        rowSum[r] = 0.0;
                        rows[rowCount++] = r;
                    }
                    rowSum[r] += outputWeight[k] * h;
                }
            }
        }
        for (int i = 0; i < rowCount; i++) {
            int r = rows[i];
            double sum = x[r] + rowSum[r];
            x[r] = sum;
            if (sum != 0) {
                nonZero[r >>> 6] |= 1L << r;
            }
        }
    }
}
