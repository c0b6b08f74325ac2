package dev.wasmformer.graph;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a graph token by token with no weights: the first of the three independent
 * executions. Every primitive is evaluated from its meaning (a lookup by nearest address,
 * an exact prefix sum), not from the geometry the transformer uses, and every invariant the
 * weights rely on is checked (flags are 0 or 1, {@code aSqValid == aValid²}, queries are
 * integers).
 */
public final class Evaluator {
  private final Graph graph;
  private final List<Node> nodes;
  private final double[] current;
  private final Map<Head, HeadState> heads = new IdentityHashMap<>();
  private final Map<Node, Double> cumSums = new HashMap<>();
  private long position = -1;

  public Evaluator(Graph graph) {
    this.graph = graph;
    this.nodes = graph.nodes();
    this.current = new double[nodes.size()];
    for (Head h : graph.heads()) heads.put(h, new HeadState(h));
  }

  /** Appends a token at the next position, evaluates the graph there, returns the arg-max token. */
  public int step(int token) {
    position++;
    double p = position;
    for (Node n : nodes) {
      double v;
      if (n instanceof Node.Input in) {
        v = in.valueByToken()[token];
      } else if (n instanceof Node.Position pos) {
        v = pos.squared() ? p * p : p;
      } else if (n instanceof Node.Neuron ne) {
        v = Math.max(0, eval(ne.gate())) * eval(ne.value());
      } else if (n instanceof Node.CumSum cs) {
        double x = checkedInteger(eval(cs.value()), cs.name());
        v = cumSums.getOrDefault(cs, 0.0) + x;
        cumSums.put(cs, v);
      } else if (n instanceof Node.HeadOutput ho) {
        // A head is evaluated when its first output is reached; later outputs reuse it.
        v = heads.get(ho.head()).output(ho.index());
      } else {
        v = eval(((Node.Sum) n).expr());
      }
      current[n.id()] = v;
    }
    heads.values().forEach(HeadState::reset);
    int best = 0;
    double bestLogit = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < graph.vocabSize(); t++) {
      double l = eval(graph.logit(t));
      if (l > bestLogit) {
        bestLogit = l;
        best = t;
      }
    }
    return best;
  }

  /** The value of an expression at the current position. */
  public double eval(Expr e) {
    Compiled c = compiled.computeIfAbsent(e, Compiled::new);
    double v = c.constant;
    for (int i = 0; i < c.ids.length; i++) v += c.coefs[i] * current[c.ids[i]];
    return v;
  }

  /** An expression as parallel arrays, so evaluation does not walk maps. */
  private static final class Compiled {
    final int[] ids;
    final double[] coefs;
    final double constant;

    Compiled(Expr e) {
      ids = new int[e.terms().size()];
      coefs = new double[ids.length];
      int i = 0;
      for (Map.Entry<Node, Double> t : e.terms().entrySet()) {
        ids[i] = t.getKey().id();
        coefs[i++] = t.getValue();
      }
      constant = e.constant();
    }
  }

  private final Map<Expr, Compiled> compiled = new IdentityHashMap<>();

  public long position() {
    return position;
  }

  private static double checkedInteger(double v, String what) {
    if (v != Math.rint(v) || Math.abs(v) > 0x1p52) {
      throw new IllegalStateException(what + ": not an exact integer: " + v);
    }
    return v;
  }

  /** One head's memory of earlier positions, indexed by address. */
  private final class HeadState {
    final Head head;
    final int width;
    // positional heads: values by position
    final List<double[]> byPosition = new ArrayList<>();
    // address heads: merged entries per valid address; one merged entry for all invalid keys
    final TreeMap<Long, Entry> valid = new TreeMap<>();
    final Entry invalid;
    double[] out;

    HeadState(Head head) {
      this.head = head;
      this.width = head.values().size();
      this.invalid = new Entry(width);
    }

    void reset() {
      out = null;
    }

    double output(int index) {
      if (out == null) out = evaluate();
      return out[index];
    }

    double[] values() {
      double[] v = new double[width];
      for (int i = 0; i < width; i++) v[i] = eval(head.values().get(i));
      return v;
    }

    double[] evaluate() {
      double[] vals = values();
      double q = checkedInteger(eval(head.query()), head.name() + " query");
      if (head.positional()) {
        byPosition.add(vals);
        long k = Math.max(0, Math.min(position, (long) q));
        return byPosition.get((int) k).clone();
      }
      insert(vals);
      return answer(q);
    }

    void insert(double[] vals) {
      double flag = eval(head.valid());
      double aV = eval(head.aValid());
      double a2V = eval(head.aSqValid());
      if (flag == 1) {
        double a = checkedInteger(aV, head.name() + " address");
        if (a * a != a2V) {
          throw new IllegalStateException(head.name() + ": aSqValid " + a2V + " != a^2 for a=" + a + " at " + position);
        }
        if (Math.abs(a) > 0x1p26) throw new IllegalStateException(head.name() + ": address out of range: " + a);
        valid.computeIfAbsent((long) a, x -> new Entry(width)).add(vals, position);
      } else if (flag == 0) {
        if (aV != 0 || a2V != 0) {
          throw new IllegalStateException(head.name() + ": invalid key with nonzero address at " + position);
        }
        invalid.add(vals, position);
      } else {
        throw new IllegalStateException(head.name() + ": valid flag " + flag + " at " + position);
      }
    }

    double[] answer(double q) {
      long ql = (long) q;
      List<Entry> tied = new ArrayList<>();
      Map.Entry<Long, Entry> lo = valid.floorEntry(ql);
      Map.Entry<Long, Entry> hi = valid.ceilingEntry(ql);
      long best = Long.MAX_VALUE;
      if (lo != null) best = ql - lo.getKey();
      if (hi != null) best = Math.min(best, hi.getKey() - ql);
      if (lo != null && ql - lo.getKey() == best) tied.add(lo.getValue());
      if (hi != null && hi.getKey() - ql == best && (lo == null || !hi.getKey().equals(lo.getKey()))) {
        tied.add(hi.getValue());
      }
      if (tied.isEmpty()) {
        tied.add(invalid);
      } else {
        // valid score q² − d² against the invalid score −BIG, exactly
        BigInteger score = BigInteger.valueOf(ql).pow(2).subtract(BigInteger.valueOf(best).pow(2));
        int cmp = score.compareTo(BigInteger.valueOf((long) -Head.BIG));
        if (cmp < 0) {
          tied.clear();
          tied.add(invalid);
        } else if (cmp == 0) {
          tied.add(invalid);
        }
      }
      tied.removeIf(e -> e.count == 0);
      double[] r = new double[width];
      if (tied.isEmpty()) return r;
      if (head.mode() == Head.Mode.LATEST) {
        Entry latest = tied.get(0);
        for (Entry e : tied) if (e.latestPosition > latest.latestPosition) latest = e;
        return latest.latest.clone();
      }
      long count = 0;
      for (Entry e : tied) {
        count += e.count;
        for (int i = 0; i < width; i++) r[i] += e.sum[i];
      }
      for (int i = 0; i < width; i++) r[i] /= count;
      return r;
    }
  }

  private static final class Entry {
    final double[] sum;
    double[] latest;
    long latestPosition = -1;
    long count;

    Entry(int width) {
      sum = new double[width];
    }

    void add(double[] v, long pos) {
      for (int i = 0; i < v.length; i++) sum[i] += v[i];
      latest = v;
      latestPosition = pos;
      count++;
    }
  }
}
