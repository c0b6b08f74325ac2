package dev.wasmformer.assembly;

import dev.wasmformer.runtime.format.Matrix;
import dev.wasmformer.runtime.format.SparseValues;
import dev.wasmformer.runtime.format.Weights;
import java.util.Map;
import java.util.TreeMap;

/** Accumulates a sparse matrix and writes it in the bundle's coordinate form. */
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
    SparseValues.Builder s = SparseValues.newBuilder();
    entries.forEach((k, v) -> {
      if (v != 0) {
        s.addRow((int) (k >>> 32));
        s.addCol((int) (long) k);
        s.addValue(v);
      }
    });
    return Matrix.newBuilder().setRows(rows).setCols(cols).setSparse(s).build();
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
    return m.hasSparse() ? m.getSparse().getValueCount() : m.getDense().getValuesList().stream().filter(v -> v != 0).count();
  }
}
