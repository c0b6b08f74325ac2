package dev.wasmformer.runtime.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The column pass of a {@link GateFilter}'s selection (the first loop of {@code
 * SparseFeedForward.select}) compiled, per layer and per build of the filter, into
 * straight-line JVM code with ASM: each checked column's range check has its bounds as
 * constants, and its group link, its selector blocks with their partner checks and its touch
 * entries ({@code unitAcc[u] += s * v; touched[w] |= bits}) are inlined with the units, scales,
 * words and bits as constants. The set bits of each word of live columns are visited in
 * increasing order, each by a {@code tableswitch} on its bit. It computes the doubles the
 * loops compute: the same products and sums (the only rewrites, {@code acc + 1.0 * v = acc +
 * v} and {@code acc + (-1.0 * v) = acc - v}, are exact), in the same order within a column;
 * the order among columns is free, as every sum a filtered step takes is an exact integer.
 *
 * <p>A build's code is described by a {@link Spec} taken on the run's thread when the filter
 * is built (the filter's arrays are replaced or rewritten by its next build); generating it is
 * then the background thread's work, and each layer keeps the code of its last few specs, so
 * that later runs with the same build (the same program, say) find it at their build.
 */
final class SelectionCode {
    /** Returned by {@link Pass#run} when a value lies outside its range (no word of units has bit 63). */
    static final long FAIL = Long.MIN_VALUE;
    /** The widest layer whose unit words fit in a {@code long} without bit 63. */
    static final int MAX_UNITS = 63 * 64;
    /** Estimated bytes of bytecode per generated method, below HotSpot's 8,000-byte compile limit. */
    static final int METHOD_BYTES = 6_000;
    /** Touch entries of one block inlined in a column's code; a longer block is run in chunk methods of these. */
    static final int CHUNK_ENTRIES = 256;
    /** Specs whose code a layer keeps (the builds of a run differ, and runs repeat them). */
    static final int KEPT = 32;

    /** One build's compiled column pass. */
    abstract static class Pass {
        /**
         * The column pass of a filtered step: range-checks every live checked column, sums the
         * groups of several columns into {@code s.groupAcc}, touches the selector blocks (into
         * {@code s.unitAcc}, {@code s.touchedMask}), defers the blocks whose partner is a group
         * of several columns ({@link SparseFeedForward.Scratch#deferNext}) and adds {@code inc}
         * to {@code counts[g]} for every non-zero single-column group g. Returns the words of
         * units it touched (bit w for word w), or {@link #FAIL} (the scratch then needs
         * clearing).
         */
        abstract long run(double[] x, long[] nonZero, SparseFeedForward.Scratch s, long[] counts, long inc);
    }

    private static final int RANGE = 0;     // a single-column group no unit selects by: range only
    private static final int SELECT = 1;    // a single-column group with selector blocks
    private static final int MULTI = 2;     // a column of a group of several columns

    /**
     * What a build's column pass does, as flat streams (equal specs, equal code): per listed
     * word its index and mask; per column in increasing order {kind, c, group code, blocks},
     * {lo, hi, alpha}, and per block {bk, partner, entries, units...}, {scales...}.
     */
    static final class Spec {
        final int[] words;
        final long[] masks;
        final int[] ints;
        final double[] doubles;
        private final int hash;
        /** The generated code, once there (null before, or when it failed: {@link #failed}). */
        volatile Pass pass;
        volatile boolean failed;
        private volatile boolean submitted;

        private Spec(int[] words, long[] masks, int[] ints, double[] doubles) {
            this.words = words;
            this.masks = masks;
            this.ints = ints;
            this.doubles = doubles;
            this.hash = ((Arrays.hashCode(words) * 31 + Arrays.hashCode(masks)) * 31 + Arrays.hashCode(ints)) * 31
                    + Arrays.hashCode(doubles);
        }

        boolean sameAs(Spec o) {
            return hash == o.hash && Arrays.equals(words, o.words) && Arrays.equals(masks, o.masks)
                    && Arrays.equals(ints, o.ints) && Arrays.equals(doubles, o.doubles);
        }

        /** Whether generation was asked for (by {@link #submit}). */
        boolean submitted() {
            return submitted;
        }
    }

    private SelectionCode() {
    }

    /** The spec of filter f's current build, or null if the layer is too wide for the code. */
    static Spec spec(GateFilter f, int width) {
        if (width > MAX_UNITS) {
            return null;
        }
        double[] info = f.columnInfo;
        int[] link = f.columnLink;
        int[] blockLimit = f.blockLimit;
        int[] blockPartner = f.blockPartner;
        int[] unit = f.selectorUnit;
        double[] scale = f.selectorScale;
        int n = f.columnWords.length;
        int[] words = f.columnWords.clone();
        long[] masks = new long[n];
        IntList ints = new IntList();
        DoubleList doubles = new DoubleList();
        for (int i = 0; i < n; i++) {
            int w = words[i];
            long rangeOnly = f.rangeOnlyMask[w];
            masks[i] = rangeOnly | f.checkMask[w];
            for (long b = masks[i]; b != 0; b &= b - 1) {
                int c = (w << 6) + Long.numberOfTrailingZeros(b);
                int code = link[3 * c];
                doubles.add(info[3 * c]);
                doubles.add(info[3 * c + 1]);
                doubles.add(info[3 * c + 2]);
                if ((rangeOnly & 1L << c) != 0) {
                    ints.add(RANGE, c, -1 - code, 0);
                } else if (code >= 0) {
                    ints.add(MULTI, c, code, 0);
                } else {
                    int from = link[3 * c + 1];
                    int to = link[3 * c + 2];
                    ints.add(SELECT, c, -1 - code, to - from);
                    for (int bk = from; bk < to; bk++) {
                        ints.add(bk);
                        ints.add(blockPartner[bk]);
                        ints.add(blockLimit[bk + 1] - blockLimit[bk]);
                        for (int k = blockLimit[bk]; k < blockLimit[bk + 1]; k++) {
                            ints.add(unit[k]);
                            doubles.add(scale[k]);
                        }
                    }
                }
            }
        }
        return new Spec(words, masks, ints.toArray(), doubles.toArray());
    }

    /**
     * A layer's kept specs (with their code, once there), most recently used last: only specs
     * whose code was asked for, i.e. builds that lasted (a run's short-lived early builds would
     * push those out).
     */
    static final class Kept {
        private final List<Spec> specs = new ArrayList<>();

        /** The kept spec equal to {@code spec}, or null. */
        synchronized Spec find(Spec spec) {
            for (int i = 0; i < specs.size(); i++) {
                Spec kept = specs.get(i);
                if (kept.sameAs(spec)) {
                    specs.remove(i);
                    specs.add(kept);
                    return kept;
                }
            }
            return null;
        }

        /** The kept spec equal to {@code spec}, else {@code spec}, now kept (the oldest dropped past {@link #KEPT}). */
        synchronized Spec intern(Spec spec) {
            Spec kept = find(spec);
            if (kept != null) {
                return kept;
            }
            if (specs.size() == KEPT) {
                specs.remove(0);
            }
            specs.add(spec);
            return spec;
        }
    }

    /** Generates the spec's code on the calling thread (once; later calls return at once). */
    static void generateNow(Spec spec) {
        synchronized (spec) {
            if (spec.pass != null || spec.failed) {
                return;
            }
            Pass pass = compile(spec);
            if (pass == null) {
                spec.failed = true;
            } else {
                spec.pass = pass;
            }
        }
    }

    private static final LinkedBlockingQueue<Spec> QUEUE = new LinkedBlockingQueue<>();
    private static Thread worker;              // guarded by the class's lock
    private static boolean noWorker;

    /** Has the spec's code generated on the background thread (started at the first call). */
    static void submit(Spec spec) {
        synchronized (SelectionCode.class) {
            if (spec.submitted) {
                return;
            }
            spec.submitted = true;
            if (noWorker) {
                spec.failed = true;
                return;
            }
            if (worker == null) {
                Thread t = new Thread(new Runnable() {
                    @Override
                    public void run() {
                        while (true) {
                            try {
                                generateNow(QUEUE.take());
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                }, "wasmformer-selection-codegen");
                t.setDaemon(true);
                try {
                    t.start();
                } catch (OutOfMemoryError | SecurityException noThread) {
                    noWorker = true;
                    spec.failed = true;
                    return;
                }
                worker = t;
            }
        }
        QUEUE.add(spec);
    }

    /** The spec's code, or null if it cannot be generated or loaded here (the loops then run). */
    static Pass compile(Spec spec) {
        try {
            return load(generate(spec));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {   // e.g. a JVM that refuses hidden classes: keep the loops
            return null;
        }
    }

    // ---- generation ----

    private static final String PASS = SelectionCode.class.getName().replace('.', '/') + "$Pass";
    private static final String SCRATCH = SparseFeedForward.Scratch.class.getName().replace('.', '/');
    private static final String RUN = "([D[JL" + SCRATCH + ";[JJ)J";
    // A part: x, nonZero, unitAcc, touched, groupAcc, groupMask, s, counts, inc -> words or FAIL.
    private static final String PART = "([D[J[D[J[D[JL" + SCRATCH + ";[JJ)J";
    // Part method locals.
    private static final int X = 0;
    private static final int NON_ZERO = 1;
    private static final int UNIT_ACC = 2;
    private static final int TOUCHED = 3;
    private static final int GROUP_ACC = 4;
    private static final int GROUP_MASK = 5;
    private static final int S = 6;
    private static final int COUNTS = 7;
    private static final int INC = 8;        // long: 8, 9
    private static final int WORDS = 10;     // long: 10, 11
    private static final int B = 12;         // long: 12, 13
    private static final int T = 14;
    private static final int XC = 15;        // double: 15, 16
    private static final int V = 17;         // double: 17, 18

    /** A column as parsed from the spec: its streams' offsets and its estimated bytes. */
    private record Column(int word, int bit, boolean rangeOnly, int intAt, int doubleAt, int bytes) {
    }

    /** One piece of a part: columns of one word, all range-only or none, increasing, as a mask. */
    private record Piece(int word, long mask, List<Column> columns, int bytes) {
    }

    private static byte[] generate(Spec spec) {
        String name = SelectionCode.class.getPackageName().replace('.', '/') + "/SelectionPass";
        List<Column> columns = parse(spec);
        // Pieces: a word's columns in increasing order, cut where a method would grow too large.
        List<Piece> pieces = new ArrayList<>();
        List<Column> current = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i <= columns.size(); i++) {
            Column c = i < columns.size() ? columns.get(i) : null;
            if (!current.isEmpty() && (c == null || c.word() != current.get(0).word()
                    || c.rangeOnly() != current.get(0).rangeOnly() || bytes + c.bytes() > METHOD_BYTES)) {
                long mask = 0;
                for (Column k : current) {
                    mask |= 1L << k.bit();
                }
                pieces.add(new Piece(current.get(0).word(), mask, current, bytes + 40));
                current = new ArrayList<>();
                bytes = 0;
            }
            if (c != null) {
                if (c.bytes() > METHOD_BYTES) {
                    throw new IllegalArgumentException("a column's code too large for a method");
                }
                current.add(c);
                bytes += c.bytes();
            }
        }
        // Parts: consecutive pieces while they fit in a method.
        List<List<Piece>> parts = new ArrayList<>();
        List<Piece> part = new ArrayList<>();
        bytes = 0;
        for (Piece p : pieces) {
            if (!part.isEmpty() && bytes + p.bytes() > METHOD_BYTES) {
                parts.add(part);
                part = new ArrayList<>();
                bytes = 0;
            }
            part.add(p);
            bytes += p.bytes();
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, PASS, null);
        MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, PASS, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        Chunks chunks = new Chunks(cw, name);
        for (int p = 0; p < parts.size(); p++) {
            emitPart(cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "p" + p, PART, null, null),
                    parts.get(p), spec, chunks);
        }
        emitRun(cw.visitMethod(Opcodes.ACC_PUBLIC, "run", RUN, null, null), name, parts.size());
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * The columns of the spec, with the bytes each one's code takes (an estimate from above):
     * per word, the range-only columns, then the others, each in increasing order, as the
     * loops visit them (so that a step given up has counted the same groups).
     */
    private static List<Column> parse(Spec spec) {
        List<Column> columns = new ArrayList<>();
        int[] ints = spec.ints;
        int ip = 0;
        int dp = 0;
        for (int i = 0; i < spec.words.length; i++) {
            List<Column> checked = new ArrayList<>();
            for (long b = spec.masks[i]; b != 0; b &= b - 1) {
                int kind = ints[ip];
                int c = ints[ip + 1];
                if (c >>> 6 != spec.words[i] || (c & 63) != Long.numberOfTrailingZeros(b)) {
                    throw new IllegalArgumentException("a spec out of order");
                }
                int blocks = ints[ip + 3];
                int at = ip;
                int dat = dp;
                ip += 4;
                dp += 3;
                int bytes = 80;
                if (kind == MULTI) {
                    bytes += 40;
                }
                for (int k = 0; k < blocks; k++) {
                    int entries = ints[ip + 2];
                    ip += 3 + entries;
                    dp += entries;
                    bytes += 40 + (entries <= CHUNK_ENTRIES ? 26 * entries
                            : 20 * ((entries + CHUNK_ENTRIES - 1) / CHUNK_ENTRIES) + 24 * entries / 64 + 24);
                }
                (kind == RANGE ? columns : checked).add(new Column(spec.words[i], c & 63, kind == RANGE, at, dat,
                        bytes));
            }
            columns.addAll(checked);
        }
        if (ip != ints.length || dp != spec.doubles.length) {
            throw new IllegalArgumentException("a spec of another length");
        }
        return columns;
    }

    /** run(x, nonZero, s, counts, inc): the parts in order, each skipped by no word; FAIL at once. */
    private static void emitRun(MethodVisitor m, String name, int parts) {
        m.visitCode();
        // locals: 0 this, 1 x, 2 nonZero, 3 s, 4 counts, 5-6 inc, 7-8 words, 9-10 r
        m.visitInsn(Opcodes.LCONST_0);
        m.visitVarInsn(Opcodes.LSTORE, 7);
        Label fail = new Label();
        for (int p = 0; p < parts; p++) {
            m.visitVarInsn(Opcodes.ALOAD, 1);
            m.visitVarInsn(Opcodes.ALOAD, 2);
            for (String field : new String[] {"unitAcc", "touchedMask", "groupAcc", "groupMask"}) {
                m.visitVarInsn(Opcodes.ALOAD, 3);
                m.visitFieldInsn(Opcodes.GETFIELD, SCRATCH, field, field.endsWith("Acc") ? "[D" : "[J");
            }
            m.visitVarInsn(Opcodes.ALOAD, 3);
            m.visitVarInsn(Opcodes.ALOAD, 4);
            m.visitVarInsn(Opcodes.LLOAD, 5);
            m.visitMethodInsn(Opcodes.INVOKESTATIC, name, "p" + p, PART, false);
            m.visitInsn(Opcodes.DUP2);
            m.visitVarInsn(Opcodes.LSTORE, 9);
            m.visitInsn(Opcodes.LCONST_0);
            m.visitInsn(Opcodes.LCMP);
            m.visitJumpInsn(Opcodes.IFLT, fail);
            m.visitVarInsn(Opcodes.LLOAD, 7);
            m.visitVarInsn(Opcodes.LLOAD, 9);
            m.visitInsn(Opcodes.LOR);
            m.visitVarInsn(Opcodes.LSTORE, 7);
        }
        m.visitVarInsn(Opcodes.LLOAD, 7);
        m.visitInsn(Opcodes.LRETURN);
        m.visitLabel(fail);
        m.visitLdcInsn(FAIL);
        m.visitInsn(Opcodes.LRETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /** A part: per piece, its word's live bits in increasing order, each by a switch to its column's code. */
    private static void emitPart(MethodVisitor m, List<Piece> pieces, Spec spec, Chunks chunks) {
        m.visitCode();
        m.visitInsn(Opcodes.LCONST_0);
        m.visitVarInsn(Opcodes.LSTORE, WORDS);
        m.visitInsn(Opcodes.LCONST_0);
        m.visitVarInsn(Opcodes.LSTORE, B);
        m.visitInsn(Opcodes.ICONST_0);
        m.visitVarInsn(Opcodes.ISTORE, T);
        m.visitInsn(Opcodes.DCONST_0);
        m.visitVarInsn(Opcodes.DSTORE, XC);
        m.visitInsn(Opcodes.DCONST_0);
        m.visitVarInsn(Opcodes.DSTORE, V);
        Label fail = new Label();
        for (Piece piece : pieces) {
            m.visitVarInsn(Opcodes.ALOAD, NON_ZERO);
            pushInt(m, piece.word());
            m.visitInsn(Opcodes.LALOAD);
            m.visitLdcInsn(piece.mask());
            m.visitInsn(Opcodes.LAND);
            m.visitVarInsn(Opcodes.LSTORE, B);
            Label loop = new Label();
            Label end = new Label();
            m.visitLabel(loop);
            m.visitVarInsn(Opcodes.LLOAD, B);
            m.visitInsn(Opcodes.LCONST_0);
            m.visitInsn(Opcodes.LCMP);
            m.visitJumpInsn(Opcodes.IFEQ, end);
            m.visitVarInsn(Opcodes.LLOAD, B);
            m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Long", "numberOfTrailingZeros", "(J)I", false);
            m.visitVarInsn(Opcodes.ISTORE, T);
            m.visitVarInsn(Opcodes.LLOAD, B);
            m.visitInsn(Opcodes.DUP2);
            m.visitInsn(Opcodes.LCONST_1);
            m.visitInsn(Opcodes.LSUB);
            m.visitInsn(Opcodes.LAND);
            m.visitVarInsn(Opcodes.LSTORE, B);
            int lo = piece.columns().get(0).bit();
            int hi = piece.columns().get(piece.columns().size() - 1).bit();
            Label[] cases = new Label[hi - lo + 1];
            Arrays.fill(cases, loop);
            Label[] own = new Label[piece.columns().size()];
            for (int k = 0; k < own.length; k++) {
                own[k] = new Label();
                cases[piece.columns().get(k).bit() - lo] = own[k];
            }
            m.visitVarInsn(Opcodes.ILOAD, T);
            m.visitTableSwitchInsn(lo, hi, loop, cases);
            for (int k = 0; k < own.length; k++) {
                m.visitLabel(own[k]);
                emitColumn(m, piece.columns().get(k), spec, chunks, loop, fail);
                m.visitJumpInsn(Opcodes.GOTO, loop);
            }
            m.visitLabel(end);
        }
        m.visitVarInsn(Opcodes.LLOAD, WORDS);
        m.visitInsn(Opcodes.LRETURN);
        m.visitLabel(fail);
        m.visitLdcInsn(FAIL);
        m.visitInsn(Opcodes.LRETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /** A column's code: skip a zero, check the range, then its group's sum or its selector blocks. */
    private static void emitColumn(MethodVisitor m, Column col, Spec spec, Chunks chunks, Label next, Label fail) {
        int[] ints = spec.ints;
        double[] doubles = spec.doubles;
        int ip = col.intAt();
        int dp = col.doubleAt();
        int kind = ints[ip];
        int c = ints[ip + 1];
        int code = ints[ip + 2];
        int blocks = ints[ip + 3];
        ip += 4;
        double lo = doubles[dp];
        double hi = doubles[dp + 1];
        double alpha = doubles[dp + 2];
        dp += 3;
        // xc = x[c]; a zero passes every range (each holds 0) and selects nothing
        m.visitVarInsn(Opcodes.ALOAD, X);
        pushInt(m, c);
        m.visitInsn(Opcodes.DALOAD);
        m.visitInsn(Opcodes.DUP2);
        m.visitVarInsn(Opcodes.DSTORE, XC);
        m.visitInsn(Opcodes.DCONST_0);
        m.visitInsn(Opcodes.DCMPL);
        m.visitJumpInsn(Opcodes.IFEQ, next);
        // !(xc >= lo && xc <= hi && xc == (double) (long) xc): fail (NaN fails each)
        m.visitVarInsn(Opcodes.DLOAD, XC);
        m.visitLdcInsn(lo);
        m.visitInsn(Opcodes.DCMPL);
        m.visitJumpInsn(Opcodes.IFLT, fail);
        m.visitVarInsn(Opcodes.DLOAD, XC);
        m.visitLdcInsn(hi);
        m.visitInsn(Opcodes.DCMPG);
        m.visitJumpInsn(Opcodes.IFGT, fail);
        m.visitVarInsn(Opcodes.DLOAD, XC);
        m.visitInsn(Opcodes.DUP2);
        m.visitInsn(Opcodes.D2L);
        m.visitInsn(Opcodes.L2D);
        m.visitInsn(Opcodes.DCMPL);
        m.visitJumpInsn(Opcodes.IFNE, fail);
        if (kind == MULTI) {
            // groupAcc[m] += alpha * xc; groupMask[m >>> 6] |= 1L << m
            m.visitVarInsn(Opcodes.ALOAD, GROUP_ACC);
            pushInt(m, code);
            m.visitInsn(Opcodes.DUP2);
            m.visitInsn(Opcodes.DALOAD);
            m.visitLdcInsn(alpha);
            m.visitVarInsn(Opcodes.DLOAD, XC);
            m.visitInsn(Opcodes.DMUL);
            m.visitInsn(Opcodes.DADD);
            m.visitInsn(Opcodes.DASTORE);
            orInto(m, GROUP_MASK, code >>> 6, 1L << code);
            return;
        }
        // counts[g] += inc
        m.visitVarInsn(Opcodes.ALOAD, COUNTS);
        pushInt(m, code);
        m.visitInsn(Opcodes.DUP2);
        m.visitInsn(Opcodes.LALOAD);
        m.visitVarInsn(Opcodes.LLOAD, INC);
        m.visitInsn(Opcodes.LADD);
        m.visitInsn(Opcodes.LASTORE);
        if (kind == RANGE) {
            return;
        }
        // v = alpha * xc (alpha is +-1 for a single-column group: xc or -xc, exactly)
        m.visitVarInsn(Opcodes.DLOAD, XC);
        if (alpha == -1.0) {
            m.visitInsn(Opcodes.DNEG);
        } else if (alpha != 1.0) {
            m.visitLdcInsn(alpha);
            m.visitInsn(Opcodes.DMUL);
        }
        m.visitVarInsn(Opcodes.DSTORE, V);
        for (int k = 0; k < blocks; k++) {
            int bk = ints[ip];
            int partner = ints[ip + 1];
            int entries = ints[ip + 2];
            ip += 3;
            Label skip = new Label();
            if (partner >= 0) {
                // every unit of the block has gate <= 0 while the partner column is 0
                m.visitVarInsn(Opcodes.ALOAD, X);
                pushInt(m, partner);
                m.visitInsn(Opcodes.DALOAD);
                m.visitInsn(Opcodes.DCONST_0);
                m.visitInsn(Opcodes.DCMPL);
                m.visitJumpInsn(Opcodes.IFEQ, skip);
            } else if (partner < -1) {
                // once that group's sum is known
                m.visitVarInsn(Opcodes.ALOAD, S);
                pushInt(m, bk);
                m.visitVarInsn(Opcodes.DLOAD, V);
                m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SCRATCH, "deferNext", "(ID)V", false);
                ip += entries;
                dp += entries;
                continue;
            }
            emitTouches(m, ints, ip, doubles, dp, entries, chunks);
            ip += entries;
            dp += entries;
            m.visitLabel(skip);
        }
    }

    /** unitAcc[u] += s * v for the block's entries, then the touched bits and the words, by constants. */
    private static void emitTouches(MethodVisitor m, int[] ints, int ip, double[] doubles, int dp, int entries,
                                    Chunks chunks) {
        if (entries <= CHUNK_ENTRIES) {
            for (int k = 0; k < entries; k++) {
                emitAdd(m, ints[ip + k], doubles[dp + k], V);
            }
        } else {
            for (int from = 0; from < entries; from += CHUNK_ENTRIES) {
                int to = Math.min(entries, from + CHUNK_ENTRIES);
                String chunk = chunks.add(ints, ip + from, doubles, dp + from, to - from);
                m.visitVarInsn(Opcodes.ALOAD, UNIT_ACC);
                m.visitVarInsn(Opcodes.DLOAD, V);
                m.visitMethodInsn(Opcodes.INVOKESTATIC, chunks.name, chunk, "([DD)V", false);
            }
        }
        // touched[w] |= bits, per word in increasing order; words |= their bits
        java.util.TreeMap<Integer, Long> bits = new java.util.TreeMap<>();
        for (int k = 0; k < entries; k++) {
            int u = ints[ip + k];
            bits.merge(u >>> 6, 1L << u, (a, b) -> a | b);
        }
        long words = 0;
        for (var e : bits.entrySet()) {
            orInto(m, TOUCHED, e.getKey(), e.getValue());
            words |= 1L << e.getKey();
        }
        if (words != 0) {
            m.visitVarInsn(Opcodes.LLOAD, WORDS);
            m.visitLdcInsn(words);
            m.visitInsn(Opcodes.LOR);
            m.visitVarInsn(Opcodes.LSTORE, WORDS);
        }
    }

    /** unitAcc[u] += s * v, v in local {@code local} ({@code 1.0 * v = v}, {@code acc + (-1.0 * v) = acc - v}). */
    private static void emitAdd(MethodVisitor m, int u, double s, int local) {
        m.visitVarInsn(Opcodes.ALOAD, local == V ? UNIT_ACC : 0);
        pushInt(m, u);
        m.visitInsn(Opcodes.DUP2);
        m.visitInsn(Opcodes.DALOAD);
        m.visitVarInsn(Opcodes.DLOAD, local);
        if (s == 1.0) {
            m.visitInsn(Opcodes.DADD);
        } else if (s == -1.0) {
            m.visitInsn(Opcodes.DSUB);
        } else {
            m.visitLdcInsn(s);
            m.visitInsn(Opcodes.DMUL);
            m.visitInsn(Opcodes.DADD);
        }
        m.visitInsn(Opcodes.DASTORE);
    }

    /** array[word] |= bits, array a long[] in local {@code local}. */
    private static void orInto(MethodVisitor m, int local, int word, long bits) {
        m.visitVarInsn(Opcodes.ALOAD, local);
        pushInt(m, word);
        m.visitInsn(Opcodes.DUP2);
        m.visitInsn(Opcodes.LALOAD);
        m.visitLdcInsn(bits);
        m.visitInsn(Opcodes.LOR);
        m.visitInsn(Opcodes.LASTORE);
    }

    /** The chunk methods of long blocks: {@code static void kN(double[] unitAcc, double v)}. */
    private static final class Chunks {
        final ClassWriter cw;
        final String name;
        int count;

        Chunks(ClassWriter cw, String name) {
            this.cw = cw;
            this.name = name;
        }

        String add(int[] ints, int ip, double[] doubles, int dp, int entries) {
            String chunk = "k" + count++;
            MethodVisitor m = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, chunk, "([DD)V", null, null);
            m.visitCode();
            for (int k = 0; k < entries; k++) {
                emitAdd(m, ints[ip + k], doubles[dp + k], 1);   // locals: 0 unitAcc, 1-2 v
            }
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(0, 0);
            m.visitEnd();
            return chunk;
        }
    }

    private static void pushInt(MethodVisitor m, int v) {
        if (v >= -1 && v <= 5) {
            m.visitInsn(Opcodes.ICONST_0 + v);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            m.visitIntInsn(Opcodes.BIPUSH, v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            m.visitIntInsn(Opcodes.SIPUSH, v);
        } else {
            m.visitLdcInsn(v);
        }
    }

    private static Pass load(byte[] bytes) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
        return (Pass) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
    }

    /** A growing int array. */
    private static final class IntList {
        private int[] a = new int[64];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        void add(int v0, int v1, int v2, int v3) {
            add(v0);
            add(v1);
            add(v2);
            add(v3);
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** A growing double array. */
    private static final class DoubleList {
        private double[] a = new double[64];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
