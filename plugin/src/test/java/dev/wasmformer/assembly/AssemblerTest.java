package dev.wasmformer.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.interpreter.InterpreterGraph;
import dev.wasmformer.interpreter.Vocab;
import org.junit.jupiter.api.Test;

class AssemblerTest {
  @Test
  void assemblesTheInterpreterDeterministically() {
    Vocab vocab = new Vocab();
    long t0 = System.nanoTime();
    AssembledModel a = Assembler.assemble(InterpreterGraph.build(vocab));
    long t1 = System.nanoTime();
    AssembledModel b = Assembler.assemble(InterpreterGraph.build(vocab));
    System.out.printf("d_model=%d layers=%d heads=%d ffn_width=%d units=%d nonzeros=%d dense=%d in %.1f ms%n",
        a.shape().getDModel(), a.shape().getLayers(), a.shape().getHeads(), a.shape().getFfnWidth(), a.units(),
        a.nonZeros(), a.denseParameters(), (t1 - t0) / 1e6);
    assertThat(a.weights()).isEqualTo(b.weights());
    assertThat(a.shape().getVocabSize()).isEqualTo(vocab.size());
  }
}
