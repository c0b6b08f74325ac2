package dev.wasmformer.assembly;

import dev.wasmformer.graph.Expr;
import dev.wasmformer.graph.Graph;
import dev.wasmformer.graph.Head;
import dev.wasmformer.graph.Node;
import dev.wasmformer.runtime.format.HeadMode;
import dev.wasmformer.runtime.format.Layer;
import dev.wasmformer.runtime.format.Matrix;
import dev.wasmformer.runtime.format.ModelShape;
import dev.wasmformer.runtime.format.Weights;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a graph into transformer weights: gives every node a sublayer (as early as its
 * inputs allow), every value that is read a residual slot of its own, and writes the
 * embedding, the heads, the ReGLU layers and the unembedding.
 *
 * <p>A slot is never reused for another value after its last read: reusing it needs a unit
 * that clears the old value at every token, and those clears cost the runtime more than the
 * wider residual does (docs/benchmarks-history.md, "Session 8: a slot per value").
 *
 * <p>Sublayers are numbered 1, 2, 3, ...: odd ones are attention, even ones FFN; sublayer
 * 0 is the embedding. A value written in sublayer s can be read from sublayer s+1 on.
 */
public final class Assembler {
  public static final String ARCHITECTURE = "hard-attention-reglu-v1";
  static final int SLOT_ONE = 0;
  static final int SLOT_P = 1;
  static final int SLOT_P2 = 2;

  private final Graph graph;
  private final Map<Node, Integer> written = new HashMap<>(); // sublayer a node is (last) written in
  private final Map<Head, Integer> headSublayer = new IdentityHashMap<>();
  private final Map<Node, Integer> lastRead = new HashMap<>();
  private final Map<Node, Integer> firstWrite = new HashMap<>();
  private final Set<Node> live = new LinkedHashSet<>();
  /** Per head, the indexes of its live outputs: only their values are computed. */
  private final Map<Head, java.util.BitSet> liveOutputs = new IdentityHashMap<>();
  private final Map<Node, Integer> slot = new HashMap<>();
  private final Map<Node.CumSum, Integer> meanSlot = new HashMap<>();
  private final List<List<AssembledModel.SlotUse>> slotUses = new ArrayList<>();
  private int sublayers;
  private int dModel;

  private Assembler(Graph graph) {
    this.graph = graph;
  }

  /** Compiles a graph to weights. */
  public static AssembledModel assemble(Graph graph) {
    return new Assembler(graph).run();
  }

  private AssembledModel run() {
    findLive();
    schedule();
    emptySmallFfns();
    recordReads();
    allocateSlots();
    return emit();
  }

  // ---- liveness: everything the logits depend on --------------------------------------

  private void findLive() {
    List<Node> work = new ArrayList<>();
    for (int t = 0; t < graph.vocabSize(); t++) work.addAll(graph.logit(t).terms().keySet());
    while (!work.isEmpty()) {
      Node n = work.remove(work.size() - 1);
      if (!live.add(n)) continue;
      if (n instanceof Node.HeadOutput ho) liveOutputs.computeIfAbsent(ho.head(), h -> new java.util.BitSet()).set(ho.index());
      for (Expr e : inputsOf(n)) work.addAll(e.terms().keySet());
    }
  }

  /** What a node reads; a head output reads its head's key and query and its own value only. */
  private static List<Expr> inputsOf(Node n) {
    if (n instanceof Node.Neuron ne) return List.of(ne.gate(), ne.value());
    if (n instanceof Node.CumSum cs) return List.of(cs.value(), cs.gate());
    if (n instanceof Node.Sum s) return List.of(s.expr());
    if (n instanceof Node.HeadOutput ho) {
      Head h = ho.head();
      return List.of(h.valid(), h.aValid(), h.aSqValid(), h.query(), h.values().get(ho.index()));
    }
    return List.of();
  }

  /**
   * A head's key and query, and the values of its live outputs (a value nothing reads is
   * neither computed nor scheduled for).
   */
  private List<Expr> headExprs(Head h) {
    List<Expr> l = new ArrayList<>(List.of(h.valid(), h.aValid(), h.aSqValid(), h.query()));
    java.util.BitSet used = liveOutputs.getOrDefault(h, new java.util.BitSet());
    for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) l.add(h.values().get(i));
    return l;
  }

  // ---- scheduling: the earliest sublayer for each node ---------------------------------

  private int ready(Expr e) {
    int r = 0;
    for (Node n : e.terms().keySet()) r = Math.max(r, written.get(n));
    return r;
  }

  private int ready(List<Expr> es) {
    int r = 0;
    for (Expr e : es) r = Math.max(r, ready(e));
    return r;
  }

  private static int nextAttention(int after) {
    return after % 2 == 0 ? after + 1 : after + 2;
  }

  private static int nextFfn(int after) {
    return after % 2 == 0 ? after + 2 : after + 1;
  }

  private void schedule() {
    for (Node n : graph.nodes()) {
      int s;
      if (n instanceof Node.Neuron ne) {
        s = nextFfn(ready(List.of(ne.gate(), ne.value())));
      } else if (n instanceof Node.CumSum cs) {
        // the mean head one sublayer before its unit, which reads the gate
        s = Math.max(nextAttention(ready(cs.value())) + 1, nextFfn(ready(cs.gate())));
      } else if (n instanceof Node.Sum sum) {
        s = ready(sum.expr());
      } else if (n instanceof Node.HeadOutput ho) {
        s = headSublayer.computeIfAbsent(ho.head(), h -> nextAttention(ready(headExprs(h))));
      } else {
        s = 0;
      }
      written.put(n, s);
      if (live.contains(n)) sublayers = Math.max(sublayers, s);
    }
    if (sublayers % 2 == 1) sublayers++;
    if (sublayers == 0) sublayers = 2;
  }

  // ---- later units: an FFN layer of a few units that can all wait goes ------------------

  /**
   * An FFN layer of at most {@link #SMALL_FFN} units, all of which can be written later, is
   * emptied: its units and every unit that reads them (through Sums too) move as late as their
   * readers allow. The runtime evaluates a small layer's units at every token (their gates
   * unfiltered) and a layer's FFN has a fixed cost of its own; in a later, filtered layer the
   * same units cost nothing at the tokens where their gates rule them out (the trap address's
   * units, which only a trapped instruction needs, emptied layer 1 of every model). Nothing
   * else moves: the heads and every other unit keep their sublayers.
   */
  private void emptySmallFfns() {
    Map<Node, List<Node>> readers = new HashMap<>();   // Sums expanded: the nodes reading through them
    Map<Node, Integer> headReads = new HashMap<>();     // the earliest head or CumSum sublayer reading a node
    for (Node n : live) {
      List<Expr> in = n instanceof Node.HeadOutput ho ? headExprs(ho.head()) : inputsOf(n);
      for (Expr e : in) {
        for (Node t : e.terms().keySet()) {
          if (n instanceof Node.Neuron || n instanceof Node.Sum) {
            readers.computeIfAbsent(t, k -> new ArrayList<>()).add(n);
          } else {
            // a head reads at its sublayer, a CumSum's mean head one before the sum's unit
            int at = n instanceof Node.CumSum cs && cs.value().terms().containsKey(t) ? written.get(n) - 1 : written.get(n);
            headReads.merge(t, at, Math::min);
          }
        }
      }
    }
    // the latest sublayer each unit could be written in if every unit moved as late as it can
    Map<Node, Integer> latest = new HashMap<>();
    List<Node> order = new ArrayList<>(live);
    order.sort((a, b) -> Integer.compare(b.id(), a.id()));   // readers are made after what they read
    for (Node n : order) {
      if (!(n instanceof Node.Neuron) && !(n instanceof Node.Sum)) continue;
      int limit = sublayers;   // the logits read after the last sublayer
      Integer head = headReads.get(n);
      if (head != null) limit = Math.min(limit, head - 1);
      for (Node r : readers.getOrDefault(n, List.of())) {
        // a unit reads what the sublayer before it wrote, a Sum holds what its terms wrote
        limit = Math.min(limit, r instanceof Node.Sum ? latest.get(r) : latest.get(r) - 1);
      }
      latest.put(n, n instanceof Node.Neuron && limit % 2 == 1 ? limit - 1 : limit);
    }
    Map<Integer, List<Node>> bySublayer = new java.util.TreeMap<>();
    for (Node n : live) {
      if (n instanceof Node.Neuron || n instanceof Node.CumSum) {
        bySublayer.computeIfAbsent(written.get(n), k -> new ArrayList<>()).add(n);
      }
    }
    boolean moved = false;
    for (var layer : bySublayer.entrySet()) {
      int s = layer.getKey();
      List<Node> units = layer.getValue();
      if (s == sublayers || units.size() > SMALL_FFN
          || !units.stream().allMatch(n -> n instanceof Node.Neuron && latest.get(n) > written.get(n))) {
        continue;
      }
      // the units and their readers, through Sums, all to their latest sublayers
      List<Node> work = new ArrayList<>(units);
      Set<Node> seen = new java.util.HashSet<>();
      while (!work.isEmpty()) {
        Node n = work.remove(work.size() - 1);
        if (!seen.add(n)) continue;
        if (n instanceof Node.Neuron) written.put(n, latest.get(n));
        work.addAll(readers.getOrDefault(n, List.of()));
      }
      moved = true;
    }
    if (moved) {
      // a Sum is written when its last term is
      List<Node> sums = new ArrayList<>();
      for (Node n : graph.nodes()) if (n instanceof Node.Sum) sums.add(n);
      for (Node n : sums) written.put(n, ready(((Node.Sum) n).expr()));
    }
  }

  /** At most this many units make an FFN layer that {@link #emptySmallFfns} tries to empty. */
  private static final int SMALL_FFN = 16;

  // ---- reads and slot allocation --------------------------------------------------------

  private void read(Expr e, int at) {
    for (Node n : e.terms().keySet()) {
      if (n instanceof Node.Position) continue;
      lastRead.merge(n, at, Math::max);
    }
  }

  private void recordReads() {
    Set<Head> seen = new LinkedHashSet<>();
    for (Node n : live) {
      if (n instanceof Node.Neuron ne) {
        read(ne.gate(), written.get(n));
        read(ne.value(), written.get(n));
      } else if (n instanceof Node.CumSum cs) {
        read(cs.value(), written.get(n) - 1);
        read(cs.gate(), written.get(n));
      } else if (n instanceof Node.HeadOutput ho && seen.add(ho.head())) {
        for (Expr e : headExprs(ho.head())) read(e, headSublayer.get(ho.head()));
      }
    }
    for (int t = 0; t < graph.vocabSize(); t++) read(graph.logit(t), sublayers + 1);
    // a Sum's terms write into the Sum's slot; the Sum is first written by its earliest term
    for (Node n : live) {
      if (n instanceof Node.Sum s) {
        int first = Integer.MAX_VALUE;
        for (Node t : leaves(s)) first = Math.min(first, written.get(t));
        firstWrite.put(n, first);
      } else if (n instanceof Node.CumSum) {
        firstWrite.put(n, written.get(n));
      } else {
        firstWrite.put(n, written.get(n));
      }
    }
  }

  /** The non-Sum nodes of a Sum, with nested Sums expanded. */
  private static Map<Node, Double> leafTerms(Expr e) {
    Map<Node, Double> out = new LinkedHashMap<>();
    e.terms().forEach((n, c) -> {
      if (n instanceof Node.Sum s) leafTerms(s.expr()).forEach((m, d) -> out.merge(m, c * d, Double::sum));
      else out.merge(n, c, Double::sum);
    });
    return out;
  }

  private static Set<Node> leaves(Node.Sum s) {
    return leafTerms(s.expr()).keySet();
  }

  private void allocateSlots() {
    // nodes that occupy a slot: every live node read directly, except positions
    List<Node> slotted = new ArrayList<>();
    for (Node n : live) if (lastRead.containsKey(n)) slotted.add(n);
    slotted.sort((a, b) -> firstWrite.get(a) != firstWrite.get(b).intValue()
        ? Integer.compare(firstWrite.get(a), firstWrite.get(b)) : Integer.compare(a.id(), b.id()));
    int next = 3; // after the constant one, the position and its square
    for (Node n : slotted) {
      int w = firstWrite.get(n);
      // CumSum's mean is written one sublayer before its sum
      if (n instanceof Node.CumSum cs) {
        meanSlot.put(cs, next++);
        use(meanSlot.get(cs), cs.name() + ".mean", w - 1, w);
      }
      slot.put(n, next++);
      use(slot.get(n), n.name(), w, lastRead.get(n));
    }
    dModel = next;
  }

  private void use(int s, String name, int from, int until) {
    while (slotUses.size() <= s) slotUses.add(new ArrayList<>());
    slotUses.get(s).add(new AssembledModel.SlotUse(name, from, until));
  }

  // ---- emission ------------------------------------------------------------------------

  /** Row vector of an expression over the residual slots. */
  private Map<Integer, Double> row(Expr e) {
    Map<Integer, Double> r = new LinkedHashMap<>();
    if (e.constant() != 0) r.merge(SLOT_ONE, e.constant(), Double::sum);
    e.terms().forEach((n, c) -> {
      int s;
      if (n instanceof Node.Position p) {
        s = p.squared() ? SLOT_P2 : SLOT_P;
      } else {
        Integer x = slot.get(n);
        if (x == null) throw new IllegalStateException("node " + n.name() + " is read but has no slot");
        s = x;
      }
      r.merge(s, c, Double::sum);
    });
    r.values().removeIf(v -> v == 0);
    return r;
  }

  /** Where a leaf node's value must be added: its own slot and every live Sum it is part of. */
  private Map<Integer, Double> destinations(Node n, Map<Node, Map<Integer, Double>> sumShares) {
    Map<Integer, Double> d = new LinkedHashMap<>(sumShares.getOrDefault(n, Map.of()));
    Integer own = slot.get(n);
    if (own != null) d.merge(own, 1.0, Double::sum);
    return d;
  }

  private AssembledModel emit() {
    int layers = sublayers / 2;
    // shares of leaves in live Sums
    Map<Node, Map<Integer, Double>> sumShares = new HashMap<>();
    for (Node n : live) {
      if (n instanceof Node.Sum s && slot.containsKey(s)) {
        leafTerms(s.expr()).forEach((leaf, c) -> sumShares.computeIfAbsent(leaf, k -> new LinkedHashMap<>()).merge(slot.get(s), c, Double::sum));
      }
    }
    int vocab = graph.vocabSize();
    MatrixBuilder embedding = new MatrixBuilder(vocab, dModel);
    for (Node n : live) {
      if (n instanceof Node.Input in) {
        Map<Integer, Double> dest = destinations(n, sumShares);
        for (int t = 0; t < vocab; t++) {
          double v = in.valueByToken()[t];
          if (v != 0) for (var d : dest.entrySet()) embedding.add(t, d.getKey(), v * d.getValue());
        }
      }
    }
    List<LayerBuilder> lb = new ArrayList<>();
    for (int l = 0; l < layers; l++) lb.add(new LayerBuilder());
    Set<Head> emitted = new LinkedHashSet<>();
    long heads = 0;
    for (Node n : live) {
      if (n instanceof Node.Neuron ne) {
        {
          LayerBuilder L = lb.get(written.get(n) / 2 - 1);
          L.ffn.add(new Unit(ne.name(), row(ne.gate()), row(ne.value()), destinations(n, sumShares)));
        }
      } else if (n instanceof Node.CumSum cs) {
        {
          int s = written.get(n);
          LayerBuilder La = lb.get((s - 1 + 1) / 2 - 1);
          int mean = meanSlot.get(cs);
          La.heads.add(new HeadUnit(cs.name() + ".mean", HeadMode.AVERAGE, Map.of(), Map.of(SLOT_ONE, 1.0),
              Map.of(), Map.of(), List.of(row(cs.value())), List.of(Map.of(mean, 1.0))));
          LayerBuilder Lf = lb.get(s / 2 - 1);
          // sum = relu(gate) · mean, the gate p + 1 where the sum is read
          Lf.ffn.add(new Unit(cs.name() + ".sum", row(cs.gate()), Map.of(mean, 1.0), destinations(n, sumShares)));
          heads++;
        }
      } else if (n instanceof Node.HeadOutput ho) {
        {
          Head h = ho.head();
          if (!emitted.add(h)) continue;
          // the live outputs only, in index order
          java.util.BitSet used = liveOutputs.get(h);
          Map<Integer, Node> outputNode = new HashMap<>();
          for (Node m : live) {
            if (m instanceof Node.HeadOutput o && o.head() == h) outputNode.put(o.index(), m);
          }
          List<Map<Integer, Double>> outs = new ArrayList<>();
          List<Map<Integer, Double>> vals = new ArrayList<>();
          for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
            vals.add(row(h.values().get(i)));
            outs.add(destinations(outputNode.get(i), sumShares));
          }
          Map<Integer, Double> kx;
          Map<Integer, Double> ky;
          if (h.positional()) {
            kx = Map.of(SLOT_P, 2.0);
            ky = Map.of(SLOT_P2, -1.0);
          } else {
            kx = row(h.aValid().times(2));
            ky = row(h.aSqValid().times(-1).plus(h.valid().times(Head.BIG)).minus(Head.BIG));
          }
          lb.get((headSublayer.get(h) + 1) / 2 - 1).heads.add(new HeadUnit(h.name(),
              h.mode() == Head.Mode.AVERAGE ? HeadMode.AVERAGE : HeadMode.LATEST,
              row(h.query()), Map.of(SLOT_ONE, 1.0), kx, ky, vals, outs));
          heads++;
        }
      }
    }
    MatrixBuilder unembedding = new MatrixBuilder(vocab, dModel);
    for (int t = 0; t < vocab; t++) {
      for (var e : row(graph.logit(t)).entrySet()) unembedding.add(t, e.getKey(), e.getValue());
    }
    Weights.Builder w = Weights.newBuilder().setEmbedding(embedding.build()).setUnembedding(unembedding.build());
    int ffnWidth = 0;
    long units = 0;
    List<List<String>> unitNames = new ArrayList<>();
    for (LayerBuilder L : lb) {
      w.addLayers(L.build(dModel));
      unitNames.add(L.ffn.stream().map(Unit::name).toList());
      ffnWidth = Math.max(ffnWidth, L.ffn.size());
      units += L.ffn.size();
    }
    ModelShape shape = ModelShape.newBuilder()
        .setDModel(dModel).setLayers(layers).setVocabSize(vocab)
        .setSlotOne(SLOT_ONE).setSlotPosition(SLOT_P).setSlotPositionSquared(SLOT_P2)
        .setHeads((int) heads).setFfnWidth(ffnWidth).setArchitecture(ARCHITECTURE).build();
    Weights weights = w.build();
    return new AssembledModel(shape, weights, units, MatrixBuilder.nonZeros(weights), unitNames, slotUses);
  }

  private record Unit(String name, Map<Integer, Double> gate, Map<Integer, Double> value, Map<Integer, Double> out) {}

  private record HeadUnit(String name, HeadMode mode, Map<Integer, Double> qx, Map<Integer, Double> qy,
      Map<Integer, Double> kx, Map<Integer, Double> ky, List<Map<Integer, Double>> values,
      List<Map<Integer, Double>> outs) {}

  private static final class LayerBuilder {
    final List<HeadUnit> heads = new ArrayList<>();
    final List<Unit> ffn = new ArrayList<>();

    Layer build(int d) {
      Layer.Builder l = Layer.newBuilder();
      for (HeadUnit h : heads) {
        MatrixBuilder q = new MatrixBuilder(2, d).row(0, h.qx).row(1, h.qy);
        MatrixBuilder k = new MatrixBuilder(2, d).row(0, h.kx).row(1, h.ky);
        MatrixBuilder v = new MatrixBuilder(h.values.size(), d);
        MatrixBuilder o = new MatrixBuilder(d, h.values.size());
        for (int i = 0; i < h.values.size(); i++) {
          v.row(i, h.values.get(i));
          for (var e : h.outs.get(i).entrySet()) o.add(e.getKey(), i, e.getValue());
        }
        l.addHeads(dev.wasmformer.runtime.format.Head.newBuilder().setName(h.name).setMode(h.mode)
            .setQuery(q.build()).setKey(k.build()).setValue(v.build()).setOutput(o.build()));
      }
      MatrixBuilder gate = new MatrixBuilder(ffn.size(), d);
      MatrixBuilder value = new MatrixBuilder(ffn.size(), d);
      MatrixBuilder out = new MatrixBuilder(d, ffn.size());
      for (int u = 0; u < ffn.size(); u++) {
        Unit x = ffn.get(u);
        gate.row(u, x.gate);
        value.row(u, x.value);
        for (var e : x.out.entrySet()) out.add(e.getKey(), u, e.getValue());
      }
      l.setFfn(dev.wasmformer.runtime.format.Ffn.newBuilder().setGate(gate.build()).setValue(value.build()).setOutput(out.build()));
      return l.build();
    }
  }

  /** Unused by callers; kept for symmetry with the proto's Matrix type. */
  static Matrix empty(int rows, int cols) {
    return new MatrixBuilder(rows, cols).build();
  }
}
