package dev.wasmformer.runtime.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The values of a token-valued head ({@link HeadWeights#tokenValued()}), computed once per
 * token at load: {@code value . (embedding[t] + e_one)} in the order the forward pass computes
 * it, so the doubles are the ones a run would compute. Tokens with equal values share an id;
 * per id, the head's contribution to the residual when it attends to exactly one position of
 * that value: the output matrix's row dot products, in row order, zeros dropped (adding 0.0
 * changes no residual slot, which never holds -0.0).
 *
 * <p>The value reads few columns, and many tokens agree on them: tokens whose embedding rows
 * hold the same entries (same columns, same bits) in the columns the value reads form a
 * <em>class</em>, and the value is computed once per class, from its first token. A row's dot
 * product reads only its own columns, so every token of a class gets the same doubles. The
 * classes of a column set, and the ids of a value matrix, are shared by the heads of a model
 * through a {@link Cache} (the interpreter has 18 token-valued heads over 3 column sets).
 */
final class TokenValues {
    final int width;
    private final int[] idOfToken;
    private final double[] values;            // [id][width]
    private final int[] contributionStart;    // ids + 1
    final int[] contributionRow;
    final double[] contributionValue;
    private final int[] markStart;            // ids + 1: an id's rows as (word, bits) of a bit set
    final int[] markWord;
    final long[] markBits;

    /** What the heads of one model share while they are built; not thread-safe. */
    static final class Cache {
        private final CsrMatrix embedding;
        private final int slotOne;
        private final List<Classes> classes = new ArrayList<>();
        private final List<Ids> ids = new ArrayList<>();

        Cache(CsrMatrix embedding, int slotOne) {
            this.embedding = embedding;
            this.slotOne = slotOne;
        }

        private Classes classes(int[] read) {
            for (Classes c : classes) {
                if (Arrays.equals(c.read, read)) {
                    return c;
                }
            }
            Classes c = new Classes(embedding, read);
            classes.add(c);
            return c;
        }

        private Ids ids(CsrMatrix value) {
            for (Ids i : ids) {
                if (i.value.sameEntries(value)) {
                    return i;
                }
            }
            Ids i = new Ids(value, classes(readColumns(value)), embedding, slotOne);
            ids.add(i);
            return i;
        }
    }

    /** The tokens grouped by their embedding entries in the columns {@code read}. */
    private static final class Classes {
        final int[] read;
        final int[] classOfToken;
        final int[] first;         // per class: its first token
        final int count;

        Classes(CsrMatrix embedding, int[] read) {
            this.read = read;
            int vocab = embedding.rows;
            boolean[] reads = new boolean[embedding.cols];
            for (int c : read) {
                reads[c] = true;
            }
            classOfToken = new int[vocab];
            int[] firsts = new int[16];
            int n = 0;
            // Open addressing from a restricted row's hash to its class.
            int capacity = Integer.highestOneBit(Math.max(16, vocab)) * 4;
            long[] hashes = new long[capacity];
            int[] classAt = new int[capacity];
            Arrays.fill(classAt, -1);
            for (int t = 0; t < vocab; t++) {
                long hash = 0x243F6A8885A308D3L;
                for (int i = 0, len = embedding.rowLength(t); i < len; i++) {
                    int c = embedding.column(t, i);
                    if (reads[c]) {
                        hash = (hash ^ c) * 0x9E3779B97F4A7C15L;
                        hash = (hash ^ Double.doubleToRawLongBits(embedding.value(t, i))) * 0xBF58476D1CE4E5B9L;
                    }
                }
                int slot = (int) (hash >>> 40) & (capacity - 1);
                int found = -1;
                while (classAt[slot] >= 0) {
                    if (hashes[slot] == hash && embedding.sameEntriesIn(t, firsts[classAt[slot]], reads)) {
                        found = classAt[slot];
                        break;
                    }
                    slot = (slot + 1) & (capacity - 1);
                }
                if (found < 0) {
                    found = n;
                    if (n == firsts.length) {
                        firsts = Arrays.copyOf(firsts, 2 * n);
                    }
                    firsts[n++] = t;
                    hashes[slot] = hash;
                    classAt[slot] = found;
                }
                classOfToken[t] = found;
            }
            this.first = Arrays.copyOf(firsts, n);
            this.count = n;
        }
    }

    /** A value matrix's distinct vectors over the vocabulary, and the id of every token. */
    private static final class Ids {
        final CsrMatrix value;
        final int[] idOfToken;
        final double[] values;     // [id][width]
        final int count;

        Ids(CsrMatrix value, Classes classes, CsrMatrix embedding, int slotOne) {
            this.value = value;
            int width = value.rows;
            double[] x = new double[embedding.cols];
            double[] v = new double[width];
            int[] idOfClass = new int[classes.count];
            double[] distinct = new double[Math.max(1, Math.min(classes.count, 64)) * width];
            int n = 0;
            // Open addressing from a vector's hash to the first id with that hash.
            int capacity = Integer.highestOneBit(Math.max(16, classes.count)) * 4;
            long[] hashes = new long[capacity];
            int[] firstIds = new int[capacity];
            Arrays.fill(firstIds, -1);
            for (int k = 0; k < classes.count; k++) {
                int t = classes.first[k];
                embedding.copyRowInto(t, x);
                x[slotOne] += 1;
                long hash = 0;
                for (int i = 0; i < width; i++) {
                    v[i] = value.dot(i, x);
                    hash = (hash ^ Double.doubleToLongBits(v[i])) * 0xBF58476D1CE4E5B9L;
                }
                for (int i = 0; i < embedding.rowLength(t); i++) {
                    x[embedding.column(t, i)] = 0.0;
                }
                x[slotOne] = 0.0;
                int slot = (int) ((hash * 0x9E3779B97F4A7C15L) >>> 40) & (capacity - 1);
                while (firstIds[slot] >= 0 && hashes[slot] != hash) {
                    slot = (slot + 1) & (capacity - 1);
                }
                int id = -1;
                if (firstIds[slot] >= 0) {
                    // Equal hashes: find an equal vector among the ids from the first one on.
                    for (int j = firstIds[slot]; j < n && id < 0; j++) {
                        if (Arrays.equals(distinct, j * width, (j + 1) * width, v, 0, width)) {
                            id = j;
                        }
                    }
                }
                if (id < 0) {
                    id = n++;
                    if (n * width > distinct.length) {
                        distinct = Arrays.copyOf(distinct, Math.max(n * width, 2 * distinct.length));
                    }
                    System.arraycopy(v, 0, distinct, id * width, width);
                    if (firstIds[slot] < 0) {
                        hashes[slot] = hash;
                        firstIds[slot] = id;
                    }
                }
                idOfClass[k] = id;
            }
            this.count = n;
            this.values = Arrays.copyOf(distinct, n * width);
            this.idOfToken = new int[embedding.rows];
            for (int t = 0; t < idOfToken.length; t++) {
                idOfToken[t] = idOfClass[classes.classOfToken[t]];
            }
        }
    }

    /** The values of {@code head}, computed on their own (for tests). */
    TokenValues(HeadWeights head, CsrMatrix embedding, int slotOne) {
        this(head, new Cache(embedding, slotOne));
    }

    /** The values of {@code head}, sharing classes and ids with the heads {@code cache} saw. */
    TokenValues(HeadWeights head, Cache cache) {
        CsrMatrix output = head.output();
        Ids ids = cache.ids(head.value());
        width = head.value().rows;
        idOfToken = ids.idOfToken;
        values = ids.values;
        contributionStart = new int[ids.count + 1];
        int[] nonEmpty = output.nonEmptyRows();
        // Sized for every (id, row) pair when that is at most twice the ids (most heads have
        // one or two output rows), so that the arrays need not grow.
        long pairs = (long) ids.count * nonEmpty.length;
        int[] rows = new int[pairs <= 2L * ids.count ? Math.max(16, (int) pairs) : Math.max(16, ids.count)];
        double[] sums = new double[rows.length];
        int n = 0;
        double[] vector = new double[width];
        for (int id = 0; id < ids.count; id++) {
            System.arraycopy(values, id * width, vector, 0, width);
            for (int r : nonEmpty) {
                double sum = output.dot(r, vector);
                if (sum != 0) {
                    if (n == rows.length) {
                        rows = Arrays.copyOf(rows, 2 * n);
                        sums = Arrays.copyOf(sums, 2 * n);
                    }
                    rows[n] = r;
                    sums[n++] = sum;
                }
            }
            contributionStart[id + 1] = n;
        }
        // Readers go by the ids' starts and ends: a little room left at the end is kept.
        contributionRow = trimmed(rows, n);
        contributionValue = trimmed(sums, n);
        markStart = new int[ids.count + 1];
        int[] words = new int[n];
        long[] bits = new long[n];
        int marks = 0;
        for (int id = 0; id < ids.count; id++) {
            marks += marks(contributionRow, contributionStart[id], contributionStart[id + 1], words, bits, marks);
            markStart[id + 1] = marks;
        }
        markWord = trimmed(words, marks);
        markBits = trimmed(bits, marks);
    }

    /**
     * Writes the rows {@code rows[from .. to)} (increasing) as a bit set's (word, bits) pairs to
     * {@code words[at ..]} and {@code bits[at ..]}, one pair per word; returns how many.
     */
    static int marks(int[] rows, int from, int to, int[] words, long[] bits, int at) {
        int n = at;
        for (int k = from; k < to; k++) {
            int word = rows[k] >>> 6;
            if (n == at || words[n - 1] != word) {
                words[n] = word;
                bits[n++] = 0;
            }
            bits[n - 1] |= 1L << rows[k];
        }
        return n - at;
    }

    /** {@code a}, or its first n entries when more than a quarter of it is unused. */
    private static int[] trimmed(int[] a, int n) {
        return 4L * n >= 3L * a.length ? a : Arrays.copyOf(a, n);
    }

    private static long[] trimmed(long[] a, int n) {
        return 4L * n >= 3L * a.length ? a : Arrays.copyOf(a, n);
    }

    private static double[] trimmed(double[] a, int n) {
        return 4L * n >= 3L * a.length ? a : Arrays.copyOf(a, n);
    }

    /** The columns a matrix reads, increasing. */
    private static int[] readColumns(CsrMatrix m) {
        boolean[] read = new boolean[m.cols];
        int n = 0;
        for (int r = 0; r < m.rows; r++) {
            for (int i = 0; i < m.rowLength(r); i++) {
                int c = m.column(r, i);
                if (!read[c]) {
                    read[c] = true;
                    n++;
                }
            }
        }
        int[] columns = new int[n];
        for (int c = 0, k = 0; c < m.cols; c++) {
            if (read[c]) {
                columns[k++] = c;
            }
        }
        return columns;
    }

    int id(int token) {
        return idOfToken[token];
    }

    /** Number of distinct values (for tests). */
    int ids() {
        return contributionStart.length - 1;
    }

    /** Copies the value of {@code token} to {@code out[at ..]}. */
    void copyValue(int token, double[] out, int at) {
        System.arraycopy(values, idOfToken[token] * width, out, at, width);
    }

    /** Adds the value of {@code token} to {@code out[at ..]}. */
    void addValue(int token, double[] out, int at) {
        int base = idOfToken[token] * width;
        for (int i = 0; i < width; i++) {
            out[at + i] += values[base + i];
        }
    }

    int contributionStart(int id) {
        return contributionStart[id];
    }

    int contributionEnd(int id) {
        return contributionStart[id + 1];
    }

    /** The first (word, bits) pair of the contribution rows of {@code id}. */
    int markStart(int id) {
        return markStart[id];
    }

    int markEnd(int id) {
        return markStart[id + 1];
    }
}
