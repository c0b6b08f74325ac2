package dev.wasmformer.runtime.attention;

import dev.wasmformer.runtime.state.StateFormatException;
import dev.wasmformer.runtime.state.StateReader;
import dev.wasmformer.runtime.state.StateWriter;

/**
 * The maximal positions of a head whose key is a known integer quadratic of the position:
 * the score of position j is the real quadratic {@code s(j) = A + B j + C j^2} with
 * {@code B = q . (x1, y1)} and {@code C = q . (x2, y2)}, so the maximum over 0..p needs no
 * scan.
 *
 * <p>Fast path (strictly concave scores, the usual lookup): the guess j = round(-B / 2C) is
 * the unique maximum exactly when s(j) - s(j-1) = q . k(2j - 1) &gt; 0 and
 * s(j+1) - s(j) = q . k(2j + 1) &lt; 0, where k(m) = (x1 + x2 m, y1 + y2 m) is an integer
 * vector; each sign is read off a two-product dot whose rounding error is bounded, and only
 * a sign within the bound sends the query to the general path. General path: if C &gt; 0 the
 * maxima are among the ends; if C = 0 they are an end or every position; if C &lt; 0 the first
 * maximiser is the first j with s(j) &gt;= s(j+1), found from the guess and verified (binary
 * search when rounding spoiled the guess), and at most one neighbour ties with it. When the
 * concave vertex lies beyond an end, one certain step at that end proves it the unique maximum
 * (the steps of a concave quadratic decrease), with no search. Every
 * decision of the general path uses {@link Exact#compareScores} on the keys themselves, the
 * polynomial evaluated exactly.
 *
 * <p>A fast-path answer j proven with a fall after it ({@code s(j+1) < s(j)}, C &lt; 0) stays
 * the unique maximum as positions are added (every later step falls too), so the selector
 * remembers it and answers the same query again from it while j &lt;= last (a fetch repeats
 * its query over the tokens of an instruction). So a selector belongs to one run.
 */
public final class PositionSelector {
    /** Coefficients up to this magnitude keep the fast path's integer vectors exact. */
    private static final double SMALL = 0x1p20;
    private static final double U = 0x1p-53;

    private final QuadraticKey key;
    private final long limit;
    private final boolean small;
    // Whether the score is, up to a constant, (-y2) (2 qx j - qy j^2) with -y2 > 0: the key is a
    // lookup key (x0 + x1 j, y0 + y2 j^2) with x1 = -2 y2 (see select's first shortcut).
    private final boolean parabola;
    // The key's coefficients of j and j^2, copied out of the record: the fast path reads them
    // at every query, and fields of this object save fetching one more object.
    private final double x1;
    private final double x2;
    private final double y1;
    private final double y2;
    // The last query whose answer stays the unique maximum for every later last (see above).
    private double stableQx = Double.NaN;
    private double stableQy = Double.NaN;
    private long stableJ = -1;

    public PositionSelector(QuadraticKey key) {
        this.key = key;
        this.limit = key.limit();
        this.x1 = key.x1();
        this.x2 = key.x2();
        this.y1 = key.y1();
        this.y2 = key.y2();
        this.small = Math.abs(key.x1()) <= SMALL && Math.abs(key.x2()) <= SMALL
                && Math.abs(key.y1()) <= SMALL && Math.abs(key.y2()) <= SMALL;
        this.parabola = parabola(key);
    }

    /** Whether the key is (x0 + x1 j, y0 + y2 j^2) with y2 &lt; 0 and x1 = -2 y2 (exact: integers below 2^52). */
    static boolean parabola(QuadraticKey key) {
        return key.x2() == 0 && key.y1() == 0 && key.y2() < 0 && key.x1() == -2 * key.y2();
    }

    private PositionSelector(PositionSelector other) {
        key = other.key;
        limit = other.limit;
        small = other.small;
        parabola = other.parabola;
        x1 = other.x1;
        x2 = other.x2;
        y1 = other.y1;
        y2 = other.y2;
        stableQx = other.stableQx;
        stableQy = other.stableQy;
        stableJ = other.stableJ;
    }

    /** Writes the fields a copy takes from this selector beyond its key's. */
    public void writeState(StateWriter out) {
        out.writeDouble(stableQx);
        out.writeDouble(stableQy);
        out.writeLong(stableJ);
    }

    /** Takes the state {@link #writeState} wrote (this selector must be new, for the same key). */
    public void readState(StateReader in) throws StateFormatException {
        stableQx = in.readDouble();
        stableQy = in.readDouble();
        stableJ = in.readLong(-1, Long.MAX_VALUE, "selector's stable position");
    }

    /** An independent copy: the same answers to every later query (only reads this one). */
    public PositionSelector copy() {
        return new PositionSelector(this);
    }

    public QuadraticKey key() {
        return key;
    }

    /** The last position whose key the polynomial gives exactly (see {@link QuadraticKey#limit()}). */
    public long limit() {
        return limit;
    }

    /**
     * The positions with the maximal score among 0..last (last &lt;= {@link #limit()}): writes
     * them to {@code out} in increasing order and returns how many (1 or 2), or returns -1
     * when all positions tie.
     */
    public int select(double qx, double qy, long last, long[] out) {
        // The common case first, in a method short enough for the JIT to inline.
        if (parabola && qy == 1.0) {
            long m = (long) qx;
            if (m == qx) {
                out[0] = m <= 0 ? 0 : Math.min(m, last);
                return 1;
            }
        }
        return selectOther(qx, qy, last, out);
    }

    /** {@link #select} past its first case. */
    private int selectOther(double qx, double qy, long last, long[] out) {
        Exact.requireFinite(qx, qy, "query");
        if (last == 0) {
            out[0] = 0;
            return 1;
        }
        if (qx == 0 && qy == 0) {
            return -1;   // every score is exactly 0 (an idle head's query): all positions tie
        }
        if (qx == stableQx && qy == stableQy && stableJ <= last) {
            out[0] = stableJ;   // -0.0 and 0.0 give the same real scores
            return 1;
        }
        if (small) {
            double cx = qx * x2;
            double cy = qy * y2;
            double c = cx + cy;
            double b = qx * x1 + qy * y1;
            double guess = Math.rint(-b / (2 * c));
            // C < 0 for certain, else an end could be a local maximum but not the global one.
            boolean concave = c < -(4 * U * (Math.abs(cx) + Math.abs(cy)) + Double.MIN_NORMAL);
            if (concave && guess >= 0 && guess <= last && guess < 0x1p31) {
                double m = 2 * guess;
                if ((guess == 0 || rises(qx, qy, m - 1)) && (guess == last || falls(qx, qy, m + 1))) {
                    out[0] = (long) guess;
                    if (guess < last) {
                        remember(qx, qy, (long) guess);
                    }
                    return 1;
                }
            } else if (concave && last < 0x1p31) {
                // The vertex lies outside 0..last (e.g. a fetch that looks ahead of the prompt
                // seen so far). The steps s(j) - s(j-1) of a concave quadratic decrease with j,
                // so one certain step decides: a rise into `last` means every earlier step rises
                // too (the unique maximum is last), a fall out of 0 that every later one falls.
                if (guess > last && rises(qx, qy, 2.0 * last - 1)) {
                    out[0] = last;
                    return 1;
                }
                if (guess < 0 && falls(qx, qy, 1)) {
                    out[0] = 0;
                    remember(qx, qy, 0);
                    return 1;
                }
            }
        }
        return general(qx, qy, last, out);
    }

    private void remember(double qx, double qy, long j) {
        stableQx = qx;
        stableQy = qy;
        stableJ = j;
    }

    /** Whether q . k(m) is certainly positive (s rises from (m-1)/2 to (m+1)/2). */
    private boolean rises(double qx, double qy, double m) {
        double a = x1 + x2 * m;
        double b = y1 + y2 * m;
        double p1 = qx * a;
        double p2 = qy * b;
        return p1 + p2 > 4 * U * (Math.abs(p1) + Math.abs(p2)) + Double.MIN_NORMAL;
    }

    /** Whether q . k(m) is certainly negative. */
    private boolean falls(double qx, double qy, double m) {
        double a = x1 + x2 * m;
        double b = y1 + y2 * m;
        double p1 = qx * a;
        double p2 = qy * b;
        return p1 + p2 < -(4 * U * (Math.abs(p1) + Math.abs(p2)) + Double.MIN_NORMAL);
    }

    private int general(double qx, double qy, long p, long[] out) {
        int curvature = Exact.compareScores(qx, qy, key.x2(), key.y2(), 0, 0);
        if (curvature > 0) {
            int ends = compare(qx, qy, 0, p);
            return emit(ends >= 0 ? 0 : p, ends == 0 ? p : -1, out);
        }
        if (curvature == 0) {
            int slope = compare(qx, qy, 1, 0);
            if (slope == 0) {
                return -1;
            }
            return emit(slope > 0 ? p : 0, -1, out);
        }
        long j = firstMaximiser(qx, qy, p);
        boolean tie = j < p && compare(qx, qy, j + 1, j) == 0;
        return emit(j, tie ? j + 1 : -1, out);
    }

    private static int emit(long a, long b, long[] out) {
        out[0] = a;
        if (b < 0) {
            return 1;
        }
        out[1] = b;
        return 2;
    }

    /** Concave case: the first j in 0..p with s(j) >= s(j+1). */
    private long firstMaximiser(double qx, double qy, long p) {
        // The real maximiser is v = -B / 2C; s(j) >= s(j+1) exactly when j >= v - 1/2.
        double b = qx * key.x1() + qy * key.y1();
        double c = qx * key.x2() + qy * key.y2();
        double guess = Math.ceil(-b / (2 * c) - 0.5);
        long g;
        if (guess >= p) {
            g = p;
        } else if (guess > 0) {
            g = (long) guess;
        } else {
            g = 0;   // also for NaN, when rounding made c zero
        }
        long lo;
        long hi;
        if (!notIncreasing(qx, qy, g, p)) {
            lo = g + 1;
            hi = p;
        } else if (g == 0 || !notIncreasing(qx, qy, g - 1, p)) {
            return g;
        } else {
            lo = 0;
            hi = g - 1;
        }
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (notIncreasing(qx, qy, mid, p)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private boolean notIncreasing(double qx, double qy, long j, long p) {
        return j == p || compare(qx, qy, j, j + 1) >= 0;
    }

    private int compare(double qx, double qy, long a, long b) {
        return Exact.compareScores(qx, qy, key.x(a), key.y(a), key.x(b), key.y(b));
    }
}
