package dev.wasmformer.assembly;

import dev.wasmformer.runtime.format.Matrix;
import dev.wasmformer.runtime.format.PackedMatrices;
import dev.wasmformer.runtime.format.Weights;
import java.util.Map;
import java.util.TreeMap;

/** Accumulates a sparse matrix and writes it in the bundle's packed form (rows read in bulk). */
final class MatrixBuilder {
  private final int rows;
  private final int cols;
  private final TreeMap<Long, Double> entries = new TreeMap<>();

  MatrixBuilder(int rows, int cols) {
    this.rows = rows;
    this.cols = cols;
  }

  MatrixBuilder add(int r, int c, double v) {
    if (r < 0 || r >= rows || c < 0 || c >= cols) throw new IndexOutOfBoundsException(r + "," + c);
    entries.merge(((long) r << 32) | c, v, Double::sum);
    return this;
  }

  MatrixBuilder row(int r, Map<Integer, Double> values) {
    values.forEach((c, v) -> add(r, c, v));
    return this;
  }

  Matrix build() {
    int[] rowEnds = new int[rows];
    int[] columns = new int[entries.size()];
    double[] values = new double[entries.size()];
    int n = 0;
    for (Map.Entry<Long, Double> e : entries.entrySet()) {
      if (e.getValue() != 0) {
        columns[n] = (int) (long) e.getKey();
        values[n++] = e.getValue();
        rowEnds[(int) (e.getKey() >>> 32)] = n;
      }
    }
    for (int r = 1; r < rows; r++) rowEnds[r] = Math.max(rowEnds[r], rowEnds[r - 1]);
    return PackedMatrices.matrix(cols, rowEnds,
        java.util.Arrays.copyOf(columns, n), java.util.Arrays.copyOf(values, n));
  }

  static long nonZeros(Weights w) {
    long n = count(w.getEmbedding()) + count(w.getUnembedding());
    for (var l : w.getLayersList()) {
      for (var h : l.getHeadsList()) n += count(h.getQuery()) + count(h.getKey()) + count(h.getValue()) + count(h.getOutput());
      n += count(l.getFfn().getGate()) + count(l.getFfn().getValue()) + count(l.getFfn().getOutput());
    }
    return n;
  }

  private static long count(Matrix m) {
    if (m.hasPacked()) return PackedMatrices.unpack(m.getPacked(), m.getRows(), m.getCols()).values().length;
    return m.hasSparse() ? m.getSparse().getValueCount() : m.getDense().getValuesList().stream().filter(v -> v != 0).count();
  }
}
