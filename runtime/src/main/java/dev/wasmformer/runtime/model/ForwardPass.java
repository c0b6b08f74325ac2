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
     * Appends {@code token} at position {@code p} for a prompt: every head's cache gets the key
     * and value that {@link #step} would give it, bit for bit; the next token is not chosen,
     * and the residual afterwards is undefined (a pass may skip what no key or value reads).
     */
    abstract void append(int token, long p);

    /**
     * Writes the key (2 doubles), then the value, that head {@code h} of layer {@code l} got at
     * the last position into {@code out} (for tests).
     */
    abstract void keyAndValue(int l, int h, double[] out);
}
