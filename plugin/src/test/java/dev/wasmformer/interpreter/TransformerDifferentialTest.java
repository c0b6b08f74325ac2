package dev.wasmformer.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.Program;
import dev.wasmformer.runtime.model.AttentionKind;
import dev.wasmformer.runtime.model.Model;
import dev.wasmformer.testing.ChicoryRunner;
import dev.wasmformer.testing.IsaRunner;
import dev.wasmformer.testing.Outcome;
import dev.wasmformer.testing.TestPrograms;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared program table, three ways: the exact graph evaluator, the transformer with the
 * naive cache and with the hull cache give the same trace, token for token; its outcome
 * equals the reference interpreter's and Chicory's on the same .wasm.
 */
class TransformerDifferentialTest {
  /** Positions (prompt + trace) up to which the O(n) naive cache is also run. */
  static final int NAIVE_LIMIT = 12_000;

  /**
   * Runs longer than this many reference instructions go to the transformer only with
   * {@code -Dwasmformer.long=true} (the evaluator is slow); Chicory and the reference
   * interpreter check them always.
   */
  static final long SHORT_RUN = 6_000;

  /** Table programs that need an opcode the interpreter graph lacks, and that opcode. */
  static final java.util.Map<String, String> NOT_YET = java.util.Map.of();

  static Stream<Arguments> runs() {
    List<Arguments> l = new ArrayList<>();
    for (TestPrograms.TestProgram p : TestPrograms.all()) {
      for (TestPrograms.Run r : p.runs()) l.add(Arguments.of(p, r));
    }
    return l.stream();
  }

  static long referenceInstructions(TokenProgram tp, TestPrograms.Run r) {
    try {
      return new dev.wasmformer.isa.ReferenceInterpreter(tp).run(r.args(), r.input()).instructions();
    } catch (dev.wasmformer.isa.Trap t) {
      return t.instructions();
    }
  }

  static Outcome outcome(EvaluatorRunner.Outcome o, TokenProgram tp) {
    if (o.trap() != null) return Outcome.trapped(o.trap(), o.output(), o.errorOutput());
    if (tp.results().isEmpty()) return Outcome.halted(OptionalLong.empty(), o.output(), o.errorOutput());
    boolean i64 = tp.results().get(0) == TokenProgram.ValueKind.I64;
    return Outcome.halted(OptionalLong.of(i64 ? o.result() : (int) o.result()), o.output(), o.errorOutput());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("runs")
  void threeExecutionsAgreeWithTheReferenceAndChicory(TestPrograms.TestProgram p, TestPrograms.Run r) {
    byte[] wasm = p.wasm();
    TokenProgram tp;
    try {
      tp = WasmformerCompiler.lower(wasm, p.entry());
    } catch (dev.wasmformer.lowering.UnsupportedWasmException e) {
      // Programs the transformer cannot run yet are refused at build time, naming what is missing.
      assertThat(NOT_YET.get(p.name())).as("refused: " + e.getMessage()).isNotNull();
      assertThat(e.getMessage()).containsPattern(NOT_YET.get(p.name()));
      return;
    }
    assertThat(NOT_YET).as("runs now; remove it from NOT_YET").doesNotContainKey(p.name());
    checkThreeWays(p.name(), wasm, tp, r);
  }

  /**
   * Runs {@code tp} (lowered from {@code wasm}) on the reference interpreter and, unless it is
   * long, on the transformer with the hull cache, the exact evaluator and (when short) the naive
   * cache: the traces are identical, and the outcomes equal Chicory's.
   */
  static void checkThreeWays(String name, byte[] wasm, TokenProgram tp, TestPrograms.Run r) {
    Outcome chicory = ChicoryRunner.run(wasm, tp.entry(), r.args(), r.input());
    assertThat(IsaRunner.run(tp, r.args(), r.input())).as("reference interpreter").isEqualTo(chicory);
    long instructions = referenceInstructions(tp, r);
    if (instructions > SHORT_RUN && !Boolean.getBoolean("wasmformer.long")) return;

    InterpreterModel im = InterpreterModel.get();
    Bundle bundle = new WasmformerCompiler(im).addProgram(tp, name).bundle();
    Program prog = bundle.getPrograms(0);
    Model model = Model.from(bundle);
    var hull = EvaluatorRunner.run(im.vocab(), prog, r.args(), r.input(), model.newDecoder(AttentionKind.HULL)::step, 3_000_000);
    assertThat(outcome(hull, tp)).as("transformer (hull)").isEqualTo(chicory);
    var ev = EvaluatorRunner.evaluate(im.graph(), im.vocab(), prog, r.args(), r.input(), 3_000_000);
    assertThat(ev.trace()).as("evaluator trace").isEqualTo(hull.trace());
    if (prog.getPrefixCount() + r.input().length + hull.trace().size() <= NAIVE_LIMIT) {
      var naive = EvaluatorRunner.run(im.vocab(), prog, r.args(), r.input(), model.newDecoder(AttentionKind.NAIVE)::step, 3_000_000);
      assertThat(naive.trace()).as("naive trace").isEqualTo(hull.trace());
    }
  }
}
