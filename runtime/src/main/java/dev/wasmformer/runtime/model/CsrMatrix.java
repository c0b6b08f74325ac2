package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.format.DenseValues;
import dev.wasmformer.runtime.format.Matrix;
import dev.wasmformer.runtime.format.PackedMatrices;
import dev.wasmformer.runtime.format.SparseValues;
import dev.wasmformer.runtime.format.UnpackedMatrices;
import java.util.Arrays;

/**
 * An immutable matrix in compressed sparse row form, zero entries dropped, whichever form
 * the bundle used: both forms of the same matrix give the same object, hence the same
 * sums in the same order.
 */
final class CsrMatrix {
    final int rows;
    final int cols;
    private final int[] rowStart;       // rows + 1: entries of row r are rowStart[r]..rowStart[r+1)
    private final int[] nonEmptyRows;   // rows with at least one entry, increasing
    private final int[] columns;        // per entry, increasing within a row
    private final double[] values;      // per entry, never zero

    private CsrMatrix(int rows, int cols, int[] rowStart, int[] columns, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
        int nonEmpty = 0;
        for (int r = 0; r < rows; r++) {
            if (rowStart[r + 1] > rowStart[r]) {
                nonEmpty++;
            }
        }
        this.nonEmptyRows = new int[nonEmpty];
        for (int r = 0, i = 0; r < rows; r++) {
            if (rowStart[r + 1] > rowStart[r]) {
                nonEmptyRows[i++] = r;
            }
        }
    }

    /**
     * Reads a bundle matrix that must be {@code rows x cols}; {@code what} names it in errors.
     *
     * @throws IllegalArgumentException if the shape, the storage or a value is invalid
     */
    static CsrMatrix read(Matrix m, int rows, int cols, String what) {
        return read(m, rows, cols, what, null);
    }

    /**
     * As {@link #read(Matrix, int, int, String)}, taking a packed matrix's entries from {@code
     * unpacked} (may be null) when its validation left them there.
     */
    static CsrMatrix read(Matrix m, int rows, int cols, String what, UnpackedMatrices unpacked) {
        if (m.getRows() != rows || m.getCols() != cols) {
            throw new IllegalArgumentException(String.format("%s is %sx%s, expected %dx%d", what,
                    Integer.toUnsignedString(m.getRows()), Integer.toUnsignedString(m.getCols()),
                    rows, cols));
        }
        return switch (m.getStorageCase()) {
            case DENSE -> readDense(m.getDense(), rows, cols, what);
            case SPARSE -> readSparse(m.getSparse(), rows, cols, what);
            case PACKED -> readPacked(m, rows, cols, what, unpacked);
            case STORAGE_NOT_SET -> {
                if ((long) rows * cols != 0) {
                    throw new IllegalArgumentException(what + " has neither dense, sparse nor packed values");
                }
                yield new CsrMatrix(rows, cols, new int[rows + 1], new int[0], new double[0]);
            }
        };
    }

    private static CsrMatrix readDense(DenseValues dense, int rows, int cols, String what) {
        if (dense.getValuesCount() != (long) rows * cols) {
            throw new IllegalArgumentException(String.format("%s has %d dense values, expected %d",
                    what, dense.getValuesCount(), (long) rows * cols));
        }
        for (int i = 0; i < dense.getValuesCount(); i++) {
            requireFinite(dense.getValues(i), what, i / cols, i % cols);
        }
        PackedMatrices.Rows entries = PackedMatrices.denseRows(dense, rows, cols);
        int[] rowStart = new int[rows + 1];
        System.arraycopy(entries.rowEnds(), 0, rowStart, 1, rows);
        return new CsrMatrix(rows, cols, rowStart, entries.columns(), entries.values());
    }

    private static CsrMatrix readPacked(Matrix m, int rows, int cols, String what,
                                        UnpackedMatrices unpacked) {
        PackedMatrices.Rows packed = unpacked == null ? null : unpacked.take(m);
        try {
            if (packed == null) {
                packed = PackedMatrices.unpack(m.getPacked(), rows, cols);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " " + e.getMessage());
        }
        int[] ends = packed.rowEnds();
        int[] columns = packed.columns();
        double[] values = packed.values();
        int[] rowStart = new int[rows + 1];
        System.arraycopy(ends, 0, rowStart, 1, rows);
        int zeros = 0;
        for (double v : values) {
            if (v == 0) {
                zeros++;
            }
        }
        if (zeros == 0) {
            return new CsrMatrix(rows, cols, rowStart, columns, values);
        }
        // Explicit zeros are allowed but dropped, as from the other storages.
        int[] keptColumns = new int[values.length - zeros];
        double[] keptValues = new double[keptColumns.length];
        for (int r = 0, i = 0, n = 0; r < rows; r++) {
            for (; i < ends[r]; i++) {
                if (values[i] != 0) {
                    keptColumns[n] = columns[i];
                    keptValues[n++] = values[i];
                }
            }
            rowStart[r + 1] = n;
        }
        return new CsrMatrix(rows, cols, rowStart, keptColumns, keptValues);
    }

    private static CsrMatrix readSparse(SparseValues sparse, int rows, int cols, String what) {
        int count = sparse.getRowCount();
        if (sparse.getColCount() != count || sparse.getValueCount() != count) {
            throw new IllegalArgumentException(String.format(
                    "%s has %d rows, %d cols and %d values in its sparse lists, expected equal counts",
                    what, count, sparse.getColCount(), sparse.getValueCount()));
        }
        int[] rowStart = new int[rows + 1];
        int[] columns = new int[count];
        double[] values = new double[count];
        int n = 0;
        long previous = -1;
        for (int i = 0; i < count; i++) {
            long r = Integer.toUnsignedLong(sparse.getRow(i));
            long c = Integer.toUnsignedLong(sparse.getCol(i));
            if (r >= rows || c >= cols) {
                throw new IllegalArgumentException(String.format(
                        "%s has a sparse entry at (%d, %d), outside %dx%d", what, r, c, rows, cols));
            }
            long at = r * cols + c;
            if (at <= previous) {
                throw new IllegalArgumentException(String.format(
                        "%s has its sparse entry (%d, %d) out of order or twice", what, r, c));
            }
            previous = at;
            double v = requireFinite(sparse.getValue(i), what, r, c);
            if (v != 0) {
                columns[n] = (int) c;
                values[n++] = v;
                rowStart[(int) r + 1]++;
            }
        }
        for (int r = 0; r < rows; r++) {
            rowStart[r + 1] += rowStart[r];
        }
        return new CsrMatrix(rows, cols, rowStart, Arrays.copyOf(columns, n), Arrays.copyOf(values, n));
    }

    private static double requireFinite(double v, String what, long r, long c) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(
                    String.format("%s has the non-finite value %s at (%d, %d)", what, v, r, c));
        }
        return v;
    }

    /** Row r times x. */
    double dot(int r, double[] x) {
        double sum = 0.0;
        for (int i = rowStart[r], end = rowStart[r + 1]; i < end; i++) {
            sum += values[i] * x[columns[i]];
        }
        return sum;
    }

    /** out = this * x. */
    void multiply(double[] x, double[] out) {
        for (int r = 0; r < rows; r++) {
            out[r] = dot(r, x);
        }
    }

    /** y += this * x, touching only the rows that have entries. */
    void multiplyAdd(double[] x, double[] y) {
        for (int r : nonEmptyRows) {
            y[r] += dot(r, x);
        }
    }

    /** Overwrites y with row r, on the row's nonzero columns only. */
    void copyRowInto(int r, double[] y) {
        for (int i = rowStart[r], end = rowStart[r + 1]; i < end; i++) {
            y[columns[i]] = values[i];
        }
    }

    int[] nonEmptyRows() {
        return nonEmptyRows;
    }

    int rowLength(int r) {
        return rowStart[r + 1] - rowStart[r];
    }

    /** Column of the i-th entry of row r. */
    int column(int r, int i) {
        return columns[rowStart[r] + i];
    }

    /** Value of the i-th entry of row r. */
    double value(int r, int i) {
        return values[rowStart[r] + i];
    }

    int nonZeros() {
        return values.length;
    }

    /**
     * Whether rows a and b have the same entries, columns and weights (by their bits), in the
     * columns {@code kept} marks; entries in other columns are ignored.
     */
    boolean sameEntriesIn(int a, int b, boolean[] kept) {
        int i = rowStart[a];
        int j = rowStart[b];
        int endA = rowStart[a + 1];
        int endB = rowStart[b + 1];
        while (true) {
            while (i < endA && !kept[columns[i]]) {
                i++;
            }
            while (j < endB && !kept[columns[j]]) {
                j++;
            }
            if (i == endA || j == endB) {
                return i == endA && j == endB;
            }
            if (columns[i] != columns[j]
                    || Double.doubleToRawLongBits(values[i]) != Double.doubleToRawLongBits(values[j])) {
                return false;
            }
            i++;
            j++;
        }
    }

    /**
     * The entries (r, c) with {@code rowOf[r] >= 0} and {@code columnOf[c] >= 0}, at (rowOf[r],
     * columnOf[c]) in a {@code rows x cols} matrix. Both maps must be increasing where they are
     * not negative, so each kept row keeps its entries in their order: a kept row's dot product
     * with the kept columns is the same sum as the original's over those columns.
     */
    CsrMatrix submatrix(int[] rowOf, int rows, int[] columnOf, int cols) {
        int[] start = new int[rows + 1];
        for (int r = 0; r < this.rows; r++) {
            if (rowOf[r] >= 0) {
                for (int i = rowStart[r]; i < rowStart[r + 1]; i++) {
                    start[rowOf[r] + 1] += columnOf[columns[i]] >= 0 ? 1 : 0;
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            start[r + 1] += start[r];
        }
        int[] newColumns = new int[start[rows]];
        double[] newValues = new double[start[rows]];
        for (int r = 0, k = 0; r < this.rows; r++) {   // kept rows come in their new order
            if (rowOf[r] >= 0) {
                for (int i = rowStart[r]; i < rowStart[r + 1]; i++) {
                    int c = columnOf[columns[i]];
                    if (c >= 0) {
                        newColumns[k] = c;
                        newValues[k++] = values[i];
                    }
                }
            }
        }
        return new CsrMatrix(rows, cols, start, newColumns, newValues);
    }

    /** Whether {@code other} has the same shape and the same entries, bit for bit. */
    boolean sameEntries(CsrMatrix other) {
        if (other == this) {
            return true;
        }
        if (rows != other.rows || cols != other.cols || !Arrays.equals(rowStart, other.rowStart)
                || !Arrays.equals(columns, other.columns)) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.doubleToRawLongBits(values[i]) != Double.doubleToRawLongBits(other.values[i])) {
                return false;
            }
        }
        return true;
    }
}
