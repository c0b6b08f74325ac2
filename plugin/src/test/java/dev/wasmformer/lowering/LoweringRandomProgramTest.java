package dev.wasmformer.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.testing.ChicoryRunner;
import dev.wasmformer.testing.IsaRunner;
import dev.wasmformer.testing.Outcome;
import dev.wasmformer.testing.RandomPrograms;
import dev.wasmformer.testing.TestPrograms;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random programs of the supported subset (i32 and i64 values, br_table, call_indirect, memory
 * growth), lowered and run, behave as on Chicory.
 */
@Timeout(30)
class LoweringRandomProgramTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomProgramAgreesWithChicory(long seed) {
    TestPrograms.TestProgram program = RandomPrograms.generate(seed);
    byte[] wasm = program.wasm();
    TokenProgram lowered = Lowering.lower(wasm, null);
    for (TestPrograms.Run run : program.runs()) {
      Outcome chicory = ChicoryRunner.run(wasm, "main", run.args(), run.input());
      assertThat(IsaRunner.run(lowered, run.args(), run.input()))
          .as("%s %s\n%s\n%s", program.name(), run, program.wat(), lowered.listing())
          .isEqualTo(chicory);
    }
  }
}
