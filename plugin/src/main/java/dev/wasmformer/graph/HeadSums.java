package dev.wasmformer.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a gate's sum of exclusive flags read by one head into one more output of that head: a
 * head's output is linear in its value, so {@code c·Σ out_i} is the output of the value
 * {@code c·Σ v_i}, at no cost in depth.
 *
 * <p>Why: a gate such as {@code AND(bit, isImm)}, where {@code isImm} is the sum of fifteen
 * opcode flags, reads sixteen columns. The runtime's gate filter bounds a gate from each
 * column's range on its own, so for it fifteen flags may be 1 at once, and the unit is a
 * candidate at every token where any one of its columns is non-zero. Read as one column, the
 * sum has the range it really has ([0, 1]), and the unit needs both of its two columns.
 *
 * <p>A folded set is a gate's terms on one head's outputs with one coefficient whose values
 * are 0/1 embedding features of the same token, at most one of them 1 for every token (read
 * through the same chain of {@code LATEST} heads, which copy a position's value exactly): the
 * opcode flags, say, but not a flag and a bit of another token, whose sum is their AND's
 * input. At most one term of a set is non-zero at any position, so the folded gate adds the
 * same doubles as the unfolded one.
 */
public final class HeadSums {
  private HeadSums() {}

  /** A set of one head's outputs (increasing indexes) that a gate reads with one coefficient. */
  private record Part(Head head, List<Integer> outputs, double coefficient) {}

  /** A new graph computing the same values as {@code g}, with the gates' flag sets folded. */
  public static Graph fold(Graph g) {
    Map<Head, Map<List<Integer>, Integer>> folds = new LinkedHashMap<>();
    for (Node n : g.nodes()) {
      if (n instanceof Node.Neuron ne) {
        for (Part part : parts(ne.gate())) {
          Map<List<Integer>, Integer> forHead = folds.computeIfAbsent(part.head(), k -> new LinkedHashMap<>());
          forHead.computeIfAbsent(part.outputs(), k -> part.head().values().size() + forHead.size());
        }
      }
    }
    if (folds.isEmpty()) return g;
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
        e = out.neuron(ne.name(), remapGate(ne.gate(), folds, map, newOutputs), remap(ne.value(), map));
      } else if (n instanceof Node.Sum s) {
        e = out.sum(s.name(), remap(s.expr(), map));
      } else if (n instanceof Node.CumSum cs) {
        e = out.cumSum(cs.name(), remap(cs.value(), map), remap(cs.gate(), map));
      } else {
        Node.HeadOutput ho = (Node.HeadOutput) n;
        Head h = ho.head();
        List<Expr> outputs = newOutputs.get(h);
        if (outputs == null) {
          List<Expr> values = new ArrayList<>();
          for (Expr v : h.values()) values.add(remap(v, map));
          for (List<Integer> set : folds.getOrDefault(h, Map.of()).keySet()) {
            Expr v = Expr.ZERO;
            for (int i : set) v = v.plus(values.get(i));
            values.add(v);
          }
          outputs = out.head(new Head(h.name(), h.mode(), h.positional(), remap(h.valid(), map),
              remap(h.aValid(), map), remap(h.aSqValid(), map), remap(h.query(), map), values));
          newOutputs.put(h, outputs);
        }
        e = outputs.get(ho.index());
      }
      map.put(n, e);
    }
    for (int t = 0; t < g.vocabSize(); t++) {
      Expr logit = g.logit(t);
      if (!logit.isConstant() || logit.constant() != -Graph.UNUSED_LOGIT) out.logit(t, remap(logit, map));
    }
    return out;
  }

  /** The foldable sets of gate e: at least two terms each. */
  private static List<Part> parts(Expr e) {
    // by head, then by the chain of heads a value is read through and the coefficient
    Map<Head, Map<List<Object>, List<Integer>>> byHead = new LinkedHashMap<>();
    Map<Head, Map<List<Object>, List<Node.Input>>> inputs = new HashMap<>();
    e.terms().forEach((n, c) -> {
      if (!(n instanceof Node.HeadOutput ho) || ho.head().mode() != Head.Mode.LATEST) return;
      List<Object> chain = new ArrayList<>();
      Node.Input flag = flagThrough(ho.head().values().get(ho.index()), chain);
      if (flag == null) return;
      chain.add(c);
      byHead.computeIfAbsent(ho.head(), k -> new LinkedHashMap<>()).computeIfAbsent(chain, k -> new ArrayList<>())
          .add(ho.index());
      inputs.computeIfAbsent(ho.head(), k -> new HashMap<>()).computeIfAbsent(chain, k -> new ArrayList<>()).add(flag);
    });
    List<Part> parts = new ArrayList<>();
    byHead.forEach((h, sets) -> sets.forEach((chain, outputs) -> {
      if (outputs.size() >= 2 && exclusive(inputs.get(h).get(chain))) {
        parts.add(new Part(h, outputs.stream().sorted().toList(), (Double) chain.get(chain.size() - 1)));
      }
    }));
    return parts;
  }

  /**
   * The 0/1 embedding feature that v is, directly or through a chain of LATEST heads' outputs
   * (appended to {@code chain}), or null.
   */
  private static Node.Input flagThrough(Expr v, List<Object> chain) {
    if (v.constant() != 0 || v.terms().size() != 1) return null;
    var term = v.terms().entrySet().iterator().next();
    if (term.getValue() != 1.0) return null;
    if (term.getKey() instanceof Node.HeadOutput ho) {
      if (ho.head().mode() != Head.Mode.LATEST) return null;
      chain.add(ho.head());
      return flagThrough(ho.head().values().get(ho.index()), chain);
    }
    if (!(term.getKey() instanceof Node.Input in)) return null;
    for (double x : in.valueByToken()) if (x != 0 && x != 1) return null;
    return in;
  }

  /** Whether at most one of these flags is 1 for every token. */
  private static boolean exclusive(List<Node.Input> flags) {
    int tokens = flags.get(0).valueByToken().length;
    for (int t = 0; t < tokens; t++) {
      int set = 0;
      for (Node.Input f : flags) set += (int) f.valueByToken()[t];
      if (set > 1) return false;
    }
    return true;
  }

  /**
   * The gate e in the new graph: each folded set becomes the term of its new output (the head
   * comes before every unit reading it, so it exists already).
   */
  private static Expr remapGate(Expr e, Map<Head, Map<List<Integer>, Integer>> folds, Map<Node, Expr> map,
                                Map<Head, List<Expr>> newOutputs) {
    List<Part> parts = parts(e);
    Map<Head, java.util.Set<Integer>> folded = new HashMap<>();
    Expr r = Expr.constant(e.constant());
    for (Part part : parts) {
      folded.computeIfAbsent(part.head(), k -> new java.util.HashSet<>()).addAll(part.outputs());
      int index = folds.get(part.head()).get(part.outputs());
      r = r.plus(newOutputs.get(part.head()).get(index).times(part.coefficient()));
    }
    for (var t : e.terms().entrySet()) {
      if (t.getKey() instanceof Node.HeadOutput ho
          && folded.getOrDefault(ho.head(), java.util.Set.of()).contains(ho.index())) {
        continue;
      }
      r = r.plus(map.get(t.getKey()).times(t.getValue()));
    }
    return r;
  }

  private static Expr remap(Expr e, Map<Node, Expr> map) {
    Expr r = Expr.constant(e.constant());
    for (var t : e.terms().entrySet()) r = r.plus(map.get(t.getKey()).times(t.getValue()));
    return r;
  }
}
