package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.state.StateFormatException;
import dev.wasmformer.runtime.state.StateReader;
import dev.wasmformer.runtime.state.StateWriter;
import dev.wasmformer.runtime.attention.AttentionCache;
import dev.wasmformer.runtime.attention.HeapBytes;

/**
 * The forward pass with the kernels chosen at load: per-head caches by key kind, the sparse
 * feed-forward layers and the family arg-max. Tracks which residual slots may be non-zero, so
 * that clearing the residual and the sparse kernels touch only those. From one step to the
 * next it keeps the sums of the {@link ResidentHeads resident heads} in the residual and
 * replaces them only when a head's answer changes. Computes the same residual, bit for bit,
 * as {@link ReferencePass}, and the same next token.
 */
final class FastPass extends ForwardPass {
    private final AttentionLayer[] attention;  // [layer]
    private final SparseFeedForward[] ffns;    // [layer], null for none
    private final AttentionCache[][] caches;   // [layer][head], null for a position head
    private final PositionHead[][] positionHeads;  // [layer][head], null for a cache
    private final long[][] results;            // [layer][head]: the last query's result (see PositionHead.query)
    private final double[][][] memos;          // [layer][head]: a cache sharer's own last query, null for the first
    private final long[][] held;               // [layer][head]: the name of the output whose sums are held
    private final int[][] heldCount;           // [layer][head]: how many non-zero sums are held
    private final int[][] heldRow;             // [layer][segment]: a head's held sums from its first segment on
    private final double[][] heldSum;
    private final int[][] heldMarks;           // [layer][head]: how many (word, bits) pairs mark the held rows
    private final int[][] heldWord;            // [layer][segment]: a head's pairs from its first segment on
    private final long[][] heldBits;
    private final double[][] sums;             // [layer][segment]: scratch for AttentionLayer.segmentSums
    private final boolean keepTokens;          // some head reads values through its token
    private int[] tokens = new int[1024];      // the token at every position, if keepTokens
    private final double[][] projections;      // [layer]: queries, keys and values, head after head
    private final double[][] headOutputs;      // [layer]: head outputs, at the values' indexes
    private final long[] nonZero;              // slots of x that may be non-zero
    private final long[] embeddingWrites;      // the feature slots
    private final SparseFeedForward.Scratch scratch;
    private final FamilyArgMax.Scratch families;
    private final GateFilter[] filters;        // [layer], null for none
    private final PromptPlan plan;             // what an appended token computes
    private final boolean[][] resident;        // [layer][head]: its sums may stay in x (ResidentHeads)
    private final long[] residentRows;         // the rows of those heads' outputs
    private final long[][] placed;             // [layer][head]: the result whose sums x holds, or NOT_PLACED
    private boolean placedValid;               // whether x holds the placed sums (after a step, not an append)
    private final SparseFeedForward[] promptFfns;  // [layer], null for none
    private final GateFilter[] promptFilters;  // [layer]: filters' own for the same FFN
    private int lastToken;

    FastPass(Model model) {
        this(model, model.promptPlan, model.promptFfns);
    }

    /** A pass whose appends follow {@code plan}, with its FFNs built as {@code promptFfns} (for tests). */
    FastPass(Model model, PromptPlan plan, SparseFeedForward[] promptFfns) {
        super(model);
        int layerCount = model.layers.size();
        attention = model.attentionLayers;
        ffns = model.sparseFfns;
        caches = new AttentionCache[layerCount][];
        positionHeads = new PositionHead[layerCount][];
        memos = new double[layerCount][][];
        results = new long[layerCount][];
        held = new long[layerCount][];
        heldCount = new int[layerCount][];
        heldRow = new int[layerCount][];
        heldSum = new double[layerCount][];
        heldMarks = new int[layerCount][];
        heldWord = new int[layerCount][];
        heldBits = new long[layerCount][];
        sums = new double[layerCount][];
        projections = new double[layerCount][];
        headOutputs = new double[layerCount][];
        boolean anyTable = false;
        for (int l = 0; l < layerCount; l++) {
            AttentionLayer layer = attention[l];
            HeadWeights[] heads = layer.heads;
            caches[l] = new AttentionCache[heads.length];
            positionHeads[l] = new PositionHead[heads.length];
            memos[l] = new double[heads.length][];
            results[l] = new long[heads.length];
            held[l] = new long[heads.length];
            java.util.Arrays.fill(held[l], AttentionCache.UNNAMED);
            heldCount[l] = new int[heads.length];
            heldRow[l] = new int[layer.segments()];
            heldSum[l] = new double[layer.segments()];
            heldMarks[l] = new int[heads.length];
            heldWord[l] = new int[layer.segments()];
            heldBits[l] = new long[layer.segments()];
            sums[l] = new double[layer.segments()];
            for (int h = 0; h < heads.length; h++) {
                HeadWeights head = heads[h];
                if (head.kernel() == HeadKernel.POSITION_KEY) {
                    positionHeads[l][h] = new PositionHead(head, layer.tables[h]);
                    anyTable |= layer.tables[h] != null;
                } else if (layer.sharedWith[h] != h) {
                    caches[l][h] = caches[l][layer.sharedWith[h]];
                    memos[l][h] = AttentionCache.noQuery();
                } else {
                    caches[l][h] = cache(head);
                }
            }
            projections[l] = new double[layer.bufferSize];
            headOutputs[l] = new double[layer.bufferSize];
        }
        keepTokens = anyTable;
        resident = model.residentHeads.resident;
        residentRows = model.residentHeads.rows;
        placed = new long[layerCount][];
        for (int l = 0; l < layerCount; l++) {
            placed[l] = new long[attention[l].heads.length];
            java.util.Arrays.fill(placed[l], NOT_PLACED);
        }
        nonZero = Bits.words(model.dModel());
        embeddingWrites = Bits.words(model.dModel());
        Bits.set(embeddingWrites, model.slotOne());
        Bits.set(embeddingWrites, model.slotPosition());
        Bits.set(embeddingWrites, model.slotPositionSquared());
        filters = new GateFilter[layerCount];
        this.plan = plan;
        this.promptFfns = promptFfns;
        promptFilters = new GateFilter[layerCount];
        int maxGroups = 0;
        for (int l = 0; l < layerCount; l++) {
            if (ffns[l] != null) {
                filters[l] = ffns[l].small ? null : new GateFilter(ffns[l]);
                maxGroups = Math.max(maxGroups, ffns[l].groups.groupCount);
            }
            SparseFeedForward kept = promptFfns[l];
            if (kept != null) {
                promptFilters[l] = kept == ffns[l] ? filters[l] : kept.small ? null : new GateFilter(kept);
                maxGroups = Math.max(maxGroups, kept.groups.groupCount);
            }
        }
        families = model.familyArgMax.newScratch();
        scratch = new SparseFeedForward.Scratch(model.ffnWidth(), maxGroups, model.dModel());
    }

    /**
     * A deep copy of {@code o}: caches, held sums, resident placements, gate filters and the
     * residual with its non-zero set. The scratch of the FFN and of the arg-max is fresh: it
     * holds nothing between steps.
     */
    private FastPass(FastPass o, long positions, boolean kept) {
        super(o);
        attention = o.attention;
        ffns = o.ffns;
        int layerCount = attention.length;
        caches = new AttentionCache[layerCount][];
        positionHeads = new PositionHead[layerCount][];
        memos = new double[layerCount][][];
        for (int l = 0; l < layerCount; l++) {
            caches[l] = new AttentionCache[o.caches[l].length];
            positionHeads[l] = new PositionHead[o.positionHeads[l].length];
            memos[l] = new double[caches[l].length][];
            for (int h = 0; h < caches[l].length; h++) {
                AttentionCache cache = o.caches[l][h];
                int leader = attention[l].sharedWith[h];
                if (leader != h) {
                    caches[l][h] = caches[l][leader];   // copied already: a leader comes first
                    memos[l][h] = o.memos[l][h].clone();
                    continue;
                }
                caches[l][h] = cache == null ? null : kept ? cache.keptCopy() : cache.copy();
                positionHeads[l][h] = o.positionHeads[l][h] == null ? null : new PositionHead(o.positionHeads[l][h], kept);
            }
        }
        results = deep(o.results);
        held = deep(o.held);
        heldCount = deep(o.heldCount);
        heldRow = deep(o.heldRow);
        heldSum = deep(o.heldSum);
        heldMarks = deep(o.heldMarks);
        heldWord = deep(o.heldWord);
        heldBits = deep(o.heldBits);
        sums = deep(o.sums);
        keepTokens = o.keepTokens;
        // the tokens of the positions so far (at least one: forward's doubling grows it)
        tokens = java.util.Arrays.copyOf(o.tokens, keepTokens ? Math.toIntExact(Math.max(1, positions)) : 1);
        projections = deep(o.projections);
        headOutputs = deep(o.headOutputs);
        nonZero = o.nonZero.clone();
        embeddingWrites = o.embeddingWrites;   // never changed
        plan = o.plan;
        resident = o.resident;
        residentRows = o.residentRows;
        placed = deep(o.placed);
        placedValid = o.placedValid;
        promptFfns = o.promptFfns;
        filters = new GateFilter[layerCount];
        promptFilters = new GateFilter[layerCount];
        for (int l = 0; l < layerCount; l++) {
            filters[l] = o.filters[l] == null ? null : new GateFilter(o.filters[l]);
            GateFilter prompt = o.promptFilters[l];
            // a layer whose appends run its whole FFN shares one filter between both
            promptFilters[l] = prompt == null ? null : prompt == o.filters[l] ? filters[l] : new GateFilter(prompt);
        }
        families = model.familyArgMax.newScratch();
        scratch = new SparseFeedForward.Scratch(o.scratch);
        lastToken = o.lastToken;
    }

    /** The section tag of a fast pass's state. */
    private static final int TAG = 0x54534146;   // "FAST"

    /**
     * Writes what the copy constructor copies from this pass after {@code positions} positions
     * (its caches as their kept copies hold them), in the order the reading constructor reads
     * it. The scratch of the FFN and of the arg-max holds nothing between steps: not written.
     */
    void writeState(StateWriter out, long positions) {
        out.tag(TAG);
        out.writeDoubles(x);
        for (int l = 0; l < caches.length; l++) {
            for (int h = 0; h < caches[l].length; h++) {
                if (memos[l][h] != null) {
                    // a sharer writes the shared cache with its own last query: the state of
                    // the cache it would have of its own
                    caches[l][h].writeState(out, memos[l][h]);
                } else if (caches[l][h] != null) {
                    caches[l][h].writeState(out);
                } else {
                    positionHeads[l][h].writeState(out);
                }
            }
        }
        for (long[][] a : new long[][][] {results, held, heldBits, placed}) {
            for (long[] row : a) {
                out.writeLongs(row);
            }
        }
        for (int[][] a : new int[][][] {heldCount, heldRow, heldMarks, heldWord}) {
            for (int[] row : a) {
                out.writeInts(row);
            }
        }
        for (double[][] a : new double[][][] {heldSum, sums, projections, headOutputs}) {
            for (double[] row : a) {
                out.writeDoubles(row);
            }
        }
        out.writeBoolean(keepTokens);
        out.writeInts(tokens, keepTokens ? Math.toIntExact(positions) : 0);
        out.writeLongs(nonZero);
        out.writeBoolean(placedValid);
        for (int l = 0; l < filters.length; l++) {
            out.writeBoolean(filters[l] != null);
            if (filters[l] != null) {
                filters[l].writeState(out);
            }
            GateFilter prompt = promptFilters[l];
            out.writeInt(prompt == null ? 0 : prompt == filters[l] ? 1 : 2);
            if (prompt != null && prompt != filters[l]) {
                prompt.writeState(out);
            }
        }
        out.writeInt(lastToken);
    }

    /**
     * A pass of {@code model} in the state {@link #writeState} wrote after {@code positions}
     * positions, as a kept copy (its hull caches without key indexes: only to be copied). Every
     * head's state must be of the kernel the model chose for it, every array of the length the
     * model fixes, every index within what it indexes.
     */
    FastPass(Model model, StateReader in, long positions) throws StateFormatException {
        this(model);
        in.tag(TAG);
        System.arraycopy(in.readDoubles(x.length, false, "residual"), 0, x, 0, x.length);
        for (int l = 0; l < caches.length; l++) {
            HeadWeights[] heads = attention[l].heads;
            for (int h = 0; h < caches[l].length; h++) {
                HeadWeights head = heads[h];
                if (caches[l][h] != null) {
                    int kind = head.kernel() == HeadKernel.CONSTANT_KEY ? AttentionCache.KIND_CONSTANT_KEY
                            : AttentionCache.KIND_HULL;
                    AttentionCache read = AttentionCache.readState(in, kind, head.mode(), head.valueWidth());
                    if (read.size() != positions) {
                        throw new StateFormatException("head " + h + " of layer " + l + " holds "
                                + read.size() + " positions, not " + positions);
                    }
                    if (memos[l][h] != null) {
                        // its cache equals the leader's (equal keys and values): keep only its
                        // last query, and share the leader's
                        read.swapQueryState(memos[l][h]);
                        caches[l][h] = caches[l][attention[l].sharedWith[h]];
                        if (!caches[l][h].holdsQueryState(memos[l][h])) {
                            throw new StateFormatException("head " + h + " of layer " + l
                                    + " remembers a query its shared cache cannot have answered");
                        }
                    } else {
                        caches[l][h] = read;
                    }
                } else {
                    positionHeads[l][h] = new PositionHead(head, attention[l].tables[h], in);
                }
            }
        }
        for (long[][] a : new long[][][] {results, held, heldBits, placed}) {
            for (long[] row : a) {
                System.arraycopy(in.readLongs(row.length, false, "head results"), 0, row, 0, row.length);
            }
        }
        for (int[][] a : new int[][][] {heldCount, heldRow, heldMarks, heldWord}) {
            for (int[] row : a) {
                System.arraycopy(in.readInts(row.length, false, "held sums"), 0, row, 0, row.length);
            }
        }
        for (double[][] a : new double[][][] {heldSum, sums, projections, headOutputs}) {
            for (double[] row : a) {
                System.arraycopy(in.readDoubles(row.length, false, "head buffers"), 0, row, 0, row.length);
            }
        }
        if (in.readBoolean() != keepTokens) {
            throw new StateFormatException("a pass that " + (keepTokens ? "does not keep" : "keeps")
                    + " tokens, unlike the model's");
        }
        int[] t = StateReader.within(in.readInts(keepTokens ? Math.toIntExact(positions) : 0, false, "tokens"),
                0, model.vocabSize() - 1, "token");
        tokens = java.util.Arrays.copyOf(t, Math.max(1, t.length));
        System.arraycopy(in.readLongs(nonZero.length, false, "non-zero slots"), 0, nonZero, 0, nonZero.length);
        placedValid = in.readBoolean();
        for (int l = 0; l < filters.length; l++) {
            boolean has = in.readBoolean();
            if (has != (filters[l] != null)) {
                throw new StateFormatException("layer " + l + (has ? " has" : " lacks") + " a gate filter, unlike the model");
            }
            GateFilter own = has ? new GateFilter(ffns[l], in) : null;
            int prompt = in.readInt();
            int expected = promptFilters[l] == null ? 0 : promptFilters[l] == filters[l] ? 1 : 2;
            if (prompt != expected) {
                throw new StateFormatException("layer " + l + "'s prompt filter is of kind " + prompt + ", not " + expected);
            }
            filters[l] = own;
            promptFilters[l] = prompt == 0 ? null : prompt == 1 ? own : new GateFilter(promptFfns[l], in);
        }
        lastToken = StateReader.check(in.readInt(), 0, model.vocabSize() - 1, "last token");
        checkIndexes();
    }

    /** Checks that the held sums and the named results index only what exists. */
    private void checkIndexes() throws StateFormatException {
        int words = nonZero.length;
        for (int l = 0; l < attention.length; l++) {
            AttentionLayer layer = attention[l];
            StateReader.within(heldRow[l], 0, x.length - 1, "held row");
            StateReader.within(heldWord[l], 0, words - 1, "held word");
            for (int h = 0; h < layer.heads.length; h++) {
                int segments = layer.headSegments[h + 1] - layer.headSegments[h];
                StateReader.check(heldCount[l][h], 0, segments, "held sums");
                StateReader.check(heldMarks[l][h], 0, segments, "held marks");
                TokenValues table = layer.tables[h];
                for (long r : new long[] {results[l][h], held[l][h], placed[l][h]}) {
                    if (r < -1 && r != NOT_PLACED && (table == null || PositionHead.tableId(r) >= table.ids())) {
                        throw new StateFormatException("head " + h + " of layer " + l + " names table value "
                                + PositionHead.tableId(r) + ", which it does not have");
                    }
                }
            }
        }
    }

    @Override
    FastPass copy(long positions, boolean kept) {
        return new FastPass(this, positions, kept);
    }

    @Override
    long retainedBytes() {
        long bytes = HeapBytes.of(x, results, held, heldCount, heldRow, heldSum, heldMarks, heldWord, heldBits,
                sums, tokens, projections, headOutputs, nonZero, placed)
                + scratch.retainedBytes() + families.retainedBytes();
        for (int l = 0; l < caches.length; l++) {
            for (int h = 0; h < caches[l].length; h++) {
                bytes += caches[l][h] == null || memos[l][h] != null ? 0 : caches[l][h].retainedBytes();
                bytes += positionHeads[l][h] == null ? 0 : positionHeads[l][h].retainedBytes();
            }
            if (filters[l] != null) {
                bytes += filters[l].retainedBytes();
            }
            if (promptFilters[l] != null && promptFilters[l] != filters[l]) {
                bytes += promptFilters[l].retainedBytes();
            }
        }
        return bytes;
    }

    private static long[][] deep(long[][] a) {
        long[][] c = new long[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static int[][] deep(int[][] a) {
        int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static double[][] deep(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** A {@link #placed} entry for a head whose sums x does not hold (no result is this). */
    private static final long NOT_PLACED = Long.MIN_VALUE;

    private static AttentionCache cache(HeadWeights head) {
        return head.kernel() == HeadKernel.CONSTANT_KEY
                ? AttentionCache.constantKey(head.mode(), head.valueWidth())
                : AttentionCache.hull(head.mode(), head.valueWidth());
    }

    @Override
    int step(int token, long p) {
        forward(token, p, attention.length, null, ffns, filters);
        return model.familyArgMax.argMax(x, nonZero, families);
    }

    /** Runs what the {@link PromptPlan} keeps: the caches get what {@link #step} gives them. */
    @Override
    void append(int token, long p) {
        forward(token, p, plan.layers, plan.queried, promptFfns, promptFilters);
    }

    /**
     * The pass over the first {@code layers} layers, with these FFNs, running the queries of
     * the heads that {@code queried} marks (all when null).
     */
    private void forward(int token, long p, int layers, boolean[][] queried, SparseFeedForward[] ffns,
                         GateFilter[] filters) {
        lastToken = token;
        if (p == AttentionLayer.GENERATE_AT) {
            AttentionLayer.compileAll(attention);
        }
        if (keepTokens) {
            if (p >= tokens.length) {
                tokens = java.util.Arrays.copyOf(tokens, Math.toIntExact(Math.max(p + 1, 2L * tokens.length)));
            }
            tokens[(int) p] = token;
        }
        double[] x = this.x;
        long[] nonZero = this.nonZero;
        // A step after a step keeps the resident heads' rows (attend replaces a head's sums
        // when its answer changes); otherwise every row is cleared and nothing is placed.
        boolean keep = placedValid && queried == null;
        for (int w = 0; w < nonZero.length; w++) {
            long kept = keep ? nonZero[w] & residentRows[w] : 0L;
            for (long b = nonZero[w] & ~kept; b != 0; b &= b - 1) {
                x[(w << 6) + Long.numberOfTrailingZeros(b)] = 0.0;
            }
            nonZero[w] = embeddingWrites[w] | kept;
        }
        if (!keep) {
            for (long[] layer : placed) {
                java.util.Arrays.fill(layer, NOT_PLACED);
            }
        }
        placedValid = queried == null;
        CsrMatrix embedding = model.embedding;
        embedding.copyRowInto(token, x);
        for (int i = 0, n = embedding.rowLength(token); i < n; i++) {
            Bits.set(nonZero, embedding.column(token, i));
        }
        double pd = p;
        x[model.slotOne()] += 1;
        x[model.slotPosition()] += pd;
        x[model.slotPositionSquared()] += pd * pd;
        for (int l = 0; l < layers; l++) {
            attend(l, token, queried == null ? null : queried[l]);
            SparseFeedForward ffn = ffns[l];
            if (ffn != null) {
                ffn.apply(x, nonZero, scratch, filters[l]);
            }
        }
    }

    /**
     * Every head reads the residual entering the layer (the projections of all heads come
     * first; queries read only those); their outputs are added head by head, each as the
     * non-zero sums of its output rows (adding 0.0 changes no slot: x never holds -0.0). A head
     * whose output is named like the one whose sums it holds adds those again (the same
     * doubles), without reading its value or computing its output rows; so do token-valued
     * heads, whose sums per token are tables. A resident head whose answer is the one whose
     * sums x still holds from the step before does nothing more; one whose answer changed
     * {@link #place replaces} its sums in x. A head that {@code queried} does not mark gets its
     * key and value, no query and no output.
     */
    private void attend(int l, int token, boolean[] queried) {
        AttentionLayer layer = attention[l];
        AttentionCache[] layerCaches = caches[l];
        if (layerCaches.length == 0) {
            return;
        }
        PositionHead[] layerPositionHeads = positionHeads[l];
        boolean[] residentLayer = resident[l];
        long[] placedLayer = placed[l];
        long[] result = results[l];
        long[] names = held[l];
        double[] p = projections[l];
        double[] out = headOutputs[l];
        layer.project(x, p, nonZero);
        int[] base = layer.base;
        int[] valueBase = layer.valueBase;
        double[][] layerMemos = memos[l];
        for (int h = 0; h < layerCaches.length; h++) {
            int b = base[h];
            int v = valueBase[h];
            AttentionCache cache = layerCaches[h];
            long known = names[h];
            long r;
            boolean asked = queried == null || queried[h];
            if (cache != null) {
                double[] memo = layerMemos[h];
                if (memo == null) {
                    cache.add(p[b + 2], p[b + 3], p, v);
                    if (!asked) {
                        continue;
                    }
                    r = cache.query(p[b], p[b + 1], out, v, known);
                } else {
                    // shares the cache of an earlier head, which added this position's key and value
                    if (!asked) {
                        continue;
                    }
                    r = cache.query(p[b], p[b + 1], out, v, known, memo);
                }
            } else {
                PositionHead head = layerPositionHeads[h];
                head.add(p[b + 2], p[b + 3], p, v, token, tokens, layer.valueReadsNothing(h, nonZero));
                if (!asked) {
                    continue;
                }
                r = head.query(p[b], p[b + 1], out, v, tokens, known);
            }
            result[h] = r;
            if (residentLayer[h]) {
                long was = placedLayer[h];
                if (r != was || r == AttentionCache.UNNAMED) {
                    place(l, h, r, was, known, out);
                    placedLayer[h] = r;
                }
                // else x holds this answer's sums already: nothing to hold or add
                continue;
            }
            if (r >= -1 && (r < 0 || r != known)) {
                hold(l, h, r, out);
                names[h] = r;
            }
            add(l, h, r);
        }
    }

    /**
     * Adds head h's sums for its result {@code r} to x (a token table's, or the held ones) and
     * their rows to the non-zero slots (every sum is non-zero; a slot that sums to 0.0 stays in
     * the set, which costs a visit, no result).
     */
    private void add(int l, int h, long r) {
        double[] x = this.x;
        long[] nonZero = this.nonZero;
        if (r < -1) {
            TokenValues table = attention[l].tables[h];
            int id = PositionHead.tableId(r);
            addSums(table.contributionRow, table.contributionValue, table.contributionStart(id),
                    table.contributionEnd(id), x);
            mark(table.markWord, table.markBits, table.markStart(id), table.markEnd(id), nonZero);
        } else {
            int first = attention[l].headSegments[h];
            addSums(heldRow[l], heldSum[l], first, first + heldCount[l][h], x);
            mark(heldWord[l], heldBits[l], first, first + heldMarks[l][h], nonZero);
        }
    }

    /** x[rows[k]] += values[k] for k in [from, to). */
    private static void addSums(int[] rows, double[] values, int from, int to, double[] x) {
        for (int k = from; k < to; k++) {
            x[rows[k]] += values[k];
        }
    }

    /** Sets the bits of the pairs [from, to) in {@code nonZero}. */
    private static void mark(int[] words, long[] bits, int from, int to, long[] nonZero) {
        for (int k = from; k < to; k++) {
            nonZero[words[k]] |= bits[k];
        }
    }

    /**
     * Replaces resident head h's sums in x, those of the result {@code was} (none for
     * {@link #NOT_PLACED}: its rows hold 0.0), by those of its result {@code r}; {@code known}
     * is the name whose sums it held before this step's query. The head is its rows' only
     * writer, so they hold exactly the old sums: those rows are zeroed and taken out of the
     * non-zero set, then the new sums are written over them (0.0 + sum is sum) and their rows
     * join the set. The rows of a name or an unnamed output are the held ones; the held sums
     * are replaced (and named) when {@code r} is neither a table value nor {@code known}, as
     * {@link #hold} would, except that a resident head's held rows are not kept as (word, bits)
     * pairs: it marks them row by row (it has few).
     */
    private void place(int l, int h, long r, long was, long known, double[] out) {
        double[] x = this.x;
        long[] nonZero = this.nonZero;
        AttentionLayer layer = attention[l];
        int first = layer.headSegments[h];
        int[] rows = heldRow[l];
        double[] values = heldSum[l];
        if (was >= -1) {
            for (int k = first, end = first + heldCount[l][h]; k < end; k++) {
                int row = rows[k];
                x[row] = 0.0;
                nonZero[row >>> 6] &= ~(1L << row);
            }
        } else if (was != NOT_PLACED) {
            TokenValues table = layer.tables[h];
            int id = PositionHead.tableId(was);
            int[] tableRows = table.contributionRow;
            for (int k = table.contributionStart(id), end = table.contributionEnd(id); k < end; k++) {
                int row = tableRows[k];
                x[row] = 0.0;
                nonZero[row >>> 6] &= ~(1L << row);
            }
        }
        if (r < -1) {
            TokenValues table = layer.tables[h];
            int id = PositionHead.tableId(r);
            int[] tableRows = table.contributionRow;
            double[] tableValues = table.contributionValue;
            for (int k = table.contributionStart(id), end = table.contributionEnd(id); k < end; k++) {
                int row = tableRows[k];
                x[row] = tableValues[k];
                nonZero[row >>> 6] |= 1L << row;
            }
        } else if (r < 0 || r != known) {
            OutputMemo memo = memo(l, h);
            int e = memo == null ? -1 : memo.find(r);
            if (e >= 0) {
                // sums known for this name (the query wrote no vector to out)
                memo.copy(e, rows, values, first);
                int n = first + memo.count(e);
                for (int k = first; k < n; k++) {
                    int row = rows[k];
                    x[row] = values[k];
                    nonZero[row >>> 6] |= 1L << row;
                }
                heldCount[l][h] = n - first;
                held[l][h] = r;
                return;
            }
            // the output rows' sums, the non-zero ones held (and written)
            double[] s = sums[l];
            layer.segmentSums(h, out, s);
            int[] segmentRow = layer.segmentRow;
            int n = first;
            for (int seg = first, end = layer.headSegments[h + 1]; seg < end; seg++) {
                double sum = s[seg];
                if (sum != 0) {
                    int row = segmentRow[seg];
                    rows[n] = row;
                    values[n++] = sum;
                    x[row] = sum;
                    nonZero[row >>> 6] |= 1L << row;
                }
            }
            heldCount[l][h] = n - first;
            held[l][h] = r;
            if (memo != null) {
                memo.put(r, rows, values, first, n);
            }
        } else {
            for (int k = first, end = first + heldCount[l][h]; k < end; k++) {
                int row = rows[k];
                x[row] = values[k];
                nonZero[row >>> 6] |= 1L << row;
            }
        }
    }

    /**
     * Computes head h's output sums for its answer {@code r} from {@code out} (or takes them
     * from its memo, where the query wrote no vector) and holds the non-zero ones.
     */
    private void hold(int l, int h, long r, double[] out) {
        AttentionLayer layer = attention[l];
        int[] rows = heldRow[l];
        double[] values = heldSum[l];
        int first = layer.headSegments[h];
        OutputMemo memo = r >= 0 ? memo(l, h) : null;
        int e = memo == null ? -1 : memo.find(r);
        int n = first;
        if (e >= 0) {
            memo.copy(e, rows, values, first);
            n += memo.count(e);
        } else {
            double[] s = sums[l];
            layer.segmentSums(h, out, s);
            int[] segmentRow = layer.segmentRow;
            for (int seg = first, end = layer.headSegments[h + 1]; seg < end; seg++) {
                double sum = s[seg];
                if (sum != 0) {
                    rows[n] = segmentRow[seg];
                    values[n++] = sum;
                }
            }
            if (memo != null) {
                memo.put(r, rows, values, first, n);
            }
        }
        heldCount[l][h] = n - first;
        heldMarks[l][h] = TokenValues.marks(rows, first, n, heldWord[l], heldBits[l], first);
    }

    /** The output memo of head h of layer l: a position head's without a table, else null. */
    private OutputMemo memo(int l, int h) {
        PositionHead head = positionHeads[l][h];
        return head == null ? null : head.memo;
    }

    @Override
    void keyAndValue(int l, int h, double[] out) {
        double[] p = projections[l];
        int source = attention[l].sharedWith[h];   // a sharer's key and value are its leader's
        int b = attention[l].base[source];
        out[0] = p[b + 2];
        out[1] = p[b + 3];
        TokenValues table = attention[l].tables[h];
        if (table != null) {
            table.copyValue(lastToken, out, 2);
        } else {
            System.arraycopy(p, attention[l].valueBase[source], out, 2, attention[l].heads[h].valueWidth());
        }
    }

    /** How often the FFN layers' gate filters were built so far (for tests). */
    int gateFilterBuilds() {
        int builds = 0;
        for (GateFilter filter : filters) {
            builds += filter == null ? 0 : filter.builds;
        }
        return builds;
    }

    /** The units the gate filters' last builds rule out with a rounding margin ({@link GateFilter#ROW}; for tests). */
    int gateFilterRowUnits() {
        int units = 0;
        for (GateFilter filter : filters) {
            if (filter != null && filter.unitKind != null) {
                for (byte kind : filter.unitKind) {
                    units += kind == GateFilter.ROW ? 1 : 0;
                }
            }
        }
        return units;
    }

    /** Steps at which the family arg-max fell back to scanning every row (for tests). */
    long plainArgMaxSteps() {
        return families.plainScans;
    }

    /** Per layer: {steps, steps with the gate filter}, {0, 0} for a layer without filter. */
    long[][] gateFilterUse() {
        long[][] use = new long[filters.length][2];
        for (int l = 0; l < filters.length; l++) {
            if (filters[l] != null) {
                use[l][0] = filters[l].steps();
                use[l][1] = filters[l].filteredSteps;
            }
        }
        return use;
    }
}
