package dev.wasmformer.runtime;

/** A transformer that starts fresh runs; shared between threads. */
@FunctionalInterface
interface StepperFactory {
  TokenStepper newStepper(Attention attention);

  /**
   * Does now, on this thread, the one-time work the first runs with {@code attention} would
   * otherwise start in the background (e.g. generating code), before runs start on every core.
   */
  default void prepare(Attention attention) {}

  /**
   * An estimate of the heap a run with {@code attention} keeps per position, in bytes (see
   * {@link TokenBudget}); 0 when unknown, which leaves the default token limit as it is.
   */
  default long bytesPerPosition(Attention attention) {
    return 0;
  }

  /**
   * How many positions, prompt included, a run may have (the model's {@link
   * dev.wasmformer.runtime.model.Model#positionLimit()}); {@link Long#MAX_VALUE} for no limit.
   */
  default long positionLimit() {
    return Long.MAX_VALUE;
  }
}
