package dev.wasmformer.runtime;

/** A transformer that starts fresh runs; shared between threads. */
@FunctionalInterface
interface StepperFactory {
  TokenStepper newStepper(Attention attention);
}
