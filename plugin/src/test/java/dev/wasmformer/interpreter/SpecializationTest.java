package dev.wasmformer.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.runtime.format.Program;
import dev.wasmformer.runtime.model.AttentionKind;
import dev.wasmformer.runtime.model.Model;
import dev.wasmformer.testing.TestPrograms;
import dev.wasmformer.assembly.AssembledModel;
import dev.wasmformer.runtime.format.Matrix;
import dev.wasmformer.runtime.format.PackedMatrices;
import java.util.ArrayList;
import java.util.TreeSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A program baked into its own weights runs exactly as on the universal interpreter: the
 * trace it generates after its (shorter, code-free) prompt is the universal trace, token for
 * token, and the exact evaluator of the specialized graph and its weights (hull and naive)
 * agree.
 */
class SpecializationTest {
  /** Programs with arguments, input, output, traps, calls, tables, memory and i64. */
  static final Set<String> PROGRAMS = Set.of("fib", "arithmetic", "echo_upper", "traps", "calls",
      "br_table", "call_indirect", "memory_stores", "i64_calls_and_locals", "memory_grow", "globals", "hello");

  static Stream<Arguments> runs() {
    List<Arguments> l = new ArrayList<>();
    for (TestPrograms.TestProgram p : TestPrograms.all()) {
      String only = System.getProperty("wasmformer.specialize.only");
      if (only != null ? !only.equals(p.name()) : !PROGRAMS.contains(p.name())) continue;
      for (TestPrograms.Run r : p.runs()) {
        if (TransformerDifferentialTest.referenceInstructions(
            WasmformerCompiler.lower(p.wasm(), p.entry()), r) <= 3_000) {
          l.add(Arguments.of(p, r));
        }
      }
    }
    return l.stream();
  }

  /** Runs at most as many tokens as the expected trace has; says where a divergent trace parts from it. */
  private static EvaluatorRunner.Outcome run(Vocab vocab, Program program, TestPrograms.Run r,
      java.util.function.IntUnaryOperator stepper, int limit, List<Integer> expected) {
    List<Integer> seen = new ArrayList<>();
    int[] prompt = {program.getPrefixCount() + r.input().length + 1 + program.getSuffixCount()};
    java.util.function.IntUnaryOperator recording = t -> {
      if (prompt[0]-- <= 0) seen.add(t);
      return stepper.applyAsInt(t);
    };
    try {
      return EvaluatorRunner.run(vocab, program, r.args(), r.input(), recording, limit);
    } catch (IllegalStateException e) {
      int i = 0;
      while (i < seen.size() && i < expected.size() && seen.get(i).equals(expected.get(i))) i++;
      StringBuilder context = new StringBuilder();
      for (int k = Math.max(0, i - 30); k < Math.min(expected.size(), i + 3); k++) context.append(vocab.text(expected.get(k))).append(' ');
      throw new AssertionError("the trace parts from the universal one at token " + i + " (expected "
          + context + "; got " + (i < seen.size() ? vocab.text(seen.get(i)) : "nothing") + ")", e);
    }
  }

  /**
   * The instruction table's units read one program counter slot and its square (and the
   * constant): the runtime then searches them as one family of lines. A table whose gates read
   * the pc's parts (jump bytes, START counts) decodes the same tokens, but checks every unit's
   * gate at every token: session 11's direct pc did that, and specialized sudoku ran 3.5 times
   * slower until the pc was put in a slot of its own.
   */
  @Test
  void theInstructionTableReadsOneProgramCounterSlot() {
    TestPrograms.TestProgram p = TestPrograms.all().stream().filter(t -> t.name().equals("calls")).findFirst().orElseThrow();
    AssembledModel m = InterpreterModel.specialized(WasmformerCompiler.lower(p.wasm(), p.entry())).weights();
    int tableUnits = 0;
    TreeSet<Integer> columns = new TreeSet<>();
    for (int l = 0; l < m.unitNames().size(); l++) {
      List<String> names = m.unitNames().get(l);
      if (names.stream().noneMatch(n -> n.startsWith("table.i"))) continue;
      Matrix gate = PackedMatrices.toSparse(m.weights().getLayers(l).getFfn().getGate());
      var sparse = gate.getSparse();
      for (int i = 0; i < sparse.getRowCount(); i++) {
        if (!names.get(sparse.getRow(i)).startsWith("table.i")) continue;
        columns.add(sparse.getCol(i));
      }
      tableUnits += (int) names.stream().filter(n -> n.startsWith("table.i")).count();
    }
    assertThat(tableUnits).as("the table's units").isGreaterThan(10);
    assertThat(columns).as("the residual slots the table's gates read").hasSizeLessThanOrEqualTo(3);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("runs")
  void theSpecializedModelGeneratesTheUniversalTrace(TestPrograms.TestProgram p, TestPrograms.Run r) {
    TokenProgram tp = WasmformerCompiler.lower(p.wasm(), p.entry());
    InterpreterModel universal = InterpreterModel.get();
    Program up = new ProgramEncoder(universal.vocab()).encode(tp);
    var expected = EvaluatorRunner.run(universal.vocab(), up, r.args(), r.input(),
        Model.from(new WasmformerCompiler(universal).addProgram(tp, p.name()).bundle())
            .newDecoder(AttentionKind.HULL)::step, 1_000_000);

    InterpreterModel special = InterpreterModel.specialized(tp);
    Program sp = new ProgramEncoder(special.vocab()).encodeSpecialized(tp);
    assertThat(sp.getPrefixCount()).isLessThan(up.getPrefixCount());
    int limit = expected.trace().size();
    var ev = run(special.vocab(), sp, r, new dev.wasmformer.graph.Evaluator(special.graph())::step, limit, expected.trace());
    assertThat(ev.trace()).as("specialized evaluator").isEqualTo(expected.trace());
    Model model = Model.from(dev.wasmformer.runtime.format.Bundle.newBuilder()
        .setShape(special.weights().shape()).setWeights(special.weights().weights()).build());
    var hull = run(special.vocab(), sp, r, model.newDecoder(AttentionKind.HULL)::step, limit, expected.trace());
    assertThat(hull.trace()).as("specialized transformer (hull)").isEqualTo(expected.trace());
    var naive = run(special.vocab(), sp, r, model.newDecoder(AttentionKind.NAIVE)::step, limit, expected.trace());
    assertThat(naive.trace()).as("specialized transformer (naive)").isEqualTo(expected.trace());
  }
}
