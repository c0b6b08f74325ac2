package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.state.StateFormatException;
import dev.wasmformer.runtime.state.StateReader;
import dev.wasmformer.runtime.state.StateWriter;
import java.util.Objects;

/**
 * One decoding run of a {@link Model}: appends tokens one position at a time and returns the
 * model's next token. Holds the attention caches and every buffer of the forward pass, so a
 * step allocates nothing (beyond the occasional doubling of a cache array). Not thread-safe.
 */
public final class Decoder {
    private final Model model;
    private final ForwardPass pass;
    private long position;
    /** Whether the last token was appended (its residual is not defined). */
    private boolean appended;
    /** Whether this run may still have to start the model's code generation. */
    private boolean startsCode;

    /**
     * A prompt this long starts the model's code generation before its first token: the
     * generated code then helps the rest of a long prompt, and a short one's first token does
     * not share the cores with the generator.
     */
    static final long CODE_START = 1024;

    Decoder(Model model, AttentionKind kind) {
        this(model, kind == AttentionKind.NAIVE ? new ReferencePass(model) : new FastPass(model));
        this.startsCode = kind == AttentionKind.HULL;
    }

    Decoder(Model model, ForwardPass pass) {
        this.model = model;
        this.pass = Objects.requireNonNull(pass);
    }

    private Decoder(Decoder other, boolean kept) {
        this.model = other.model;
        this.pass = other.pass.copy(other.position, kept);
        this.position = other.position;
        this.appended = other.appended;
        this.startsCode = other.startsCode;
    }

    /**
     * An independent decoder in this one's state: every later step and append returns and
     * leaves what this decoder's would, bit for bit, and neither changes the other. Copying
     * only reads this decoder, so several threads may copy one that nobody steps any more
     * (a prompt's common prefix, appended once and kept).
     */
    public Decoder copy() {
        return new Decoder(this, false);
    }

    /**
     * This decoder's state, kept to start later runs from: {@link Kept#copy} gives a decoder as
     * {@link #copy} would now. It takes less heap than a copy (arrays trimmed, and what a copy
     * can rebuild left out), and is never stepped itself, so any thread may copy it.
     */
    public Kept keep() {
        return new Kept(new Decoder(this, true));
    }

    /** A decoder's state kept by {@link Decoder#keep}; immutable. */
    public static final class Kept {
        private final Decoder state;   // only ever copied: its caches may lack what a copy rebuilds

        private Kept(Decoder state) {
            this.state = state;
        }

        /** An independent decoder in the kept state. */
        public Decoder copy() {
            return new Decoder(state, false);
        }

        /** The heap the kept state takes, in bytes (as {@link Decoder#retainedBytes}). */
        public long retainedBytes() {
            return state.retainedBytes();
        }

        /** How many positions the kept decoder holds. */
        public long position() {
            return state.position;
        }

        /** Its model (the one {@link KeptStates#read} must be given to read it back). */
        Model model() {
            return state.model;
        }

        /** Writes the kept decoder's state (see {@link KeptStates#write}). */
        void writeState(StateWriter out) {
            if (!(state.pass instanceof FastPass fast)) {
                throw new UnsupportedOperationException("only a hull decoder's state can be written");
            }
            out.tag(TAG);
            out.writeLong(state.position);
            out.writeBoolean(state.appended);
            fast.writeState(out, state.position);
        }

        /**
         * The kept hull decoder of {@code model} whose state {@link #writeState} wrote. Its
         * copies start the model's code generation at their first step, as a new run does: this
         * process has not started it.
         */
        static Kept readState(Model model, StateReader in) throws StateFormatException {
            in.tag(TAG);
            long position = in.readLong(1, Integer.MAX_VALUE, "decoder position");
            boolean appended = in.readBoolean();
            Decoder d = new Decoder(model, new FastPass(model, in, position));
            d.position = position;
            d.appended = appended;
            d.startsCode = true;
            return new Kept(d);
        }

        private static final int TAG = 0x4F434544;   // "DECO"
    }

    /**
     * The heap this decoder's own arrays take, in bytes: its attention caches and the rest of
     * its per-run state, not the model's parts it shares (primitive arrays as a 64-bit JVM lays
     * them out; see {@link dev.wasmformer.runtime.attention.HeapBytes}). What a kept copy costs.
     */
    public long retainedBytes() {
        return pass.retainedBytes();
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
        int next = pass.step(token, position);
        position++;
        appended = false;
        if (startsCode) {
            startsCode = false;
            model.generateCodeInBackground();
        }
        return next;
    }

    /**
     * Appends a prompt token at the next position without choosing the next token (a prompt
     * token's successor is the prompt's next token). Its pass matters only through the keys
     * and values it leaves in the attention caches: those are bit for bit the ones {@link
     * #step} would leave, so every later step returns the token and leaves the residual it
     * would after stepping the prompt instead. The hull pass computes only what some key or
     * value reads (a plan made at load skips the layers after the last one with heads, and the
     * queries and FFN units whose outputs nothing kept reads), so {@link #residual} is not
     * defined after an append, and a query whose output is not read is not checked.
     *
     * @throws IllegalArgumentException as {@link #step}
     * @throws ArithmeticException as {@link #step}
     */
    public void append(int token) {
        if (token < 0 || token >= model.vocabSize()) {
            throw new IllegalArgumentException(
                    "token " + token + " is outside the vocabulary of " + model.vocabSize());
        }
        pass.append(token, position);
        position++;
        appended = true;
        // >=: a decoder read from a stored state starts past CODE_START
        if (startsCode && position >= CODE_START) {
            startsCode = false;
            model.generateCodeInBackground();
        }
    }

    /** The forward pass (for tests of the kernels it chose). */
    ForwardPass pass() {
        return pass;
    }

    /** Number of tokens appended so far, which is the position the next token will take. */
    public long position() {
        return position;
    }

    /**
     * A copy of the residual stream at the end of the last step, before unembedding (for
     * tests and diagnostics).
     *
     * @throws IllegalStateException before the first step, or when the last token was
     *     appended (an append computes only what the caches keep)
     */
    public double[] residual() {
        if (position == 0) {
            throw new IllegalStateException("no step has run yet");
        }
        if (appended) {
            throw new IllegalStateException("the last token was appended, whose residual is not computed; "
                    + "only a step's residual is defined");
        }
        return pass.x.clone();
    }
}
