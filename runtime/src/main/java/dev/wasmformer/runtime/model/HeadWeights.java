package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.attention.AttentionMode;
import dev.wasmformer.runtime.attention.QuadraticKey;

/**
 * One attention head: query and key 2 x d_model, value d_value x d_model, output
 * d_model x d_value; the kernel chosen for it, for {@link HeadKernel#POSITION_KEY} its key
 * as a polynomial of the position (else null), and whether its value at a position is a
 * function of that position's token alone (see {@link KernelSelection#tokenValued}).
 */
record HeadWeights(String name, AttentionMode mode, CsrMatrix query, CsrMatrix key,
                   CsrMatrix value, CsrMatrix output, HeadKernel kernel,
                   QuadraticKey positionKey, boolean tokenValued) {

    int valueWidth() {
        return value.rows;
    }
}
