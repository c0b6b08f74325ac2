package dev.wasmformer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared table is well formed and the Chicory oracle behind it answers correctly. */
class TestProgramsTest {
  @Test
  void everyProgramHasAUniqueNameRunsAndAssembles() {
    List<TestPrograms.TestProgram> all = TestPrograms.all();

    assertThat(all).extracting(TestPrograms.TestProgram::name).doesNotHaveDuplicates();
    for (TestPrograms.TestProgram program : all) {
      assertThat(program.runs()).as(program.name()).isNotEmpty();
      assertThat(program.wasm()).as(program.name()).startsWith(0, 'a', 's', 'm');
    }
  }

  @Test
  void mostRunsHaltRatherThanTrap() {
    long runs = 0;
    long halted = 0;
    for (TestPrograms.TestProgram program : TestPrograms.all()) {
      String entry = program.entry() != null ? program.entry()
          : program.wat().contains("\"main\"") ? "main" : "_start";
      for (TestPrograms.Run run : program.runs()) {
        runs++;
        if (ChicoryRunner.run(program.wasm(), entry, run.args(), run.input()).trap() == null) halted++;
      }
    }
    assertThat(halted).isGreaterThan(runs * 3 / 4);
  }

  @Test
  void theChicoryOracleComputesKnownAnswers() {
    TestPrograms.TestProgram fib = TestPrograms.all().stream()
        .filter(p -> p.name().equals("fib")).findFirst().orElseThrow();
    long[] expected = {0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55};
    for (int n = 0; n < expected.length; n++) {
      Outcome outcome = ChicoryRunner.run(fib.wasm(), "main", new long[] {n}, new byte[0]);
      assertThat(outcome.value()).as("fib(%d)", n).hasValue(expected[n]);
    }
    TestPrograms.TestProgram echo = TestPrograms.all().stream()
        .filter(p -> p.name().equals("echo_upper")).findFirst().orElseThrow();
    Outcome shouted = ChicoryRunner.run(echo.wasm(), "main", new long[0], "abc!".getBytes());
    assertThat(new String(shouted.output())).isEqualTo("ABC!");
    assertThat(shouted.value()).hasValue(4);
  }
}
