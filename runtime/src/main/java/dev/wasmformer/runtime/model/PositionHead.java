package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.state.StateFormatException;
import dev.wasmformer.runtime.state.StateReader;
import dev.wasmformer.runtime.state.StateWriter;
import dev.wasmformer.runtime.attention.AttentionCache;
import dev.wasmformer.runtime.attention.AttentionMode;
import dev.wasmformer.runtime.attention.HeapBytes;
import dev.wasmformer.runtime.attention.PositionSelector;
import dev.wasmformer.runtime.attention.QuadraticKey;
import java.util.Arrays;

/**
 * One run's state of a head whose key is a known polynomial of the position: it answers a
 * query by {@link PositionSelector} and reads the values of the selected positions. A
 * token-valued head keeps no values at all (they are the table's values of the tokens at
 * those positions); another keeps one value vector per position. Equal to the naive cache:
 * the selector finds the naive scan's maximal positions, and the output is the value of the
 * latest of them (LATEST) or {@code (0.0 + v_a [+ v_b]) / count} (AVERAGE). Past the
 * position where the polynomial stops being exact, the head replays its positions into a
 * hull cache and delegates to it.
 */
final class PositionHead {
    /**
     * What {@link #query} returns for an output it wrote without naming it. It returns a name
     * (&gt;= 0) for an output that has one, and {@link #table} of an id for a table's value.
     */
    static final long UNNAMED = AttentionCache.UNNAMED;
    /** Names of the overflow hull's outputs are offset by this, apart from the values' names. */
    private static final long OVERFLOW_NAMES = 1L << 32;

    /** {@link #query}'s result for the table id {@code id}: a value below -1. */
    static long table(int id) {
        return -2L - id;
    }

    /** The table id of a {@link #query} result below -1. */
    static int tableId(long result) {
        return (int) (-2L - result);
    }

    private final AttentionMode mode;
    private final int width;
    private final QuadraticKey key;
    private final PositionSelector selector;
    private final long limit;
    private final TokenValues table;          // null: values are kept
    private final double[] sum;               // AVERAGE: every value so far, in position order
    private final long[] selected = new long[2];
    private PositionValues values;            // when there is no table
    /**
     * The output sums of the names seen so far (when there is no table and no overflow): the
     * pass reads them from here, and a query that answers with one of them writes no vector.
     */
    final OutputMemo memo;
    // A table head's last answer for one position, and that position (-1: none): a position's
    // token never changes, and the selected position often stays from one token to the next,
    // so its token and id (two loads from large arrays) need not be read again. Not part of
    // the state: a copy or a read state starts without it.
    private long lastPosition = -1;
    private long lastAnswer;
    private long size;
    private AttentionCache overflow;
    // The key expected at position size, and its step to the next position: exact integers
    // while size <= limit (each is a difference of exact values below 2^52), so equal to
    // key.x(size), key.y(size) without evaluating the polynomial.
    private double expectedX;
    private double expectedY;
    private double stepX;
    private double stepY;
    // 2 x2 and 2 y2, the steps' own steps, here rather than read from the key: every position
    // reads them, and the key record is one more object to fetch from memory.
    private final double stepStepX;
    private final double stepStepY;

    PositionHead(HeadWeights head, TokenValues table) {
        this.mode = head.mode();
        this.width = head.valueWidth();
        this.key = head.positionKey();
        this.selector = new PositionSelector(key);
        this.limit = selector.limit();
        this.table = table;
        this.sum = mode == AttentionMode.AVERAGE ? new double[width] : null;
        this.values = table == null ? new PositionValues(width) : null;
        this.memo = table == null ? new OutputMemo() : null;
        this.expectedX = key.x(0);
        this.expectedY = key.y(0);
        this.stepX = key.x1() + key.x2();
        this.stepY = key.y1() + key.y2();
        this.stepStepX = 2 * key.x2();
        this.stepStepY = 2 * key.y2();
    }

    /**
     * An independent copy: the same answers to every later add and query, bit for bit; when
     * {@code kept}, one only to be copied again (see {@link AttentionCache#keptCopy}).
     */
    PositionHead(PositionHead other, boolean kept) {
        mode = other.mode;
        width = other.width;
        key = other.key;
        selector = other.selector.copy();
        limit = other.limit;
        table = other.table;   // the model's, never changed
        sum = other.sum == null ? null : other.sum.clone();
        values = other.values == null ? null : new PositionValues(other.values);
        memo = other.memo == null ? null : new OutputMemo();   // a cache, not state: starts empty
        size = other.size;
        overflow = other.overflow == null ? null : kept ? other.overflow.keptCopy() : other.overflow.copy();
        expectedX = other.expectedX;
        expectedY = other.expectedY;
        stepX = other.stepX;
        stepY = other.stepY;
        stepStepX = other.stepStepX;
        stepStepY = other.stepStepY;
    }

    /** Writes what the copy constructor copies from this head beyond its weights'. */
    void writeState(StateWriter out) {
        selector.writeState(out);
        out.writeDoubles(sum);
        out.writeBoolean(values != null);
        if (values != null) {
            values.writeState(out);
        }
        out.writeLong(size);
        out.writeBoolean(overflow != null);
        if (overflow != null) {
            overflow.writeState(out);
        }
        out.writeDouble(expectedX);
        out.writeDouble(expectedY);
        out.writeDouble(stepX);
        out.writeDouble(stepY);
    }

    /**
     * The kept head {@link #writeState} wrote, of {@code head}'s weights and {@code table}: the
     * parts it has match the head's mode and table, and its values cover its positions.
     */
    PositionHead(HeadWeights head, TokenValues table, StateReader in) throws StateFormatException {
        this(head, table);
        selector.readState(in);
        double[] s = in.readDoubles(width, mode != AttentionMode.AVERAGE, "position head sum");
        if ((s == null) != (sum == null)) {
            throw new StateFormatException("a position head of mode " + mode + (s == null ? " without" : " with") + " a sum");
        }
        if (s != null) {
            System.arraycopy(s, 0, sum, 0, width);
        }
        boolean hasValues = in.readBoolean();
        PositionValues v = hasValues ? new PositionValues(in, width) : null;
        size = in.readLong(0, Integer.MAX_VALUE, "position head positions");
        boolean hasOverflow = in.readBoolean();
        overflow = hasOverflow ? AttentionCache.readState(in, AttentionCache.KIND_HULL, mode, width) : null;
        if (hasOverflow ? hasValues : hasValues != (table == null)) {
            throw new StateFormatException("a position head's values do not match its table and overflow");
        }
        if (hasValues && v.size() != size || hasOverflow && overflow.size() != size) {
            throw new StateFormatException("a position head of " + size + " positions holds "
                    + (hasValues ? v.size() : overflow.size()));
        }
        if (!hasOverflow && size > limit + 1) {
            throw new StateFormatException("a position head of " + size + " positions past its limit without overflow");
        }
        values = v;
        expectedX = in.readDouble();
        expectedY = in.readDouble();
        stepX = in.readDouble();
        stepY = in.readDouble();
    }

    /** The heap its arrays take ({@link HeapBytes}): its values, or its overflow cache's. */
    long retainedBytes() {
        return HeapBytes.of(sum, selected) + (values == null ? 0 : values.retainedBytes())
                + (memo == null ? 0 : memo.retainedBytes())
                + (overflow == null ? 0 : overflow.retainedBytes());
    }

    /**
     * Appends position {@code size} with key (kx, ky), token {@code token} and, for a head
     * without a table, the value {@code p[from ..]}; {@code zero}: that value is known to be
     * all +0.0 (the layer's projection read no live slot), which spares comparing it.
     */
    void add(double kx, double ky, double[] p, int from, int token, int[] tokens, boolean zero) {
        // The common case in a method short enough for the JIT to inline: the exact key expected.
        if (overflow == null && size <= limit && kx == expectedX && ky == expectedY) {
            appendExpected(p, from, token, zero);
            return;
        }
        addOther(kx, ky, p, from, token, tokens);
    }

    /** Appends the position whose key was the expected one, and expects the next. */
    private void appendExpected(double[] p, int from, int token, boolean zero) {
        expectedX += stepX;
        expectedY += stepY;
        stepX += stepStepX;
        stepY += stepStepY;
        if (table == null) {
            if (zero) {
                values.appendZero();
            } else {
                values.append(p, from);
            }
            if (sum != null) {
                for (int i = 0; i < width; i++) {
                    sum[i] += p[from + i];
                }
            }
        } else if (sum != null) {
            table.addValue(token, sum, 0);
        }
        size++;
    }

    private void addOther(double kx, double ky, double[] p, int from, int token, int[] tokens) {
        long j = size;
        if (overflow == null && j > limit) {
            switchToHull(tokens);
        }
        if (overflow != null) {
            if (table != null) {
                table.copyValue(token, p, from);
            }
            overflow.add(kx, ky, p, from);
            size++;
            return;
        }
        if (kx != expectedX || ky != expectedY) {
            throw new IllegalStateException("position-key head got key (" + kx + ", " + ky
                    + ") at position " + j + ", expected (" + key.x(j) + ", " + key.y(j) + ")");
        }
        appendExpected(p, from, token, false);
    }

    /**
     * Answers query (qx, qy): returns {@link #table} of the id whose contribution is the
     * head's output (a token-valued head attending to one position); else writes the output
     * vector to {@code out[at ..]} and returns its name (a value &gt;= 0: equal names, equal
     * vectors bit for bit) or {@link #UNNAMED}. The vector is not written when its name equals
     * {@code known}.
     */
    long query(double qx, double qy, double[] out, int at, int[] tokens, long known) {
        if (overflow != null) {
            long name = overflow.query(qx, qy, out, at, known < OVERFLOW_NAMES ? UNNAMED : known - OVERFLOW_NAMES);
            return name < 0 ? UNNAMED : name + OVERFLOW_NAMES;
        }
        int n = selector.select(qx, qy, size - 1, selected);
        if (n == 1) {
            // One maximal position, a table's value or a known vector: what emit returns,
            // in a method short enough for the JIT to inline.
            long j = selected[0];
            if (table != null) {
                if (j != lastPosition) {
                    lastAnswer = table(table.id(tokens[(int) j]));
                    lastPosition = j;
                }
                return lastAnswer;
            }
            long name = values.name(j);
            if (name == known || memo.find(name) >= 0) {
                return name;
            }
        }
        return answer(n, out, at, tokens, known);
    }

    /** {@link #query}'s output for the {@code n} positions {@link #selected} holds (-1: all). */
    private long answer(int n, double[] out, int at, int[] tokens, long known) {
        if (n < 0) {
            if (mode == AttentionMode.LATEST) {
                return emit(size - 1, -1, out, at, tokens, known);
            }
            for (int i = 0; i < width; i++) {
                out[at + i] = sum[i] / size;
            }
            return UNNAMED;
        }
        return emit(selected[0], n == 2 ? selected[1] : -1, out, at, tokens, known);
    }

    /** The output for the maximal positions {a} or {a, b} (b = -1 for none, a < b). */
    private long emit(long a, long b, double[] out, int at, int[] tokens, long known) {
        if (mode == AttentionMode.LATEST || b < 0) {
            long j = b < 0 ? a : b;
            if (table != null) {
                // LATEST copies the value; AVERAGE of one is (0.0 + v) / 1 = v.
                return table(table.id(tokens[(int) j]));
            }
            // The output is a function of the stored vector (the mode is the head's), so the
            // vector's name names it.
            long name = values.name(j);
            if (name == known || memo.find(name) >= 0) {
                return name;
            }
            values.copy(j, out, at);
            if (mode == AttentionMode.AVERAGE) {
                for (int i = 0; i < width; i++) {
                    out[at + i] = (0.0 + out[at + i]) / 1;
                }
            }
            return name;
        }
        // Same operations in the same order as the naive scan: 0 + v_a + v_b, then / 2.
        Arrays.fill(out, at, at + width, 0.0);
        addValue(a, out, at, tokens);
        addValue(b, out, at, tokens);
        for (int i = 0; i < width; i++) {
            out[at + i] /= 2;
        }
        return UNNAMED;
    }

    private void addValue(long j, double[] out, int at, int[] tokens) {
        if (table != null) {
            table.addValue(tokens[(int) j], out, at);
        } else {
            values.add(j, out, at);
        }
    }

    private void switchToHull(int[] tokens) {
        overflow = AttentionCache.hull(mode, width);
        double[] value = new double[width];
        for (long j = 0; j < size; j++) {
            if (table != null) {
                table.copyValue(tokens[(int) j], value, 0);
            } else {
                values.copy(j, value, 0);
            }
            overflow.add(key.x(j), key.y(j), value);
        }
        values = null;
    }
}
