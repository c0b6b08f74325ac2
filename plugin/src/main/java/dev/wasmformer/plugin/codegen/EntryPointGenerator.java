package dev.wasmformer.plugin.codegen;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ACC_VARARGS;
import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.AASTORE;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ANEWARRAY;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.FLOAD;
import static org.objectweb.asm.Opcodes.FRETURN;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNONNULL;
import static org.objectweb.asm.Opcodes.IFNULL;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INSTANCEOF;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LRETURN;
import static org.objectweb.asm.Opcodes.NEW;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.PUTSTATIC;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Writes the typed entry-point class of a bundle: one public static method per program,
 * which loads the bundle from the classpath once (lazily, thread-safely, by the holder
 * idiom) and runs the program on the transformer.
 *
 * <p>For a bundle {@code demo} with programs {@code fib(i32) -> i32} and {@code hello} (a
 * {@code main} without parameters), the class reads as if written:
 *
 * <pre>{@code
 * public final class Demo {
 *   public static final String BUNDLE_NAME = "demo";
 *   public static LoadedBundle loadedBundle()             // loads on first use
 *   public static int fib(int n)                         // traps throw TrapException
 *   public static RunResult runFib(RunOptions options)   // any options: input, limits, tracing
 *   public static RunResult hello()                      // output and exit status
 *   public static RunResult hello(String input)          // input as UTF-8
 *   public static RunResult hello(byte[] input)
 *   public static RunResult runHello(RunOptions options)
 *   public static RunResult helloWithArgs(String... args) // for a main(argc, argv)
 * }
 * }</pre>
 *
 * <p>A parameter or result is a Java {@code int}, {@code long}, {@code float} or {@code
 * double} as its {@link JavaType} says; the program itself sees only wasm integers, so a float
 * or double is passed and returned as its raw bits. A {@code byte[]} parameter (a C pointer)
 * is copied into the program's memory before the run and back into the array after it.
 */
public final class EntryPointGenerator {
  /** A class file: its binary name ({@code a/b/C}) and bytes. */
  public record GeneratedClass(String internalName, byte[] bytes) {
    /** The file's path below a classes directory: {@code a/b/C.class}. */
    public String relativePath() {
      return internalName + ".class";
    }
  }

  private static final String LOADED_BUNDLE = "dev/wasmformer/runtime/LoadedBundle";
  private static final String PROGRAM = "dev/wasmformer/runtime/Program";
  private static final String RUN_OPTIONS = "dev/wasmformer/runtime/RunOptions";
  private static final String RUN_RESULT = "dev/wasmformer/runtime/RunResult";
  private static final String WASMFORMER = "dev/wasmformer/runtime/Wasmformer";
  private static final String OBJECT = "java/lang/Object";
  private static final String HOLDER_FIELD = "VALUE";
  private static final String ACCESSOR = "loadedBundle";

  private final String internalName;
  private final String holderName;
  private final String bundleName;
  private final List<EntryPoint> programs;

  private EntryPointGenerator(String className, String bundleName, List<EntryPoint> programs) {
    if (!JavaNames.isQualifiedName(className)) {
      throw new IllegalArgumentException(className + " is not a valid Java class name");
    }
    this.internalName = className.replace('.', '/');
    this.holderName = internalName + "$Holder";
    this.bundleName = bundleName;
    this.programs = List.copyOf(programs);
  }

  /**
   * The class {@code className} (fully qualified) and its holder class, for the bundle
   * loaded as {@code Wasmformer.loadResource(bundleName)}.
   *
   * @throws IllegalArgumentException if the class name is invalid or two programs' methods
   *     would have the same name and parameter types
   */
  public static List<GeneratedClass> generate(String className, String bundleName, List<EntryPoint> programs) {
    return new EntryPointGenerator(className, bundleName, programs).generate();
  }

  private List<GeneratedClass> generate() {
    checkClashes();
    return List.of(new GeneratedClass(internalName, facade()), new GeneratedClass(holderName, holder()));
  }

  /** Methods that Java could not tell apart (same name and parameters) must not exist. */
  private void checkClashes() {
    Map<String, String> owners = new LinkedHashMap<>();
    owners.put(ACCESSOR + "()", "the bundle accessor");
    for (EntryPoint p : programs) {
      for (String signature : javaSignatures(p)) {
        String earlier = owners.putIfAbsent(signature, "program " + p.program());
        if (earlier != null) {
          throw new IllegalArgumentException("the typed entry point " + signature + " of program " + p.program()
              + " clashes with " + earlier + "; rename a program, or set wasmformer.generateEntryPoints=false");
        }
      }
    }
  }

  private static List<String> javaSignatures(EntryPoint p) {
    String name = JavaNames.methodName(p.program());
    List<String> signatures = new ArrayList<>();
    if (p.isWholeProgram()) {
      signatures.add(name + "()");
      signatures.add(name + "(String)");
      signatures.add(name + "(byte[])");
      if (p.takesArgv()) signatures.add(name + "WithArgs(String[])");
    } else {
      List<String> types = p.params().stream().map(JavaType::spelling).toList();
      signatures.add(name + "(" + String.join(",", types) + ")");
    }
    signatures.add("run" + JavaNames.capitalized(p.program()) + "(RunOptions)");
    return signatures;
  }

  private byte[] facade() {
    ClassWriter cw = classWriter();
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, internalName, null, OBJECT, null);
    cw.visitNestMember(holderName);
    cw.visitInnerClass(holderName, internalName, "Holder", ACC_PRIVATE | ACC_STATIC | ACC_FINAL);
    cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, "BUNDLE_NAME", "Ljava/lang/String;", null, bundleName)
        .visitEnd();

    MethodVisitor init = cw.visitMethod(ACC_PRIVATE, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, OBJECT, "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();

    writeAccessor(cw);
    writeLoad(cw);
    for (EntryPoint p : programs) {
      if (p.isWholeProgram()) {
        writeWholeProgram(cw, p, null);
        writeWholeProgram(cw, p, "Ljava/lang/String;");
        writeWholeProgram(cw, p, "[B");
        if (p.takesArgv()) writeWithArgs(cw, p);
      } else {
        writeFunction(cw, p);
      }
      writeRun(cw, p);
    }
    cw.visitEnd();
    return cw.toByteArray();
  }

  /** The holder class: its static initializer loads the bundle on first use, once. */
  private byte[] holder() {
    ClassWriter cw = classWriter();
    cw.visit(V17, ACC_FINAL | ACC_SUPER, holderName, null, OBJECT, null);
    cw.visitNestHost(internalName);
    cw.visitInnerClass(holderName, internalName, "Holder", ACC_PRIVATE | ACC_STATIC | ACC_FINAL);
    // The loaded bundle, or the exception that prevented loading it.
    cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, HOLDER_FIELD, "Ljava/lang/Object;", null, null).visitEnd();
    MethodVisitor clinit = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
    clinit.visitCode();
    clinit.visitMethodInsn(INVOKESTATIC, internalName, "load", "()Ljava/lang/Object;", false);
    clinit.visitFieldInsn(PUTSTATIC, holderName, HOLDER_FIELD, "Ljava/lang/Object;");
    clinit.visitInsn(RETURN);
    clinit.visitMaxs(0, 0);
    clinit.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  /**
   * {@code public static LoadedBundle loadedBundle()}: the holder's bundle, or an
   * IllegalStateException saying why it could not be loaded (on every call, not only the first).
   */
  private void writeAccessor(ClassWriter cw) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, ACCESSOR, "()L" + LOADED_BUNDLE + ";", null, null);
    mv.visitCode();
    Label failed = new Label();
    mv.visitFieldInsn(GETSTATIC, holderName, HOLDER_FIELD, "Ljava/lang/Object;");
    mv.visitVarInsn(ASTORE, 0);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitTypeInsn(INSTANCEOF, LOADED_BUNDLE);
    mv.visitJumpInsn(IFEQ, failed);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitTypeInsn(CHECKCAST, LOADED_BUNDLE);
    mv.visitInsn(ARETURN);
    mv.visitLabel(failed);
    mv.visitTypeInsn(NEW, "java/lang/IllegalStateException");
    mv.visitInsn(DUP);
    mv.visitLdcInsn("cannot load the wasmformer bundle " + bundleName + ": ");
    mv.visitVarInsn(ALOAD, 0);
    mv.visitTypeInsn(CHECKCAST, "java/lang/Throwable");
    mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Throwable", "getMessage", "()Ljava/lang/String;", false);
    mv.visitMethodInsn(INVOKESTATIC, "java/lang/String", "valueOf", "(Ljava/lang/Object;)Ljava/lang/String;", false);
    mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitTypeInsn(CHECKCAST, "java/lang/Throwable");
    mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>",
        "(Ljava/lang/String;Ljava/lang/Throwable;)V", false);
    mv.visitInsn(ATHROW);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /**
   * {@code private static Object load()}: the bundle resource through this class's own
   * loader (so it works whatever the thread's context loader is), else through {@code
   * Wasmformer.loadResource}, which also says where it looked; an exception is returned.
   */
  private void writeLoad(ClassWriter cw) {
    MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "load", "()Ljava/lang/Object;", null, null);
    mv.visitCode();
    Label start = new Label();
    Label fallback = new Label();
    Label found = new Label();
    Label loaded = new Label();
    Label closeAndRethrow = new Label();
    Label failed = new Label();
    mv.visitTryCatchBlock(found, loaded, closeAndRethrow, null);
    mv.visitTryCatchBlock(start, failed, failed, "java/lang/Exception");

    mv.visitLabel(start);
    mv.visitLdcInsn(Type.getObjectType(internalName));
    mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Class", "getClassLoader", "()Ljava/lang/ClassLoader;", false);
    mv.visitVarInsn(ASTORE, 0);
    mv.visitInsn(ACONST_NULL);
    mv.visitVarInsn(ASTORE, 1);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitJumpInsn(IFNULL, fallback);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitLdcInsn("META-INF/wasmformer/" + bundleName + ".wfb");
    mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/ClassLoader", "getResourceAsStream",
        "(Ljava/lang/String;)Ljava/io/InputStream;", false);
    mv.visitVarInsn(ASTORE, 1);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitJumpInsn(IFNONNULL, found);
    mv.visitLabel(fallback);
    mv.visitLdcInsn(bundleName);
    mv.visitMethodInsn(INVOKESTATIC, WASMFORMER, "loadResource", "(Ljava/lang/String;)L" + LOADED_BUNDLE + ";", false);
    mv.visitInsn(ARETURN);

    mv.visitLabel(found);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitMethodInsn(INVOKESTATIC, WASMFORMER, "load", "(Ljava/io/InputStream;)L" + LOADED_BUNDLE + ";", false);
    mv.visitVarInsn(ASTORE, 2);
    mv.visitLabel(loaded);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitMethodInsn(INVOKEVIRTUAL, "java/io/InputStream", "close", "()V", false);
    mv.visitVarInsn(ALOAD, 2);
    mv.visitInsn(ARETURN);

    mv.visitLabel(closeAndRethrow);
    mv.visitVarInsn(ASTORE, 2);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitMethodInsn(INVOKEVIRTUAL, "java/io/InputStream", "close", "()V", false);
    mv.visitVarInsn(ALOAD, 2);
    mv.visitInsn(ATHROW);

    mv.visitLabel(failed);
    mv.visitVarInsn(ASTORE, 0);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** {@code loadedBundle().program(name)} onto the stack. */
  private void pushProgram(MethodVisitor mv, EntryPoint p) {
    mv.visitMethodInsn(INVOKESTATIC, internalName, ACCESSOR, "()L" + LOADED_BUNDLE + ";", false);
    mv.visitLdcInsn(p.program());
    mv.visitMethodInsn(INVOKEVIRTUAL, LOADED_BUNDLE, "program", "(Ljava/lang/String;)L" + PROGRAM + ";", false);
  }

  /**
   * {@code static int fib(int n)}: the arguments, boxed, go to {@code Program.call(Object...)},
   * which checks them against the program's signature (an int or long as its value, a float or
   * double as its raw bits, so every NaN keeps its payload; a {@code byte[]}'s bytes placed in
   * the program's memory and its buffer's final bytes written back into it); the boxed result
   * is unboxed.
   */
  private void writeFunction(ClassWriter cw, EntryPoint p) {
    StringBuilder descriptor = new StringBuilder("(");
    for (JavaType t : p.params()) descriptor.append(t.descriptor());
    descriptor.append(')').append(p.result().map(JavaType::descriptor).orElse("V"));
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, JavaNames.methodName(p.program()),
        descriptor.toString(), null, null);
    for (String name : parameterNames(p)) mv.visitParameter(name, 0);
    mv.visitCode();
    pushProgram(mv, p);
    pushInt(mv, p.params().size());
    mv.visitTypeInsn(ANEWARRAY, OBJECT);
    int slot = 0;
    for (int i = 0; i < p.params().size(); i++) {
      JavaType t = p.params().get(i);
      mv.visitInsn(DUP);
      pushInt(mv, i);
      switch (t) {
        case INT -> {
          mv.visitVarInsn(ILOAD, slot);
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
        }
        case LONG -> {
          mv.visitVarInsn(LLOAD, slot);
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
        }
        case FLOAT -> {
          mv.visitVarInsn(FLOAD, slot);
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "valueOf", "(F)Ljava/lang/Float;", false);
        }
        case DOUBLE -> {
          mv.visitVarInsn(DLOAD, slot);
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "valueOf", "(D)Ljava/lang/Double;", false);
        }
        case BYTES -> mv.visitVarInsn(ALOAD, slot);
      }
      slot += t.isWide() ? 2 : 1;
      mv.visitInsn(AASTORE);
    }
    mv.visitMethodInsn(INVOKEVIRTUAL, PROGRAM, "call", "([Ljava/lang/Object;)Ljava/lang/Object;", false);
    if (p.result().isEmpty()) {
      mv.visitInsn(POP);
      mv.visitInsn(RETURN);
    } else {
      switch (p.result().get()) {
        case INT -> unbox(mv, "java/lang/Integer", "intValue", "I", IRETURN);
        case LONG -> unbox(mv, "java/lang/Long", "longValue", "J", LRETURN);
        case FLOAT -> unbox(mv, "java/lang/Float", "floatValue", "F", FRETURN);
        case DOUBLE -> unbox(mv, "java/lang/Double", "doubleValue", "D", DRETURN);
        case BYTES -> throw new IllegalArgumentException(p.program() + " returns a byte[], which no program can");
      }
    }
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private static void unbox(MethodVisitor mv, String box, String method, String descriptor, int returnOp) {
    mv.visitTypeInsn(CHECKCAST, box);
    mv.visitMethodInsn(INVOKEVIRTUAL, box, method, "()" + descriptor, false);
    mv.visitInsn(returnOp);
  }

  /** {@code static RunResult hello()}, {@code hello(String input)} or {@code hello(byte[] input)}. */
  private void writeWholeProgram(ClassWriter cw, EntryPoint p, String inputDescriptor) {
    String descriptor = "(" + (inputDescriptor == null ? "" : inputDescriptor) + ")L" + RUN_RESULT + ";";
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, JavaNames.methodName(p.program()), descriptor,
        null, null);
    if (inputDescriptor != null) mv.visitParameter("input", 0);
    mv.visitCode();
    pushProgram(mv, p);
    mv.visitMethodInsn(INVOKESTATIC, RUN_OPTIONS, "defaults", "()L" + RUN_OPTIONS + ";", false);
    if (inputDescriptor != null) {
      mv.visitVarInsn(ALOAD, 0);
      if (inputDescriptor.equals("Ljava/lang/String;")) {
        mv.visitFieldInsn(GETSTATIC, "java/nio/charset/StandardCharsets", "UTF_8", "Ljava/nio/charset/Charset;");
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "getBytes", "(Ljava/nio/charset/Charset;)[B", false);
      }
      mv.visitMethodInsn(INVOKEVIRTUAL, RUN_OPTIONS, "withInput", "([B)L" + RUN_OPTIONS + ";", false);
    }
    mv.visitMethodInsn(INVOKEVIRTUAL, PROGRAM, "run", "(L" + RUN_OPTIONS + ";)L" + RUN_RESULT + ";", false);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** {@code static RunResult helloWithArgs(String... args)}: main's argv after the program's name. */
  private void writeWithArgs(ClassWriter cw, EntryPoint p) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC | ACC_VARARGS, JavaNames.methodName(p.program()) + "WithArgs",
        "([Ljava/lang/String;)L" + RUN_RESULT + ";", null, null);
    mv.visitParameter("args", 0);
    mv.visitCode();
    pushProgram(mv, p);
    mv.visitMethodInsn(INVOKESTATIC, RUN_OPTIONS, "defaults", "()L" + RUN_OPTIONS + ";", false);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKEVIRTUAL, RUN_OPTIONS, "withArgv", "([Ljava/lang/String;)L" + RUN_OPTIONS + ";", false);
    mv.visitMethodInsn(INVOKEVIRTUAL, PROGRAM, "run", "(L" + RUN_OPTIONS + ";)L" + RUN_RESULT + ";", false);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** {@code static RunResult runFib(RunOptions options)}. */
  private void writeRun(ClassWriter cw, EntryPoint p) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "run" + JavaNames.capitalized(p.program()),
        "(L" + RUN_OPTIONS + ";)L" + RUN_RESULT + ";", null, null);
    mv.visitParameter("options", 0);
    mv.visitCode();
    pushProgram(mv, p);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKEVIRTUAL, PROGRAM, "run", "(L" + RUN_OPTIONS + ";)L" + RUN_RESULT + ";", false);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** The parameters' names as Java identifiers, distinct; {@code argN} where a name is unusable. */
  private static List<String> parameterNames(EntryPoint p) {
    List<String> names = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int i = 0; i < p.paramNames().size(); i++) {
      String name = p.paramNames().get(i);
      String javaName = name == null || name.isBlank() ? "arg" + i : JavaNames.methodName(name);
      if (!used.add(javaName)) {
        javaName = "arg" + i;
        used.add(javaName);
      }
      names.add(javaName);
    }
    return names;
  }

  private static void pushInt(MethodVisitor mv, int value) {
    mv.visitLdcInsn(value);
  }

  /**
   * Computes frames without loading classes: every merge in this code is of references
   * that are only used as Object afterwards.
   */
  private static ClassWriter classWriter() {
    return new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected String getCommonSuperClass(String type1, String type2) {
        return OBJECT;
      }
    };
  }
}
