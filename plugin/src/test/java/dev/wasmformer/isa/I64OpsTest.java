package dev.wasmformer.isa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import dev.wasmformer.testing.TestPrograms;
import dev.wasmformer.testing.Wat;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each i64 operation of {@link I64Ops} computes what Chicory computes, traps included. */
class I64OpsTest {
  private static final int RANDOM_PAIRS = 200;

  /** The i64 instructions with an opcode of their own (and, or, xor are two i32 operations). */
  static Stream<String> opsWithAnOpcode() {
    return TestPrograms.BINARY_OPS_64.stream().filter(op -> opcode(op) != null);
  }

  @ParameterizedTest
  @MethodSource("opsWithAnOpcode")
  void operationMatchesChicoryOnEdgeAndRandomOperands(String op) {
    ExportFunction chicory = chicory(TestPrograms.binaryOpModule64(op));
    Opcode opcode = opcode(op);
    for (long a : TestPrograms.EDGE_OPERANDS_64) {
      for (long b : TestPrograms.EDGE_OPERANDS_64) {
        assertSame(op, chicory, opcode, a, b);
      }
    }
    Random random = new Random(op.hashCode());
    for (int i = 0; i < RANDOM_PAIRS; i++) {
      long a = random.nextLong() >> random.nextInt(64);
      long b = i % 3 == 0 ? random.nextInt(128) : random.nextLong() >> random.nextInt(64);
      assertSame(op, chicory, opcode, a, b);
    }
  }

  @Test
  void eqzMatchesChicory() {
    ExportFunction chicory = chicory(TestPrograms.unaryOpModule64("eqz"));
    for (long a : TestPrograms.EDGE_OPERANDS_64) {
      assertThat(I64Ops.eqz(a)).as("eqz %d", a).isEqualTo((int) chicory.apply(a)[0]);
    }
  }

  @Test
  void pairsSplitIntoLowAndHighWords() {
    for (long v : TestPrograms.EDGE_OPERANDS_64) {
      assertThat(I64Ops.pair(I64Ops.low(v), I64Ops.high(v))).isEqualTo(v);
    }
    assertThat(I64Ops.low(0x1234_5678_9ABC_DEF0L)).isEqualTo(0x9ABC_DEF0);
    assertThat(I64Ops.high(0x1234_5678_9ABC_DEF0L)).isEqualTo(0x1234_5678);
    assertThat(I64Ops.pair(-1, 0)).isEqualTo(0xFFFF_FFFFL);
  }

  @Test
  void divisionTrapsCarryTheirCause() {
    assertThatThrownBy(() -> I64Ops.divU(1, 0))
        .extracting(t -> ((Trap) t).trapCause()).isEqualTo(Trap.Cause.INTEGER_DIVIDE_BY_ZERO);
    assertThatThrownBy(() -> I64Ops.divS(Long.MIN_VALUE, -1))
        .extracting(t -> ((Trap) t).trapCause()).isEqualTo(Trap.Cause.INTEGER_OVERFLOW);
    assertThatThrownBy(() -> I64Ops.remS(1, 0))
        .extracting(t -> ((Trap) t).trapCause()).isEqualTo(Trap.Cause.INTEGER_DIVIDE_BY_ZERO);
    assertThat(I64Ops.remS(Long.MIN_VALUE, -1)).isZero();
  }

  @Test
  void everyI64OpcodeIsABinaryOperationAComparisonOrEqz() {
    for (Opcode op : Opcode.values()) {
      int classes = (I64Ops.isBinary(op) ? 1 : 0) + (I64Ops.isComparison(op) ? 1 : 0)
          + (op == Opcode.EQZ64 ? 1 : 0);
      assertThat(classes).as(op.name()).isEqualTo(op.isI64() ? 1 : 0);
    }
    assertThat(opsWithAnOpcode().count())
        .isEqualTo(Stream.of(Opcode.values()).filter(op -> op.isI64() && op != Opcode.EQZ64).count());
  }

  private static void assertSame(String op, ExportFunction chicory, Opcode opcode, long a, long b) {
    boolean comparison = I64Ops.isComparison(opcode);
    String expected;
    try {
      long result = chicory.apply(a, b)[0];
      expected = Long.toString(comparison ? (int) result : result);
    } catch (ChicoryException e) {
      expected = "trap " + e.getMessage();
    }
    String actual;
    try {
      actual = Long.toString(comparison ? I64Ops.compare(opcode, a, b) : I64Ops.binary(opcode, a, b));
    } catch (Trap t) {
      actual = "trap " + t.trapCause().text();
    }
    assertThat(actual).as("i64.%s %d %d", op, a, b).isEqualToIgnoringCase(expected);
  }

  /** The ISA opcode of an i64 instruction ("div_s" -> DIV64_S), or null if it has none. */
  static Opcode opcode(String wasmOp) {
    String name = wasmOp.toUpperCase(Locale.ROOT);
    int underscore = name.indexOf('_');
    String pairName = underscore < 0 ? name + "64" : name.substring(0, underscore) + "64" + name.substring(underscore);
    try {
      return Opcode.valueOf(pairName);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ExportFunction chicory(String wat) {
    return Instance.builder(Parser.parse(Wat.assemble(wat))).build().export("main");
  }
}
