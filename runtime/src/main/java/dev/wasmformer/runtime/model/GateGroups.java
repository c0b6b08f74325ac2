package dev.wasmformer.runtime.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gate matrix of a ReGLU layer with its proportional columns merged: columns c whose
 * gate columns (the weights of every unit on c) are multiples of one another form a
 * <em>group</em> g with value {@code v_g = sum alpha_c x[c]}, so that every gate is
 * {@code bias_u + sum_g s_ug v_g}. An expression the compiler folded into every unit that
 * reads it (e.g. a tent {@code x[a] - 2 x[b] + x[c]} that is 0 or 1) becomes one group whose
 * value is often 0 even when its slots are not. Immutable; the slot_one column is the bias.
 */
final class GateGroups {
    final int groupCount;
    final int[] groupOf;          // d: the group of column c, -1 if the gate does not read c
    final double[] alpha;         // d: c's coefficient in its group's value
    final boolean[] alphaIntegral;   // per group: every alpha is an integer
    final int[] memberStart;      // groups + 1: the columns of group g
    final int[] members;
    final int[] unitStart;        // width + 1: the groups unit u reads
    final int[] unitGroup;
    final double[] unitScale;     // s_ug
    final double[] bias;          // per unit
    final boolean[] unitIntegral; // per unit: integer weights, scales and alphas, w = s * alpha exactly

    GateGroups(CsrMatrix gate, int slotOne) {
        int width = gate.rows;
        int d = gate.cols;
        // The gate by column (slot_one aside): (unit, weight) in increasing unit order.
        bias = new double[width];
        unitIntegral = new boolean[width];
        int[] start = new int[d + 1];
        for (int u = 0; u < width; u++) {
            for (int i = 0; i < gate.rowLength(u); i++) {
                if (gate.column(u, i) != slotOne) {
                    start[gate.column(u, i) + 1]++;
                }
            }
        }
        for (int c = 0; c < d; c++) {
            start[c + 1] += start[c];
        }
        int[] unit = new int[start[d]];
        double[] weight = new double[start[d]];
        int[] next = Arrays.copyOf(start, d);
        for (int u = 0; u < width; u++) {
            boolean integral = true;
            for (int i = 0; i < gate.rowLength(u); i++) {
                int c = gate.column(u, i);
                double w = gate.value(u, i);
                integral &= isInteger(w);
                if (c == slotOne) {
                    bias[u] = w;
                } else {
                    int k = next[c]++;
                    unit[k] = u;
                    weight[k] = w;
                }
            }
            unitIntegral[u] = integral;
        }
        // Columns with equal normalised vectors (divided by their first entry) share a group.
        Map<Long, List<List<Integer>>> byHash = new HashMap<>();
        List<List<Integer>> shapes = new ArrayList<>();
        for (int c = 0; c < d; c++) {
            if (start[c] == start[c + 1]) {
                continue;
            }
            long hash = start[c + 1] - start[c];
            for (int k = start[c]; k < start[c + 1]; k++) {
                hash = hash * 31 + unit[k];
                hash = hash * 31 + Double.doubleToLongBits(weight[k] / weight[start[c]]);
            }
            List<List<Integer>> sameHash = byHash.computeIfAbsent(hash, h -> new ArrayList<>());
            List<Integer> home = null;
            for (List<Integer> group : sameHash) {
                if (proportional(start, unit, weight, group.get(0), c)) {
                    home = group;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                sameHash.add(home);
                shapes.add(home);
            }
            home.add(c);
        }
        List<List<double[]>> columns = new ArrayList<>();
        for (int c = 0; c < d; c++) {
            List<double[]> column = new ArrayList<>(start[c + 1] - start[c]);
            if (start[c] < start[c + 1]) {
                column.add(new double[] {unit[start[c]], weight[start[c]]});
            }
            columns.add(column);
        }
        List<List<Integer>> byShapeValues = shapes;
        groupCount = byShapeValues.size();
        groupOf = new int[d];
        Arrays.fill(groupOf, -1);
        alpha = new double[d];
        alphaIntegral = new boolean[groupCount];
        memberStart = new int[groupCount + 1];
        List<Integer> memberList = new ArrayList<>();
        int g = 0;
        for (List<Integer> group : byShapeValues) {
            // The member with the smallest first weight is the unit of measure.
            double reference = Double.POSITIVE_INFINITY;
            for (int c : group) {
                reference = Math.min(reference, Math.abs(columns.get(c).get(0)[1]));
            }
            int sign = columns.get(group.get(0)).get(0)[1] < 0 ? -1 : 1;
            reference *= sign;
            boolean integral = true;
            for (int c : group) {
                groupOf[c] = g;
                alpha[c] = columns.get(c).get(0)[1] / reference;
                integral &= isInteger(alpha[c]);
                memberList.add(c);
            }
            alphaIntegral[g] = integral;
            memberStart[g + 1] = memberList.size();
            g++;
        }
        members = memberList.stream().mapToInt(Integer::intValue).toArray();
        // s_ug: unit u's weight on any member divided by that member's alpha, i.e. u's weight
        // on the group's reference direction.
        unitStart = new int[width + 1];
        int[] groupOfPair = new int[gate.nonZeros()];
        double[] scaleOfPair = new double[gate.nonZeros()];
        int pairs = 0;
        for (int u = 0; u < width; u++) {
            int before = pairs;
            for (int i = 0; i < gate.rowLength(u); i++) {
                int c = gate.column(u, i);
                if (c == slotOne) {
                    continue;
                }
                int group = groupOf[c];
                int at = -1;
                for (int k = before; k < pairs; k++) {
                    if (groupOfPair[k] == group) {
                        at = k;
                    }
                }
                if (at < 0) {
                    at = pairs++;
                    groupOfPair[at] = group;
                    scaleOfPair[at] = gate.value(u, i) / alpha[c];
                    unitIntegral[u] &= isInteger(scaleOfPair[at]) && alphaIntegral[group];
                }
                // The decomposition must be exact: weight = s_ug * alpha_c.
                unitIntegral[u] &= scaleOfPair[at] * alpha[c] == gate.value(u, i);
            }
            unitStart[u + 1] = pairs;
        }
        unitGroup = Arrays.copyOf(groupOfPair, pairs);
        unitScale = Arrays.copyOf(scaleOfPair, pairs);
    }

    /** Whether columns a and b have the same units and the same ratios to their first entry. */
    private static boolean proportional(int[] start, int[] unit, double[] weight, int a, int b) {
        if (start[a + 1] - start[a] != start[b + 1] - start[b]) {
            return false;
        }
        for (int i = 0; i < start[a + 1] - start[a]; i++) {
            int ka = start[a] + i;
            int kb = start[b] + i;
            if (unit[ka] != unit[kb]
                    || weight[ka] / weight[start[a]] != weight[kb] / weight[start[b]]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInteger(double w) {
        return Math.rint(w) == w && Math.abs(w) <= 0x1p52;
    }
}
