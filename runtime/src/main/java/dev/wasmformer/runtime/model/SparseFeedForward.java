package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.attention.HeapBytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 *
 * <p>With a {@link GateFilter}, a step instead sums the gates by group, selectors first, in
 * another order than the rows': exact, as the filter admits a unit only when every term is an
 * integer and the sums stay below 2^52. Its accumulators are zero between steps (each step
 * clears what it filled), so that no entry needs an epoch check. The units of a bias family
 * (equal gate rows but for the bias) are marked there from their shared sum instead, and
 * evaluated by their rows.
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
    private final int[] linearWords;          // the words of linearReadMask that are not zero
    /**
     * Per unit: its bias family, or -1. A family's units have the same gate entries outside
     * slot_one, so their gates are {@code bias_u + L} with one shared {@code L}. The units of
     * the line families hold the number of bias families (a family past them).
     */
    final int[] familyOf;
    private final int[] familyColumnStart;    // families + 1
    private final int[] familyColumn;
    private final double[] familyWeight;
    private final int[] familyUnitStart;      // families + 1
    private final int[] familyUnit;           // by decreasing bias
    private final double[] familyBias;        // the units' biases, decreasing
    private final LineFamilies lineFamilies;
    private final boolean hasFamilies;        // some bias family
    private final boolean hasLineFamilies;    // some line family

    /**
     * The residual slot that holds the position at every step, or -1 if none is known (then
     * {@link #positionBound} is 0): its {@link GateFilter} starts it with the range
     * [0, {@link #positionBound}] instead of learning it by widening.
     */
    final int positionSlot;
    /**
     * A bound on the position of any step of any run ({@code Model.positionLimit()}), or 0.
     * Not relied upon for exactness: the filter checks every value against its range at every
     * step it filters, so that a wrong bound would only cost speed.
     */
    final double positionBound;

    SparseFeedForward(FfnWeights weights, int dModel, int slotOne) {
        this(weights, dModel, slotOne, -1, 0);
    }

    /**
     * A layer whose residual holds the position in {@code slotPosition} (or -1), which no run
     * takes past {@code positionBound} (ignored unless {@code slotPosition >= 0}; used only if
     * it is an integer in [1, 2^52]).
     */
    SparseFeedForward(FfnWeights weights, int dModel, int slotOne, int slotPosition, double positionBound) {
        boolean usable = slotPosition >= 0 && slotPosition < dModel && slotPosition != slotOne
                && positionBound >= 1 && positionBound <= 0x1p52 && positionBound == Math.rint(positionBound);
        this.positionSlot = usable ? slotPosition : -1;
        this.positionBound = usable ? positionBound : 0;
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
        this.linearWords = GateFilter.nonZeroWords(linearRead);
        int[] linearNext = Arrays.copyOf(linearCount, dModel);
        for (int u = 0; u < width; u++) {
            if (linear[u]) {
                for (int k = valueStart[u]; k < valueStart[u + 1]; k++) {
                    linearUnit[linearNext[valueColumn[k]]++] = u;
                }
            }
        }
        this.familyOf = new int[width];
        Arrays.fill(familyOf, -1);
        List<int[]> families = biasFamilies(gate, slotOne, bias);
        this.familyColumnStart = new int[families.size() + 1];
        this.familyUnitStart = new int[families.size() + 1];
        int familyUnits = 0;
        int familyColumns = 0;
        for (int f = 0; f < families.size(); f++) {
            familyUnits += families.get(f).length;
            int u = families.get(f)[0];
            for (int i = 0; i < gate.rowLength(u); i++) {
                familyColumns += gate.column(u, i) != slotOne ? 1 : 0;
            }
        }
        this.familyUnit = new int[familyUnits];
        this.familyBias = new double[familyUnits];
        this.familyColumn = new int[familyColumns];
        this.familyWeight = new double[familyColumns];
        for (int f = 0, uk = 0, ck = 0; f < families.size(); f++) {
            int[] members = families.get(f);
            for (int i = 0; i < gate.rowLength(members[0]); i++) {
                if (gate.column(members[0], i) != slotOne) {
                    familyColumn[ck] = gate.column(members[0], i);
                    familyWeight[ck++] = gate.value(members[0], i);
                }
            }
            for (int u : members) {
                familyOf[u] = f;
                familyUnit[uk] = u;
                familyBias[uk++] = bias[u];
            }
            familyColumnStart[f + 1] = ck;
            familyUnitStart[f + 1] = uk;
        }
        boolean[] free = new boolean[width];
        for (int u = 0; u < width; u++) {
            free[u] = familyOf[u] < 0 && !linear[u];
        }
        this.lineFamilies = LineFamilies.of(gate, slotOne, bias, free);
        for (int u : lineFamilies.units()) {
            familyOf[u] = families.size();
        }
        this.hasFamilies = !families.isEmpty();
        this.hasLineFamilies = !lineFamilies.isEmpty();
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

    /** Fewest units of a bias family: below that, the filter's selectors are about as cheap. */
    static final int FAMILY_UNITS = 8;
    /** Most gate columns (slot_one aside) of a bias family: its shared sum is taken at every filtered step. */
    static final int FAMILY_COLUMNS = 4;
    /** Bound on the biases and on a step's sum of |w x| under which a family's gates are exact. */
    private static final double FAMILY_LIMIT = 0x1p50;

    /**
     * The bias families of a gate: at least {@value #FAMILY_UNITS} units with the same entries
     * (columns and integer weights, at most {@value #FAMILY_COLUMNS}) outside slot_one and
     * integer biases below 2^50 (so that a ramp {@code relu(n - k)} per k is one family); each
     * as its units by decreasing bias.
     */
    static List<int[]> biasFamilies(CsrMatrix gate, int slotOne, double[] bias) {
        // Units are keyed by their gate entries outside slot_one (columns, and weights by their
        // bits, as Double.equals compares), in open addressing from a row's hash to the first
        // unit with that row: no key is built, nothing is boxed.
        int units = gate.rows;
        int capacity = Integer.highestOneBit(Math.max(16, units)) * 4;
        long[] hashes = new long[capacity];
        int[] firstAt = new int[capacity];
        Arrays.fill(firstAt, -1);
        int[] first = new int[units];        // per unit: the first unit with its row, or -1
        int[] members = new int[units];      // per first unit: how many units have its row
        boolean[] outsideOne = new boolean[gate.cols];
        Arrays.fill(outsideOne, true);
        outsideOne[slotOne] = false;
        for (int u = 0; u < units; u++) {
            first[u] = -1;
            boolean integral = Math.rint(bias[u]) == bias[u] && Math.abs(bias[u]) <= FAMILY_LIMIT;
            int columns = 0;
            long hash = 0x243F6A8885A308D3L;
            for (int i = 0; i < gate.rowLength(u); i++) {
                int c = gate.column(u, i);
                double w = gate.value(u, i);
                if (c != slotOne) {
                    columns++;
                    integral &= Math.rint(w) == w && Math.abs(w) <= FAMILY_LIMIT;
                    hash = (hash ^ c) * 0x9E3779B97F4A7C15L;
                    hash = (hash ^ Double.doubleToLongBits(w)) * 0xBF58476D1CE4E5B9L;
                }
            }
            if (!integral || columns == 0 || columns > FAMILY_COLUMNS) {
                continue;
            }
            int slot = (int) (hash >>> 40) & (capacity - 1);
            while (firstAt[slot] >= 0
                    && !(hashes[slot] == hash && gate.sameEntriesIn(firstAt[slot], u, outsideOne))) {
                slot = (slot + 1) & (capacity - 1);
            }
            if (firstAt[slot] < 0) {
                firstAt[slot] = u;
                hashes[slot] = hash;
            }
            first[u] = firstAt[slot];
            members[first[u]]++;
        }
        // Families in the order of their first units, their units in increasing order, then
        // stably by decreasing bias.
        List<int[]> families = new ArrayList<>();
        int[] familyOfFirst = new int[units];
        int[] filled = new int[units];
        for (int u = 0; u < units; u++) {
            familyOfFirst[u] = -1;
            if (first[u] == u && members[u] >= FAMILY_UNITS) {
                familyOfFirst[u] = families.size();
                families.add(new int[members[u]]);
            }
        }
        for (int u = 0; u < units; u++) {
            int f = first[u] < 0 ? -1 : familyOfFirst[first[u]];
            if (f >= 0) {
                families.get(f)[filled[f]++] = u;
            }
        }
        for (int[] family : families) {
            sortByDecreasingBias(family, bias);
        }
        return families;
    }

    /** Sorts {@code units} by decreasing bias, keeping the order of equal biases (a merge sort). */
    static void sortByDecreasingBias(int[] units, double[] bias) {
        int n = units.length;
        int[] from = units;
        int[] to = new int[n];
        for (int run = 1; run < n; run *= 2) {
            for (int lo = 0; lo < n; lo += 2 * run) {
                int mid = Math.min(lo + run, n);
                int hi = Math.min(lo + 2 * run, n);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    // The left run's unit goes first unless the right one's bias is larger.
                    if (i < mid && (j == hi || Double.compare(bias[from[j]], bias[from[i]]) <= 0)) {
                        to[k] = from[i++];
                    } else {
                        to[k] = from[j++];
                    }
                }
            }
            int[] t = from;
            from = to;
            to = t;
        }
        if (from != units) {
            System.arraycopy(from, 0, units, 0, n);
        }
    }

    /**
     * Per-run buffers, sized for the widest layer. The stamped arrays serve the unfiltered
     * path; the filtered path uses the accumulators, which are all zero (and their masks
     * empty) between steps, so that it needs no per-entry bookkeeping branch.
     */
    static final class Scratch {
        final double[] gate;
        final int[] unitStamp;
        final long[] units;
        final double[] rowSum;
        final int[] rowStamp;
        final int[] rows;
        final double[] groupValue;
        final int[] groupStamp;
        final int[] groups;
        int epoch;
        // Filtered path: zero between steps.
        final double[] groupAcc;      // per group of several columns: v_g, over this step's non-zero columns
        final long[] groupMask;       // such groups with a non-zero column this step
        final double[] unitAcc;       // per unit: its selectors' sum s_ug v_g
        final long[] touchedMask;     // units some selector reached
        final double[] rowAcc;        // per output row: the sum over the positive units
        final long[] rowMask;         // rows some positive unit writes
        /** Bit w: word w of units or touchedMask may be non-zero (for layers of at most 64 words). */
        long unitWords;
        /** A step's selector blocks waiting for their partner group's sum, and the selector's values. */
        int[] deferBlock = new int[16];
        double[] deferValue = new double[16];

        /** Appends block bk with value v at index n of the deferred blocks; returns n + 1. */
        int defer(int n, int bk, double v) {
            if (n == deferBlock.length) {
                deferBlock = Arrays.copyOf(deferBlock, 2 * n);
                deferValue = Arrays.copyOf(deferValue, 2 * n);
            }
            deferBlock[n] = bk;
            deferValue[n] = v;
            return n + 1;
        }

        Scratch(int maxWidth, int maxGroups, int dModel) {
            gate = new double[maxWidth];
            unitStamp = new int[maxWidth];
            units = Bits.words(maxWidth);
            rowSum = new double[dModel];
            rowStamp = new int[dModel];
            rows = new int[dModel];
            groupValue = new double[maxGroups];
            groupStamp = new int[maxGroups];
            groups = new int[maxGroups];
            groupAcc = new double[maxGroups];
            groupMask = Bits.words(maxGroups);
            unitAcc = new double[maxWidth];
            touchedMask = Bits.words(maxWidth);
            rowAcc = new double[dModel];
            rowMask = Bits.words(dModel);
        }

        /** A fresh scratch of the same sizes as {@code shape} (a scratch holds nothing between steps). */
        Scratch(Scratch shape) {
            this(shape.gate.length, shape.groupValue.length, shape.rowSum.length);
        }

        /** The heap its arrays take ({@link HeapBytes}). */
        long retainedBytes() {
            return HeapBytes.of(gate, unitStamp, units, rowSum, rowStamp, rows, groupValue, groupStamp, groups,
                    groupAcc, groupMask, unitAcc, touchedMask, rowAcc, rowMask, deferBlock, deferValue);
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
     * null), only the units it cannot rule out are evaluated.
     */
    void apply(double[] x, long[] nonZero, Scratch s, GateFilter filter) {
        boolean lazyBias = biasFirst && x[slotOne] == 1.0 && !small;
        if (filter != null && filter.ready() && lazyBias) {
            if (applyFiltered(x, nonZero, s, filter)) {
                filter.filteredSteps++;
                return;
            }
        }
        applyUnfiltered(x, nonZero, s, filter, lazyBias);
    }

    /**
     * The step without the filter's selection, which widens the filter's ranges. A method of
     * its own, larger than HotSpot's C2 inlines into a hot caller (328 bytes of bytecode, over
     * the default FreqInlineSize of 325; keep it so when editing): its rare branches (a
     * range's first negative or fractional value, a range capped after many widenings) are
     * taken for the first time well into a run, and a trap there then recompiles this method,
     * not {@link #apply}, whose filtered path a warm run spends its time in.
     */
    private void applyUnfiltered(double[] x, long[] nonZero, Scratch s, GateFilter filter, boolean lazyBias) {
        if (filter != null) {
            observe(x, nonZero, s, filter, s.nextEpoch());
        }
        if (!lazyBias) {
            // The one-slot's term is an ordinary column here (or the layer is small): every
            // unit by its rows, in unit order.
            applyPlain(x, nonZero, s);
            return;
        }
        int epoch = s.nextEpoch();
        double[] gate = s.gate;
        int[] stamp = s.unitStamp;
        long[] units = s.units;
        // Scatter by column: the bias first, then every non-zero column in increasing order.
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
        evaluate(x, nonZero, s, epoch);
    }

    /**
     * Every unit's gate and value by its rows; the output accumulated per row over the positive
     * units in increasing order, as the reference's row dot product over all units is. A linear
     * unit whose value's columns are all zero is skipped: its gate is a finite constant, so it
     * would add only zeros (the interpreter's "clear" units, most of a small layer).
     */
    private void applyPlain(double[] x, long[] nonZero, Scratch s) {
        CsrMatrix plainGate = weights.gate();
        CsrMatrix plainValue = weights.value();
        double[] rowAcc = s.rowAcc;
        long[] rowMask = s.rowMask;
        long rowWords = 0;
        for (int u = 0; u < width; u++) {
            if (linear[u] && valueIsZero(u, nonZero)) {
                continue;
            }
            double g = plainGate.dot(u, x);
            if (!(g > 0)) {
                continue;
            }
            double h = g * plainValue.dot(u, x);
            for (int k = outputStart[u], end = outputStart[u + 1]; k < end; k++) {
                int r = outputRow[k];
                rowAcc[r] += outputWeight[k] * h;
                rowMask[r >>> 6] |= 1L << r;
                rowWords |= 1L << (r >>> 6);
            }
        }
        addRows(x, nonZero, s, rowWords);
    }

    /** Whether none of unit u's value columns may be non-zero. */
    private boolean valueIsZero(int u, long[] nonZero) {
        for (int k = valueStart[u], end = valueStart[u + 1]; k < end; k++) {
            int c = valueColumn[k];
            if ((nonZero[c >>> 6] & (1L << c)) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The filtered step: group values from the non-zero columns, candidates from the
     * selectors, then the candidates evaluated; false, with x and the scratch unchanged, if a
     * value lies outside the filter's ranges.
     *
     * <p>The sums here are in another order than the reference's (by group, not by column),
     * which is exact because the filter admits a unit only when its weights, scales and values
     * are integers whose sums stay below 2^52: every partial sum is then the exact real one.
     */
    private boolean applyFiltered(double[] x, long[] nonZero, Scratch s, GateFilter filter) {
        if (!select(x, nonZero, s, filter)) {
            return false;
        }
        evaluateFiltered(x, nonZero, s, filter);
        clearGroups(s, filter);
        return true;
    }

    /**
     * Marks in {@code s.units} the units the filter cannot rule out, leaving the group sums in
     * {@code s.groupAcc} and the candidates' selector sums in {@code s.unitAcc}; false, with the
     * scratch clear, if a value lies outside the filter's ranges.
     */
    private boolean select(double[] x, long[] nonZero, Scratch s, GateFilter filter) {
        long[] check = filter.checkMask;
        double[] info = filter.columnInfo;
        int[] link = filter.columnLink;
        boolean sample = filter.sampleStep();
        double[] groupAcc = s.groupAcc;
        long[] groupMask = s.groupMask;
        int[] selectorStart = filter.selectorStart;
        int[] selectorUnit = filter.selectorUnit;
        double[] selectorScale = filter.selectorScale;
        int[] blockLimit = filter.blockLimit;
        int[] blockPartner = filter.blockPartner;
        int[] groupBlock = filter.groupBlock;
        double[] unitAcc = s.unitAcc;
        long[] touched = s.touchedMask;
        long[] rangeOnly = filter.rangeOnlyMask;
        long unitWords = 0;     // the words of touched and units that get a bit
        int deferred = 0;       // blocks whose partner is a group of several columns, with their v
        for (int w : filter.columnWords) {
            long live = nonZero[w];
            for (long b = live & rangeOnly[w]; b != 0; b &= b - 1) {
                int c = (w << 6) + Long.numberOfTrailingZeros(b);
                double xc = x[c];
                // Every range holds 0, so a zero passes without a branch of its own.
                if (!(xc >= info[3 * c] && xc <= info[3 * c + 1] && xc == (double) (long) xc)) {
                    abandon(s, filter);
                    return false;
                }
                if (sample && xc != 0) {
                    filter.countNonZero(-1 - link[3 * c]);
                }
            }
            for (long b = live & check[w]; b != 0; b &= b - 1) {
                int c = (w << 6) + Long.numberOfTrailingZeros(b);
                double xc = x[c];
                if (xc == 0) {
                    continue;
                }
                if (!(xc >= info[3 * c] && xc <= info[3 * c + 1] && xc == (double) (long) xc)) {
                    abandon(s, filter);
                    return false;
                }
                int g = link[3 * c];
                double v = info[3 * c + 2] * xc;
                if (g >= 0) {
                    groupAcc[g] += v;
                    groupMask[g >>> 6] |= 1L << g;
                } else {
                    // The column is its group: its range check was the group's too.
                    if (sample) {
                        filter.countNonZero(-1 - g);
                    }
                    for (int bk = link[3 * c + 1], blocks = link[3 * c + 2]; bk < blocks; bk++) {
                        int partner = blockPartner[bk];
                        if (partner >= 0) {
                            if (x[partner] == 0) {
                                continue;   // every unit of the block has gate <= 0 (GateFilter.choosePartner)
                            }
                        } else if (partner < -1) {
                            deferred = s.defer(deferred, bk, v);   // once that group's sum is known
                            continue;
                        }
                        unitWords |= touch(blockLimit[bk], blockLimit[bk + 1], v, selectorUnit, selectorScale,
                                unitAcc, touched);
                    }
                }
            }
        }
        // ROW units' fractional columns: in their ranges (their bounds are over these and their
        // groups' ranges), not integers; no selector reads their groups.
        for (int c : filter.rowColumns) {
            double xc = x[c];
            if (xc == 0) {
                continue;
            }
            if (!(xc >= info[3 * c] && xc <= info[3 * c + 1])) {
                abandon(s, filter);
                return false;
            }
            int m = link[3 * c];
            if (m >= 0) {
                groupAcc[m] += info[3 * c + 2] * xc;
                groupMask[m >>> 6] |= 1L << m;
            }
        }
        double[] groupLo = filter.builtGroupLo;
        double[] groupHi = filter.builtGroupHi;
        int[] multiGroup = filter.multiGroup;
        for (int w = 0, words = (multiGroup.length + 63) >>> 6; w < words; w++) {
            for (long b = groupMask[w]; b != 0; b &= b - 1) {
                int m = (w << 6) + Long.numberOfTrailingZeros(b);
                double v = groupAcc[m];
                int g = multiGroup[m];
                if (!(v >= groupLo[g] && v <= groupHi[g])) {
                    abandon(s, filter);
                    return false;
                }
                if (v == 0) {
                    continue;
                }
                if (sample) {
                    filter.countNonZero(g);
                }
                // every group's sum is known here: a partner is checked at once
                for (int bk = groupBlock[g], blocks = groupBlock[g + 1]; bk < blocks; bk++) {
                    int partner = blockPartner[bk];
                    if (partner >= 0 ? x[partner] == 0 : partner < -1 && groupAcc[-2 - partner] == 0) {
                        continue;
                    }
                    unitWords |= touch(blockLimit[bk], blockLimit[bk + 1], v, selectorUnit, selectorScale,
                            unitAcc, touched);
                }
            }
        }
        for (int i = 0; i < deferred; i++) {
            int bk = s.deferBlock[i];
            if (groupAcc[-2 - blockPartner[bk]] != 0) {
                unitWords |= touch(blockLimit[bk], blockLimit[bk + 1], s.deferValue[i], selectorUnit, selectorScale,
                        unitAcc, touched);
            }
        }
        // The touched units stay in s.touchedMask: the evaluation tests their bounds. s.units
        // is zero here (every step clears the words it marked): set the always-evaluated
        // units' bits one by one (none to four per layer) rather than copying their mask.
        long[] units = s.units;
        for (int u : filter.alwaysUnits) {
            units[u >>> 6] |= 1L << u;
        }
        unitWords |= filter.alwaysWords;
        for (int w : linearWords) {
            for (long b = nonZero[w] & linearReadMask[w]; b != 0; b &= b - 1) {
                int c = (w << 6) + Long.numberOfTrailingZeros(b);
                if (x[c] != 0) {
                    for (int k = linearStart[c], end = linearStart[c + 1]; k < end; k++) {
                        int u = linearUnit[k];
                        units[u >>> 6] |= 1L << u;
                        unitWords |= 1L << (u >>> 6);
                    }
                }
            }
        }
        if (hasFamilies) {
            unitWords |= markFamilies(x, units);
        }
        if (hasLineFamilies) {
            // LineFamilies.mark is too large for C2 to inline here: a call per step, so
            // skipped where the layer has none (most layers)
            unitWords |= lineFamilies.mark(x, units);
        }
        s.unitWords = unitWords;
        return true;
    }

    /**
     * Adds a selector's {@code v} to the units of the entries [from, to) and marks them touched;
     * returns the words of the touched mask it set bits in (as s.unitWords counts them).
     */
    private static long touch(int from, int to, double v, int[] selectorUnit, double[] selectorScale, double[] unitAcc,
                              long[] touched) {
        long words = 0;
        for (int k = from; k < to; k++) {
            int u = selectorUnit[k];
            unitAcc[u] += selectorScale[k] * v;
            touched[u >>> 6] |= 1L << u;
            words |= 1L << (u >>> 6);
        }
        return words;
    }

    /**
     * Marks the units of each bias family whose gate {@code bias_u + L} can be positive: those
     * with {@code bias_u > -L}, a prefix of the family. This is exact when the family's columns
     * hold integers and the sum of |w x| stays below 2^50: every term, and every partial sum
     * of the reference's dot product (biases are below 2^50 too), is then an exact integer, so
     * its gate is the real {@code bias_u + L}. Otherwise every unit of the family is marked.
     * Marked units are evaluated by their rows. Returns the words of units it set bits in
     * (bit w for word w, as {@code Scratch.unitWords}).
     */
    private long markFamilies(double[] x, long[] units) {
        long unitWords = 0;
        for (int f = 0, families = familyUnitStart.length - 1; f < families; f++) {
            double sum = 0.0;
            double magnitude = 0.0;
            boolean integral = true;
            for (int k = familyColumnStart[f], end = familyColumnStart[f + 1]; k < end; k++) {
                double xc = x[familyColumn[k]];
                double t = familyWeight[k] * xc;
                sum += t;
                magnitude += Math.abs(t);
                integral &= xc == (double) (long) xc;
            }
            int end = familyUnitStart[f + 1];
            int k = familyUnitStart[f];
            if (integral && magnitude <= FAMILY_LIMIT) {
                double threshold = -sum;
                for (; k < end && familyBias[k] > threshold; k++) {
                    int u = familyUnit[k];
                    units[u >>> 6] |= 1L << u;
                    unitWords |= 1L << (u >>> 6);
                }
            } else {
                for (; k < end; k++) {
                    int u = familyUnit[k];
                    units[u >>> 6] |= 1L << u;
                    unitWords |= 1L << (u >>> 6);
                }
            }
        }
        return unitWords;
    }

    /** Clears the group accumulators a selection filled. */
    private static void clearGroups(Scratch s, GateFilter filter) {
        double[] groupAcc = s.groupAcc;
        long[] groupMask = s.groupMask;
        for (int w = 0, words = (filter.multiGroup.length + 63) >>> 6; w < words; w++) {
            for (long b = groupMask[w]; b != 0; b &= b - 1) {
                groupAcc[(w << 6) + Long.numberOfTrailingZeros(b)] = 0.0;
            }
            groupMask[w] = 0;
        }
    }

    /**
     * The units a filtered step would evaluate at x (a copy of the layer's words), or null if a
     * value lies outside the filter's ranges; x and the scratch are left unchanged. For tests.
     */
    long[] candidates(double[] x, long[] nonZero, Scratch s, GateFilter filter) {
        if (!select(x, nonZero, s, filter)) {
            return null;
        }
        long[] units = Arrays.copyOf(s.units, (width + 63) >>> 6);
        double[] bound = filter.unitBound;
        int[] columnStart = filter.restColumnStart;
        for (int w = 0; w < units.length; w++) {
            for (long b = s.touchedMask[w]; b != 0; b &= b - 1) {
                int u = (w << 6) + Long.numberOfTrailingZeros(b);
                int k = columnStart[u];
                if (bound[u] + s.unitAcc[u] > 0 && (k == columnStart[u + 1]
                        || filter.unitSecondBound[u] + s.unitAcc[u] + filter.restColumnWeight[k] * x[filter.restColumn[k]] > 0)) {
                    units[w] |= 1L << u;
                }
                s.unitAcc[u] = 0.0;
            }
            s.touchedMask[w] = 0;
            s.units[w] = 0;
        }
        s.unitWords = 0;
        clearGroups(s, filter);
        return units;
    }

    /**
     * The units a filtered step's selection touches at x (a copy of the layer's words), before
     * any bound is tested, or null if a value lies outside the filter's ranges; x and the
     * scratch are left unchanged. For tests.
     */
    long[] touched(double[] x, long[] nonZero, Scratch s, GateFilter filter) {
        if (!select(x, nonZero, s, filter)) {
            return null;
        }
        long[] touched = Arrays.copyOf(s.touchedMask, (width + 63) >>> 6);
        for (int w = 0; w < touched.length; w++) {
            for (long b = s.touchedMask[w]; b != 0; b &= b - 1) {
                s.unitAcc[(w << 6) + Long.numberOfTrailingZeros(b)] = 0.0;
            }
            s.touchedMask[w] = 0;
            s.units[w] = 0;
        }
        s.unitWords = 0;
        clearGroups(s, filter);
        return touched;
    }

    /**
     * Clears the filtered path's accumulators after a step it gave up: all of this layer's,
     * not by the touched units' bits, as a loop over those would take its first turn only at
     * the first step given up after some selector fired, well after the JIT compiled {@link
     * #select}, and trap there.
     */
    private void abandon(Scratch s, GateFilter filter) {
        clearGroups(s, filter);
        Arrays.fill(s.unitAcc, 0, width, 0.0);
        Arrays.fill(s.touchedMask, 0, (width + 63) >>> 6, 0L);
        s.unitWords = 0;
    }

    /**
     * Runs the candidates in increasing order and adds the output: the marked units, and the
     * touched units whose bound plus selectors' sum is positive (and stays so with the first
     * rest column's value in place of its bound). A unit's gate is its bias
     * (linear unit), its row's dot product (always-evaluated, family or ROW unit), or for a filtered
     * unit {@code bias + (its selectors' sum) + (its other groups' sum)}, the latter over x for
     * a single-column group and over {@code s.groupAcc} (zero for a group with no non-zero
     * column) for the others. A filtered unit's gate is taken before its value (most
     * candidates are not positive). A linear or filtered unit whose value is 0 adds nothing, as
     * its gate is finite (h = g * 0 is a zero), and is skipped.
     */
    private void evaluateFiltered(double[] x, long[] nonZero, Scratch s, GateFilter filter) {
        boolean sample = filter.sampleStep();
        long[] use = filter.unitUse;
        long[] units = s.units;
        long[] touched = s.touchedMask;
        double[] bound = filter.unitBound;
        double[] second = filter.unitSecondBound;
        byte[] kind = filter.unitKind;
        CsrMatrix plainGate = weights.gate();
        double[] groupAcc = s.groupAcc;
        double[] unitAcc = s.unitAcc;
        double[] unitBias = groups.bias;
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
        int words = (width + 63) >>> 6;
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
                    int ck = columnStart[u];
                    int cEnd = columnStart[u + 1];
                    if (ck < cEnd) {
                        // The first rest column (largest contribution) in place of its bound:
                        // exact integers, and the others' bounds hold, so <= 0 rules u out.
                        double first = columnWeight[ck] * x[column[ck]];
                        if (!(second[u] + selected + first > 0)) {
                            continue;
                        }
                        g += first;
                        ck++;
                    }
                    for (; ck < cEnd; ck++) {
                        g += columnWeight[ck] * x[column[ck]];
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
                    unitAcc[u] = 0.0;   // a touched ROW unit's selectors' sum: not needed
                    g = plainGate.dot(u, x);
                    if (!(g > 0)) {
                        continue;
                    }
                }
                double v = 0.0;
                for (int k = valueStart[u], end = valueStart[u + 1]; k < end; k++) {
                    v += valueWeight[k] * x[valueColumn[k]];
                }
                if (v == 0 && unitKind <= GateFilter.LINEAR) {
                    continue;
                }
                double h = g * v;
                for (int k = outputStart[u], end = outputStart[u + 1]; k < end; k++) {
                    int r = outputRow[k];
                    rowAcc[r] += outputWeight[k] * h;
                    rowMask[r >>> 6] |= 1L << r;
                    rowWords |= 1L << (r >>> 6);
                }
            }
        }
        addRows(x, nonZero, s, rowWords);
    }

    /**
     * x[r] += the row sums {@code s.rowAcc} holds, which it leaves zero; marks the non-zero rows.
     * {@code rowWords} has bit w set for every word w of {@code s.rowMask} that may be non-zero
     * (when there are at most 64 words; more are all visited).
     */
    private static void addRows(double[] x, long[] nonZero, Scratch s, long rowWords) {
        double[] rowAcc = s.rowAcc;
        long[] rowMask = s.rowMask;
        boolean listed = rowMask.length <= 64;
        for (int w = 0; w < rowMask.length; w++) {
            if (listed) {
                long ahead = rowWords & (-1L << w);
                if (ahead == 0) {
                    break;
                }
                w = Long.numberOfTrailingZeros(ahead);
            }
            long b = rowMask[w];
            if (b == 0) {
                continue;
            }
            rowMask[w] = 0;
            long written = 0;
            for (; b != 0; b &= b - 1) {
                int r = (w << 6) + Long.numberOfTrailingZeros(b);
                double sum = x[r] + rowAcc[r];
                rowAcc[r] = 0.0;
                x[r] = sum;
                if (sum != 0) {
                    written |= 1L << r;
                }
            }
            nonZero[w] |= written;
        }
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

    /** Runs the marked units, whose gates {@code s.gate} holds, in increasing order and adds the output. */
    private void evaluate(double[] x, long[] nonZero, Scratch s, int epoch) {
        double[] gate = s.gate;
        long[] units = s.units;
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
                double g = gate[u];
                if (!(g > 0)) {
                    continue;     // most units: their value is not needed
                }
                double v = 0.0;
                for (int k = valueStart[u], end = valueStart[u + 1]; k < end; k++) {
                    v += valueWeight[k] * x[valueColumn[k]];
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
