package dev.wasmformer.runtime.attention;

import dev.wasmformer.runtime.state.StateFormatException;
import dev.wasmformer.runtime.state.StateReader;
import dev.wasmformer.runtime.state.StateWriter;

/**
 * The key/value cache of one hard-attention head with 2-D keys and queries, for one decoding
 * run.
 *
 * <p>Positions are numbered from 0 in the order of {@link #add}. A {@link #query} attends over
 * every position added so far: the set of positions j whose score {@code q . k_j} is maximal
 * (compared in exact real arithmetic on the doubles) and returns the mean of their values
 * ({@link AttentionMode#AVERAGE}) or the value of the largest such j
 * ({@link AttentionMode#LATEST}). Every implementation returns exactly what {@link #naive}
 * returns: the mean is the sum of the maximal positions' values in position order from 0.0,
 * divided by their count (an implementation that sums in another order does so only while
 * the values are integers whose magnitudes sum below 2^53, where every order is exact).
 *
 * <p>Keys and queries must be finite; a non-finite one throws {@link ArithmeticException} in
 * every implementation alike. Implementations are not thread-safe and allocate only when an
 * internal array grows.
 */
public sealed interface AttentionCache
        permits NaiveCache, HullCache, ConstantKeyCache, PositionKeyCache {

    /** Refuses a non-finite query, and any query on a cache that holds no position yet. */
    static void requireQuery(double queryX, double queryY, long size) {
        Exact.requireFinite(queryX, queryY, "query");
        if (size == 0) {
            throw new IllegalStateException("query on an empty attention cache");
        }
    }

    /** A new head's remembered query for {@link #swapQueryState}: none. */
    static double[] noQuery() {
        return new double[] {Double.NaN, Double.NaN, -1, -1};
    }

    /**
     * Exchanges the state a query leaves behind (for a cache that remembers its last query)
     * with {@code memo}, so that heads sharing the cache each keep their own; the default
     * keeps none.
     */
    default void swapQueryState(double[] memo) {
    }

    /**
     * {@link #query(double, double, double[], int, long)} for a head that shares this cache
     * and keeps its own last query in {@code memo}: the same as swapping the memo in, querying
     * and swapping it out again.
     */
    default long query(double queryX, double queryY, double[] out, int at, long known, double[] memo) {
        swapQueryState(memo);
        long r = query(queryX, queryY, out, at, known);
        swapQueryState(memo);
        return r;
    }

    /** Whether {@code memo}, read from a stored state, indexes only what this cache holds. */
    default boolean holdsQueryState(double[] memo) {
        return true;
    }

    /** Appends the key and a copy of the value of the next position. */
    default void add(double keyX, double keyY, double[] value) {
        add(keyX, keyY, value, 0);
    }

    /** Appends the key and a copy of the value {@code values[from .. from + width)}. */
    void add(double keyX, double keyY, double[] values, int from);

    /** Writes the head's output for query {@code q} into {@code out} (length = value width). */
    default void query(double queryX, double queryY, double[] out) {
        query(queryX, queryY, out, 0);
    }

    /** Writes the head's output for query {@code q} into {@code out[at .. at + width)}. */
    void query(double queryX, double queryY, double[] out, int at);

    /** What {@link #query(double, double, double[], int, long)} returns for an unnamed output. */
    long UNNAMED = -1;

    /**
     * Answers query {@code q} like {@link #query(double, double, double[], int)} and names the
     * output: returns an <em>identity</em> &gt;= 0 such that two queries of this cache with the
     * same identity have outputs equal bit for bit, or {@link #UNNAMED}. When the identity
     * equals {@code known}, the output is not written (the caller holds it already); pass
     * {@link #UNNAMED} to have it written always. The checks of the query come first either way.
     */
    default long query(double queryX, double queryY, double[] out, int at, long known) {
        query(queryX, queryY, out, at);
        return UNNAMED;
    }

    /**
     * An independent copy of this cache: the same positions, and the same answers to every
     * later add and query as this cache would give, bit for bit. Neither changes the other;
     * copying only reads this cache, so several threads may copy one cache nobody changes.
     */
    AttentionCache copy();

    /**
     * A copy to keep and copy again, never to add to or query: {@link #copy} of it answers as
     * {@link #copy} of this cache would, and it may leave out what that copy rebuilds (the hull
     * cache's key index), so that it takes less heap while it is kept.
     */
    default AttentionCache keptCopy() {
        return copy();
    }

    /**
     * Writes the state {@link #keptCopy} holds (the kinds a hull pass uses: the hull and the
     * constant-key caches), which {@link #readState} reads back into a kept copy.
     *
     * @throws UnsupportedOperationException for the naive and the position-key caches
     */
    default void writeState(StateWriter out) {
        writeState(out, null);
    }

    /**
     * {@link #writeState}, but with {@code memo} (see {@link #swapQueryState}) as the remembered
     * last query when not null: the state a sharer's own cache would have had. Changes nothing
     * in this cache (a kept state may be written and copied by several threads at once).
     */
    default void writeState(StateWriter out, double[] memo) {
        if (this instanceof HullCache h) {
            out.writeInt(KIND_HULL);
            h.writeOwnState(out, memo);
        } else if (this instanceof ConstantKeyCache c) {
            out.writeInt(KIND_CONSTANT_KEY);
            c.writeOwnState(out);
        } else {
            throw new UnsupportedOperationException("no stored state for " + getClass().getSimpleName());
        }
    }

    /** {@link #writeState}'s kind numbers. */
    int KIND_HULL = 1;
    int KIND_CONSTANT_KEY = 2;

    /**
     * The kept copy {@link #writeState} wrote, which must be of {@code kind} ({@link #KIND_HULL}
     * or {@link #KIND_CONSTANT_KEY}, the kernel the model chose for the head), for a head of
     * {@code mode} and values of {@code valueWidth}; only to be copied.
     */
    static AttentionCache readState(StateReader in, int kind, AttentionMode mode, int valueWidth)
            throws StateFormatException {
        int found = in.readInt();
        if (found != kind) {
            throw new StateFormatException("a cache of kind " + found + " where the model's head has kind " + kind);
        }
        return kind == KIND_HULL ? new HullCache(in, mode, valueWidth) : new ConstantKeyCache(in, mode, valueWidth);
    }

    /**
     * The heap this cache's arrays take, in bytes ({@link HeapBytes}): what a kept copy of it
     * costs.
     */
    long retainedBytes();

    /** Number of positions added. */
    long size();

    /** Width of every value vector. */
    int valueWidth();

    /** The reference: keeps every key and value and scans them all, O(n) per query. */
    static AttentionCache naive(AttentionMode mode, int valueWidth) {
        return new NaiveCache(mode, valueWidth);
    }

    /**
     * A dynamic convex hull of the keys: O(log n + t) per query (t = distinct keys tied at the
     * maximum), O(log n) amortised per insertion.
     */
    static AttentionCache hull(AttentionMode mode, int valueWidth) {
        return new HullCache(mode, valueWidth);
    }

    /**
     * For a head whose key is the same at every position: every position ties, O(1). Throws
     * {@link IllegalStateException} if a different key is ever added.
     */
    static AttentionCache constantKey(AttentionMode mode, int valueWidth) {
        return new ConstantKeyCache(mode, valueWidth);
    }

    /**
     * For a head whose key is a known integer quadratic of the position: the score is a
     * quadratic in the position, maximised in O(1) (O(log n) worst case). Past
     * {@link QuadraticKey#exactUpTo()} it turns into a hull cache. Throws
     * {@link IllegalStateException} if an added key differs from {@code key} at its position.
     */
    static AttentionCache positionKey(AttentionMode mode, int valueWidth, QuadraticKey key) {
        return new PositionKeyCache(mode, valueWidth, key);
    }
}
