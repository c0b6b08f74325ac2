package dev.wasmformer.runtime;

/** One run's view of the transformer: append a token, get the arg-max next token. */
@FunctionalInterface
interface TokenStepper {
  int step(int token);

  /** Appends a token whose successor is already known (a prompt token): no arg-max needed. */
  default void feed(int token) {
    step(token);
  }
}
