package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares the soft-float arithmetic (C operators compiled by us into calls of the libc's
 * integer routines, run in Chicory) with Java's float and double arithmetic, which is IEEE 754
 * with round-to-nearest-even, over edge values (zeros, subnormals, infinities, NaNs, the
 * extremes, halfway cases) and random bit patterns. A NaN result must be a NaN; any other
 * result must have the same bits, the sign of zero included.
 */
class SoftFloatDifferentialTest {
  private static final int RANDOM = 1500;
  private static byte[] wasm;
  private static Instance instance;

  @BeforeAll
  static void compile() throws IOException {
    String text;
    try (InputStream in = SoftFloatDifferentialTest.class.getResourceAsStream("/c/softfloat/ops.c")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    CompileResult r = new CCompiler().compile(new SourceFile("ops.c", text), CompileOptions.defaults());
    assertThat(r.success()).as(r.render()).isTrue();
    wasm = r.wasm();
    instance = Instance.builder(Parser.parse(wasm)).withStart(false)
        .withImportValues(ImportValues.builder().addFunction(WasmRunner.STACK_OVERFLOW).build()).build();
  }

  @Test
  void theModulesHaveNoFloatingPointInstructionOrValue() {
    CompileResult printing = new CCompiler().compile(new SourceFile("p.c", """
        #include <stdio.h>
        int main(void) { float f = 2.5f; double d = f / 3; printf("%f %e %g\\n", d, d * 1e300, f); return d > 1; }
        """), CompileOptions.defaults());
    assertThat(printing.success()).as(printing.render()).isTrue();
    for (byte[] module : List.of(wasm, printing.wasm())) {
      WasmModule m = Parser.parse(module);
      int instructions = 0;
      for (FunctionBody body : m.codeSection().functionBodies()) {
        assertThat(body.localTypes()).doesNotContain(ValType.F32, ValType.F64);
        for (var i : body.instructions()) {
          assertThat(i.opcode().name()).doesNotContain("F32").doesNotContain("F64");
          instructions++;
        }
      }
      for (int f = 0; f < m.functionSection().functionCount(); f++) {
        FunctionType t = m.typeSection().getType(m.functionSection().getFunctionType(f));
        assertThat(t.params()).doesNotContain(ValType.F32, ValType.F64);
        assertThat(t.returns()).doesNotContain(ValType.F32, ValType.F64);
      }
      assertThat(instructions).isGreaterThan(1000);
    }
  }

  private static long call(String name, long... args) {
    ExportFunction f = instance.export(name);
    return f.apply(args)[0];
  }

  // ---- inputs ----

  private static final double[] DOUBLE_EDGES = {
    0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.longBitsToDouble(0x000F_FFFF_FFFF_FFFFL),
    Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, 1.5, 2.0, 3.0, 0.1,
    1.0 / 3, Math.PI, 0x1p52, 0x1p53, 0x1p53 + 2, 0x1p63, -0x1p63, 0x1p64, 0x1p31, -0x1p31, 0x1p32, 2147483647.5,
    -2147483648.5, 1 + 0x1p-52, 1 - 0x1p-53, 0.5, 2.5, -2.5, 1e308, 1e-308, 4.9e-324 * 3, Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY, Double.NaN, Double.longBitsToDouble(0xFFF8_0000_0000_0001L),
    Double.longBitsToDouble(0x7FF0_0000_0000_0001L), 123456789.123, -9.75e-5,
  };

  private static List<Long> doubles() {
    List<Long> out = new ArrayList<>();
    for (double d : DOUBLE_EDGES) out.add(Double.doubleToRawLongBits(d));
    Random rnd = new Random(42);
    for (int i = 0; i < RANDOM; i++) out.add(randomDouble(rnd));
    return out;
  }

  /** Mostly modest exponents (where cancellation and rounding are interesting), some any bits. */
  private static long randomDouble(Random rnd) {
    long bits = rnd.nextLong();
    return switch (rnd.nextInt(4)) {
      case 0 -> bits;
      case 1 -> (bits & 0x800F_FFFF_FFFF_FFFFL) | ((long) (1023 + rnd.nextInt(9) - 4) << 52);
      case 2 -> (bits & 0x800F_FFFF_FFFF_FFFFL) | ((long) (rnd.nextInt(60)) << 52);
      default -> (bits & 0x800F_FFFF_FFFF_F000L) | ((long) (1000 + rnd.nextInt(90)) << 52);
    };
  }

  /** Pairs: edges against edges, and random pairs, half of them with nearby exponents. */
  private static List<long[]> doublePairs() {
    List<long[]> out = new ArrayList<>();
    for (double a : DOUBLE_EDGES) {
      for (double b : DOUBLE_EDGES) out.add(new long[] {Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(b)});
    }
    Random rnd = new Random(7);
    for (int i = 0; i < 2 * RANDOM; i++) {
      long a = randomDouble(rnd);
      long b = randomDouble(rnd);
      if (i % 2 == 0) b = (b & 0x800F_FFFF_FFFF_FFFFL) | ((a & 0x7FF0_0000_0000_0000L) + ((long) (rnd.nextInt(5) - 2) << 52));
      if (i % 7 == 0) b = a ^ (rnd.nextInt(3) == 0 ? Long.MIN_VALUE : 1L << rnd.nextInt(8));
      out.add(new long[] {a, b});
    }
    return out;
  }

  private static List<long[]> floatPairs() {
    List<long[]> out = new ArrayList<>();
    List<Long> fs = floats();
    for (int i = 0; i < 45; i++) for (int j = 0; j < 45; j++) out.add(new long[] {fs.get(i), fs.get(j)});
    Random rnd = new Random(9);
    for (int i = 0; i < 4 * RANDOM; i++) {
      long a = randomFloat(rnd);
      long b = i % 2 == 0 ? (randomFloat(rnd) & 0x807F_FFFFL) | (a & 0x7F80_0000L) : randomFloat(rnd);
      out.add(new long[] {a, b});
    }
    return out;
  }

  private static final float[] FLOAT_EDGES = {
    0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.intBitsToFloat(0x007F_FFFF), Float.MIN_NORMAL, Float.MAX_VALUE,
    -Float.MAX_VALUE, 1f, -1f, 1.5f, 2f, 3f, 0.1f, 1f / 3, 0x1p24f, 0x1p24f + 2, 0x1p31f, -0x1p31f, 0x1p63f, 0.5f,
    2.5f, -2.5f, 1e38f, 1e-38f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
    Float.intBitsToFloat(0xFFC0_0001), Float.intBitsToFloat(0x7F80_0001), 16777217f, 1 + 0x1p-23f, 1 - 0x1p-24f,
    7.25f, -1e-40f, 3e-45f, 65504f, 123.456f, -0.75f, 1e10f, 2147483520f, -2147483648f, 9.5f, 1e-10f, 42f,
  };

  private static List<Long> floats() {
    List<Long> out = new ArrayList<>();
    for (float f : FLOAT_EDGES) out.add(Float.floatToRawIntBits(f) & 0xFFFF_FFFFL);
    Random rnd = new Random(43);
    for (int i = 0; i < RANDOM; i++) out.add(randomFloat(rnd));
    return out;
  }

  private static long randomFloat(Random rnd) {
    long bits = rnd.nextInt() & 0xFFFF_FFFFL;
    return switch (rnd.nextInt(3)) {
      case 0 -> bits;
      case 1 -> (bits & 0x807F_FFFFL) | ((long) (127 + rnd.nextInt(9) - 4) << 23);
      default -> (bits & 0x807F_FFFFL) | ((long) rnd.nextInt(30) << 23);
    };
  }

  // ---- checks ----

  private static void checkDouble(String name, LongBinaryOperator expected) {
    int checked = 0;
    for (long[] p : doublePairs()) {
      long want = expected.applyAsLong(p[0], p[1]);
      long got = call(name, p[0], p[1]);
      String what = name + "(" + Double.longBitsToDouble(p[0]) + " [" + Long.toHexString(p[0]) + "], "
          + Double.longBitsToDouble(p[1]) + " [" + Long.toHexString(p[1]) + "])";
      if (Double.isNaN(Double.longBitsToDouble(want))) {
        assertThat(Double.isNaN(Double.longBitsToDouble(got))).as(what + " is NaN, got " + Long.toHexString(got)).isTrue();
      } else {
        assertThat(Long.toHexString(got)).as(what + " = " + Double.longBitsToDouble(want)).isEqualTo(Long.toHexString(want));
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(RANDOM);
  }

  private static void checkFloat(String name, LongBinaryOperator expected) {
    for (long[] p : floatPairs()) {
      long want = expected.applyAsLong(p[0], p[1]) & 0xFFFF_FFFFL;
      long got = call(name, p[0], p[1]) & 0xFFFF_FFFFL;
      String what = name + "(" + f(p[0]) + " [" + Long.toHexString(p[0]) + "], " + f(p[1]) + " [" + Long.toHexString(p[1]) + "])";
      if (Float.isNaN(f(want))) {
        assertThat(Float.isNaN(f(got))).as(what + " is NaN, got " + Long.toHexString(got)).isTrue();
      } else {
        assertThat(Long.toHexString(got)).as(what + " = " + f(want)).isEqualTo(Long.toHexString(want));
      }
    }
  }

  private static void checkUnary(String name, List<Long> inputs, LongUnaryOperator expected, boolean resultIsDouble,
      long resultMask) {
    for (long a : inputs) {
      long want = expected.applyAsLong(a) & resultMask;
      long got = call(name, a) & resultMask;
      boolean nan = resultIsDouble ? Double.isNaN(Double.longBitsToDouble(want)) : resultMask == 0xFFFF_FFFFL
          && name.matches(".*2f|fsqrt") && Float.isNaN(f(want));
      String what = name + "(" + Long.toHexString(a) + ")";
      if (nan) {
        boolean gotNan = resultIsDouble ? Double.isNaN(Double.longBitsToDouble(got)) : Float.isNaN(f(got));
        assertThat(gotNan).as(what + " is NaN, got " + Long.toHexString(got)).isTrue();
      } else {
        assertThat(Long.toHexString(got)).as(what).isEqualTo(Long.toHexString(want));
      }
    }
  }

  private static double d(long bits) {
    return Double.longBitsToDouble(bits);
  }

  private static float f(long bits) {
    return Float.intBitsToFloat((int) bits);
  }

  private static long db(double v) {
    return Double.doubleToRawLongBits(v);
  }

  private static long fb(float v) {
    return Float.floatToRawIntBits(v) & 0xFFFF_FFFFL;
  }

  private static int relations(double x, double y) {
    return (x < y ? 1 : 0) | (x <= y ? 2 : 0) | (x == y ? 4 : 0) | (x != y ? 8 : 0) | (x > y ? 16 : 0)
        | (x >= y ? 32 : 0) | (x != 0 ? 64 : 0);
  }

  // ---- tests ----

  @Test
  void doubleAdditionAndSubtractionAreCorrectlyRounded() {
    checkDouble("dadd", (a, b) -> db(d(a) + d(b)));
    checkDouble("dsub", (a, b) -> db(d(a) - d(b)));
  }

  @Test
  void doubleMultiplicationAndDivisionAreCorrectlyRounded() {
    checkDouble("dmul", (a, b) -> db(d(a) * d(b)));
    checkDouble("ddiv", (a, b) -> db(d(a) / d(b)));
  }

  @Test
  void doubleComparisonsFollowIeeeIncludingNanAndSignedZero() {
    for (long[] p : doublePairs()) {
      assertThat(call("dcmp", p[0], p[1])).as("dcmp(%s, %s)", d(p[0]), d(p[1])).isEqualTo(relations(d(p[0]), d(p[1])));
    }
  }

  @Test
  void floatArithmeticAndComparisonsMatchJava() {
    checkFloat("fadd", (a, b) -> fb(f(a) + f(b)));
    checkFloat("fsub", (a, b) -> fb(f(a) - f(b)));
    checkFloat("fmul", (a, b) -> fb(f(a) * f(b)));
    checkFloat("fdiv", (a, b) -> fb(f(a) / f(b)));
    for (long[] p : floatPairs()) {
      assertThat(call("fcmp", p[0], p[1])).as("fcmp(%s, %s)", f(p[0]), f(p[1])).isEqualTo(relations(f(p[0]), f(p[1])));
    }
  }

  @Test
  void squareRootsAndRoundingToIntegersMatchJava() {
    checkUnary("dsqrt", doubles(), a -> db(Math.sqrt(d(a))), true, -1L);
    checkUnary("fsqrt", floats(), a -> fb((float) Math.sqrt(f(a))), false, 0xFFFF_FFFFL);
    checkUnary("dfloor", doubles(), a -> db(Math.floor(d(a))), true, -1L);
    checkUnary("dceil", doubles(), a -> db(Math.ceil(d(a))), true, -1L);
    checkUnary("dtrunc", doubles(), a -> db(d(a) < 0 ? Math.ceil(d(a)) : Math.floor(d(a))), true, -1L);
    checkUnary("dneg", doubles(), a -> a ^ Long.MIN_VALUE, false, -1L);
    // A float's integral neighbours are floats, so Java's double rounding is exact; a NaN comes back quieted, bit for bit.
    checkUnary("ffloor", floats(), a -> floatRounding(a, Math.floor(f(a))), false, 0xFFFF_FFFFL);
    checkUnary("fceil", floats(), a -> floatRounding(a, Math.ceil(f(a))), false, 0xFFFF_FFFFL);
    checkUnary("ftrunc", floats(), a -> floatRounding(a, f(a) < 0 ? Math.ceil(f(a)) : Math.floor(f(a))), false,
        0xFFFF_FFFFL);
  }

  private static long floatRounding(long a, double rounded) {
    return Float.isNaN(f(a)) ? a | 0x40_0000L : fb((float) rounded);
  }

  @Test
  void conversionsBetweenFloatAndDoubleMatchJava() {
    checkUnary("f2d", floats(), a -> db(f(a)), true, -1L);
    checkUnary("d2f", doubles(), a -> fb((float) d(a)), false, 0xFFFF_FFFFL);
  }

  @Test
  void conversionsFromIntegersAreCorrectlyRounded() {
    List<Long> ints = new ArrayList<>();
    Random rnd = new Random(5);
    for (long v : new long[] {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
        (1L << 53) + 1, (1L << 24) + 1, -(1L << 53) - 1, 0x8000_0000_0000_0400L, 0xFFFF_FFFF_FFFF_FC00L}) {
      ints.add(v);
    }
    for (int i = 0; i < RANDOM; i++) ints.add(rnd.nextLong() >> rnd.nextInt(64));
    checkUnary("i2d", ints, a -> db((int) a), true, -1L);
    checkUnary("u2d", ints, a -> db(a & 0xFFFF_FFFFL), true, -1L);
    checkUnary("l2d", ints, a -> db(a), true, -1L);
    checkUnary("ul2d", ints, a -> db(unsigned(a).doubleValue()), true, -1L);
    checkUnary("i2f", ints, a -> fb((int) a), false, 0xFFFF_FFFFL);
    checkUnary("u2f", ints, a -> fb(a & 0xFFFF_FFFFL), false, 0xFFFF_FFFFL);
    checkUnary("l2f", ints, a -> fb(a), false, 0xFFFF_FFFFL);
    checkUnary("ul2f", ints, a -> fb(unsigned(a).floatValue()), false, 0xFFFF_FFFFL);
  }

  private static BigInteger unsigned(long a) {
    return new BigInteger(Long.toUnsignedString(a));
  }

  @Test
  void conversionsToIntegersTruncateAndGiveTheX86ValueOutOfRange() {
    List<Long> ds = doubles();
    checkUnary("d2i", ds, a -> Double.isNaN(d(a)) || d(a) >= 0x1p31 || d(a) <= -0x1p31 - 1 ? Integer.MIN_VALUE
        : (int) d(a), false, 0xFFFF_FFFFL);
    checkUnary("d2l", ds, a -> toLong(d(a)), false, -1L);
    checkUnary("d2u", ds, a -> toLong(d(a)), false, 0xFFFF_FFFFL);
    checkUnary("d2ul", ds, a -> {
      double x = d(a);
      if (Double.isNaN(x) || x < 0x1p63) return toLong(x);
      return x >= 0x1p64 ? 0 : new BigDecimal(x).toBigInteger().longValue();
    }, false, -1L);
    checkUnary("f2i", floats(), a -> Float.isNaN(f(a)) || f(a) >= 0x1p31f || f(a) < -0x1p31f ? Integer.MIN_VALUE
        : (int) f(a), false, 0xFFFF_FFFFL);
    checkUnary("f2l", floats(), a -> toLong(f(a)), false, -1L);
  }

  @Test
  void strtodAndStrtofRoundDecimalTextCorrectly() {
    List<String> texts = new ArrayList<>(List.of("0", "1", "0.1", "1e23", "2.2250738585072011e-308",
        "4.9406564584124654e-324", "2.4703282292062328e-324", "1.7976931348623158e308", "3.4028235677973366e38",
        "1.17549435e-38", "7.0064923e-46"));
    Random rnd = new Random(11);
    for (int i = 0; i < 120; i++) {
      double x = Math.abs(d(randomDouble(rnd)));
      if (Double.isNaN(x) || Double.isInfinite(x)) continue;
      texts.add(Double.toString(x));
      float f = (float) x;
      if (!Float.isInfinite(f)) texts.add(Float.toString(f));
      if (x < Double.MAX_VALUE) {
        // The exact midpoint with the next double (a tie), and just above and below it.
        BigDecimal mid = new BigDecimal(x).add(new BigDecimal(Math.nextUp(x))).divide(BigDecimal.valueOf(2));
        BigDecimal tiny = mid.ulp();
        texts.add(mid.toString());
        texts.add(mid.add(tiny).toString());
        texts.add(mid.subtract(tiny).toString());
      }
      if (i % 2 == 0 && !Float.isInfinite(f) && f < Float.MAX_VALUE) {
        BigDecimal fmid = new BigDecimal(f).add(new BigDecimal(Math.nextUp(f))).divide(BigDecimal.valueOf(2));
        texts.add(fmid.toPlainString().length() < 1000 ? fmid.toPlainString() : fmid.toString());
      }
      StringBuilder digits = new StringBuilder();
      int n = 1 + rnd.nextInt(30);
      for (int k = 0; k < n; k++) digits.append((char) ('0' + rnd.nextInt(10)));
      texts.add(digits + "." + digits + "e" + (rnd.nextInt(700) - 350));
    }
    int address = (int) call("text_buffer");
    for (String t : texts) {
      assertThat(t.length()).isLessThan(1199);
      byte[] bytes = (t + "\0").getBytes(StandardCharsets.US_ASCII);
      instance.memory().write(address, bytes);
      assertThat(Long.toHexString(call("parse_d"))).as("strtod(\"%s\")", t)
          .isEqualTo(Long.toHexString(db(Double.parseDouble(t))));
      assertThat(Long.toHexString(call("parse_f") & 0xFFFF_FFFFL)).as("strtof(\"%s\")", t)
          .isEqualTo(Long.toHexString(fb(Float.parseFloat(t))));
    }
  }

  private static long toLong(double x) {
    return Double.isNaN(x) || x >= 0x1p63 || x < -0x1p63 ? Long.MIN_VALUE : (long) x;
  }
}
