package dev.wasmformer.runtime.model;

/** Which attention caches a {@link Decoder} uses; both give identical traces. */
public enum AttentionKind {
    /**
     * Per head, the fastest exact kernel its weights allow: constant key, position-only key,
     * or the convex-hull cache.
     */
    HULL,
    /** The reference: every head keeps all keys and scans them, O(n) per token. */
    NAIVE
}
