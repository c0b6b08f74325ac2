/**
 * The generic transformer of the "hard-attention-reglu-v1" architecture: {@link
 * dev.wasmformer.runtime.model.Model} (immutable weights and the kernels chosen from them,
 * shared between threads) and {@link dev.wasmformer.runtime.model.Decoder} (one run's state).
 *
 * <p>Invariants:
 * <ul>
 *   <li>Nothing here knows what the model computes: no token, slot or head has a meaning
 *       beyond the bundle's shape (the three position feature slots aside). Every special
 *       kernel is chosen from the weights at load, or from values seen during the run, and
 *       each computes what the reference computes.</li>
 *   <li>The forward pass at position p: x = embedding row + (1, p, p*p) in the feature slots;
 *       per layer, every head reads the x entering the layer (its key and value are cached
 *       before its query attends over positions 0..p), then all head outputs are added, then
 *       the ReGLU FFN adds its output; the next token is the first arg-max of the logits.</li>
 *   <li>Every matrix is held in compressed sparse row form with zeros dropped, so dense and
 *       sparse bundles of the same weights compute the same doubles in the same order.
 *       Weights must be finite.</li>
 *   <li>{@link dev.wasmformer.runtime.model.AttentionKind#NAIVE} runs {@code ReferencePass}:
 *       the definitions row by row with naive caches. {@link
 *       dev.wasmformer.runtime.model.AttentionKind#HULL} runs {@code FastPass}, whose residual
 *       is bit for bit the reference's at every step (the sparse kernels add the same terms
 *       in the same order and skip only exact zeros, or decide on exact integers, and check
 *       each precondition on the weights or values where they use it, falling back to the
 *       plain computation when it fails), so both produce identical tokens for any bundle.
 *       A step of the fast pass allocates nothing, apart from the amortised doubling of
 *       arrays and the occasional rebuild of a layer's gate filter. Between two steps it keeps
 *       in x the sums of heads whose output rows are theirs alone and read by nothing earlier
 *       in a step ({@code ResidentHeads}, proven from the weights at load): those rows then
 *       hold exactly what a cleared residual plus the head's sums would.</li>
 *   <li>An <em>appended</em> prompt token ({@code Decoder.append}) matters only through the
 *       keys and values it leaves in the caches, which are bit for bit the ones a step leaves;
 *       its residual is not defined. The reference appends by its whole pass; the fast pass
 *       follows the {@code PromptPlan} made from the weights at load, which keeps exactly the
 *       heads' keys and values and, backwards, what they read: it runs no layer past the last
 *       one with heads, no query whose output no kept work reads, and of each FFN only the
 *       units whose outputs are read (as a smaller FFN of those units, which computes the same
 *       doubles in the slots read). So every generated token, and every step's residual,
 *       is the same whether the prompt was appended or stepped.</li>
 *   <li>Work done off the calling thread (the model's feed-forward layers and arg-max
 *       families while it builds its attention layers; the heads' generated code once its
 *       first hull run has its first token) builds objects that depend only on the weights, and a run uses the
 *       loops until the generated code, which computes the same doubles, is there: no result
 *       depends on which thread finishes first.</li>
 *   <li>{@code Decoder.copy} is deep: the copy shares only the model's parts with its original
 *       (weights, kernels, plans, token tables), so each goes on alone and the copy returns the
 *       tokens and residuals the original would. Copying only reads the original. Scratch that
 *       holds nothing between steps (the FFN's and the arg-max's) is fresh in a copy. A copy's
 *       arrays are trimmed to their contents and grow again as it goes on. {@code Decoder.keep}
 *       gives a state that is only ever copied (never stepped), which also leaves out what a copy
 *       can rebuild (the hull caches' key indexes).</li>
 *   <li>The residual never holds -0.0 (every slot is a sum that started at +0.0), which is why
 *       adding a zero term may be skipped.</li>
 * </ul>
 * See docs/attention.md and docs/benchmarks.md for the kernels and their figures.
 */
package dev.wasmformer.runtime.model;
