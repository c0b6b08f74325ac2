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
    public Snapshot snapshot() {
      if (!copyable) return null;
      List<Integer> kept = List.copyOf(tokens);
      return () -> new Recording(kept, true);
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
    PrefixCache cache = new PrefixCache(3);
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
    PrefixCache cache = new PrefixCache(3);
    Factory factory = new Factory(true);
    run(cache, factory, 1, 2, 3, 4);
    PrefixCache.Start start = cache.start(factory, Attention.HULL, new int[] {1, 6, 3, 4});
    assertThat(start.fed()).isZero();
    assertThat(run(cache, factory, 1, 6, 3, 4)).containsExactly(1, 6, 3, 4);
  }

  @Test
  void nothingIsKeptForAStepperThatCannotBeCopiedOrAPromptNoLongerThanThePrefix() {
    PrefixCache cache = new PrefixCache(3);
    Factory plain = new Factory(false);
    cache.start(plain, Attention.HULL, new int[] {1, 2, 3, 4}).stepper().feed(1);
    PrefixCache.Start start = cache.start(plain, Attention.HULL, new int[] {1, 2, 3, 4});
    for (int t : new int[] {1, 2, 3}) start.stepper().feed(t);
    assertThat(cache.holds(Attention.HULL)).isFalse();
    Factory copyable = new Factory(true);
    assertThat(cache.start(copyable, Attention.HULL, new int[] {1, 2, 3}).stepper()).isInstanceOf(Recording.class);
    assertThat(new PrefixCache(0).start(copyable, Attention.HULL, new int[] {1, 2}).fed()).isZero();
  }
}
