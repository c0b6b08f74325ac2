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

/** Every i32 instruction, lowered alone, agrees with Chicory on the edge operands. */
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
}
