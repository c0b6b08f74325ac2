package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A C export's pointer parameters become {@code byte[]} parameters of its typed entry point:
 * the array's bytes are in the program's memory when it starts, and the array holds the
 * memory's bytes there when it returns.
 */
class BufferEntryPointsTest {
  private static final String SOURCE = """
      __attribute__((export_name("upcase"))) void upcase(char *s, int n) {
        for (int i = 0; i < n; i++) if (s[i] >= 'a' && s[i] <= 'z') s[i] -= 32;
      }
      __attribute__((export_name("dot"))) long long dot(const int *a, const int *b, int n) {
        long long s = 0;
        for (int i = 0; i < n; i++) s += (long long) a[i] * b[i];
        return s;
      }
      __attribute__((export_name("fill"))) float fill(float *xs, int n, float step) {
        float x = 0;
        for (int i = 0; i < n; i++) { xs[i] = x; x += step; }
        return x;
      }
      struct point { int x, y; };
      __attribute__((export_name("swap_point"))) int swap_point(struct point *p) {
        int t = p->x; p->x = p->y; p->y = t;
        return p->x + p->y;
      }
      """;

  @TempDir static Path dir;

  private static Class<?> programs;
  private static TestProject project;

  @BeforeAll
  static void compileGenerateAndLoad() throws Exception {
    project = new TestProject(dir);
    Files.createDirectories(project.c("").toAbsolutePath());
    Files.writeString(project.c("buffers.c"), SOURCE);
    new BundleBuild(project.request(), new RecordingLog()).run();
    // javac compiles the generated source as the project's build would; the output directory holds the bundle.
    programs = GeneratedSources.compileAndLoad(project.generatedSources(), project.classes(), project.outputDirectory(),
        "wasmformer.generated.Demo");
  }

  @Test
  void everyPointerParameterIsAByteArray() throws Exception {
    assertThat(programs.getMethod("upcase", byte[].class, int.class).getReturnType()).isEqualTo(void.class);
    assertThat(programs.getMethod("dot", byte[].class, byte[].class, int.class).getReturnType()).isEqualTo(long.class);
    assertThat(programs.getMethod("fill", byte[].class, int.class, float.class).getReturnType()).isEqualTo(float.class);
    assertThat(programs.getMethod("swap_point", byte[].class).getReturnType()).isEqualTo(int.class);
  }

  @Test
  void theArrayComesBackWithWhatTheProgramWrote() throws Throwable {
    byte[] s = "mixed Case, 42!".getBytes(StandardCharsets.US_ASCII);
    assertThat(call("upcase", s, s.length)).isNull();
    assertThat(new String(s, StandardCharsets.US_ASCII)).isEqualTo("MIXED CASE, 42!");
    // only the first n bytes are the program's to change
    byte[] part = "abcdef".getBytes(StandardCharsets.US_ASCII);
    call("upcase", part, 3);
    assertThat(new String(part, StandardCharsets.US_ASCII)).isEqualTo("ABCdef");
  }

  @Test
  void arraysOfIntsFloatsAndStructsAreLittleEndianBytes() throws Throwable {
    byte[] a = ints(3, -4, 100000, 7);
    byte[] b = ints(5, 6, 100000, -1);
    assertThat(call("dot", a, b, 4)).isEqualTo(3L * 5 - 4 * 6 + 100000L * 100000 - 7);

    byte[] xs = new byte[4 * 5];
    assertThat(call("fill", xs, 5, 0.25f)).isEqualTo(1.25f);
    ByteBuffer filled = ByteBuffer.wrap(xs).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 5; i++) assertThat(filled.getFloat()).isEqualTo(0.25f * i);

    byte[] point = ints(11, -2);
    assertThat(call("swap_point", (Object) point)).isEqualTo(9);
    assertThat(point).isEqualTo(ints(-2, 11));
  }

  @Test
  void javacCompilesApplicationCodeThatPassesByteArrays(@TempDir Path sources) throws Exception {
    Path app = sources.resolve("App.java");
    Files.writeString(app, """
        import wasmformer.generated.Demo;
        class App {
          static String shout(String s) {
            byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Demo.upcase(bytes, bytes.length);
            return new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
          }
          static long dot(byte[] a, byte[] b, int n) { return Demo.dot(a, b, n); }
        }
        """);
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
    String runtime = Path.of(dev.wasmformer.runtime.LoadedBundle.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI()).toString();
    String cp = project.classes() + java.io.File.pathSeparator + runtime;

    int status = javac.run(null, diagnostics, diagnostics, "-Werror", "-d", sources.toString(), "-cp", cp,
        app.toString());

    assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
  }

  @Test
  void aNullArrayIsRefused() {
    assertThatThrownBy(() -> call("upcase", null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is null");
  }

  private static byte[] ints(int... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) b.putInt(v);
    return b.array();
  }

  private static Object call(String program, Object... args) throws Throwable {
    Method method = null;
    for (Method m : programs.getMethods()) {
      if (m.getName().equals(program) && m.getParameterCount() == args.length) method = m;
    }
    assertThat(method).as("the method of %s", program).isNotNull();
    try {
      return method.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
