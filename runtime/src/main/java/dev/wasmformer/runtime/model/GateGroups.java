package dev.wasmformer.runtime.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
        // The gate's columns as lists of (unit, weight), in increasing unit order.
        List<List<double[]>> columns = new ArrayList<>();
        for (int c = 0; c < d; c++) {
            columns.add(new ArrayList<>());
        }
        bias = new double[width];
        unitIntegral = new boolean[width];
        for (int u = 0; u < width; u++) {
            boolean integral = true;
            for (int i = 0; i < gate.rowLength(u); i++) {
                int c = gate.column(u, i);
                double w = gate.value(u, i);
                integral &= isInteger(w);
                if (c == slotOne) {
                    bias[u] = w;
                } else {
                    columns.get(c).add(new double[] {u, w});
                }
            }
            unitIntegral[u] = integral;
        }
        // Columns with equal normalised vectors (divided by their entry of smallest magnitude,
        // so that the others' coefficients are integers when they can be) share a group.
        Map<List<Double>, List<Integer>> byShape = new LinkedHashMap<>();
        for (int c = 0; c < d; c++) {
            List<double[]> column = columns.get(c);
            if (column.isEmpty()) {
                continue;
            }
            double reference = column.get(0)[1];
            List<Double> shape = new ArrayList<>(2 * column.size());
            for (double[] e : column) {
                shape.add(e[0]);
                shape.add(e[1] / reference);
            }
            byShape.computeIfAbsent(shape, k -> new ArrayList<>()).add(c);
        }
        groupCount = byShape.size();
        groupOf = new int[d];
        Arrays.fill(groupOf, -1);
        alpha = new double[d];
        alphaIntegral = new boolean[groupCount];
        memberStart = new int[groupCount + 1];
        List<Integer> memberList = new ArrayList<>();
        int g = 0;
        for (List<Integer> group : byShape.values()) {
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
        List<int[]> pairs = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        for (int u = 0; u < width; u++) {
            int before = pairs.size();
            for (int i = 0; i < gate.rowLength(u); i++) {
                int c = gate.column(u, i);
                if (c == slotOne) {
                    continue;
                }
                int group = groupOf[c];
                int at = -1;
                for (int k = before; k < pairs.size(); k++) {
                    if (pairs.get(k)[1] == group) {
                        at = k;
                    }
                }
                if (at < 0) {
                    double scale = gate.value(u, i) / alpha[c];
                    pairs.add(new int[] {u, group});
                    scales.add(scale);
                    unitIntegral[u] &= isInteger(scale) && alphaIntegral[group];
                    at = pairs.size() - 1;
                }
                // The decomposition must be exact: weight = s_ug * alpha_c.
                unitIntegral[u] &= scales.get(at) * alpha[c] == gate.value(u, i);
            }
            unitStart[u + 1] = pairs.size();
        }
        unitGroup = pairs.stream().mapToInt(p -> p[1]).toArray();
        unitScale = scales.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean isInteger(double w) {
        return Math.rint(w) == w && Math.abs(w) <= 0x1p52;
    }
}
