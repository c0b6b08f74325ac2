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
}
