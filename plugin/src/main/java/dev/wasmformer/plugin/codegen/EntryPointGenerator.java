package dev.wasmformer.plugin.codegen;

import dev.wasmformer.runtime.Wasmformer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the Java source of a bundle's typed entry-point class: one public static method per
 * program, which loads the bundle from the classpath once (lazily, thread-safely, by the
 * holder idiom) and runs the program on the transformer.
 *
 * <p>The class is source, not bytecode, so that javac compiles it with the application (a
 * changed class makes javac recompile the code that calls it, and a removed method is a
 * compile error rather than a {@code NoSuchMethodError}) and an IDE sees it as a generated
 * source folder. For a bundle {@code demo} with programs {@code fib(i32) -> i32} and {@code
 * hello} (a {@code main} without parameters), the class declares:
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
 * double} as its {@link JavaType} says; the runtime passes a float or double as its raw bits.
 * Every method but {@code run...(RunOptions)} stops a run after the number of tokens the
 * system property {@code wasmformer.maxTokens} gives (read on each call), else after the
 * runtime's default, so that a test can make a runaway program fail fast. A {@code byte[]} parameter (a C pointer) is copied into the program's memory
 * before the run and back into the array after it. The source is plain ASCII (anything else
 * is a unicode escape), so it compiles whatever the project's source encoding, and every type
 * is fully qualified, so no class of the application can shadow one.
 */
public final class EntryPointGenerator {
  /** A Java source file: its class's qualified name and its text. */
  public record GeneratedSource(String className, String text) {
    /** The file's path below a source root: {@code a/b/C.java}. */
    public String relativePath() {
      return className.replace('.', '/') + ".java";
    }

    /** The text as bytes (ASCII, hence UTF-8 too). */
    public byte[] bytes() {
      return text.getBytes(StandardCharsets.US_ASCII);
    }
  }

  private static final String RUNTIME = "dev.wasmformer.runtime.";
  private static final String LOADED_BUNDLE = RUNTIME + "LoadedBundle";
  private static final String RUN_OPTIONS = RUNTIME + "RunOptions";
  private static final String RUN_RESULT = RUNTIME + "RunResult";
  private static final String STRING = "java.lang.String";
  private static final String OBJECT = "java.lang.Object";
  private static final String ACCESSOR = "loadedBundle";
  /** The system property that sets the typed methods' token limit (the run goal's property too). */
  public static final String MAX_TOKENS_PROPERTY = "wasmformer.maxTokens";

  private final String className;
  private final String packageName;
  private final String simpleName;
  private final String holder;
  private final String bundleName;
  private final List<EntryPoint> programs;
  private final StringBuilder out = new StringBuilder();

  private EntryPointGenerator(String className, String bundleName, List<EntryPoint> programs) {
    if (!JavaNames.isQualifiedName(className)) {
      throw new IllegalArgumentException(className + " is not a valid Java class name");
    }
    this.className = className;
    int dot = className.lastIndexOf('.');
    this.packageName = dot < 0 ? "" : className.substring(0, dot);
    this.simpleName = className.substring(dot + 1);
    // a nested class may not share its enclosing class's name
    this.holder = simpleName.equals("Holder") ? "BundleHolder" : "Holder";
    this.bundleName = bundleName;
    this.programs = List.copyOf(programs);
  }

  /**
   * The source of the class {@code className} (fully qualified), for the bundle loaded as
   * {@code Wasmformer.loadResource(bundleName)}.
   *
   * @throws IllegalArgumentException if the class name is invalid or two programs' methods
   *     would have the same name and parameter types
   */
  public static GeneratedSource generate(String className, String bundleName, List<EntryPoint> programs) {
    return new EntryPointGenerator(className, bundleName, programs).generate();
  }

  private GeneratedSource generate() {
    checkClashes();
    writeClass();
    return new GeneratedSource(className, asciiOnly(out.toString()));
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

  private void writeClass() {
    line("// Generated by wasmformer-maven-plugin (wasmformer:compile) from the bundle " + bundleName
        + ". Do not edit: every build rewrites it.");
    if (!packageName.isEmpty()) {
      line("package " + packageName + ";");
      line("");
    }
    line("/**");
    line(" * The typed entry points of the wasmformer bundle {@code " + bundleName + "}: one static method per");
    line(" * program, which runs it on the transformer. The bundle is the classpath resource {@code");
    line(" * " + Wasmformer.resourceName(bundleName) + "}, loaded once, on the first call.");
    line(" */");
    line("public final class " + simpleName + " {");
    line("  /** The bundle's name, as {@code Wasmformer.loadResource} takes it. */");
    line("  public static final " + STRING + " BUNDLE_NAME = " + literal(bundleName) + ";");
    line("");
    line("  private " + simpleName + "() {}");
    line("");
    writeAccessor();
    for (EntryPoint p : programs) {
      if (p.isWholeProgram()) {
        writeWholeProgram(p);
      } else {
        writeFunction(p);
      }
      writeRun(p);
    }
    writeHolder();
    line("}");
  }

  /**
   * {@code public static LoadedBundle loadedBundle()}: the holder's bundle, or an
   * IllegalStateException saying why it could not be loaded (on every call, not only the first).
   */
  private void writeAccessor() {
    line("  /**");
    line("   * The bundle, loaded on first use.");
    line("   *");
    line("   * @throws IllegalStateException if it cannot be loaded (for example, it is not on the classpath)");
    line("   */");
    line("  public static " + LOADED_BUNDLE + " " + ACCESSOR + "() {");
    line("    " + OBJECT + " value = " + holder + ".VALUE;");
    line("    if (value instanceof " + LOADED_BUNDLE + ") return (" + LOADED_BUNDLE + ") value;");
    line("    java.lang.Throwable failure = (java.lang.Throwable) value;");
    line("    throw new java.lang.IllegalStateException(" + literal("cannot load the wasmformer bundle " + bundleName
        + ": ") + " + failure.getMessage(), failure);");
    line("  }");
    line("");
  }

  /**
   * The nested class that holds the loaded bundle (or what prevented loading it), initialized
   * on first use, and the helpers of the methods: nested, so that no program's method can clash
   * with them. {@code load()} reads the bundle resource through the class's own loader (so it
   * works whatever the thread's context loader is), else through {@code Wasmformer.loadResource},
   * which also says where it looked; an exception is returned. {@code options()} are the
   * default options with the token limit of the system property {@code wasmformer.maxTokens}.
   */
  private void writeHolder() {
    line("  /** Holds the loaded bundle, or what prevented loading it; initialized on first use. */");
    line("  private static final class " + holder + " {");
    line("    static final " + OBJECT + " VALUE = load();");
    line("");
    line("    private static " + OBJECT + " load() {");
    line("      try {");
    line("        java.lang.ClassLoader loader = " + simpleName + ".class.getClassLoader();");
    line("        java.io.InputStream in = loader == null ? null");
    line("            : loader.getResourceAsStream(" + literal(Wasmformer.resourceName(bundleName)) + ");");
    line("        if (in == null) return " + RUNTIME + "Wasmformer.loadResource(BUNDLE_NAME);");
    line("        try (in) {");
    line("          return " + RUNTIME + "Wasmformer.load(in);");
    line("        }");
    line("      } catch (java.lang.Exception e) {");
    line("        return e;");
    line("      }");
    line("    }");
    line("");
    line("    /** The default options, with the token limit the system property wasmformer.maxTokens sets. */");
    line("    static " + RUN_OPTIONS + " options() {");
    line("      " + STRING + " limit = java.lang.System.getProperty(" + literal(MAX_TOKENS_PROPERTY) + ");");
    line("      if (limit == null || limit.isBlank()) return " + RUN_OPTIONS + ".defaults();");
    line("      try {");
    line("        return " + RUN_OPTIONS + ".defaults().withMaxTokens(java.lang.Long.parseLong(limit.trim()));");
    line("      } catch (java.lang.NumberFormatException e) {");
    line("        throw new java.lang.IllegalArgumentException(" + literal("the system property " + MAX_TOKENS_PROPERTY
        + " is not a number of tokens: ") + " + limit, e);");
    line("      }");
    line("    }");
    line("  }");
  }

  /**
   * {@code static int fib(int n)}: the arguments go to {@code RunOptions.withArguments}, as
   * {@code Program.call} passes them, and the run checks them against the program's signature
   * (a float or double as its raw bits, so every NaN keeps its payload; a {@code byte[]}'s bytes
   * placed in the program's memory and its buffer's final bytes written back into it); the
   * boxed result is unboxed.
   */
  private void writeFunction(EntryPoint p) {
    List<String> names = parameterNames(p);
    List<String> params = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) params.add(p.params().get(i).spelling() + " " + names.get(i));
    String result = p.result().map(JavaType::spelling).orElse("void");
    if (p.result().isPresent() && p.result().get() == JavaType.BYTES) {
      throw new IllegalArgumentException(p.program() + " returns a byte[], which no program can");
    }
    line("  /**");
    line("   * Runs the program " + described(p) + " on the transformer.");
    if (p.params().contains(JavaType.BYTES)) {
      line("   * Each {@code byte[]} is copied into the program's memory and, when it returns, back.");
    }
    line("   *");
    line("   * @throws dev.wasmformer.runtime.TrapException if the program traps");
    line("   * @throws dev.wasmformer.runtime.TokenLimitException if it runs past the token limit (the system");
    line("   *     property wasmformer.maxTokens, else the runtime's default)");
    line("   */");
    line("  public static " + result + " " + JavaNames.methodName(p.program()) + "(" + String.join(", ", params)
        + ") {");
    // Program.call's run, with the token limit of options()
    String run = ACCESSOR + "().program(" + literal(p.program()) + ").run(" + holder + ".options().withArguments(new "
        + OBJECT + "[] {" + String.join(", ", names) + "}))";
    if (p.result().isEmpty()) {
      line("    " + run + ";");
    } else {
      String box = switch (p.result().get()) {
        case INT -> "java.lang.Integer";
        case LONG -> "java.lang.Long";
        case FLOAT -> "java.lang.Float";
        case DOUBLE -> "java.lang.Double";
        case BYTES -> throw new AssertionError("refused above");
      };
      line("    return ((" + box + ") " + run + ".typedReturnValue().get())." + result + "Value();");
    }
    line("  }");
    line("");
  }

  /** {@code hello()}, {@code hello(String input)}, {@code hello(byte[] input)}, and {@code helloWithArgs}. */
  private void writeWholeProgram(EntryPoint p) {
    String name = JavaNames.methodName(p.program());
    String program = ACCESSOR + "().program(" + literal(p.program()) + ")";
    line("  /** Runs the whole program " + described(p) + " on the transformer, without input. */");
    line("  public static " + RUN_RESULT + " " + name + "() {");
    line("    return " + program + ".run(" + holder + ".options());");
    line("  }");
    line("");
    line("  /** Runs the whole program " + described(p) + " with {@code input} (UTF-8) as what it reads. */");
    line("  public static " + RUN_RESULT + " " + name + "(" + STRING + " input) {");
    line("    return " + program + ".run(" + holder
        + ".options().withInput(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));");
    line("  }");
    line("");
    line("  /** Runs the whole program " + described(p) + " with {@code input} as what it reads. */");
    line("  public static " + RUN_RESULT + " " + name + "(byte[] input) {");
    line("    return " + program + ".run(" + holder + ".options().withInput(input));");
    line("  }");
    line("");
    if (p.takesArgv()) {
      line("  /** Runs the whole program " + described(p) + " with {@code args} as its argv after the program's name. */");
      line("  public static " + RUN_RESULT + " " + name + "WithArgs(" + STRING + "... args) {");
      line("    return " + program + ".run(" + holder + ".options().withArgv(args));");
      line("  }");
      line("");
    }
  }

  /** {@code static RunResult runFib(RunOptions options)}. */
  private void writeRun(EntryPoint p) {
    line("  /** Runs the program " + described(p) + " with any options: arguments, input, attention, limits, tracing. */");
    line("  public static " + RUN_RESULT + " run" + JavaNames.capitalized(p.program()) + "(" + RUN_OPTIONS
        + " options) {");
    line("    return " + ACCESSOR + "().program(" + literal(p.program()) + ").run(options);");
    line("  }");
    line("");
  }

  /** The program for a Javadoc sentence: its name (if it is plain enough) and the function it enters. */
  private static String described(EntryPoint p) {
    String name = p.program().matches("[A-Za-z0-9_.-]+") ? "{@code " + p.program() + "}" : "";
    String entry = p.entry().matches("[A-Za-z0-9_.-]+") ? " (entered at {@code " + p.entry() + "})" : "";
    return (name + entry).trim();
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

  /** A Java string literal of {@code s}. */
  private static String literal(String s) {
    return s.chars().mapToObj(c -> switch (c) {
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c);
    }).collect(Collectors.joining("", "\"", "\""));
  }

  /**
   * The source with every non-ASCII character as a unicode escape, which javac reads anywhere
   * (identifiers included); literals are already ASCII.
   */
  private static String asciiOnly(String source) {
    StringBuilder ascii = new StringBuilder(source.length());
    for (char c : source.toCharArray()) {
      if (c < 0x80) ascii.append(c);
      else ascii.append(String.format("\\u%04x", (int) c));
    }
    return ascii.toString();
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
