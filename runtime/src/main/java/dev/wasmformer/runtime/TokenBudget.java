package dev.wasmformer.runtime;

/**
 * The token limit of one run: the one its options set, or the default, which the heap lowers
 * when it cannot hold a run of {@link RunOptions#DEFAULT_MAX_TOKENS} tokens. A run keeps
 * every position's share of its attention caches (about {@code bytesPerPosition}, an estimate
 * of the model's), in arrays that grow by doubling, which hold up to three times their
 * contents while one is copied; so a run of n positions fits in free heap F when
 * {@code 3 n bytesPerPosition <= F}. The free heap is the maximum heap less what is in use
 * when the run starts (garbage included, so the figure errs low) and a margin of an eighth
 * of the maximum for the collector. The prompt's positions count too. The bundle's kept prompt
 * prefixes count as free (see {@link #inUse}), a run's own copy of one as three times its size.
 *
 * @param limit the most tokens the run may generate, at least 1
 * @param fromHeap whether the heap lowered the default to {@code limit}
 * @param maxHeap the heap's maximum, in bytes ({@code Runtime.maxMemory()})
 * @param freeHeap the heap free when the run started ({@code maxHeap} less what was in use), in bytes
 * @param bytesPerPosition the model's estimate the rule used
 * @param positionLimit the model's {@link dev.wasmformer.runtime.model.Model#positionLimit() position
 *     limit} when it lowered {@code limit} (see {@link #within}), else 0
 */
record TokenBudget(long limit, boolean fromHeap, long maxHeap, long freeHeap, long bytesPerPosition,
    long positionLimit) {
  TokenBudget(long limit, boolean fromHeap, long maxHeap, long freeHeap, long bytesPerPosition) {
    this(limit, fromHeap, maxHeap, freeHeap, bytesPerPosition, 0);
  }

  /** Doubling arrays' peak: the old contents plus the new array of twice their size. */
  static final int GROWTH = 3;

  /** The limit {@code options} set, else the default lowered to what the heap holds. */
  static TokenBudget of(RunOptions options, long bytesPerPosition, int promptLength) {
    return of(options, bytesPerPosition, promptLength, 0, 0);
  }

  /**
   * As {@link #of(RunOptions, long, int)} for a run that has {@code promptLength} prompt
   * positions still to feed, starting from its copy of a kept state, of {@code resumedBytes} (0
   * for none), while the bundle's kept prefix states take {@code reclaimable} bytes of the
   * heap in use (see {@link #inUse}).
   */
  static TokenBudget of(RunOptions options, long bytesPerPosition, int promptLength, long reclaimable,
      long resumedBytes) {
    Runtime runtime = Runtime.getRuntime();
    if (options.maxTokensSet()) return new TokenBudget(options.maxTokens(), false, runtime.maxMemory(), 0, 0);
    long used = inUse(runtime.totalMemory() - runtime.freeMemory(), reclaimable, resumedBytes);
    return fromHeap(runtime.maxMemory(), used, bytesPerPosition, promptLength);
  }

  /**
   * The heap a run counts as taken when {@code heapUsed} bytes are in use: less the kept prefix
   * states ({@code reclaimable}: held softly, so the JVM drops them before it runs out of heap,
   * and the run may have their room), plus room for the run's own copy of a kept state
   * ({@code resumedBytes}, in use already) to grow: its arrays are trimmed to their contents and
   * double like every other, so at their peak they take {@value #GROWTH} times that.
   */
  static long inUse(long heapUsed, long reclaimable, long resumedBytes) {
    return Math.max(0, heapUsed - reclaimable + (GROWTH - 1) * resumedBytes);
  }

  /**
   * This budget, lowered when needed so that the run's positions, {@code promptLength} of the
   * prompt and then the generated tokens, stay within the model's {@code positionLimit}: a set
   * limit too, as past it the model's lookups by position are not proven exact and the caches
   * could not hold the run.
   */
  TokenBudget within(long positionLimit, int promptLength) {
    long room = positionLimit - promptLength;
    if (room >= limit) return this;
    return new TokenBudget(Math.max(1, room), false, maxHeap, freeHeap, bytesPerPosition, positionLimit);
  }

  /** The default limit for a heap of {@code maxHeap} bytes of which {@code used} are in use. */
  static TokenBudget fromHeap(long maxHeap, long used, long bytesPerPosition, int promptLength) {
    long cap = RunOptions.DEFAULT_MAX_TOKENS;
    if (bytesPerPosition <= 0 || maxHeap == Long.MAX_VALUE) return new TokenBudget(cap, false, maxHeap, 0, 0);
    long free = Math.max(0, maxHeap - used);
    long positions = Math.max(0, free - maxHeap / 8) / (GROWTH * bytesPerPosition);
    long limit = Math.max(1, positions - promptLength);
    return limit >= cap
        ? new TokenBudget(cap, false, maxHeap, free, bytesPerPosition)
        : new TokenBudget(limit, true, maxHeap, free, bytesPerPosition);
  }
}
