package dev.wasmformer.runtime;

/** One run's view of the transformer: append a token, get the arg-max next token. */
@FunctionalInterface
interface TokenStepper {
  int step(int token);
}
