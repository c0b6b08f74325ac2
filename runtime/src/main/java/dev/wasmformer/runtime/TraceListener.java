package dev.wasmformer.runtime;

/** Receives every token the model generates during a run, in order (for tracing). */
@FunctionalInterface
public interface TraceListener {
  /** Called once per generated token, before the run acts on it. */
  void onToken(int tokenId);
}
