package dev.wasmformer.runtime;

import java.util.Arrays;

/**
 * The transformer's state after the part of a program's prompt that no run changes, one per
 * attention kind whose steppers give snapshots (the hull's), kept so that a run starts from a
 * copy of it and feeds only the rest. A
 * prompt is the program's prefix with some bytes replaced (the arguments' at the parameter
 * positions, the argument area's), then the input and the suffix; the tokens before the first
 * position a run may replace are the same in every run. The first run of a kind feeds them and
 * keeps a snapshot; a later run whose prompt starts with the same tokens (compared, not
 * assumed) resumes from it. A stepper's snapshot steps exactly as the stepper it came from
 * would, so the trace is the same with and without the cache. The states are kept within the
 * bundle's {@link PrefixBudget}: one that does not fit evicts others, one that is too large is
 * never kept (and never copied again), and an evicted one is taken again by the next run.
 * Thread-safe: a snapshot is never changed, and every run resumes from its own copy.
 */
final class PrefixCache {
  /** The system property that turns the cache off when "false" (for diagnostics). */
  static final String PROPERTY = "wasmformer.prefixCache";
  /** Whether {@link Program#run(RunOptions)} uses the cache. */
  static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty(PROPERTY));

  /** How many tokens every prompt of the program starts with unchanged. */
  private final int length;
  private final PrefixBudget budget;
  /** The kinds whose state was larger than the budget admits, a bit per ordinal: not taken again. */
  private volatile int tooLarge;

  /** The kept prefix's tokens, the state after them, and the heap the state takes. */
  record Kept(int[] tokens, TokenStepper.Snapshot state, long bytes) {}

  /**
   * Where a run starts: its stepper, how many of the prompt's tokens it holds already, and the
   * heap its copy of the kept state takes (0 for none).
   */
  record Start(TokenStepper stepper, int fed, long bytes) {}

  /** The state the bundle stores for this prefix (none: {@link StoredPrefix#none}). */
  private final StoredPrefix stored;

  PrefixCache(int length, PrefixBudget budget) {
    this(length, budget, StoredPrefix.none());
  }

  /** A cache whose hull state, while none is kept, comes from {@code stored} when that matches. */
  PrefixCache(int length, PrefixBudget budget, StoredPrefix stored) {
    this.length = length;
    this.budget = budget;
    this.stored = stored;
  }

  /** The state the bundle stores (for tests). */
  StoredPrefix stored() {
    return stored;
  }

  /** The state the bundle stores, and whether runs on {@code steppers} use it (decodes it to tell). */
  StoredPrefix.Status storedStatus(StepperFactory steppers) {
    return stored.status(steppers);
  }

  /**
   * The length of the prompt's part no run changes: the first position of {@code changed} (the
   * parameters' positions, the argument area's first one), at most {@code prefixLength} (where
   * the input starts).
   */
  static int fixedLength(int prefixLength, int... changed) {
    int length = prefixLength;
    for (int p : changed) length = Math.min(length, p);
    return length;
  }

  /** How many tokens a kept state holds (0: nothing is kept). */
  int length() {
    return length;
  }

  /** Whether a state is kept for {@code attention} (for tests; not a use). */
  boolean holds(Attention attention) {
    return budget.holds(new PrefixBudget.Slot(this, attention));
  }

  /** Whether the state for {@code attention} was found too large to keep (for tests). */
  boolean refused(Attention attention) {
    return (tooLarge & 1 << attention.ordinal()) != 0;
  }

  private synchronized void refuse(Attention attention) {
    tooLarge |= 1 << attention.ordinal();
  }

  /**
   * A stepper for a run of {@code prompt}: resumed from the kept state when there is one and
   * the prompt starts with its tokens; otherwise a new one, which keeps its state after the
   * fixed prefix if none is kept yet.
   */
  Start start(StepperFactory steppers, Attention attention, int[] prompt) {
    // the last prompt token is stepped, not fed: a kept state must leave one at least
    if (length == 0 || length >= prompt.length) return new Start(steppers.newStepper(attention), 0, 0);
    boolean keeps = budget.keepsAny() && !refused(attention);
    PrefixBudget.Slot slot = new PrefixBudget.Slot(this, attention);
    Kept k = keeps ? budget.get(slot) : null;
    if (k == null && attention == Attention.HULL && stored.present()
        && Arrays.equals(prompt, 0, length, stored.tokens(), 0, length)) {
      // none kept (the first run, or evicted): the bundle's state, if it matches, beats feeding
      TokenStepper.Snapshot state = stored.snapshot(steppers);
      if (state != null) {
        k = new Kept(stored.tokens(), state, state.retainedBytes());
        if (keeps && !budget.keep(slot, k)) refuse(attention);
      }
    }
    if (k == null) {
      if (!keeps) return new Start(steppers.newStepper(attention), 0, 0);
      return new Start(new Keeping(steppers.newStepper(attention), slot, prompt), 0, 0);
    }
    if (Arrays.equals(prompt, 0, length, k.tokens, 0, length)) {
      TokenStepper resumed = k.state.resume();
      return new Start(resumed, length, resumed.retainedBytes());
    }
    return new Start(steppers.newStepper(attention), 0, 0);
  }

  /** A first run's stepper: takes the snapshot when it has fed the fixed prefix. */
  private final class Keeping implements TokenStepper {
    private final TokenStepper stepper;
    private final PrefixBudget.Slot slot;
    private final int[] tokens;
    private int fed;

    Keeping(TokenStepper stepper, PrefixBudget.Slot slot, int[] prompt) {
      this.stepper = stepper;
      this.slot = slot;
      this.tokens = Arrays.copyOf(prompt, length);
    }

    @Override
    public int step(int token) {
      fed = -1;   // past the prompt: nothing more to keep
      return stepper.step(token);
    }

    @Override
    public void feed(int token) {
      stepper.feed(token);
      if (fed >= 0 && ++fed == length) {
        TokenStepper.Snapshot state = stepper.snapshot();
        if (state != null && !budget.keep(slot, new Kept(tokens, state, state.retainedBytes()))) {
          refuse(slot.attention());
        }
      }
    }

    @Override
    public Snapshot snapshot() {
      return stepper.snapshot();
    }
  }
}
