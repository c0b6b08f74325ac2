package dev.wasmformer.runtime.model;

/** A ReGLU feed-forward layer: gate and value width x d_model, output d_model x width. */
record FfnWeights(CsrMatrix gate, CsrMatrix value, CsrMatrix output) {

    int width() {
        return gate.rows;
    }
}
