/**
 * Key/value caches of hard-attention heads with 2-D keys and queries, and the selector of
 * the maximal positions of a head whose key is a known polynomial of the position.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Every cache returns exactly what the naive cache returns for the same adds and
 *       queries, token for token: the same maximal set of positions (score ties between
 *       distinct keys included), the same mean (AVERAGE) or latest value (LATEST).</li>
 *   <li>Scores and orientations are decided by {@code Exact}, in exact real arithmetic on the
 *       double inputs; the only other decisions are the {@link
 *       dev.wasmformer.runtime.attention.PositionSelector}'s fast signs, each taken only when
 *       the computed value lies beyond its proven rounding error, and shortcuts confirmed by
 *       {@code Exact} afterwards (the hull cache's tangent guess).</li>
 *   <li>Means are the maximal positions' values summed in position order from 0.0, divided
 *       by their count. A kernel that sums in another order (the hull cache, entry by entry)
 *       does so only while every value is an integer and the magnitudes sum below 2^53, where
 *       every order gives the same double; otherwise it sums in position order from the
 *       head's history. So the caches agree for any values, fractional ones included.</li>
 *   <li>Keys and queries are finite; a non-finite one throws {@link java.lang.ArithmeticException}
 *       in every kernel, before any other effect of the call.</li>
 *   <li>A cache belongs to one decoding run and one thread; after warm-up it allocates only
 *       when one of its arrays doubles.</li>
 * </ul>
 * See docs/attention.md for the exactness argument and the kernel selection rules.
 */
package dev.wasmformer.runtime.attention;
