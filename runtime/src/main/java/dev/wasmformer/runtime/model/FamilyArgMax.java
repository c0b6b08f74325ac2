package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.attention.HeapBytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arg-max of the logits {@code W_u x} without computing most of them.
 *
 * <p>At load, the rows of {@code W_u} are sorted into <em>families</em>: rows that are equal
 * except in at most two columns c1, c2. Within a family, logit(r) = F.x + a_r x[c1] + b_r x[c2]
 * with F.x shared, so the family's best row is the maximum of the 2-D points (a_r, b_r) in the
 * direction (x[c1], x[c2]): a vertex or an edge of their convex hull, found by binary search.
 * A family of one distinct point, and every row in no family, is a <em>plain row</em>, whose
 * logit is the row's dot product as the reference computes it.
 *
 * <p>Families that differ only in their shared part F (the same c1, c2 and points, each point on
 * the same row relative to the family's first row, like the byte token kinds that differ only in
 * their gate) form one <em>group</em>: a step computes each member's F.x, keeps the largest
 * (the first member, by first row, among equal ones), and bounds and searches the group's hull
 * once. All of it lives in a few flat arrays, so a step reads few cache lines.
 *
 * <p>Exactness: a group is searched only while its logits are provably exact integers: its
 * weights are integers (checked at load), the residual slots it reads hold integers (checked
 * per step), and the sum of the magnitudes of every row's terms stays below 2^50 (checked per
 * step with a bound), so each dot product, in any order, is the exact real value, and the
 * group's maximum and its upper bound are computed exactly in doubles. The group's logits are
 * then {@code F_m.x + s(p)} over members m and points p; the largest is {@code max F_m.x + max
 * s(p)}, reached exactly by the members of largest F_m.x and the points on the hull's maximal
 * face, and the smallest such row is the first such member's first row plus the smallest
 * offset on that face (the offsets are the same in every member, checked at load). A group
 * whose slots are not integers (or too large) is not searched: its upper bound is widened by a
 * margin that covers every rounding of its rows' dot products as the reference computes them
 * (see {@link #INEXACT_MARGIN}); only if that bound does not fall below the best logit found
 * are the group's rows scanned, each logit computed as the reference computes it. The result is the first index of the
 * maximal logit, as in the plain scan: ties within a group resolve to the smallest row on the
 * maximal face (precomputed per vertex and edge), ties across candidates to the smaller index.
 *
 * <p>Most steps repeat an earlier step's values in the slots the logits read (the bench's sudoku
 * run: 22 slots, 96% of a million steps answered by 256 entries). With at most {@link
 * #MEMO_MAX_SLOTS} such slots, each run keeps a direct-mapped memo from their values to the
 * arg-max. Its key is sparse (on sudoku ~20 of the 22 slots hold 0 at a step): which of them
 * hold a value other than +0.0, found from the non-zero set, and those values' raw bits. Equal
 * keys give values equal up to the sign of their zeros, and the logits, dot products summed
 * from +0.0, are then equal up to the sign of a zero, which no comparison sees: a hit is exact;
 * a miss computes the arg-max as above and takes the entry.
 */
final class FamilyArgMax {
    private static final double EXACT_BOUND = 0x1p50;
    private static final long POINT_LIMIT = 1L << 50;
    /**
     * An inexact group's bound is widened by this times its magnitude M (the largest sum of
     * |terms| of any member's shared part plus the hull's part). Every row has at most {@link
     * #MAX_TERMS} terms, so each rounded sum the reference or this class forms is within
     * {@code MAX_TERMS * 2^-53 * M <= 2^-43 M} of its real value; with M at most {@link
     * #INEXACT_LIMIT} nothing overflows, and an underflowing product or sum is off by at most
     * 2^-1074 each, which {@link #UNDERFLOW_MARGIN} covers. The margin 2^-30 M is thousands of
     * times what the roundings (the bound's own sum included) can take.
     */
    private static final double INEXACT_MARGIN = 0x1p-30;
    private static final double UNDERFLOW_MARGIN = 0x1p-1000;
    private static final double INEXACT_LIMIT = 0x1p1000;
    private static final int MAX_TERMS = 1 << 10;
    /** The memo of results: at most this many key slots, this many entries (a power of two). */
    static final int MEMO_MAX_SLOTS = 32;
    private static final int MEMO_BITS = 8;

    private final CsrMatrix unembedding;
    private final int familyCount;
    // Plain rows of one entry (their logit is one product), and the others, increasing, with
    // their entries copied in row order (the same dot product).
    private final int[] singleRows;
    private final int[] singleColumn;
    private final double[] singleWeight;
    private final int[] plainRows;
    private final int[] plainStart;
    private final int[] plainColumn;
    private final double[] plainWeight;
    // Groups: the hull's columns and extremes, and their members (by increasing first row).
    private final int[] groupC1;
    private final int[] groupC2;            // -1 if the group varies in one column
    private final double[] groupRange;      // per group: maxA, minA, maxB, minB, absA, absB
    private final boolean[] marginHolds;    // per group: every row has at most MAX_TERMS terms
    private final Chain[] upperChains;      // row offsets relative to the member's first row
    private final Chain[] lowerChains;      // of the points (a, -b)
    private final int[] maxAOffset;         // smallest offset among the points of largest a
    private final int[] minAOffset;
    private final int[] memberStart;        // groups + 1
    private final int[] memberFirstRow;
    private final boolean[] singleMembers;  // per group: no member has more than one shared column
    private final int[] memberColumn;       // per member of such a group: the column, or -1
    private final double[] memberWeight;
    private final int[] fixedStart;         // members + 1
    private final int[] fixedColumn;
    private final double[] fixedWeight;
    private final int[] rowStart;           // groups + 1: every row of the group, increasing
    private final int[] rows;
    // Every slot a logit reads, increasing: the arg-max is a function of their values alone.
    // Null if there are more than MEMO_MAX_SLOTS (no memo).
    private final int[] keySlots;
    // The words of the residual's bit sets that hold key slots, and the key slots of each.
    private final int[] keyWords;
    private final long[] keyWordSlots;

    private FamilyArgMax(CsrMatrix unembedding, List<Family> families, int[] plainRows) {
        this.unembedding = unembedding;
        this.familyCount = families.size();
        this.singleRows = Arrays.stream(plainRows).filter(r -> unembedding.rowLength(r) == 1).toArray();
        this.singleColumn = Arrays.stream(singleRows).map(r -> unembedding.column(r, 0)).toArray();
        this.singleWeight = Arrays.stream(singleRows).mapToDouble(r -> unembedding.value(r, 0)).toArray();
        plainRows = Arrays.stream(plainRows).filter(r -> unembedding.rowLength(r) != 1).toArray();
        this.plainRows = plainRows;
        this.plainStart = new int[plainRows.length + 1];
        int entries = 0;
        for (int k = 0; k < plainRows.length; k++) {
            entries += unembedding.rowLength(plainRows[k]);
            plainStart[k + 1] = entries;
        }
        this.plainColumn = new int[entries];
        this.plainWeight = new double[entries];
        for (int k = 0, e = 0; k < plainRows.length; k++) {
            for (int i = 0; i < unembedding.rowLength(plainRows[k]); i++, e++) {
                plainColumn[e] = unembedding.column(plainRows[k], i);
                plainWeight[e] = unembedding.value(plainRows[k], i);
            }
        }
        // Families into groups of twins, in the order of their first rows.
        List<Family> byFirst = new ArrayList<>(families);
        byFirst.sort((p, q) -> Integer.compare(p.firstRow, q.firstRow));
        List<List<Family>> groups = new ArrayList<>();
        for (Family f : byFirst) {
            List<Family> home = null;
            for (List<Family> g : groups) {
                if (g.get(0).twin(f)) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(f);
        }
        int n = groups.size();
        groupC1 = new int[n];
        groupC2 = new int[n];
        groupRange = new double[6 * n];
        marginHolds = new boolean[n];
        upperChains = new Chain[n];
        lowerChains = new Chain[n];
        maxAOffset = new int[n];
        minAOffset = new int[n];
        memberStart = new int[n + 1];
        memberFirstRow = new int[families.size()];
        singleMembers = new boolean[n];
        memberColumn = new int[families.size()];
        memberWeight = new double[families.size()];
        fixedStart = new int[families.size() + 1];
        int fixed = 0;
        for (Family f : families) {
            fixed += f.fixedColumn.length;
        }
        fixedColumn = new int[fixed];
        fixedWeight = new double[fixed];
        rowStart = new int[n + 1];
        int total = 0;
        for (Family f : families) {
            total += f.rows.length;
        }
        rows = new int[total];
        int m = 0;
        int e = 0;
        for (int g = 0, k = 0; g < n; g++) {
            int from = k;
            for (Family f : groups.get(g)) {
                System.arraycopy(f.rows, 0, rows, k, f.rows.length);
                k += f.rows.length;
            }
            Arrays.sort(rows, from, k);
            rowStart[g + 1] = k;
            Family first = groups.get(g).get(0);
            groupC1[g] = first.c1;
            groupC2[g] = first.c2;
            double[] range = {first.maxA, first.minA, first.maxB, first.minB, first.absA, first.absB};
            System.arraycopy(range, 0, groupRange, 6 * g, 6);
            upperChains[g] = first.upperChain.shifted(-first.firstRow);
            lowerChains[g] = first.lowerChain.shifted(-first.firstRow);
            maxAOffset[g] = first.maxARow - first.firstRow;
            minAOffset[g] = first.minARow - first.firstRow;
            boolean holds = true;
            boolean single = true;
            for (Family f : groups.get(g)) {
                memberFirstRow[m] = f.firstRow;
                single &= f.fixedColumn.length <= 1;
                memberColumn[m] = f.fixedColumn.length == 0 ? -1 : f.fixedColumn[0];
                memberWeight[m] = f.fixedColumn.length == 0 ? 0.0 : f.fixedWeight[0];
                for (int i = 0; i < f.fixedColumn.length; i++, e++) {
                    fixedColumn[e] = f.fixedColumn[i];
                    fixedWeight[e] = f.fixedWeight[i];
                }
                fixedStart[++m] = e;
                holds &= f.fixedColumn.length + 2 <= MAX_TERMS;
            }
            marginHolds[g] = holds;
            singleMembers[g] = single;
            memberStart[g + 1] = m;
        }
        BitSet read = new BitSet();
        for (int r = 0; r < unembedding.rows; r++) {
            for (int i = 0; i < unembedding.rowLength(r); i++) {
                read.set(unembedding.column(r, i));
            }
        }
        keySlots = read.cardinality() <= MEMO_MAX_SLOTS ? read.stream().toArray() : null;
        keyWords = keySlots == null ? null : Arrays.stream(keySlots).map(c -> c >>> 6).distinct().toArray();
        keyWordSlots = new long[keyWords == null ? 0 : keyWords.length];
        for (int i = 0; i < keyWordSlots.length; i++) {
            for (int c : keySlots) {
                if (c >>> 6 == keyWords[i]) {
                    keyWordSlots[i] |= 1L << c;
                }
            }
        }
    }

    /** The plain arg-max: every logit in row order, the first maximal one. */
    static int plainArgMax(CsrMatrix u, double[] x) {
        int best = 0;
        double bestLogit = u.dot(0, x);
        for (int t = 1; t < u.rows; t++) {
            double logit = u.dot(t, x);
            if (logit > bestLogit) {
                best = t;
                bestLogit = logit;
            }
        }
        return best;
    }

    /** One run's results of the groups' bounds (the groups are shared). */
    static final class Scratch {
        final double[] upper;
        final double[] fixed;       // the largest shared part F_m.x of the group
        final int[] member;         // the first member that has it
        final boolean[] inexact;    // the group's slots were not integers, or too large
        // The memo: per entry, a key (see argMax) and the arg-max (-1: empty); allocated by the
        // first step (a kept prefix state takes no steps). The step's own key is built in key.
        long[] memoKeys;
        int[] memoRows;
        long[] key;
        int bestRow;
        long plainScans;         // steps that fell back to the plain scan (for tests)
        long groupScans;         // inexact groups whose rows a step scanned (for tests)
        long memoHits;           // steps answered by the memo (for tests)

        Scratch(int groups) {
            upper = new double[groups];
            fixed = new double[groups];
            member = new int[groups];
            inexact = new boolean[groups];
        }

        /** The heap its arrays take ({@link HeapBytes}). */
        long retainedBytes() {
            return HeapBytes.of(upper, fixed, member, inexact, memoKeys, memoRows, key);
        }
    }

    Scratch newScratch() {
        return new Scratch(groupC1.length);
    }

    /**
     * The first arg-max of {@code W_u x}; {@code nonZero} holds every slot that may be non-zero
     * (the others hold 0, of either sign).
     */
    int argMax(double[] x, long[] nonZero, Scratch s) {
        // A step's slots often repeat an earlier step's (a few hundred distinct keys in a long
        // run): equal values, equal arg-max.
        int[] words = keyWords;
        if (words == null) {
            return compute(x, nonZero, s);
        }
        int stride = words.length + keySlots.length;
        if (s.memoRows == null) {
            s.memoKeys = new long[stride << MEMO_BITS];
            s.memoRows = new int[1 << MEMO_BITS];
            Arrays.fill(s.memoRows, -1);
            s.key = new long[stride];
        }
        // The key: per key word, the key slots that hold a value other than +0.0 (a slot
        // outside nonZero holds a zero), then those values' raw bits, by increasing slot. The
        // masks fix how many values follow, so equal masks and values are equal keys.
        long[] key = s.key;
        int n = words.length;
        long hash = 0;
        for (int i = 0; i < words.length; i++) {
            int w = words[i];
            long held = 0;
            for (long b = nonZero[w] & keyWordSlots[i]; b != 0; b &= b - 1) {
                long raw = Double.doubleToRawLongBits(x[(w << 6) + Long.numberOfTrailingZeros(b)]);
                if (raw != 0) {
                    held |= b & -b;
                    key[n++] = raw;
                    hash = Long.rotateLeft(hash, 7) + raw;
                }
            }
            key[i] = held;
            hash = Long.rotateLeft(hash, 7) + held;
        }
        int entry = (int) ((hash * 0x9E3779B97F4A7C15L) >>> (64 - MEMO_BITS));
        long[] keys = s.memoKeys;
        int at = entry * stride;
        long differ = 0;
        for (int i = 0; i < n; i++) {
            differ |= keys[at + i] ^ key[i];
        }
        int row = s.memoRows[entry];
        if (differ == 0 && row >= 0) {
            s.memoHits++;
            return row;
        }
        row = compute(x, nonZero, s);
        System.arraycopy(key, 0, keys, at, n);
        s.memoRows[entry] = row;
        return row;
    }

    /** {@link #argMax} without the memo. */
    private int compute(double[] x, long[] nonZero, Scratch s) {
        // Plain rows: their dot products as the reference computes them (same entries, same order).
        // A NaN logit would make the first row's logit matter in the plain scan: fall back to it.
        // Otherwise candidates may come in any order: equal logits go to the smaller row.
        int best = -1;
        double bestLogit = Double.NEGATIVE_INFINITY;
        boolean nan = false;
        for (int k = 0; k < singleRows.length; k++) {
            double logit = singleWeight[k] * x[singleColumn[k]];   // the dot product 0.0 + w x, up to the sign of 0
            nan |= logit != logit;
            if (best < 0 || logit > bestLogit) {
                best = singleRows[k];
                bestLogit = logit;
            }
        }
        for (int k = 0; k < plainRows.length; k++) {
            double logit = 0.0;
            for (int i = plainStart[k], end = plainStart[k + 1]; i < end; i++) {
                logit += plainWeight[i] * x[plainColumn[i]];
            }
            nan |= logit != logit;
            if (best < 0 || logit > bestLogit || (logit == bestLogit && plainRows[k] < best)) {
                best = plainRows[k];
                bestLogit = logit;
            }
        }
        if (nan) {
            return plainScan(x, s);
        }
        // Upper bounds first; the group with the largest is likely to hold the maximum.
        double[] upper = s.upper;
        boolean[] inexact = s.inexact;
        boolean anyInexact = false;
        int top = -1;
        for (int g = 0, groups = groupC1.length; g < groups; g++) {
            double u = x[groupC1[g]];
            int c2 = groupC2[g];
            double v = c2 < 0 ? 0.0 : x[c2];
            boolean exact = u == (double) (long) u && v == (double) (long) v;   // also NaN, infinities, |v| >= 2^63
            int r = 6 * g;
            double hullUpper = (u > 0 ? groupRange[r] * u : groupRange[r + 1] * u)
                    + (v > 0 ? groupRange[r + 2] * v : groupRange[r + 3] * v);
            double hullMagnitude = groupRange[r + 4] * Math.abs(u) + groupRange[r + 5] * Math.abs(v);
            double bestShared = Double.NEGATIVE_INFINITY;
            double sharedMagnitude = 0.0;
            int bestMember = -1;
            if (singleMembers[g]) {
                // Slots outside nonZero hold 0: such a member's shared part is 0, and exact.
                for (int m = memberStart[g], end = memberStart[g + 1]; m < end; m++) {
                    int c = memberColumn[m];
                    double shared = 0.0;
                    if (c >= 0 && (nonZero[c >>> 6] & (1L << c)) != 0) {
                        double xc = x[c];
                        shared = memberWeight[m] * xc;
                        exact &= xc == (double) (long) xc;
                        sharedMagnitude = Math.max(sharedMagnitude, Math.abs(shared));
                    }
                    if (bestMember < 0 || shared > bestShared) {
                        bestShared = shared;
                        bestMember = m;
                    }
                }
            } else for (int m = memberStart[g], end = memberStart[g + 1]; m < end; m++) {
                double shared = 0.0;
                double magnitude = 0.0;
                for (int i = fixedStart[m], last = fixedStart[m + 1]; i < last; i++) {
                    double xc = x[fixedColumn[i]];
                    double term = fixedWeight[i] * xc;
                    shared += term;
                    magnitude += Math.abs(term);
                    exact &= xc == (double) (long) xc;
                }
                sharedMagnitude = Math.max(sharedMagnitude, magnitude);
                if (bestMember < 0 || shared > bestShared) {
                    bestShared = shared;
                    bestMember = m;
                }
            }
            double magnitude = sharedMagnitude + hullMagnitude;
            s.fixed[g] = bestShared;
            s.member[g] = bestMember;
            if (exact && magnitude <= EXACT_BOUND) {
                inexact[g] = false;
                upper[g] = bestShared + hullUpper;
                if (top < 0 || upper[g] > upper[top]) {
                    top = g;
                }
            } else {
                // Math.max(NaN, ...) is NaN, and a NaN or infinite slot makes the magnitude one.
                if (!(magnitude <= INEXACT_LIMIT) || !marginHolds[g]) {
                    return plainScan(x, s);
                }
                inexact[g] = true;
                anyInexact = true;
                upper[g] = bestShared + hullUpper + (magnitude * INEXACT_MARGIN + UNDERFLOW_MARGIN);
            }
        }
        if (top >= 0 && (best < 0 || upper[top] >= bestLogit)) {
            double logit = best(top, x, s);
            if (best < 0 || logit > bestLogit || (logit == bestLogit && s.bestRow < best)) {
                best = s.bestRow;
                bestLogit = logit;
            }
        }
        for (int g = 0, groups = groupC1.length; g < groups; g++) {
            if (g != top && !inexact[g] && upper[g] >= bestLogit) {
                double logit = best(g, x, s);
                if (logit > bestLogit || (logit == bestLogit && s.bestRow < best)) {
                    best = s.bestRow;
                    bestLogit = logit;
                }
            }
        }
        if (anyInexact) {
            // Every reference logit of an inexact group is at most its widened bound: below the
            // best logit found, none of its rows can be the first maximal one. Otherwise its
            // rows are scanned as the reference computes them (finite: the magnitude is).
            for (int g = 0, groups = groupC1.length; g < groups; g++) {
                if (inexact[g] && !(upper[g] < bestLogit)) {
                    s.groupScans++;
                    for (int k = rowStart[g], end = rowStart[g + 1]; k < end; k++) {
                        int r = rows[k];
                        double logit = unembedding.dot(r, x);
                        if (best < 0 || logit > bestLogit || (logit == bestLogit && r < best)) {
                            best = r;
                            bestLogit = logit;
                        }
                    }
                }
            }
        }
        return best;
    }

    /** The group's maximal logit at x, after the bounds; sets {@code s.bestRow}. */
    private double best(int g, double[] x, Scratch s) {
        double fixed = s.fixed[g];
        int firstRow = memberFirstRow[s.member[g]];
        double u = x[groupC1[g]];
        int c2 = groupC2[g];
        double v = c2 < 0 ? 0.0 : x[c2];
        if (v > 0) {
            double score = upperChains[g].best(u, v, s);
            s.bestRow += firstRow;
            return fixed + score;
        }
        if (v < 0) {
            double score = lowerChains[g].best(u, -v, s);
            s.bestRow += firstRow;
            return fixed + score;
        }
        if (u > 0) {
            s.bestRow = firstRow + maxAOffset[g];
            return fixed + groupRange[6 * g] * u;
        }
        if (u < 0) {
            s.bestRow = firstRow + minAOffset[g];
            return fixed + groupRange[6 * g + 1] * u;
        }
        s.bestRow = firstRow;
        return fixed;
    }

    private int plainScan(double[] x, Scratch s) {
        s.plainScans++;
        return plainArgMax(unembedding, x);
    }

    /** The number of groups of twin families. */
    int groupCount() {
        return groupC1.length;
    }

    int familyCount() {
        return familyCount;
    }

    int plainRowCount() {
        return plainRows.length + singleRows.length;
    }

    /** A family being formed: its shared entries, its varying columns and its rows. */
    private static final class Candidate {
        final List<Integer> fixedColumns = new ArrayList<>();
        final List<Double> fixedWeights = new ArrayList<>();
        final Set<Integer> varying = new TreeSet<>();
        final List<Integer> rows = new ArrayList<>();

        List<Double> key() {
            List<Double> key = new ArrayList<>();
            for (int i = 0; i < fixedColumns.size(); i++) {
                key.add((double) fixedColumns.get(i));
                key.add(fixedWeights.get(i));
            }
            return key;
        }

        /** Whether row r equals the shared entries and has no other column but varying ones. */
        boolean fits(CsrMatrix u, int r) {
            int matched = 0;
            for (int i = 0; i < u.rowLength(r); i++) {
                int c = u.column(r, i);
                int k = fixedColumns.indexOf(c);
                if (k >= 0) {
                    if (fixedWeights.get(k) != u.value(r, i)) {
                        return false;
                    }
                    matched++;
                } else if (!varying.contains(c)) {
                    return false;
                }
            }
            return matched == fixedColumns.size();
        }
    }

    /**
     * Sorts the rows of {@code u} into families and plain rows: rows with the same columns form
     * a family when at most two of the columns take more than one value among them; families
     * with the same shared entries merge while they vary in at most two columns together; a
     * row left over joins a family it fits (a missing varying column reads as 0). Rows with a
     * weight that is no integer or beyond 2^50 are plain rows (identical ones represented by the
     * first): in a family they would make every step fall back to the plain scan.
     */
    static FamilyArgMax of(CsrMatrix u) {
        Map<List<Double>, List<Candidate>> byKey = new LinkedHashMap<>();
        List<Integer> leftOver = new ArrayList<>();
        for (List<Integer> rows : bySupport(u)) {
            Candidate c = new Candidate();
            int first = rows.get(0);
            for (int i = 0; i < u.rowLength(first); i++) {
                double w = u.value(first, i);
                boolean shared = true;
                for (int r : rows) {
                    shared &= u.value(r, i) == w;
                }
                if (shared && rows.size() > 1) {
                    c.fixedColumns.add(u.column(first, i));
                    c.fixedWeights.add(w);
                } else if (rows.size() > 1) {
                    c.varying.add(u.column(first, i));
                }
            }
            if (rows.size() == 1 || c.varying.size() > 2 || !Family.integral(u, first)) {
                leftOver.addAll(rows);
                continue;
            }
            c.rows.addAll(rows);
            List<Candidate> same = byKey.computeIfAbsent(c.key(), k -> new ArrayList<>());
            Candidate merged = null;
            for (Candidate other : same) {
                Set<Integer> union = new TreeSet<>(other.varying);
                union.addAll(c.varying);
                if (union.size() <= 2) {
                    merged = other;
                    other.varying.addAll(c.varying);
                    other.rows.addAll(c.rows);
                    break;
                }
            }
            if (merged == null) {
                same.add(c);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        byKey.values().forEach(candidates::addAll);
        List<Integer> plain = new ArrayList<>();
        Map<List<Double>, Integer> firstOfClone = new LinkedHashMap<>();
        for (int r : leftOver) {
            Candidate home = null;
            for (int k = 0; k < candidates.size() && Family.integral(u, r); k++) {
                if (candidates.get(k).fits(u, r)) {
                    home = candidates.get(k);
                    break;
                }
            }
            if (home != null) {
                home.rows.add(r);
                continue;
            }
            // Identical rows give identical logits: the first represents them.
            List<Double> row = new ArrayList<>();
            for (int i = 0; i < u.rowLength(r); i++) {
                row.add((double) u.column(r, i));
                row.add(u.value(r, i));
            }
            if (firstOfClone.putIfAbsent(row, r) == null) {
                plain.add(r);
            }
        }
        List<Family> families = new ArrayList<>();
        for (Candidate c : candidates) {
            c.rows.sort(null);
            Family f = Family.of(u, c);
            if (f == null) {
                plain.add(c.rows.get(0));     // one distinct point: its first row represents it
            } else if (!Family.integral(u, c.rows)) {
                plain.addAll(c.rows);
            } else {
                families.add(f);
            }
        }
        int[] plainRows = plain.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new FamilyArgMax(u, families, plainRows);
    }

    /**
     * The rows grouped by their columns, groups in the order of their first rows; rows whose
     * weights cannot be in a family (not integers, or beyond 2^50, like the -2^60 of a token
     * the model never emits) group apart, so that they cannot keep a family from forming.
     * Hashed on the column arrays, so nothing is boxed but the row lists.
     */
    private static List<List<Integer>> bySupport(CsrMatrix u) {
        int capacity = Integer.highestOneBit(Math.max(16, u.rows)) * 4;
        int[] groupAt = new int[capacity];
        Arrays.fill(groupAt, -1);
        int[] groupOfRow = new int[u.rows];
        int[] firstRow = new int[Math.max(1, u.rows)];
        int[] size = new int[Math.max(1, u.rows)];
        int groups = 0;
        boolean[] integral = new boolean[u.rows];
        for (int r = 0; r < u.rows; r++) {
            integral[r] = Family.integral(u, r);
            int n = u.rowLength(r);
            long hash = integral[r] ? n : ~n;
            for (int i = 0; i < n; i++) {
                hash = (hash ^ u.column(r, i)) * 0x9E3779B97F4A7C15L;
            }
            int slot = (int) (hash >>> 40) & (capacity - 1);
            int group = -1;
            while (groupAt[slot] >= 0) {
                int first = firstRow[groupAt[slot]];
                if (integral[first] == integral[r] && sameColumns(u, r, first)) {
                    group = groupAt[slot];
                    break;
                }
                slot = (slot + 1) & (capacity - 1);
            }
            if (group < 0) {
                group = groups++;
                groupAt[slot] = group;
                firstRow[group] = r;
            }
            groupOfRow[r] = group;
            size[group]++;
        }
        List<List<Integer>> rows = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            rows.add(new ArrayList<>(size[g]));
        }
        for (int r = 0; r < u.rows; r++) {
            rows.get(groupOfRow[r]).add(r);
        }
        return rows;
    }

    private static boolean sameColumns(CsrMatrix u, int r, int s) {
        int n = u.rowLength(r);
        if (u.rowLength(s) != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (u.column(r, i) != u.column(s, i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rows F.x + a x[c1] + b x[c2]: the shared part F, and the distinct points (a, b) as an
     * upper and a lower chain of hull vertices with the smallest row on each vertex and edge.
     */
    static final class Family {
        private final int[] fixedColumn;
        private final double[] fixedWeight;
        private final int c1;
        private final int c2;                  // -1 if the family varies in one column
        private final double maxA;
        private final double minA;
        private final double maxB;
        private final double minB;
        private final double absA;
        private final double absB;
        private final Chain upperChain;
        private final Chain lowerChain;        // of the points (a, -b)
        private final int maxARow;             // smallest row among the points of largest a
        private final int minARow;
        private final int firstRow;            // smallest row of all
        private int[] rows;                    // every row, increasing

        private Family(int[] fixedColumn, double[] fixedWeight, int c1, int c2, long[][] points,
                       int[] pointRow) {
            this.fixedColumn = fixedColumn;
            this.fixedWeight = fixedWeight;
            this.c1 = c1;
            this.c2 = c2;
            double ax = Double.NEGATIVE_INFINITY;
            double an = Double.POSITIVE_INFINITY;
            double bx = Double.NEGATIVE_INFINITY;
            double bn = Double.POSITIVE_INFINITY;
            int maxRow = Integer.MAX_VALUE;
            int minRow = Integer.MAX_VALUE;
            int first = Integer.MAX_VALUE;
            for (int i = 0; i < points.length; i++) {
                double a = points[i][0];
                double b = points[i][1];
                bx = Math.max(bx, b);
                bn = Math.min(bn, b);
                first = Math.min(first, pointRow[i]);
                if (a > ax) {
                    ax = a;
                    maxRow = pointRow[i];
                } else if (a == ax) {
                    maxRow = Math.min(maxRow, pointRow[i]);
                }
                if (a < an) {
                    an = a;
                    minRow = pointRow[i];
                } else if (a == an) {
                    minRow = Math.min(minRow, pointRow[i]);
                }
            }
            this.maxA = ax;
            this.minA = an;
            this.maxB = bx;
            this.minB = bn;
            this.absA = Math.max(Math.abs(ax), Math.abs(an));
            this.absB = Math.max(Math.abs(bx), Math.abs(bn));
            this.maxARow = maxRow;
            this.minARow = minRow;
            this.firstRow = first;
            this.upperChain = Chain.upper(points, pointRow, false);
            this.lowerChain = Chain.upper(points, pointRow, true);
        }

        /** The family of a candidate's rows, or null if they make one point. */
        static Family of(CsrMatrix u, Candidate candidate) {
            List<Integer> rows = candidate.rows;
            List<Integer> fixedColumns = candidate.fixedColumns;
            List<Double> fixedWeights = candidate.fixedWeights;
            List<Integer> columns = new ArrayList<>(candidate.varying);
            int c1 = columns.isEmpty() ? -1 : columns.get(0);
            int c2 = columns.size() < 2 ? -1 : columns.get(1);
            // Distinct points, each with its smallest row (rows come in increasing order).
            int capacity = Integer.highestOneBit(Math.max(16, rows.size())) * 4;
            int[] pointAt = new int[capacity];
            Arrays.fill(pointAt, -1);
            long[][] found = new long[rows.size()][];
            int[] foundRow = new int[rows.size()];
            int n = 0;
            for (int r : rows) {
                double a = 0;
                double b = 0;
                for (int i = 0; i < u.rowLength(r); i++) {
                    int c = u.column(r, i);
                    if (c == c1) {
                        a = u.value(r, i);
                    } else if (c == c2) {
                        b = u.value(r, i);
                    }
                }
                // Points are compared as the boxed doubles were (Double.equals: by their bits,
                // NaN aside, and the weights are finite).
                long abits = Double.doubleToLongBits(a);
                long bbits = Double.doubleToLongBits(b);
                long hash = (abits * 0x9E3779B97F4A7C15L ^ bbits) * 0xBF58476D1CE4E5B9L;
                int slot = (int) (hash >>> 40) & (capacity - 1);
                boolean seen = false;
                while (pointAt[slot] >= 0) {
                    long[] q = found[pointAt[slot]];
                    if (q[2] == abits && q[3] == bbits) {
                        seen = true;
                        break;
                    }
                    slot = (slot + 1) & (capacity - 1);
                }
                if (!seen) {
                    pointAt[slot] = n;
                    found[n] = new long[] {(long) a, (long) b, abits, bbits};
                    foundRow[n++] = r;
                }
            }
            if (n == 1) {
                return null;
            }
            long[][] points = new long[n][];
            int[] pointRow = Arrays.copyOf(foundRow, n);
            for (int k = 0; k < n; k++) {
                points[k] = new long[] {found[k][0], found[k][1]};
            }
            Family family = new Family(fixedColumns.stream().mapToInt(Integer::intValue).toArray(),
                    fixedWeights.stream().mapToDouble(Double::doubleValue).toArray(), c1, c2,
                    points, pointRow);
            family.rows = rows.stream().mapToInt(Integer::intValue).toArray();
            return family;
        }

        /** Whether every weight of the rows is an integer of magnitude at most 2^50. */
        static boolean integral(CsrMatrix u, List<Integer> rows) {
            for (int r : rows) {
                if (!integral(u, r)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether row r's weights are integers of magnitude at most 2^50. */
        static boolean integral(CsrMatrix u, int r) {
            for (int i = 0; i < u.rowLength(r); i++) {
                double w = u.value(r, i);
                if (Math.rint(w) != w || Math.abs(w) > POINT_LIMIT) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether f has this family's columns and points, each point on the row at the same
         * offset from the family's first row (so that a group's ties resolve alike in every
         * member). Only the shared parts may differ.
         */
        boolean twin(Family f) {
            return c1 == f.c1 && c2 == f.c2 && maxA == f.maxA && minA == f.minA && maxB == f.maxB
                    && minB == f.minB && maxARow - firstRow == f.maxARow - f.firstRow
                    && minARow - firstRow == f.minARow - f.firstRow
                    && upperChain.sameAs(firstRow, f.upperChain, f.firstRow)
                    && lowerChain.sameAs(firstRow, f.lowerChain, f.firstRow);
        }
    }

    /**
     * The upper hull of a point set (of (a, -b) when mirrored): strict vertices in increasing
     * a, each with the smallest row among the points equal to it, and each edge with the
     * smallest row among the points lying on it.
     */
    static final class Chain {
        private final double[] ab;          // a and b of each vertex, interleaved
        private final int[] vertexRow;
        private final int[] edgeRow;        // edge i joins vertices i and i + 1
        // Whether the vertices' steps are affine, a_{i+1} - a_i = a1 + i a2 and b_{i+1} - b_i =
        // b1 + i b2 (a token kind's values v scored 2 v y - v^2, in either column), which lets
        // the search start where the scores stop rising.
        private final boolean affine;
        private final double a1;
        private final double a2;
        private final double b1;
        private final double b2;

        private Chain(double[] a, double[] b, int[] vertexRow, int[] edgeRow) {
            this(interleaved(a, b), vertexRow, edgeRow);
        }

        private Chain(double[] ab, int[] vertexRow, int[] edgeRow) {
            this.ab = ab;
            this.vertexRow = vertexRow;
            this.edgeRow = edgeRow;
            int n = vertexRow.length;
            // Coordinates are integers below 2^50: these differences are exact.
            boolean affine = n >= 3;
            double da = affine ? ab[2] - ab[0] : 0;
            double dda = affine ? ab[4] - 2 * ab[2] + ab[0] : 0;
            double db = affine ? ab[3] - ab[1] : 0;
            double ddb = affine ? ab[5] - 2 * ab[3] + ab[1] : 0;
            for (int i = 0; affine && i + 1 < n; i++) {
                affine = ab[2 * i + 2] - ab[2 * i] == da + i * dda
                        && ab[2 * i + 3] - ab[2 * i + 1] == db + i * ddb;
            }
            this.affine = affine;
            this.a1 = da;
            this.a2 = dda;
            this.b1 = db;
            this.b2 = ddb;
        }

        private static double[] interleaved(double[] a, double[] b) {
            double[] ab = new double[2 * a.length];
            for (int i = 0; i < a.length; i++) {
                ab[2 * i] = a[i];
                ab[2 * i + 1] = b[i];
            }
            return ab;
        }

        /** This chain with every row moved by delta. */
        Chain shifted(int delta) {
            int[] vertices = vertexRow.clone();
            int[] edges = edgeRow.clone();
            for (int i = 0; i < vertices.length; i++) {
                vertices[i] += delta;
            }
            for (int i = 0; i < edges.length; i++) {
                edges[i] += delta;
            }
            return new Chain(ab, vertices, edges);
        }

        /** Whether the chains have the same vertices and the same rows relative to their firsts. */
        boolean sameAs(int first, Chain other, int otherFirst) {
            if (!Arrays.equals(ab, other.ab) || vertexRow.length != other.vertexRow.length) {
                return false;
            }
            for (int i = 0; i < vertexRow.length; i++) {
                if (vertexRow[i] - first != other.vertexRow[i] - otherFirst) {
                    return false;
                }
            }
            for (int i = 0; i < edgeRow.length; i++) {
                if (edgeRow[i] - first != other.edgeRow[i] - otherFirst) {
                    return false;
                }
            }
            return true;
        }

        static Chain upper(long[][] points, int[] pointRow, boolean mirrored) {
            int n = points.length;
            long[] ya = new long[n];
            for (int i = 0; i < n; i++) {
                ya[i] = mirrored ? -points[i][1] : points[i][1];
            }
            int[] order = sortedByAThenHighest(points, ya);
            // The highest point of each a, then Andrew's monotone chain without collinear points.
            int[] tops = new int[n];
            int topCount = 0;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                if (topCount == 0 || points[tops[topCount - 1]][0] != points[i][0]) {
                    tops[topCount++] = i;
                }
            }
            int[] hullPoints = new int[topCount];
            int m = 0;
            for (int k = 0; k < topCount; k++) {
                int i = tops[k];
                while (m >= 2 && orientation(points, ya, hullPoints[m - 2], hullPoints[m - 1], i) >= 0) {
                    m--;
                }
                hullPoints[m++] = i;
            }
            IntListView hull = new IntListView(hullPoints, m);
            IntListView topList = new IntListView(tops, topCount);
            double[] ha = new double[m];
            double[] hb = new double[m];
            int[] vertexRow = new int[m];
            for (int k = 0; k < m; k++) {
                int i = hull.get(k);
                ha[k] = points[i][0];
                hb[k] = ya[i];
                vertexRow[k] = pointRow[i];
            }
            // The points on edge k lie between its ends in the list of tops, sorted by a.
            int[] edgeRow = new int[Math.max(0, m - 1)];
            int at = 0;
            for (int k = 0; k + 1 < m; k++) {
                int p = hull.get(k);
                int q = hull.get(k + 1);
                int row = Math.min(pointRow[p], pointRow[q]);
                while (topList.get(at) != p) {
                    at++;
                }
                for (int t = at + 1; topList.get(t) != q; t++) {
                    if (orientation(points, ya, p, q, topList.get(t)) == 0) {
                        row = Math.min(row, pointRow[topList.get(t)]);
                    }
                }
                edgeRow[k] = row;
            }
            return new Chain(ha, hb, vertexRow, edgeRow);
        }

        /** The first m entries of an int array. */
        private record IntListView(int[] items, int size) {
            int get(int k) {
                return items[k];
            }
        }

        /**
         * The point indexes sorted by a increasing, then y decreasing (a merge sort on ints:
         * no boxing, stable, and the pairs are distinct so the order is total).
         */
        private static int[] sortedByAThenHighest(long[][] points, long[] y) {
            int n = points.length;
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            int[] buffer = new int[n];
            for (int width = 1; width < n; width *= 2) {
                for (int lo = 0; lo < n - width; lo += 2 * width) {
                    int mid = lo + width;
                    int hi = Math.min(lo + 2 * width, n);
                    int i = lo;
                    int j = mid;
                    int k = lo;
                    while (i < mid && j < hi) {
                        int p = order[i];
                        int q = order[j];
                        boolean takeRight = points[q][0] < points[p][0]
                                || (points[q][0] == points[p][0] && y[q] > y[p]);
                        buffer[k++] = takeRight ? order[j++] : order[i++];
                    }
                    while (i < mid) {
                        buffer[k++] = order[i++];
                    }
                    while (j < hi) {
                        buffer[k++] = order[j++];
                    }
                    System.arraycopy(buffer, lo, order, lo, hi - lo);
                }
            }
            return order;
        }

        /** Sign of the cross product (q - p) x (r - p), exactly (coordinates below 2^50). */
        private static int orientation(long[][] points, long[] y, int p, int q, int r) {
            long qx = points[q][0] - points[p][0];
            long qy = y[q] - y[p];
            long rx = points[r][0] - points[p][0];
            long ry = y[r] - y[p];
            return compareProducts(qx, ry, qy, rx);
        }

        /** Sign of a * b - c * d in 128-bit arithmetic. */
        static int compareProducts(long a, long b, long c, long d) {
            long high1 = Math.multiplyHigh(a, b);
            long high2 = Math.multiplyHigh(c, d);
            if (high1 != high2) {
                return high1 < high2 ? -1 : 1;
            }
            return Long.compareUnsigned(a * b, c * d);
        }

        /**
         * The maximum of a u + b v over the chain for v > 0, exact under the family's bound;
         * sets {@code s.bestRow}.
         */
        double best(double u, double v, Scratch s) {
            // Scores rise strictly, stay level along at most one edge, then fall strictly.
            double[] ab = this.ab;
            int last = vertexRow.length - 1;
            if (affine) {
                // score(i + 1) - score(i) = (u a1 + v b1) + i (u a2 + v b2), so the first i where
                // the scores stop rising is about q (only a guess: it is checked exactly, as the
                // search would find it, and the search runs if it fails).
                double q = -(u * a1 + v * b1) / (u * a2 + v * b2);
                int g = q > 0 ? (q < last ? (int) Math.ceil(q) : last) : 0;    // NaN: 0
                double score = ab[2 * g] * u + ab[2 * g + 1] * v;
                if ((g == 0 || ab[2 * g - 2] * u + ab[2 * g - 1] * v < score)
                        && (g == last || ab[2 * g + 2] * u + ab[2 * g + 3] * v <= score)) {
                    s.bestRow = g < last && ab[2 * g + 2] * u + ab[2 * g + 3] * v == score ? edgeRow[g] : vertexRow[g];
                    return score;
                }
            }
            int lo = 0;
            int hi = last;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ab[2 * mid] * u + ab[2 * mid + 1] * v < ab[2 * mid + 2] * u + ab[2 * mid + 3] * v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            double score = ab[2 * lo] * u + ab[2 * lo + 1] * v;
            if (lo + 1 < vertexRow.length && ab[2 * lo + 2] * u + ab[2 * lo + 3] * v == score) {
                s.bestRow = edgeRow[lo];
            } else {
                s.bestRow = vertexRow[lo];
            }
            return score;
        }
    }

}
