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
 */
final class StraightLine {
    /**
     * The compiled blocks. An abstract class, not an interface: each layer's code is a class of
     * its own, so the pass's call of {@link #run} sees several and is dispatched through the
     * table of virtual methods (a load and a jump) instead of an interface's (a search).
     */
    abstract static class Blocks {
        /** Runs block {@code block}: its rows read {@code in} and write {@code dest}. */
        abstract void run(int block, double[] in, double[] dest);
    }

    /** One row of a block. */
    record Row(int target, boolean add, int[] columns, double[] weights) {
    }

    private static final String BLOCKS = StraightLine.class.getName().replace('.', '/') + "$Blocks";
    private static final String METHOD = "(I[D[D)V";
    private static final String CHUNK = "([D[D)V";
    /** Terms per generated method: about 10 bytes each, below HotSpot's 8000-byte limit. */
    private static final int TERMS_PER_METHOD = 500;
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
                while (i < block.size() && (terms == 0 || terms + block.get(i).columns().length <= TERMS_PER_METHOD)) {
                    emitRow(m, block.get(i));
                    terms += block.get(i).columns().length + 1;
                    i++;
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
            MethodVisitor m = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "s" + g, "(I[D[D)V", null, null);
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
            run.visitMethodInsn(Opcodes.INVOKESTATIC, name, "s" + g, "(I[D[D)V", false);
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
