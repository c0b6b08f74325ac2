package dev.wasmformer.runtime.format;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Packs and unpacks the {@link PackedRows} storage of a {@link Matrix}: its non-zero entries
 * row by row as little-endian arrays, which a reader copies in bulk instead of decoding one
 * varint or double at a time (the other storages cost a cold JVM most of a load).
 */
public final class PackedMatrices {
  /** Columns are stored in 16 bits up to this many columns, in 32 bits beyond. */
  public static final int SHORT_COLUMNS = 1 << 16;

  private PackedMatrices() {}

  /**
   * A matrix's entries row by row: row r holds entries {@code rowEnds[r-1]..rowEnds[r]-1}
   * (from 0 for row 0), each with its column (increasing within the row) and value.
   */
  public record Rows(int[] rowEnds, int[] columns, double[] values) {}

  /**
   * The packed matrix of the given entries; {@code rows = rowEnds.length}. The entries are
   * not checked here: a bundle holding them is validated when it is written and read.
   */
  public static Matrix matrix(int cols, int[] rowEnds, int[] columns, double[] values) {
    int n = values.length;
    ByteBuffer ends = buffer(4L * rowEnds.length);
    ends.asIntBuffer().put(rowEnds);
    boolean narrow = Integer.compareUnsigned(cols, SHORT_COLUMNS) <= 0;
    ByteBuffer cs = buffer((narrow ? 2L : 4L) * n);
    if (narrow) {
      char[] shorts = new char[n];
      for (int i = 0; i < n; i++) shorts[i] = (char) columns[i];
      cs.asCharBuffer().put(shorts);
    } else {
      cs.asIntBuffer().put(columns, 0, n);
    }
    ByteBuffer vs = buffer(8L * n);
    vs.asDoubleBuffer().put(values);
    return Matrix.newBuilder().setRows(rowEnds.length).setCols(cols)
        .setPacked(PackedRows.newBuilder()
            .setRowEnds(ByteString.copyFrom(ends.array()))
            .setColumns(ByteString.copyFrom(cs.array()))
            .setValues(ByteString.copyFrom(vs.array())))
        .build();
  }

  /**
   * The same matrix in the coordinate ({@link SparseValues}) storage, for tools that edit
   * entries; a matrix in another storage is returned as it is.
   *
   * @throws IllegalArgumentException if the packed storage is malformed
   */
  public static Matrix toSparse(Matrix m) {
    if (!m.hasPacked()) return m;
    Rows rows = unpack(m.getPacked(), m.getRows(), m.getCols());
    SparseValues.Builder s = SparseValues.newBuilder();
    for (int r = 0, i = 0; r < m.getRows(); r++) {
      for (; i < rows.rowEnds()[r]; i++) {
        s.addRow(r).addCol(rows.columns()[i]).addValue(rows.values()[i]);
      }
    }
    return m.toBuilder().setSparse(s).build();
  }

  /**
   * The same matrix in the packed storage, its zero entries left out (e.g. to repack a
   * bundle); a packed matrix is returned as it is.
   *
   * @throws IllegalArgumentException if the matrix's storage does not fit its shape
   */
  public static Matrix toPacked(Matrix m) {
    if (m.hasPacked()) return m;
    int rows = m.getRows();
    int cols = m.getCols();
    if (rows < 0 || cols < 0) throw new IllegalArgumentException("the matrix is too large");
    if (m.hasDense()) {
      DenseValues dense = m.getDense();
      if (dense.getValuesCount() != (long) rows * cols) {
        throw new IllegalArgumentException("the dense values do not fill the matrix");
      }
      Rows entries = denseRows(dense, rows, cols);
      return matrix(cols, entries.rowEnds(), entries.columns(), entries.values());
    }
    SparseValues sparse = m.getSparse();
    int[] rowEnds = new int[rows];
    int[] columns = new int[sparse.getValueCount()];
    double[] values = new double[sparse.getValueCount()];
    int n = 0;
    for (int i = 0; i < sparse.getValueCount(); i++) {
      int r = sparse.getRow(i);
      if (Integer.compareUnsigned(r, rows) >= 0) {
        throw new IllegalArgumentException("a sparse entry lies outside the matrix");
      }
      if (sparse.getValue(i) != 0) {
        columns[n] = sparse.getCol(i);
        values[n++] = sparse.getValue(i);
        rowEnds[r] = n;
      }
    }
    for (int r = 1; r < rows; r++) rowEnds[r] = Math.max(rowEnds[r], rowEnds[r - 1]);
    return matrix(cols, rowEnds, java.util.Arrays.copyOf(columns, n), java.util.Arrays.copyOf(values, n));
  }

  /**
   * The non-zero entries of {@code dense}, a {@code rows x cols} matrix row after row (its
   * value count must be {@code rows * cols}; the values are not checked), row by row in
   * increasing column order: the one conversion of dense values to rows, for the packer and
   * the model's reader alike.
   */
  public static Rows denseRows(DenseValues dense, int rows, int cols) {
    int nonZeros = 0;
    for (int i = 0, n = dense.getValuesCount(); i < n; i++) {
      if (dense.getValues(i) != 0) nonZeros++;
    }
    int[] rowEnds = new int[rows];
    int[] columns = new int[nonZeros];
    double[] values = new double[nonZeros];
    int n = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double v = dense.getValues(r * cols + c);
        if (v != 0) {
          columns[n] = c;
          values[n++] = v;
        }
      }
      rowEnds[r] = n;
    }
    return new Rows(rowEnds, columns, values);
  }

  /**
   * The entries of a packed matrix of {@code rows x cols}, checked: the arrays have the
   * lengths the entry count implies, the row ends do not decrease, the columns are below
   * {@code cols} and increase within each row, and the values are finite.
   *
   * @throws IllegalArgumentException saying what is wrong (without the matrix's name)
   */
  public static Rows unpack(PackedRows packed, int rows, int cols) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("is larger than this runtime supports");
    }
    ByteString endBytes = packed.getRowEnds();
    if (endBytes.size() != 4L * rows) {
      throw new IllegalArgumentException(
          "has " + endBytes.size() + " bytes of row ends, expected 4 per row = " + 4L * rows);
    }
    int[] rowEnds = new int[rows];
    view(endBytes).asIntBuffer().get(rowEnds);
    int previous = 0;
    for (int r = 0; r < rows; r++) {
      int end = rowEnds[r];
      if (end < previous) {
        throw new IllegalArgumentException(
            "has row end " + Integer.toUnsignedString(end) + " at row " + r + ", below the "
                + previous + " before it");
      }
      previous = end;
    }
    int n = previous;
    boolean narrow = cols <= SHORT_COLUMNS;
    int columnBytes = narrow ? 2 : 4;
    ByteString columnData = packed.getColumns();
    ByteString valueData = packed.getValues();
    if (columnData.size() != (long) columnBytes * n || valueData.size() != 8L * n) {
      throw new IllegalArgumentException(
          "has " + n + " entries by its row ends, but " + columnData.size() + " bytes of columns ("
              + columnBytes + " per entry) and " + valueData.size() + " bytes of values (8 per entry)");
    }
    int[] columns = new int[n];
    if (narrow) {
      char[] shorts = new char[n];
      view(columnData).asCharBuffer().get(shorts);
      for (int i = 0; i < n; i++) columns[i] = shorts[i];
    } else {
      view(columnData).asIntBuffer().get(columns);
    }
    double[] values = new double[n];
    view(valueData).asDoubleBuffer().get(values);
    for (int r = 0, i = 0; r < rows; r++) {
      int last = -1;
      for (int end = rowEnds[r]; i < end; i++) {
        int c = columns[i];
        if (c <= last || Integer.compareUnsigned(c, cols) >= 0) {
          throw new IllegalArgumentException(
              "entry " + i + " at (" + r + ", " + Integer.toUnsignedString(c) + ") is "
                  + (Integer.compareUnsigned(c, cols) >= 0
                      ? "outside its " + rows + "x" + cols + " shape"
                      : "out of order or repeated (columns increase within a row)"));
        }
        last = c;
      }
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("entry " + i + " is " + values[i]);
      }
    }
    return new Rows(rowEnds, columns, values);
  }

  private static ByteBuffer buffer(long bytes) {
    if (bytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a packed matrix of " + bytes + " bytes is too large");
    }
    return ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ByteBuffer view(ByteString bytes) {
    return bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

}
