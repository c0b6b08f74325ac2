package dev.wasmformer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeadSumsTest {
  private static final int TOKENS = 6;

  /**
   * A graph whose head reads three one-hot flags and a bit of the previous token, and whose
   * units gate on sums of them: {@code AND(flag0 + flag1, bit)} twice (one set, folded once),
   * the same set scaled, flags with different coefficients and a flag plus the bit, which is
   * not exclusive with it (neither folded), and a single flag (nothing to fold).
   */
  private static Graph graph(List<Expr> units) {
    Graph g = new Graph(TOKENS);
    double[][] flag = new double[3][TOKENS];
    double[] bit = new double[TOKENS];
    for (int t = 0; t < TOKENS; t++) {
      if (t < 3) flag[t][t] = 1;
      bit[t] = t % 2;
    }
    Expr f0 = g.input("f0", flag[0]);
    Expr f1 = g.input("f1", flag[1]);
    Expr f2 = g.input("f2", flag[2]);
    Expr b = g.input("bit", bit);
    List<Expr> prev = g.at("prev", g.position().minus(1), List.of(f0, f1, f2, b));
    Expr anyOf01 = prev.get(0).plus(prev.get(1));
    units.add(g.relu("and.a", anyOf01.plus(b).minus(1)));
    units.add(g.relu("and.b", b.plus(anyOf01).minus(1)));
    units.add(g.relu("scaled", anyOf01.times(512).plus(prev.get(2).times(1024)).plus(prev.get(3)).minus(512)));
    units.add(g.relu("half", prev.get(0).times(0.5).plus(prev.get(2)).minus(0.25)));
    units.add(g.relu("single", prev.get(2).plus(b).minus(1)));
    units.add(g.relu("notExclusive", prev.get(1).plus(prev.get(3)).minus(1)));
    Expr logit = Expr.ZERO;
    for (Expr u : units) logit = logit.plus(u);
    for (int t = 0; t < TOKENS; t++) g.logit(t, logit.times(t + 1));
    return g;
  }

  @Test
  void foldedGatesReadOneOutputPerSumAndComputeTheSameValues() {
    List<Expr> plainUnits = new java.util.ArrayList<>();
    Graph plain = graph(plainUnits);
    Graph folded = HeadSums.fold(plain);

    Head head = folded.heads().get(0);
    // f0 + f1, once for the ANDs and the scaled unit
    assertThat(head.values()).hasSize(4 + 1);
    for (Node n : folded.nodes()) {
      if (n instanceof Node.Neuron ne && ne.name().startsWith("and.")) {
        long outputs = ne.gate().terms().keySet().stream().filter(m -> m instanceof Node.HeadOutput).count();
        assertThat(outputs).as(ne.name()).isEqualTo(1);
      }
      if (n instanceof Node.Neuron ne && (ne.name().equals("half") || ne.name().equals("notExclusive"))) {
        long outputs = ne.gate().terms().keySet().stream().filter(m -> m instanceof Node.HeadOutput).count();
        assertThat(outputs).as(ne.name() + " is not folded").isEqualTo(2);
      }
      if (n instanceof Node.Neuron ne && ne.name().equals("scaled")) {
        long outputs = ne.gate().terms().keySet().stream().filter(m -> m instanceof Node.HeadOutput).count();
        assertThat(outputs).as("the set, f2 and the bit").isEqualTo(3);
      }
    }

    Evaluator a = new Evaluator(plain);
    Evaluator b = new Evaluator(folded);
    Random random = new Random(7);
    List<Expr> foldedUnits = unitsOf(folded);
    for (int p = 0; p < 200; p++) {
      int token = random.nextInt(TOKENS);
      assertThat(b.step(token)).isEqualTo(a.step(token));
      for (int u = 0; u < plainUnits.size(); u++) {
        assertThat(b.eval(foldedUnits.get(u))).as("unit %d at %d", u, p).isEqualTo(a.eval(plainUnits.get(u)));
      }
    }
  }

  @Test
  void aGraphWithoutSumsOfOutputsIsReturnedAsItIs() {
    Graph g = new Graph(2);
    Expr f = g.input("f", new double[] {0, 1});
    List<Expr> prev = g.at("prev", g.position().minus(1), List.of(f));
    g.logit(1, g.relu("u", prev.get(0).plus(f).minus(1)));
    assertThat(HeadSums.fold(g)).isSameAs(g);
  }

  private static List<Expr> unitsOf(Graph g) {
    return g.nodes().stream().filter(n -> n instanceof Node.Neuron).map(Expr::of).toList();
  }
}
