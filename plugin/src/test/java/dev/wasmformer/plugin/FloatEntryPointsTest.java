package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A C program's float and double exports become typed entry points taking and returning
 * Java floats and doubles, and compute what Java computes, on the transformer.
 */
class FloatEntryPointsTest {
  private static final String SOURCE = """
      __attribute__((export_name("scale"))) float scale(float x, int k) { return x * k; }
      __attribute__((export_name("mix"))) double mix(double a, double b) { return a * 0.5 + b; }
      __attribute__((export_name("narrow"))) float narrow(double d) { return (float) d; }
      __attribute__((export_name("same_float"))) float same_float(float x) { return x; }
      __attribute__((export_name("same_double"))) double same_double(double x) { return x; }
      __attribute__((export_name("is_negative_zero"))) int is_negative_zero(float x) {
        return x == 0.0f && 1.0f / x < 0.0f;
      }
      __attribute__((export_name("twice"))) long long twice(long long n) { return 2 * n; }
      """;

  @TempDir static Path dir;

  private static Class<?> programs;

  @BeforeAll
  static void compileGenerateAndLoad() throws Exception {
    TestProject project = new TestProject(dir);
    Files.createDirectories(project.c("").toAbsolutePath());
    Files.writeString(project.c("floats.c"), SOURCE);
    new BundleBuild(project.request(), new RecordingLog()).run();
    // javac compiles the generated source as the project's build would; the output directory holds the bundle.
    programs = GeneratedSources.compileAndLoad(project.generatedSources(), project.classes(), project.outputDirectory(),
        "wasmformer.generated.Demo");
  }

  @Test
  void floatAndDoubleParametersAndResultsHaveTheirJavaTypes() throws Throwable {
    assertThat(programs.getMethod("scale", float.class, int.class).getReturnType()).isEqualTo(float.class);
    assertThat(programs.getMethod("mix", double.class, double.class).getReturnType()).isEqualTo(double.class);
    assertThat(programs.getMethod("narrow", double.class).getReturnType()).isEqualTo(float.class);
    assertThat(programs.getMethod("is_negative_zero", float.class).getReturnType()).isEqualTo(int.class);
    assertThat(programs.getMethod("twice", long.class).getReturnType()).isEqualTo(long.class);
  }

  @Test
  void floatResultsEqualJavasOwnArithmetic() throws Throwable {
    float[] xs = {1.5f, -2.25f, 3.1f, 1e30f};
    int[] ks = {3, -7, 1000, 17};
    for (int i = 0; i < xs.length; i++) {
      float expected = xs[i] * ks[i];
      assertThat(Float.floatToRawIntBits((float) call("scale", xs[i], ks[i])))
          .as("scale(%s, %s)", xs[i], ks[i]).isEqualTo(Float.floatToRawIntBits(expected));
    }
    assertThat((float) call("scale", -0.0f, 5)).isEqualTo(-0.0f).matches(f -> 1 / f < 0, "is negative zero");
    assertThat((float) call("scale", Float.POSITIVE_INFINITY, -2)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat((float) call("scale", Float.NaN, 2)).isNaN();
  }

  @Test
  void doubleResultsEqualJavasOwnArithmetic() throws Throwable {
    double[][] cases = {{1.0, 2.0}, {-3.75, 0.1}, {1e300, -1e300}, {Math.PI, Math.E}};
    for (double[] c : cases) {
      assertThat(Double.doubleToRawLongBits((double) call("mix", c[0], c[1])))
          .as("mix(%s, %s)", c[0], c[1]).isEqualTo(Double.doubleToRawLongBits(c[0] * 0.5 + c[1]));
    }
    for (double d : new double[] {0.1, -1e-40, 3.4e38, 1e39}) {
      assertThat(Float.floatToRawIntBits((float) call("narrow", d))).as("narrow(%s)", d)
          .isEqualTo(Float.floatToRawIntBits((float) d));
    }
  }

  @Test
  void specialValuesRoundTripThroughAParameterBitForBit() throws Throwable {
    float[] floats = {-0.0f, Float.NaN, Float.intBitsToFloat(0xffc0_1234), Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE};
    for (float f : floats) {
      assertThat(Float.floatToRawIntBits((float) call("same_float", f)))
          .as("same_float(%08x)", Float.floatToRawIntBits(f)).isEqualTo(Float.floatToRawIntBits(f));
    }
    double[] doubles = {-0.0, Double.NaN, Double.longBitsToDouble(0x7ff0_0000_dead_beefL), Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE};
    for (double d : doubles) {
      assertThat(Double.doubleToRawLongBits((double) call("same_double", d)))
          .as("same_double(%016x)", Double.doubleToRawLongBits(d)).isEqualTo(Double.doubleToRawLongBits(d));
    }
    // The program itself sees the sign of a negative zero it was passed.
    assertThat(call("is_negative_zero", -0.0f)).isEqualTo(1);
    assertThat(call("is_negative_zero", 0.0f)).isEqualTo(0);
  }

  @Test
  void integerExportsKeepTheirIntegerTypes() throws Throwable {
    assertThat(call("twice", -21L)).isEqualTo(-42L);
    assertThat(call("twice", 1L << 40)).isEqualTo(1L << 41);
  }

  /** Calls the generated method of {@code program} with arguments of their own primitive types. */
  private static Object call(String program, Object... args) throws Throwable {
    Method method = null;
    for (Method m : programs.getMethods()) {
      if (m.getName().equals(dev.wasmformer.plugin.codegen.JavaNames.methodName(program))
          && m.getParameterCount() == args.length) {
        method = m;
      }
    }
    assertThat(method).as("the method of %s", program).isNotNull();
    try {
      return method.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
