package dev.wasmformer.trace;

import java.util.List;
import java.util.OptionalLong;

/** One effect of an executed instruction, as its trace tokens state it. */
public sealed interface TraceEffect {
  /** A 32-bit word written to absolute slot {@code slot} (a result, a local, a global). */
  record SlotWrite(int slot, int value) implements TraceEffect {}

  /**
   * Bytes stored to memory at {@code [x] + offset}; the trace carries the bytes, not the
   * address, so only the instruction's static offset is known.
   */
  record MemoryWrite(int offset, List<Integer> bytes) implements TraceEffect {
    public MemoryWrite {
      bytes = List.copyOf(bytes);
    }
  }

  /** A byte written to the output (putchar). */
  record Output(int value) implements TraceEffect {}

  /** A byte written to the error output (putchar_err, stderr). */
  record ErrorOutput(int value) implements TraceEffect {}

  /** A conditional or unconditional jump to instruction {@code target}, taken or not. */
  record Jump(int target, boolean taken) implements TraceEffect {}

  /** A call of the function at {@code target} whose frame starts at slot {@code fp}. */
  record Call(int target, int fp) implements TraceEffect {}

  /** A return to instruction {@code target} in the caller's frame at slot {@code fp}. */
  record Return(int target, int fp) implements TraceEffect {}

  /** The program stopped; with the entry point's result when it has one. */
  record Halt(OptionalLong result) implements TraceEffect {}

  /** The program trapped; {@code cause} as the TRAP token reads, e.g. "integer divide by zero". */
  record Trap(String cause) implements TraceEffect {}
}
