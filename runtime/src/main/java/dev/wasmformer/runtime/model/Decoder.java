package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.attention.AttentionCache;
import java.util.Arrays;

/**
 * One decoding run of a {@link Model}: appends tokens one position at a time and returns the
 * model's next token. Holds the attention caches and every buffer of the forward pass, so a
 * step allocates nothing (beyond the occasional doubling of a cache array). Not thread-safe.
 */
public final class Decoder {
    private final Model model;
    private final HeadWeights[][] heads;       // [layer][head]
    private final FfnWeights[] ffns;           // [layer], null for none
    private final AttentionCache[][] caches;   // [layer][head]
    private final double[][][] headValues;     // [layer][head][d_value]
    private final double[][][] headOutputs;    // [layer][head][d_value]
    private final double[] x;                  // d_model: the residual stream
    private final double[] hidden;             // ffn width
    private final double[] query = new double[2];
    private final double[] key = new double[2];
    private long position;

    Decoder(Model model, AttentionKind kind) {
        this.model = model;
        int layerCount = model.layers.size();
        heads = new HeadWeights[layerCount][];
        ffns = new FfnWeights[layerCount];
        caches = new AttentionCache[layerCount][];
        headValues = new double[layerCount][][];
        headOutputs = new double[layerCount][][];
        for (int l = 0; l < layerCount; l++) {
            LayerWeights layer = model.layers.get(l);
            heads[l] = layer.heads().toArray(new HeadWeights[0]);
            ffns[l] = layer.ffn();
            caches[l] = new AttentionCache[heads[l].length];
            headValues[l] = new double[heads[l].length][];
            headOutputs[l] = new double[heads[l].length][];
            for (int h = 0; h < heads[l].length; h++) {
                HeadWeights head = heads[l][h];
                caches[l][h] = cache(head, kind);
                headValues[l][h] = new double[head.valueWidth()];
                headOutputs[l][h] = new double[head.valueWidth()];
            }
        }
        x = new double[model.dModel()];
        hidden = new double[model.ffnWidth()];
    }

    private static AttentionCache cache(HeadWeights head, AttentionKind kind) {
        if (kind == AttentionKind.NAIVE) {
            return AttentionCache.naive(head.mode(), head.valueWidth());
        }
        return switch (head.kernel()) {
            case CONSTANT_KEY -> AttentionCache.constantKey(head.mode(), head.valueWidth());
            case POSITION_KEY -> AttentionCache.positionKey(head.mode(), head.valueWidth(),
                    head.positionKey());
            case HULL -> AttentionCache.hull(head.mode(), head.valueWidth());
        };
    }

    /**
     * Appends {@code token} at the next position, runs the forward pass there and returns the
     * next token: the first arg-max of the logits.
     *
     * @throws IllegalArgumentException if the token is not in the vocabulary (nothing changes)
     * @throws ArithmeticException if a query or key is not finite (broken weights); the
     *     decoder is then in an undefined state and must be discarded
     */
    public int step(int token) {
        if (token < 0 || token >= model.vocabSize()) {
            throw new IllegalArgumentException(
                    "token " + token + " is outside the vocabulary of " + model.vocabSize());
        }
        embed(token, position);
        for (int l = 0; l < heads.length; l++) {
            attend(l);
            FfnWeights ffn = ffns[l];
            if (ffn != null) {
                feedForward(ffn);
            }
        }
        position++;
        return argMaxLogit();
    }

    /** x = embedding[token] + position features. */
    private void embed(int token, long p) {
        Arrays.fill(x, 0.0);
        model.embedding.copyRowInto(token, x);
        double pd = p;
        x[model.slotOne()] += 1;
        x[model.slotPosition()] += pd;
        x[model.slotPositionSquared()] += pd * pd;
    }

    /** Every head reads the residual entering the layer; their outputs are added after. */
    private void attend(int l) {
        HeadWeights[] layerHeads = heads[l];
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
    }

    /** x += output * (relu(gate * x) (.) (value * x)). */
    private void feedForward(FfnWeights ffn) {
        CsrMatrix gate = ffn.gate();
        CsrMatrix value = ffn.value();
        // Rows without gate entries keep hidden = 0 from construction: relu(0) = 0.
        for (int i : gate.nonEmptyRows()) {
            double g = gate.dot(i, x);
            hidden[i] = g > 0 ? g * value.dot(i, x) : 0.0;
        }
        ffn.output().multiplyAdd(hidden, x);
    }

    private int argMaxLogit() {
        CsrMatrix u = model.unembedding;
        int best = 0;
        double bestLogit = u.dot(0, x);
        for (int t = 1; t < u.rows; t++) {
            double logit = u.dot(t, x);
            if (logit > bestLogit) {
                best = t;
                bestLogit = logit;
            }
        }
        return best;
    }

    /** Number of tokens appended so far, which is the position the next token will take. */
    public long position() {
        return position;
    }

    /**
     * A copy of the residual stream at the end of the last step, before unembedding (for
     * tests and diagnostics).
     *
     * @throws IllegalStateException before the first step
     */
    public double[] residual() {
        if (position == 0) {
            throw new IllegalStateException("no step has run yet");
        }
        return x.clone();
    }
}
