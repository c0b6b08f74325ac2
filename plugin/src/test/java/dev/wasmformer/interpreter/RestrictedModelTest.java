package dev.wasmformer.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.graph.Evaluator;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.Program;
import dev.wasmformer.runtime.model.AttentionKind;
import dev.wasmformer.runtime.model.Model;
import dev.wasmformer.testing.TestPrograms;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model restricted to the opcodes a program uses runs it exactly as the universal model: the
 * same prompt gives the same trace, token for token, on the restricted graph's evaluator and
 * on its weights (hull and naive), although the logic of every other opcode is gone.
 */
class RestrictedModelTest {
  static Stream<Arguments> runs() {
    List<Arguments> l = new ArrayList<>();
    for (TestPrograms.TestProgram p : TestPrograms.all()) {
      TokenProgram tp;
      try {
        tp = WasmformerCompiler.lower(p.wasm(), p.entry());
      } catch (dev.wasmformer.lowering.UnsupportedWasmException e) {
        continue; // refused at build time (TransformerDifferentialTest checks why)
      }
      for (TestPrograms.Run r : p.runs()) {
        if (TransformerDifferentialTest.referenceInstructions(tp, r) <= 3_000) {
          l.add(Arguments.of(p, r));
          break; // one run per program: the model is what differs
        }
      }
    }
    return l.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("runs")
  void theRestrictedModelGeneratesTheUniversalTrace(TestPrograms.TestProgram p, TestPrograms.Run r) {
    TokenProgram tp = WasmformerCompiler.lower(p.wasm(), p.entry());
    InterpreterModel universal = InterpreterModel.get();
    Bundle ub = new WasmformerCompiler(universal).addProgram(tp, p.name()).bundle();
    Program program = ub.getPrograms(0);
    var expected = EvaluatorRunner.run(universal.vocab(), program, r.args(), r.input(),
        Model.from(ub).newDecoder(AttentionKind.HULL)::step, 1_000_000);

    Bundle rb = new WasmformerCompiler().addProgram(tp, p.name()).bundle();
    // the stored prefix state is the model's own; the rest of the program is not
    assertThat(rb.getPrograms(0).toBuilder().clearPrefixState().build()).as("the prompt does not depend on the model")
        .isEqualTo(program.toBuilder().clearPrefixState().build());
    InterpreterModel restricted = InterpreterModel.forOpcodes(InterpreterGraph.opcodesOf(tp));
    assertThat(rb.getShape()).isEqualTo(restricted.weights().shape());
    assertThat(rb.getShape().getDModel()).as("d_model").isLessThan(ub.getShape().getDModel());

    int limit = expected.trace().size();
    var ev = EvaluatorRunner.run(restricted.vocab(), program, r.args(), r.input(),
        new Evaluator(restricted.graph())::step, limit);
    assertThat(ev.trace()).as("restricted evaluator").isEqualTo(expected.trace());
    Model model = Model.from(rb);
    var hull = EvaluatorRunner.run(restricted.vocab(), program, r.args(), r.input(),
        model.newDecoder(AttentionKind.HULL)::step, limit);
    assertThat(hull.trace()).as("restricted transformer (hull)").isEqualTo(expected.trace());
    if (limit <= TransformerDifferentialTest.NAIVE_LIMIT) {
      var naive = EvaluatorRunner.run(restricted.vocab(), program, r.args(), r.input(),
          model.newDecoder(AttentionKind.NAIVE)::step, limit);
      assertThat(naive.trace()).as("restricted transformer (naive)").isEqualTo(expected.trace());
    }
  }

  @Test
  void aModelRefusesAProgramWithAnOpcodeItDoesNotExecute() {
    TokenProgram tp = TestPrograms.all().stream().filter(p -> p.name().equals("fib")).findFirst()
        .map(p -> WasmformerCompiler.lower(p.wasm(), p.entry())).orElseThrow();
    Set<Opcode> fewer = EnumSet.copyOf(InterpreterGraph.opcodesOf(tp));
    fewer.remove(Opcode.ADD);
    fewer.add(Opcode.MUL);
    assertThatThrownBy(() -> new WasmformerCompiler(InterpreterModel.forOpcodes(fewer)).addProgram(tp, "fib"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[ADD]")
        .hasMessageContaining("does not execute");
  }

  @Test
  void aRestrictedModelDropsTheLanesOfLongInstructions() {
    Set<Opcode> i32Only = EnumSet.of(Opcode.CONST, Opcode.ADD, Opcode.CALL, Opcode.RETURN_VALUE, Opcode.HALT_I32);
    InterpreterModel small = InterpreterModel.forOpcodes(i32Only);
    InterpreterModel universal = InterpreterModel.get();
    long smallRamps = small.graph().nodes().stream().filter(n -> n.name().startsWith("laneRamp")).count();
    long ramps = universal.graph().nodes().stream().filter(n -> n.name().startsWith("laneRamp")).count();
    // RETURN_VALUE is the longest here: START, four bytes and four frame tokens
    assertThat(smallRamps).isEqualTo(TracePlan.tokens(Opcode.RETURN_VALUE) + 1);
    assertThat(ramps).isEqualTo(TracePlan.maxTokens() + 1);
    assertThat(small.weights().shape().getLayers()).isLessThanOrEqualTo(universal.weights().shape().getLayers());
  }
}
