package dev.wasmformer.runtime.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The heads of one layer flattened for the fast pass. One sparse matrix holds, head after
 * head, the query's two rows, the key's two rows and the value's rows (except for the values
 * of token-valued position-key heads, which come from their {@link TokenValues}); the output
 * matrices are one list of (residual row, entries) segments in head order. Computes the same
 * doubles as the per-head matrices: each row's dot product in column order, and each output
 * row's dot product added to x in the order the heads come.
 */
final class AttentionLayer {
    final HeadWeights[] heads;
    final int[] base;               // per head: its query's first row; the key's at base + 2
    final int[] valueBase;          // per head: where its value (and output) vector lives
    final TokenValues[] tables;     // per head: the token table of a token-valued position head
    final int bufferSize;
    private final int projectedRows;
    private final int[] rowTarget;  // projected row -> buffer index
    private final int[] rowStart;
    private final int[] rowColumn;
    private final double[] rowWeight;
    private final int[] headSegments;      // heads + 1: the segments of head h
    private final int[] segmentRow;        // residual row written by the segment
    private final int[] segmentStart;      // segments + 1
    private final int[] segmentIndex;      // index into the output buffer
    private final double[] segmentWeight;
    final long[] writes;                   // residual rows the outputs write
    final int[] writtenRows;               // the same, increasing
    private final StraightLine.Blocks code;   // block 0: the projections; 1 + h: head h's output

    AttentionLayer(List<HeadWeights> headList, CsrMatrix embedding, int slotOne) {
        this(headList, embedding, slotOne, true);
    }

    /** With {@code straightLine}, the projections and outputs run as generated code. */
    AttentionLayer(List<HeadWeights> headList, CsrMatrix embedding, int slotOne, boolean straightLine) {
        heads = headList.toArray(new HeadWeights[0]);
        int dModel = embedding.cols;
        base = new int[heads.length];
        valueBase = new int[heads.length];
        tables = new TokenValues[heads.length];
        List<Integer> targets = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        starts.add(0);
        int size = 0;
        for (int h = 0; h < heads.length; h++) {
            HeadWeights head = heads[h];
            if (head.kernel() == HeadKernel.POSITION_KEY && head.tokenValued()) {
                tables[h] = new TokenValues(head, embedding, slotOne);
            }
            base[h] = size;
            valueBase[h] = size + 4;
            size += 4 + head.valueWidth();
            List<CsrMatrix> projected = new ArrayList<>(List.of(head.query(), head.key()));
            if (tables[h] == null) {
                projected.add(head.value());
            }
            int target = base[h];
            for (CsrMatrix m : projected) {
                for (int r = 0; r < m.rows; r++) {
                    for (int i = 0; i < m.rowLength(r); i++) {
                        columns.add(m.column(r, i));
                        weights.add(m.value(r, i));
                    }
                    starts.add(columns.size());
                    targets.add(target++);
                }
            }
        }
        bufferSize = size;
        projectedRows = targets.size();
        rowTarget = targets.stream().mapToInt(Integer::intValue).toArray();
        rowStart = starts.stream().mapToInt(Integer::intValue).toArray();
        rowColumn = columns.stream().mapToInt(Integer::intValue).toArray();
        rowWeight = weights.stream().mapToDouble(Double::doubleValue).toArray();
        writes = Bits.words(dModel);
        headSegments = new int[heads.length + 1];
        List<Integer> segRows = new ArrayList<>();
        List<Integer> segStarts = new ArrayList<>();
        List<Integer> segIndex = new ArrayList<>();
        List<Double> segWeights = new ArrayList<>();
        segStarts.add(0);
        for (int h = 0; h < heads.length; h++) {
            CsrMatrix output = heads[h].output();
            for (int r : output.nonEmptyRows()) {
                for (int i = 0; i < output.rowLength(r); i++) {
                    segIndex.add(valueBase[h] + output.column(r, i));
                    segWeights.add(output.value(r, i));
                }
                segRows.add(r);
                segStarts.add(segIndex.size());
                Bits.set(writes, r);
            }
            headSegments[h + 1] = segRows.size();
        }
        segmentRow = segRows.stream().mapToInt(Integer::intValue).toArray();
        segmentStart = segStarts.stream().mapToInt(Integer::intValue).toArray();
        segmentIndex = segIndex.stream().mapToInt(Integer::intValue).toArray();
        segmentWeight = segWeights.stream().mapToDouble(Double::doubleValue).toArray();
        writtenRows = Bits.toArray(writes);
        code = straightLine && heads.length > 0 ? compile(blocks()) : null;
    }

    private static StraightLine.Blocks compile(List<List<StraightLine.Row>> blocks) {
        try {
            return StraightLine.compile(blocks);
        } catch (LinkageError noAsm) {   // ASM missing from the class path: keep the loops
            return null;
        }
    }

    /** The projections' rows, then each head's output rows, for {@link StraightLine}. */
    private List<List<StraightLine.Row>> blocks() {
        List<List<StraightLine.Row>> blocks = new ArrayList<>();
        List<StraightLine.Row> projections = new ArrayList<>();
        for (int r = 0; r < projectedRows; r++) {
            projections.add(new StraightLine.Row(rowTarget[r], false,
                    java.util.Arrays.copyOfRange(rowColumn, rowStart[r], rowStart[r + 1]),
                    java.util.Arrays.copyOfRange(rowWeight, rowStart[r], rowStart[r + 1])));
        }
        blocks.add(projections);
        for (int h = 0; h < heads.length; h++) {
            List<StraightLine.Row> outputs = new ArrayList<>();
            for (int s = headSegments[h]; s < headSegments[h + 1]; s++) {
                outputs.add(new StraightLine.Row(segmentRow[s], true,
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

    /** The stacked projections of x into {@code p}. */
    void project(double[] x, double[] p) {
        if (code != null) {
            code.run(0, x, p);
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
     * x += every head's output matrix times its output: head h's output is the contribution
     * of table id {@code ids[h]} when that is &gt;= 0, else the vector at {@code valueBase[h]}
     * of {@code out}.
     */
    void addOutputs(double[] out, int[] ids, double[] x) {
        int[] start = segmentStart;
        int[] index = segmentIndex;
        double[] weight = segmentWeight;
        for (int h = 0; h < heads.length; h++) {
            int id = ids[h];
            if (id >= 0) {
                TokenValues table = tables[h];
                int[] rows = table.contributionRow;
                double[] values = table.contributionValue;
                for (int k = table.contributionStart(id), end = table.contributionEnd(id); k < end; k++) {
                    x[rows[k]] += values[k];
                }
                continue;
            }
            if (code != null) {
                code.run(1 + h, out, x);
                continue;
            }
            for (int s = headSegments[h], n = headSegments[h + 1]; s < n; s++) {
                double sum = 0.0;
                for (int k = start[s], end = start[s + 1]; k < end; k++) {
                    sum += weight[k] * out[index[k]];
                }
                x[segmentRow[s]] += sum;
            }
        }
    }
}
