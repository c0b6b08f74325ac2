package dev.wasmformer.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.c.SourceFile;
import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.model.AttentionKind;
import dev.wasmformer.runtime.model.Model;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model's estimate of the heap a run keeps per position ({@link Model#bytesPerPosition})
 * against what runs keep: the heap after a full collection grows between two positions, per
 * position, by no more than the {@link TokenBudget} rule assumes at its peak ({@value
 * TokenBudget#GROWTH} times the estimate), and by at least half the estimate (it is not
 * absurdly high). The growth includes the arrays' room to grow, so it lies between what the
 * positions hold and twice that.
 */
class RetainedBytesTest {
  private static final long FROM = 150_000;
  /** Below sudoku's whole run (its immediate forms and inlined small functions shortened it). */
  private static final long TO = 550_000;
  private static final String LOOP = """
      #include <stdio.h>
      int main(void) {
        putchar('>');
        for (unsigned i = 0;; i++) {}
      }
      """;

  @Test
  void aRunawayLoopOnItsRestrictedModelKeepsWhatTheEstimateAllowsFor() throws Exception {
    check(new WasmformerCompiler(), new SourceFile("loop.c", LOOP));
  }

  @Test
  void sudokuOnTheUniversalModelKeepsWhatTheEstimateAllowsFor() throws Exception {
    check(new WasmformerCompiler(InterpreterModel.get()),
        new SourceFile("sudoku.c", Files.readString(Path.of("../docs/examples/sudoku.c"))));
  }

  private static void check(WasmformerCompiler compiler, SourceFile source) throws Exception {
    Bundle bundle = compiler.addC("p", List.of(source), WasmformerCompiler.cOptions(), List.of(), null).bundle();
    long estimate = Model.from(bundle).bytesPerPosition(AttentionKind.HULL);
    Program program = Wasmformer.load(bundle).program("p");
    long[] generated = {0};
    long[] used = new long[2];
    try {
      program.run(RunOptions.defaults().withMaxTokens(TO).withTraceListener(token -> {
        generated[0]++;
        if (generated[0] == FROM || generated[0] == TO) {
          System.gc();
          used[generated[0] == FROM ? 0 : 1] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
      }));
    } catch (TokenLimitException expected) {
      // both programs run longer than TO tokens
    }
    double perPosition = (used[1] - used[0]) / (double) (TO - FROM);

    assertThat(generated[0]).isEqualTo(TO);
    assertThat(perPosition).as("bytes kept per position, estimate %d", estimate)
        .isLessThanOrEqualTo(TokenBudget.GROWTH * estimate)
        .isGreaterThanOrEqualTo(estimate / 2.0);
  }
}
