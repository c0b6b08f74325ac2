package dev.wasmformer.runtime.attention;

import dev.wasmformer.runtime.state.StateFormatException;
import dev.wasmformer.runtime.state.StateReader;
import dev.wasmformer.runtime.state.StateWriter;
import java.util.Arrays;

/**
 * One monotone chain of a {@link HullCache}: the upper boundary of the hull of the keys, or,
 * when built with {@code mirrored}, the lower boundary (the upper boundary of the keys with y
 * negated; negation is exact, so every predicate is the same one).
 *
 * <p>The chain holds, in increasing x, every key that lies on the hull's boundary and is the
 * highest key of its x, <em>including</em> keys in the relative interior of an edge, since a
 * query perpendicular to that edge ties them all. Along the chain the edge slopes never
 * increase, so for a query with qy > 0 the scores rise strictly, stay flat along at most one
 * edge, then fall strictly: the maximal keys form one contiguous run, found by a descent that
 * compares each node with its successor.
 *
 * <p>Nodes are the cache's entry numbers. A treap ordered by x (random priorities from a fixed
 * seed, so runs are reproducible) gives O(log n) search, insertion and removal of a run; a
 * doubly linked list gives O(1) neighbours. A node's four links are one 16-byte record of
 * one array, not four arrays: a descent or a neighbour test reads several of them per node,
 * from one cache line (and one page) instead of several. Priorities, read only when the tree
 * changes, stay apart.
 */
final class HullChain {
    private static final int NIL = -1;

    private final HullCache keys;
    private final boolean mirrored;
    private final int flag;
    private static final int LEFT = 0;
    private static final int RIGHT = 1;
    private static final int PREV = 2;
    private static final int NEXT = 3;
    private static final int STRIDE = 4;
    private int[] nodes;
    private int[] priority;
    private int root = NIL;
    private int first = NIL;
    private long seed = 0x5DEECE66DL;

    // Results of split(): the part before and the part after the split point.
    private int splitLow;
    private int splitHigh;

    HullChain(HullCache keys, boolean mirrored, int flag, int capacity) {
        this.keys = keys;
        this.mirrored = mirrored;
        this.flag = flag;
        nodes = new int[Math.multiplyExact(capacity, STRIDE)];
        priority = new int[capacity];
    }

    /**
     * A copy of {@code other} whose keys are read from {@code keys}, a copy of other's owner,
     * with room for {@code capacity} entries (the copy's entries; at least every entry number
     * other holds).
     */
    HullChain(HullChain other, HullCache keys, int capacity) {
        this.keys = keys;
        mirrored = other.mirrored;
        flag = other.flag;
        nodes = Arrays.copyOf(other.nodes, Math.multiplyExact(capacity, STRIDE));
        priority = Arrays.copyOf(other.priority, capacity);
        root = other.root;
        first = other.first;
        seed = other.seed;
        splitLow = other.splitLow;
        splitHigh = other.splitHigh;
    }

    /** Its state as the copy constructor copies it, nodes of the first {@code entries} entries. */
    void write(StateWriter out, int entries) {
        int capacity = Math.max(1, entries);   // as a copy holds them
        out.writeInts(nodes, Math.multiplyExact(capacity, STRIDE));
        out.writeInts(priority, capacity);
        out.writeInt(root);
        out.writeInt(first);
        out.writeLong(seed);
        out.writeInt(splitLow);
        out.writeInt(splitHigh);
    }

    /**
     * The chain {@link #write} wrote for {@code entries} entries, read from {@code keys}, with
     * room for {@code capacity} entries; every link is an entry number or none.
     */
    HullChain(StateReader in, HullCache keys, boolean mirrored, int flag, int entries, int capacity)
            throws StateFormatException {
        this.keys = keys;
        this.mirrored = mirrored;
        this.flag = flag;
        int written = Math.max(1, entries);
        int[] n = in.readInts(Math.multiplyExact(written, STRIDE), false, "chain nodes");
        StateReader.within(n, entries * STRIDE, NIL, entries - 1, "chain link");
        nodes = Arrays.copyOf(n, Math.multiplyExact(capacity, STRIDE));
        priority = Arrays.copyOf(in.readInts(written, false, "chain priorities"), capacity);
        root = in.readInt(NIL, entries - 1, "chain root");
        first = in.readInt(NIL, entries - 1, "chain first");
        seed = in.readLong();
        // split's results, read only right after a split sets them
        splitLow = in.readInt(NIL, Math.max(0, entries - 1), "chain split");
        splitHigh = in.readInt(NIL, Math.max(0, entries - 1), "chain split");
    }

    /** The heap its arrays take ({@link HeapBytes}). */
    long retainedBytes() {
        return HeapBytes.of(nodes, priority);
    }

    void grow(int capacity) {
        nodes = Arrays.copyOf(nodes, Math.multiplyExact(capacity, STRIDE));
        priority = Arrays.copyOf(priority, capacity);
    }

    private int left(int e) {
        return nodes[e * STRIDE + LEFT];
    }

    private int right(int e) {
        return nodes[e * STRIDE + RIGHT];
    }

    private int prev(int e) {
        return nodes[e * STRIDE + PREV];
    }

    private int next(int e) {
        return nodes[e * STRIDE + NEXT];
    }

    private void set(int e, int field, int value) {
        nodes[e * STRIDE + field] = value;
    }

    private double x(int e) {
        return keys.keyX(e);
    }

    private double y(int e) {
        return mirrored ? -keys.keyY(e) : keys.keyY(e);
    }

    /**
     * Adds entry e (whose key equals no key of the chain) if it lies on the chain's boundary,
     * and releases the entries it pushes strictly inside. Returns whether e joined.
     */
    boolean insert(int e) {
        double ex = x(e);
        double ey = y(e);
        int floor = NIL;   // last node with x <= ex
        int ceiling = NIL; // first node with x > ex
        for (int t = root; t != NIL; ) {
            if (x(t) <= ex) {
                floor = t;
                t = right(t);
            } else {
                ceiling = t;
                t = left(t);
            }
        }
        int pred = floor;
        int succ = ceiling;
        if (floor != NIL && x(floor) == ex) {
            if (y(floor) > ey) {
                return false;               // below the highest key of its x
            }
            pred = prev(floor);             // e replaces floor, which falls below it
        } else if (pred != NIL && succ != NIL) {
            int side = Exact.orientation(x(pred), y(pred), ex, ey, x(succ), y(succ));
            if (side > 0) {
                return false;               // strictly below the edge pred-succ
            }
            if (side == 0) {
                link(e, pred, succ);        // in the edge: joins, removes nothing
                return true;
            }
        }
        // e is strictly above the old boundary: drop the neighbours strictly below the new
        // edges; a neighbour exactly on a new edge stays, and then so do all beyond it.
        while (pred != NIL && prev(pred) != NIL
                && Exact.orientation(x(prev(pred)), y(prev(pred)), x(pred), y(pred), ex, ey) > 0) {
            pred = prev(pred);
        }
        while (succ != NIL && next(succ) != NIL
                && Exact.orientation(ex, ey, x(succ), y(succ), x(next(succ)), y(next(succ))) > 0) {
            succ = next(succ);
        }
        link(e, pred, succ);
        return true;
    }

    /**
     * Makes e the only node between pred and succ (either may be NIL for a chain end),
     * releasing the nodes that were there.
     */
    private void link(int e, int pred, int succ) {
        int removed = pred == NIL ? first : next(pred);
        int low = NIL;
        int rest = root;
        if (pred != NIL) {
            split(root, x(pred), true);
            low = splitLow;
            rest = splitHigh;
        }
        int high = NIL;
        if (succ != NIL) {
            split(rest, x(succ), false);
            high = splitHigh;
        }
        while (removed != succ) {
            int n = next(removed);
            keys.release(removed, flag);
            removed = n;
        }
        set(e, LEFT, NIL);
        set(e, RIGHT, NIL);
        priority[e] = nextPriority();
        root = merge(merge(low, e), high);
        set(e, PREV, pred);
        set(e, NEXT, succ);
        if (pred != NIL) {
            set(pred, NEXT, e);
        } else {
            first = e;
        }
        if (succ != NIL) {
            set(succ, PREV, e);
        }
    }

    /**
     * Appends to {@code out} the run of nodes with the maximal score for a query with
     * {@code qy > 0}, in increasing x.
     */
    void collectMaximal(double qx, double qy, IntList out, boolean plain) {
        // First node whose successor does not score higher: the first maximal node.
        int found = NIL;
        for (int t = root; t != NIL; ) {
            int n = next(t);
            if (n != NIL && compare(qx, qy, x(t), y(t), x(n), y(n), plain) < 0) {
                t = right(t);
            } else {
                found = t;
                t = left(t);
            }
        }
        out.add(found);
        double fx = x(found);
        double fy = y(found);
        for (int n = next(found); n != NIL && compare(qx, qy, x(n), y(n), fx, fy, plain) == 0;
                n = next(n)) {
            out.add(n);
        }
    }

    /**
     * Whether node e alone has the maximal score for a query with {@code qy > 0}: it scores
     * strictly more than both neighbours, which on a chain whose scores rise, level off along
     * at most one edge and fall, makes it the unique maximum.
     */
    boolean isStrictMaximum(int e, double qx, double qy, boolean plain) {
        int p = prev(e);
        int n = next(e);
        if (plain) {
            double s = qx * x(e) + qy * y(e);
            return (p == NIL || s > qx * x(p) + qy * y(p)) && (n == NIL || s > qx * x(n) + qy * y(n));
        }
        return (p == NIL || Exact.compareScores(qx, qy, x(e), y(e), x(p), y(p)) > 0)
                && (n == NIL || Exact.compareScores(qx, qy, x(e), y(e), x(n), y(n)) > 0);
    }

    /**
     * The sign of q.a - q.b: with {@code plain} (the caller proved every product and sum of
     * the two scores an exact integer) from the doubles directly, else by {@link Exact}.
     */
    private static int compare(double qx, double qy, double ax, double ay, double bx, double by,
                               boolean plain) {
        if (plain) {
            double sa = qx * ax + qy * ay;
            double sb = qx * bx + qy * by;
            return sa < sb ? -1 : sa > sb ? 1 : 0;   // not Double.compare: -0.0 equals 0.0
        }
        return Exact.compareScores(qx, qy, ax, ay, bx, by);
    }

    /** Splits tree t into nodes with x below {@code key} (or equal, if inclusive) and the rest. */
    private void split(int t, double key, boolean inclusive) {
        if (t == NIL) {
            splitLow = NIL;
            splitHigh = NIL;
            return;
        }
        double tx = x(t);
        if (tx < key || (inclusive && tx == key)) {
            split(right(t), key, inclusive);
            set(t, RIGHT, splitLow);
            splitLow = t;
        } else {
            split(left(t), key, inclusive);
            set(t, LEFT, splitHigh);
            splitHigh = t;
        }
    }

    /** Joins trees a and b, every x of a being below every x of b. */
    private int merge(int a, int b) {
        if (a == NIL) {
            return b;
        }
        if (b == NIL) {
            return a;
        }
        if (priority[a] > priority[b]) {
            set(a, RIGHT, merge(right(a), b));
            return a;
        }
        set(b, LEFT, merge(a, left(b)));
        return b;
    }

    private int nextPriority() {
        // SplitMix64 step: deterministic, well spread.
        long z = (seed += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 31));
    }
}
