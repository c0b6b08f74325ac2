package dev.wasmformer.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link PrefixCache} on a stand-in stepper whose state is the list of tokens it was given: it
 * keeps the state after the fixed prefix, resumes only prompts that start with the kept tokens,
 * and keeps nothing for a stepper that cannot be copied.
 */
class PrefixCacheTest {

  /** What a recording stepper's snapshot says it takes per token. */
  private static final long BYTES_PER_TOKEN = 100;

  /** A budget that keeps everything the tests keep. */
  private static PrefixBudget roomy() {
    return new PrefixBudget(1 << 20, 1 << 20);
  }

  /** A stepper whose state is every token it got; its snapshot is a copy of that list. */
  private static final class Recording implements TokenStepper {
    final List<Integer> tokens;
    final boolean copyable;

    Recording(List<Integer> tokens, boolean copyable) {
      this.tokens = new ArrayList<>(tokens);
      this.copyable = copyable;
    }

    @Override
    public int step(int token) {
      tokens.add(token);
      return 0;
    }

    @Override
    public long retainedBytes() {
      return BYTES_PER_TOKEN * tokens.size();
    }

    @Override
    public Snapshot snapshot() {
      if (!copyable) return null;
      List<Integer> kept = List.copyOf(tokens);
      return new Snapshot() {
        @Override
        public TokenStepper resume() {
          return new Recording(kept, true);
        }

        @Override
        public long retainedBytes() {
          return BYTES_PER_TOKEN * kept.size();
        }
      };
    }
  }

  /** Makes recording steppers and counts them. */
  private static final class Factory implements StepperFactory {
    final boolean copyable;
    final AtomicInteger made = new AtomicInteger();

    Factory(boolean copyable) {
      this.copyable = copyable;
    }

    @Override
    public TokenStepper newStepper(Attention attention) {
      made.incrementAndGet();
      return new Recording(List.of(), copyable);
    }
  }

  /** Feeds {@code prompt} from where the start says, as the decode loop does; returns the stepper's tokens. */
  private static List<Integer> run(PrefixCache cache, Factory factory, int... prompt) {
    PrefixCache.Start start = cache.start(factory, Attention.HULL, prompt);
    for (int i = start.fed(); i + 1 < prompt.length; i++) start.stepper().feed(prompt[i]);
    start.stepper().step(prompt[prompt.length - 1]);
    TokenStepper s = start.stepper();
    // the first run's stepper wraps the factory's: its tokens are read through a snapshot
    return s instanceof Recording r ? r.tokens : ((Recording) s.snapshot().resume()).tokens;
  }

  @Test
  void theFixedLengthIsTheFirstPositionARunMayChange() {
    assertThat(PrefixCache.fixedLength(100, 30, 31, 60)).isEqualTo(30);
    assertThat(PrefixCache.fixedLength(100, 60)).isEqualTo(60);
    assertThat(PrefixCache.fixedLength(100)).isEqualTo(100);
  }

  @Test
  void aLaterRunResumesAfterTheKeptTokensAndGetsEveryTokenOnce() {
    PrefixCache cache = new PrefixCache(3, roomy());
    Factory factory = new Factory(true);
    assertThat(run(cache, factory, 1, 2, 3, 4, 5)).containsExactly(1, 2, 3, 4, 5);
    assertThat(cache.holds(Attention.HULL)).isTrue();
    assertThat(cache.holds(Attention.NAIVE)).isFalse();
    PrefixCache.Start start = cache.start(factory, Attention.HULL, new int[] {1, 2, 3, 9});
    assertThat(start.fed()).isEqualTo(3);
    assertThat(((Recording) start.stepper()).tokens).containsExactly(1, 2, 3);
    assertThat(run(cache, factory, 1, 2, 3, 7, 8, 9)).containsExactly(1, 2, 3, 7, 8, 9);
    assertThat(factory.made).as("steppers made new").hasValue(1);
  }

  @Test
  void aPromptThatDiffersWithinTheKeptTokensFeedsItsWholePrompt() {
    PrefixCache cache = new PrefixCache(3, roomy());
    Factory factory = new Factory(true);
    run(cache, factory, 1, 2, 3, 4);
    PrefixCache.Start start = cache.start(factory, Attention.HULL, new int[] {1, 6, 3, 4});
    assertThat(start.fed()).isZero();
    assertThat(run(cache, factory, 1, 6, 3, 4)).containsExactly(1, 6, 3, 4);
  }

  @Test
  void nothingIsKeptForAStepperThatCannotBeCopiedOrAPromptNoLongerThanThePrefix() {
    PrefixCache cache = new PrefixCache(3, roomy());
    Factory plain = new Factory(false);
    cache.start(plain, Attention.HULL, new int[] {1, 2, 3, 4}).stepper().feed(1);
    PrefixCache.Start start = cache.start(plain, Attention.HULL, new int[] {1, 2, 3, 4});
    for (int t : new int[] {1, 2, 3}) start.stepper().feed(t);
    assertThat(cache.holds(Attention.HULL)).isFalse();
    Factory copyable = new Factory(true);
    assertThat(cache.start(copyable, Attention.HULL, new int[] {1, 2, 3}).stepper()).isInstanceOf(Recording.class);
    assertThat(new PrefixCache(0, roomy()).start(copyable, Attention.HULL, new int[] {1, 2}).fed()).isZero();
  }

  @Test
  void aStateThatDoesNotFitEvictsTheStatesUsedLeastRecently() {
    // each state holds 3 tokens (300 bytes): the budget holds two of them
    PrefixBudget budget = new PrefixBudget(700, 700);
    Factory factory = new Factory(true);
    PrefixCache a = new PrefixCache(3, budget);
    PrefixCache b = new PrefixCache(3, budget);
    PrefixCache c = new PrefixCache(3, budget);
    run(a, factory, 1, 2, 3, 4);
    run(b, factory, 5, 6, 7, 8);
    assertThat(budget.keptBytes()).isEqualTo(600);
    run(a, factory, 1, 2, 3, 9);   // a is now the one used most recently
    run(c, factory, 2, 3, 4, 5);

    assertThat(a.holds(Attention.HULL)).isTrue();
    assertThat(b.holds(Attention.HULL)).as("the least recently used").isFalse();
    assertThat(c.holds(Attention.HULL)).isTrue();
    assertThat(budget.keptBytes()).isEqualTo(600);
    // an evicted program's next run feeds its whole prompt and keeps its state again
    PrefixCache.Start again = b.start(factory, Attention.HULL, new int[] {5, 6, 7, 8});
    assertThat(again.fed()).isZero();
    assertThat(run(b, factory, 5, 6, 7, 1)).containsExactly(5, 6, 7, 1);
    assertThat(b.holds(Attention.HULL)).isTrue();
    assertThat(a.holds(Attention.HULL)).as("evicted after c's use").isFalse();
  }

  @Test
  void aStateLargerThanTheLargestKeptIsNeverKeptNorTakenAgain() {
    PrefixBudget budget = new PrefixBudget(10_000, 299);
    Factory factory = new Factory(true);
    PrefixCache small = new PrefixCache(2, budget);
    PrefixCache large = new PrefixCache(3, budget);
    assertThat(run(large, factory, 1, 2, 3, 4)).containsExactly(1, 2, 3, 4);
    assertThat(run(small, factory, 1, 2, 3, 4)).containsExactly(1, 2, 3, 4);

    assertThat(large.holds(Attention.HULL)).isFalse();
    assertThat(large.refused(Attention.HULL)).isTrue();
    assertThat(small.holds(Attention.HULL)).as("200 bytes fit").isTrue();
    assertThat(budget.keptBytes()).isEqualTo(200);
    // a later run of the large one gets a plain stepper: no snapshot is taken to be refused
    assertThat(large.start(factory, Attention.HULL, new int[] {1, 2, 3, 4}).stepper()).isInstanceOf(Recording.class);
  }

  @Test
  void aBudgetOfNothingKeepsNothing() {
    PrefixCache cache = new PrefixCache(3, new PrefixBudget(0, 0));
    Factory factory = new Factory(true);
    run(cache, factory, 1, 2, 3, 4);
    assertThat(cache.start(factory, Attention.HULL, new int[] {1, 2, 3, 4}).stepper()).isInstanceOf(Recording.class);
    assertThat(cache.holds(Attention.HULL)).isFalse();
  }

  @Test
  void aResumedRunSaysHowLargeTheStateItCopiedIs() {
    PrefixCache cache = new PrefixCache(3, roomy());
    Factory factory = new Factory(true);
    assertThat(cache.start(factory, Attention.HULL, new int[] {1, 2, 3, 4}).bytes()).isZero();
    run(cache, factory, 1, 2, 3, 4);
    assertThat(cache.start(factory, Attention.HULL, new int[] {1, 2, 3, 5}).bytes()).isEqualTo(3 * BYTES_PER_TOKEN);
  }

  @Test
  void sizesAreBytesOrKibiMebiOrGibibytes() {
    assertThat(PrefixBudget.parseSize("p", "4096")).isEqualTo(4096);
    assertThat(PrefixBudget.parseSize("p", "64k")).isEqualTo(64 << 10);
    assertThat(PrefixBudget.parseSize("p", " 32M")).isEqualTo(32 << 20);
    assertThat(PrefixBudget.parseSize("p", "2g")).isEqualTo(2L << 30);
    assertThat(PrefixBudget.parseSize("p", "0")).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrefixBudget.parseSize("wasmformer.prefixCache.maxBytes", "lots"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("wasmformer.prefixCache.maxBytes must be a size in bytes, optionally with k, m or g (e.g. 64m), not \"lots\"");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrefixBudget.parseSize("p", "-1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theLargestKeptStateIsAtMostTheBudget() {
    assertThat(new PrefixBudget(100, 500).maxStateBytes()).isEqualTo(100);
  }
}
