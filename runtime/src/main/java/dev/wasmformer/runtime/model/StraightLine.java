package dev.wasmformer.runtime.model;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Sparse row dot products compiled at load into straight-line JVM code (with ASM): the
 * columns and weights become constants, so a row costs its loads, multiplies and adds and
 * nothing else. Each row computes {@code sum = 0.0; sum += w * in[c]} in its column order, as
 * the loops do, then stores {@code dest[target] = sum} or adds {@code dest[target] += sum}.
 * Two rewrites are exact in IEEE arithmetic: {@code 1.0 * v = v}, and {@code s + (-1.0 * v) =
 * s - v}. Rows are grouped into <em>blocks</em> (a block is run by number); long blocks are
 * split over several methods, each kept under HotSpot's limit for compiling a method.
 *
 * <p>A row may start a <em>guarded</em> group of rows (a head's value, say) that stores 0.0
 * into its targets, all of them, without computing them when none of the slots they read is
 * live: with finite weights, a row that reads only +0.0 is {@code 0.0 + (±0.0) + ... = +0.0}.
 * The test is a few constant masks and'ed with the words of {@code live}.
 */
final class StraightLine {
    /**
     * The compiled blocks. An abstract class, not an interface: each layer's code is a class of
     * its own, so the pass's call of {@link #run} sees several and is dispatched through the
     * table of virtual methods (a load and a jump) instead of an interface's (a search).
     */
    abstract static class Blocks {
        /**
         * Runs block {@code block}: its rows read {@code in} and write {@code dest}. Every slot
         * of {@code in} whose bit in {@code live} is clear holds +0.0 (null for a block without
         * guards).
         */
        abstract void run(int block, double[] in, double[] dest, long[] live);
    }

    /**
     * One row of a block; with a guard, the first of the guard's group (null: none).
     */
    record Row(int target, boolean add, int[] columns, double[] weights, Guard guard) {
        Row(int target, boolean add, int[] columns, double[] weights) {
            this(target, add, columns, weights, null);
        }
    }

    /**
     * A group of {@code rows} rows (from the one that holds the guard) that store into the
     * targets {@code from .. from + rows - 1} in order, with finite weights, and read only
     * slots whose bits {@code masks[k]} hold in the words {@code words[k]} of {@code live}.
     */
    record Guard(int rows, int from, int[] words, long[] masks) {
        /** The guard of the group of rows that read these columns. */
        static Guard of(int rows, int from, int[] columns) {
            java.util.TreeMap<Integer, Long> masks = new java.util.TreeMap<>();
            for (int c : columns) {
                masks.merge(c >>> 6, 1L << c, (a, b) -> a | b);
            }
            return new Guard(rows, from, masks.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    masks.values().stream().mapToLong(Long::longValue).toArray());
        }
    }

    private static final String BLOCKS = StraightLine.class.getName().replace('.', '/') + "$Blocks";
    private static final String METHOD = "(I[D[D[J)V";
    private static final String CHUNK = "([D[D[J)V";
    /**
     * Terms per generated method: about 10 bytes each, below HotSpot's 8000-byte limit. A
     * guarded group is not split, so a larger one may exceed it.
     */
    static final int TERMS_PER_METHOD = 500;
    /** Blocks per dispatch method (a tableswitch case costs about 10 bytes). */
    private static final int BLOCKS_PER_SWITCH = 256;

    private StraightLine() {
    }

    /**
     * Compiles the blocks; null if the code cannot be generated or loaded here (the caller then
     * keeps its loops, which compute the same doubles).
     */
    static Blocks compile(List<List<Row>> blocks) {
        try {
            return load(generate(blocks));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {   // e.g. a JVM that refuses hidden classes: keep the loops
            return null;
        }
    }

    private static byte[] generate(List<List<Row>> blocks) {
        String name = StraightLine.class.getPackageName().replace('.', '/') + "/StraightLineBlocks";
        // Frames by hand: only the dispatch methods branch, to labels with the method's own
        // locals and an empty stack (F_SAME). COMPUTE_FRAMES would simulate every instruction
        // of the long straight-line chunks, work that C2 then compiles in every fresh JVM.
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, BLOCKS, null);
        MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, BLOCKS, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        // Chunk methods, and per block the chunks it runs in order.
        List<List<String>> chunksOfBlock = new ArrayList<>();
        int chunkCount = 0;
        for (List<Row> block : blocks) {
            List<String> chunks = new ArrayList<>();
            int i = 0;
            while (i < block.size()) {
                String chunk = "c" + chunkCount++;
                MethodVisitor m = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, chunk, CHUNK, null, null);
                m.visitCode();
                int terms = 0;
                while (i < block.size()) {
                    Guard guard = block.get(i).guard();
                    List<Row> group = block.subList(i, i + (guard == null ? 1 : guard.rows()));
                    int groupTerms = 0;
                    for (Row row : group) {
                        groupTerms += row.columns().length + 1;
                    }
                    if (terms > 0 && terms + groupTerms > TERMS_PER_METHOD + 1) {
                        break;
                    }
                    emitGroup(m, group, guard);
                    terms += groupTerms;
                    i += group.size();
                }
                m.visitInsn(Opcodes.RETURN);
                m.visitMaxs(0, 0);
                m.visitEnd();
                chunks.add(chunk);
            }
            chunksOfBlock.add(chunks);
        }
        // Block methods, then dispatch: run(block) -> switch over groups of blocks.
        for (int b = 0; b < blocks.size(); b++) {
            MethodVisitor m = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "b" + b, CHUNK, null, null);
            m.visitCode();
            for (String chunk : chunksOfBlock.get(b)) {
                m.visitVarInsn(Opcodes.ALOAD, 0);
                m.visitVarInsn(Opcodes.ALOAD, 1);
                m.visitVarInsn(Opcodes.ALOAD, 2);
                m.visitMethodInsn(Opcodes.INVOKESTATIC, name, chunk, CHUNK, false);
            }
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(0, 0);
            m.visitEnd();
        }
        int groups = Math.max(1, (blocks.size() + BLOCKS_PER_SWITCH - 1) / BLOCKS_PER_SWITCH);
        for (int g = 0; g < groups; g++) {
            int first = g * BLOCKS_PER_SWITCH;
            int last = Math.min(blocks.size(), first + BLOCKS_PER_SWITCH) - 1;
            MethodVisitor m = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "s" + g, METHOD, null, null);
            m.visitCode();
            Label end = new Label();
            if (last >= first) {
                Label[] cases = new Label[last - first + 1];
                for (int k = 0; k < cases.length; k++) {
                    cases[k] = new Label();
                }
                m.visitVarInsn(Opcodes.ILOAD, 0);
                m.visitTableSwitchInsn(first, last, end, cases);
                for (int k = 0; k < cases.length; k++) {
                    m.visitLabel(cases[k]);
                    m.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
                    m.visitVarInsn(Opcodes.ALOAD, 1);
                    m.visitVarInsn(Opcodes.ALOAD, 2);
                    m.visitVarInsn(Opcodes.ALOAD, 3);
                    m.visitMethodInsn(Opcodes.INVOKESTATIC, name, "b" + (first + k), CHUNK, false);
                    m.visitInsn(Opcodes.RETURN);
                }
            }
            m.visitLabel(end);
            if (last >= first) {
                m.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            }
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(0, 0);
            m.visitEnd();
        }
        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", METHOD, null, null);
        run.visitCode();
        Label[] cases = new Label[groups];
        for (int g = 0; g < groups; g++) {
            cases[g] = new Label();
        }
        Label none = new Label();
        run.visitVarInsn(Opcodes.ILOAD, 1);
        pushInt(run, Integer.numberOfTrailingZeros(BLOCKS_PER_SWITCH));
        run.visitInsn(Opcodes.ISHR);
        run.visitTableSwitchInsn(0, groups - 1, none, cases);
        for (int g = 0; g < groups; g++) {
            run.visitLabel(cases[g]);
            run.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            run.visitVarInsn(Opcodes.ILOAD, 1);
            run.visitVarInsn(Opcodes.ALOAD, 2);
            run.visitVarInsn(Opcodes.ALOAD, 3);
            run.visitVarInsn(Opcodes.ALOAD, 4);
            run.visitMethodInsn(Opcodes.INVOKESTATIC, name, "s" + g, METHOD, false);
            run.visitInsn(Opcodes.RETURN);
        }
        run.visitLabel(none);
        run.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        run.visitInsn(Opcodes.RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * The rows of a group (one row without a guard); a guarded group runs its rows only if
     * {@code live} has a bit of its masks, else fills its targets with 0.0.
     */
    private static void emitGroup(MethodVisitor m, List<Row> group, Guard guard) {
        if (guard == null) {
            emitRow(m, group.get(0));
            return;
        }
        for (int k = 0; k < group.size(); k++) {
            Row row = group.get(k);
            if (row.add() || row.target() != guard.from() + k || k > 0 && row.guard() != null) {
                throw new IllegalArgumentException("a guarded row must store into its place in the group");
            }
            for (double w : row.weights()) {
                if (!Double.isFinite(w)) {
                    throw new IllegalArgumentException("a guarded row's weights must be finite");
                }
            }
        }
        if (guard.words().length == 0) {   // rows that read nothing are 0.0
            emitFill(m, guard);
            return;
        }
        for (int k = 0; k < guard.words().length; k++) {
            m.visitVarInsn(Opcodes.ALOAD, 2);
            pushInt(m, guard.words()[k]);
            m.visitInsn(Opcodes.LALOAD);
            m.visitLdcInsn(guard.masks()[k]);
            m.visitInsn(Opcodes.LAND);
            if (k > 0) {
                m.visitInsn(Opcodes.LOR);
            }
        }
        Label zero = new Label();
        Label end = new Label();
        m.visitInsn(Opcodes.LCONST_0);
        m.visitInsn(Opcodes.LCMP);
        m.visitJumpInsn(Opcodes.IFEQ, zero);
        for (Row row : group) {
            emitRow(m, row);
        }
        m.visitJumpInsn(Opcodes.GOTO, end);
        m.visitLabel(zero);
        m.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        emitFill(m, guard);
        m.visitLabel(end);
        m.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
    }

    /** Arrays.fill(dest, from, from + rows, 0.0). */
    private static void emitFill(MethodVisitor m, Guard guard) {
        m.visitVarInsn(Opcodes.ALOAD, 1);
        pushInt(m, guard.from());
        pushInt(m, guard.from() + guard.rows());
        m.visitInsn(Opcodes.DCONST_0);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Arrays", "fill", "([DIID)V", false);
    }

    /** dest[target] (+)= 0.0 + w0 * in[c0] + w1 * in[c1] + ... (locals: 0 = in, 1 = dest). */
    private static void emitRow(MethodVisitor m, Row row) {
        m.visitVarInsn(Opcodes.ALOAD, 1);
        pushInt(m, row.target());
        if (row.add()) {
            m.visitInsn(Opcodes.DUP2);
            m.visitInsn(Opcodes.DALOAD);
        }
        m.visitInsn(Opcodes.DCONST_0);
        for (int k = 0; k < row.columns().length; k++) {
            double w = row.weights()[k];
            m.visitVarInsn(Opcodes.ALOAD, 0);
            pushInt(m, row.columns()[k]);
            m.visitInsn(Opcodes.DALOAD);
            if (w == 1.0) {
                m.visitInsn(Opcodes.DADD);
            } else if (w == -1.0) {
                m.visitInsn(Opcodes.DSUB);
            } else {
                m.visitLdcInsn(w);
                m.visitInsn(Opcodes.DMUL);
                m.visitInsn(Opcodes.DADD);
            }
        }
        if (row.add()) {
            m.visitInsn(Opcodes.DADD);
        }
        m.visitInsn(Opcodes.DASTORE);
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

    private static Blocks load(byte[] bytes) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
        return (Blocks) lookup.findConstructor(lookup.lookupClass(),
                java.lang.invoke.MethodType.methodType(void.class)).invoke();
    }
}
