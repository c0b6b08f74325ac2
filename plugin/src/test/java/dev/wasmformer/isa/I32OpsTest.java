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

/** Each i32 operation of {@link I32Ops} computes what Chicory computes, traps included. */
class I32OpsTest {
  private static final int RANDOM_PAIRS = 300;

  static Stream<String> binaryOps() {
    return TestPrograms.BINARY_OPS.stream();
  }

  static Stream<String> unaryOps() {
    return TestPrograms.UNARY_OPS.stream();
  }

  @ParameterizedTest
  @MethodSource("binaryOps")
  void binaryOperationMatchesChicoryOnEdgeAndRandomOperands(String op) {
    ExportFunction chicory = chicory(TestPrograms.binaryOpModule(op));
    Opcode opcode = opcode(op);
    for (int a : TestPrograms.EDGE_OPERANDS) {
      for (int b : TestPrograms.EDGE_OPERANDS) {
        assertSame(op, chicory, a, b, () -> I32Ops.binary(opcode, a, b));
      }
    }
    Random random = new Random(op.hashCode());
    for (int i = 0; i < RANDOM_PAIRS; i++) {
      int a = random.nextInt();
      int b = i % 3 == 0 ? random.nextInt(64) : random.nextInt();
      assertSame(op, chicory, a, b, () -> I32Ops.binary(opcode, a, b));
    }
  }

  @ParameterizedTest
  @MethodSource("unaryOps")
  void unaryOperationMatchesChicoryOnEdgeAndRandomOperands(String op) {
    ExportFunction chicory = chicory(TestPrograms.unaryOpModule(op));
    Opcode opcode = opcode(op);
    Random random = new Random(op.hashCode());
    int[] operands = new int[TestPrograms.EDGE_OPERANDS.length + RANDOM_PAIRS];
    System.arraycopy(TestPrograms.EDGE_OPERANDS, 0, operands, 0, TestPrograms.EDGE_OPERANDS.length);
    for (int i = TestPrograms.EDGE_OPERANDS.length; i < operands.length; i++) {
      operands[i] = random.nextInt() >> random.nextInt(32);
    }
    for (int a : operands) {
      int expected = (int) chicory.apply(a)[0];
      assertThat(I32Ops.unary(opcode, a)).as("%s %d", op, a).isEqualTo(expected);
    }
  }

  @Test
  void divisionTrapsCarryTheirCause() {
    assertThatThrownBy(() -> I32Ops.divS(1, 0)).isInstanceOf(Trap.class)
        .extracting(t -> ((Trap) t).trapCause()).isEqualTo(Trap.Cause.INTEGER_DIVIDE_BY_ZERO);
    assertThatThrownBy(() -> I32Ops.divS(Integer.MIN_VALUE, -1))
        .extracting(t -> ((Trap) t).trapCause()).isEqualTo(Trap.Cause.INTEGER_OVERFLOW);
    assertThatThrownBy(() -> I32Ops.remU(1, 0))
        .extracting(t -> ((Trap) t).trapCause()).isEqualTo(Trap.Cause.INTEGER_DIVIDE_BY_ZERO);
    assertThat(I32Ops.remS(Integer.MIN_VALUE, -1)).isZero();
  }

  @Test
  void loadsAndStoresAreLittleEndianAndExtendAsTheirOpcodeSays() {
    byte[] memory = new byte[8];
    I32Ops.store(Opcode.STORE32, memory, 0, 0x80FF_7F01);
    I32Ops.store(Opcode.STORE16, memory, 4, 0x1234_ABCD);
    I32Ops.store(Opcode.STORE8, memory, 6, 0x1FE);

    assertThat(memory).containsExactly(0x01, 0x7F, 0xFF, 0x80, 0xCD, 0xAB, 0xFE, 0x00);
    assertThat(I32Ops.load(Opcode.LOAD32, memory, 0)).isEqualTo(0x80FF_7F01);
    assertThat(I32Ops.load(Opcode.LOAD16_S, memory, 4)).isEqualTo((short) 0xABCD);
    assertThat(I32Ops.load(Opcode.LOAD16_U, memory, 4)).isEqualTo(0xABCD);
    assertThat(I32Ops.load(Opcode.LOAD8_S, memory, 6)).isEqualTo(-2);
    assertThat(I32Ops.load(Opcode.LOAD8_U, memory, 6)).isEqualTo(0xFE);
  }

  @Test
  void opcodeClassesPartitionTheArithmetic() {
    for (Opcode op : Opcode.values()) {
      int classes = (op.isBinary() ? 1 : 0) + (op.isUnary() ? 1 : 0) + (op.isLoad() ? 1 : 0)
          + (op.isStore() ? 1 : 0);
      assertThat(classes).as(op.name()).isLessThanOrEqualTo(1);
    }
    assertThat(Stream.of(Opcode.values()).filter(Opcode::isBinary).count())
        .isEqualTo(TestPrograms.BINARY_OPS.size());
    assertThat(Stream.of(Opcode.values()).filter(Opcode::isUnary).count())
        .isEqualTo(TestPrograms.UNARY_OPS.size());
  }

  private static void assertSame(String op, ExportFunction chicory, int a, int b, Operation ours) {
    String expected;
    try {
      expected = Integer.toString((int) chicory.apply(a, b)[0]);
    } catch (ChicoryException e) {
      expected = "trap " + e.getMessage();
    }
    String actual;
    try {
      actual = Integer.toString(ours.apply());
    } catch (Trap t) {
      actual = "trap " + t.trapCause().text();
    }
    assertThat(actual).as("i32.%s %d %d", op, a, b).isEqualToIgnoringCase(expected);
  }

  private interface Operation {
    int apply();
  }

  /** ISA opcode named after a WebAssembly i32 instruction, e.g. "extend8_s" -> EXTEND8_S. */
  static Opcode opcode(String wasmOp) {
    return Opcode.valueOf(wasmOp.toUpperCase(Locale.ROOT));
  }

  private static ExportFunction chicory(String wat) {
    return Instance.builder(Parser.parse(Wat.assemble(wat))).build().export("main");
  }
}
