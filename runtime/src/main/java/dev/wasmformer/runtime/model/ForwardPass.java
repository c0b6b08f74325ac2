package dev.wasmformer.runtime.model;

/** One run's forward pass: appends a token at the next position, returns the next token. */
abstract class ForwardPass {
    final Model model;
    final double[] x;                          // d_model: the residual stream

    ForwardPass(Model model) {
        this.model = model;
        this.x = new double[model.dModel()];
    }

    /** Runs the forward pass for {@code token} at position {@code p}; returns the arg-max. */
    abstract int step(int token, long p);

    /**
     * Runs the forward pass for {@code token} at position {@code p} without the unembedding:
     * the residual is the one {@link #step} leaves, the next token is not chosen.
     */
    void append(int token, long p) {
        step(token, p);
    }
}
