package dev.wasmformer.runtime;

/** One run's view of the transformer: append a token, get the arg-max next token. */
@FunctionalInterface
interface TokenStepper {
  int step(int token);

  /** Appends a token whose successor is already known (a prompt token): no arg-max needed. */
  default void feed(int token) {
    step(token);
  }

  /**
   * The state this stepper is in, kept so that later runs whose prompts start with the same
   * tokens resume from it instead of feeding them again; null when the stepper cannot be
   * copied. The stepper goes on unchanged.
   */
  default Snapshot snapshot() {
    return null;
  }

  /** The heap this stepper's state takes, in bytes; 0 when unknown. */
  default long retainedBytes() {
    return 0;
  }

  /** A stepper's state, never changed: any thread may resume from it, any number of times. */
  interface Snapshot {
    /** A new stepper in the kept state: it steps exactly as the stepper the state came from would have. */
    TokenStepper resume();

    /** The heap the state takes, in bytes (what keeping it costs; a resumed stepper's copy starts this size). */
    long retainedBytes();
  }
}
