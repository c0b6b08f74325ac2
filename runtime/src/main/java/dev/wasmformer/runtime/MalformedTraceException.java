package dev.wasmformer.runtime;

/**
 * The model generated a trace that cannot be read as a result, e.g. HALT after too few
 * result bytes. A correct bundle never does this; damaged weights can.
 */
public final class MalformedTraceException extends RunException {
  private static final long serialVersionUID = 1L;

  MalformedTraceException(String message, RunStats stats, byte[] output, byte[] errorOutput) {
    super(message, stats, output, errorOutput);
  }
}
