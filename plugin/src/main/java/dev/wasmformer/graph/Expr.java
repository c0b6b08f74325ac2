package dev.wasmformer.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A linear combination of graph nodes plus a constant: the only way one node reads
 * another. Linear expressions cost nothing in the transformer: they are folded into the
 * matrices of whatever reads them.
 */
public final class Expr {
  private final Map<Node, Double> terms;
  private final double constant;

  private Expr(Map<Node, Double> terms, double constant) {
    this.terms = terms;
    this.constant = constant;
  }

  public static final Expr ZERO = new Expr(Map.of(), 0);

  public static Expr constant(double c) {
    return new Expr(Map.of(), c);
  }

  public static Expr of(Node node) {
    return new Expr(Map.of(node, 1.0), 0);
  }

  public Map<Node, Double> terms() {
    return Collections.unmodifiableMap(terms);
  }

  public double constant() {
    return constant;
  }

  public Expr plus(Expr other) {
    Map<Node, Double> t = new LinkedHashMap<>(terms);
    other.terms.forEach((n, c) -> t.merge(n, c, Double::sum));
    t.values().removeIf(c -> c == 0.0);
    return new Expr(t, constant + other.constant);
  }

  public Expr plus(Node node) {
    return plus(of(node));
  }

  public Expr plus(double c) {
    return new Expr(terms, constant + c);
  }

  public Expr minus(Expr other) {
    return plus(other.times(-1));
  }

  public Expr minus(Node node) {
    return minus(of(node));
  }

  public Expr minus(double c) {
    return plus(-c);
  }

  public Expr times(double k) {
    if (k == 0) return ZERO;
    Map<Node, Double> t = new LinkedHashMap<>();
    terms.forEach((n, c) -> t.put(n, c * k));
    return new Expr(t, constant * k);
  }

  /** Sum of expressions. */
  public static Expr sum(Iterable<Expr> parts) {
    Expr e = ZERO;
    for (Expr p : parts) e = e.plus(p);
    return e;
  }

  public boolean isConstant() {
    return terms.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    terms.forEach((n, c) -> sb.append(c >= 0 ? " + " : " - ").append(Math.abs(c)).append('*').append(n.name()));
    if (constant != 0 || sb.length() == 0) sb.append(" + ").append(constant);
    return sb.toString().substring(3);
  }
}
