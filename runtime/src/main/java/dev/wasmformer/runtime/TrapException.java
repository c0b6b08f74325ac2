package dev.wasmformer.runtime;

import java.util.OptionalInt;

/** The program trapped: the model generated a TRAP token. */
public final class TrapException extends RunException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final OptionalInt instruction;

  TrapException(String reason, OptionalInt instruction, RunStats stats, byte[] output) {
    super(
        "trap: " + reason
            + (instruction.isPresent() ? " at instruction " + instruction.getAsInt() : ""),
        stats,
        output);
    this.reason = reason;
    this.instruction = instruction;
  }

  /** The text of the TRAP token, e.g. {@code integer divide by zero}. */
  public String reason() {
    return reason;
  }

  /** The index of the trapping instruction, when the trace reports it. */
  public OptionalInt instruction() {
    return instruction;
  }
}
