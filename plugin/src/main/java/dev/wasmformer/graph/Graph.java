package dev.wasmformer.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A computation graph over transformer primitives: the per-token logic of a program that
 * a transformer runs. Build it with the primitive factories and the helpers in
 * {@link Gates}, declare each token's logit, and hand it to the evaluator or the assembler.
 */
public final class Graph {
  private final int vocabSize;
  private final List<Node> nodes = new ArrayList<>();
  private final List<Head> heads = new ArrayList<>();
  private final Expr[] logits;
  private final Node.Position position;
  private final Node.Position positionSquared;

  public Graph(int vocabSize) {
    this.vocabSize = vocabSize;
    this.logits = new Expr[vocabSize];
    this.position = add(new Node.Position(nodes.size(), "p", false));
    this.positionSquared = add(new Node.Position(nodes.size(), "p^2", true));
  }

  private <N extends Node> N add(N node) {
    nodes.add(node);
    return node;
  }

  public int vocabSize() {
    return vocabSize;
  }

  public List<Node> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  public List<Head> heads() {
    return Collections.unmodifiableList(heads);
  }

  /** The position p of the current token. */
  public Expr position() {
    return Expr.of(position);
  }

  /** p squared. */
  public Expr positionSquared() {
    return Expr.of(positionSquared);
  }

  /** A value the embedding sets: {@code valueByToken[token]}. */
  public Expr input(String name, double[] valueByToken) {
    if (valueByToken.length != vocabSize) throw new IllegalArgumentException("input " + name + " has wrong length");
    return Expr.of(add(new Node.Input(nodes.size(), name, valueByToken.clone())));
  }

  /** One ReGLU unit: relu(gate) * value. */
  public Expr neuron(String name, Expr gate, Expr value) {
    if (gate.isConstant() && value.isConstant()) {
      return Expr.constant(Math.max(0, gate.constant()) * value.constant());
    }
    return Expr.of(add(new Node.Neuron(nodes.size(), name, gate, value)));
  }

  /** relu(x). */
  public Expr relu(String name, Expr x) {
    return neuron(name, x, Expr.constant(1));
  }

  /**
   * Keeps a linear combination in one residual slot (see {@link Node.Sum}); use it for a
   * combination of many units that is read more than once or by the unembedding.
   */
  public Expr sum(String name, Expr expr) {
    Expr body = expr.plus(-expr.constant());
    for (Node n : body.terms().keySet()) {
      if (n instanceof Node.Position) throw new IllegalArgumentException("sum " + name + " has a position term");
    }
    if (body.isConstant()) return expr;
    return Expr.of(add(new Node.Sum(nodes.size(), name, body))).plus(expr.constant());
  }

  /** Exact prefix sum of an integer value over positions 0..p. */
  public Expr cumSum(String name, Expr value) {
    return cumSum(name, value, position().plus(1));
  }

  /**
   * The prefix sum of {@link #cumSum}, where the 0/1 {@code flags} are all 1, else 0, for
   * positions below {@code m}: its unit's gate, {@code p + 1 - m·(number of flags - their
   * sum)}, is then negative elsewhere, so the runtime need not evaluate it at every token.
   */
  public Expr cumSumWhere(String name, Expr value, double m, Expr... flags) {
    Expr off = Expr.constant(flags.length);
    for (Expr f : flags) off = off.minus(f);
    return cumSum(name, value, position().plus(1).minus(off.times(m)));
  }

  /** A prefix sum whose unit's gate is {@code gate} (p + 1 where it is read). */
  Expr cumSum(String name, Expr value, Expr gate) {
    return Expr.of(add(new Node.CumSum(nodes.size(), name, value, gate)));
  }

  /** Adds a head; returns its value components. */
  public List<Expr> head(Head head) {
    heads.add(head);
    List<Expr> out = new ArrayList<>();
    for (int i = 0; i < head.values().size(); i++) {
      out.add(Expr.of(add(new Node.HeadOutput(nodes.size(), head.name() + "[" + i + "]", head, i))));
    }
    return out;
  }

  /** Reads the values at the nearest valid address, latest on ties. */
  public List<Expr> lookup(String name, Expr valid, Expr aValid, Expr aSqValid, Expr query, List<Expr> values) {
    return head(new Head(name, Head.Mode.LATEST, false, valid, aValid, aSqValid, query, values));
  }

  /** Reads the values of the latest position where {@code valid} is 1. */
  public List<Expr> latest(String name, Expr valid, List<Expr> values) {
    return head(new Head(name, Head.Mode.LATEST, false, valid, Expr.ZERO, Expr.ZERO, Expr.ZERO, values));
  }

  /** Reads the values at position {@code query} (an integer, at most the current position). */
  public List<Expr> at(String name, Expr query, List<Expr> values) {
    return head(new Head(name, Head.Mode.LATEST, true, Expr.constant(1), Expr.ZERO, Expr.ZERO, query, values));
  }

  /** Declares the logit of a token. Tokens without a logit get a very low constant one. */
  public void logit(int token, Expr logit) {
    logits[token] = logit;
  }

  public Expr logit(int token) {
    return logits[token] == null ? UNUSED : logits[token];
  }

  private static final Expr UNUSED = Expr.constant(-0x1p60);

  /** Logit of tokens that can never be generated. */
  public static final double UNUSED_LOGIT = 0x1p60;
}
