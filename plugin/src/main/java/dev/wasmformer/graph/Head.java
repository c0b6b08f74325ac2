package dev.wasmformer.graph;

import java.util.List;

/**
 * A hard-attention lookup: among earlier-or-current positions whose {@code valid} is 1, read
 * the one(s) whose integer address is nearest to the query; if none is valid every
 * position ties. {@code LATEST} reads the latest of the tied positions, {@code AVERAGE}
 * their mean.
 *
 * <p>Realised with 2-D keys {@code (2·a·valid, −a²·valid − BIG·(1−valid))} and the query
 * {@code (q, 1)}, whose score {@code q² − (a−q)²} peaks at the address nearest to q. The
 * graph supplies {@code aValid = a·valid} and {@code aSqValid = a²·valid} (computed with
 * neurons); the evaluator checks that they agree. {@link #positional()} heads use the
 * position itself as the address (every position valid), for which no neuron is needed.
 *
 * @param name for diagnostics
 * @param mode tie rule
 * @param positional address = position (valid everywhere); aValid, aSqValid, valid unused
 * @param valid 1 where the position may be read, else 0
 * @param aValid a times valid
 * @param aSqValid a squared times valid
 * @param query the wanted address
 * @param values what is read
 */
public record Head(
    String name,
    Mode mode,
    boolean positional,
    Expr valid,
    Expr aValid,
    Expr aSqValid,
    Expr query,
    List<Expr> values) {

  /** Tie rule of a hard-attention head. */
  public enum Mode { AVERAGE, LATEST }

  /** Penalty of an invalid key; larger than any squared distance the graph produces. */
  public static final double BIG = 0x1p50;

  public Head {
    values = List.copyOf(values);
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
