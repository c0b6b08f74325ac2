package dev.wasmformer.assembly;

import dev.wasmformer.runtime.format.ModelShape;
import dev.wasmformer.runtime.format.Weights;

/**
 * The weights compiled from a graph, with their shape and size figures.
 *
 * @param units total FFN hidden units over all layers
 * @param nonZeros non-zero weights over all matrices
 */
public record AssembledModel(ModelShape shape, Weights weights, long units, long nonZeros) {
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
