package dev.wasmformer.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.testing.ChicoryRunner;
import dev.wasmformer.testing.IsaRunner;
import dev.wasmformer.testing.TestPrograms;
import dev.wasmformer.testing.Wat;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every i32 and i64 instruction, lowered alone, agrees with Chicory on the edge operands. */
class LoweringEdgeOperandTest {
  private static final long[] EDGE = IntStream.of(TestPrograms.EDGE_OPERANDS).asLongStream().toArray();

  static Stream<String> binaryOps() {
    return TestPrograms.BINARY_OPS.stream();
  }

  static Stream<String> unaryOps() {
    return TestPrograms.UNARY_OPS.stream();
  }

  @ParameterizedTest
  @MethodSource("binaryOps")
  void loweredBinaryInstructionAgreesWithChicory(String op) {
    assertAgreesWithChicory(TestPrograms.binaryOpModule(op), "i32." + op, pairs(EDGE, EDGE));
  }

  @ParameterizedTest
  @MethodSource("unaryOps")
  void loweredUnaryInstructionAgreesWithChicory(String op) {
    assertAgreesWithChicory(TestPrograms.unaryOpModule(op), "i32." + op, singles(EDGE));
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
    assertAgreesWithChicory(TestPrograms.binaryOpModule64(op), "i64." + op,
        pairs(TestPrograms.EDGE_OPERANDS_64, TestPrograms.EDGE_OPERANDS_64));
  }

  @ParameterizedTest
  @MethodSource("unaryOps64")
  void loweredI64UnaryInstructionAgreesWithChicory(String op) {
    assertAgreesWithChicory(TestPrograms.unaryOpModule64(op), "i64." + op, singles(TestPrograms.EDGE_OPERANDS_64));
  }

  @ParameterizedTest
  @MethodSource("dev.wasmformer.testing.TestPrograms#conversionModules")
  void loweredConversionBetweenI32AndI64AgreesWithChicory(String module) {
    // An i32 argument is the low word, given unsigned or signed.
    boolean fromI64 = module.contains("(param i64)");
    assertAgreesWithChicory(module, module, singles(LongStream.of(TestPrograms.EDGE_OPERANDS_64)
        .map(a -> fromI64 ? a : (int) a).toArray()));
  }

  @ParameterizedTest
  @MethodSource("binaryOps64")
  void anI64InstructionOnLocalsWritesTheLocalAsChicoryDoes(String op) {
    // local.set straight after the instruction: its result goes to the local's slots.
    String result = TestPrograms.COMPARISONS.contains(op) ? "i32" : "i64";
    String module = "(module (func (export \"main\") (param i64 i64) (result " + result + ")"
        + " (local $r " + result + ") (local.set $r (i64." + op + " (local.get 0) (local.get 1))) (local.get $r)))";
    assertAgreesWithChicory(module, "i64." + op + " into a local",
        pairs(new long[] {-1, 3, 0x1_0000_0001L, Long.MIN_VALUE}, new long[] {1, 33, -2, 0xFFFF_FFFFL}));
  }

  private static List<long[]> singles(long[] as) {
    return LongStream.of(as).mapToObj(a -> new long[] {a}).toList();
  }

  private static List<long[]> pairs(long[] as, long[] bs) {
    return LongStream.of(as).boxed().flatMap(a -> LongStream.of(bs).mapToObj(b -> new long[] {a, b})).toList();
  }

  /** The module lowered alone gives Chicory's outcome for each list of arguments. */
  private static void assertAgreesWithChicory(String module, String what, List<long[]> argLists) {
    byte[] wasm = Wat.assemble(module);
    TokenProgram program = Lowering.lower(wasm, null);
    for (long[] args : argLists) {
      assertThat(IsaRunner.run(program, args, new byte[0])).as("%s %s", what, Arrays.toString(args))
          .isEqualTo(ChicoryRunner.run(wasm, "main", args, new byte[0]));
    }
  }
}
