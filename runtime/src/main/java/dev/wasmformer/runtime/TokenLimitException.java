package dev.wasmformer.runtime;

/** The run generated as many tokens as {@link RunOptions#maxTokens()} allows without halting. */
public final class TokenLimitException extends RunException {
  private static final long serialVersionUID = 1L;

  TokenLimitException(long maxTokens, RunStats stats, byte[] output, byte[] errorOutput) {
    super("no HALT after " + maxTokens + " generated tokens (the limit)", stats, output, errorOutput);
  }
}
