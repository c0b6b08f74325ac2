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

  @Test
  void theChicoryOracleReturnsWholeI64ResultsAndPrintsLongLongs() {
    TestPrograms.TestProgram printf = program("printf_long_long");
    for (long v : new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1234567890123456789L}) {
      Outcome outcome = ChicoryRunner.run(printf.wasm(), "main", new long[] {v}, new byte[0]);
      String expected = v + " " + String.format("%016x", v) + "\n";
      assertThat(new String(outcome.output())).isEqualTo(expected);
      assertThat(outcome.value()).hasValue(expected.length() - 2);
    }
    String identity = "(module (func (export \"main\") (param i64) (result i64) (local.get 0)))";
    assertThat(ChicoryRunner.run(Wat.assemble(identity), "main", new long[] {Long.MIN_VALUE + 5}, new byte[0]).value())
        .hasValue(Long.MIN_VALUE + 5);
  }

  @Test
  void theChicoryOracleWordsIndirectCallTrapsAsTheTokenIsaDoes() {
    TestPrograms.TestProgram indirect = program("call_indirect");
    // Entry 2 holds a function of another type, entry 5 is null, 10 is beyond the table.
    assertThat(ChicoryRunner.run(indirect.wasm(), "main", new long[] {2, 1}, new byte[0]).trap())
        .isEqualTo(dev.wasmformer.isa.Trap.Cause.INDIRECT_CALL_TYPE_MISMATCH.text());
    for (long k : new long[] {5, 10}) {
      assertThat(ChicoryRunner.run(indirect.wasm(), "main", new long[] {k, 1}, new byte[0]).trap())
          .isEqualTo(dev.wasmformer.isa.Trap.Cause.UNDEFINED_ELEMENT.text());
    }
  }

  private static TestPrograms.TestProgram program(String name) {
    return TestPrograms.all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }
}
