package dev.wasmformer.runtime;

/** A run that ended without reaching HALT; carries what the run produced until then. */
public abstract sealed class RunException extends RuntimeException
    permits TrapException, TokenLimitException, MalformedTraceException, HeapExhaustedException {
  private static final long serialVersionUID = 1L;

  private final transient RunStats stats;
  private final byte[] output;
  private final byte[] errorOutput;

  RunException(String message, RunStats stats, byte[] output, byte[] errorOutput) {
    super(message);
    this.stats = stats;
    this.output = output.clone();
    this.errorOutput = errorOutput.clone();
  }

  /** The cost of the run until it ended. */
  public RunStats stats() {
    return stats;
  }

  /** The output bytes the program wrote before the run ended. */
  public byte[] output() {
    return output.clone();
  }

  /** The error output bytes (stderr) the program wrote before the run ended. */
  public byte[] errorOutput() {
    return errorOutput.clone();
  }
}
