package dev.wasmformer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {
  /**
   * Position 0 (token 0) holds a valid key at {@code address}, position 1 (token 1) an invalid
   * one; the query at position 1 is {@code query}. The valid key's score {@code q² − d²} is
   * compared with the invalid key's {@code −2^50}: below it the invalid position wins, at it
   * both tie and LATEST reads position 1. Queries of 2^31 and more take the evaluator's
   * arbitrary-precision path, smaller ones its long arithmetic; both must decide alike.
   */
  @ParameterizedTest(name = "key {0}, query {1} -> position {2}")
  @CsvSource({
      "0, 67108864, 0",            // d = q: score 0
      "67108864, -67108864, 1",    // score 2^52 - 2^54 < -2^50
      "33554432, 0, 1",            // score -2^50 exactly: a tie, the latest wins
      "33554431, 0, 0",            // just above -2^50
      "0, 2147483647, 0",          // long path, score 0
      "0, -2147483648, 0",         // BigInteger path, score 0
      "67108864, -2147483647, 1",  // long path, far below -2^50
      "67108864, -2147483648, 1",  // BigInteger path, far below -2^50
      "0, 1099511627776, 0",       // q = 2^40: BigInteger path, score 0
      "67108864, 1099511627776, 0",  // q = 2^40, d = q - 2^26: score 2^67 - 2^52 > 0 (its squares overflow a long)
  })
  void aValidKeyLosesToTheInvalidOnesExactlyWhenItsScoreIsBelowTheirs(long address, long query, int expected) {
    Graph g = new Graph(2);
    Expr valid = g.input("valid", new double[] {1, 0});
    Expr aValid = g.input("aValid", new double[] {address, 0});
    Expr aSqValid = g.input("aSqValid", new double[] {(double) address * address, 0});
    Expr q = g.input("query", new double[] {0, query});
    List<Expr> read = g.lookup("probe", valid, aValid, aSqValid, q, List.of(g.position()));
    Evaluator ev = new Evaluator(g);
    ev.step(0);
    ev.step(1);
    assertThat(ev.eval(read.get(0))).isEqualTo(expected);
  }

  /** A prefix sum read only where its flag is 1 counts every position, and is 0 elsewhere. */
  @Test
  void aCumSumWhereAFlagIsOneIsTheWholePrefixSumThereAndZeroElsewhere() {
    Graph g = new Graph(3);
    Expr v = g.input("v", new double[] {1, 2, 4});
    Expr flag = g.input("flag", new double[] {1, 0, 0});
    Expr all = g.cumSum("all", v);
    Expr where = g.cumSumWhere("where", v, 0x1p41, flag);
    Evaluator ev = new Evaluator(g);
    int[] tokens = {0, 1, 2, 0, 2};
    double[] prefix = {1, 3, 7, 8, 12};
    double[] expected = {1, 0, 0, 8, 0};
    for (int i = 0; i < tokens.length; i++) {
      ev.step(tokens[i]);
      assertThat(ev.eval(all)).isEqualTo(prefix[i]);
      assertThat(ev.eval(where)).isEqualTo(expected[i]);
    }
  }
}
