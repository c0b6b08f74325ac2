package dev.wasmformer.runtime.model;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A feed-forward layer's filtered evaluation compiled with ASM into a hidden class: a copy of
 * {@link FilteredUnits#step} whose calls to the rows go to straight-line code, as {@link
 * StraightLine} does for the heads. Per unit a gate row, a value row and the output entries are
 * methods with the columns, rows and weights as constants, reached by a tableswitch on the unit.
 * The sums are the loops' in the same order ({@code 0.0 + w0 * x[c0] + ...}, with the exact
 * rewrites {@code 1.0 * v = v} and {@code s + (-1.0 * v) = s - v}), and every output row adds
 * {@code w * h} into its own accumulator as the loop does, so the doubles are the loops'.
 */
final class UnitCode {
    /** One layer's filtered evaluation, as {@link FilteredUnits#step}. */
    interface Units {
        /** {@link FilteredUnits#step} with this layer's rows as straight-line code. */
        long step(SparseFeedForward ffn, double[] x, SparseFeedForward.Scratch s, GateFilter filter);

        /** Unit u's gate row dot x (for tests). */
        double gate(int u, double[] x);

        /** Unit u's value row dot x (for tests). */
        double value(int u, double[] x);

        /** Unit u's output entries added into rowAcc, as {@link FilteredUnits#output} (for tests). */
        long output(int u, double h, double[] rowAcc, long[] rowMask);
    }

    /** A layer's rows: per unit {@code start[u] .. start[u + 1]} of (index, weight). */
    record Rows(int[] start, int[] index, double[] weight) {
        int units() {
            return start.length - 1;
        }
    }

    private static final String UNITS = UnitCode.class.getName().replace('.', '/') + "$Units";
    private static final String TEMPLATE = FilteredUnits.class.getName().replace('.', '/');
    private static final String FFN = "L" + SparseFeedForward.class.getName().replace('.', '/') + ";";
    private static final String STEP = "(" + FFN + "[DL" + SparseFeedForward.Scratch.class.getName().replace('.', '/')
            + ";L" + GateFilter.class.getName().replace('.', '/') + ";)J";
    /** The template's row methods, which the copy of its step calls in this class instead. */
    private static final String GATE = "(" + FFN + "I[D)D";
    private static final String VALUE = GATE;
    private static final String OUTPUT = "(" + FFN + "ID[D[J)J";
    private static final String DOT = "([D)D";
    private static final String PART = "(D[D)D";
    private static final String OUT = "(D[D[J)J";
    /** Terms per generated method: about 12 bytes each, below HotSpot's 8000-byte limit. */
    private static final int TERMS_PER_METHOD = 400;
    /** Output entries per generated method: about 16 bytes each and up to 13 per word of rows. */
    private static final int OUTPUTS_PER_METHOD = 250;
    /** Units per switch method: a case costs about 14 bytes with its table entry. */
    private static final int UNITS_PER_SWITCH = 512;
    private static final int SWITCH_SHIFT = Integer.numberOfTrailingZeros(UNITS_PER_SWITCH);

    private UnitCode() {
    }

    /** Compiles the rows; null if the code cannot be generated or loaded (the loops then run). */
    static Units compile(Rows gate, Rows value, Rows output) {
        try {
            return load(generate(gate, value, output));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {   // e.g. a JVM that refuses hidden classes, or ASM missing
            return null;
        }
    }

    static byte[] generate(Rows gate, Rows value, Rows output) throws IOException {
        String name = UnitCode.class.getPackageName().replace('.', '/') + "/UnitCodeRows";
        // Only the dispatch methods branch, to labels with the method's own locals and an empty
        // stack: frames by hand (F_SAME), as StraightLine does.
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
                new String[] {UNITS});
        MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        int units = gate.units();
        for (int u = 0; u < units; u++) {
            emitDot(cw, name, "g" + u, gate, u);
            emitDot(cw, name, "v" + u, value, u);
            emitOutput(cw, name, "o" + u, output, u);
        }
        emitDispatch(cw, name, "gate", GATE, 'g', DOT, units);
        emitDispatch(cw, name, "value", VALUE, 'v', DOT, units);
        emitDispatch(cw, name, "output", OUTPUT, 'o', OUT, units);
        copyStep(cw, name);
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC, "step", STEP, null, null);
        m.visitCode();
        for (int local = 1; local <= 4; local++) {
            m.visitVarInsn(Opcodes.ALOAD, local);
        }
        m.visitMethodInsn(Opcodes.INVOKESTATIC, name, "copiedStep", STEP, false);
        m.visitInsn(Opcodes.LRETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        emitForward(cw, name, "gate", "(I[D)D", GATE, false);
        emitForward(cw, name, "value", "(I[D)D", VALUE, false);
        emitForward(cw, name, "output", "(ID[D[J)J", OUTPUT, true);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** The interface method {@code name(u, args...)}: the static one, with a null ffn. */
    private static void emitForward(ClassWriter cw, String owner, String name, String descriptor,
                                    String staticDescriptor, boolean output) {
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC, name, descriptor, null, null);
        m.visitCode();
        m.visitInsn(Opcodes.ACONST_NULL);
        m.visitVarInsn(Opcodes.ILOAD, 1);
        loadArguments(m, 2, output);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, owner, name, staticDescriptor, false);
        m.visitInsn(output ? Opcodes.LRETURN : Opcodes.DRETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /**
     * Copies {@link FilteredUnits#step} (its bytecode, frames and line numbers as they are)
     * as the static {@code copiedStep}, its calls to the template's gate, value and output
     * going to this class's methods of the same names and descriptors.
     */
    private static void copyStep(ClassWriter cw, String owner) throws IOException {
        byte[] template;
        try (InputStream in = FilteredUnits.class.getResourceAsStream("FilteredUnits.class")) {
            if (in == null) {
                throw new IOException("no bytecode for " + TEMPLATE);
            }
            template = in.readAllBytes();
        }
        boolean[] copied = new boolean[1];
        new ClassReader(template).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                if (!method.equals("step") || !descriptor.equals(STEP)) {
                    return null;
                }
                copied[0] = true;
                MethodVisitor to = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "copiedStep", STEP, null, null);
                return new MethodVisitor(Opcodes.ASM9, to) {
                    @Override
                    public void visitMethodInsn(int opcode, String callee, String called, String calledDescriptor,
                                                boolean isInterface) {
                        if (callee.equals(TEMPLATE)) {
                            if (!called.equals("gate") && !called.equals("value") && !called.equals("output")) {
                                throw new IllegalStateException("the template calls " + called);
                            }
                            callee = owner;
                        }
                        super.visitMethodInsn(opcode, callee, called, calledDescriptor, isInterface);
                    }
                };
            }
        }, 0);
        if (!copied[0]) {
            throw new IllegalStateException("no step in " + TEMPLATE);
        }
    }

    /**
     * {@code static double <prefix>(double[] x)}: 0.0 + the row's terms in order; a long row is
     * continued in methods {@code <prefix>_k(double sum, double[] x)}, each adding its terms.
     */
    private static void emitDot(ClassWriter cw, String owner, String prefix, Rows rows, int u) {
        int from = rows.start()[u];
        int to = rows.start()[u + 1];
        int parts = Math.max(1, (to - from + TERMS_PER_METHOD - 1) / TERMS_PER_METHOD);
        for (int p = parts - 1; p >= 0; p--) {
            MethodVisitor m = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, prefix + "_" + p, PART, null, null);
            m.visitCode();
            m.visitVarInsn(Opcodes.DLOAD, 0);
            for (int k = from + p * TERMS_PER_METHOD, end = Math.min(to, k + TERMS_PER_METHOD); k < end; k++) {
                double w = rows.weight()[k];
                m.visitVarInsn(Opcodes.ALOAD, 2);
                pushInt(m, rows.index()[k]);
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
            if (p + 1 < parts) {
                m.visitVarInsn(Opcodes.ALOAD, 2);
                m.visitMethodInsn(Opcodes.INVOKESTATIC, owner, prefix + "_" + (p + 1), PART, false);
            }
            m.visitInsn(Opcodes.DRETURN);
            m.visitMaxs(0, 0);
            m.visitEnd();
        }
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, prefix, DOT, null, null);
        m.visitCode();
        m.visitInsn(Opcodes.DCONST_0);
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, owner, prefix + "_0", PART, false);
        m.visitInsn(Opcodes.DRETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /**
     * {@code static long <prefix>(double h, double[] rowAcc, long[] rowMask)}: the unit's
     * output entries, then one OR per word of rows; returns the words' bits. A unit of many
     * entries continues in {@code <prefix>_k} methods (same signature), their bits OR-ed.
     */
    private static void emitOutput(ClassWriter cw, String owner, String prefix, Rows rows, int u) {
        int from = rows.start()[u];
        int to = rows.start()[u + 1];
        int parts = Math.max(1, (to - from + OUTPUTS_PER_METHOD - 1) / OUTPUTS_PER_METHOD);
        for (int p = 0; p < parts; p++) {
            MethodVisitor m = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC,
                    p == 0 ? prefix : prefix + "_" + p, OUT, null, null);
            m.visitCode();
            int first = from + p * OUTPUTS_PER_METHOD;
            int end = Math.min(to, first + OUTPUTS_PER_METHOD);
            // locals: h = 0..1, rowAcc = 2, rowMask = 3
            for (int k = first; k < end; k++) {
                double w = rows.weight()[k];
                m.visitVarInsn(Opcodes.ALOAD, 2);
                pushInt(m, rows.index()[k]);
                m.visitInsn(Opcodes.DUP2);
                m.visitInsn(Opcodes.DALOAD);
                m.visitVarInsn(Opcodes.DLOAD, 0);
                if (w == 1.0) {
                    m.visitInsn(Opcodes.DADD);
                } else if (w == -1.0) {
                    m.visitInsn(Opcodes.DSUB);
                } else {
                    m.visitLdcInsn(w);
                    m.visitInsn(Opcodes.DMUL);
                    m.visitInsn(Opcodes.DADD);
                }
                m.visitInsn(Opcodes.DASTORE);
            }
            // The rows' bits, word by word, in increasing order of words (bits of the same
            // word are OR-ed once).
            long words = 0;
            java.util.TreeMap<Integer, Long> bits = new java.util.TreeMap<>();
            for (int k = first; k < end; k++) {
                int r = rows.index()[k];
                bits.merge(r >>> 6, 1L << r, (a, b) -> a | b);
                words |= 1L << (r >>> 6);
            }
            for (java.util.Map.Entry<Integer, Long> e : bits.entrySet()) {
                m.visitVarInsn(Opcodes.ALOAD, 3);
                pushInt(m, e.getKey());
                m.visitInsn(Opcodes.DUP2);
                m.visitInsn(Opcodes.LALOAD);
                m.visitLdcInsn(e.getValue());
                m.visitInsn(Opcodes.LOR);
                m.visitInsn(Opcodes.LASTORE);
            }
            m.visitLdcInsn(words);
            if (p + 1 < parts) {
                m.visitVarInsn(Opcodes.DLOAD, 0);
                m.visitVarInsn(Opcodes.ALOAD, 2);
                m.visitVarInsn(Opcodes.ALOAD, 3);
                m.visitMethodInsn(Opcodes.INVOKESTATIC, owner, prefix + "_" + (p + 1), OUT, false);
                m.visitInsn(Opcodes.LOR);
            }
            m.visitInsn(Opcodes.LRETURN);
            m.visitMaxs(0, 0);
            m.visitEnd();
        }
    }

    /**
     * The static method {@code name(ffn, u, args...)}: a tableswitch on the unit to its
     * method (through a switch on {@code u >>> 9} to methods of at most {@value
     * #UNITS_PER_SWITCH} cases when the layer is wider), passing the arguments after u; a unit
     * out of range returns zero. {@code ffn} is not read (the template's loops read it).
     */
    private static void emitDispatch(ClassWriter cw, String owner, String name, String descriptor,
                                     char prefix, String unitDescriptor, int units) {
        int groups = Math.max(1, (units + UNITS_PER_SWITCH - 1) / UNITS_PER_SWITCH);
        boolean output = prefix == 'o';
        int access = Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC;
        if (groups == 1) {
            MethodVisitor m = cw.visitMethod(access, name, descriptor, null, null);
            m.visitCode();
            emitCases(m, owner, prefix, unitDescriptor, 0, units, 1, output);
            m.visitMaxs(0, 0);
            m.visitEnd();
            return;
        }
        for (int g = 0; g < groups; g++) {
            MethodVisitor m = cw.visitMethod(access, prefix + "s" + g, descriptor, null, null);
            m.visitCode();
            int first = g * UNITS_PER_SWITCH;
            emitCases(m, owner, prefix, unitDescriptor, first, Math.min(units, first + UNITS_PER_SWITCH), 1, output);
            m.visitMaxs(0, 0);
            m.visitEnd();
        }
        MethodVisitor m = cw.visitMethod(access, name, descriptor, null, null);
        m.visitCode();
        Label[] cases = new Label[groups];
        for (int g = 0; g < groups; g++) {
            cases[g] = new Label();
        }
        Label none = new Label();
        m.visitVarInsn(Opcodes.ILOAD, 1);
        pushInt(m, SWITCH_SHIFT);
        m.visitInsn(Opcodes.ISHR);
        m.visitTableSwitchInsn(0, groups - 1, none, cases);
        for (int g = 0; g < groups; g++) {
            m.visitLabel(cases[g]);
            m.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            m.visitInsn(Opcodes.ACONST_NULL);
            m.visitVarInsn(Opcodes.ILOAD, 1);
            loadArguments(m, 2, output);
            m.visitMethodInsn(Opcodes.INVOKESTATIC, owner, prefix + "s" + g, descriptor, false);
            m.visitInsn(output ? Opcodes.LRETURN : Opcodes.DRETURN);
        }
        m.visitLabel(none);
        m.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        returnZero(m, output);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /**
     * A tableswitch on the unit (local {@code unitLocal}) over units [first, end), each case
     * calling its unit's method with the arguments that follow the unit; zero otherwise.
     */
    private static void emitCases(MethodVisitor m, String owner, char prefix, String unitDescriptor,
                                  int first, int end, int unitLocal, boolean output) {
        Label none = new Label();
        if (end > first) {
            Label[] cases = new Label[end - first];
            for (int k = 0; k < cases.length; k++) {
                cases[k] = new Label();
            }
            m.visitVarInsn(Opcodes.ILOAD, unitLocal);
            m.visitTableSwitchInsn(first, end - 1, none, cases);
            for (int k = 0; k < cases.length; k++) {
                m.visitLabel(cases[k]);
                m.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
                loadArguments(m, unitLocal + 1, output);
                m.visitMethodInsn(Opcodes.INVOKESTATIC, owner, String.valueOf(prefix) + (first + k), unitDescriptor, false);
                m.visitInsn(output ? Opcodes.LRETURN : Opcodes.DRETURN);
            }
            m.visitLabel(none);
            m.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        }
        returnZero(m, output);
    }

    /** Loads the arguments after u, starting at local {@code at}: (x) or (h, rowAcc, rowMask). */
    private static void loadArguments(MethodVisitor m, int at, boolean output) {
        if (output) {
            m.visitVarInsn(Opcodes.DLOAD, at);
            m.visitVarInsn(Opcodes.ALOAD, at + 2);
            m.visitVarInsn(Opcodes.ALOAD, at + 3);
        } else {
            m.visitVarInsn(Opcodes.ALOAD, at);
        }
    }

    private static void returnZero(MethodVisitor m, boolean output) {
        if (output) {
            m.visitInsn(Opcodes.LCONST_0);
            m.visitInsn(Opcodes.LRETURN);
        } else {
            m.visitInsn(Opcodes.DCONST_0);
            m.visitInsn(Opcodes.DRETURN);
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

    private static Units load(byte[] bytes) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
        return (Units) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
    }
}
