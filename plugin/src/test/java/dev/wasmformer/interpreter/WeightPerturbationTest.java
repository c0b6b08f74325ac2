package dev.wasmformer.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.Layer;
import dev.wasmformer.runtime.format.Matrix;
import dev.wasmformer.runtime.format.PackedMatrices;
import dev.wasmformer.runtime.format.SparseValues;
import dev.wasmformer.runtime.model.AttentionKind;
import dev.wasmformer.runtime.model.Model;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The weights are the program's interpreter: damaging them breaks execution. */
class WeightPerturbationTest {
  /** The traces of every program of the bundle (fib(9); echo of "hi"), concatenated. */
  static List<Integer> trace(Bundle bundle) {
    Model model = Model.from(bundle);
    List<Integer> all = new java.util.ArrayList<>();
    for (var p : bundle.getProgramsList()) {
      long[] args = p.getParamsCount() == 1 ? new long[] {9} : new long[0];
      try {
        all.addAll(EvaluatorRunner.run(InterpreterGraphTest.VOCAB, p, args, "hi".getBytes(),
            model.newDecoder(AttentionKind.HULL)::step, 20_000).trace());
      } catch (IllegalStateException | ArithmeticException e) {
        all.add(-1); // no halt, or a non-finite value: broken too
      }
      all.add(-2);
    }
    return all;
  }

  static Bundle programs() {
    return new WasmformerCompiler().addProgram(InterpreterGraphTest.fib(), "fib")
        .addProgram(InterpreterGraphTest.echo(), "echo").bundle();
  }

  static Matrix scaled(Matrix m, double factor) {
    m = PackedMatrices.toSparse(m);
    SparseValues s = m.getSparse();
    SparseValues.Builder b = s.toBuilder();
    for (int i = 0; i < s.getValueCount(); i++) b.setValue(i, s.getValue(i) * factor);
    return m.toBuilder().setSparse(b).build();
  }

  @Test
  void scalingAnyLayersFfnOutputBreaksTheTrace() {
    Bundle bundle = programs();
    List<Integer> original = trace(bundle);
    assertThat(original).isNotEmpty();
    int layers = bundle.getWeights().getLayersCount();
    int broken = 0;
    for (int layer = 0; layer < layers; layer++) {
      Bundle.Builder b = bundle.toBuilder();
      Layer.Builder lb = b.getWeightsBuilder().getLayersBuilder(layer);
      lb.getFfnBuilder().setOutput(scaled(lb.getFfn().getOutput(), 2));
      boolean changed = !trace(b.build()).equals(original);
      if (layer == 0) assertThat(changed).as("the first layer's FFN (counters, lanes) doubled").isTrue();
      if (changed) broken++;
    }
    // a layer may hold only units of instructions these two programs never execute
    assertThat(broken).as("layers whose doubled FFN changed the traces, of " + layers).isGreaterThanOrEqualTo(layers / 2);
  }

  /**
   * Heads every program needs: fetching (the fetch head and prev7, which carries the opcode
   * flags to the instruction's last token), the program counter, frames and slot reads.
   */
  static final java.util.regex.Pattern ESSENTIAL =
      java.util.regex.Pattern.compile("fetch|lastStart|jumpHi|fp|slot\\.[xy]|starts\\.mean|prev1|prev7");

  @Test
  void damagingAHeadEveryProgramNeedsBreaksTheTrace() {
    Bundle bundle = programs();
    List<Integer> original = trace(bundle);
    int heads = 0;
    for (int layer = 0; layer < bundle.getWeights().getLayersCount(); layer++) {
      for (int h = 0; h < bundle.getWeights().getLayers(layer).getHeadsCount(); h++) {
        Bundle.Builder b = bundle.toBuilder();
        var head = b.getWeightsBuilder().getLayersBuilder(layer).getHeadsBuilder(h);
        if (!ESSENTIAL.matcher(head.getName()).matches()) continue;
        head.setValue(scaled(head.getValue(), 1.5));
        heads++;
        assertThat(trace(b.build())).as("head " + head.getName() + " damaged").isNotEqualTo(original);
      }
    }
    assertThat(heads).as("essential heads found").isEqualTo(9);
  }

  @Test
  void perturbingTheUnembeddingOfTheNextTokenChangesIt() {
    Bundle bundle = new WasmformerCompiler().addProgram(InterpreterGraphTest.fib(), "fib").bundle();
    List<Integer> original = trace(bundle);
    // make one byte value's logit row prefer itself a lot: the trace must pick it where a byte is due
    Bundle.Builder b = bundle.toBuilder();
    int token = InterpreterGraphTest.VOCAB.id(Vocab.Kind.BYTE, 200);
    Matrix u = PackedMatrices.toSparse(b.getWeights().getUnembedding());
    SparseValues s = u.getSparse();
    SparseValues.Builder sb = s.toBuilder();
    for (int i = 0; i < s.getValueCount(); i++) {
      if (s.getRow(i) == token && s.getCol(i) == 0) sb.setValue(i, s.getValue(i) + 1e6);
    }
    b.getWeightsBuilder().setUnembedding(u.toBuilder().setSparse(sb));
    assertThat(trace(b.build())).isNotEqualTo(original);
  }
}
