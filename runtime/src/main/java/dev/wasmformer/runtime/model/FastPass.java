package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.attention.AttentionCache;

/**
 * The forward pass with the kernels chosen at load: per-head caches by key kind, the sparse
 * feed-forward layers and the family arg-max. Tracks which residual slots may be non-zero, so
 * that clearing the residual and the sparse kernels touch only those. Computes the same
 * residual, bit for bit, as {@link ReferencePass}, and the same next token.
 */
final class FastPass extends ForwardPass {
    private final HeadWeights[][] heads;       // [layer][head]
    private final SparseFeedForward[] ffns;    // [layer], null for none
    private final long[][] headWrites;         // [layer]: slots the layer's head outputs write
    private final AttentionCache[][] caches;   // [layer][head]
    private final double[][][] headValues;     // [layer][head][d_value]
    private final double[][][] headOutputs;    // [layer][head][d_value]
    private final long[] nonZero;              // slots of x that may be non-zero
    private final long[] embeddingWrites;      // the feature slots
    private final SparseFeedForward.Scratch scratch;
    private final GateFilter[] filters;        // [layer], null for none
    private final double[] query = new double[2];
    private final double[] key = new double[2];

    FastPass(Model model) {
        super(model);
        int layerCount = model.layers.size();
        heads = new HeadWeights[layerCount][];
        ffns = new SparseFeedForward[layerCount];
        headWrites = new long[layerCount][];
        caches = new AttentionCache[layerCount][];
        headValues = new double[layerCount][][];
        headOutputs = new double[layerCount][][];
        for (int l = 0; l < layerCount; l++) {
            heads[l] = model.layers.get(l).heads().toArray(new HeadWeights[0]);
            ffns[l] = model.sparseFfns[l];
            headWrites[l] = Bits.words(model.dModel());
            caches[l] = new AttentionCache[heads[l].length];
            headValues[l] = new double[heads[l].length][];
            headOutputs[l] = new double[heads[l].length][];
            for (int h = 0; h < heads[l].length; h++) {
                HeadWeights head = heads[l][h];
                caches[l][h] = cache(head);
                headValues[l][h] = new double[head.valueWidth()];
                headOutputs[l][h] = new double[head.valueWidth()];
                for (int r : head.output().nonEmptyRows()) {
                    Bits.set(headWrites[l], r);
                }
            }
        }
        nonZero = Bits.words(model.dModel());
        embeddingWrites = Bits.words(model.dModel());
        Bits.set(embeddingWrites, model.slotOne());
        Bits.set(embeddingWrites, model.slotPosition());
        Bits.set(embeddingWrites, model.slotPositionSquared());
        filters = new GateFilter[layerCount];
        int maxGroups = 0;
        for (int l = 0; l < layerCount; l++) {
            if (ffns[l] != null) {
                filters[l] = Boolean.getBoolean("wf.nofilter") ? null : new GateFilter(ffns[l]);
                maxGroups = Math.max(maxGroups, ffns[l].groups.groupCount);
            }
        }
        scratch = new SparseFeedForward.Scratch(model.ffnWidth(), maxGroups, model.dModel());
    }

    private static AttentionCache cache(HeadWeights head) {
        return switch (head.kernel()) {
            case CONSTANT_KEY -> AttentionCache.constantKey(head.mode(), head.valueWidth());
            case POSITION_KEY -> AttentionCache.positionKey(head.mode(), head.valueWidth(),
                    head.positionKey());
            case HULL -> AttentionCache.hull(head.mode(), head.valueWidth());
        };
    }

    @Override
    int step(int token, long p) {
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
        for (int l = 0; l < heads.length; l++) {
            attend(l);
            SparseFeedForward ffn = ffns[l];
            if (ffn != null) {
                ffn.apply(x, nonZero, scratch, filters[l]);
            }
        }
        return model.familyArgMax.argMax(x, nonZero);
    }

    /** Every head reads the residual entering the layer; their outputs are added after. */
    private void attend(int l) {
        HeadWeights[] layerHeads = heads[l];
        if (layerHeads.length == 0) {
            return;
        }
        for (int h = 0; h < layerHeads.length; h++) {
            HeadWeights head = layerHeads[h];
            head.query().multiply(x, query);
            head.key().multiply(x, key);
            head.value().multiply(x, headValues[l][h]);
            AttentionCache cache = caches[l][h];
            cache.add(key[0], key[1], headValues[l][h]);
            cache.query(query[0], query[1], headOutputs[l][h]);
        }
        for (int h = 0; h < layerHeads.length; h++) {
            layerHeads[h].output().multiplyAdd(headOutputs[l][h], x);
        }
        long[] writes = headWrites[l];
        for (int w = 0; w < writes.length; w++) {
            nonZero[w] |= writes[w];
        }
    }
}
