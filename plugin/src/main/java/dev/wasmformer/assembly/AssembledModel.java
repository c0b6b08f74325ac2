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
 */
public record AssembledModel(ModelShape shape, Weights weights, long units, long nonZeros, List<List<String>> unitNames) {
  public AssembledModel {
    unitNames = unitNames.stream().map(List::copyOf).toList();
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
