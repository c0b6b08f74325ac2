package dev.wasmformer.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.Program;
import dev.wasmformer.runtime.model.AttentionKind;
import dev.wasmformer.runtime.model.Model;
import org.junit.jupiter.api.Test;

/** The assembled weights run in the generic runtime produce the evaluator's traces. */
class TransformerTest {
  @Test
  void fibonacciRunsOnTheTransformerWithBothCaches() {
    InterpreterModel im = InterpreterModel.get();
    Bundle bundle = new WasmformerCompiler(im).addProgram(InterpreterGraphTest.fib(), "fib").bundle();
    Model model = Model.from(bundle);
    Program prog = bundle.getPrograms(0);
    var ev = EvaluatorRunner.evaluate(im.graph(), im.vocab(), prog, new long[] {7}, new byte[0], 100_000);
    var naive = EvaluatorRunner.run(im.vocab(), prog, new long[] {7}, new byte[0], model.newDecoder(AttentionKind.NAIVE)::step, 100_000);
    var hull = EvaluatorRunner.run(im.vocab(), prog, new long[] {7}, new byte[0], model.newDecoder(AttentionKind.HULL)::step, 100_000);
    assertThat(ev.result()).isEqualTo(13);
    assertThat(naive.trace()).isEqualTo(ev.trace());
    assertThat(hull.trace()).isEqualTo(ev.trace());
  }
}
