package dev.wasmformer.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs that start from the kept state after a program's fixed prompt prefix ({@link
 * PrefixCache}) generate exactly the tokens, and end exactly as, runs that feed the whole
 * prompt: a program with parameters (whose fixed prefix ends in the entry stub), one reading
 * stdin, a C main taking argv (whose fixed prefix ends at its argument area), and sudoku's long
 * prompt, on the hull cache. Naive runs keep no state (their caches hold every position) and
 * run as before. So do runs whose programs evict each other's states from a small budget, and
 * runs of a program whose state is larger than the budget keeps.
 */
class PrefixCacheTraceTest {
  /** Sudoku's runs stop here: far enough to leave its prompt (22K tokens) well behind. */
  private static final long SUDOKU_TOKENS = 30_000;

  private static dev.wasmformer.runtime.format.Bundle bundle;

  @BeforeAll
  static void build() throws Exception {
    bundle = PrefixPrograms.bundle();
  }

  /** A fresh load: its programs keep no state yet. */
  private static LoadedBundle load() throws Exception {
    return Wasmformer.load(bundle);
  }

  /** A fresh load whose kept states share {@code maxBytes}, none above {@code maxStateBytes}. */
  private static LoadedBundle load(long maxBytes, long maxStateBytes) {
    return new LoadedBundle(bundle, ModelBinding.bind(bundle), new PrefixBudget(maxBytes, maxStateBytes));
  }

  @Test
  void programsEvictingEachOthersStatesRunAsWithoutTheCache() {
    LoadedBundle roomy = load(Long.MAX_VALUE, Long.MAX_VALUE);
    RunEnding.of(roomy.program("fib"), RunOptions.defaults().withArgs(3), true);
    long fib = roomy.prefixBudget().keptBytes();
    RunEnding.of(roomy.program("args"), RunOptions.defaults(), true);
    long args = roomy.prefixBudget().keptBytes() - fib;
    assertThat(fib).isPositive();
    assertThat(args).isPositive();
    // room for either state, not for both
    long budget = Math.max(fib, args) + Math.min(fib, args) / 2;
    LoadedBundle small = load(budget, budget);
    Program f = small.program("fib");
    Program a = small.program("args");
    // each state is kept, resumed, evicted by the other's, then kept again by a full feed
    Object[][] runs = {
        {f, RunOptions.defaults().withArgs(10)}, {f, RunOptions.defaults().withArgs(1)},
        {a, RunOptions.defaults().withArgv("7")}, {a, RunOptions.defaults()},
        {f, RunOptions.defaults().withArgs(25)}, {f, RunOptions.defaults().withArgs(2)},
        {a, RunOptions.defaults().withArgv("12", "-5", "héllo", "")},
    };
    for (int i = 0; i < runs.length; i++) {
      Program program = (Program) runs[i][0];
      Program other = program == f ? a : f;
      RunOptions options = (RunOptions) runs[i][1];
      TokenTrace expected = new TokenTrace();
      RunEnding alone = RunEnding.of(program, options.withTraceListener(expected), false);
      TokenTrace trace = new TokenTrace();
      RunEnding actual = RunEnding.of(program, options.withTraceListener(trace), true);
      assertThat(actual).as("run %d of %s", i, program.name()).isEqualTo(alone);
      assertThat(trace.tokens()).as("trace of run %d of %s", i, program.name()).isEqualTo(expected.tokens());
      assertThat(program.prefixCache().holds(Attention.HULL)).as("run %d keeps its state", i).isTrue();
      assertThat(other.prefixCache().holds(Attention.HULL)).as("run %d evicted the other's", i).isFalse();
      assertThat(small.prefixBudget().keptBytes()).as("after run %d", i).isLessThanOrEqualTo(budget);
    }
  }

  @Test
  void aProgramWhoseStateIsLargerThanTheLargestKeptRunsAsWithoutTheCache() {
    LoadedBundle roomy = load(Long.MAX_VALUE, Long.MAX_VALUE);
    RunEnding.of(roomy.program("fib"), RunOptions.defaults().withArgs(3), true);
    long fib = roomy.prefixBudget().keptBytes();
    LoadedBundle tight = load(Long.MAX_VALUE, fib - 1);
    Program program = tight.program("fib");
    for (long n : new long[] {10, 1, 25}) {
      TokenTrace expected = new TokenTrace();
      RunEnding alone = RunEnding.of(program, RunOptions.defaults().withArgs(n).withTraceListener(expected), false);
      TokenTrace trace = new TokenTrace();
      RunEnding actual = RunEnding.of(program, RunOptions.defaults().withArgs(n).withTraceListener(trace), true);
      assertThat(actual).as("fib(%d)", n).isEqualTo(alone);
      assertThat(trace.tokens()).as("trace of fib(%d)", n).isEqualTo(expected.tokens());
      assertThat(program.prefixCache().holds(Attention.HULL)).isFalse();
      assertThat(program.prefixCache().refused(Attention.HULL)).isTrue();
      assertThat(tight.prefixBudget().keptBytes()).isZero();
    }
  }

  @Test
  void aProgramWithParametersRunsAsWithoutTheCache() throws Exception {
    for (Attention attention : Attention.values()) {
      assertSameRuns(load().program("fib"), attention,
          RunOptions.defaults().withArgs(10), RunOptions.defaults().withArgs(1), RunOptions.defaults().withArgs(25));
    }
  }

  @Test
  void aProgramReadingStdinRunsAsWithoutTheCache() throws Exception {
    assertSameRuns(load().program("wordfreq"), Attention.HULL,
        input("the cat and the hat\n"), input(""), input("a b a c a b\nzebra zebra\n"));
  }

  @Test
  void aMainTakingArgvRunsAsWithoutTheCache() throws Exception {
    assertSameRuns(load().program("args"), Attention.HULL,
        RunOptions.defaults().withArgv("7"), RunOptions.defaults(), RunOptions.defaults().withArgv("12", "-5", "héllo", ""));
  }

  @Test
  void sudokusLongPromptIsFedOnceAndTheRunsGoOnAsWithoutTheCache() throws Exception {
    RunOptions limited = RunOptions.defaults().withMaxTokens(SUDOKU_TOKENS);
    Program sudoku = load().program("sudoku");
    assertThat(sudoku.prefixCache().length()).as("sudoku's fixed prefix").isGreaterThan(15_000);
    assertSameRuns(sudoku, Attention.HULL, limited, limited.withInput("123".getBytes(StandardCharsets.US_ASCII)), limited);
  }

  @Test
  void runsOnTwoThreadsSharingTheKeptStateEndAsSequentialRunsWithoutIt() throws Exception {
    List<RunOptions> runs = new ArrayList<>();
    List<TokenTrace> traces = new ArrayList<>();
    String[] inputs = {"one two two\n", "x\n", "", "b a b a b\n", "to be or not to be\n", "q q q q q\n"};
    for (String in : inputs) {
      TokenTrace trace = new TokenTrace();
      traces.add(trace);
      runs.add(input(in).withTraceListener(trace));
    }
    Program program = load().program("wordfreq");
    List<RunOutcome> outcomes = program.runBatch(runs, 2);
    assertThat(program.prefixCache().holds(Attention.HULL)).isTrue();
    Program fresh = load().program("wordfreq");
    for (int i = 0; i < runs.size(); i++) {
      TokenTrace expected = new TokenTrace();
      RunEnding alone = RunEnding.of(fresh, runs.get(i).withTraceListener(expected), false);
      assertThat(RunEnding.of(outcomes.get(i))).as("run %d", i).isEqualTo(alone);
      assertThat(traces.get(i).tokens()).as("trace of run %d", i).isEqualTo(expected.tokens());
    }
  }

  private static RunOptions input(String text) {
    return RunOptions.defaults().withInput(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Runs each of {@code options} without the cache, then with it, in order (the first run with
   * it keeps the state, the others start from it): the same tokens, the same end.
   */
  private static void assertSameRuns(Program program, Attention attention, RunOptions... options) {
    assertThat(program.prefixCache().length()).as("%s's fixed prefix", program.name()).isPositive();
    List<RunEnding> expected = new ArrayList<>();
    List<int[]> expectedTraces = new ArrayList<>();
    for (RunOptions o : options) {
      TokenTrace trace = new TokenTrace();
      expected.add(RunEnding.of(program, o.withAttention(attention).withTraceListener(trace), false));
      expectedTraces.add(trace.tokens());
    }
    assertThat(program.prefixCache().holds(attention)).as("a run without the cache keeps nothing").isFalse();
    for (int i = 0; i < options.length; i++) {
      TokenTrace trace = new TokenTrace();
      RunEnding actual = RunEnding.of(program, options[i].withAttention(attention).withTraceListener(trace), true);
      assertThat(program.prefixCache().holds(attention)).as("state kept after run %d", i)
          .isEqualTo(attention == Attention.HULL);
      assertThat(actual).as("%s run %d on %s", program.name(), i, attention).isEqualTo(expected.get(i));
      assertThat(trace.tokens()).as("%s trace %d on %s", program.name(), i, attention)
          .isEqualTo(expectedTraces.get(i));
    }
  }
}
