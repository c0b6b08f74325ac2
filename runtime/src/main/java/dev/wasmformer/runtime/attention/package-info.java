/**
 * Key/value caches of hard-attention heads with 2-D keys and queries.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Every cache returns exactly what the naive cache returns for the same adds and
 *       queries, token for token: the same maximal set of positions (score ties between
 *       distinct keys included), the same mean (AVERAGE) or latest value (LATEST).</li>
 *   <li>Scores and orientations are decided by {@code Exact}, in exact real arithmetic on the
 *       double inputs; no kernel compares scores any other way.</li>
 *   <li>Means are a sum divided by a count. Kernels sum in different orders, so they agree
 *       exactly when value components are integers whose partial sums stay below 2^53, which
 *       the compiler guarantees for every head it emits.</li>
 *   <li>Keys and queries are finite; a non-finite one throws {@link java.lang.ArithmeticException}
 *       in every kernel, before any other effect of the call.</li>
 *   <li>A cache belongs to one decoding run and one thread; after warm-up it allocates only
 *       when one of its arrays doubles.</li>
 * </ul>
 * See docs/attention.md for the exactness argument and the kernel selection rules.
 */
package dev.wasmformer.runtime.attention;
