package dev.wasmformer.runtime.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The line families of a feed-forward layer, and the step that finds which of their units can
 * have a positive gate without visiting the others.
 *
 * <p>A line family is a set of units whose gate rows are equal outside slot_one and one
 * <em>slope column</em> c: unit u's gate is {@code L + a_u·t + b_u}, with {@code t = x[c]}, the
 * shared sum {@code L} of the other columns, and its own slope {@code a_u} and bias {@code b_u}.
 * Each unit is a line {@code a_u·t + b_u}, and the positive units at a step are the lines above
 * {@code -L} at t. A table of one unit per key (a gate quadratic in t, {@code 1 − (t − k)²},
 * with t² in a column of its own) is one such family; so is any family whose lines peel into
 * few convex layers.
 *
 * <p>At load, the lines are peeled into <em>convex layers</em>: the first is the upper envelope
 * of all lines, the second the envelope of the rest, and so on, so that at every t the maximum
 * of a layer is at most the maximum of the layer before. Along one envelope, by increasing
 * slope, the lines' values at a fixed t rise to the maximum and then fall. A step therefore
 * binary-searches each layer for its maximum at t, marks the lines around it that lie above
 * {@code -L}, and stops at the first layer whose maximum does not: O(log n) per layer visited
 * instead of n units.
 *
 * <p>Exactness: every weight, bias and value is an integer of magnitude at most 2^50 (and the
 * step checks that {@code |a_u·t|} and {@code |L|} are too), so every value it compares is an
 * exact integer below 2^52 in a double, and the test {@code a_u·t + b_u > -L} is the gate's
 * sign exactly. The envelopes are built with exact 128-bit products. When a step's values are
 * not integers or too large, every unit of the family is marked. Marked units are evaluated by
 * their rows, so marking more than needed would cost time, never exactness.
 */
final class LineFamilies {
    /** Fewest units of a line family: below that, the filter's selectors are about as cheap. */
    static final int MIN_UNITS = 16;
    /** Most gate columns (slot_one aside, the slope column included) of a family's rows. */
    static final int MAX_COLUMNS = 4;
    /** Most convex layers of a family: more, and its units are left to the filter. */
    static final int MAX_LAYERS = 8;
    /** Bound on weights, biases and a step's products under which every sum is exact. */
    static final double LIMIT = 0x1p50;

    private static final LineFamilies NONE = new LineFamilies(List.of());

    private final int[] slopeColumn;        // per family
    private final double[] tLimit;          // per family: the largest |t| with |a_u·t| <= LIMIT for all u
    private final int[] sharedStart;        // families + 1
    private final int[] sharedColumn;
    private final double[] sharedWeight;
    private final int[] layerStart;         // families + 1: the family's layers
    private final int[] lineStart;          // layers + 1: the layer's lines, by increasing slope
    private final int[] lineUnit;
    private final double[] lineSlope;
    private final double[] lineBias;
    private final int[] unitStart;          // families + 1: every unit of the family
    private final int[] unit;

    private LineFamilies(List<Family> families) {
        int layers = 0;
        int lines = 0;
        int shared = 0;
        for (Family f : families) {
            layers += f.layers.size();
            lines += f.units.length;
            shared += f.sharedColumns.length;
        }
        slopeColumn = new int[families.size()];
        tLimit = new double[families.size()];
        sharedStart = new int[families.size() + 1];
        sharedColumn = new int[shared];
        sharedWeight = new double[shared];
        layerStart = new int[families.size() + 1];
        lineStart = new int[layers + 1];
        lineUnit = new int[lines];
        lineSlope = new double[lines];
        lineBias = new double[lines];
        unitStart = new int[families.size() + 1];
        unit = new int[lines];
        int sk = 0;
        int lk = 0;
        int layer = 0;
        int uk = 0;
        for (int f = 0; f < families.size(); f++) {
            Family family = families.get(f);
            slopeColumn[f] = family.slopeColumn;
            double maxSlope = 0;
            for (Line line : family.lines()) {
                maxSlope = Math.max(maxSlope, Math.abs(line.slope));
            }
            tLimit[f] = maxSlope == 0 ? LIMIT : Math.floor(LIMIT / maxSlope);
            for (int i = 0; i < family.sharedColumns.length; i++, sk++) {
                sharedColumn[sk] = family.sharedColumns[i];
                sharedWeight[sk] = family.sharedWeights[i];
            }
            sharedStart[f + 1] = sk;
            for (List<Line> envelope : family.layers) {
                for (Line line : envelope) {
                    lineUnit[lk] = line.unit;
                    lineSlope[lk] = line.slope;
                    lineBias[lk++] = line.bias;
                }
                lineStart[++layer] = lk;
            }
            layerStart[f + 1] = layer;
            for (int u : family.units) {
                unit[uk++] = u;
            }
            unitStart[f + 1] = uk;
        }
    }

    /**
     * The line families among the units of {@code gate} that {@code free} admits (units in no
     * other family), with {@code bias[u]} the gate's weight on slot_one.
     */
    static LineFamilies of(CsrMatrix gate, int slotOne, double[] bias, boolean[] free) {
        // A cheap first pass (this runs at every load): a hash of each candidate row's columns,
        // so that only rows whose hash at least MIN_UNITS rows share are grouped exactly.
        long[] hash = new long[gate.rows];
        int candidates = 0;
        for (int u = 0; u < gate.rows; u++) {
            if (candidate(gate, bias, free, u)) {
                long h = 1;
                for (int i = 0; i < gate.rowLength(u); i++) {
                    if (gate.column(u, i) != slotOne) {
                        h = h * 0x9E3779B97F4A7C15L + gate.column(u, i);
                    }
                }
                hash[candidates++] = h;
            }
        }
        long[] sorted = Arrays.copyOf(hash, candidates);
        Arrays.sort(sorted);
        Set<Long> common = new HashSet<>();
        for (int i = 0; i + MIN_UNITS <= candidates; i++) {
            if (sorted[i] == sorted[i + MIN_UNITS - 1]) {
                common.add(sorted[i]);
            }
        }
        if (common.isEmpty()) {
            return NONE;
        }
        // Candidate rows by their columns (slot_one aside).
        Map<List<Integer>, List<Integer>> byColumns = new LinkedHashMap<>();
        for (int u = 0, next = 0; u < gate.rows; u++) {
            if (!candidate(gate, bias, free, u) || !common.contains(hash[next++])) {
                continue;
            }
            List<Integer> columns = new ArrayList<>();
            boolean integral = true;
            for (int i = 0; i < gate.rowLength(u); i++) {
                if (gate.column(u, i) != slotOne) {
                    columns.add(gate.column(u, i));
                    integral &= isInteger(gate.value(u, i));
                }
            }
            if (integral && !columns.isEmpty() && columns.size() <= MAX_COLUMNS) {
                byColumns.computeIfAbsent(columns, k -> new ArrayList<>()).add(u);
            }
        }
        List<Family> families = new ArrayList<>();
        for (Map.Entry<List<Integer>, List<Integer>> group : byColumns.entrySet()) {
            List<Integer> columns = group.getKey();
            Set<Integer> left = new HashSet<>(group.getValue());
            // Each column in turn as the slope: the units that agree on the other weights.
            for (int j = 0; j < columns.size() && left.size() >= MIN_UNITS; j++) {
                Map<List<Double>, List<Integer>> byRest = new LinkedHashMap<>();
                for (int u : group.getValue()) {
                    if (left.contains(u)) {
                        byRest.computeIfAbsent(weightsBesides(gate, slotOne, u, j), k -> new ArrayList<>()).add(u);
                    }
                }
                for (Map.Entry<List<Double>, List<Integer>> candidate : byRest.entrySet()) {
                    Family family = Family.of(gate, slotOne, bias, columns, j, candidate.getKey(), candidate.getValue());
                    if (family != null) {
                        families.add(family);
                        left.removeAll(candidate.getValue());
                    }
                }
            }
        }
        return families.isEmpty() ? NONE : new LineFamilies(families);
    }

    boolean isEmpty() {
        return slopeColumn.length == 0;
    }

    /** The number of convex layers of all families together. */
    int layerCount() {
        return lineStart.length - 1;
    }

    /** Every unit of every family (the array itself: do not change it). */
    int[] units() {
        return unit;
    }

    /**
     * Sets the bit of every unit of a family whose gate can be positive at x; returns the words
     * of {@code units} it set bits in (bit w for word w, meaningful for layers of at most 64
     * words).
     */
    long mark(double[] x, long[] units) {
        long words = 0;
        for (int f = 0, families = slopeColumn.length; f < families; f++) {
            double t = x[slopeColumn[f]];
            double shared = 0.0;
            double magnitude = 0.0;
            boolean exact = t == (double) (long) t && Math.abs(t) <= tLimit[f];
            for (int k = sharedStart[f], end = sharedStart[f + 1]; k < end; k++) {
                double xc = x[sharedColumn[k]];
                double term = sharedWeight[k] * xc;
                shared += term;
                magnitude += Math.abs(term);
                exact &= xc == (double) (long) xc;
            }
            if (!(exact && magnitude <= LIMIT)) {
                for (int k = unitStart[f], end = unitStart[f + 1]; k < end; k++) {
                    int u = unit[k];
                    units[u >>> 6] |= 1L << u;
                    words |= 1L << (u >>> 6);
                }
                continue;
            }
            double threshold = -shared;
            for (int layer = layerStart[f], last = layerStart[f + 1]; layer < last; layer++) {
                int lo = lineStart[layer];
                int hi = lineStart[layer + 1] - 1;
                int first = lo;
                int end = hi;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (value(mid, t) < value(mid + 1, t)) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                if (!(value(lo, t) > threshold)) {
                    break;          // every later layer lies below this one
                }
                for (int k = lo; k >= first && value(k, t) > threshold; k--) {
                    int u = lineUnit[k];
                    units[u >>> 6] |= 1L << u;
                    words |= 1L << (u >>> 6);
                }
                for (int k = lo + 1; k <= end && value(k, t) > threshold; k++) {
                    int u = lineUnit[k];
                    units[u >>> 6] |= 1L << u;
                    words |= 1L << (u >>> 6);
                }
            }
        }
        return words;
    }

    private double value(int line, double t) {
        return lineSlope[line] * t + lineBias[line];
    }

    /** A row short enough for a family, of a free unit with an integer bias (weights are checked later). */
    private static boolean candidate(CsrMatrix gate, double[] bias, boolean[] free, int u) {
        return free[u] && isInteger(bias[u]) && gate.rowLength(u) <= MAX_COLUMNS + 1;
    }

    private static boolean isInteger(double v) {
        return Math.rint(v) == v && Math.abs(v) <= LIMIT;
    }

    /** Unit u's weights on its columns, but for the j-th (the candidate slope). */
    private static List<Double> weightsBesides(CsrMatrix gate, int slotOne, int u, int j) {
        List<Double> weights = new ArrayList<>();
        for (int i = 0, k = 0; i < gate.rowLength(u); i++) {
            if (gate.column(u, i) != slotOne) {
                weights.add(k++ == j ? 0.0 : gate.value(u, i));
            }
        }
        return weights;
    }

    record Line(int unit, double slope, double bias) {}

    private record Family(int slopeColumn, int[] sharedColumns, double[] sharedWeights, int[] units,
                          List<List<Line>> layers) {
        List<Line> lines() {
            List<Line> all = new ArrayList<>();
            layers.forEach(all::addAll);
            return all;
        }

        /** The family of these units with column j as the slope, or null if they do not make one. */
        static Family of(CsrMatrix gate, int slotOne, double[] bias, List<Integer> columns, int j,
                         List<Double> rest, List<Integer> members) {
            if (members.size() < MIN_UNITS) {
                return null;
            }
            List<Line> lines = new ArrayList<>();
            Set<Double> slopes = new HashSet<>();
            for (int u : members) {
                double slope = 0;
                for (int i = 0, k = 0; i < gate.rowLength(u); i++) {
                    if (gate.column(u, i) != slotOne && k++ == j) {
                        slope = gate.value(u, i);
                    }
                }
                lines.add(new Line(u, slope, bias[u]));
                slopes.add(slope);
            }
            if (slopes.size() < 2) {
                return null;        // a bias family, which the layer handles on its own
            }
            List<List<Line>> layers = peel(lines);
            if (layers == null) {
                return null;
            }
            int[] shared = new int[columns.size() - 1];
            double[] weights = new double[columns.size() - 1];
            for (int i = 0, k = 0; i < columns.size(); i++) {
                if (i != j) {
                    shared[k] = columns.get(i);
                    weights[k++] = rest.get(i);
                }
            }
            return new Family(columns.get(j), shared, weights,
                    members.stream().mapToInt(Integer::intValue).toArray(), layers);
        }
    }

    /** The convex layers of the lines (each by increasing slope), or null if more than MAX_LAYERS. */
    static List<List<Line>> peel(List<Line> lines) {
        List<Line> rest = new ArrayList<>(lines);
        // By increasing slope, and for equal slopes by decreasing bias (the first one is the
        // only candidate of its slope for the envelope).
        rest.sort((p, q) -> p.slope != q.slope ? Double.compare(p.slope, q.slope) : Double.compare(q.bias, p.bias));
        List<List<Line>> layers = new ArrayList<>();
        while (!rest.isEmpty()) {
            if (layers.size() == MAX_LAYERS) {
                return null;
            }
            List<Line> envelope = new ArrayList<>();
            List<Line> below = new ArrayList<>();
            for (Line line : rest) {
                if (!envelope.isEmpty() && envelope.get(envelope.size() - 1).slope == line.slope) {
                    below.add(line);
                    continue;
                }
                while (envelope.size() >= 2
                        && redundant(envelope.get(envelope.size() - 2), envelope.get(envelope.size() - 1), line)) {
                    below.add(envelope.remove(envelope.size() - 1));
                }
                envelope.add(line);
            }
            layers.add(envelope);
            below.sort((p, q) -> p.slope != q.slope ? Double.compare(p.slope, q.slope) : Double.compare(q.bias, p.bias));
            rest = below;
        }
        return layers;
    }

    /**
     * Whether line m (slope between l's and r's) is nowhere strictly above both: at the
     * crossing of l and r it is at most their value, {@code (a_m − a_l)(b_l − b_r) + (b_m −
     * b_l)(a_r − a_l) <= 0}, compared exactly in 128 bits. A line that only touches the
     * envelope at one point goes to a later layer, which keeps each envelope line maximal on
     * an interval of positive length.
     */
    static boolean redundant(Line l, Line m, Line r) {
        long p1 = (long) (m.slope - l.slope);
        long q1 = (long) (l.bias - r.bias);
        long p2 = (long) (m.bias - l.bias);
        long q2 = (long) (r.slope - l.slope);
        // p1*q1 + p2*q2 <= 0  <=>  p1*q1 <= -(p2*q2); each product exact in 128 bits.
        long hi1 = Math.multiplyHigh(p1, q1);
        long lo1 = p1 * q1;
        long hi2 = Math.multiplyHigh(p2, q2);
        long lo2 = p2 * q2;
        // Sum the two 128-bit products and test the sign.
        long lo = lo1 + lo2;
        long carry = Long.compareUnsigned(lo, lo1) < 0 ? 1 : 0;
        long hi = hi1 + hi2 + carry;
        return hi < 0 || (hi == 0 && lo == 0);
    }
}
