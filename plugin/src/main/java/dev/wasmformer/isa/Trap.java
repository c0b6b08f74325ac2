package dev.wasmformer.isa;

/**
 * A trap of a token program: execution stopped because an instruction could not complete.
 * Causes mirror WebAssembly's traps, plus the limits of the ISA (slots, instruction budget).
 */
public final class Trap extends RuntimeException {
  /** Why execution stopped. */
  public enum Cause {
    UNREACHABLE("unreachable"),
    INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
    INTEGER_OVERFLOW("integer overflow"),
    OUT_OF_BOUNDS_MEMORY_ACCESS("out of bounds memory access"),
    /** A call would place a frame whose slots reach beyond absolute slot 65535. */
    CALL_STACK_EXHAUSTED("call stack exhausted"),
    UNDEFINED_ELEMENT("undefined element"),
    INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
    /** A trapping float-to-integer conversion of a NaN (the soft-float routines raise it). */
    INVALID_CONVERSION_TO_INTEGER("invalid conversion to integer"),
    /** The reference interpreter's instruction budget ran out: not a cause of the TRAP opcode. */
    INSTRUCTION_LIMIT("instruction limit reached");

    private final String text;

    Cause(String text) {
      this.text = text;
    }

    /** The cause as WebAssembly's specification words it (e.g. "integer divide by zero"). */
    public String text() {
      return text;
    }
  }

  private final Cause trapCause;
  private final int pc;
  private final long instructions;
  private final byte[] output;
  private final byte[] errorOutput;

  /** A trap raised by an operation that does not know where it runs (e.g. {@link I32Ops}). */
  public Trap(Cause cause) {
    this(cause, -1, 0, new byte[0]);
  }

  /**
   * A trap at instruction {@code pc}, after {@code instructions} executed instructions
   * (including the trapping one), with the output written so far.
   */
  public Trap(Cause cause, int pc, long instructions, byte[] output) {
    this(cause, pc, instructions, output, new byte[0]);
  }

  /** As {@link #Trap(Cause, int, long, byte[])}, with the error output (stderr) written so far. */
  public Trap(Cause cause, int pc, long instructions, byte[] output, byte[] errorOutput) {
    super(cause.text() + (pc >= 0 ? " at instruction " + pc : ""));
    this.trapCause = cause;
    this.pc = pc;
    this.instructions = instructions;
    this.output = output.clone();
    this.errorOutput = errorOutput.clone();
  }

  public Cause trapCause() {
    return trapCause;
  }

  /** Index of the trapping instruction, or -1 when not known. */
  public int pc() {
    return pc;
  }

  /** Instructions executed up to and including the trapping one (0 when not known). */
  public long instructions() {
    return instructions;
  }

  /** Output bytes written before the trap. */
  public byte[] output() {
    return output.clone();
  }

  /** Error output bytes (PUTCHAR_ERR) written before the trap. */
  public byte[] errorOutput() {
    return errorOutput.clone();
  }
}
