package dev.wasmformer.runtime.attention;

/** How a hard-attention head reads the values of its maximal-score positions. */
public enum AttentionMode {
    /** The mean of the values of every position with the maximal score. */
    AVERAGE,
    /** The value of the latest (largest) position with the maximal score. */
    LATEST
}
