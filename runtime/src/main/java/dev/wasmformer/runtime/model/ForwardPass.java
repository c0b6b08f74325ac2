package dev.wasmformer.runtime.model;

/** One run's forward pass: appends a token at the next position, returns the next token. */
abstract class ForwardPass {
    final Model model;
    final double[] x;                          // d_model: the residual stream

    ForwardPass(Model model) {
        this.model = model;
        this.x = new double[model.dModel()];
    }

    /** A pass of the same model in the state {@code other} is in (its residual copied). */
    ForwardPass(ForwardPass other) {
        this.model = other.model;
        this.x = other.x.clone();
    }

    /**
     * An independent copy of this pass: every later step and append of the copy computes what
     * this pass's would, bit for bit, and neither changes the other. Copying only reads this
     * pass, so several threads may copy a pass that nobody steps. The copy's arrays are
     * trimmed to what the pass holds after {@code positions} positions (its tokens, its caches'
     * contents); they grow again as the copy goes on. A {@code kept} copy is only copied again,
     * never stepped, and may leave out what that copy rebuilds ({@link
     * dev.wasmformer.runtime.attention.AttentionCache#keptCopy}).
     */
    abstract ForwardPass copy(long positions, boolean kept);

    /**
     * The heap this pass's own arrays take, in bytes ({@link
     * dev.wasmformer.runtime.attention.HeapBytes}): its caches and per-run state, not the
     * model's parts it shares.
     */
    abstract long retainedBytes();

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
