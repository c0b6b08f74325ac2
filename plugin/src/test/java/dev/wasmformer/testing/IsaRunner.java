package dev.wasmformer.testing;

import dev.wasmformer.isa.ReferenceInterpreter;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.isa.Trap;

/** Runs a token program on the reference interpreter and reports an {@link Outcome}. */
public final class IsaRunner {
  private IsaRunner() {}

  public static Outcome run(TokenProgram program, long[] args, byte[] input) {
    try {
      ReferenceInterpreter.Result result = new ReferenceInterpreter(program).run(args, input);
      return Outcome.halted(result.value(), result.output(), result.errorOutput());
    } catch (Trap trap) {
      return Outcome.trapped(trap.trapCause().text(), trap.output(), trap.errorOutput());
    }
  }
}
