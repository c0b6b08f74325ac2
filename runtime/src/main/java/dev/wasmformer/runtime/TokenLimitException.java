package dev.wasmformer.runtime;

import java.util.Locale;

/**
 * The run generated as many tokens as its limit allows without halting: the limit {@link
 * RunOptions#withMaxTokens} set, else the default, {@link RunOptions#DEFAULT_MAX_TOKENS} or
 * less when the Java heap could not hold that many ({@link #limitFromHeap()}); either lowered to
 * the model's position limit when the run would pass it ({@link #limitFromPositions()}).
 */
public final class TokenLimitException extends RunException {
  private static final long serialVersionUID = 1L;

  private final long limit;
  private final boolean fromHeap;
  private final long positionLimit;
  private final String summary;

  TokenLimitException(TokenBudget budget, RunStats stats, byte[] output, byte[] errorOutput) {
    super(summary(budget) + advice(budget), stats, output, errorOutput);
    this.limit = budget.limit();
    this.fromHeap = budget.fromHeap();
    this.positionLimit = budget.positionLimit();
    this.summary = summary(budget);
  }

  private static String summary(TokenBudget budget) {
    if (budget.positionLimit() > 0) {
      return String.format(Locale.ROOT, "no HALT after %d generated tokens (the model's position limit: its lookups by"
          + " position are proven exact for %,d positions, the prompt's included)", budget.limit(), budget.positionLimit());
    }
    if (!budget.fromHeap()) return "no HALT after " + budget.limit() + " generated tokens (the limit)";
    return String.format(Locale.ROOT, "no HALT after %d generated tokens (the default limit, lowered to what the"
            + " Java heap holds: %,d of its %,d MiB free at the start, ~%d bytes per position for the attention caches)",
        budget.limit(), budget.freeHeap() >> 20, budget.maxHeap() >> 20, budget.bytesPerPosition());
  }

  private static String advice(TokenBudget budget) {
    if (budget.positionLimit() > 0) return "; no limit or heap makes a run longer";
    String set = "RunOptions.withMaxTokens (generated methods and the run goal: -Dwasmformer.maxTokens=N;"
        + " wasmformer-cli.jar: --max-tokens N)";
    return budget.fromHeap()
        ? "; give Java more heap (-Xmx) for a higher default, or set a limit with " + set
        : "; raise it with " + set;
  }

  /** The limit the run reached. */
  public long limit() {
    return limit;
  }

  /**
   * Whether the limit was the default, lowered to what the Java heap could hold when the run
   * started (no limit was set); more heap ({@code -Xmx}) raises it.
   */
  public boolean limitFromHeap() {
    return fromHeap;
  }

  /**
   * Whether the limit was lowered to the model's position limit: the run would have passed the
   * last position at which the model's lookups by position are proven exact
   * ({@code Model.positionLimit()}, 2^26 + 1 positions for the interpreter). Neither a higher limit
   * nor more heap makes such a run longer.
   */
  public boolean limitFromPositions() {
    return positionLimit > 0;
  }

  /**
   * The message without advice on raising the limit, e.g. {@code no HALT after 3000 generated
   * tokens (the limit)}: for tools that name their own options.
   */
  public String summary() {
    return summary;
  }
}
