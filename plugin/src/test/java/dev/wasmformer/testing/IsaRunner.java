package dev.wasmformer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.isa.ReferenceInterpreter;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.isa.Trap;
import dev.wasmformer.lowering.Lowering;

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

  /** Lowers {@code wasm} and checks that the ISA ends each run as Chicory does, one run per argument list. */
  public static void assertAgreesWithChicory(byte[] wasm, long[]... args) {
    TokenProgram p = Lowering.lower(wasm, null);
    for (long[] a : args) {
      assertThat(run(p, a, new byte[0]))
          .as("args %s", java.util.Arrays.toString(a))
          .isEqualTo(ChicoryRunner.run(wasm, p.entry(), a, new byte[0]));
    }
  }
}
