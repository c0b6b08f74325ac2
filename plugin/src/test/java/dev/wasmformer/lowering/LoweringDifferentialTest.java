package dev.wasmformer.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.testing.ChicoryRunner;
import dev.wasmformer.testing.IsaRunner;
import dev.wasmformer.testing.Outcome;
import dev.wasmformer.testing.TestPrograms;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every program of the shared table, lowered and run on the ISA, behaves as on Chicory. */
@Timeout(30)
class LoweringDifferentialTest {
  static Stream<Arguments> runs() {
    return TestPrograms.all().stream().flatMap(program -> program.runs().stream()
        .map(run -> Arguments.of(Named.of(program.name(), program), Named.of(run.toString(), run))));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("runs")
  void loweredProgramAgreesWithChicory(TestPrograms.TestProgram program, TestPrograms.Run run) {
    TokenProgram lowered = Lowering.lower(program.wasm(), program.entry());

    Outcome isa = IsaRunner.run(lowered, run.args(), run.input());
    Outcome chicory = ChicoryRunner.run(program.wasm(), lowered.entry(), run.args(), run.input());

    assertThat(isa).isEqualTo(chicory);
  }
}
