package dev.wasmformer.runtime;

/** A run that ended without reaching HALT; carries what the run produced until then. */
public abstract sealed class RunException extends RuntimeException
    permits TrapException, TokenLimitException, MalformedTraceException {
  private static final long serialVersionUID = 1L;

  private final transient RunStats stats;
  private final byte[] output;

  RunException(String message, RunStats stats, byte[] output) {
    super(message);
    this.stats = stats;
    this.output = output.clone();
  }

  /** The cost of the run until it ended. */
  public RunStats stats() {
    return stats;
  }

  /** The output bytes the program wrote before the run ended. */
  public byte[] output() {
    return output.clone();
  }
}
