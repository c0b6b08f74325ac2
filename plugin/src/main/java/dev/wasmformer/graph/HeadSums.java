package dev.wasmformer.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds the sums of several outputs of one head that a unit's gate reads into one more output
 * of that head: a head's output is linear in its value, so {@code Σ c_i·out_i} is the output
 * of the value {@code Σ c_i·v_i}, at no cost in depth.
 *
 * <p>Why: a gate such as {@code AND(bit, isImm)}, where {@code isImm} is the sum of fifteen
 * opcode flags, reads sixteen columns. The runtime's gate filter bounds a gate from each
 * column's range on its own, so for it fifteen flags may be 1 at once, and the unit is a
 * candidate at every token where any one of its columns is non-zero. Read as one column, the
 * sum has the range it really has ([0, 1]), and the unit needs both of its two columns.
 *
 * <p>Only exact folds are made: the outputs of a {@code LATEST} head whose values are
 * embedding features with integer values, combined with integer coefficients (every
 * partial sum is then an exact integer, as the unfolded gate's is).
 */
public final class HeadSums {
  private HeadSums() {}

  /** A new graph computing the same values as {@code g}, with the gates' head sums folded. */
  public static Graph fold(Graph g) {
    Map<Head, Map<Map<Integer, Double>, Integer>> combos = new LinkedHashMap<>();
    for (Node n : g.nodes()) {
      if (n instanceof Node.Neuron ne) {
        grouped(ne.gate()).forEach((h, sum) -> {
          if (sum.size() >= 2 && foldable(h, sum)) {
            Map<Map<Integer, Double>, Integer> forHead = combos.computeIfAbsent(h, k -> new LinkedHashMap<>());
            forHead.computeIfAbsent(normalized(sum), k -> h.values().size() + forHead.size());
          }
        });
      }
    }
    if (combos.isEmpty()) return g;
    Graph out = new Graph(g.vocabSize());
    Map<Node, Expr> map = new HashMap<>();
    Map<Head, List<Expr>> newOutputs = new HashMap<>();
    for (Node n : g.nodes()) {
      Expr e;
      if (n instanceof Node.Position p) {
        e = p.squared() ? out.positionSquared() : out.position();
      } else if (n instanceof Node.Input in) {
        e = out.input(in.name(), in.valueByToken());
      } else if (n instanceof Node.Neuron ne) {
        e = out.neuron(ne.name(), remapGate(ne.gate(), combos, map, newOutputs), remap(ne.value(), map, newOutputs));
      } else if (n instanceof Node.Sum s) {
        e = out.sum(s.name(), remap(s.expr(), map, newOutputs));
      } else if (n instanceof Node.CumSum cs) {
        e = out.cumSum(cs.name(), remap(cs.value(), map, newOutputs));
      } else {
        Node.HeadOutput ho = (Node.HeadOutput) n;
        Head h = ho.head();
        List<Expr> outputs = newOutputs.get(h);
        if (outputs == null) {
          List<Expr> values = new ArrayList<>();
          for (Expr v : h.values()) values.add(remap(v, map, newOutputs));
          for (Map<Integer, Double> sum : combos.getOrDefault(h, Map.of()).keySet()) {
            Expr v = Expr.ZERO;
            for (var t : sum.entrySet()) v = v.plus(values.get(t.getKey()).times(t.getValue()));
            values.add(v);
          }
          outputs = out.head(new Head(h.name(), h.mode(), h.positional(), remap(h.valid(), map, newOutputs),
              remap(h.aValid(), map, newOutputs), remap(h.aSqValid(), map, newOutputs),
              remap(h.query(), map, newOutputs), values));
          newOutputs.put(h, outputs);
        }
        e = outputs.get(ho.index());
      }
      map.put(n, e);
    }
    for (int t = 0; t < g.vocabSize(); t++) {
      Expr logit = g.logit(t);
      if (!logit.isConstant() || logit.constant() != -Graph.UNUSED_LOGIT) out.logit(t, remap(logit, map, newOutputs));
    }
    return out;
  }

  /**
   * The common factor of a sum's coefficients: its smallest in magnitude when that is an
   * integer and every other an integer multiple of it (the folded output is then the sum over
   * that factor, whose range the filter knows as tightly as the flags'), else 1.
   */
  private static double factor(Map<Integer, Double> sum) {
    double f = 0;
    for (double c : sum.values()) if (f == 0 || Math.abs(c) < Math.abs(f)) f = c;
    if (f != Math.rint(f)) return 1;   // an integer factor keeps every product an exact integer
    for (double c : sum.values()) if (c / f != Math.rint(c / f)) return 1;
    return f;
  }

  private static Map<Integer, Double> normalized(Map<Integer, Double> sum) {
    double f = factor(sum);
    Map<Integer, Double> n = new TreeMap<>();
    sum.forEach((i, c) -> n.put(i, c / f));
    return n;
  }

  /** The terms of e on head outputs, by head: output index to coefficient, in index order. */
  private static Map<Head, Map<Integer, Double>> grouped(Expr e) {
    Map<Head, Map<Integer, Double>> byHead = new LinkedHashMap<>();
    e.terms().forEach((n, c) -> {
      if (n instanceof Node.HeadOutput ho) byHead.computeIfAbsent(ho.head(), k -> new TreeMap<>()).put(ho.index(), c);
    });
    return byHead;
  }

  /** Whether the sum of these outputs of h folds exactly (see the class comment). */
  private static boolean foldable(Head h, Map<Integer, Double> sum) {
    if (h.mode() != Head.Mode.LATEST) return false;
    double magnitude = 0;
    for (var t : sum.entrySet()) {
      Expr v = h.values().get(t.getKey());
      double c = t.getValue();
      if (c != Math.rint(c) || v.constant() != 0 || v.terms().size() != 1) return false;
      var term = v.terms().entrySet().iterator().next();
      if (!(term.getKey() instanceof Node.Input in) || term.getValue() != 1.0) return false;
      double largest = 0;
      for (double x : in.valueByToken()) {
        if (x != Math.rint(x)) return false;
        largest = Math.max(largest, Math.abs(x));
      }
      magnitude += Math.abs(c) * largest;
    }
    return magnitude < 0x1p52;
  }

  /**
   * The gate e in the new graph: each folded sum of a head's outputs becomes the term of its
   * new output (the head comes before every unit reading it, so it exists already).
   */
  private static Expr remapGate(Expr e, Map<Head, Map<Map<Integer, Double>, Integer>> combos, Map<Node, Expr> map,
                                Map<Head, List<Expr>> newOutputs) {
    Map<Head, Map<Integer, Double>> byHead = grouped(e);
    Expr r = Expr.constant(e.constant());
    for (var t : e.terms().entrySet()) {
      if (t.getKey() instanceof Node.HeadOutput ho && byHead.get(ho.head()).size() >= 2
          && combos.getOrDefault(ho.head(), Map.of()).containsKey(normalized(byHead.get(ho.head())))) {
        continue;
      }
      r = r.plus(map.get(t.getKey()).times(t.getValue()));
    }
    for (var entry : byHead.entrySet()) {
      if (entry.getValue().size() < 2) continue;
      Integer index = combos.getOrDefault(entry.getKey(), Map.of()).get(normalized(entry.getValue()));
      if (index != null) r = r.plus(newOutputs.get(entry.getKey()).get(index).times(factor(entry.getValue())));
    }
    return r;
  }

  private static Expr remap(Expr e, Map<Node, Expr> map, Map<Head, List<Expr>> newOutputs) {
    Expr r = Expr.constant(e.constant());
    for (var t : e.terms().entrySet()) r = r.plus(map.get(t.getKey()).times(t.getValue()));
    return r;
  }
}
