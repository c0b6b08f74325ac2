package dev.wasmformer.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.graph.Expr;
import dev.wasmformer.graph.Graph;
import dev.wasmformer.interpreter.InterpreterGraph;
import dev.wasmformer.interpreter.Vocab;
import java.util.List;
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

  /**
   * A graph whose layer 1 FFN would hold one unit that only a logit reads: the unit waits for
   * layer 2's FFN, and layer 1 has none. If a later head reads it, it stays.
   */
  @Test
  void anFfnLayerOfUnitsThatCanWaitIsEmptied() {
    List<List<String>> waits = chain(false).unitNames();
    assertThat(waits).hasSize(3);
    assertThat(waits.get(0)).containsExactly("n1");
    assertThat(waits.get(1)).isEmpty();
    assertThat(waits.get(2)).containsExactlyInAnyOrder("early", "late");
    assertThat(chain(true).unitNames()).containsExactly(List.of("n1"), List.of("early"), List.of("late"));
  }

  private static AssembledModel chain(boolean headReadsEarly) {
    Graph g = new Graph(4);
    Expr a = g.input("a", new double[] {0, 1, 2, 3});
    Expr h1 = g.at("h1", g.position().minus(1), List.of(a)).get(0);     // sublayer 1
    Expr n1 = g.relu("n1", h1);                                            // 2: layer 0's FFN
    Expr h2 = g.at("h2", g.position().minus(1), List.of(n1)).get(0);     // 3
    Expr early = g.neuron("early", h2, a);                                 // 4: layer 1's FFN, as early as it can be
    Expr h3 = g.at("h3", g.position().minus(1), headReadsEarly ? List.of(h2, early) : List.of(h2)).get(0);
    Expr late = g.relu("late", h3.plus(headReadsEarly ? g.at("h4", g.position(), List.of(early)).get(0) : Expr.ZERO));
    g.logit(0, early);
    g.logit(1, late);
    return Assembler.assemble(g);
  }

  /** The trap address's units, which only a trapped instruction needs, have no FFN layer of their own. */
  @Test
  void theTrapAddressUnitsShareALayerWithOthers() {
    AssembledModel m = Assembler.assemble(InterpreterGraph.build(new Vocab()));
    assertThat(m.unitNames().get(1)).isEmpty();   // layer 1's FFN held them alone
    for (List<String> layer : m.unitNames()) {
      if (layer.stream().anyMatch(n -> n.startsWith("trapAddress"))) {
        assertThat(layer.size()).isGreaterThan(16);
      }
      if (!layer.isEmpty()) {
        assertThat(layer).anyMatch(n -> !n.startsWith("trapAddress"));
      }
    }
  }
}
