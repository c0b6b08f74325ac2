package dev.wasmformer.runtime.attention;

import dev.wasmformer.runtime.state.StateFormatException;
import dev.wasmformer.runtime.state.StateReader;
import dev.wasmformer.runtime.state.StateWriter;
import java.util.Arrays;

/**
 * The convex-hull cache: the maximal keys of any query lie on one face (vertex or edge) of the
 * convex hull of the keys, so only keys on the hull's boundary are kept.
 *
 * <p>Identical keys share one entry, holding the count and position of their latest
 * occurrence and, by mode, the sum of their values (AVERAGE) or the latest value (LATEST).
 * Every boundary key is held by at least one of four structures, and a query reads the one
 * that contains its whole face:
 * <ul>
 *   <li>qy &gt; 0: the upper chain (boundary keys that are the highest of their x);</li>
 *   <li>qy &lt; 0: the lower chain (the lowest of their x);</li>
 *   <li>qy = 0, qx &gt; 0 or &lt; 0: the keys of largest or smallest x (a vertical edge is
 *       in no chain's interior, so these columns are kept whole);</li>
 *   <li>q = 0: every position ties; running aggregates over all of them.</li>
 * </ul>
 * The hull only grows, so a key pushed strictly inside never returns: an entry is freed when
 * the last structure holding it lets it go. Insertion costs O(log n) amortised (each entry is
 * inserted and removed at most once per structure), a query O(log n + t) for t distinct tied
 * keys.
 *
 * <p>Three shortcuts leave the results unchanged: the entries of the two keys added last are
 * remembered (a head's keys often alternate between a "valid" and an "invalid" value), so a
 * repeated key needs no hash lookup; a query with qy &gt; 0 first tries the entry of the
 * key (2m, -m^2), m = qx / qy, the point where the query touches the parabola of lookup keys
 * (2a, -a^2), accepting it only if it scores strictly more than both its neighbours on the
 * upper chain, which makes it the unique maximum; and a query equal to the last one, with no
 * key joining a structure since, has the last one's maximal entry when that was one entry.
 *
 * <p>AVERAGE sums the values of a face entry by entry, which is the naive scan's sum (in
 * position order) only when the face is one entry or the order does not matter: while every
 * value is an integer and the magnitudes sum to at most 2^53, every partial sum is exact in
 * any order. An AVERAGE cache therefore also keeps every position's key and value, and answers
 * a face of several entries from them, in position order, once a value breaks that condition.
 */
final class HullCache implements AttentionCache {
    private static final int UPPER = 1;
    private static final int LOWER = 2;
    private static final int LEFT_COLUMN = 4;
    private static final int RIGHT_COLUMN = 8;

    private final AttentionMode mode;
    private final int width;

    // Entries, by number: one record of `stride` doubles each, {position of the latest
    // occurrence, count, holders (which structures hold the entry), key x, key y, then the value
    // sum (AVERAGE) or latest value (LATEST)}. One record rather than an array per field: a
    // step reads or writes most fields of one entry per head, and each array would be one
    // more page (and TLB entry) touched per head per step. Positions and counts stay far below
    // 2^53, so they are exact as doubles.
    private static final int LATEST = 0;
    private static final int COUNT = 1;
    private static final int HOLDERS = 2;
    private static final int KEY_X = 3;
    private static final int KEY_Y = 4;
    private static final int DATA = 5;
    private final int stride;
    private double[] entries;
    private int allocated;          // entries ever handed out (high-water mark)
    private int[] free = new int[16];
    private int freeCount;

    private final KeyIndex index;   // null in a kept copy (see keptCopy)
    private final HullChain upper;
    private final HullChain lower;
    private final IntList leftColumn;    // keys of the smallest x
    private final IntList rightColumn;   // keys of the largest x
    private final double[] all;     // every position: sum of values (AVERAGE); LATEST: see lastEntry
    private int lastEntry = -1;     // LATEST: the entry holding the last value, -1 if all holds it
    // The entries of the two keys added last (keys often alternate between a few values).
    // Fields, not arrays: every add reads them, and the object's own lines are the likeliest
    // to be in cache.
    private double recentX0;
    private double recentY0;
    private int recentEntry0 = -1;
    private double recentX1;
    private double recentY1;
    private int recentEntry1 = -1;
    private final IntList maximal;
    private long size;
    // AVERAGE: whether any order of summation is exact, and every position's key and value.
    private boolean exactValues = true;
    private final double[] magnitude;
    private double[] history;       // [position][x, y, value...]
    // Whether every key added so far is an integer, and the largest |x| or |y| among them.
    private boolean integralKeys = true;
    private double keyMagnitude;
    // The hull's distinct keys change only when a key joins a structure (which may push others
    // out): a query repeated since then has the same maximal keys. The last query with qy != 0
    // whose maximal keys are one entry, and the count of key changes it was answered at.
    private long keyChanges;
    // Live entries whose key could beat a tangent guess (see rivalFree): not in the state, a
    // kept copy's reader counts them again.
    private int rivals;
    private double lastQx = Double.NaN;
    private double lastQy = Double.NaN;
    private long lastQueryKeys = -1;
    private int lastQueryEntry = -1;

    HullCache(AttentionMode mode, int valueWidth) {
        this.mode = mode;
        this.width = valueWidth;
        int capacity = 16;
        stride = DATA + valueWidth;
        entries = new double[capacity * stride];
        index = new KeyIndex();
        leftColumn = new IntList();
        rightColumn = new IntList();
        maximal = new IntList();
        upper = new HullChain(this, false, UPPER, capacity);
        lower = new HullChain(this, true, LOWER, capacity);
        all = new double[valueWidth];
        magnitude = mode == AttentionMode.AVERAGE ? new double[valueWidth] : null;
        history = mode == AttentionMode.AVERAGE ? new double[16 * (2 + valueWidth)] : null;
    }

    /**
     * A copy whose arrays are trimmed to what they hold (entries and chains to the entries handed
     * out, the history to its positions, the index to the smallest table for its keys): they
     * grow again, by doubling, as the copy needs.
     */
    private HullCache(HullCache other, boolean withIndex) {
        mode = other.mode;
        width = other.width;
        stride = other.stride;
        // at least one entry, so that allocate's doubling grows it
        int capacity = Math.max(1, other.allocated);
        entries = Arrays.copyOf(other.entries, Math.multiplyExact(capacity, stride));
        allocated = other.allocated;
        free = Arrays.copyOf(other.free, Math.max(1, other.freeCount));
        freeCount = other.freeCount;
        upper = new HullChain(other.upper, this, capacity);
        lower = new HullChain(other.lower, this, capacity);
        leftColumn = new IntList(other.leftColumn);
        rightColumn = new IntList(other.rightColumn);
        all = other.all.clone();
        lastEntry = other.lastEntry;
        recentX0 = other.recentX0;
        recentY0 = other.recentY0;
        recentEntry0 = other.recentEntry0;
        recentX1 = other.recentX1;
        recentY1 = other.recentY1;
        recentEntry1 = other.recentEntry1;
        maximal = new IntList(other.maximal);
        size = other.size;
        exactValues = other.exactValues;
        magnitude = other.magnitude == null ? null : other.magnitude.clone();
        history = other.history == null ? null
                : Arrays.copyOf(other.history, Math.multiplyExact(Math.toIntExact(other.size), 2 + width));
        integralKeys = other.integralKeys;
        keyMagnitude = other.keyMagnitude;
        keyChanges = other.keyChanges;
        rivals = other.rivals;
        lastQx = other.lastQx;
        lastQy = other.lastQy;
        lastQueryKeys = other.lastQueryKeys;
        lastQueryEntry = other.lastQueryEntry;
        index = !withIndex ? null : other.index != null ? new KeyIndex(other.index) : indexOfEntries();
    }

    @Override
    public HullCache copy() {
        return new HullCache(this, true);
    }

    /**
     * Leaves out the key index, often the largest part of a cache of many distinct keys (a
     * table at most half full of 32-byte slots): a copy of the kept copy rebuilds it from the
     * entries. Lookups do not depend on where a key sits in the table.
     */
    @Override
    public HullCache keptCopy() {
        return new HullCache(this, false);
    }

    /** The section tag of a hull cache's state. */
    static final int TAG = 0x4C4C5548;   // "HULL"

    /**
     * Writes what a {@link #keptCopy} holds, in the order {@link #HullCache(StateReader,
     * AttentionMode, int)} reads it: every field the copy constructor copies but the key index,
     * which a copy rebuilds from the entries.
     */
    void writeOwnState(StateWriter out, double[] memo) {
        out.tag(TAG);
        out.writeInt(allocated);
        // arrays as a copy holds them (at least one entry or item)
        out.writeDoubles(entries, Math.multiplyExact(Math.max(1, allocated), stride));
        out.writeInt(freeCount);
        out.writeInts(free, Math.max(1, freeCount));
        upper.write(out, allocated);
        lower.write(out, allocated);
        leftColumn.write(out);
        rightColumn.write(out);
        out.writeDoubles(all);
        out.writeInt(lastEntry);
        out.writeDouble(recentX0);
        out.writeDouble(recentY0);
        out.writeInt(recentEntry0);
        out.writeDouble(recentX1);
        out.writeDouble(recentY1);
        out.writeInt(recentEntry1);
        maximal.write(out);
        out.writeLong(size);
        out.writeBoolean(exactValues);
        out.writeDoubles(magnitude);
        out.writeDoubles(history, history == null ? 0 : Math.multiplyExact(Math.toIntExact(size), 2 + width));
        out.writeBoolean(integralKeys);
        out.writeDouble(keyMagnitude);
        out.writeLong(keyChanges);
        if (memo == null) {
            out.writeDouble(lastQx);
            out.writeDouble(lastQy);
            out.writeLong(lastQueryKeys);
            out.writeInt(lastQueryEntry);
        } else {   // a sharer's own last query (see swapQueryState), as it would have stored it
            out.writeDouble(memo[0]);
            out.writeDouble(memo[1]);
            out.writeLong((long) memo[2]);
            out.writeInt((int) memo[3]);
        }
    }

    /**
     * The kept copy {@link #writeState} wrote, for a head of {@code mode} and values of {@code
     * valueWidth}: arrays of the lengths those fix, entry numbers within the entries.
     */
    HullCache(StateReader in, AttentionMode mode, int valueWidth) throws StateFormatException {
        in.tag(TAG);
        this.mode = mode;
        this.width = valueWidth;
        stride = DATA + valueWidth;
        allocated = in.readInt(0, Integer.MAX_VALUE / stride, "hull entries");
        int capacity = Math.max(1, allocated);
        entries = in.readDoubles(capacity * stride, false, "hull entry records");
        freeCount = in.readInt(0, allocated, "hull free entries");
        free = in.readInts(Math.max(1, freeCount), false, "hull free list");
        StateReader.within(free, freeCount, 0, allocated - 1, "hull free entry");
        upper = new HullChain(in, this, false, UPPER, allocated, capacity);
        lower = new HullChain(in, this, true, LOWER, allocated, capacity);
        leftColumn = new IntList(in, allocated, "hull left column");
        rightColumn = new IntList(in, allocated, "hull right column");
        all = in.readDoubles(valueWidth, false, "hull aggregate");
        lastEntry = in.readInt(-1, allocated - 1, "hull last entry");
        recentX0 = in.readDouble();
        recentY0 = in.readDouble();
        recentEntry0 = in.readInt(-1, allocated - 1, "hull recent entry");
        recentX1 = in.readDouble();
        recentY1 = in.readDouble();
        recentEntry1 = in.readInt(-1, allocated - 1, "hull recent entry");
        maximal = new IntList(in, allocated, "hull maximal entries");
        size = in.readLong(0, Integer.MAX_VALUE, "hull positions");
        exactValues = in.readBoolean();
        boolean average = mode == AttentionMode.AVERAGE;
        magnitude = in.readDoubles(valueWidth, !average, "hull magnitudes");
        history = in.readDoubles(Math.multiplyExact(Math.toIntExact(size), 2 + valueWidth), !average, "hull history");
        if (average != (magnitude != null) || average != (history != null)) {
            throw new StateFormatException("a hull cache of mode " + mode + " with"
                    + (magnitude == null ? "out" : "") + " magnitudes");
        }
        integralKeys = in.readBoolean();
        keyMagnitude = in.readDouble();
        keyChanges = in.readLong();
        lastQx = in.readDouble();
        lastQy = in.readDouble();
        lastQueryKeys = in.readLong();
        lastQueryEntry = in.readInt(-1, allocated - 1, "hull last query entry");
        index = null;   // a kept copy's: every copy of it rebuilds the index
        for (int e = 0; e < allocated; e++) {
            if (holders(e) != 0 && !rivalFree(keyX(e), keyY(e))) {
                rivals++;
            }
        }
    }

    /** The index of the entries some structure holds: exactly the keys the index held. */
    private KeyIndex indexOfEntries() {
        KeyIndex rebuilt = new KeyIndex();
        for (int e = 0; e < allocated; e++) {
            if (holders(e) != 0) {
                rebuilt.put(keyX(e), keyY(e), e);
            }
        }
        return rebuilt;
    }

    @Override
    public long retainedBytes() {
        return HeapBytes.of(entries, free, all, magnitude, history) + (index == null ? 0 : index.retainedBytes())
                + upper.retainedBytes() + lower.retainedBytes() + leftColumn.retainedBytes()
                + rightColumn.retainedBytes() + maximal.retainedBytes();
    }

    /**
     * Appends a position. The common case, a LATEST key equal to one of the two added last
     * (a head's key often alternates between two values), is this short method, which the JIT
     * inlines into the pass's loop over the heads; the rest is {@link #addKey}. The key needs
     * no check of its own there: the recent keys were finite, and a NaN equals nothing.
     */
    @Override
    public void add(double x, double y, double[] value, int from) {
        if (mode == AttentionMode.LATEST) {
            int e = recentEntry0;
            if (e < 0 || x != recentX0 || y != recentY0) {
                e = recentEntry1;
                if (e < 0 || x != recentX1 || y != recentY1) {
                    addKey(x, y, value, from);
                    return;
                }
                swapRecent();
            }
            long position = size++;
            double[] entries = this.entries;
            int base = e * stride;
            int width = this.width;
            if (width <= SHORT_VALUE) {
                for (int i = 0; i < width; i++) {
                    entries[base + DATA + i] = value[from + i];
                }
            } else {
                System.arraycopy(value, from, entries, base + DATA, width);
            }
            entries[base + COUNT] += 1;
            entries[base + LATEST] = position;
            lastEntry = e;
            return;
        }
        addKey(x, y, value, from);
    }

    /**
     * Makes the key added before the last the last one, and the last the one before (their
     * stored keys, which are the normalized ones: +0.0, never -0.0).
     */
    private void swapRecent() {
        double x = recentX1;
        double y = recentY1;
        int e = recentEntry1;
        recentX1 = recentX0;
        recentY1 = recentY0;
        recentEntry1 = recentEntry0;
        remember(x, y, e);
    }

    /** Values up to this width are copied in a loop (System.arraycopy's call costs more). */
    private static final int SHORT_VALUE = 4;

    private void addKey(double x, double y, double[] value, int from) {
        Exact.requireFinite(x, y, "key");
        x += 0.0;   // -0.0 becomes 0.0: equal reals must share an entry
        y += 0.0;
        long position = size++;
        if (mode == AttentionMode.AVERAGE) {
            record(position, x, y, value, from);
            for (int i = 0; i < width; i++) {
                all[i] += value[from + i];
            }
        }
        int e;
        if (recentEntry0 >= 0 && x == recentX0 && y == recentY0) {
            e = recentEntry0;
        } else if (recentEntry1 >= 0 && x == recentX1 && y == recentY1) {
            e = recentEntry1;
            swapRecent();
        } else {
            e = index.get(x, y);
            if (e >= 0) {
                recentX1 = recentX0;
                recentY1 = recentY0;
                recentEntry1 = recentEntry0;
                remember(x, y, e);
            }
        }
        if (e >= 0) {
            accumulate(e, value, from, position);
            lastEntry = e;
            return;
        }
        e = allocate(x, y);
        if (integralKeys) {
            if (x != Math.rint(x) || y != Math.rint(y)) {
                integralKeys = false;
            } else {
                keyMagnitude = Math.max(keyMagnitude, Math.max(Math.abs(x), Math.abs(y)));
            }
        }
        int base = e * stride;
        for (int i = 0; i < width; i++) {
            entries[base + DATA + i] = 0.0 + value[from + i];   // as the naive scan's sum starts
        }
        entries[base + COUNT] = 1;
        entries[base + LATEST] = position;
        entries[base + HOLDERS] = 0;
        int held = 0;
        if (upper.insert(e)) {
            held |= UPPER;
        }
        if (lower.insert(e)) {
            held |= LOWER;
        }
        if (position == 0) {
            leftColumn.add(e);
            rightColumn.add(e);
            held |= LEFT_COLUMN | RIGHT_COLUMN;
        } else {
            held |= extendColumn(rightColumn, RIGHT_COLUMN, e, Double.compare(x, keyX(rightColumn.get(0))));
            held |= extendColumn(leftColumn, LEFT_COLUMN, e, Double.compare(keyX(leftColumn.get(0)), x));
        }
        if (held == 0) {
            releaseEntry(e);   // strictly inside the hull: it can never be maximal
            if (mode == AttentionMode.LATEST) {
                System.arraycopy(value, from, all, 0, width);
            }
            lastEntry = -1;
        } else {
            keyChanges++;
            if (!rivalFree(x, y)) {
                rivals++;
            }
            entries[base + HOLDERS] = held;
            index.put(x, y, e);
            lastEntry = e;
            recentX1 = recentX0;
            recentY1 = recentY0;
            recentEntry1 = recentEntry0;
            remember(x, y, e);
        }
    }

    private void record(long position, double x, double y, double[] value, int from) {
        int stride = 2 + width;
        int base = Math.multiplyExact(Math.toIntExact(position), stride);
        if (base + stride > history.length) {
            history = Arrays.copyOf(history, Math.max(base + stride, 2 * history.length));
        }
        history[base] = x;
        history[base + 1] = y;
        System.arraycopy(value, from, history, base + 2, width);
        if (exactValues) {
            for (int i = 0; i < width; i++) {
                double v = value[from + i];
                magnitude[i] += Math.abs(v);
                if (v != Math.rint(v) || !(magnitude[i] <= 0x1p53)) {
                    exactValues = false;
                }
            }
        }
    }

    /** AVERAGE over the face's keys in position order, from the history. */
    private void averageInOrder(IntList face, double[] out, int at) {
        Arrays.fill(out, at, at + width, 0.0);
        int stride = 2 + width;
        long n = 0;
        for (long j = 0; j < size; j++) {
            int base = (int) j * stride;
            double x = history[base];
            double y = history[base + 1];
            for (int i = 0; i < face.size(); i++) {
                int e = face.get(i);
                if (keyX(e) == x && keyY(e) == y) {
                    for (int k = 0; k < width; k++) {
                        out[at + k] += history[base + 2 + k];
                    }
                    n++;
                    break;
                }
            }
        }
        for (int k = 0; k < width; k++) {
            out[at + k] /= n;
        }
    }

    private void remember(double x, double y, int e) {
        recentX0 = x;
        recentY0 = y;
        recentEntry0 = e;
    }

    /** Adds e to a column when its x equals or passes the column's (beyond > 0, equal == 0). */
    private int extendColumn(IntList column, int flag, int e, int beyond) {
        if (beyond < 0) {
            return 0;
        }
        if (beyond > 0) {
            for (int i = 0; i < column.size(); i++) {
                release(column.get(i), flag);
            }
            column.clear();
        }
        column.add(e);
        return flag;
    }

    private void accumulate(int e, double[] value, int from, long position) {
        double[] entries = this.entries;
        int base = e * stride;
        if (mode == AttentionMode.LATEST) {
            System.arraycopy(value, from, entries, base + DATA, width);
        } else {
            for (int i = 0; i < width; i++) {
                entries[base + DATA + i] += value[from + i];
            }
        }
        entries[base + COUNT] += 1;
        entries[base + LATEST] = position;
    }

    @Override
    public void query(double qx, double qy, double[] out, int at) {
        query(qx, qy, out, at, UNNAMED);
    }

    /**
     * LATEST names its output by the position whose value it is: an entry's value is the one
     * added at its latest position, and a position's value never changes. AVERAGE names none.
     */
    @Override
    public long query(double qx, double qy, double[] out, int at, long known) {
        if (qy != 0 && qx == lastQx && qy == lastQy && keyChanges == lastQueryKeys
                && mode == AttentionMode.LATEST) {
            // The same maximal entry as last time (see below): this short path is inlined
            // into the pass's loop. The remembered query was finite, and a NaN equals nothing;
            // one was answered, so the cache is not empty.
            int base = lastQueryEntry * stride;
            long identity = (long) entries[base + LATEST];
            if (identity != known) {
                System.arraycopy(entries, base + DATA, out, at, width);
            }
            return identity;
        }
        return answer(qx, qy, out, at, known);
    }

    /**
     * A sharer's query: its remembered query (see {@link #swapQueryState}) is compared where
     * it is; only a query that is not the remembered one swaps it in and out.
     */
    @Override
    public long query(double qx, double qy, double[] out, int at, long known, double[] memo) {
        if (qy != 0 && qx == memo[0] && qy == memo[1] && keyChanges == (long) memo[2]
                && mode == AttentionMode.LATEST) {
            int base = (int) memo[3] * stride;
            long identity = (long) entries[base + LATEST];
            if (identity != known) {
                System.arraycopy(entries, base + DATA, out, at, width);
            }
            return identity;
        }
        swapQueryState(memo);
        long r = answer(qx, qy, out, at, known);
        swapQueryState(memo);
        return r;
    }

    /** {@link #query} past its repeated-query path. */
    private long answer(double qx, double qy, double[] out, int at, long known) {
        AttentionCache.requireQuery(qx, qy, size);
        IntList face;
        if (qy != 0 && qx == lastQx && qy == lastQy && keyChanges == lastQueryKeys) {
            // The same maximal entry as last time (-0.0 and 0.0 give the same real scores).
            if (mode == AttentionMode.LATEST) {
                return latestOf(lastQueryEntry, out, at, known);
            }
            maximal.clear();
            maximal.add(lastQueryEntry);
            face = maximal;
        } else if (qy > 0) {
            maximal.clear();
            int guess = tangentEntry(qx, qy);
            if (guess >= 0 && (rivals == 0 || upper.isStrictMaximum(guess, qx, qy, plainScores(qx, qy)))) {
                maximal.add(guess);
            } else {
                upper.collectMaximal(qx, qy, maximal, plainScores(qx, qy));
            }
            face = rememberFace(qx, qy, maximal);
        } else if (qy < 0) {
            maximal.clear();
            lower.collectMaximal(qx, -qy, maximal, plainScores(qx, qy));
            face = rememberFace(qx, qy, maximal);
        } else if (qx > 0) {
            face = rightColumn;
        } else if (qx < 0) {
            face = leftColumn;
        } else {
            return readAll(out, at, known);
        }
        if (mode == AttentionMode.LATEST) {
            int best = face.get(0);
            for (int i = 1; i < face.size(); i++) {
                int e = face.get(i);
                if (entries[e * stride + LATEST] > entries[best * stride + LATEST]) {
                    best = e;
                }
            }
            return latestOf(best, out, at, known);
        }
        if (face.size() > 1 && !exactValues) {
            averageInOrder(face, out, at);
            return UNNAMED;
        }
        Arrays.fill(out, at, at + width, 0.0);
        long n = 0;
        for (int i = 0; i < face.size(); i++) {
            int base = face.get(i) * stride;
            for (int j = 0; j < width; j++) {
                out[at + j] += entries[base + DATA + j];
            }
            n += (long) entries[base + COUNT];
        }
        for (int j = 0; j < width; j++) {
            out[at + j] /= n;
        }
        return UNNAMED;
    }

    /** LATEST's output from entry e, named by the entry's latest position. */
    private long latestOf(int e, double[] out, int at, long known) {
        int base = e * stride;
        long identity = (long) entries[base + LATEST];
        if (identity != known) {
            System.arraycopy(entries, base + DATA, out, at, width);
        }
        return identity;
    }

    /**
     * Exchanges the remembered last query (see {@link #query}) with {@code memo}: {qx, qy, the
     * key changes it was answered at, its entry}. Heads that share this cache (equal keys and
     * values) each keep their own last query: a head swaps its own in before its query and
     * out after. A new head's memo is {@link AttentionCache#noQuery}.
     */
    @Override
    public void swapQueryState(double[] memo) {
        double qx = lastQx;
        double qy = lastQy;
        long keys = lastQueryKeys;
        int entry = lastQueryEntry;
        lastQx = memo[0];
        lastQy = memo[1];
        lastQueryKeys = (long) memo[2];
        lastQueryEntry = (int) memo[3];
        memo[0] = qx;
        memo[1] = qy;
        memo[2] = keys;   // a count of key changes, below 2^53: exact
        memo[3] = entry;
    }

    /** Whether {@code memo}'s entry is one this cache has handed out (or none). */
    @Override
    public boolean holdsQueryState(double[] memo) {
        return memo[3] >= -1 && memo[3] < allocated && memo[2] <= keyChanges;
    }

    /** Remembers the query's maximal entry if it is one; returns the face. */
    private IntList rememberFace(double qx, double qy, IntList face) {
        if (face.size() == 1) {
            lastQx = qx;
            lastQy = qy;
            lastQueryKeys = keyChanges;
            lastQueryEntry = face.get(0);
        } else {
            lastQueryKeys = -1;
        }
        return face;
    }

    /**
     * Whether the scores of this query against every key can be compared as computed: the
     * keys and the query are integers and (|qx| + |qy|) max|k| &lt;= 2^52, so every product
     * and sum is an integer of magnitude at most 2^52, which doubles hold exactly (the
     * factor-2 margin below 2^53 absorbs the rounding of this estimate).
     */
    private boolean plainScores(double qx, double qy) {
        return integralKeys && qx == Math.rint(qx) && qy == Math.rint(qy)
                && (Math.abs(qx) + Math.abs(qy)) * keyMagnitude <= 0x1p52;
    }

    /**
     * A guess at the maximal entry of a query (qx, qy > 0), checked by the caller: the entry
     * of the key (2m, -m^2), m = qx / qy, where the query touches the parabola of lookup keys
     * (2a, -a^2); -1 if there is none in the upper chain.
     */
    private int tangentEntry(double qx, double qy) {
        double m = qy == 1 ? qx : qx / qy;   // a lookup's qy is 1, and x / 1 is x: no division
        if (!(Math.abs(m) < 0x1p26)) {
            return -1;
        }
        double x = 2 * m + 0.0;
        double y = -(m * m) + 0.0;
        int e;
        if (recentEntry0 >= 0 && x == recentX0 && y == recentY0) {
            e = recentEntry0;    // most often the key just added (a lookup of the latest write)
        } else if (recentEntry1 >= 0 && x == recentX1 && y == recentY1) {
            e = recentEntry1;
        } else {
            e = index.get(x, y);
        }
        return e >= 0 && (holders(e) & UPPER) != 0 ? e : -1;
    }

    /**
     * Whether the key (x, y) never beats a present tangent guess: it is a lookup key (2a, -a^2)
     * with an integer |a| &lt;= 2^26 (so that the double -a^2 is exact), or lies below the
     * parabola y = -x^2/4 - 1/4 (as the interpreter's "invalid" key (0, -2^50)). While every
     * live entry's key is such a key, the guess of a query (qx, qy &gt; 0), if present, is its
     * unique maximum without a look at its neighbours. With mu = qx / qy, the score of (2a,
     * -a^2) is qy (mu^2 - (a - mu)^2); the guess n = fl(mu) is an integer within 1/2 of mu, so
     * every other integer a is further from mu and scores less, and n scores at least qy (mu^2
     * - 1/4); a key below that parabola scores qy (mu x + y) &lt; qy (mu^2 - 1/4) for every mu; and
     * a key strictly inside the hull (dropped) scores below some live key.
     *
     * <p>The second test is proven on doubles: with X = x^2, if X &lt;= 2 then y &lt;= -1 &lt; -X/4 -
     * 1/4; else fl(x * x) &gt;= X (1 - 2^-53) (an overflow fails the test), so y &lt;= -X/2 + X 2^-54,
     * below -X/4 - 1/4 for X &gt; 1 + 2^-52.
     */
    static boolean rivalFree(double x, double y) {
        double a = x * 0.5;
        return a == Math.rint(a) && Math.abs(a) <= 0x1p26 && 2 * a == x && y == -(a * a)
                || y <= -1.0 && y <= -0.5 * (x * x);
    }

    /** Number of live entries whose key could beat a tangent guess, for tests. */
    int rivalEntries() {
        return rivals;
    }

    /** Every position ties: the last value (LATEST, named by its position) or the mean. */
    private long readAll(double[] out, int at, long known) {
        if (mode == AttentionMode.LATEST) {
            long identity = size - 1;
            if (identity != known) {
                System.arraycopy(lastEntry >= 0 ? entries : all,
                        lastEntry >= 0 ? lastEntry * stride + DATA : 0, out, at, width);
            }
            return identity;
        }
        for (int i = 0; i < width; i++) {
            out[at + i] = all[i] / size;
        }
        return UNNAMED;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int valueWidth() {
        return width;
    }

    double keyX(int e) {
        return entries[e * stride + KEY_X];
    }

    double keyY(int e) {
        return entries[e * stride + KEY_Y];
    }

    private int holders(int e) {
        return (int) entries[e * stride + HOLDERS];
    }

    /** Called when structure {@code flag} lets entry e go; frees it when none holds it. */
    void release(int e, int flag) {
        int held = holders(e) & ~flag;
        entries[e * stride + HOLDERS] = held;
        if (held == 0) {
            index.remove(keyX(e), keyY(e));
            if (!rivalFree(keyX(e), keyY(e))) {
                rivals--;
            }
            releaseEntry(e);
        }
    }

    /** Number of live entries (distinct keys on the boundary), for tests. */
    int liveEntries() {
        return allocated - freeCount;
    }

    private void releaseEntry(int e) {
        if (recentEntry0 == e) {
            recentEntry0 = -1;
        }
        if (recentEntry1 == e) {
            recentEntry1 = -1;
        }
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, 2 * freeCount);
        }
        free[freeCount++] = e;
    }

    private int allocate(double x, double y) {
        int e;
        if (freeCount > 0) {
            e = free[--freeCount];
        } else {
            if (allocated * stride == entries.length) {
                int capacity = 2 * allocated;
                entries = Arrays.copyOf(entries, Math.multiplyExact(capacity, stride));
                upper.grow(capacity);
                lower.grow(capacity);
            }
            e = allocated++;
        }
        entries[e * stride + KEY_X] = x;
        entries[e * stride + KEY_Y] = y;
        return e;
    }
}
