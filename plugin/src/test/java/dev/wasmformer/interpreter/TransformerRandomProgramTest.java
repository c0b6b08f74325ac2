package dev.wasmformer.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.testing.RandomPrograms;
import dev.wasmformer.testing.TestPrograms;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated programs (straight-line and looping code over the i32 and i64 instructions, i64
 * division included, br_table, call_indirect, memory growth) on the transformer: evaluator,
 * naive and hull traces identical, outcomes equal Chicory's. A few fixed seeds by default; the
 * {@code fuzz} profile (or {@code -Dwasmformer.fuzz.transformer=N}) runs more.
 */
class TransformerRandomProgramTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, Integer.getInteger("wasmformer.fuzz.transformer", 6));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedProgramRunsOnTheTransformerAsOnChicory(long seed) {
    TestPrograms.TestProgram program = RandomPrograms.generate(seed);
    TokenProgram tp = WasmformerCompiler.lower(program.wasm(), null);
    for (TestPrograms.Run run : program.runs()) {
      if (!Boolean.getBoolean("wasmformer.long")) {
        assertThat(TransformerDifferentialTest.referenceInstructions(tp, run))
            .as("seed %d is short enough for the transformer's checks", seed)
            .isLessThanOrEqualTo(TransformerDifferentialTest.SHORT_RUN);
      }
      TransformerDifferentialTest.checkThreeWays(program.name(), program.wasm(), tp, run);
    }
  }
}
