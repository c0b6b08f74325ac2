package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FamilyArgMaxTest {
    private static final int D = 12;
    private static final int ONE = 0;

    /**
     * An unembedding shaped like the interpreter's: families "gate * G + 2 v y - v^2" over
     * several gate slots and shared (y, one) columns, a family with a second varying column
     * pair, clones of one row, rows in no family, and rows that differ only by index.
     */
    private static double[][] interpreterLike(Random random) {
        double[][] u = new double[3 + 4 * 40 + 30 + 5][D];
        int r = 0;
        u[r++][ONE] = -1e6;                         // three identical rows: first index wins
        u[r++][ONE] = -1e6;
        u[r++][ONE] = -1e6;
        for (int family = 0; family < 4; family++) {
            int gate = 1 + family;
            int y = family < 2 ? 5 : 6;
            for (int v = 0; v < 40; v++, r++) {
                u[r][gate] = 1 << 16;
                u[r][y] = 2 * v;
                u[r][ONE] = -v * v;
            }
        }
        for (int v = 0; v < 30; v++, r++) {        // a * x7 + b * x8, with collinear and equal points
            u[r][9] = 1 << 16;
            u[r][7] = v % 10;
            u[r][8] = (v % 10) * 2 - (v / 10);
        }
        for (int k = 0; k < 5; k++, r++) {          // dense random rows: no family
            for (int c = 0; c < D; c++) {
                u[r][c] = random.nextInt(7) - 3;
            }
        }
        return u;
    }

    private static CsrMatrix matrix(double[][] values) {
        return CsrMatrix.read(TinyModel.matrix(values, false), values.length, D, "unembedding");
    }

    private static long[] allSlots() {
        long[] bits = Bits.words(D);
        for (int c = 0; c < D; c++) {
            Bits.set(bits, c);
        }
        return bits;
    }

    @Test
    void findsFamiliesAndPlainRows() {
        FamilyArgMax argMax = FamilyArgMax.of(matrix(interpreterLike(new Random(1))));
        assertThat(argMax.familyCount()).isGreaterThanOrEqualTo(5);
        assertThat(argMax.plainRowCount()).isLessThanOrEqualTo(10);
    }

    @Test
    void agreesWithThePlainScanOnRandomIntegerResiduals() {
        Random random = new Random(2);
        CsrMatrix u = matrix(interpreterLike(random));
        FamilyArgMax argMax = FamilyArgMax.of(u);
        long[] slots = allSlots();
        double[] x = new double[D];
        for (int trial = 0; trial < 20_000; trial++) {
            Arrays.fill(x, 0);
            x[ONE] = 1;
            // Gates mostly 0 or 1, sometimes several at once; y values around the family range,
            // often exactly between two values so that two rows tie.
            for (int c = 1; c <= 4; c++) {
                x[c] = random.nextInt(4) == 0 ? 1 : 0;
            }
            x[9] = random.nextInt(3) == 0 ? 1 : 0;
            x[5] = random.nextInt(100) - 30;
            x[6] = random.nextInt(2) == 0 ? 0 : random.nextInt(100) - 30;
            x[7] = random.nextInt(7) - 3;
            x[8] = random.nextInt(7) - 3;
            if (random.nextInt(5) == 0) {
                x[10] = random.nextInt(21) - 10;
                x[11] = random.nextInt(21) - 10;
            }
            assertThat(argMax.argMax(x, slots, argMax.newScratch())).as("trial %d, x = %s", trial, Arrays.toString(x))
                    .isEqualTo(FamilyArgMax.plainArgMax(u, x));
        }
    }

    @Test
    void fallsBackToThePlainScanForFractionalHugeOrNonFiniteResiduals() {
        Random random = new Random(3);
        CsrMatrix u = matrix(interpreterLike(random));
        FamilyArgMax argMax = FamilyArgMax.of(u);
        long[] slots = allSlots();
        double[][] residuals = {
            {1, 1, 0, 0, 0, 12.5, 0, 0, 0, 0, 0, 0},
            {1, 0, 1, 0, 0, 0x1p60, 0, 0, 0, 0, 0, 0},
            {1, 0, 0, 1, 0, Double.NaN, 0, 0, 0, 0, 0, 0},
            {1, 0, 0, 0, 1, Double.POSITIVE_INFINITY, 3, 0, 0, 0, 0, 0},
            {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1e-300},
        };
        for (double[] x : residuals) {
            assertThat(argMax.argMax(x, slots, argMax.newScratch())).as(Arrays.toString(x))
                    .isEqualTo(FamilyArgMax.plainArgMax(u, x));
        }
    }

    @Test
    void agreesWithThePlainScanOnRandomMatricesOfFamilies() {
        Random random = new Random(4);
        for (int matrixTrial = 0; matrixTrial < 200; matrixTrial++) {
            int rows = 1 + random.nextInt(60);
            double[][] values = new double[rows][D];
            int[] shared = {random.nextInt(D), random.nextInt(D)};
            for (double[] row : values) {
                // Rows share columns 10 and 11 in a few patterns and vary in 1..3 columns.
                row[10] = random.nextInt(2);
                row[11] = random.nextInt(2) * 5;
                row[shared[0]] = random.nextInt(9) - 4;
                row[shared[1]] = random.nextInt(9) - 4;
                if (random.nextInt(4) == 0) {
                    row[random.nextInt(D)] = random.nextInt(5) - 2;
                }
            }
            CsrMatrix u = matrix(values);
            FamilyArgMax argMax = FamilyArgMax.of(u);
            long[] slots = allSlots();
            double[] x = new double[D];
            for (int trial = 0; trial < 200; trial++) {
                for (int c = 0; c < D; c++) {
                    x[c] = random.nextInt(3) == 0 ? 0 : random.nextInt(11) - 5;
                }
                assertThat(argMax.argMax(x, slots, argMax.newScratch()))
                        .as("matrix %d trial %d, x = %s", matrixTrial, trial, Arrays.toString(x))
                        .isEqualTo(FamilyArgMax.plainArgMax(u, x));
            }
        }
    }

    /**
     * A specialized model's unembedding: token kinds whose gate and value folded to constants
     * score {@code -v^2} in the constant column alone, the same column in which tokens the
     * model never emits score -2^60. Those rows must not keep the kinds from forming families.
     */
    private static double[][] specializedLike() {
        double[][] u = new double[4 * 50 + 6 + 40][D];
        int r = 0;
        for (int kind = 0; kind < 4; kind++) {
            u[r++][ONE] = -0x1p60;                  // a token never emitted, one per kind
            for (int v = 1; v < 50; v++, r++) {
                u[r][ONE] = -v * v - kind;
            }
        }
        for (int k = 0; k < 6; k++) {
            u[r++][ONE] = -0x1p60;
        }
        for (int v = 0; v < 40; v++, r++) {         // a byte kind that is still computed
            u[r][3] = 1 << 16;
            u[r][5] = 2 * v;
            u[r][ONE] = -v * v;
        }
        return u;
    }

    @Test
    void rowsBeyondTwoToTheFiftyStayOutOfTheFamiliesOfTheirColumns() {
        CsrMatrix u = matrix(specializedLike());
        FamilyArgMax argMax = FamilyArgMax.of(u);
        assertThat(argMax.plainRowCount()).as("the -2^60 rows, one representative").isEqualTo(1);
        assertThat(argMax.familyCount()).isGreaterThanOrEqualTo(2);
        Random random = new Random(5);
        long[] slots = allSlots();
        double[] x = new double[D];
        FamilyArgMax.Scratch scratch = argMax.newScratch();
        for (int trial = 0; trial < 5_000; trial++) {
            Arrays.fill(x, 0);
            x[ONE] = random.nextInt(8) == 0 ? -1 : 1;   // -1: the -2^60 rows win
            x[3] = random.nextInt(2);
            x[5] = random.nextInt(100) - 30;
            assertThat(argMax.argMax(x, slots, scratch)).as("trial %d, x = %s", trial, Arrays.toString(x))
                    .isEqualTo(FamilyArgMax.plainArgMax(u, x));
        }
        assertThat(scratch.plainScans).as("steps that fell back to the plain scan").isZero();
    }

    /**
     * The interpreter's unembedding as the sudoku model has it: byte kinds 2^36 gate + 2 v y -
     * v^2 over one shared (one, y) pair and their own gates (twins, one group), a kind whose
     * gate folded away (no gate column), a 12-bit kind, a kind with the value in the other
     * column order, START scoring 2^36 (1 - every gate), single-row kinds, and -2^60 rows;
     * plus a family with the same points whose rows run the other way (no twin: its ties
     * resolve to other offsets).
     */
    private static double[][] sudokuLike() {
        int d = 24;
        int one = 0;
        int y = 1;
        double gate = 0x1p36;
        List<double[]> rows = new ArrayList<>();
        double[] never = new double[d];
        never[one] = -0x1p60;
        rows.add(never);
        double[] start = new double[d];
        start[one] = gate;
        for (int g = 2; g <= 12; g++) {
            start[g] = -gate;
        }
        rows.add(start);
        for (int kind = 0; kind < 6; kind++) {         // twins: gates 2..6, kind 5 without a gate
            for (int v = 0; v < 32; v++) {
                double[] r = new double[d];
                if (kind < 5) {
                    r[2 + kind] = gate;
                }
                r[y] = 2 * v;
                r[one] = -v * v;
                rows.add(r);
            }
        }
        for (int v = 31; v >= 0; v--) {                // same points, rows the other way round
            double[] r = new double[d];
            r[7] = gate;
            r[y] = 2 * v;
            r[one] = -v * v;
            rows.add(r);
        }
        for (int v = 0; v < 300; v++) {                // a wider kind on its own value slot
            double[] r = new double[d];
            r[8] = gate;
            r[13] = 2 * v;
            r[one] = -v * v;
            rows.add(r);
        }
        for (int v = 0; v < 32; v++) {                 // the value column before the constant one
            double[] r = new double[d];
            r[9] = gate;
            r[14] = v;
            r[15] = -v * v;
            rows.add(r);
        }
        for (int g = 10; g <= 12; g++) {               // kinds of one token
            double[] r = new double[d];
            r[g] = gate;
            rows.add(r);
        }
        rows.add(never.clone());
        return rows.toArray(new double[0][]);
    }

    @Test
    void twinFamiliesFormOneGroupAndAgreeWithThePlainScanOnSudokuLikeResiduals() {
        double[][] values = sudokuLike();
        int d = values[0].length;
        CsrMatrix u = CsrMatrix.read(TinyModel.matrix(values, false), values.length, d, "unembedding");
        FamilyArgMax argMax = FamilyArgMax.of(u);
        assertThat(argMax.familyCount()).isEqualTo(9);
        assertThat(argMax.groupCount()).as("the five gated twins and the gateless one group").isEqualTo(4);
        Random random = new Random(6);
        FamilyArgMax.Scratch scratch = argMax.newScratch();
        double[] x = new double[d];
        long[] nonZero = Bits.words(d);
        double[] fractions = {0.5, -0.5, 0.25, -0.498046875, 1e-300, 0x1p-1074, 12.75};
        for (int trial = 0; trial < 100_000; trial++) {
            Arrays.fill(x, 0);
            x[0] = random.nextInt(16) == 0 ? random.nextInt(5) - 2 : 1;
            // Mostly one gate on (START when none), sometimes two or a non-0/1 gate.
            int on = 2 + random.nextInt(12);
            if (on <= 12) {
                x[on] = 1;
            }
            if (random.nextInt(8) == 0) {
                x[2 + random.nextInt(11)] = random.nextInt(5) - 2;
            }
            for (int c : new int[] {1, 13, 14, 15}) {
                int kind = random.nextInt(10);
                x[c] = kind < 5 ? random.nextInt(40) - 4                    // integers, some beyond the values
                        : kind < 8 ? random.nextInt(80) / 2.0 - 2            // halves: two values tie
                        : kind < 9 ? random.nextInt(600) - 150
                        : fractions[random.nextInt(fractions.length)] + random.nextInt(3);
            }
            if (random.nextInt(500) == 0) {
                x[random.nextInt(d)] = random.nextBoolean() ? 0x1p55 : Double.NaN;
            }
            Arrays.fill(nonZero, 0);
            for (int c = 0; c < d; c++) {
                if (x[c] != 0 || random.nextInt(4) == 0) {          // every non-zero slot, and some zero ones
                    Bits.set(nonZero, c);
                }
            }
            assertThat(argMax.argMax(x, nonZero, scratch)).as("trial %d, x = %s", trial, Arrays.toString(x))
                    .isEqualTo(FamilyArgMax.plainArgMax(u, x));
        }
        assertThat(scratch.groupScans).as("inexact groups scanned").isPositive();
        assertThat(scratch.plainScans).as("steps that fell back to the plain scan").isLessThan(2_000);
    }

    @Test
    void repeatedResidualsAreAnsweredByTheMemoAsThePlainScanAnswers() {
        double[][] values = sudokuLike();
        int d = values[0].length;
        CsrMatrix u = CsrMatrix.read(TinyModel.matrix(values, false), values.length, d, "unembedding");
        FamilyArgMax argMax = FamilyArgMax.of(u);
        // More residuals than the memo has entries; some differ from another only in a slot one
        // family reads, in the sign of a zero, or in a NaN's payload.
        Random random = new Random(8);
        double[][] pool = new double[1_000][];
        for (int k = 0; k < pool.length; k++) {
            double[] x = k % 4 == 0 ? new double[d] : pool[k - 1].clone();
            switch (k % 4) {
                case 0 -> {
                    x[0] = 1;
                    x[2 + random.nextInt(11)] = 1;
                    x[1] = random.nextInt(40) - 4;
                    x[13] = random.nextInt(300);
                }
                case 1 -> x[14] = random.nextInt(3) - 1;
                case 2 -> x[9] = -0.0;
                default -> x[15] = Double.longBitsToDouble(0x7ff8000000000000L + random.nextInt(2));
            }
            pool[k] = x;
        }
        long[] nonZero = Bits.words(d);
        for (int c = 0; c < d; c++) {
            Bits.set(nonZero, c);
        }
        FamilyArgMax.Scratch scratch = argMax.newScratch();
        int trials = 50_000;
        for (int trial = 0; trial < trials; trial++) {
            double[] x = pool[random.nextInt(pool.length)];
            assertThat(argMax.argMax(x, nonZero, scratch)).as("trial %d, x = %s", trial, Arrays.toString(x))
                    .isEqualTo(FamilyArgMax.plainArgMax(u, x));
        }
        assertThat(scratch.memoHits).as("steps the memo answered").isBetween(trials / 10L, trials - 1L);
    }

    @Test
    void theMemoKeysOnlyOnTheSlotsThatHoldAValueOtherThanPlusZero() {
        // sudokuLike's columns spread over four words of the bit set (column c at 5 + 9c); the
        // slots of a residual that hold +0.0 are in the non-zero set or not at random, a zero
        // outside it may be -0.0, and one inside may be -0.0 (a value of its own to the memo):
        // residuals equal up to those zeros hit one another's entries, with the plain scan's answer.
        double[][] narrow = sudokuLike();
        int d = 5 + 9 * narrow[0].length;
        double[][] values = new double[narrow.length][d];
        for (int r = 0; r < narrow.length; r++) {
            for (int c = 0; c < narrow[r].length; c++) {
                values[r][5 + 9 * c] = narrow[r][c];
            }
        }
        CsrMatrix u = CsrMatrix.read(TinyModel.matrix(values, false), values.length, d, "unembedding");
        FamilyArgMax argMax = FamilyArgMax.of(u);
        FamilyArgMax.Scratch scratch = argMax.newScratch();
        Random random = new Random(10);
        int trials = 20_000;
        for (int trial = 0; trial < trials; trial++) {
            double[] x = new double[d];
            long[] nonZero = Bits.words(d);
            x[5] = 1;
            x[5 + 9 * (2 + random.nextInt(11))] = 1;
            x[5 + 9] = random.nextInt(3) - 1;
            x[5 + 9 * 13] = random.nextInt(3);
            for (int c = 0; c < d; c++) {
                if (x[c] != 0 || random.nextInt(4) == 0) {
                    Bits.set(nonZero, c);
                    if (x[c] == 0 && random.nextInt(50) == 0) {
                        x[c] = -0.0;
                    }
                } else if (random.nextBoolean()) {
                    x[c] = -0.0;
                }
            }
            assertThat(argMax.argMax(x, nonZero, scratch)).as("trial %d, x = %s", trial, Arrays.toString(x))
                    .isEqualTo(FamilyArgMax.plainArgMax(u, x));
        }
        // 99 distinct residuals up to their zeros, and a -0.0 in a key slot now and then
        assertThat(scratch.memoHits).as("steps the memo answered").isGreaterThan(trials * 3L / 4);
    }

    @Test
    void aMatrixReadingManySlotsHasNoMemo() {
        int d = FamilyArgMax.MEMO_MAX_SLOTS + 1;
        Random random = new Random(9);
        double[][] values = new double[20][d];
        for (double[] row : values) {
            for (int c = 0; c < d; c++) {
                row[c] = random.nextInt(7) - 3;
            }
        }
        CsrMatrix u = CsrMatrix.read(TinyModel.matrix(values, false), values.length, d, "unembedding");
        FamilyArgMax argMax = FamilyArgMax.of(u);
        FamilyArgMax.Scratch scratch = argMax.newScratch();
        double[] x = new double[d];
        long[] nonZero = Bits.words(d);
        for (int c = 0; c < d; c++) {
            x[c] = random.nextInt(5) - 2;
            Bits.set(nonZero, c);
        }
        for (int trial = 0; trial < 10; trial++) {
            assertThat(argMax.argMax(x, nonZero, scratch)).isEqualTo(FamilyArgMax.plainArgMax(u, x));
        }
        assertThat(scratch.memoHits).isZero();
        assertThat(scratch.retainedBytes()).as("no memo tables").isLessThan(1_000);
    }

    @Test
    void agreesWithThePlainScanOnRandomTwinsAndNearTwins() {
        Random random = new Random(7);
        for (int matrixTrial = 0; matrixTrial < 300; matrixTrial++) {
            // Several kinds over the same few points (a random point set, each kind its own row
            // order or a shared one), their gates, and a few plain rows.
            int points = 1 + random.nextInt(12);
            long[][] p = new long[points][2];
            for (long[] q : p) {
                q[0] = random.nextInt(7) - 3;
                q[1] = random.nextInt(7) - 3;
            }
            int kinds = 1 + random.nextInt(6);
            List<double[]> rows = new ArrayList<>();
            int[] order = new int[points];
            for (int i = 0; i < points; i++) {
                order[i] = i;
            }
            for (int kind = 0; kind < kinds; kind++) {
                if (random.nextInt(3) == 0) {
                    shuffle(order, random);
                }
                for (int i = 0; i < points; i++) {
                    double[] r = new double[D];
                    if (kind > 0 || random.nextBoolean()) {
                        r[2 + kind] = random.nextInt(3) == 0 ? 2 : 1;
                    }
                    if (random.nextInt(4) == 0) {
                        r[9] = 1;                               // a second shared column
                    }
                    r[10] = p[order[i]][0];
                    r[11] = p[order[i]][1];
                    rows.add(r);
                }
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                double[] r = new double[D];
                r[random.nextInt(D)] = random.nextInt(5) - 2;
                rows.add(r);
            }
            double[][] values = rows.toArray(new double[0][]);
            CsrMatrix u = matrix(values);
            FamilyArgMax argMax = FamilyArgMax.of(u);
            FamilyArgMax.Scratch scratch = argMax.newScratch();
            double[] x = new double[D];
            long[] nonZero = Bits.words(D);
            for (int trial = 0; trial < 300; trial++) {
                Arrays.fill(nonZero, 0);
                for (int c = 0; c < D; c++) {
                    x[c] = random.nextInt(3) == 0 ? 0 : random.nextInt(7) - 3;
                    if (c >= 10 && random.nextInt(10) == 0) {
                        x[c] += 0.5;
                    }
                    if (x[c] != 0 || random.nextBoolean()) {
                        Bits.set(nonZero, c);
                    }
                }
                assertThat(argMax.argMax(x, nonZero, scratch))
                        .as("matrix %d trial %d, x = %s", matrixTrial, trial, Arrays.toString(x))
                        .isEqualTo(FamilyArgMax.plainArgMax(u, x));
            }
        }
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
