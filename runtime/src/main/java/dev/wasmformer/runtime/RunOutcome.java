package dev.wasmformer.runtime;

import java.util.Objects;
import java.util.Optional;

/** The outcome of one run of a batch: its result, or the exception that ended it. */
public final class RunOutcome {
  private final RunResult result;
  private final RuntimeException failure;

  private RunOutcome(RunResult result, RuntimeException failure) {
    this.result = result;
    this.failure = failure;
  }

  static RunOutcome of(RunResult result) {
    return new RunOutcome(Objects.requireNonNull(result), null);
  }

  static RunOutcome failed(RuntimeException failure) {
    return new RunOutcome(null, Objects.requireNonNull(failure));
  }

  /** Whether the run reached HALT. */
  public boolean succeeded() {
    return result != null;
  }

  /**
   * The run's result.
   *
   * @throws RuntimeException the exception that ended the run, if it did not halt: a {@link
   *     TrapException}, {@link TokenLimitException}, {@link MalformedTraceException}, or {@link
   *     IllegalArgumentException} for arguments or input the program cannot take
   */
  public RunResult result() {
    if (failure != null) throw failure;
    return result;
  }

  /** The exception that ended the run, if it did not halt. */
  public Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    return succeeded() ? "RunOutcome[" + result + "]" : "RunOutcome[failed: " + failure + "]";
  }
}
