package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.attention.QuadraticKey;
import dev.wasmformer.runtime.format.Weights;
import dev.wasmformer.runtime.state.StateFormatException;
import dev.wasmformer.runtime.state.StateReader;
import dev.wasmformer.runtime.state.StateWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The byte form of a kept hull decoder ({@link Decoder.Kept}), as a bundle stores the state
 * after a program's fixed prompt prefix, and the fingerprint that ties such bytes to a model
 * and to the choices this runtime makes for it. A state is only ever read for the model and
 * runtime whose fingerprint it carries; {@link #read} still checks its whole structure.
 */
public final class KeptStates {
    /**
     * The layout of the state bytes. Raise it whenever a field is added to, removed from or
     * reordered in what the caches and the pass write, or when what a field means changes.
     */
    public static final int FORMAT = 5;

    private KeptStates() {}

    /** The kept decoder's state as bytes; {@code kept} must come from a hull decoder. */
    public static byte[] write(Decoder.Kept kept) {
        StateWriter out = new StateWriter();
        kept.writeState(out);
        return out.toByteArray();
    }

    /**
     * The kept hull decoder of {@code model} that {@code bytes} hold.
     *
     * @throws StateFormatException if the bytes are not such a state for this model's structure
     */
    public static Decoder.Kept read(Model model, ByteBuffer bytes) throws StateFormatException {
        StateReader in = new StateReader(bytes);
        Decoder.Kept kept;
        try {
            kept = Decoder.Kept.readState(model, in);
        } catch (RuntimeException e) {
            // an inconsistency the checks did not name (an arithmetic overflow, a bad size)
            throw new StateFormatException("inconsistent state: " + e);
        }
        in.end();
        return kept;
    }

    /**
     * SHA-256 over {@link #FORMAT}, the model's {@code weights} message (as serialized) and what
     * this runtime chose for the model at load that a state depends on: each head's kernel,
     * mode, value width, position key and token table, the prompt plan (the layers an appended
     * token runs, the heads it queries, the FFNs it runs) and the FFN layers' filters.
     */
    public static byte[] fingerprint(Model model, Weights weights) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putInt(FORMAT).putInt(model.dModel()).putInt(model.vocabSize()).putInt(model.attentionLayers.length);
        digest.update(b.flip());
        digest.update(weights.toByteString().asReadOnlyByteBuffer());
        for (int l = 0; l < model.attentionLayers.length; l++) {
            AttentionLayer layer = model.attentionLayers[l];
            for (int h = 0; h < layer.heads.length; h++) {
                HeadWeights head = layer.heads[h];
                StringBuilder s = new StringBuilder()
                        .append(l).append('/').append(h).append(':').append(head.kernel()).append(',')
                        .append(head.mode()).append(',').append(head.valueWidth()).append(',')
                        .append(layer.tables[h] != null).append(',')
                        .append(model.promptPlan.queried[l][h]).append(',')
                        .append(model.residentHeads.resident[l][h]);
                QuadraticKey k = head.positionKey();
                if (k != null) {
                    s.append(',').append(k);
                }
                digest.update(s.append(';').toString().getBytes(StandardCharsets.UTF_8));
            }
            SparseFeedForward ffn = model.sparseFfns[l];
            SparseFeedForward prompt = model.promptFfns[l];
            String f = "ffn" + l + ":" + (ffn == null ? "-" : ffn.width() + "," + ffn.small + "," + ffn.groups.groupCount)
                    + "/" + (prompt == null ? "-" : prompt == ffn ? "=" : prompt.width() + "," + prompt.small + ","
                    + prompt.groups.groupCount) + ";";
            digest.update(f.getBytes(StandardCharsets.UTF_8));
        }
        digest.update(("plan:" + model.promptPlan.layers).getBytes(StandardCharsets.UTF_8));
        return digest.digest();
    }
}
