package dev.wasmformer.graph;

/**
 * A value computed at every position by one transformer primitive. Nodes are compared by
 * identity; {@link #id()} gives a deterministic order.
 */
public sealed interface Node permits Node.Input, Node.Position, Node.Neuron, Node.HeadOutput, Node.CumSum, Node.Sum {
  int id();

  String name();

  /** A value set by the token embedding: {@code valueByToken[token]}. */
  record Input(int id, String name, double[] valueByToken) implements Node {}

  /** A position feature: the position p itself or p squared. */
  record Position(int id, String name, boolean squared) implements Node {}

  /** One ReGLU unit: {@code relu(gate) * value}. */
  record Neuron(int id, String name, Expr gate, Expr value) implements Node {}

  /** Component {@code index} of the value read by an attention head. */
  record HeadOutput(int id, String name, Head head, int index) implements Node {}

  /**
   * The exact sum of {@code value} over every position up to and including this one where
   * {@code gate} is positive, else 0. Built in the transformer as an AVERAGE head over a
   * constant key (the mean) times relu(gate), one unit: the gate is p + 1 (every position),
   * or p + 1 less a large multiple of a flag's complement (only where the flags are 1).
   */
  record CumSum(int id, String name, Expr value, Expr gate) implements Node {}

  /**
   * A linear combination kept in one residual slot: every node in it adds its share into the
   * slot where it is computed, so its terms need no slots of their own. Its expression has
   * no constant term and no position term.
   */
  record Sum(int id, String name, Expr expr) implements Node {}
}
