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
  private final HeadState[] headStates;
  private long position = -1;
  /** Positions a positional head keeps: all (0) or the latest {@code window}; see the constructor. */
  private final int window;

  // per node, precompiled: kind and expressions, so a step walks arrays only
  private final int[] kind;
  private final Compiled[] first;
  private final Compiled[] second;
  private final double[][] inputs;
  private final HeadState[] headOf;
  private final int[] outputIndex;
  private final double[] sums;
  // logits: tokens whose logit varies, and the best of the constant ones
  private final int[] varying;
  private final Compiled[] varyingLogit;
  private final int constantBest;
  private final double constantBestLogit;

  public Evaluator(Graph graph) {
    this(graph, 0);
  }

  /**
   * An evaluator whose positional heads keep the values of the first {@code window} positions
   * (where the prompt is) and of the latest {@code window} ones only (0: every position), so
   * that a run of ten million tokens fits in memory. A query that reaches between the two
   * fails loudly rather than answering from a guess.
   */
  public Evaluator(Graph graph, int window) {
    if (window < 0) throw new IllegalArgumentException("window " + window);
    this.window = window;
    this.graph = graph;
    this.nodes = graph.nodes();
    this.current = new double[nodes.size()];
    for (Head h : graph.heads()) heads.put(h, new HeadState(h));
    headStates = heads.values().toArray(HeadState[]::new);
    int n = nodes.size();
    kind = new int[n];
    first = new Compiled[n];
    second = new Compiled[n];
    inputs = new double[n][];
    headOf = new HeadState[n];
    outputIndex = new int[n];
    sums = new double[n];
    for (Node node : nodes) {
      int i = node.id();
      if (node instanceof Node.Input in) {
        kind[i] = 0;
        inputs[i] = in.valueByToken();
      } else if (node instanceof Node.Position pos) {
        kind[i] = pos.squared() ? 2 : 1;
      } else if (node instanceof Node.Neuron ne) {
        kind[i] = 3;
        first[i] = compile(ne.gate());
        second[i] = compile(ne.value());
      } else if (node instanceof Node.CumSum cs) {
        kind[i] = 4;
        first[i] = compile(cs.value());
        second[i] = compile(cs.gate());
      } else if (node instanceof Node.HeadOutput ho) {
        kind[i] = 5;
        headOf[i] = heads.get(ho.head());
        outputIndex[i] = ho.index();
      } else {
        kind[i] = 6;
        first[i] = compile(((Node.Sum) node).expr());
      }
    }
    List<Integer> var = new ArrayList<>();
    List<Compiled> varLogit = new ArrayList<>();
    int cBest = -1;
    double cLogit = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < graph.vocabSize(); t++) {
      Expr l = graph.logit(t);
      if (l.isConstant()) {
        if (l.constant() > cLogit) {
          cLogit = l.constant();
          cBest = t;
        }
      } else {
        var.add(t);
        varLogit.add(compile(l));
      }
    }
    varying = var.stream().mapToInt(Integer::intValue).toArray();
    varyingLogit = varLogit.toArray(Compiled[]::new);
    constantBest = cBest;
    constantBestLogit = cLogit;
  }

  /**
   * Evaluates a linear expression, checking that it is exact in double: the sum of the
   * magnitudes of its terms stays below 2^53, so the transformer computes the same value
   * in whatever order it adds the terms.
   */
  private double eval(Compiled c) {
    double v = c.constant;
    double magnitude = Math.abs(v);
    int[] node = termNode;
    double[] coef = termCoef;
    double[] x = current;
    for (int i = c.start, end = c.end; i < end; i++) {
      double t = coef[i] * x[node[i]];
      v += t;
      magnitude += Math.abs(t);
    }
    if (magnitude >= 0x1p53) {
      throw new IllegalStateException("inexact linear expression at position " + position + ": terms of magnitude "
          + magnitude + " in " + c.source);
    }
    return v;
  }

  /** Appends a token at the next position, evaluates the graph there, returns the arg-max token. */
  public int step(int token) {
    position++;
    double p = position;
    for (int i = 0; i < kind.length; i++) {
      double v;
      switch (kind[i]) {
        case 0 -> v = inputs[i][token];
        case 1 -> v = p;
        case 2 -> v = p * p;
        case 3 -> {
          // relu(gate) * value; with the gate off the product is 0 whatever the value (the
          // transformer's value is finite), so the value is not evaluated
          double g = eval(first[i]);
          v = g > 0 ? g * eval(second[i]) : 0.0;
        }
        case 4 -> {
          double d = eval(first[i]);
          if (!isExactInteger(d)) checkedInteger(d, nodes.get(i).name());
          sums[i] += d;
          v = eval(second[i]) > 0 ? sums[i] : 0.0;
        }
        // A head is evaluated when its first output is reached; later outputs reuse it.
        case 5 -> v = headOf[i].output(outputIndex[i]);
        default -> v = eval(first[i]);
      }
      current[i] = v;
    }
    for (HeadState h : headStates) h.reset();
    int best = -1;
    double bestLogit = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < varying.length; k++) {
      double l = eval(varyingLogit[k]);
      if (l > bestLogit) {
        bestLogit = l;
        best = varying[k];
      }
    }
    if (constantBest >= 0 && (constantBestLogit > bestLogit || (constantBestLogit == bestLogit && constantBest < best))) {
      best = constantBest;
    }
    return best;
  }

  /** The value of an expression at the current position. */
  public double eval(Expr e) {
    return eval(compile(e));
  }

  /**
   * An expression's place in the flat term arrays: its terms are {@code termNode[start .. end)}
   * with {@code termCoef}, so that a step walks two arrays in order instead of an object per
   * expression.
   */
  private static final class Compiled {
    final int start;
    final int end;
    final double constant;
    final Expr source;

    Compiled(Expr e, int start) {
      this.source = e;
      this.start = start;
      this.end = start + e.terms().size();
      this.constant = e.constant();
    }
  }

  private final Map<Expr, Compiled> compiled = new IdentityHashMap<>();
  private int[] termNode = new int[1024];
  private double[] termCoef = new double[1024];
  private int terms;

  /** Appends an expression's terms to the flat arrays (once per expression). */
  private Compiled compile(Expr e) {
    Compiled c = compiled.get(e);
    if (c != null) return c;
    int n = e.terms().size();
    if (terms + n > termNode.length) {
      int size = Math.max(terms + n, 2 * termNode.length);
      termNode = java.util.Arrays.copyOf(termNode, size);
      termCoef = java.util.Arrays.copyOf(termCoef, size);
    }
    c = new Compiled(e, terms);
    for (Map.Entry<Node, Double> t : e.terms().entrySet()) {
      termNode[terms] = t.getKey().id();
      termCoef[terms++] = t.getValue();
    }
    compiled.put(e, c);
    return c;
  }

  public long position() {
    return position;
  }

  /** True for an integer of magnitude at most 2^52 (the message of a failure is built apart, only then). */
  private static boolean isExactInteger(double v) {
    return v == Math.rint(v) && Math.abs(v) <= 0x1p52;
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
    // positional heads: values by position; with a window, only the first window positions
    // (the prompt) here, and later ones at p % window of recent, overwritten as the run goes
    final List<double[]> byPosition = new ArrayList<>();
    final double[][] recent = new double[window][];
    // address heads: merged entries per valid address; one merged entry for all invalid keys
    final TreeMap<Long, Entry> valid = new TreeMap<>();
    final Entry invalid;
    double[] out;

    final Compiled[] valueExprs;
    final Compiled validExpr, aExpr, a2Expr, queryExpr;

    HeadState(Head head) {
      this.head = head;
      this.width = head.values().size();
      this.invalid = new Entry(width);
      valueExprs = head.values().stream().map(Evaluator.this::compile).toArray(Compiled[]::new);
      validExpr = compile(head.valid());
      aExpr = compile(head.aValid());
      a2Expr = compile(head.aSqValid());
      queryExpr = compile(head.query());
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
      for (int i = 0; i < width; i++) v[i] = eval(valueExprs[i]);
      return v;
    }

    double[] evaluate() {
      double[] vals = values();
      double q = eval(queryExpr);
      if (!isExactInteger(q)) checkedInteger(q, head.name() + " query");
      if (head.positional()) {
        long k = Math.max(0, Math.min(position, (long) q));
        if (window == 0 || position < window) {
          byPosition.add(vals);
        } else {
          recent[(int) (position % window)] = vals;
        }
        if (k < window || window == 0) {
          return byPosition.get((int) k).clone();
        }
        if (position - k >= window) {
          throw new IllegalStateException(head.name() + ": query for position " + k + " at " + position
              + " reaches past the evaluator's window of " + window + " positions");
        }
        return recent[(int) (k % window)].clone();
      }
      insert(vals);
      return answer(q);
    }

    void insert(double[] vals) {
      double flag = eval(validExpr);
      double aV = eval(aExpr);
      double a2V = eval(a2Expr);
      if (flag == 1) {
        double a = aV;
        if (!isExactInteger(a)) checkedInteger(a, head.name() + " address");
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
        // valid score q² − d² against the invalid score −BIG, exactly (in a long while both
        // squares stay below 2^62)
        int cmp;
        if (Math.abs(ql) < 1L << 31 && best < 1L << 31) {
          cmp = Long.compare(ql * ql - best * best, (long) -Head.BIG);
        } else {
          BigInteger score = BigInteger.valueOf(ql).pow(2).subtract(BigInteger.valueOf(best).pow(2));
          cmp = score.compareTo(BigInteger.valueOf((long) -Head.BIG));
        }
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
