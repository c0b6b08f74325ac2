package dev.wasmformer.runtime;

import java.util.Objects;
import java.util.Optional;

/** The outcome of one run of a batch: its result, or the exception that ended it. */
public final class RunOutcome {
  private final RunResult result;
  private final RuntimeException failure;
  private final int thread;
  private final double cpuSeconds;

  private RunOutcome(RunResult result, RuntimeException failure, int thread, double cpuSeconds) {
    this.result = result;
    this.failure = failure;
    this.thread = thread;
    this.cpuSeconds = cpuSeconds;
  }

  static RunOutcome of(RunResult result, int thread, double cpuSeconds) {
    return new RunOutcome(Objects.requireNonNull(result), null, thread, cpuSeconds);
  }

  static RunOutcome failed(RuntimeException failure, int thread, double cpuSeconds) {
    return new RunOutcome(null, Objects.requireNonNull(failure), thread, cpuSeconds);
  }

  /** Which of the batch's threads ran it: 0 is the calling thread, then 1, 2, ... */
  public int thread() {
    return thread;
  }

  /**
   * The CPU time the run took on its thread, in seconds (on a shared machine it moves less
   * than the wall time); -1 where the JVM does not measure a thread's CPU time.
   */
  public double cpuSeconds() {
    return cpuSeconds;
  }

  /** Whether the run reached HALT. */
  public boolean succeeded() {
    return result != null;
  }

  /**
   * The run's result.
   *
   * @throws RuntimeException the exception that ended the run, if it did not halt: a {@link
   *     TrapException}, {@link TokenLimitException}, {@link HeapExhaustedException}, {@link
   *     MalformedTraceException}, or {@link
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
