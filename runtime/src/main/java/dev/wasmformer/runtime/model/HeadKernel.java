package dev.wasmformer.runtime.model;

/** The cache a head gets under {@link AttentionKind#HULL}, chosen from its weights at load. */
enum HeadKernel {
    /** The key reads only slots that hold the same value at every position. */
    CONSTANT_KEY,
    /** The key reads the position features and constant slots, with integer weights. */
    POSITION_KEY,
    /** Any other key. */
    HULL
}
