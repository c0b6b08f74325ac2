package dev.wasmformer.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wasmformer.runtime.format.TestBundles;
import org.junit.jupiter.api.Test;

/**
 * How the default token limit counts the kept prefix states: as free heap (the JVM drops them
 * before it runs out), except a resumed run's own copy, which counts {@value
 * TokenBudget#GROWTH} times (in use already, and its trimmed arrays double as they grow). The
 * steppers here claim states far larger than any heap, so the limits show which way each was
 * counted.
 */
class KeptStateAccountingTest {
  /** What every snapshot says it takes: a pebibyte, more than this JVM's heap. */
  private static final long CLAIMED = 1L << 50;
  private static final long MAX_HEAP = Runtime.getRuntime().maxMemory();
  /** Bytes per position such that a heap with nothing in use holds ~900 positions. */
  private static final long BYTES_PER_POSITION = MAX_HEAP / 3000;

  /** Generates STEP for ever; it and its snapshots claim to take {@link #CLAIMED} bytes. */
  private static final class Endless implements TokenStepper {
    @Override
    public int step(int token) {
      return TestBundles.STEP;
    }

    @Override
    public long retainedBytes() {
      return CLAIMED;
    }

    @Override
    public Snapshot snapshot() {
      return new Snapshot() {
        @Override
        public TokenStepper resume() {
          return new Endless();
        }

        @Override
        public long retainedBytes() {
          return CLAIMED;
        }
      };
    }
  }

  private static LoadedBundle load() {
    StepperFactory steppers = new StepperFactory() {
      @Override
      public TokenStepper newStepper(Attention attention) {
        return new Endless();
      }

      @Override
      public long bytesPerPosition(Attention attention) {
        return BYTES_PER_POSITION;
      }
    };
    return new LoadedBundle(TestBundles.tiny(), java.util.Map.of("", steppers), new PrefixBudget(Long.MAX_VALUE, Long.MAX_VALUE));
  }

  private static TokenLimitException limited(Program program) {
    return catchThrowableOfType(() -> program.run(RunOptions.defaults(), true), TokenLimitException.class);
  }

  @Test
  void keptStatesCountAsFreeHeapButAResumedRunsCopyCountsThrice() {
    assumeTheHeapIsBounded();
    LoadedBundle bundle = load();
    Program echo = bundle.program("echo");
    limited(echo);   // keeps echo's state
    assertThat(bundle.prefixBudget().keptBytes()).isEqualTo(CLAIMED);

    // a run resumed from it: its copy, three times a pebibyte, leaves no heap
    TokenLimitException resumed = limited(echo);
    assertThat(resumed.limitFromHeap()).isTrue();
    assertThat(resumed.limit()).isEqualTo(1);

    // another program's run feeds its whole prompt: the pebibyte kept is free heap, so the heap
    // in use counts as nothing at all and the limit is the rule's for an empty heap
    Program add = bundle.program("add");
    TokenLimitException fresh = catchThrowableOfType(
        () -> add.run(RunOptions.defaults().withArgs(1, 2), true), TokenLimitException.class);
    int promptLength = add.prompt(new long[] {1, 2}, new byte[0]).length;
    assertThat(fresh.limitFromHeap()).isTrue();
    assertThat(fresh.limit())
        .isEqualTo((MAX_HEAP - MAX_HEAP / 8) / (TokenBudget.GROWTH * BYTES_PER_POSITION) - promptLength);
  }

  private static void assumeTheHeapIsBounded() {
    org.junit.jupiter.api.Assumptions.assumeTrue(MAX_HEAP != Long.MAX_VALUE);
  }
}
