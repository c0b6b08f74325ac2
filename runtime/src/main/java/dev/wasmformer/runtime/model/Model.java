package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.attention.AttentionMode;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.ModelShape;
import dev.wasmformer.runtime.format.UnpackedMatrices;
import dev.wasmformer.runtime.format.Weights;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loaded transformer of the "hard-attention-reglu-v1" architecture: immutable, shared
 * between threads; each run decodes with its own {@link Decoder}.
 */
public final class Model {
    /** The architecture contract this runtime implements. */
    public static final String ARCHITECTURE = "hard-attention-reglu-v1";

    private final int dModel;
    private final int vocabSize;
    private final int slotOne;
    private final int slotPosition;
    private final int slotPositionSquared;
    private final int headCount;
    private final int ffnWidth;
    final CsrMatrix embedding;         // vocab x d_model
    final List<LayerWeights> layers;
    final CsrMatrix unembedding;       // vocab x d_model
    final SparseFeedForward[] sparseFfns;   // [layer], null for none
    final PromptPlan promptPlan;            // what an appended prompt token computes
    final ResidentHeads residentHeads;      // heads whose sums may stay in x between steps
    private final long positionLimit;       // see positionLimit(): computed once, read by every run
    final SparseFeedForward[] promptFfns;   // [layer]: promptPlan's FFNs, sparseFfns' where the same
    final AttentionLayer[] attentionLayers; // [layer]
    final FamilyArgMax familyArgMax;
    private final AtomicBoolean codeRequested = new AtomicBoolean();

    /**
     * The model of these weights; {@code families} is the unembedding's {@link #families} task,
     * which the reader starts as soon as it has the unembedding.
     */
    Model(int dModel, int vocabSize, int slotOne, int slotPosition, int slotPositionSquared,
          CsrMatrix embedding, List<LayerWeights> layers, CsrMatrix unembedding, int headCount,
          int ffnWidth, FutureTask<FamilyArgMax> families) {
        this.dModel = dModel;
        this.vocabSize = vocabSize;
        this.slotOne = slotOne;
        this.slotPosition = slotPosition;
        this.slotPositionSquared = slotPositionSquared;
        this.embedding = embedding;
        this.layers = layers;
        this.unembedding = unembedding;
        this.headCount = headCount;
        this.ffnWidth = ffnWidth;
        // The feed-forward layers are built on a second thread (and the arg-max families on a
        // third, since the reader read the unembedding) while this one builds the attention
        // layers, then the prompt plan (it usually finishes first): each object depends only on
        // its weights, so the model is the same whichever finishes first. A task no thread has
        // taken yet runs here when it is needed.
        SparseFeedForward[] ffns = new SparseFeedForward[layers.size()];
        // Every step's position is below the position limit (runs stop there): the filters
        // start the position's range at [0, limit] (a bound they check at every step anyway).
        long limit = positionLimit(layers);
        double positionBound = limit <= (1L << 52) ? limit : 0;
        long work = 0;
        for (LayerWeights layer : layers) {
            work += layer.ffn() == null ? 0 : layer.ffn().gate().nonZeros() + layer.ffn().output().nonZeros();
        }
        FutureTask<SparseFeedForward[]> ffnTask = new FutureTask<>(new Callable<SparseFeedForward[]>() {
            @Override
            public SparseFeedForward[] call() {
                for (int l = 0; l < layers.size(); l++) {
                    FfnWeights ffn = layers.get(l).ffn();
                    ffns[l] = ffn == null ? null
                            : new SparseFeedForward(ffn, dModel, slotOne, slotPosition, positionBound);
                }
                return ffns;
            }
        });
        if (work >= PARALLEL_WORK) {
            start(ffnTask, "wasmformer-load-ffn");
        }
        this.attentionLayers = new AttentionLayer[layers.size()];
        TokenValues.Cache tokenTables = new TokenValues.Cache(embedding, slotOne);
        for (int l = 0; l < layers.size(); l++) {
            attentionLayers[l] = new AttentionLayer(layers.get(l).heads(), tokenTables);
        }
        this.promptPlan = PromptPlan.of(layers, dModel);
        this.residentHeads = ResidentHeads.of(layers, embedding, dModel, slotOne, slotPosition, slotPositionSquared);
        this.positionLimit = limit;
        SparseFeedForward[] promptFfns = new SparseFeedForward[layers.size()];
        for (int l = 0; l < layers.size(); l++) {
            FfnWeights kept = promptPlan.ffns[l];
            if (kept != null && kept != layers.get(l).ffn()) {
                promptFfns[l] = new SparseFeedForward(kept, dModel, slotOne, slotPosition, positionBound);
            }
        }
        ffnTask.run();   // does nothing if a thread has it
        this.sparseFfns = join(ffnTask);   // written inside the task: the future orders them
        for (int l = 0; l < layers.size(); l++) {
            if (promptPlan.ffns[l] != null && promptPlan.ffns[l] == layers.get(l).ffn()) {
                promptFfns[l] = sparseFfns[l];
            }
        }
        this.promptFfns = promptFfns;
        families.run();
        this.familyArgMax = join(families);
    }

    /** Below this many weights a task costs more on a thread of its own than inline. */
    private static final long PARALLEL_WORK = 10_000;

    /**
     * The arg-max families of {@code unembedding}, started on a thread of their own when large
     * enough; the model's constructor joins them (running them itself if no thread has).
     */
    static FutureTask<FamilyArgMax> families(CsrMatrix unembedding) {
        FutureTask<FamilyArgMax> task = new FutureTask<>(new Callable<FamilyArgMax>() {
            @Override
            public FamilyArgMax call() {
                return FamilyArgMax.of(unembedding);
            }
        });
        if (unembedding.nonZeros() >= PARALLEL_WORK) {
            start(task, "wasmformer-load-families");
        }
        return task;
    }

    private static void start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        try {
            thread.start();
        } catch (OutOfMemoryError | SecurityException noThread) {
            // The task runs on the constructing thread instead.
        }
    }

    private static <T> T join(FutureTask<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;   // the result is needed; finish and restore the flag
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    if (e.getCause() instanceof Error err) throw err;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Builds the model of a bundle, checking every shape against the architecture.
     *
     * @throws IllegalArgumentException if the bundle's model is not a valid model of
     *     {@value #ARCHITECTURE} (the message says what is wrong and where)
     */
    public static Model from(Bundle bundle) {
        return ModelReader.read(Objects.requireNonNull(bundle, "bundle"));
    }

    /**
     * Builds a model from its shape and weights (a bundle's own, or one of its named models).
     *
     * @throws IllegalArgumentException as {@link #from(Bundle)}
     */
    public static Model from(ModelShape shape, Weights weights) {
        return from(shape, weights, null);
    }

    /**
     * As {@link #from(Bundle)}, taking the entries of packed matrices that the bundle's
     * validation left in {@code unpacked} (may be null) instead of decoding them again.
     */
    public static Model from(Bundle bundle, UnpackedMatrices unpacked) {
        Objects.requireNonNull(bundle, "bundle");
        return from(bundle.getShape(), bundle.getWeights(), unpacked);
    }

    /**
     * As {@link #from(ModelShape, Weights)}, taking the entries of packed matrices that the
     * bundle's validation left in {@code unpacked} (may be null) instead of decoding them again.
     */
    public static Model from(ModelShape shape, Weights weights, UnpackedMatrices unpacked) {
        return ModelReader.read(Objects.requireNonNull(shape, "shape"),
                Objects.requireNonNull(weights, "weights"), unpacked);
    }

    /**
     * Starts a decoding run at position 0 with the given attention caches. A hull run starts
     * generating the heads' code in the background once its first token is out (see {@link
     * Decoder}), unless {@link #generateCode} made it already.
     */
    public Decoder newDecoder(AttentionKind kind) {
        Objects.requireNonNull(kind, "kind");
        return new Decoder(this, kind);
    }

    /**
     * Generates the heads' straight-line code now, on this thread (waiting for a generation
     * already under way): for callers about to start runs on every core, where a background
     * generation would compete with them. Thread-safe; later calls return at once.
     */
    public void generateCode() {
        codeRequested.set(true);
        AttentionLayer.compileAll(attentionLayers);
    }

    /**
     * Starts generating the heads' straight-line code on a daemon thread, once per model: the
     * first run goes on with the loops (which compute the same doubles) instead of waiting, and
     * switches when the code is there. A run that reaches {@link AttentionLayer#GENERATE_AT}
     * first generates what is left itself.
     */
    void generateCodeInBackground() {
        if (codeRequested.getAndSet(true)) {
            return;
        }
        Thread generator = new Thread(new Runnable() {
            @Override
            public void run() {
                AttentionLayer.compileAll(attentionLayers);
            }
        }, "wasmformer-codegen");
        generator.setDaemon(true);
        try {
            generator.start();
        } catch (OutOfMemoryError | SecurityException noThread) {
            // Runs generate it themselves at GENERATE_AT.
        }
    }

    /** Width of the residual stream. */
    public int dModel() {
        return dModel;
    }

    public int layerCount() {
        return layers.size();
    }

    public int vocabSize() {
        return vocabSize;
    }

    /** Attention heads over all layers. */
    public int headCount() {
        return headCount;
    }

    /** Number of heads of one layer. */
    public int headCount(int layer) {
        return layers.get(layer).heads().size();
    }

    /** The widest FFN hidden layer. */
    public int ffnWidth() {
        return ffnWidth;
    }

    /** The residual slot that holds 1 at every position. */
    public int slotOne() {
        return slotOne;
    }

    /** The residual slot that holds the position p. */
    public int slotPosition() {
        return slotPosition;
    }

    /** The residual slot that holds p * p. */
    public int slotPositionSquared() {
        return slotPositionSquared;
    }

    /**
     * An estimate of the heap a run keeps per position (prompt and generated tokens alike), in
     * bytes, not counting the slack of arrays that grow by doubling: for {@link
     * AttentionKind#NAIVE}, every head's key and value; for {@link AttentionKind#HULL}, the token
     * (when a token-valued position head reads it), per other position-key head an index entry
     * and 16 bytes for its value vectors ({@link PositionValues} stores a vector only when it
     * changes, packed: the interpreter's heads keep 0.02 to 10.5 bytes per token on the example
     * programs, so this is an estimate, not a bound), and every position's key and value of an
     * AVERAGE hull head. A LATEST hull head keeps one entry per distinct key, not per position.
     */
    public long bytesPerPosition(AttentionKind kind) {
        long bytes = 0;
        boolean tokens = false;
        for (LayerWeights layer : layers) {
            for (HeadWeights head : layer.heads()) {
                long width = head.valueWidth();
                if (kind == AttentionKind.NAIVE) {
                    bytes += 8 * (2 + width);
                } else if (head.kernel() == HeadKernel.POSITION_KEY) {
                    tokens |= head.tokenValued();
                    bytes += head.tokenValued() ? 0 : 4 + Math.min(8 * width, 16);
                } else if (head.kernel() == HeadKernel.HULL && head.mode() == AttentionMode.AVERAGE) {
                    bytes += 8 * (2 + width);
                }
            }
        }
        return bytes + (tokens ? 4 : 0);
    }

    /**
     * How many positions (prompt and generated tokens) a run may have: those at which the
     * decoder's evaluation of every position-keyed head's key is proven exact ({@link
     * dev.wasmformer.runtime.attention.QuadraticKey#limit()}: every partial sum stays an integer
     * below 2^52; for the interpreter's keys, whose second component is {@code -p^2}, positions
     * 0 to 2^26 = 67,108,864). Past them nothing proves that a lookup by position finds the
     * position the model was built to find, and the hull cache would have to keep one entry per
     * position for each such head (about 100 bytes a position per head): runs stop there.
     * {@link Long#MAX_VALUE} when the model has no such head.
     */
    public long positionLimit() {
        return positionLimit;
    }

    private static long positionLimit(List<LayerWeights> layers) {
        long limit = Long.MAX_VALUE;
        for (LayerWeights layer : layers) {
            for (HeadWeights head : layer.heads()) {
                if (head.kernel() == HeadKernel.POSITION_KEY) {
                    limit = Math.min(limit, head.positionKey().limit() + 1);
                }
            }
        }
        return limit;
    }

    /** The kernel a head gets under {@link AttentionKind#HULL}. */
    HeadKernel kernel(int layer, int head) {
        return layers.get(layer).heads().get(head).kernel();
    }
}
