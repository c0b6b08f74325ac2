package dev.wasmformer.runtime;

import java.util.Optional;
import java.util.OptionalInt;

/** The program trapped: the model generated a TRAP token. */
public final class TrapException extends RunException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final OptionalInt instruction;
  private final String function;

  TrapException(
      String reason, OptionalInt instruction, String function, RunStats stats, byte[] output, byte[] errorOutput) {
    super(
        "trap: " + reason
            + (instruction.isPresent() ? " at instruction " + instruction.getAsInt() : "")
            + (function != null ? " (in function " + function + ")" : ""),
        stats,
        output,
        errorOutput);
    this.reason = reason;
    this.instruction = instruction;
    this.function = function;
  }

  /** The text of the TRAP token, e.g. {@code integer divide by zero}. */
  public String reason() {
    return reason;
  }

  /**
   * The index of the trapping instruction in the token program (the program counter), as
   * the model reports it after the TRAP token; empty when the trace does not report it.
   */
  public OptionalInt instruction() {
    return instruction;
  }

  /**
   * The name of the function holding the trapping instruction, when the bundle names the
   * program's functions and the trace reports the instruction.
   */
  public Optional<String> function() {
    return Optional.ofNullable(function);
  }
}
