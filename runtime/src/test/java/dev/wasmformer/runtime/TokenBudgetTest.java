package dev.wasmformer.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBudgetTest {
  private static final long MIB = 1L << 20;

  @Test
  void theDefaultIsWhatTheFreeHeapHoldsAtThreeTimesTheBytesPerPositionLessThePrompt() {
    // 1,024 MiB heap, 96 MiB in use: 928 MiB free, of which an eighth of the heap (128 MiB) is
    // kept for the collector
    TokenBudget b = TokenBudget.fromHeap(1024 * MIB, 96 * MIB, 80, 1000);

    assertThat(b.freeHeap()).isEqualTo(928 * MIB);
    assertThat(b.limit()).isEqualTo(800 * MIB / (3 * 80) - 1000);
    assertThat(b.fromHeap()).isTrue();
  }

  @Test
  void aHeapThatHoldsMoreThanTheDefaultKeepsTheDefault() {
    TokenBudget b = TokenBudget.fromHeap(64L << 30, 0, 20, 100);

    assertThat(b.limit()).isEqualTo(RunOptions.DEFAULT_MAX_TOKENS);
    assertThat(b.fromHeap()).isFalse();
  }

  @Test
  void aHeapTooSmallForThePromptStillAllowsOneToken() {
    TokenBudget b = TokenBudget.fromHeap(8 * MIB, 8 * MIB, 80, 100);

    assertThat(b.limit()).isEqualTo(1);
    assertThat(b.fromHeap()).isTrue();
  }

  @Test
  void anUnknownEstimateOrAnUnboundedHeapKeepsTheDefault() {
    assertThat(TokenBudget.fromHeap(MIB, 0, 0, 10).limit()).isEqualTo(RunOptions.DEFAULT_MAX_TOKENS);
    assertThat(TokenBudget.fromHeap(Long.MAX_VALUE, 0, 80, 10).limit()).isEqualTo(RunOptions.DEFAULT_MAX_TOKENS);
  }

  @Test
  void aLimitTheOptionsSetIsKeptWhateverTheHeap() {
    RunOptions set = RunOptions.defaults().withMaxTokens(5_000_000_000L);
    TokenBudget b = TokenBudget.of(set, 1_000_000, 10);

    assertThat(b.limit()).isEqualTo(5_000_000_000L);
    assertThat(b.fromHeap()).isFalse();
    assertThat(set.maxTokensSet()).isTrue();
    assertThat(RunOptions.defaults().maxTokensSet()).isFalse();
    assertThat(RunOptions.defaults().maxTokens()).isEqualTo(RunOptions.DEFAULT_MAX_TOKENS);
  }

  @Test
  void withoutALimitTheRunsBudgetComesFromThisJvmsHeap() {
    // a million bytes per position: no heap of this test's JVM holds the default's positions
    TokenBudget b = TokenBudget.of(RunOptions.defaults(), 1_000_000, 10);

    assertThat(b.fromHeap()).isTrue();
    assertThat(b.maxHeap()).isEqualTo(Runtime.getRuntime().maxMemory());
    assertThat(b.limit()).isLessThan(Runtime.getRuntime().maxMemory() / 3_000_000);
  }

  @Test
  void keptStatesAreFreeAndAResumedCopyCountsThreeTimes() {
    assertThat(TokenBudget.inUse(100 * MIB, 30 * MIB, 0)).isEqualTo(70 * MIB);
    // the copy (10 MiB) is in the 100 in use already: two more times it for its growth
    assertThat(TokenBudget.inUse(100 * MIB, 30 * MIB, 10 * MIB)).isEqualTo(90 * MIB);
    assertThat(TokenBudget.inUse(10 * MIB, 30 * MIB, 0)).as("never below nothing").isZero();
  }
}
