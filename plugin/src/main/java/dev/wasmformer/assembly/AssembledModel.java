package dev.wasmformer.assembly;

import dev.wasmformer.runtime.format.ModelShape;
import dev.wasmformer.runtime.format.Weights;
import java.util.List;

/**
 * The weights compiled from a graph, with their shape and size figures.
 *
 * @param units total FFN hidden units over all layers
 * @param nonZeros non-zero weights over all matrices
 * @param unitNames per layer, the graph node each FFN unit computes, in unit order (for
 *     diagnostics: which part of the interpreter a unit the runtime evaluates belongs to)
 * @param slotUses per residual slot, the graph nodes that hold it, in the order they take it
 *     (for diagnostics: which value a non-zero slot the runtime visits is)
 */
public record AssembledModel(ModelShape shape, Weights weights, long units, long nonZeros, List<List<String>> unitNames,
    List<List<SlotUse>> slotUses) {
  public AssembledModel {
    unitNames = unitNames.stream().map(List::copyOf).toList();
    slotUses = slotUses.stream().map(List::copyOf).toList();
  }

  /**
   * A node holding a residual slot from sublayer {@code from} (its first write) to sublayer
   * {@code until} (its last read; past the last layer for the unembedding).
   */
  public record SlotUse(String name, int from, int until) {}

  /** The node holding {@code slot} when sublayer {@code sublayer} reads it, or null. */
  public String slotName(int slot, int sublayer) {
    if (slot >= slotUses.size()) return null;
    for (SlotUse u : slotUses.get(slot)) if (u.from() < sublayer && sublayer <= u.until()) return u.name();
    return null;
  }

  /** Total number of parameters if every matrix were dense. */
  public long denseParameters() {
    long d = shape.getDModel();
    long p = 2L * shape.getVocabSize() * d;
    for (var l : weights.getLayersList()) {
      for (var h : l.getHeadsList()) p += 4 * d + 2 * d * h.getValue().getRows();
      p += 3L * d * l.getFfn().getGate().getRows();
    }
    return p;
  }
}
