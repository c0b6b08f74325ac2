package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.state.StateFormatException;
import dev.wasmformer.runtime.state.StateReader;
import dev.wasmformer.runtime.state.StateWriter;
import dev.wasmformer.runtime.attention.HeapBytes;
import java.util.Arrays;

/**
 * One run's filter for the units of one ReGLU layer: which units can have a positive gate at
 * this step, decided from a few inputs, so that the others are never visited.
 *
 * <p>The filter keeps, for every column and every {@link GateGroups group} of the gate, a
 * range [lo, hi] that holds every value seen so far (widened to a power of two minus one, so
 * that a byte seen up to 200 is assumed up to 255), and whether the column ever held a
 * non-integer. From the ranges it builds, per unit u, a bound
 * {@code U_u = bias_u + sum over the unit's non-selector groups of max(s lo, s hi)} and a few
 * <em>selector</em> groups (the rarely non-zero ones first) such that U_u &lt;= 0. At a step
 * whose values all lie in their ranges, gate_u &lt;= U_u + sum over selectors of s v_g, so a
 * unit none of whose selectors is non-zero has gate &lt;= 0, and a touched unit whose sum is
 * &lt;= 0 too. These are decisions on exact integers: a unit is filtered only if its weights,
 * scales and the values it reads are integers whose sums, bounded by the ranges, stay below
 * 2^52, so that the reference's dot product is the exact real gate. A unit whose gate reads
 * a fractional column (a cumulative sum) is still ruled out by its integer selectors when its
 * bound stays below 0 by a margin that covers every rounding ({@link #ROW}). Other units are
 * <em>always</em> evaluated. A step with a value outside its range is computed without the
 * filter, widens the ranges and has the filter rebuilt (at most once every
 * {@value #REBUILD_GAP} steps; a column that keeps growing, such as a position, gets the range
 * +-2^40 after {@value #MAX_WIDENINGS} widenings, and no bound beyond that). A growing column
 * still keeps the units that read it filterable when they read it through a bounded group
 * (e.g. {@code p - q} of two positions): 2^40 leaves the group sums exact. Ranges never shrink, so decisions are sound whatever
 * the trace; they only make steps faster.
 */
final class GateFilter {
    /** Steps observed before the first build. */
    static final int FIRST_BUILD = 512;
    static final int REBUILD_GAP = 256;
    static final int MAX_WIDENINGS = 6;
    static final int SAMPLE = 8;
    /** Filtered steps after the first build before a rebuild that knows how often units are evaluated. */
    static final int USE_BUILD = 4096;
    /** Most steps between two checks whether a build is due. */
    static final int CHECK_GAP = 64;
    private static final double EXACT_LIMIT = 0x1p52;
    /** The range of a column that keeps growing. */
    private static final double GROWING = 0x1p40;
    /** Unit kinds: gate bounded by selectors, constant positive gate, evaluated at every step, or by its family. */
    static final byte FILTERED = 0;
    static final byte LINEAR = 1;
    static final byte ALWAYS = 2;
    /** A unit of a bias family: marked by the family's shared sum, evaluated by its row. */
    static final byte FAMILY = 3;
    /**
     * A unit whose gate reads a fractional column, bounded by selectors with a rounding margin
     * ({@link #roundingMargin}): evaluated by its row when touched, never tested by a bound.
     */
    static final byte ROW = 4;

    private final SparseFeedForward ffn;
    private final GateGroups groups;
    private final double[] columnLo;
    private final double[] columnHi;
    private final boolean[] columnFractional;
    private final int[] columnWidenings;
    private final double[] groupLo;
    private final double[] groupHi;
    private final int[] groupWidenings;
    private final long[] groupNonZero;
    /** Per unit: filtered steps that evaluated it (sampled as the group counts), since the first build. */
    final long[] unitUse;
    private long firstBuildSteps;
    // The ranges the current bounds were built from: a step is checked against these.
    final double[] builtGroupLo;
    final double[] builtGroupHi;
    /**
     * The columns a step checks: those of the groups some filtered unit reads (no bound
     * depends on the others, and a unit that is always evaluated stays so, as ranges only
     * widen). Such a column is never fractional, or its units would be always evaluated.
     */
    long[] checkMask;
    /** Taken out of checkMask: the columns of single-column groups that select no unit, checked in a tighter loop. */
    long[] rangeOnlyMask;
    /**
     * Per column: {lo, hi, alpha}. For a column that is its group's only member (then alpha is
     * +-1), [lo, hi] is the intersection of the column's range and the group's range over
     * alpha, so that one check covers both.
     */
    final double[] columnInfo;
    /**
     * Per column: for a group of several members, the group's index m among those (its value is
     * summed, then checked), else -1 - g for its group g.
     */
    final int[] columnCode;
    /** Per column, rebuilt with the selectors: {its code, then for a single-column group the range of its selector entries}. */
    int[] columnLink;
    /** The groups of several members, by index m: few, so that a step's mask of them is short. */
    final int[] multiGroup;
    private final int[] multiIndex;   // per group: m, or -1 for a single-column group

    // Built from the ranges.
    private boolean ready;
    private boolean dirty;
    private long steps;
    private long lastBuild;
    private long dueStep = FIRST_BUILD + 1;
    private long nextCheck = Math.min(dueStep, CHECK_GAP);
    double[] unitBound;          // U_u, for filtered units
    /**
     * Per filtered unit: U_u without the largest contribution of its first rest column (its rest
     * columns are laid out by decreasing contribution), or U_u if it has none. A candidate whose
     * bound, selectors' sum and first rest term sum to &lt;= 0 has gate &lt;= 0: its other rest
     * terms are not summed. Units that need two flags (a selector and a rest column of the
     * same large weight) stop there when only one is set.
     */
    double[] unitSecondBound;
    // Per filtered unit, its non-selector groups: single-column ones by column (weight s alpha),
    // the others by group (scale s). Its gate is bias + its selectors' sum + these.
    int[] restColumnStart;       // width + 1
    int[] restColumn;
    double[] restColumnWeight;
    int[] restGroupStart;        // width + 1
    int[] restGroup;
    double[] restGroupScale;
    int[] selectorStart;         // groups + 1
    int[] selectorUnit;
    double[] selectorScale;
    /**
     * A group's selector entries, in blocks by <em>partner</em>: a unit whose
     * gate is &lt;= 0 whenever one column of its rest (its partner) is 0, whatever its
     * selectors hold, is touched only when that column is non-zero. A unit that needs two
     * flags (an opcode and a lane, say) is then a candidate only where both are set. Block b
     * covers the entries [blockLimit[b], blockLimit[b + 1]), its partner blockPartner[b]: a
     * column c &gt;= 0, -2 - m for the group of several columns of index m (its units are
     * touched after the groups' sums, if that group's is non-zero), or -1 for none (touched
     * whenever the selector is non-zero); group g's blocks are
     * [groupBlock[g], groupBlock[g + 1]), and a single-column group's column links them. A
     * unit's partner gates every touch of it, through any of its selectors, so that a touched
     * unit always has the sum of all its non-zero selectors.
     */
    int[] blockLimit;
    int[] blockPartner;
    int[] groupBlock;            // groups + 1
    long[] alwaysMask;           // units evaluated at every step: their gate may be unbounded
    long alwaysWords;            // bit w: word w of alwaysMask is not zero (bit w mod 64 beyond 64 words)
    /** The units of alwaysMask, increasing (derived from it, not stored): a step sets their bits only. */
    int[] alwaysUnits;
    /**
     * The columns of ROW units' fractional groups, increasing (derived, not stored): a step
     * checks their ranges, not that they are integers.
     */
    int[] rowColumns;
    /** The words of checkMask or rangeOnlyMask that are not zero, increasing: a step visits only these. */
    int[] columnWords;
    byte[] unitKind;             // per unit: FILTERED, LINEAR, ALWAYS, FAMILY or ROW
    int builds;
    long filteredSteps;          // steps that ran with the filter (for tests)
    long checks;                 // calls of check (for tests)

    GateFilter(SparseFeedForward ffn) {
        this.ffn = ffn;
        this.groups = ffn.groups;
        int d = groups.groupOf.length;
        columnLo = new double[d];
        columnHi = new double[d];
        columnFractional = new boolean[d];
        columnWidenings = new int[d];
        groupLo = new double[groups.groupCount];
        groupHi = new double[groups.groupCount];
        groupWidenings = new int[groups.groupCount];
        groupNonZero = new long[groups.groupCount];
        unitUse = new long[ffn.width()];
        columnInfo = new double[3 * d];
        columnCode = new int[d];
        int[] multiIndex = new int[groups.groupCount];
        int multi = 0;
        for (int g = 0; g < groups.groupCount; g++) {
            multiIndex[g] = single(g) ? -1 : multi++;
        }
        multiGroup = new int[multi];
        for (int g = 0; g < groups.groupCount; g++) {
            if (multiIndex[g] >= 0) {
                multiGroup[multiIndex[g]] = g;
            }
        }
        for (int c = 0; c < d; c++) {
            int g = groups.groupOf[c];
            columnInfo[3 * c + 2] = groups.alpha[c];
            columnCode[c] = g < 0 ? Integer.MIN_VALUE : multiIndex[g] >= 0 ? multiIndex[g] : -1 - g;
        }
        this.multiIndex = multiIndex;
        builtGroupLo = new double[groups.groupCount];
        builtGroupHi = new double[groups.groupCount];
        seedPosition();
    }

    /**
     * Starts the position's column (and its group, if the column is the group) with the range
     * [0, B] for the FFN's {@link SparseFeedForward#positionBound B}, instead of learning it:
     * a range learned by widening reaches +-{@value #GROWING} for a column that grows with every
     * step, and a unit that reads the position in its gate could then never be bounded
     * ({@code data.a}: {@code relu(p - 1 - 2^35 (1 - flag))}, <= 0 whatever p <= 2^26 while
     * the flag is 0, but not for p up to 2^40). B is the model's position limit, past which no
     * run goes; the range only has to be right for speed, not for exactness: like every range
     * it is checked at every step the filter takes (a value outside it makes the step run
     * unfiltered and widens the range as usual), so a slot that held something else would
     * only cost filtered steps. It is an integer <= 2^52, so sums over it stay exact where
     * {@link #exactUnit} says so.
     */
    private void seedPosition() {
        int c = ffn.positionSlot;
        if (c < 0 || groups.groupOf[c] < 0) {
            return;
        }
        double bound = ffn.positionBound;
        columnLo[c] = 0;
        columnHi[c] = bound;
        int g = groups.groupOf[c];
        if (single(g)) {
            // alpha is +-1: the group's value is +-x, exactly
            double a = groups.alpha[c] * bound;
            groupLo[g] = Math.min(0, a);
            groupHi[g] = Math.max(0, a);
        }
    }

    /**
     * An independent copy in the same state (ranges, bounds, counts): it filters every later
     * step as this one would. Arrays a build replaces are copied too, so that nothing is shared
     * but the FFN and its groups, which no filter changes.
     */
    GateFilter(GateFilter o) {
        ffn = o.ffn;
        groups = o.groups;
        columnLo = o.columnLo.clone();
        columnHi = o.columnHi.clone();
        columnFractional = o.columnFractional.clone();
        columnWidenings = o.columnWidenings.clone();
        groupLo = o.groupLo.clone();
        groupHi = o.groupHi.clone();
        groupWidenings = o.groupWidenings.clone();
        groupNonZero = o.groupNonZero.clone();
        unitUse = o.unitUse.clone();
        firstBuildSteps = o.firstBuildSteps;
        builtGroupLo = o.builtGroupLo.clone();
        builtGroupHi = o.builtGroupHi.clone();
        checkMask = clone(o.checkMask);
        rangeOnlyMask = clone(o.rangeOnlyMask);
        columnInfo = o.columnInfo.clone();
        columnCode = o.columnCode.clone();
        columnLink = clone(o.columnLink);
        multiGroup = o.multiGroup.clone();
        multiIndex = o.multiIndex.clone();
        ready = o.ready;
        dirty = o.dirty;
        steps = o.steps;
        lastBuild = o.lastBuild;
        dueStep = o.dueStep;
        nextCheck = o.nextCheck;
        unitBound = clone(o.unitBound);
        unitSecondBound = clone(o.unitSecondBound);
        restColumnStart = clone(o.restColumnStart);
        restColumn = clone(o.restColumn);
        restColumnWeight = clone(o.restColumnWeight);
        restGroupStart = clone(o.restGroupStart);
        restGroup = clone(o.restGroup);
        restGroupScale = clone(o.restGroupScale);
        selectorStart = clone(o.selectorStart);
        selectorUnit = clone(o.selectorUnit);
        selectorScale = clone(o.selectorScale);
        blockLimit = clone(o.blockLimit);
        blockPartner = clone(o.blockPartner);
        groupBlock = clone(o.groupBlock);
        alwaysMask = clone(o.alwaysMask);
        alwaysWords = o.alwaysWords;
        alwaysUnits = clone(o.alwaysUnits);
        rowColumns = clone(o.rowColumns);
        columnWords = clone(o.columnWords);
        unitKind = o.unitKind == null ? null : o.unitKind.clone();
        builds = o.builds;
        filteredSteps = o.filteredSteps;
        checks = o.checks;
    }

    /** The section tag of a gate filter's state. */
    private static final int TAG = 0x45544147;   // "GATE"

    /** Writes every field the copy constructor copies, in the order the reading constructor reads them. */
    void writeState(StateWriter out) {
        out.tag(TAG);
        out.writeDoubles(columnLo);
        out.writeDoubles(columnHi);
        out.writeBooleans(columnFractional);
        out.writeInts(columnWidenings);
        out.writeDoubles(groupLo);
        out.writeDoubles(groupHi);
        out.writeInts(groupWidenings);
        out.writeLongs(groupNonZero);
        out.writeLongs(unitUse);
        out.writeLong(firstBuildSteps);
        out.writeDoubles(builtGroupLo);
        out.writeDoubles(builtGroupHi);
        out.writeLongs(checkMask);
        out.writeLongs(rangeOnlyMask);
        out.writeDoubles(columnInfo);
        out.writeInts(columnCode);
        out.writeInts(columnLink);
        out.writeInts(multiGroup);
        out.writeInts(multiIndex);
        out.writeBoolean(ready);
        out.writeBoolean(dirty);
        out.writeLong(steps);
        out.writeLong(lastBuild);
        out.writeLong(dueStep);
        out.writeLong(nextCheck);
        out.writeDoubles(unitBound);
        out.writeDoubles(unitSecondBound);
        out.writeInts(restColumnStart);
        out.writeInts(restColumn);
        out.writeDoubles(restColumnWeight);
        out.writeInts(restGroupStart);
        out.writeInts(restGroup);
        out.writeDoubles(restGroupScale);
        out.writeInts(selectorStart);
        out.writeInts(selectorUnit);
        out.writeDoubles(selectorScale);
        out.writeInts(blockLimit);
        out.writeInts(blockPartner);
        out.writeInts(groupBlock);
        out.writeLongs(alwaysMask);
        out.writeLong(alwaysWords);
        out.writeInts(columnWords);
        out.writeBytes(unitKind);
        out.writeInt(builds);
        out.writeLong(filteredSteps);
        out.writeLong(checks);
    }

    /**
     * A filter of {@code ffn} in the state {@link #writeState} wrote. The arrays a filter derives
     * from its FFN's groups must equal this one's, the others have the lengths the FFN fixes,
     * and every index they hold lies within what it indexes.
     */
    GateFilter(SparseFeedForward ffn, StateReader in) throws StateFormatException {
        this(ffn);
        in.tag(TAG);
        int d = columnLo.length;
        int g = groupLo.length;
        int width = unitUse.length;
        int unitWords = (width + 63) >>> 6;
        int columnWordCount = (d + 63) >>> 6;
        fill(in.readDoubles(d, false, "filter column lows"), columnLo);
        fill(in.readDoubles(d, false, "filter column highs"), columnHi);
        boolean[] fractional = in.readBooleans(d, false, "filter fractional columns");
        System.arraycopy(fractional, 0, columnFractional, 0, d);
        fill(in.readInts(d, false, "filter column widenings"), columnWidenings);
        fill(in.readDoubles(g, false, "filter group lows"), groupLo);
        fill(in.readDoubles(g, false, "filter group highs"), groupHi);
        fill(in.readInts(g, false, "filter group widenings"), groupWidenings);
        fill(in.readLongs(g, false, "filter group counts"), groupNonZero);
        fill(in.readLongs(width, false, "filter unit use"), unitUse);
        firstBuildSteps = in.readLong();
        fill(in.readDoubles(g, false, "filter built group lows"), builtGroupLo);
        fill(in.readDoubles(g, false, "filter built group highs"), builtGroupHi);
        checkMask = in.readLongs(columnWordCount, true, "filter check mask");
        rangeOnlyMask = in.readLongs(columnWordCount, true, "filter range-only mask");
        fill(in.readDoubles(3 * d, false, "filter column info"), columnInfo);
        same(in.readInts(d, false, "filter column codes"), columnCode, "column codes");
        columnLink = in.readInts(3 * d, true, "filter column links");
        same(in.readInts(multiGroup.length, false, "filter groups of several columns"), multiGroup, "multi-column groups");
        same(in.readInts(g, false, "filter group indexes"), multiIndex, "group indexes");
        ready = in.readBoolean();
        dirty = in.readBoolean();
        steps = in.readLong();
        lastBuild = in.readLong();
        dueStep = in.readLong();
        nextCheck = in.readLong();
        unitBound = in.readDoubles(width, true, "filter unit bounds");
        unitSecondBound = in.readDoubles(width, true, "filter second unit bounds");
        restColumnStart = in.readInts(width + 1, true, "filter rest column starts");
        restColumn = StateReader.within(in.readInts(StateReader.ANY, true, "filter rest columns"), 0, d - 1, "rest column");
        restColumnWeight = in.readDoubles(length(restColumn), true, "filter rest column weights");
        restGroupStart = in.readInts(width + 1, true, "filter rest group starts");
        restGroup = StateReader.within(in.readInts(StateReader.ANY, true, "filter rest groups"), 0,
                multiGroup.length - 1, "rest group");
        restGroupScale = in.readDoubles(length(restGroup), true, "filter rest group scales");
        selectorStart = in.readInts(g + 1, true, "filter selector starts");
        selectorUnit = StateReader.within(in.readInts(StateReader.ANY, true, "filter selector units"), 0, width - 1,
                "selector unit");
        selectorScale = in.readDoubles(length(selectorUnit), true, "filter selector scales");
        blockLimit = StateReader.within(in.readInts(StateReader.ANY, true, "filter selector blocks"), 0,
                length(selectorUnit), "selector block");
        blockPartner = StateReader.within(in.readInts(length(blockLimit) == 0 ? 0 : blockLimit.length - 1, true,
                "filter block partners"), -1 - multiGroup.length, d - 1, "block partner");
        groupBlock = StateReader.within(in.readInts(g + 1, true, "filter group blocks"), 0,
                length(blockPartner), "group block");
        alwaysMask = in.readLongs(unitWords, true, "filter always mask");
        alwaysWords = in.readLong();
        alwaysUnits = alwaysMask == null ? null : Bits.toArray(alwaysMask);
        columnWords = StateReader.within(in.readInts(StateReader.ANY, true, "filter column words"), 0,
                columnWordCount - 1, "column word");
        unitKind = in.readBytes(width, true, "filter unit kinds");
        rowColumns = unitKind == null || checkMask == null || rangeOnlyMask == null ? null : rowColumns();
        builds = in.readInt(0, Integer.MAX_VALUE, "filter builds");
        filteredSteps = in.readLong();
        checks = in.readLong();
        StateReader.within(restColumnStart, 0, length(restColumn), "rest column start");
        StateReader.within(restGroupStart, 0, length(restGroup), "rest group start");
        StateReader.within(selectorStart, 0, length(selectorUnit), "selector start");
        if (columnLink != null) {
            for (int c = 0; c < d; c++) {
                StateReader.check(columnLink[3 * c + 1], 0, length(blockPartner), "column link");
                StateReader.check(columnLink[3 * c + 2], 0, length(blockPartner), "column link");
            }
        }
        if (blockLimit != null) {
            for (int b = 1; b < blockLimit.length; b++) {
                StateReader.check(blockLimit[b], blockLimit[b - 1], length(selectorUnit), "selector block");
            }
        }
        if (unitKind != null) {
            for (byte k : unitKind) {
                StateReader.check(k, FILTERED, ROW, "unit kind");
            }
        }
        boolean built = unitBound != null;
        Object[] parts = {unitSecondBound, checkMask, rangeOnlyMask, columnLink, restColumnStart, restColumn, restColumnWeight,
            restGroupStart, restGroup, restGroupScale, selectorStart, selectorUnit, selectorScale, blockLimit,
            blockPartner, groupBlock, alwaysMask, columnWords, unitKind};
        for (Object part : parts) {
            if ((part != null) != built) {
                throw new StateFormatException("a gate filter with some of its built arrays only");
            }
        }
        if (ready && !built) {
            throw new StateFormatException("a gate filter ready without its built arrays");
        }
    }

    private static int length(int[] a) {
        return a == null ? 0 : a.length;
    }

    private static void fill(double[] from, double[] to) {
        System.arraycopy(from, 0, to, 0, to.length);
    }

    private static void fill(int[] from, int[] to) {
        System.arraycopy(from, 0, to, 0, to.length);
    }

    private static void fill(long[] from, long[] to) {
        System.arraycopy(from, 0, to, 0, to.length);
    }

    private static void same(int[] read, int[] own, String what) throws StateFormatException {
        if (!Arrays.equals(read, own)) {
            throw new StateFormatException("a gate filter of other " + what + " than its FFN's");
        }
    }

    /** The heap its arrays take ({@link HeapBytes}). */
    long retainedBytes() {
        return HeapBytes.of(columnLo, columnHi, columnFractional, columnWidenings, groupLo, groupHi,
                groupWidenings, groupNonZero, unitUse, builtGroupLo, builtGroupHi, checkMask, rangeOnlyMask,
                columnInfo, columnCode, columnLink, multiGroup, multiIndex, unitBound, unitSecondBound, restColumnStart,
                restColumn, restColumnWeight, restGroupStart, restGroup, restGroupScale, selectorStart,
                selectorUnit, selectorScale, blockLimit, blockPartner, groupBlock, alwaysMask, alwaysUnits, rowColumns,
                columnWords, unitKind);
    }

    private static long[] clone(long[] a) {
        return a == null ? null : a.clone();
    }

    private static int[] clone(int[] a) {
        return a == null ? null : a.clone();
    }

    private static double[] clone(double[] a) {
        return a == null ? null : a.clone();
    }

    long steps() {
        return steps;
    }

    /**
     * Whether the filter can be used at this step (counts the step). Only a count and a
     * compare: whether a build is due is decided in {@link #check}, at most
     * {@value #CHECK_GAP} steps apart and at every step a build falls due, so that the call is
     * in the profile of the method the JIT inlines this into long before the first build, and
     * a build (first, after a widening, or with unit use) takes no branch that method has not
     * taken before.
     */
    boolean ready() {
        if (++steps >= nextCheck) {
            check();
        }
        return ready;
    }

    /** Builds the filter if a build is due at this step, and sets the next step to check. */
    private void check() {
        checks++;
        if (steps >= dueStep) {
            build();
        }
        nextCheck = Math.min(dueStep, steps + CHECK_GAP);
    }

    /**
     * The first step at which a build is due as things stand: the first after
     * {@value #FIRST_BUILD}; then {@value #REBUILD_GAP} after the last build when a range has
     * widened since, and {@value #USE_BUILD} after the first build for the one with unit use.
     */
    private long dueStep() {
        if (!ready) {
            return FIRST_BUILD + 1;
        }
        long due = dirty ? lastBuild + REBUILD_GAP : Long.MAX_VALUE;
        return builds == 1 ? Math.min(due, lastBuild + USE_BUILD) : due;
    }

    /** Notes that a range widened: a rebuild falls due {@value #REBUILD_GAP} steps after the last build. */
    private void markDirty() {
        if (!dirty) {
            dirty = true;
            dueStep = dueStep();
            nextCheck = Math.min(nextCheck, dueStep);
        }
    }

    /**
     * Whether a filtered step counts its non-zero groups: one in {@value #SAMPLE}, each count
     * weighing {@value #SAMPLE} steps, as the counts only rank the groups at a rebuild.
     */
    boolean sampleStep() {
        return (steps & (SAMPLE - 1)) == 0;
    }

    void countNonZero(int g) {
        groupNonZero[g] += SAMPLE;
    }

    /** Widens column c's range to hold v, and notes a non-integer. */
    void observeColumn(int c, double v) {
        if (v != (double) (long) v) {
            if (!columnFractional[c]) {
                columnFractional[c] = true;
                markDirty();
            }
        }
        if (v < columnLo[c]) {
            columnLo[c] = widened(v, ++columnWidenings[c]);
            markDirty();
        } else if (v > columnHi[c]) {
            columnHi[c] = widened(v, ++columnWidenings[c]);
            markDirty();
        }
    }

    void observeGroup(int g, double v) {
        if (v != 0) {
            groupNonZero[g]++;
        }
        if (v < groupLo[g]) {
            groupLo[g] = widened(v, ++groupWidenings[g]);
            markDirty();
        } else if (v > groupHi[g]) {
            groupHi[g] = widened(v, ++groupWidenings[g]);
            markDirty();
        }
    }

    /**
     * The bound of a range that must hold v: for |v| >= 1 the next power of two minus one
     * (so 1 stays 1, 200 becomes 255), 2^40 then infinite once a range has widened too often (counted
     * only after the first build: the first steps set the scale).
     */
    private double widened(double v, int widenings) {
        if (Double.isNaN(v)) {
            return v;
        }
        if (ready && widenings > MAX_WIDENINGS) {
            double cap = Math.abs(v) <= GROWING ? GROWING : Double.POSITIVE_INFINITY;
            return v < 0 ? -cap : cap;
        }
        double m = Math.abs(v);
        double bound = m < 1 ? m : Math.min(Double.MAX_VALUE, Math.scalb(1.0, Math.getExponent(m) + 1) - 1);
        if (bound < m) {
            bound = m;       // beyond 2^53 the subtraction rounds back
        }
        return v < 0 ? -bound : bound;
    }

    /**
     * Recomputes bounds and selectors from the current ranges. In several methods of a loop or
     * two each: the JIT compiles the loops of a rare but long build on their own, and one large
     * method took C2 seconds of compilation per JVM.
     */
    private void build() {
        if (!ready) {
            // Widenings count from the first build on: the first steps only set the scale.
            Arrays.fill(columnWidenings, 0);
            Arrays.fill(groupWidenings, 0);
            firstBuildSteps = steps;
        }
        ready = true;
        dirty = false;
        lastBuild = steps;
        builds++;
        dueStep = dueStep();
        buildColumnInfo();
        GateGroups gg = groups;
        int width = ffn.width();
        boolean[] groupExact = new boolean[gg.groupCount];
        double[] groupMagnitude = new double[gg.groupCount];
        groupBounds(groupExact, groupMagnitude);
        double[] bound = new double[width];
        boolean[] always = new boolean[width];
        boolean[] row = new boolean[width];
        int[] selectorCount = new int[gg.groupCount + 1];
        // Per unit: its selectors and its other groups, as entries of the unit's groups.
        int[][] unitSelectors = new int[width][];
        int[][] unitRest = new int[width][];
        int[] partner = new int[width];
        Arrays.fill(partner, -1);
        UnitScratch scratch = new UnitScratch();
        for (int u = 0; u < width; u++) {
            if (ffn.linear[u] || ffn.familyOf[u] >= 0) {
                unitSelectors[u] = new int[0];   // chosen by its value's columns, or its family
                continue;
            }
            if (!chooseSelectors(u, groupExact, groupMagnitude, scratch)) {
                always[u] = true;
                continue;
            }
            row[u] = scratch.margin > 0;
            // A ROW unit's touches are all evaluated: an infinite bound passes every test.
            bound[u] = row[u] ? Double.POSITIVE_INFINITY : scratch.upper;
            partner[u] = choosePartner(u, groupExact, scratch);
            int start = gg.unitStart[u];
            int n = gg.unitStart[u + 1] - start;
            int selected = scratch.selected;
            int[] order = scratch.order;
            unitRest[u] = new int[n - selected];
            for (int k = selected; k < n; k++) {
                unitRest[u][k - selected] = start + order[k];
            }
            unitSelectors[u] = new int[selected];
            for (int k = 0; k < selected; k++) {
                unitSelectors[u][k] = start + order[k];
                selectorCount[gg.unitGroup[start + order[k]] + 1]++;
            }
        }
        for (int g = 0; g < gg.groupCount; g++) {
            selectorCount[g + 1] += selectorCount[g];
        }
        this.unitBound = bound;
        boolean[] groupRead = layOut(always, row, groupExact, unitSelectors, unitRest, selectorCount);
        layOutBlocks(partner);
        layOutChecks(groupRead);
        rowColumns = rowColumns();
    }

    /**
     * The columns of the ROW units' gates that no other check covers: those of their fractional
     * groups (their integer groups are read, so checked with the filtered units' columns). A
     * step checks each against its range and sums a group of several of them, whose value is
     * then checked with the other groups'.
     */
    private int[] rowColumns() {
        CsrMatrix gate = ffn.weights.gate();
        long[] columns = Bits.words(columnLo.length);
        for (int u = 0; u < unitKind.length; u++) {
            if (unitKind[u] != ROW) {
                continue;
            }
            for (int i = 0; i < gate.rowLength(u); i++) {
                int c = gate.column(u, i);
                if (groups.groupOf[c] >= 0 && (checkMask[c >>> 6] & 1L << c) == 0
                        && (rangeOnlyMask[c >>> 6] & 1L << c) == 0) {
                    Bits.set(columns, c);
                }
            }
        }
        return Bits.toArray(columns);
    }

    /** The column ranges a step is checked against, and the group ranges the bounds are built from. */
    private void buildColumnInfo() {
        GateGroups gg = groups;
        for (int c = 0; c < columnLo.length; c++) {
            double lo = columnLo[c];
            double hi = columnHi[c];
            int code = columnCode[c];
            if (code < 0 && code != Integer.MIN_VALUE) {
                int g = -1 - code;
                if (gg.alpha[c] == 1) {
                    lo = Math.max(lo, groupLo[g]);
                    hi = Math.min(hi, groupHi[g]);
                } else if (gg.alpha[c] == -1) {
                    lo = Math.max(lo, -groupHi[g]);
                    hi = Math.min(hi, -groupLo[g]);
                } else {
                    throw new IllegalStateException("a single-column group has alpha " + gg.alpha[c]);
                }
            }
            columnInfo[3 * c] = lo;
            columnInfo[3 * c + 1] = hi;
        }
        System.arraycopy(groupLo, 0, builtGroupLo, 0, groupLo.length);
        System.arraycopy(groupHi, 0, builtGroupHi, 0, groupHi.length);
    }

    /** Per group: whether its sum is exact over the ranges, and the largest magnitude of its range. */
    private void groupBounds(boolean[] groupExact, double[] groupMagnitude) {
        GateGroups gg = groups;
        for (int g = 0; g < gg.groupCount; g++) {
            double sum = 0;
            boolean exact = gg.alphaIntegral[g];
            for (int k = gg.memberStart[g]; k < gg.memberStart[g + 1]; k++) {
                int c = gg.members[k];
                exact &= !columnFractional[c];
                sum += Math.abs(gg.alpha[c]) * Math.max(-columnLo[c], columnHi[c]);
            }
            groupExact[g] = exact && sum <= EXACT_LIMIT;
            groupMagnitude[g] = Math.max(-groupLo[g], groupHi[g]);
        }
    }

    /** One unit's choice of selectors: its bound, and its groups' entries, selectors first. */
    private static final class UnitScratch {
        double[] contribution = new double[64];
        int[] order = new int[64];
        int selected;
        double upper;
        /** 0 for a unit whose gate is exact; else its {@link #roundingMargin}, and upper + margin <= 0. */
        double margin;
    }

    /**
     * Chooses unit u's selectors into {@code scratch} ({@code order}: the unit's group entries,
     * relative to its first, the {@code selected} selectors first; {@code upper}: its bound);
     * false if the unit must be evaluated at every step.
     */
    private boolean chooseSelectors(int u, boolean[] groupExact, double[] groupMagnitude, UnitScratch scratch) {
        GateGroups gg = groups;
        int start = gg.unitStart[u];
        int n = gg.unitStart[u + 1] - start;
        double margin = 0;
        if (!exactUnit(u, groupExact, groupMagnitude)) {
            margin = roundingMargin(u, groupExact, groupMagnitude);
            if (!(margin > 0)) {
                return false;
            }
        }
        if (scratch.contribution.length < n) {
            scratch.contribution = new double[n];
            scratch.order = new int[n];
        }
        double[] contribution = scratch.contribution;
        int[] order = scratch.order;
        double upper = gg.bias[u];
        for (int k = 0; k < n; k++) {
            int g = gg.unitGroup[start + k];
            double s = gg.unitScale[start + k];
            contribution[k] = Math.max(s * groupLo[g], s * groupHi[g]);
            upper += contribution[k];
            order[k] = k;
        }
        // Take the groups that lower the bound most per non-zero step first; a fractional
        // group is no selector (no step sums it).
        int selected = 0;
        while (upper + margin > 0) {
            int best = -1;
            double bestRate = 0;
            for (int k = selected; k < n; k++) {
                int j = order[k];
                if (contribution[j] > 0 && groupExact[gg.unitGroup[start + j]]) {
                    double rate = contribution[j] / (1.0 + groupNonZero[gg.unitGroup[start + j]]);
                    if (best < 0 || rate > bestRate) {
                        best = k;
                        bestRate = rate;
                    }
                }
            }
            if (best < 0) {
                break;
            }
            int j = order[best];
            order[best] = order[selected];
            order[selected++] = j;
            upper -= contribution[j];
        }
        if (upper + margin > 0 || Double.isNaN(upper)) {
            return false;
        }
        scratch.margin = margin;
        // A group non-zero less often than the unit is evaluated is cheaper as a selector
        // (its entry visited when it is non-zero) than in the unit's gate sum (visited when
        // the unit is). Its contribution is >= 0 (ranges hold 0), so the bound stays <= 0.
        double useRate = unitUse[u] / (double) Math.max(1, steps - firstBuildSteps);
        for (int k = selected; k < n && useRate > 0; k++) {
            int j = order[k];
            if (groupNonZero[gg.unitGroup[start + j]] / (double) steps < useRate) {
                order[k] = order[selected];
                order[selected++] = j;
                upper -= contribution[j];
            }
        }
        scratch.selected = selected;
        scratch.upper = upper;
        return true;
    }

    /**
     * Unit u's partner, or -1: a group of its gate whose value 0 leaves the gate &lt;= 0
     * whatever its selectors hold (the bound with every group at its largest contribution but
     * this one at 0 is &lt;= 0), the least often non-zero of those, as a column c &gt;= 0 for a
     * single-column group, else -2 - (its index among the groups of several columns). Exact:
     * the contributions are integers whose sum stays below 2^52; for a ROW unit, an integer
     * group whose bound stays below 0 by the unit's {@link #roundingMargin}.
     */
    private int choosePartner(int u, boolean[] groupExact, UnitScratch scratch) {
        GateGroups gg = groups;
        int start = gg.unitStart[u];
        int n = gg.unitStart[u + 1] - start;
        double all = scratch.upper;
        for (int k = 0; k < scratch.selected; k++) {
            all += scratch.contribution[scratch.order[k]];
        }
        // A group of the rest first; else, for a unit of several selectors, one of them (the
        // touches through the others then wait for it; a sole selector gates nothing).
        int best = -1;
        for (int pass = 0; pass < 2 && best < 0; pass++) {
            int from = pass == 0 ? scratch.selected : 0;
            int to = pass == 0 ? n : scratch.selected > 1 ? scratch.selected : 0;
            for (int k = from; k < to; k++) {
                int j = scratch.order[k];
                int g = gg.unitGroup[start + j];
                double c = scratch.contribution[j];
                if (c > 0 && groupExact[g] && all - c + scratch.margin <= 0
                        && (best < 0 || groupNonZero[g] < groupNonZero[best])) {
                    best = g;
                }
            }
        }
        if (best < 0) {
            return scratch.margin > 0 ? -1 : columnPartner(u);
        }
        return single(best) ? gg.members[gg.memberStart[best]] : -2 - multiIndex[best];
    }

    /**
     * Unit u's partner among the single columns of its gate when no group is one, or -1: a
     * column c whose value 0 leaves the gate &lt;= 0 with every other column at its largest
     * term over its range ({@code snapshot.q}: {@code -2^41 + lastStart + 2^41 flag}, whose
     * two columns form one group, is &lt;= 0 while the flag is 0). The bound is over columns,
     * not groups: gate = bias + sum of w_c x_c, each x_c in its column's range at a filtered
     * step (every column of a filtered unit is checked, as its groups are read). Among such
     * columns, the one of smallest range (a flag rather than a position), then of least often
     * non-zero group. Exact: the unit passed {@link #exactUnit}, so the terms are integers
     * whose magnitudes sum below 2^52.
     */
    private int columnPartner(int u) {
        GateGroups gg = groups;
        CsrMatrix gate = ffn.weights.gate();
        double all = gg.bias[u];
        for (int i = 0; i < gate.rowLength(u); i++) {
            int c = gate.column(u, i);
            if (gg.groupOf[c] < 0) {
                continue;   // slot_one: the bias
            }
            double w = gate.value(u, i);
            all += Math.max(w * columnLo[c], w * columnHi[c]);
        }
        int best = -1;
        double bestRange = 0;
        for (int i = 0; i < gate.rowLength(u); i++) {
            int c = gate.column(u, i);
            if (gg.groupOf[c] < 0) {
                continue;
            }
            double w = gate.value(u, i);
            double term = Math.max(w * columnLo[c], w * columnHi[c]);
            if (!(term > 0 && all - term <= 0)) {
                continue;
            }
            double range = Math.max(-columnLo[c], columnHi[c]);
            if (best < 0 || range < bestRange
                    || range == bestRange && groupNonZero[gg.groupOf[c]] < groupNonZero[gg.groupOf[best]]) {
                best = c;
                bestRange = range;
            }
        }
        return best;
    }

    /**
     * Whether unit u's gate is exact over the ranges: its groups' sums and its scaled sum by
     * groups, and the reference's sum over its row's columns, stay below 2^52 in integers.
     */
    private boolean exactUnit(int u, boolean[] groupExact, double[] groupMagnitude) {
        GateGroups gg = groups;
        int start = gg.unitStart[u];
        int n = gg.unitStart[u + 1] - start;
        boolean exact = gg.unitIntegral[u];
        double magnitude = Math.abs(gg.bias[u]);
        for (int k = 0; k < n && exact; k++) {
            int g = gg.unitGroup[start + k];
            exact = groupExact[g];
            magnitude += Math.abs(gg.unitScale[start + k]) * groupMagnitude[g];
        }
        // The reference's sum over the columns must be exact too.
        CsrMatrix gate = ffn.weights.gate();
        double plain = Math.abs(gg.bias[u]);
        for (int i = 0; i < gate.rowLength(u) && exact; i++) {
            int c = gate.column(u, i);
            if (gg.groupOf[c] >= 0) {
                plain += Math.abs(gate.value(u, i)) * Math.max(-columnLo[c], columnHi[c]);
            }
        }
        return exact && magnitude <= EXACT_LIMIT && plain <= EXACT_LIMIT;
    }

    /**
     * For a unit whose gate is not exact only because some of its groups are not (a column of
     * theirs fractional, as a cumulative sum computed as a mean times a count is): the margin
     * by which its bounds must stay below 0 so that the reference's gate is &lt;= 0 too, or 0
     * if it cannot be bounded so (then it is evaluated at every step).
     *
     * <p>Why the margin suffices. The unit's weights, scales and alphas are integers with
     * w = s alpha exactly ({@code unitIntegral}), so its real gate is G = sum of w_i x_i =
     * bias + sum over its groups of s_g v_g. Its integer groups are exact
     * ({@link #groupBounds}), are read (so checked against their ranges at every filtered
     * step) and are its only selectors and partners, whose value 0 is then the real 0. Each
     * fractional group's columns are checked against their column ranges, and its value
     * against the group's range, at every filtered step ({@link #rowColumns}), not for
     * integrality; that value is a float sum, within 1.01 m 2^-53 sum |alpha_c x_c| of the
     * real v_g (m members; Higham's gamma_m). Let S be the sum of |w_i| max(|lo_i|, |hi_i|)
     * over the row (the column ranges), plus that of |s_g| times the magnitude of each group's
     * range (both with |bias|): every term, partial sum and product below is at most S in
     * magnitude. So, at a filtered step whose selectors are 0 (or whose partner is), G is
     * &lt;= the real value U of the bound in question plus 1.01 r 2^-53 S (the fractional
     * groups' errors, times |s_g|, sum to at most that, r the row's length). The reference's
     * gate is a dot product of r terms in column order: within 1.01 r 2^-53 S of G. A bound
     * here (bias plus contributions, less selectors or a partner) is computed in at most 3N
     * rounded operations with N = r + k + 2 (k groups), each off by at most 2^-53 times a
     * magnitude &lt;= 1.01 S: within 3.03 N 2^-53 S of U. All together are below 6 N 2^-53 S,
     * and the margin N 2^-50 S = 8 N 2^-53 S (rounded: within a factor of 1 + 2^-51) exceeds
     * it. A computed U with U + margin &lt;= 0 (a sum of two doubles is &lt;= 0 only if its
     * real value is) thus gives a reference gate &lt;= 0.
     */
    private double roundingMargin(int u, boolean[] groupExact, double[] groupMagnitude) {
        GateGroups gg = groups;
        if (!gg.unitIntegral[u]) {
            return 0;
        }
        double magnitude = Math.abs(gg.bias[u]);
        for (int k = gg.unitStart[u]; k < gg.unitStart[u + 1]; k++) {
            magnitude += Math.abs(gg.unitScale[k]) * groupMagnitude[gg.unitGroup[k]];
        }
        CsrMatrix gate = ffn.weights.gate();
        double plain = Math.abs(gg.bias[u]);
        for (int i = 0; i < gate.rowLength(u); i++) {
            int c = gate.column(u, i);
            if (gg.groupOf[c] >= 0) {
                plain += Math.abs(gate.value(u, i)) * Math.max(-columnLo[c], columnHi[c]);
            }
        }
        int n = gate.rowLength(u) + gg.unitStart[u + 1] - gg.unitStart[u] + 2;
        double margin = n * 0x1p-50 * (magnitude + plain);
        return Double.isFinite(margin) ? margin : 0;
    }

    /**
     * Lays out the selectors by group, the units' kinds and the filtered units' other groups;
     * returns which groups some filtered unit reads.
     */
    private boolean[] layOut(boolean[] always, boolean[] row, boolean[] groupExact, int[][] unitSelectors,
                             int[][] unitRest, int[] selectorCount) {
        GateGroups gg = groups;
        int width = ffn.width();
        int[] unit = new int[selectorCount[gg.groupCount]];
        double[] scale = new double[unit.length];
        int[] next = Arrays.copyOf(selectorCount, gg.groupCount);
        long[] alwaysBits = Bits.words(width);
        byte[] kind = new byte[width];
        boolean[] groupRead = new boolean[gg.groupCount];
        int[] columnStart = new int[width + 1];
        int[] groupStart = new int[width + 1];
        for (int u = 0; u < width; u++) {
            columnStart[u + 1] = columnStart[u];
            groupStart[u + 1] = groupStart[u];
            if (always[u]) {
                Bits.set(alwaysBits, u);
                kind[u] = ALWAYS;
                continue;
            }
            kind[u] = ffn.linear[u] ? LINEAR : ffn.familyOf[u] >= 0 ? FAMILY : row[u] ? ROW : FILTERED;
            for (int entry : unitSelectors[u]) {
                int k = next[gg.unitGroup[entry]]++;
                unit[k] = u;
                scale[k] = gg.unitScale[entry];
                groupRead[gg.unitGroup[entry]] = true;
            }
            if (row[u]) {
                // Its bound needs its integer groups' ranges (checked as read groups' are);
                // its fractional groups' columns are checked by rowColumns.
                for (int entry : unitRest[u]) {
                    groupRead[gg.unitGroup[entry]] |= groupExact[gg.unitGroup[entry]];
                }
            } else if (unitRest[u] != null) {
                for (int entry : unitRest[u]) {
                    int g = gg.unitGroup[entry];
                    groupRead[g] = true;
                    if (single(g)) {
                        columnStart[u + 1]++;
                    } else {
                        groupStart[u + 1]++;
                    }
                }
            }
        }
        this.selectorStart = selectorCount;
        this.selectorUnit = unit;
        this.selectorScale = scale;
        this.alwaysMask = alwaysBits;
        this.alwaysUnits = Bits.toArray(alwaysBits);
        this.unitKind = kind;
        this.restColumnStart = columnStart;
        this.restGroupStart = groupStart;
        layOutRest(unitRest);
        long words = 0;
        for (int w = 0; w < alwaysBits.length; w++) {
            if (alwaysBits[w] != 0) {
                words |= 1L << w;
            }
        }
        this.alwaysWords = words;
        return groupRead;
    }

    /** The filtered units' non-selector groups, by column for a single-column group, else by group. */
    private void layOutRest(int[][] unitRest) {
        GateGroups gg = groups;
        int width = ffn.width();
        byte[] kind = unitKind;
        int[] columnStart = restColumnStart;
        int[] groupStart = restGroupStart;
        int[] restColumns = new int[columnStart[width]];
        double[] restWeights = new double[restColumns.length];
        int[] restGroups = new int[groupStart[width]];
        double[] restScales = new double[restGroups.length];
        double[] second = unitBound.clone();
        for (int u = 0; u < width; u++) {
            if (kind[u] != FILTERED || unitRest[u] == null) {
                continue;
            }
            int ck = columnStart[u];
            int gk = groupStart[u];
            int first = -1;          // the single-column entry of largest contribution
            double firstMax = 0;
            for (int entry : unitRest[u]) {
                int g = gg.unitGroup[entry];
                double max = Math.max(gg.unitScale[entry] * groupLo[g], gg.unitScale[entry] * groupHi[g]);
                if (single(g) && (first < 0 || max > firstMax)) {
                    first = entry;
                    firstMax = max;
                }
            }
            if (first >= 0) {
                // Exact: U_u is a sum of these integer contributions below 2^52.
                second[u] = unitBound[u] - firstMax;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int entry : unitRest[u]) {
                    int g = gg.unitGroup[entry];
                    if (!single(g) || (entry == first) != (pass == 0)) {
                        continue;
                    }
                    int c = gg.members[gg.memberStart[g]];
                    restColumns[ck] = c;
                    restWeights[ck++] = gg.unitScale[entry] * gg.alpha[c];   // alpha is +-1: exact
                }
            }
            for (int entry : unitRest[u]) {
                int g = gg.unitGroup[entry];
                if (single(g)) {
                    continue;
                } else {
                    restGroups[gk] = multiIndex[g];
                    restScales[gk++] = gg.unitScale[entry];
                }
            }
        }
        this.restColumn = restColumns;
        this.restColumnWeight = restWeights;
        this.unitSecondBound = second;
        this.restGroup = restGroups;
        this.restGroupScale = restScales;
    }

    /**
     * Orders each group's selector entries by partner (none first) and cuts them into blocks
     * of one partner each.
     */
    private void layOutBlocks(int[] partner) {
        GateGroups gg = groups;
        int[] start = selectorStart;
        int[] unit = selectorUnit;
        double[] scale = selectorScale;
        int[] limits = new int[unit.length + 1];
        int[] partners = new int[unit.length];
        int[] firstBlock = new int[gg.groupCount + 1];
        int blocks = 0;
        Integer[] order = new Integer[0];
        for (int g = 0; g < gg.groupCount; g++) {
            firstBlock[g] = blocks;
            int from = start[g];
            int to = start[g + 1];
            if (from == to) {
                continue;
            }
            {
                if (order.length < to - from) {
                    order = new Integer[to - from];
                }
                for (int k = from; k < to; k++) {
                    order[k - from] = k;
                }
                // stable: each block keeps the units in increasing order
                Arrays.sort(order, 0, to - from, (a, b) -> Integer.compare(partner[unit[a]], partner[unit[b]]));
                int[] u = new int[to - from];
                double[] s = new double[to - from];
                for (int k = 0; k < to - from; k++) {
                    u[k] = unit[order[k]];
                    s[k] = scale[order[k]];
                }
                System.arraycopy(u, 0, unit, from, u.length);
                System.arraycopy(s, 0, scale, from, s.length);
            }
            for (int k = from; k < to; k++) {
                int pk = partner[unit[k]];
                if (k == from || pk != partners[blocks - 1]) {
                    limits[blocks] = k;
                    partners[blocks++] = pk;
                }
            }
        }
        firstBlock[gg.groupCount] = blocks;
        limits[blocks] = unit.length;
        this.blockLimit = Arrays.copyOf(limits, blocks + 1);
        this.blockPartner = Arrays.copyOf(partners, blocks);
        this.groupBlock = firstBlock;
    }

    /** The columns a step checks, their links to the selector blocks, and the words a step visits. */
    private void layOutChecks(boolean[] groupRead) {
        GateGroups gg = groups;
        long[] check = Bits.words(columnLo.length);
        for (int g = 0; g < gg.groupCount; g++) {
            if (groupRead[g]) {
                for (int k = gg.memberStart[g]; k < gg.memberStart[g + 1]; k++) {
                    Bits.set(check, gg.members[k]);
                }
            }
        }
        this.checkMask = check;
        int[] link = new int[3 * columnCode.length];
        for (int c = 0; c < columnCode.length; c++) {
            int code = columnCode[c];
            link[3 * c] = code;
            if (code < 0 && code != Integer.MIN_VALUE) {
                link[3 * c + 1] = groupBlock[-1 - code];
                link[3 * c + 2] = groupBlock[-1 - code + 1];
            }
        }
        this.columnLink = link;
        long[] rangeOnly = Bits.words(columnLo.length);
        for (int w = 0; w < check.length; w++) {
            for (long b = check[w]; b != 0; b &= b - 1) {
                int c = (w << 6) + Long.numberOfTrailingZeros(b);
                if (link[3 * c] < 0 && link[3 * c + 1] == link[3 * c + 2]) {
                    Bits.set(rangeOnly, c);
                    check[w] &= ~(1L << c);
                }
            }
        }
        this.rangeOnlyMask = rangeOnly;
        long[] columns = new long[check.length];
        for (int w = 0; w < check.length; w++) {
            columns[w] = check[w] | rangeOnly[w];
        }
        this.columnWords = nonZeroWords(columns);
    }

    /** The indexes of the words of {@code bits} that are not zero, increasing. */
    static int[] nonZeroWords(long[] bits) {
        int n = 0;
        for (long w : bits) {
            n += w != 0 ? 1 : 0;
        }
        int[] words = new int[n];
        for (int w = 0, k = 0; w < bits.length; w++) {
            if (bits[w] != 0) {
                words[k++] = w;
            }
        }
        return words;
    }

    /** Whether group g is one column, whose value is then +-x[c]. */
    private boolean single(int g) {
        return groups.memberStart[g + 1] - groups.memberStart[g] == 1;
    }
}
