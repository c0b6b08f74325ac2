package dev.wasmformer.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.testing.ChicoryRunner;
import dev.wasmformer.testing.IsaRunner;
import dev.wasmformer.testing.Outcome;
import dev.wasmformer.testing.TestPrograms;
import dev.wasmformer.testing.Wat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every i32 and i64 instruction, lowered alone, agrees with Chicory on the edge operands. */
class LoweringEdgeOperandTest {
  static Stream<String> binaryOps() {
    return TestPrograms.BINARY_OPS.stream();
  }

  static Stream<String> unaryOps() {
    return TestPrograms.UNARY_OPS.stream();
  }

  @ParameterizedTest
  @MethodSource("binaryOps")
  void loweredBinaryInstructionAgreesWithChicory(String op) {
    byte[] wasm = Wat.assemble(TestPrograms.binaryOpModule(op));
    TokenProgram program = Lowering.lower(wasm, null);
    for (int a : TestPrograms.EDGE_OPERANDS) {
      for (int b : TestPrograms.EDGE_OPERANDS) {
        long[] args = {a, b};
        Outcome chicory = ChicoryRunner.run(wasm, "main", args, new byte[0]);
        assertThat(IsaRunner.run(program, args, new byte[0])).as("i32.%s %d %d", op, a, b)
            .isEqualTo(chicory);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("unaryOps")
  void loweredUnaryInstructionAgreesWithChicory(String op) {
    byte[] wasm = Wat.assemble(TestPrograms.unaryOpModule(op));
    TokenProgram program = Lowering.lower(wasm, null);
    for (int a : TestPrograms.EDGE_OPERANDS) {
      long[] args = {a};
      Outcome chicory = ChicoryRunner.run(wasm, "main", args, new byte[0]);
      assertThat(IsaRunner.run(program, args, new byte[0])).as("i32.%s %d", op, a).isEqualTo(chicory);
    }
  }

  static Stream<String> binaryOps64() {
    return TestPrograms.BINARY_OPS_64.stream();
  }

  static Stream<String> unaryOps64() {
    return TestPrograms.UNARY_OPS_64.stream();
  }

  @ParameterizedTest
  @MethodSource("binaryOps64")
  void loweredI64BinaryInstructionAgreesWithChicory(String op) {
    byte[] wasm = Wat.assemble(TestPrograms.binaryOpModule64(op));
    TokenProgram program = Lowering.lower(wasm, null);
    for (long a : TestPrograms.EDGE_OPERANDS_64) {
      for (long b : TestPrograms.EDGE_OPERANDS_64) {
        long[] args = {a, b};
        Outcome chicory = ChicoryRunner.run(wasm, "main", args, new byte[0]);
        assertThat(IsaRunner.run(program, args, new byte[0])).as("i64.%s %d %d", op, a, b)
            .isEqualTo(chicory);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("unaryOps64")
  void loweredI64UnaryInstructionAgreesWithChicory(String op) {
    byte[] wasm = Wat.assemble(TestPrograms.unaryOpModule64(op));
    TokenProgram program = Lowering.lower(wasm, null);
    for (long a : TestPrograms.EDGE_OPERANDS_64) {
      long[] args = {a};
      Outcome chicory = ChicoryRunner.run(wasm, "main", args, new byte[0]);
      assertThat(IsaRunner.run(program, args, new byte[0])).as("i64.%s %d", op, a).isEqualTo(chicory);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.wasmformer.testing.TestPrograms#conversionModules")
  void loweredConversionBetweenI32AndI64AgreesWithChicory(String module) {
    byte[] wasm = Wat.assemble(module);
    TokenProgram program = Lowering.lower(wasm, null);
    boolean fromI64 = module.contains("(param i64)");
    for (long a : TestPrograms.EDGE_OPERANDS_64) {
      // An i32 argument is the low word, given unsigned or signed.
      long[] args = {fromI64 ? a : (int) a};
      Outcome chicory = ChicoryRunner.run(wasm, "main", args, new byte[0]);
      assertThat(IsaRunner.run(program, args, new byte[0])).as("%s %d", module, a).isEqualTo(chicory);
    }
  }

  @ParameterizedTest
  @MethodSource("binaryOps64")
  void anI64InstructionOnLocalsWritesTheLocalAsChicoryDoes(String op) {
    // local.set straight after the instruction: its result goes to the local's slots.
    String result = TestPrograms.COMPARISONS.contains(op) ? "i32" : "i64";
    byte[] wasm = Wat.assemble("(module (func (export \"main\") (param i64 i64) (result " + result + ")"
        + " (local $r " + result + ") (local.set $r (i64." + op + " (local.get 0) (local.get 1))) (local.get $r)))");
    TokenProgram program = Lowering.lower(wasm, null);
    for (long a : new long[] {-1, 3, 0x1_0000_0001L, Long.MIN_VALUE}) {
      for (long b : new long[] {1, 33, -2, 0xFFFF_FFFFL}) {
        long[] args = {a, b};
        assertThat(IsaRunner.run(program, args, new byte[0])).as("i64.%s %d %d", op, a, b)
            .isEqualTo(ChicoryRunner.run(wasm, "main", args, new byte[0]));
      }
    }
  }
}
