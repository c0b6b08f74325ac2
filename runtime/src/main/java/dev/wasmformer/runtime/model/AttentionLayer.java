package dev.wasmformer.runtime.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The heads of one layer flattened for the fast pass. One sparse matrix holds, head after
 * head, the query's two rows, the key's two rows and the value's rows (except for the values
 * of token-valued position-key heads, which come from their {@link TokenValues}), written to a
 * buffer that holds every head's query and key first, then the values; the output
 * matrices are one list of (residual row, entries) segments in head order. Computes the same
 * doubles as the per-head matrices: each row's dot product in column order. The pass adds each
 * output row's dot product (a segment's <em>sum</em>) to x in the order the heads come.
 */
final class AttentionLayer {
    /**
     * The position by which a run makes sure the layers' code is generated (the model starts
     * generating it in the background once its first run has its first token; the load does not wait).
     */
    static final long GENERATE_AT = 4096;
    /**
     * A projected value of at least this many terms is guarded in the generated code: stored as
     * zeros, not computed, at a step where it reads no live slot (the interpreter's fetch head
     * reads only zeros at almost every token; the test of a few words costs less than ~16 terms).
     */
    static final int GUARDED_TERMS = 16;

    final HeadWeights[] heads;
    final int[] base;               // per head: its query's first row; the key's at base + 2
    final int[] valueBase;          // per head: where its value (and output) vector lives
    final TokenValues[] tables;     // per head: the token table of a token-valued position head
    /**
     * Per head: the first head of the layer whose cache it shares, itself if none. Hull heads of
     * the same mode whose key and value matrices are equal, bit for bit, get the same keys and
     * values at every position (each row is the same dot product of the same residual), so
     * their caches would be equal: they share the first one's, which alone is added to. A
     * follower's key and value rows are not projected.
     */
    final int[] sharedWith;
    final int bufferSize;
    private final int projectedRows;
    private final int[] rowTarget;  // projected row -> buffer index
    private final int[] rowStart;
    private final int[] rowColumn;
    private final double[] rowWeight;
    private final int[] valueRow;   // per head: its value's first projected row, -1 if not projected
    // Per head whose value is projected with finite weights: the words and bits of the slots
    // its value rows read (none: it reads none); null for other heads. See valueReadsNothing.
    private final int[][] valueWords;
    private final long[][] valueBits;
    final int[] headSegments;              // heads + 1: the segments of head h
    final int[] segmentRow;                // residual row written by the segment
    private final int[] segmentStart;      // segments + 1
    private final int[] segmentIndex;      // index into the output buffer
    private final double[] segmentWeight;
    // The generated code of the layers compiled together, one class for all of them (so that
    // the pass's calls of it see one class, not one per layer): block firstBlock holds this
    // layer's projections, firstBlock + 1 + h head h's sums. firstBlock is written before code.
    private volatile StraightLine.Blocks code;
    private int firstBlock;
    private boolean compiled;                    // code was generated, or refused (guarded by the lock of compileAll)

    /** Compiles the generated code now when {@code straightLine}, else never (for tests). */
    AttentionLayer(List<HeadWeights> headList, CsrMatrix embedding, int slotOne, boolean straightLine) {
        this(headList, new TokenValues.Cache(embedding, slotOne));
        if (straightLine) {
            compile();
        } else {
            synchronized (LOCK) {
                compiled = true;
            }
        }
    }

    /**
     * The layer of {@code headList}, token tables shared through {@code tables}; its generated
     * code is made by {@link #compile} (the loops run until then).
     */
    AttentionLayer(List<HeadWeights> headList, TokenValues.Cache tokenTables) {
        heads = headList.toArray(new HeadWeights[0]);
        base = new int[heads.length];
        valueBase = new int[heads.length];
        tables = new TokenValues[heads.length];
        sharedWith = sharedCaches(heads);
        int size = 0;
        int rowCount = 0;
        int termCount = 0;
        for (int h = 0; h < heads.length; h++) {
            HeadWeights head = heads[h];
            if (head.kernel() == HeadKernel.POSITION_KEY && head.tokenValued()) {
                tables[h] = new TokenValues(head, tokenTables);
            }
            base[h] = size;
            size += 4;
            if (sharedWith[h] != h) {
                rowCount += 2;
                termCount += head.query().nonZeros();
                continue;
            }
            rowCount += 4 + (tables[h] == null ? head.valueWidth() : 0);
            termCount += head.query().nonZeros() + head.key().nonZeros()
                    + (tables[h] == null ? head.value().nonZeros() : 0);
        }
        // The values after every head's query and key: the pass reads the queries and keys of
        // all heads at every step, and together they take a few cache lines.
        for (int h = 0; h < heads.length; h++) {
            valueBase[h] = size;
            size += heads[h].valueWidth();
        }
        bufferSize = size;
        projectedRows = rowCount;
        rowTarget = new int[rowCount];
        rowStart = new int[rowCount + 1];
        rowColumn = new int[termCount];
        rowWeight = new double[termCount];
        valueRow = new int[heads.length];
        java.util.Arrays.fill(valueRow, -1);
        int row = 0;
        int term = 0;
        for (int h = 0; h < heads.length; h++) {
            HeadWeights head = heads[h];
            CsrMatrix[] projected = sharedWith[h] != h ? new CsrMatrix[] {head.query()}
                    : tables[h] == null ? new CsrMatrix[] {head.query(), head.key(), head.value()}
                    : new CsrMatrix[] {head.query(), head.key()};
            for (int k = 0; k < projected.length; k++) {
                CsrMatrix m = projected[k];
                int target = k == 0 ? base[h] : k == 1 ? base[h] + 2 : valueBase[h];
                if (k == 2) {
                    valueRow[h] = row;
                }
                for (int r = 0; r < m.rows; r++) {
                    for (int i = 0, n = m.rowLength(r); i < n; i++) {
                        rowColumn[term] = m.column(r, i);
                        rowWeight[term++] = m.value(r, i);
                    }
                    rowStart[row + 1] = term;
                    rowTarget[row++] = target++;
                }
            }
        }
        valueWords = new int[heads.length][];
        valueBits = new long[heads.length][];
        for (int h = 0; h < heads.length; h++) {
            if (valueRow[h] < 0) {
                continue;
            }
            int from = rowStart[valueRow[h]];
            int to = rowStart[valueRow[h] + heads[h].valueWidth()];
            boolean finite = true;
            java.util.TreeMap<Integer, Long> masks = new java.util.TreeMap<>();
            for (int k = from; k < to; k++) {
                finite &= Double.isFinite(rowWeight[k]);
                masks.merge(rowColumn[k] >>> 6, 1L << rowColumn[k], (a, b) -> a | b);
            }
            if (finite) {
                valueWords[h] = masks.keySet().stream().mapToInt(Integer::intValue).toArray();
                valueBits[h] = masks.values().stream().mapToLong(Long::longValue).toArray();
            }
        }
        headSegments = new int[heads.length + 1];
        int segments = 0;
        int entries = 0;
        for (HeadWeights head : heads) {
            segments += head.output().nonEmptyRows().length;
            entries += head.output().nonZeros();
        }
        segmentRow = new int[segments];
        segmentStart = new int[segments + 1];
        segmentIndex = new int[entries];
        segmentWeight = new double[entries];
        int s = 0;
        int k = 0;
        for (int h = 0; h < heads.length; h++) {
            CsrMatrix output = heads[h].output();
            for (int r : output.nonEmptyRows()) {
                for (int i = 0, n = output.rowLength(r); i < n; i++) {
                    segmentIndex[k] = valueBase[h] + output.column(r, i);
                    segmentWeight[k++] = output.value(r, i);
                }
                segmentRow[s++] = r;
                segmentStart[s] = k;
            }
            headSegments[h + 1] = s;
        }
    }

    /** {@link #sharedWith} of these heads. */
    static int[] sharedCaches(HeadWeights[] heads) {
        int[] shared = new int[heads.length];
        for (int h = 0; h < heads.length; h++) {
            shared[h] = h;
            HeadWeights head = heads[h];
            if (head.kernel() != HeadKernel.HULL) {
                continue;
            }
            for (int g = 0; g < h; g++) {
                HeadWeights other = heads[g];
                if (shared[g] == g && other.kernel() == HeadKernel.HULL && other.mode() == head.mode()
                        && other.key().sameEntries(head.key()) && other.value().sameEntries(head.value())) {
                    shared[h] = g;
                    break;
                }
            }
        }
        return shared;
    }

    /**
     * Whether head h's projected value is known to be all +0.0 at x whose non-zero slots are
     * among {@code live}: its weights are finite and it reads no live slot, so each of its rows
     * is {@code 0.0 + w * (+0.0) + ...}, which is +0.0 (the generated code stores exactly
     * that without computing it). False when not known, e.g. for a head without a projected value.
     */
    boolean valueReadsNothing(int h, long[] live) {
        int[] words = valueWords[h];
        if (words == null) {
            return false;
        }
        long[] bits = valueBits[h];
        for (int k = 0; k < words.length; k++) {
            if ((live[words[k]] & bits[k]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Number of output segments (rows written by some head's output matrix), all heads. */
    int segments() {
        return segmentRow.length;
    }

    /**
     * Generates the straight-line code of the projections and outputs, once; runs that come
     * later (or are running on other threads) use it from then on. Both compute the same
     * doubles, so when the switch happens changes no result. Thread-safe.
     */
    void compile() {
        compileAll(new AttentionLayer[] {this});
    }

    /** The lock of every layer's {@link #compiled}, for compiles of layers alone. */
    private static final Object LOCK = new Object();

    /**
     * {@link #compile} of these layers, whose code not yet generated is made as one class: a
     * model compiles its layers together. Thread-safe.
     */
    static void compileAll(AttentionLayer[] layers) {
        synchronized (LOCK) {
            List<AttentionLayer> pending = new ArrayList<>();
            List<List<StraightLine.Row>> blocks = new ArrayList<>();
            for (AttentionLayer layer : layers) {
                if (layer.compiled) {
                    continue;
                }
                layer.compiled = true;
                if (layer.heads.length > 0) {
                    layer.firstBlock = blocks.size();
                    blocks.addAll(layer.blocks());
                    pending.add(layer);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            StraightLine.Blocks code;
            try {
                code = StraightLine.compile(blocks);
            } catch (LinkageError noAsm) {   // ASM missing from the class path: keep the loops
                code = null;
            }
            for (AttentionLayer layer : pending) {
                layer.code = code;
            }
        }
    }

    /** The projections' rows, then each head's segment sums, for {@link StraightLine}. */
    private List<List<StraightLine.Row>> blocks() {
        List<List<StraightLine.Row>> blocks = new ArrayList<>();
        StraightLine.Guard[] guards = new StraightLine.Guard[projectedRows];
        for (int h = 0; h < heads.length; h++) {
            int first = valueRow[h];
            int rows = heads[h].valueWidth();
            if (first < 0) {
                continue;
            }
            int from = rowStart[first];
            int to = rowStart[first + rows];
            boolean finite = true;
            for (int k = from; k < to; k++) {
                finite &= Double.isFinite(rowWeight[k]);
            }
            if (finite && to - from >= GUARDED_TERMS && to - from + rows <= StraightLine.TERMS_PER_METHOD) {
                guards[first] = StraightLine.Guard.of(rows, valueBase[h],
                        java.util.Arrays.copyOfRange(rowColumn, from, to));
            }
        }
        List<StraightLine.Row> projections = new ArrayList<>();
        for (int r = 0; r < projectedRows; r++) {
            projections.add(new StraightLine.Row(rowTarget[r], false,
                    java.util.Arrays.copyOfRange(rowColumn, rowStart[r], rowStart[r + 1]),
                    java.util.Arrays.copyOfRange(rowWeight, rowStart[r], rowStart[r + 1]), guards[r]));
        }
        blocks.add(projections);
        for (int h = 0; h < heads.length; h++) {
            List<StraightLine.Row> outputs = new ArrayList<>();
            for (int s = headSegments[h]; s < headSegments[h + 1]; s++) {
                outputs.add(new StraightLine.Row(s, false,
                        java.util.Arrays.copyOfRange(segmentIndex, segmentStart[s], segmentStart[s + 1]),
                        java.util.Arrays.copyOfRange(segmentWeight, segmentStart[s], segmentStart[s + 1])));
            }
            blocks.add(outputs);
        }
        return blocks;
    }

    /** Whether the projections and outputs run as generated code (for tests). */
    boolean straightLine() {
        return code != null;
    }

    /**
     * The stacked projections of x into {@code p}; every slot of x whose bit in {@code live}
     * is clear holds +0.0 (the generated code stores a value that reads only such slots as
     * zeros without computing it, which gives the same doubles).
     */
    void project(double[] x, double[] p, long[] live) {
        StraightLine.Blocks code = this.code;
        if (code != null) {
            code.run(firstBlock, x, p, live);
            return;
        }
        int[] start = rowStart;
        int[] column = rowColumn;
        double[] weight = rowWeight;
        int[] target = rowTarget;
        for (int r = 0, n = projectedRows; r < n; r++) {
            double sum = 0.0;
            for (int k = start[r], end = start[r + 1]; k < end; k++) {
                sum += weight[k] * x[column[k]];
            }
            p[target[r]] = sum;
        }
    }

    /**
     * Head h's segment sums for its output vector {@code out[valueBase[h] ..]}: writes
     * {@code sums[s]} for each of its segments s, the output row's dot product in column order
     * from 0.0 (never -0.0), the double the reference adds to the segment's residual row.
     */
    void segmentSums(int h, double[] out, double[] sums) {
        StraightLine.Blocks code = this.code;
        if (code != null) {
            code.run(firstBlock + 1 + h, out, sums, null);
            return;
        }
        int[] start = segmentStart;
        int[] index = segmentIndex;
        double[] weight = segmentWeight;
        for (int s = headSegments[h], n = headSegments[h + 1]; s < n; s++) {
            double sum = 0.0;
            for (int k = start[s], end = start[s + 1]; k < end; k++) {
                sum += weight[k] * out[index[k]];
            }
            sums[s] = sum;
        }
    }
}
