package dev.wasmformer.runtime;

/**
 * What a run cost.
 *
 * @param tokens tokens the model generated (the trace, including the final HALT or TRAP
 *     token), not counting the prompt
 * @param instructions executed token-program instructions (generated tokens marked commit)
 * @param seconds wall-clock time of the run, prompt included
 */
public record RunStats(long tokens, long instructions, double seconds) {
  /** Generated tokens per second of wall-clock time (0 when no time was measured). */
  public double tokensPerSecond() {
    return seconds > 0 ? tokens / seconds : 0;
  }
}
