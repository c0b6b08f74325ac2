package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.attention.AttentionCache;
import dev.wasmformer.runtime.attention.HeapBytes;
import java.util.Arrays;

/**
 * The forward pass computed as the definitions say, with naive caches: every matrix product
 * row by row, every logit. The reference the fast pass is tested against.
 */
final class ReferencePass extends ForwardPass {
    private final HeadWeights[][] heads;       // [layer][head]
    private final FfnWeights[] ffns;           // [layer], null for none
    private final AttentionCache[][] caches;   // [layer][head]
    private final double[][][] headValues;     // [layer][head][d_value]
    private final double[][][] headOutputs;    // [layer][head][d_value]
    private final double[][][] headKeys;       // [layer][head][2]
    private final double[] hidden;             // ffn width
    private final double[] query = new double[2];

    ReferencePass(Model model) {
        super(model);
        int layerCount = model.layers.size();
        heads = new HeadWeights[layerCount][];
        ffns = new FfnWeights[layerCount];
        caches = new AttentionCache[layerCount][];
        headValues = new double[layerCount][][];
        headOutputs = new double[layerCount][][];
        headKeys = new double[layerCount][][];
        for (int l = 0; l < layerCount; l++) {
            LayerWeights layer = model.layers.get(l);
            heads[l] = layer.heads().toArray(new HeadWeights[0]);
            ffns[l] = layer.ffn();
            caches[l] = new AttentionCache[heads[l].length];
            headValues[l] = new double[heads[l].length][];
            headOutputs[l] = new double[heads[l].length][];
            headKeys[l] = new double[heads[l].length][2];
            for (int h = 0; h < heads[l].length; h++) {
                HeadWeights head = heads[l][h];
                caches[l][h] = AttentionCache.naive(head.mode(), head.valueWidth());
                headValues[l][h] = new double[head.valueWidth()];
                headOutputs[l][h] = new double[head.valueWidth()];
            }
        }
        hidden = new double[model.ffnWidth()];
    }

    /** A deep copy of {@code o}: its naive caches and the last position's keys and values. */
    private ReferencePass(ReferencePass o) {
        super(o);
        heads = o.heads;
        ffns = o.ffns;
        int layerCount = heads.length;
        caches = new AttentionCache[layerCount][];
        headValues = new double[layerCount][][];
        headOutputs = new double[layerCount][][];
        headKeys = new double[layerCount][][];
        for (int l = 0; l < layerCount; l++) {
            caches[l] = new AttentionCache[heads[l].length];
            headValues[l] = new double[heads[l].length][];
            headOutputs[l] = new double[heads[l].length][];
            headKeys[l] = new double[heads[l].length][];
            for (int h = 0; h < heads[l].length; h++) {
                caches[l][h] = o.caches[l][h].copy();
                headValues[l][h] = o.headValues[l][h].clone();
                headOutputs[l][h] = o.headOutputs[l][h].clone();
                headKeys[l][h] = o.headKeys[l][h].clone();
            }
        }
        hidden = new double[o.hidden.length];
    }

    @Override
    ReferencePass copy(long positions, boolean kept) {
        return new ReferencePass(this);
    }

    @Override
    long retainedBytes() {
        long bytes = HeapBytes.of(x, headValues, headOutputs, headKeys, hidden, query);
        for (AttentionCache[] layer : caches) {
            for (AttentionCache cache : layer) {
                bytes += cache.retainedBytes();
            }
        }
        return bytes;
    }

    @Override
    int step(int token, long p) {
        forward(token, p);
        return FamilyArgMax.plainArgMax(model.unembedding, x);
    }

    /** The definition's append: the whole pass, then no unembedding. */
    @Override
    void append(int token, long p) {
        forward(token, p);
    }

    private void forward(int token, long p) {
        Arrays.fill(x, 0.0);
        model.embedding.copyRowInto(token, x);
        double pd = p;
        x[model.slotOne()] += 1;
        x[model.slotPosition()] += pd;
        x[model.slotPositionSquared()] += pd * pd;
        for (int l = 0; l < heads.length; l++) {
            attend(l);
            FfnWeights ffn = ffns[l];
            if (ffn != null) {
                feedForward(ffn);
            }
        }
    }

    /** Every head reads the residual entering the layer; their outputs are added after. */
    private void attend(int l) {
        HeadWeights[] layerHeads = heads[l];
        for (int h = 0; h < layerHeads.length; h++) {
            HeadWeights head = layerHeads[h];
            head.query().multiply(x, query);
            double[] key = headKeys[l][h];
            head.key().multiply(x, key);
            head.value().multiply(x, headValues[l][h]);
            AttentionCache cache = caches[l][h];
            cache.add(key[0], key[1], headValues[l][h]);
            cache.query(query[0], query[1], headOutputs[l][h]);
        }
        for (int h = 0; h < layerHeads.length; h++) {
            layerHeads[h].output().multiplyAdd(headOutputs[l][h], x);
        }
    }

    @Override
    void keyAndValue(int l, int h, double[] out) {
        out[0] = headKeys[l][h][0];
        out[1] = headKeys[l][h][1];
        System.arraycopy(headValues[l][h], 0, out, 2, headValues[l][h].length);
    }

    /** x += output * (relu(gate * x) (.) (value * x)). */
    private void feedForward(FfnWeights ffn) {
        CsrMatrix gate = ffn.gate();
        CsrMatrix value = ffn.value();
        for (int i = 0; i < gate.rows; i++) {
            double g = gate.dot(i, x);
            hidden[i] = g > 0 ? g * value.dot(i, x) : 0.0;
        }
        ffn.output().multiplyAdd(hidden, x);
    }
}
