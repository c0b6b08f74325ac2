package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseFeedForwardTest {
    private static final int D = 40;
    private static final int ONE = 0;

    /**
     * A layer built like the interpreter's: step and tent units over flag slots, units gated by
     * a folded tent (three slots read in the proportion 1 : -2 : 1), units reading bit slots
     * with signs, linear "clear" units (constant gate), and a few dense random units.
     */
    private static FfnWeights layer(Random random) {
        return layer(random, 120);
    }

    private static FfnWeights layer(Random random, int width) {
        double[][] gate = new double[width][D];
        double[][] value = new double[width][D];
        double[][] output = new double[D][width];
        for (int u = 0; u < width; u++) {
            double[] g = gate[u];
            switch (u % 6) {
                case 0 -> {                           // AND of two flags and a bit
                    g[ONE] = -2;
                    g[1 + random.nextInt(6)] = 1;
                    g[7 + random.nextInt(6)] = 1;
                    g[20 + random.nextInt(8)] = 1;
                }
                case 1 -> {                           // gated by the tent 13 - 2*14 + 15
                    g[ONE] = -(1 << 10);
                    g[13] = 1 << 10;
                    g[14] = -(1 << 11);
                    g[15] = 1 << 10;
                    for (int b = 20; b < 28; b++) {
                        g[b] = 1 << (b - 20);
                    }
                }
                case 2 -> {                           // signed bit patterns, as in a decoder
                    g[ONE] = -(1 + random.nextInt(3));
                    for (int b = 28; b < 31; b++) {
                        g[b] = random.nextBoolean() ? 1 : -1;
                    }
                    g[1 + random.nextInt(6)] = 1;
                }
                case 3 -> g[ONE] = 1;                 // linear: clears or copies a slot
                case 4 -> {                           // a step of a small counter slot
                    g[ONE] = -random.nextInt(5);
                    g[16] = 1;
                }
                default -> {                          // anything but the tent's slots
                    for (int c = 16; c < D; c++) {
                        if (random.nextInt(8) == 0) {
                            g[c] = random.nextInt(7) - 3;
                        }
                    }
                }
            }
            value[u][u % 6 == 3 ? 31 + random.nextInt(6) : ONE] = u % 6 == 3 ? -1 : 1;
            if (random.nextInt(4) == 0) {
                value[u][20 + random.nextInt(8)] = 2;
            }
            output[31 + random.nextInt(9)][u] = random.nextInt(5) - 2;
        }
        return TinyModel.ffn(gate, value, output);
    }

    /** A layer with its filter and a scratch whose row masks cover {@code scratchRows} slots. */
    private record Layer(FfnWeights weights, SparseFeedForward ffn, GateFilter filter,
                         SparseFeedForward.Scratch scratch) {
        static Layer of(FfnWeights weights, int scratchRows) {
            SparseFeedForward ffn = new SparseFeedForward(weights, weights.gate().cols, ONE);
            return new Layer(weights, ffn, new GateFilter(ffn),
                    new SparseFeedForward.Scratch(weights.width(), ffn.groups.groupCount, scratchRows));
        }

        static Layer of(FfnWeights weights) {
            return of(weights, weights.gate().cols);
        }
    }

    /** The gate, value and output matrices of a small layer a test fills in. */
    private record Matrices(double[][] gate, double[][] value, double[][] output) {
        Matrices(int width, int d) {
            this(new double[width][d], new double[width][d], new double[d][width]);
        }

        Layer layer() {
            return Layer.of(TinyModel.ffn(gate, value, output));
        }
    }

    /** A residual: flags one-hot, a tent that is 0 or 1, bits, a counter, scratch slots. */
    private static double[] residual(Random random, int step) {
        double[] x = new double[D];
        x[ONE] = 1;
        x[1 + random.nextInt(12)] = 1;
        int d = random.nextInt(6) - 1;                      // the tent of d at 0: 1 iff d == 0
        x[13] = Math.max(0, d + 1);
        x[14] = Math.max(0, d);
        x[15] = Math.max(0, d - 1);
        for (int b = 20; b < 31; b++) {
            x[b] = random.nextInt(2);
        }
        x[16] = random.nextInt(6);
        for (int c = 31; c < D; c++) {
            x[c] = random.nextInt(3) == 0 ? random.nextInt(9) - 4 : 0;
        }
        // Later in the run some values leave the ranges the filter has seen, and some are
        // fractional, as a mean would be.
        if (step > 900 && random.nextInt(50) == 0) {
            x[16] = 40 + random.nextInt(1000);
        }
        if (step > 1500 && random.nextInt(80) == 0) {
            x[20 + random.nextInt(8)] = 0.5;
        }
        if (step > 2000 && random.nextInt(100) == 0) {
            x[13] = 3;
        }
        return x;
    }

    /** Applies the layer to x with ffn and checks it against the plain evaluation, bit for bit. */
    private static void assertStepExact(FfnWeights weights, SparseFeedForward ffn, double[] x, long[] nonZero,
                                        SparseFeedForward.Scratch scratch, GateFilter filter, String what) {
        double[] expected = x.clone();
        plain(weights, expected);
        ffn.apply(x, nonZero, scratch, filter);
        assertThat(x).as(what).usingElementComparator(Double::compare).containsExactly(expected);
    }

    private static void assertStepExact(Layer layer, double[] x, String what) {
        assertStepExact(layer.weights(), layer.ffn(), x, nonZero(x), layer.scratch(), layer.filter(), what);
    }

    /** The definition, as the reference pass computes it. */
    static void plain(FfnWeights ffn, double[] x) {
        double[] hidden = new double[ffn.width()];
        for (int i : ffn.gate().nonEmptyRows()) {
            double g = ffn.gate().dot(i, x);
            hidden[i] = g > 0 ? g * ffn.value().dot(i, x) : 0.0;
        }
        ffn.output().multiplyAdd(hidden, x);
    }

    static long[] nonZero(double[] x) {
        long[] bits = Bits.words(x.length);
        for (int c = 0; c < x.length; c++) {
            if (x[c] != 0) {
                Bits.set(bits, c);
            }
        }
        return bits;
    }

    /** Runs 3,000 steps of residuals through the layer, checking each against the plain layer. */
    private static void assertExactOverARun(Layer layer, Random random, String what) {
        for (int step = 0; step < 3000; step++) {
            double[] x = residual(random, step);
            assertStepExact(layer, x, String.format("%s step %d", what, step));
        }
        assertThat(layer.filter().builds).as("the filter was built and rebuilt").isGreaterThan(1);
        assertThat(layer.filter().filteredSteps).as("filtered steps").isGreaterThan(2000);
    }

    @Test
    void theFilteredLayerComputesThePlainLayerBitForBit() {
        for (int seed = 0; seed < 4; seed++) {
            Random random = new Random(seed);
            assertExactOverARun(Layer.of(layer(random)), random, "seed " + seed);
        }
    }

    @Test
    void aLayerOfMoreThanSixtyFourWordsOfUnitsOrRowsVisitsEveryWordAndStaysExact() {
        // Up to 64 words a step visits only the words its masks name; beyond, all of them.
        Random random = new Random(21);
        Layer wide = Layer.of(layer(random, 64 * 64 + 100));
        assertThat((wide.weights().width() + 63) >>> 6).isGreaterThan(64);
        assertExactOverARun(wide, random, "wide layer");
        Layer wideRows = Layer.of(layer(random), 64 * 64 + 64);
        assertThat(wideRows.scratch().rowMask.length).isGreaterThan(64);
        assertExactOverARun(wideRows, random, "wide row mask");
    }

    @Test
    void theCandidatesHoldEveryUnitWithAPositiveGateAndANonZeroValue() {
        for (int seed = 0; seed < 4; seed++) {
            Random random = new Random(100 + seed);
            Layer layer = Layer.of(layer(random));
            FfnWeights weights = layer.weights();
            SparseFeedForward ffn = layer.ffn();
            GateFilter filter = layer.filter();
            SparseFeedForward.Scratch scratch = layer.scratch();
            int selections = 0;
            long candidates = 0;
            long active = 0;
            for (int step = 0; step < 3000; step++) {
                double[] x = residual(random, step);
                long[] nonZero = nonZero(x);
                if (filter.builds > 0) {
                    long[] units = ffn.candidates(x, nonZero, scratch, filter);
                    if (units != null) {
                        selections++;
                        for (int u = 0; u < weights.width(); u++) {
                            boolean marked = (units[u >>> 6] & 1L << u) != 0;
                            candidates += marked ? 1 : 0;
                            if (weights.gate().dot(u, x) > 0 && weights.value().dot(u, x) != 0) {
                                active++;
                                assertThat(marked).as("seed %d step %d unit %d", seed, step, u).isTrue();
                            }
                        }
                    }
                }
                // The selection left the scratch clear: the step is still exact.
                assertStepExact(weights, ffn, x, nonZero, scratch, filter,
                        String.format("seed %d step %d", seed, step));
            }
            assertThat(selections).as("steps the filter selected for").isGreaterThan(2000);
            assertThat(active).as("active units seen").isGreaterThan(selections);
            assertThat((double) candidates / selections).as("candidates per step, of %d units",
                    weights.width()).isLessThan(weights.width() / 2.0);
        }
    }

    @Test
    void theRebuildThatKnowsUnitUseKeepsTheLayerExactAndSelectsLess() {
        Random random = new Random(11);
        Layer layer = Layer.of(layer(random));
        FfnWeights weights = layer.weights();
        SparseFeedForward ffn = layer.ffn();
        GateFilter filter = layer.filter();
        SparseFeedForward.Scratch scratch = layer.scratch();
        int steps = GateFilter.FIRST_BUILD + GateFilter.USE_BUILD + 2000;
        int[] selectorsPerBuild = new int[4];
        for (int step = 0; step < steps; step++) {
            // Values stay in the ranges of the first steps: only the use rebuild happens.
            double[] x = residual(random, Math.min(step, 800));
            assertStepExact(weights, ffn, x, nonZero(x), scratch, filter, String.format("step %d", step));
            if (filter.builds > 0 && filter.builds < selectorsPerBuild.length) {
                selectorsPerBuild[filter.builds] = filter.selectorUnit.length;
            }
        }
        assertThat(filter.builds).as("builds: the first, then the one with unit use").isEqualTo(2);
        assertThat(selectorsPerBuild[2]).as("selector entries after the use rebuild")
                .isGreaterThan(selectorsPerBuild[1]);
    }

    @Test
    void theUnfilteredLayerComputesThePlainLayerBitForBit() {
        Random random = new Random(7);
        FfnWeights weights = layer(random);
        SparseFeedForward ffn = new SparseFeedForward(weights, D, ONE);
        SparseFeedForward.Scratch scratch =
                new SparseFeedForward.Scratch(weights.width(), ffn.groups.groupCount, D);
        for (int step = 0; step < 500; step++) {
            double[] x = residual(random, step);
            if (step % 7 == 0) {
                x[ONE] = 2;   // the one-slot is then an ordinary column
            }
            assertStepExact(weights, ffn, x, nonZero(x), scratch, null, String.format("step %d", step));
        }
    }

    /** Ramps relu(x[3] - k) for k = 0..11 and relu(2 x[4] - x[5] - k) for k = 0..7: two bias families. */
    private static FfnWeights ramps() {
        int width = 20;
        double[][] gate = new double[width][D];
        double[][] value = new double[width][D];
        double[][] output = new double[D][width];
        for (int u = 0; u < width; u++) {
            if (u < 12) {
                gate[u][ONE] = -u;
                gate[u][3] = 1;
            } else {
                gate[u][ONE] = -(u - 12);
                gate[u][4] = 2;
                gate[u][5] = -1;
            }
            value[u][ONE] = 1;
            value[u][6] = u % 3;
            output[30 + u % 5][u] = u % 2 == 0 ? 1 : -3;
        }
        return TinyModel.ffn(gate, value, output);
    }

    @Test
    void aBiasFamilyMarksItsPositiveUnitsAndEveryUnitWhenItsSumIsNotAnExactInteger() {
        Layer layer = Layer.of(ramps());
        FfnWeights weights = layer.weights();
        SparseFeedForward ffn = layer.ffn();
        assertThat(Arrays.stream(ffn.familyOf, 0, 12).distinct().toArray()).containsExactly(0);
        assertThat(Arrays.stream(ffn.familyOf, 12, 20).distinct().toArray()).containsExactly(1);
        GateFilter filter = layer.filter();
        SparseFeedForward.Scratch scratch = layer.scratch();
        Random random = new Random(3);
        double[] special = {0.5, -2.5, 0x1p51, -0x1p60, Double.NaN, Double.POSITIVE_INFINITY, 1e300};
        int exactSteps = 0;
        for (int step = 0; step < 2000; step++) {
            double[] x = new double[D];
            x[ONE] = 1;
            x[3] = random.nextInt(16) - 2;
            x[4] = random.nextInt(8);
            x[5] = random.nextInt(8);
            x[6] = random.nextInt(3);
            boolean inexact = step > 600 && random.nextInt(10) == 0;
            if (inexact) {
                x[random.nextBoolean() ? 3 : 5] = special[random.nextInt(special.length)];
            }
            long[] nonZero = nonZero(x);
            if (filter.builds > 0) {
                long[] units = ffn.candidates(x, nonZero, scratch, filter);
                assertThat(units).as("step %d: the family columns are not range-checked", step).isNotNull();
                for (int u = 0; u < weights.width(); u++) {
                    boolean marked = (units[u >>> 6] & 1L << u) != 0;
                    boolean positive = weights.gate().dot(u, x) > 0;
                    boolean familyExact = u < 12 ? x[3] == Math.rint(x[3]) && Math.abs(x[3]) < 0x1p50
                            : x[5] == Math.rint(x[5]) && Math.abs(x[5]) < 0x1p49;
                    assertThat(marked).as("step %d unit %d", step, u)
                            .isEqualTo(familyExact ? positive : true);
                }
                exactSteps += inexact ? 0 : 1;
            }
            assertStepExact(weights, ffn, x, nonZero, scratch, filter, String.format("step %d", step));
        }
        assertThat(exactSteps).isGreaterThan(1000);
        assertThat(filter.filteredSteps).isGreaterThan(1000);
    }

    @Test
    void aRangeCheckedColumnInAWordWithoutSelectorsIsStillChecked() {
        // Units -4 + 4 x[f] + x[100 + f]: x[f] (word 0) is a rare flag, their selector;
        // x[100 + f] (word 1) is only range-checked. When it leaves its range with the flag
        // at 0, the gate is positive: the step must notice and run unfiltered. (Each time the
        // ranges widen, and the rebuild may make those columns selectors too.)
        int d = 130;
        int width = 24;
        Matrices w = new Matrices(width, d);
        double[][] gate = w.gate();
        double[][] value = w.value();
        double[][] output = w.output();
        for (int u = 0; u < width; u++) {
            int f = 1 + u % 8;
            gate[u][ONE] = -4;
            gate[u][f] = 4;
            gate[u][100 + f + 8 * (u / 8)] = 1;
            value[u][ONE] = 1;
            output[120 + u % 10][u] = 1;
        }
        Layer layer = w.layer();
        Random random = new Random(5);
        int outOfRange = 0;
        long[] rangeOnlyBefore = null;
        long[] checkBefore = null;
        for (int step = 0; step < 2500; step++) {
            double[] x = new double[d];
            x[ONE] = 1;
            if (random.nextInt(10) == 0) {
                x[1 + random.nextInt(8)] = 1;
            }
            for (int c = 100; c < 124; c++) {
                x[c] = random.nextInt(2) == 0 ? random.nextInt(4) : 0;
            }
            if (step == 1000) {
                rangeOnlyBefore = layer.filter().rangeOnlyMask.clone();
                checkBefore = layer.filter().checkMask.clone();
            }
            if (step > 1000 && step % 150 == 0 && outOfRange < 6) {
                x[100 + random.nextInt(24)] = (8 << outOfRange++) - 1;    // 7, 15, 31, ...
            }
            assertStepExact(layer, x, String.format("step %d", step));
        }
        assertThat(rangeOnlyBefore[1]).as("range-only columns in word 1").isNotZero();
        assertThat(checkBefore[1]).as("selecting columns in word 1").isZero();
        assertThat(layer.filter().builds).as("a rebuild per widening").isGreaterThan(4);
        assertThat(layer.filter().filteredSteps).isGreaterThan(1500);
    }

    @Test
    void aUnitThatNeedsTwoFlagsIsNotACandidateWhenOnlyItsSelectorIsSet() {
        // Units -2^21 + 2^20 x[a] + 2^20 x[b] + x[20 + u]: one flag suffices to bring the
        // bound to <= 0, so one is a selector and the other a rest column; with only the
        // selector set, bound + selector is 1, but its rest column's value (0 for 2^20) rules
        // the unit out before its gate is summed.
        int d = 40;
        int width = 16;
        Matrices w = new Matrices(width, d);
        double[][] gate = w.gate();
        double[][] value = w.value();
        double[][] output = w.output();
        for (int u = 0; u < width; u++) {
            gate[u][ONE] = -0x1p21;
            gate[u][1 + u % 4] = 0x1p20;
            gate[u][5 + u / 4] = 0x1p20;
            gate[u][20 + u] = 1;
            value[u][ONE] = 1;
            output[36 + u % 4][u] = 1;
        }
        Layer layer = w.layer();
        Random random = new Random(3);
        int oneFlagSteps = 0;
        for (int step = 0; step < 3000; step++) {
            double[] x = new double[d];
            x[ONE] = 1;
            int a = random.nextInt(2) == 0 ? 1 + random.nextInt(4) : 0;
            int b = random.nextInt(2) == 0 ? 5 + random.nextInt(4) : 0;
            x[a] = 1;      // slot 0 is the one-slot: 1 already
            x[b] = 1;
            for (int c = 20; c < 36; c++) {
                x[c] = random.nextInt(2);
            }
            if (layer.filter().unitBound != null) {
                long[] units = layer.ffn().candidates(x, nonZero(x), layer.scratch(), layer.filter());
                assertThat(units).as("step %d in range", step).isNotNull();
                for (int u = 0; u < width; u++) {
                    boolean both = x[1 + u % 4] == 1 && x[5 + u / 4] == 1;
                    if (!both && (units[0] & 1L << u) != 0) {
                        throw new AssertionError("step " + step + ": unit " + u + " with one flag is a candidate");
                    }
                    oneFlagSteps += !both && (x[1 + u % 4] == 1 || x[5 + u / 4] == 1) ? 1 : 0;
                }
            }
            assertStepExact(layer, x, String.format("step %d", step));
        }
        assertThat(oneFlagSteps).as("units with one flag set").isGreaterThan(5000);
        assertThat(layer.filter().filteredSteps).isGreaterThan(2000);
    }

    @Test
    void aUnitIsTouchedOnlyWhenItsPartnerIsNonZero() {
        // Units 0-7: -1 + x[1 + u % 4] + x[5 + u / 4], two rare flags: one selects the unit, the
        // other is its partner, a column. Units 8-15: -1 + x[1 + u % 4] + x[9] + x[10], where
        // x[9] and x[10] are one group, non-zero at most steps: the flag and the group both
        // select the unit, and the group is its partner, known only after the column loop.
        int d = 40;
        int width = 16;
        Matrices w = new Matrices(width, d);
        double[][] gate = w.gate();
        double[][] value = w.value();
        double[][] output = w.output();
        for (int u = 0; u < width; u++) {
            gate[u][ONE] = -1;
            gate[u][1 + u % 4] = 1;
            if (u < 8) {
                gate[u][5 + u / 4] = 1;
            } else {
                gate[u][9] = 1;
                gate[u][10] = 1;
            }
            value[u][20 + u] = 1;
            output[36 + u % 4][u] = 1;
        }
        Layer layer = w.layer();
        Random random = new Random(5);
        long touches = 0;
        long skipped = 0;
        for (int step = 0; step < 3000; step++) {
            double[] x = new double[d];
            x[ONE] = 1;
            if (random.nextInt(2) == 0) {
                x[1 + random.nextInt(4)] = 1;
            }
            if (random.nextInt(2) == 0) {
                x[5 + random.nextInt(2)] = 1;
            }
            if (random.nextInt(10) != 0) {
                x[9 + random.nextInt(2)] = 1;
            }
            for (int c = 20; c < 36; c++) {
                x[c] = random.nextInt(3);
            }
            if (layer.filter().unitBound != null) {
                long[] touched = layer.ffn().touched(x, nonZero(x), layer.scratch(), layer.filter());
                assertThat(touched).as("step %d in range", step).isNotNull();
                for (int u = 0; u < width; u++) {
                    double partner = u < 8 ? x[5 + u / 4] : x[9] + x[10];
                    boolean both = x[1 + u % 4] != 0 && partner != 0;
                    boolean isTouched = (touched[0] & 1L << u) != 0;
                    if (isTouched && !both) {
                        throw new AssertionError("step " + step + ": unit " + u + " touched without both flags");
                    }
                    touches += isTouched ? 1 : 0;
                    skipped += x[1 + u % 4] != 0 && partner == 0 ? 1 : 0;
                }
            }
            assertStepExact(layer, x, String.format("step %d", step));
        }
        assertThat(touches).as("touched units").isGreaterThan(1000);
        assertThat(skipped).as("selected units whose partner was 0").isGreaterThan(1000);
        assertThat(layer.filter().filteredSteps).isGreaterThan(2000);
    }

    @Test
    void proportionalColumnsFormOneGroup() {
        FfnWeights weights = layer(new Random(1));
        GateGroups groups = new GateGroups(weights.gate(), ONE);
        assertThat(groups.groupOf[13]).isEqualTo(groups.groupOf[14]).isEqualTo(groups.groupOf[15]);
        assertThat(new double[] {groups.alpha[13], groups.alpha[14], groups.alpha[15]})
                .containsExactly(1, -2, 1);
        assertThat(groups.groupOf[20]).isNotEqualTo(groups.groupOf[21]);
        assertThat(Arrays.stream(groups.groupOf).filter(g -> g >= 0).distinct().count())
                .isEqualTo(groups.groupCount);
    }

    /**
     * Units gated like the interpreter's {@code data.a}: {@code p - 1 - 2^35 + 2^35 flag}, <= 0
     * whatever the position p while the flag is 0, if p stays below 2^35. With the position's
     * slot known and bounded by the model's position limit, the filter starts p's range at
     * [0, limit] and never touches these units while their flag is 0, up to a position at the
     * limit; a value past the limit is computed unfiltered, exactly, and widens the range.
     * Without the slot, p's learned range ends at +-2^40 and p must select them.
     */
    @Test
    void aBoundedPositionLetsTheFilterRuleOutUnitsThatReadIt() {
        double limit = 0x1p26 + 1;
        for (boolean bounded : new boolean[] {true, false}) {
            PositionRun run = positionRun(bounded, limit);
            if (bounded) {
                assertThat(run.flagOffChecks).as("steps with a unit's flag 0 checked").isGreaterThan(10_000);
                assertThat(run.touchedWithFlagOff).as("units touched with their flag 0").isZero();
                assertThat(run.atLimitFiltered).as("filtered steps at the limit").isGreaterThan(10);
                assertThat(run.pastLimitUnfiltered).as("steps past the limit run unfiltered").isEqualTo(run.pastLimit);
            } else {
                assertThat(run.touchedWithFlagOff).as("units touched with their flag 0, p unbounded").isGreaterThan(1000);
            }
            assertThat(run.filteredSteps).as("filtered steps").isGreaterThan(bounded ? 3000 : 1500);
        }
    }

    private static final class PositionRun {
        long flagOffChecks;
        long touchedWithFlagOff;
        int atLimitFiltered;
        int pastLimit;
        int pastLimitUnfiltered;
        long filteredSteps;
    }

    private static PositionRun positionRun(boolean bounded, double limit) {
        int d = 40;
        int pos = 39;
        int width = 20;                             // not a small layer: one the filter takes
        Matrices w = new Matrices(width, d);
        for (int u = 0; u < 4; u++) {
            w.gate()[u][ONE] = -1 - 0x1p35;
            w.gate()[u][1 + u] = 0x1p35;
            w.gate()[u][pos] = 1;
            w.value()[u][u % 2 == 0 ? pos : ONE] = 1;
            w.output()[30 + u][u] = 1;
        }
        for (int u = 4; u < width; u++) {          // a few units over small slots
            w.gate()[u][ONE] = -1;
            w.gate()[u][10 + u % 12] = 1;
            w.gate()[u][5 + u % 3] = 1;
            w.value()[u][ONE] = 1;
            w.output()[34 + u % 4][u] = 2;
        }
        FfnWeights weights = TinyModel.ffn(w.gate(), w.value(), w.output());
        SparseFeedForward ffn = bounded ? new SparseFeedForward(weights, d, ONE, pos, limit)
                : new SparseFeedForward(weights, d, ONE);
        GateFilter filter = new GateFilter(ffn);
        SparseFeedForward.Scratch scratch = new SparseFeedForward.Scratch(width, ffn.groups.groupCount, d);
        Random random = new Random(17);
        PositionRun run = new PositionRun();
        int steps = 3600;
        boolean widened = false;
        for (int step = 0; step < steps; step++) {
            double[] x = new double[d];
            x[ONE] = 1;
            // positions doubling every 128 steps up to the limit (from step 3329 on, with
            // widenings faster than rebuilds, as a position's), then a few past it
            double p = Math.min(limit, Math.floor(Math.pow(2, step / 128.0)));
            boolean past = step >= steps - 5;
            if (past) {
                p = limit + 1 + random.nextInt(1000);
            }
            x[pos] = p;
            if (random.nextInt(20) == 0) {
                x[1 + random.nextInt(4)] = 1;
            }
            for (int c = 5; c < 8; c++) {
                x[c] = random.nextInt(2);
            }
            for (int c = 10; c < 22; c++) {
                x[c] = random.nextInt(3) == 0 ? 1 : 0;
            }
            long[] nonZero = nonZero(x);
            if (filter.unitBound != null && !widened) {
                long[] touched = ffn.touched(x, nonZero, scratch, filter);
                if (past) {
                    run.pastLimit++;
                    if (bounded && touched == null) {
                        run.pastLimitUnfiltered++;
                    }
                    widened = true;
                } else if (touched != null) {
                    run.atLimitFiltered += p == limit ? 1 : 0;
                    for (int u = 0; u < 4; u++) {
                        if (x[1 + u] == 0) {
                            run.flagOffChecks++;
                            run.touchedWithFlagOff += (touched[0] & 1L << u) != 0 ? 1 : 0;
                        }
                    }
                }
            }
            assertStepExact(weights, ffn, x, nonZero, scratch, filter, String.format("step %d, p %s", step, p));
        }
        run.filteredSteps = filter.filteredSteps;
        return run;
    }

    /**
     * Units {@code -1024 + x[a] + 1024 x[f]} (as the interpreter's {@code snapshot.q}): their
     * two columns are one group (read in one proportion), non-zero at most steps through
     * x[a], so the group cannot wait for a partner group; the flag's column is their partner
     * (0 leaves the gate <= 0 over a's range), and a unit is touched only when its flag is set.
     */
    @Test
    void aColumnInsideTheSelectorGroupCanBeTheUnitsPartner() {
        int d = 40;
        int width = 20;
        Matrices w = new Matrices(width, d);
        for (int u = 0; u < 8; u++) {
            w.gate()[u][ONE] = -1024;
            w.gate()[u][10 + 2 * u] = 1;
            w.gate()[u][11 + 2 * u] = 1024;
            w.value()[u][ONE] = 1;
            w.output()[30 + u % 4][u] = 1;
        }
        for (int u = 8; u < width; u++) {          // enough entries that the layer is filtered
            w.gate()[u][ONE] = -1;
            w.gate()[u][1 + u % 6] = 1;
            w.gate()[u][7 + u % 3] = 1;
            w.gate()[u][26 + u % 4] = 1;
            w.value()[u][ONE] = 1;
            w.output()[34 + u % 4][u] = 2;
        }
        Layer layer = w.layer();
        assertThat(layer.ffn().groups.groupOf[10]).as("a unit's two columns are one group")
                .isEqualTo(layer.ffn().groups.groupOf[11]);
        Random random = new Random(23);
        long flagOff = 0;
        long touches = 0;
        for (int step = 0; step < 3000; step++) {
            double[] x = new double[d];
            x[ONE] = 1;
            for (int u = 0; u < 8; u++) {
                x[10 + 2 * u] = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(500);
                x[11 + 2 * u] = random.nextInt(8) == 0 ? 1 : 0;
            }
            for (int c = 1; c < 10; c++) {
                x[c] = random.nextInt(2);
            }
            for (int c = 26; c < 30; c++) {
                x[c] = random.nextInt(2);
            }
            if (layer.filter().unitBound != null) {
                long[] touched = layer.ffn().touched(x, nonZero(x), layer.scratch(), layer.filter());
                assertThat(touched).as("step %d in range", step).isNotNull();
                for (int u = 0; u < 8; u++) {
                    boolean isTouched = (touched[0] & 1L << u) != 0;
                    if (x[11 + 2 * u] == 0) {
                        flagOff++;
                        assertThat(isTouched).as("step %d: unit %d touched with its flag 0", step, u).isFalse();
                    }
                    touches += isTouched ? 1 : 0;
                }
            }
            assertStepExact(layer, x, String.format("step %d", step));
        }
        assertThat(flagOff).as("unit steps with the flag 0").isGreaterThan(10_000);
        assertThat(touches).as("touched units").isGreaterThan(1000);
        assertThat(layer.filter().filteredSteps).isGreaterThan(2000);
    }

    /**
     * Units as the interpreter's {@code depth.over}: {@code 4 (a - b - limit) - k - 2^31 (1 -
     * flag)}, where a and b are cumulative sums computed as a mean times a count (a few ulps
     * off integers, so their group is fractional). Its bound over the ranges stays far below 0
     * while the flag is 0, so the filter evaluates them by their rows only when the flag is
     * set (ROW units), and the layer stays exact; a unit whose bound is 0 but for rounding
     * ({@code a - b - 7} with a - b up to 7) is evaluated at every step, and one 1 below
     * ({@code a - b - 8}) never, nor {@code z - 8} for a fractional z up to 7. Some steps put
     * a - b - limit at 1, where the flagged units are positive; late steps put a - b and z out
     * of their ranges.
     */
    @Test
    void aUnitReadingFractionalColumnsIsRuledOutByItsIntegerSelectorWithARoundingMargin() {
        int d = 40;
        int width = 24;
        Matrices w = new Matrices(width, d);
        for (int u = 0; u < 4; u++) {              // depth.over: flag in column 1 + u
            w.gate()[u][ONE] = -(1 + 2 * (u % 2)) - 0x1p31;
            w.gate()[u][1 + u] = 0x1p31;
            w.gate()[u][10] = 4;
            w.gate()[u][11] = -4;
            w.gate()[u][12] = -4;
            w.value()[u][ONE] = 0.5;
            w.output()[30 + u][u] = 1;
        }
        int tight = 4;
        int loose = 5;
        for (int u = tight; u <= loose; u++) {
            w.gate()[u][ONE] = u == tight ? -7 : -8;
            w.gate()[u][10] = 1;
            w.gate()[u][11] = -1;
            w.value()[u][ONE] = 1;
            w.output()[34][u] = 1;
        }
        int single = 6;
        w.gate()[single][ONE] = -8;
        w.gate()[single][13] = 1;
        w.value()[single][ONE] = 1;
        w.output()[35][single] = 1;
        for (int u = 7; u < width; u++) {          // enough entries that the layer is filtered
            w.gate()[u][ONE] = -1;
            w.gate()[u][5 + u % 4] = 1;
            w.gate()[u][20 + u % 5] = 1;
            w.value()[u][ONE] = 1;
            w.output()[35 + u % 4][u] = 2;
        }
        Layer layer = w.layer();
        GateFilter filter = layer.filter();
        Random random = new Random(31);
        long count = 1000;
        long positive = 0;
        int fractional = 0;
        byte[] kinds = null;
        int[] rowColumns = null;
        int buildsAt3000 = 0;
        for (int step = 0; step < 4000; step++) {
            if (step == 3000) {
                kinds = filter.unitKind.clone();
                rowColumns = filter.rowColumns.clone();
                buildsAt3000 = filter.builds;
            }
            double[] x = new double[d];
            x[ONE] = 1;
            int limit = 2 + random.nextInt(4);
            int depth = random.nextInt(limit + 1) + (step > 1000 && random.nextInt(10) == 0 ? 1 : 0);
            if (step > 3000 && random.nextInt(100) == 0) {
                depth = 50 + random.nextInt(50);
            }
            double returns = 1000 + random.nextInt(100_000);
            // means times counts: a few ulps off the integers returns + depth and returns
            count += 1 + random.nextInt(3);
            x[10] = count * ((returns + depth) / count);
            x[11] = count * (returns / count);
            x[12] = limit;
            x[13] = (step > 3000 && random.nextInt(100) == 0 ? 60 : depth % 7) + 0.5;
            fractional += x[10] != Math.rint(x[10]) ? 1 : 0;
            x[1 + random.nextInt(8)] = random.nextInt(2);
            for (int c = 20; c < 25; c++) {
                x[c] = random.nextInt(2);
            }
            for (int u = 0; u < 4; u++) {
                positive += layer.weights().gate().dot(u, x) > 0 ? 1 : 0;
            }
            assertStepExact(layer, x, String.format("step %d", step));
        }
        assertThat(fractional).as("steps whose cumulative column is not an integer").isGreaterThan(100);
        for (int u = 0; u < 4; u++) {
            assertThat(kinds[u]).as("kind of depth.over unit %d", u).isEqualTo(GateFilter.ROW);
        }
        assertThat(kinds[loose]).as("a unit 1 below 0 over the ranges").isEqualTo(GateFilter.ROW);
        assertThat(kinds[single]).as("a unit of one fractional column").isEqualTo(GateFilter.ROW);
        assertThat(kinds[tight]).as("a unit at 0 over the ranges, but for rounding").isEqualTo(GateFilter.ALWAYS);
        assertThat(rowColumns).as("the fractional columns, checked by range").containsExactly(10, 11, 13);
        assertThat(filter.builds).as("rebuilt after a - b left its range").isGreaterThan(buildsAt3000);
        assertThat(positive).as("positive depth.over gates").isGreaterThan(10);
        assertThat(filter.filteredSteps).isGreaterThan(2500);
    }
}
