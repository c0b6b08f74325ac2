package dev.wasmformer.plugin.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.plugin.GeneratedSources;
import dev.wasmformer.plugin.TestPrograms;
import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.NumberType;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.TokenLimitException;
import dev.wasmformer.runtime.TrapException;
import dev.wasmformer.runtime.format.BundleFiles;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryPointGeneratorTest {
  private static final String CLASS = "wasmformer.generated.Demo";

  private static final List<EntryPoint> PROGRAMS = List.of(
      EntryPoint.ofWasm("add", "add", List.of(NumberType.I32, NumberType.I32), Optional.of(NumberType.I32),
          List.of("a", "b")),
      EntryPoint.ofWasm("fib", "fib", List.of(NumberType.I32), Optional.of(NumberType.I32), List.of("n")),
      EntryPoint.ofWasm("hello", "main", List.of(), Optional.of(NumberType.I32), List.of()),
      EntryPoint.ofWasm("check", "check", List.of(NumberType.I32), Optional.of(NumberType.I32), List.of("int")));

  @TempDir static Path classpath;

  private static Class<?> demo;

  /** A classpath with the bundle of the test programs and the generated class, in a loader of its own. */
  @BeforeAll
  static void generateAndLoad() throws Exception {
    WasmformerCompiler compiler = new WasmformerCompiler()
        .addWasm("add", "add.wasm", TestPrograms.wasm(TestPrograms.ADD), "add")
        .addWasm("fib", "fib.wasm", TestPrograms.wasm(TestPrograms.FIB), "fib")
        .addWasm("hello", "hello.wasm", TestPrograms.wasm(TestPrograms.HELLO), null)
        .addWasm("check", "check.wasm", TestPrograms.wasm(TestPrograms.CHECK), "check");
    Path bundle = classpath.resolve("META-INF/wasmformer/demo.wfb");
    Files.createDirectories(bundle.getParent());
    BundleFiles.write(compiler.bundle(), bundle);
    write(classpath, EntryPointGenerator.generate(CLASS, "demo", PROGRAMS));
    demo = load(classpath, CLASS);
  }

  @Test
  void functionsBecomeTypedStaticMethodsThatRunOnTheTransformer() throws Exception {
    assertThat(call("add", new Class<?>[] {int.class, int.class}, 2, 3)).isEqualTo(5);
    assertThat(call("add", new Class<?>[] {int.class, int.class}, -7, 3)).isEqualTo(-4);
    assertThat(call("fib", new Class<?>[] {int.class}, 10)).isEqualTo(55);
  }

  @Test
  void theMethodsArePublicStaticWithTheProgramsTypesAndParameterNames() throws Exception {
    Method fib = demo.getMethod("fib", int.class);
    Method add = demo.getMethod("add", int.class, int.class);

    assertThat(Modifier.isPublic(fib.getModifiers()) && Modifier.isStatic(fib.getModifiers())).isTrue();
    assertThat(fib.getReturnType()).isEqualTo(int.class);
    // Parameter names come from the module; a name that is a Java keyword is made usable.
    String source = EntryPointGenerator.generate(CLASS, "demo", PROGRAMS).text();
    assertThat(source).contains("public static int add(int a, int b) {", "public static int check(int int_) {");
    assertThat(demo.getField("BUNDLE_NAME").get(null)).isEqualTo("demo");
    assertThat(Modifier.isFinal(demo.getModifiers())).isTrue();
  }

  @Test
  void aWholeProgramReturnsItsOutputAndExitStatus() throws Exception {
    RunResult result = (RunResult) call("hello", new Class<?>[0]);

    assertThat(result.outputText()).isEqualTo("hi\n");
    assertThat(result.returnValue()).hasValue(7);
    assertThat(result.stats().instructions()).isPositive();
    assertThat(((RunResult) call("hello", new Class<?>[] {String.class}, "ignored")).outputText()).isEqualTo("hi\n");
    assertThat(((RunResult) call("hello", new Class<?>[] {byte[].class}, (Object) new byte[0])).returnValue())
        .hasValue(7);
  }

  @Test
  void runMethodsTakeAnyOptions() throws Exception {
    RunResult result = (RunResult) call("runFib", new Class<?>[] {RunOptions.class},
        RunOptions.defaults().withArgs(7));

    assertThat(result.returnValue()).hasValue(13);
  }

  @Test
  void aTrapSurfacesAsTheRuntimesTrapException() {
    assertThatThrownBy(() -> call("check", new Class<?>[] {int.class}, 0))
        .isInstanceOf(TrapException.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void theBundleIsLoadedOnceForAllThreads() throws Exception {
    Method accessor = demo.getMethod("loadedBundle");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) futures.add(pool.submit((Callable<Object>) () -> accessor.invoke(null)));
      Object first = futures.get(0).get();
      assertThat(first).isInstanceOf(LoadedBundle.class);
      for (Future<Object> f : futures) assertThat(f.get()).isSameAs(first);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMissingBundleSaysSoOnEveryCall(@TempDir Path empty) throws Exception {
    write(empty, EntryPointGenerator.generate("other.Missing", "missing-bundle", PROGRAMS));
    Class<?> missing = load(empty, "other.Missing");
    Method add = missing.getMethod("add", int.class, int.class);

    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> invoke(add, 1, 2))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("cannot load the wasmformer bundle missing-bundle: no wasmformer bundle"
              + " \"missing-bundle\" on the classpath");
    }
  }

  @Test
  void javacCompilesApplicationCodeAgainstTheClass(@TempDir Path sources) throws Exception {
    Path app = sources.resolve("App.java");
    Files.writeString(app, """
        import dev.wasmformer.runtime.RunResult;
        import wasmformer.generated.Demo;
        class App {
          static int sum() { return Demo.add(2, 3) + Demo.fib(4); }
          static String greeting() { RunResult r = Demo.hello(); return r.outputText(); }
        }
        """);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    String cp = classpath + File.pathSeparator + location(LoadedBundle.class);

    int status = javac.run(null, diagnostics, diagnostics, "-Werror", "-d", sources.toString(), "-cp", cp,
        app.toString());

    assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
  }

  @Test
  void aMainThatTakesArgvGetsAVarargsMethodWhoseStringsTheProgramSees(@TempDir Path dir) throws Exception {
    String source = """
        #include <stdio.h>
        int main(int argc, char **argv) {
          for (int i = 0; i < argc; i++) printf("%s;", argv[i]);
          return argc;
        }
        """;
    WasmformerCompiler compiler = new WasmformerCompiler().addC("echo",
        List.of(new dev.wasmformer.c.SourceFile("echo.c", source)), WasmformerCompiler.cOptions(), List.of(), null);
    Path bundle = dir.resolve("META-INF/wasmformer/echoes.wfb");
    Files.createDirectories(bundle.getParent());
    BundleFiles.write(compiler.bundle(), bundle);
    List<EntryPoint> programs = List.of(new EntryPoint("echo", "_start", List.of(), Optional.of(JavaType.INT),
        List.of(), true));
    write(dir, EntryPointGenerator.generate("wasmformer.generated.Echoes", "echoes", programs));
    Class<?> echoes = load(dir, "wasmformer.generated.Echoes");
    Method withArgs = echoes.getMethod("echoWithArgs", String[].class);

    assertThat(withArgs.isVarArgs()).isTrue();
    RunResult r = (RunResult) invoke(withArgs, (Object) new String[] {"a b", "ç"});
    assertThat(r.outputText()).isEqualTo("echo;a b;ç;");
    assertThat(r.returnValue()).hasValue(3);
    RunResult none = (RunResult) invoke(echoes.getMethod("echo"));
    assertThat(none.outputText()).isEqualTo("echo;");
  }

  @Test
  void oddProgramNamesAndAClassNamedLikeARuntimeTypeStillCompile(@TempDir Path dir) throws Exception {
    // Export names may be any string; the class may be named like the types it uses.
    List<EntryPoint> programs = List.of(
        EntryPoint.ofWasm("h\u00e9llo \"q\" */ \\u0022", "h\u00e9llo", List.of(NumberType.I32), Optional.of(NumberType.I32),
            List.of("n\u00e9")),
        EntryPoint.ofWasm("String", "main", List.of(), Optional.empty(), List.of()));
    EntryPointGenerator.GeneratedSource source = EntryPointGenerator.generate("app.RunResult", "odd", programs);

    assertThat(source.text()).isASCII().contains("\\u00e9");
    write(dir, source);
    Class<?> odd = load(dir, "app.RunResult");
    assertThat(odd.getMethod(JavaNames.methodName(programs.get(0).program()), int.class).getReturnType())
        .isEqualTo(int.class);
    assertThat(odd.getMethod("String").getReturnType()).isEqualTo(RunResult.class);
  }

  @Test
  void aProgramNamedLoadAndAClassNamedHolderDoNotClashWithTheHelpers(@TempDir Path dir) throws Exception {
    List<EntryPoint> programs = List.of(
        EntryPoint.ofWasm("load", "main", List.of(), Optional.empty(), List.of()),
        EntryPoint.ofWasm("options", "options", List.of(), Optional.of(NumberType.I32), List.of()));

    write(dir, EntryPointGenerator.generate("app.Holder", "holder", programs));

    Class<?> holder = load(dir, "app.Holder");
    assertThat(holder.getMethod("load").getReturnType()).isEqualTo(RunResult.class);
    assertThat(holder.getMethod("options").getReturnType()).isEqualTo(int.class);
  }

  @Test
  void theSystemPropertyMaxTokensStopsARunawayTypedCall() throws Exception {
    String previous = System.getProperty(EntryPointGenerator.MAX_TOKENS_PROPERTY);
    try {
      System.setProperty(EntryPointGenerator.MAX_TOKENS_PROPERTY, "5");
      assertThatThrownBy(() -> call("fib", new Class<?>[] {int.class}, 20))
          .isInstanceOf(TokenLimitException.class)
          .hasMessageContaining("no HALT after 5 generated tokens");
      assertThatThrownBy(() -> call("hello", new Class<?>[0])).isInstanceOf(TokenLimitException.class);
      // the run method's options are the caller's own
      assertThat(((RunResult) call("runFib", new Class<?>[] {RunOptions.class},
          RunOptions.defaults().withArgs(7))).returnValue()).hasValue(13);

      System.setProperty(EntryPointGenerator.MAX_TOKENS_PROPERTY, "lots");
      assertThatThrownBy(() -> call("fib", new Class<?>[] {int.class}, 20))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the system property wasmformer.maxTokens is not a number of tokens: lots");

      System.setProperty(EntryPointGenerator.MAX_TOKENS_PROPERTY, "1000000");
      assertThat(call("fib", new Class<?>[] {int.class}, 20)).isEqualTo(6765);
    } finally {
      if (previous == null) System.clearProperty(EntryPointGenerator.MAX_TOKENS_PROPERTY);
      else System.setProperty(EntryPointGenerator.MAX_TOKENS_PROPERTY, previous);
    }
  }

  @Test
  void methodsThatJavaCouldNotTellApartAreRefused() {
    List<EntryPoint> clashing = List.of(
        EntryPoint.ofWasm("is_prime", "is_prime", List.of(NumberType.I32), Optional.of(NumberType.I32), List.of("n")),
        EntryPoint.ofWasm("isPrime", "isPrime", List.of(NumberType.I32), Optional.of(NumberType.I32), List.of("n")));

    assertThatThrownBy(() -> EntryPointGenerator.generate(CLASS, "demo", clashing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the typed entry point runIsPrime(RunOptions) of program isPrime clashes with program"
            + " is_prime; rename a program, or set wasmformer.generateEntryPoints=false");
  }

  @Test
  void aProgramCannotTakeTheAccessorsName() {
    List<EntryPoint> clashing = List.of(
        EntryPoint.ofWasm("loadedBundle", "main", List.of(), Optional.empty(), List.of()));

    assertThatThrownBy(() -> EntryPointGenerator.generate(CLASS, "demo", clashing))
        .hasMessageStartingWith("the typed entry point loadedBundle() of program loadedBundle clashes with the"
            + " bundle accessor");
  }

  @Test
  void longParametersAndVoidResultsMapToLongAndVoid() throws Exception {
    List<EntryPoint> programs = List.of(
        EntryPoint.ofWasm("wide", "wide", List.of(NumberType.I64, NumberType.I32), Optional.of(NumberType.I64),
            List.of("x", "y")),
        EntryPoint.ofWasm("effect", "effect", List.of(NumberType.I32), Optional.empty(), List.of("x")));
    Path dir = Files.createTempDirectory(classpath, "wide");
    write(dir, EntryPointGenerator.generate("w.Wide", "wide", programs));

    Class<?> wide = load(dir, "w.Wide");

    assertThat(wide.getMethod("wide", long.class, int.class).getReturnType()).isEqualTo(long.class);
    assertThat(wide.getMethod("effect", int.class).getReturnType()).isEqualTo(void.class);
  }

  private static Object call(String method, Class<?>[] types, Object... args) throws Exception {
    return invoke(demo.getMethod(method, types), args);
  }

  /** Calls a static method; what it throws comes out unwrapped. */
  private static Object invoke(Method method, Object... args) throws Exception {
    try {
      return method.invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) throw cause;
      throw (Error) e.getCause();
    }
  }

  /** Writes the source below {@code dir}/src and compiles it into {@code dir}, as a project's javac would. */
  private static void write(Path dir, EntryPointGenerator.GeneratedSource source) throws Exception {
    Path file = dir.resolve("src").resolve(source.relativePath());
    Files.createDirectories(file.getParent());
    Files.write(file, source.bytes());
    GeneratedSources.compile(dir.resolve("src"), dir);
  }

  /** Loads {@code name} from {@code dir}, with the runtime from the test's own class loader. */
  private static Class<?> load(Path dir, String name) throws Exception {
    URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        EntryPointGeneratorTest.class.getClassLoader());
    return Class.forName(name, true, loader);
  }

  private static String location(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
