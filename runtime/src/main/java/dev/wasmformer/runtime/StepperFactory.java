package dev.wasmformer.runtime;

import dev.wasmformer.runtime.state.StateFormatException;

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

  /**
   * The fingerprint a stored hull state must carry to be read for this transformer
   * ({@link dev.wasmformer.runtime.model.KeptStates#fingerprint}); null when it reads none.
   */
  default byte[] stateFingerprint() {
    return null;
  }

  /**
   * The hull state after {@code positions} prompt tokens that {@code state} holds, as a snapshot
   * to resume runs from.
   *
   * @throws StateFormatException if the bytes are not such a state of this transformer
   */
  default TokenStepper.Snapshot readState(java.nio.ByteBuffer state, long positions) throws StateFormatException {
    throw new StateFormatException("this transformer reads no stored state");
  }

  /** The stored form of a hull run's state after feeding {@code tokens}. */
  default byte[] writeState(int[] tokens) {
    throw new UnsupportedOperationException("this transformer writes no state");
  }
}
