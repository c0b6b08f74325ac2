package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsrMatrixTest {
    private static CsrMatrix matrix(double[][] values) {
        return CsrMatrix.read(TinyModel.matrix(values, false), values.length, values[0].length, "m");
    }

    @Test
    void rowsCompareOnlyInTheKeptColumns() {
        CsrMatrix m = matrix(new double[][] {
            {1, 2, 0, 3},
            {5, 2, 0, 3},      // differs from row 0 in column 0 only
            {1, 2, 4, 3},      // has an entry in column 2 where row 0 has none
            {1, 2, 0, -3},     // differs in the value of column 3
            {0, 2, 0, 3},      // lacks column 0
        });
        boolean[] all = {true, true, true, true};
        boolean[] notFirst = {false, true, true, true};
        boolean[] notThird = {true, true, false, true};
        assertThat(m.sameEntriesIn(0, 0, all)).isTrue();
        assertThat(m.sameEntriesIn(0, 1, all)).isFalse();
        assertThat(m.sameEntriesIn(0, 1, notFirst)).isTrue();
        assertThat(m.sameEntriesIn(0, 4, notFirst)).isTrue();
        assertThat(m.sameEntriesIn(4, 0, notFirst)).isTrue();
        assertThat(m.sameEntriesIn(0, 2, all)).isFalse();
        assertThat(m.sameEntriesIn(2, 0, notThird)).isTrue();
        assertThat(m.sameEntriesIn(0, 3, notFirst)).isFalse();
    }

    @Test
    void agreesWithComparingTheDenseRowsOnRandomMatrices() {
        Random random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            int cols = 1 + random.nextInt(6);
            double[][] values = new double[4][cols];
            for (double[] row : values) {
                for (int c = 0; c < cols; c++) {
                    row[c] = random.nextInt(3) == 0 ? random.nextInt(3) - 1 : 0;
                }
            }
            boolean[] kept = new boolean[cols];
            for (int c = 0; c < cols; c++) {
                kept[c] = random.nextBoolean();
            }
            CsrMatrix m = matrix(values);
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    boolean same = true;
                    for (int c = 0; c < cols; c++) {
                        same &= !kept[c] || Double.compare(values[a][c], values[b][c]) == 0;
                    }
                    assertThat(m.sameEntriesIn(a, b, kept)).as("trial %d rows %d, %d", trial, a, b).isEqualTo(same);
                }
            }
        }
    }

    @Test
    void aSubmatrixMovesTheKeptEntriesToTheirNewRowsAndColumns() {
        Random random = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int rows = 1 + random.nextInt(6);
            int cols = 1 + random.nextInt(6);
            double[][] values = new double[rows][cols];
            for (double[] row : values) {
                for (int c = 0; c < cols; c++) {
                    row[c] = random.nextInt(3) == 0 ? random.nextInt(5) - 2 : 0;
                }
            }
            int[] rowOf = keptInOrder(random, rows, random.nextBoolean() ? 0 : 2);
            int[] columnOf = keptInOrder(random, cols, 0);
            int newRows = Math.max(0, Arrays.stream(rowOf).max().getAsInt() + 1 + random.nextInt(2));
            int newCols = Arrays.stream(columnOf).max().getAsInt() + 1;
            double[][] expected = new double[newRows][Math.max(newCols, 1)];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (rowOf[r] >= 0 && columnOf[c] >= 0) {
                        expected[rowOf[r]][columnOf[c]] = values[r][c];
                    }
                }
            }
            CsrMatrix sub = matrix(values).submatrix(rowOf, newRows, columnOf, newCols);
            assertThat(sub.rows).isEqualTo(newRows);
            assertThat(sub.cols).isEqualTo(newCols);
            if (newRows > 0 && newCols > 0) {
                assertThat(sub.sameEntries(matrix(expected))).as("trial %d", trial).isTrue();
            }
        }
    }

    /** An increasing map of n indexes, each kept at random, leaving {@code gaps} at random too. */
    private static int[] keptInOrder(Random random, int n, int gaps) {
        int[] map = new int[n];
        int next = 0;
        for (int i = 0; i < n; i++) {
            next += random.nextInt(gaps + 1);
            map[i] = random.nextBoolean() ? next++ : -1;
        }
        return map;
    }
}
