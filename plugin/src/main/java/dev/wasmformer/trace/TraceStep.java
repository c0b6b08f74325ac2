package dev.wasmformer.trace;

import dev.wasmformer.isa.Instruction;
import java.util.List;
import java.util.Optional;

/**
 * One executed instruction of a trace.
 *
 * @param number 1 for the first executed instruction, then counting up
 * @param pc the instruction's index in the program
 * @param function the name of the function the instruction belongs to
 * @param instruction the instruction (the entry stub's argument constants as called)
 * @param fp the frame pointer it ran with
 * @param firstToken index of its START token among the generated tokens (0 for the first)
 * @param tokens how many trace tokens it took, START included (a trap's two address tokens, which
 *     follow its TRAP token and end the trace, are not counted)
 * @param effects what its tokens say it did, in token order
 */
public record TraceStep(
    long number, int pc, String function, Instruction instruction, int fp, long firstToken, int tokens,
    List<TraceEffect> effects) {
  public TraceStep {
    effects = List.copyOf(effects);
  }

  /** The effects of one kind, e.g. {@code effects(TraceEffect.Output.class)}. */
  public <T extends TraceEffect> List<T> effects(Class<T> kind) {
    return effects.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** The slot word it wrote, if it wrote one. */
  public Optional<TraceEffect.SlotWrite> written() {
    return effects(TraceEffect.SlotWrite.class).stream().findFirst();
  }

  /** Whether the program stopped here, halting or trapping. */
  public boolean isLast() {
    return effects.stream().anyMatch(e -> e instanceof TraceEffect.Halt || e instanceof TraceEffect.Trap);
  }
}
