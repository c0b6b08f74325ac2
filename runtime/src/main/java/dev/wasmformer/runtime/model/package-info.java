/**
 * The generic transformer of the "hard-attention-reglu-v1" architecture: {@link
 * dev.wasmformer.runtime.model.Model} (immutable weights, shared between threads) and {@link
 * dev.wasmformer.runtime.model.Decoder} (one run's state).
 *
 * <p>Invariants:
 * <ul>
 *   <li>Nothing here knows what the model computes: no token, slot or head has a meaning
 *       beyond the bundle's shape (the three position feature slots aside).</li>
 *   <li>The forward pass at position p: x = embedding row + (1, p, p*p) in the feature slots;
 *       per layer, every head reads the x entering the layer (its key and value are cached
 *       before its query attends over positions 0..p), then all head outputs are added, then
 *       the ReGLU FFN adds its output; the next token is the first arg-max of the logits.</li>
 *   <li>Every matrix is held in compressed sparse row form with zeros dropped, so dense and
 *       sparse bundles of the same weights compute the same doubles in the same order.
 *       Weights must be finite.</li>
 *   <li>{@link dev.wasmformer.runtime.model.AttentionKind#NAIVE} and
 *       {@link dev.wasmformer.runtime.model.AttentionKind#HULL} decoders produce identical
 *       residuals and tokens (given the attention package's integer-value precondition). A
 *       head's kernel under HULL is chosen once, at load, from the weights alone, and each
 *       special kernel verifies at run time that the keys are what the choice assumed.</li>
 *   <li>A step allocates nothing, apart from the amortised doubling of cache arrays.</li>
 * </ul>
 */
package dev.wasmformer.runtime.model;
