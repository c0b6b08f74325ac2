package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.attention.AttentionCache;

/**
 * The forward pass with the kernels chosen at load: per-head caches by key kind, the sparse
 * feed-forward layers and the family arg-max. Tracks which residual slots may be non-zero, so
 * that clearing the residual and the sparse kernels touch only those. Computes the same
 * residual, bit for bit, as {@link ReferencePass}, and the same next token.
 */
final class FastPass extends ForwardPass {
    private final AttentionLayer[] attention;  // [layer]
    private final SparseFeedForward[] ffns;    // [layer], null for none
    private final AttentionCache[][] caches;   // [layer][head], null for a position head
    private final PositionHead[][] positionHeads;  // [layer][head], null for a cache
    private final int[][] tableIds;            // [layer][head]: see AttentionLayer.addOutputs
    private final boolean keepTokens;          // some head reads values through its token
    private int[] tokens = new int[1024];      // the token at every position, if keepTokens
    private final double[][] projections;      // [layer]: queries, keys and values, head after head
    private final double[][] headOutputs;      // [layer]: head outputs, at the values' indexes
    private final long[] nonZero;              // slots of x that may be non-zero
    private final long[] embeddingWrites;      // the feature slots
    private final SparseFeedForward.Scratch scratch;
    private final FamilyArgMax.Scratch families;
    private final GateFilter[] filters;        // [layer], null for none

    FastPass(Model model) {
        super(model);
        int layerCount = model.layers.size();
        attention = model.attentionLayers;
        ffns = model.sparseFfns;
        caches = new AttentionCache[layerCount][];
        positionHeads = new PositionHead[layerCount][];
        tableIds = new int[layerCount][];
        projections = new double[layerCount][];
        headOutputs = new double[layerCount][];
        boolean anyTable = false;
        for (int l = 0; l < layerCount; l++) {
            AttentionLayer layer = attention[l];
            HeadWeights[] heads = layer.heads;
            caches[l] = new AttentionCache[heads.length];
            positionHeads[l] = new PositionHead[heads.length];
            tableIds[l] = new int[heads.length];
            for (int h = 0; h < heads.length; h++) {
                HeadWeights head = heads[h];
                if (head.kernel() == HeadKernel.POSITION_KEY) {
                    positionHeads[l][h] = new PositionHead(head, layer.tables[h]);
                    anyTable |= layer.tables[h] != null;
                } else {
                    caches[l][h] = cache(head);
                }
            }
            projections[l] = new double[layer.bufferSize];
            headOutputs[l] = new double[layer.bufferSize];
        }
        keepTokens = anyTable;
        nonZero = Bits.words(model.dModel());
        embeddingWrites = Bits.words(model.dModel());
        Bits.set(embeddingWrites, model.slotOne());
        Bits.set(embeddingWrites, model.slotPosition());
        Bits.set(embeddingWrites, model.slotPositionSquared());
        filters = new GateFilter[layerCount];
        int maxGroups = 0;
        for (int l = 0; l < layerCount; l++) {
            if (ffns[l] != null) {
                filters[l] = ffns[l].small ? null : new GateFilter(ffns[l]);
                maxGroups = Math.max(maxGroups, ffns[l].groups.groupCount);
            }
        }
        families = model.familyArgMax.newScratch();
        scratch = new SparseFeedForward.Scratch(model.ffnWidth(), maxGroups, model.dModel());
    }

    private static AttentionCache cache(HeadWeights head) {
        return head.kernel() == HeadKernel.CONSTANT_KEY
                ? AttentionCache.constantKey(head.mode(), head.valueWidth())
                : AttentionCache.hull(head.mode(), head.valueWidth());
    }

    @Override
    int step(int token, long p) {
        forward(token, p);
        return model.familyArgMax.argMax(x, nonZero, families);
    }

    @Override
    void append(int token, long p) {
        forward(token, p);
    }

    private void forward(int token, long p) {
        if (p == AttentionLayer.GENERATE_AT) {
            for (AttentionLayer layer : attention) {
                layer.compile();
            }
        }
        if (keepTokens) {
            if (p >= tokens.length) {
                tokens = java.util.Arrays.copyOf(tokens, Math.toIntExact(Math.max(p + 1, 2L * tokens.length)));
            }
            tokens[(int) p] = token;
        }
        double[] x = this.x;
        long[] nonZero = this.nonZero;
        for (int w = 0; w < nonZero.length; w++) {
            for (long b = nonZero[w]; b != 0; b &= b - 1) {
                x[(w << 6) + Long.numberOfTrailingZeros(b)] = 0.0;
            }
            nonZero[w] = embeddingWrites[w];
        }
        CsrMatrix embedding = model.embedding;
        embedding.copyRowInto(token, x);
        for (int i = 0, n = embedding.rowLength(token); i < n; i++) {
            Bits.set(nonZero, embedding.column(token, i));
        }
        double pd = p;
        x[model.slotOne()] += 1;
        x[model.slotPosition()] += pd;
        x[model.slotPositionSquared()] += pd * pd;
        for (int l = 0; l < attention.length; l++) {
            attend(l, token);
            SparseFeedForward ffn = ffns[l];
            if (ffn != null) {
                ffn.apply(x, nonZero, scratch, filters[l]);
            }
        }
    }

    /** Every head reads the residual entering the layer; their outputs are added after. */
    private void attend(int l, int token) {
        AttentionLayer layer = attention[l];
        AttentionCache[] layerCaches = caches[l];
        if (layerCaches.length == 0) {
            return;
        }
        PositionHead[] layerPositionHeads = positionHeads[l];
        int[] ids = tableIds[l];
        double[] p = projections[l];
        double[] out = headOutputs[l];
        layer.project(x, p);
        int[] base = layer.base;
        int[] valueBase = layer.valueBase;
        for (int h = 0; h < layerCaches.length; h++) {
            int b = base[h];
            int v = valueBase[h];
            AttentionCache cache = layerCaches[h];
            if (cache != null) {
                cache.add(p[b + 2], p[b + 3], p, v);
                cache.query(p[b], p[b + 1], out, v);
                ids[h] = PositionHead.WROTE_OUTPUT;
            } else {
                PositionHead head = layerPositionHeads[h];
                head.add(p[b + 2], p[b + 3], p, v, token, tokens);
                ids[h] = head.query(p[b], p[b + 1], out, v, tokens);
            }
        }
        layer.addOutputs(out, ids, x);
        // Only the written slots that hold a non-zero value join the set: wide heads write
        // many slots that are mostly zero, and every later layer would visit them.
        double[] x = this.x;
        for (int r : layer.writtenRows) {
            if (x[r] != 0) {
                nonZero[r >>> 6] |= 1L << r;
            }
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
