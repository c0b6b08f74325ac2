package dev.wasmformer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.ReferenceInterpreter;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.isa.Trap;
import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.RunException;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.testing.TestPrograms;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decoder's reading of a transformer's trace ends where the reference interpreter
 * ends: the same number of instructions, the same output, the same result or trap.
 */
class TraceAgreesWithTheReferenceTest {
  /** Small programs of the shared table that cover calls, memory, output, globals and traps. */
  private static final Set<String> PROGRAMS =
      Set.of("answer", "fib", "hello", "memory_stores", "calls", "globals", "traps", "echo_upper", "void_entry");

  /** Longer runs (the deep recursion of "traps") would make the test slow. */
  private static final long MAX_INSTRUCTIONS = 3_000;

  private static long referenceInstructions(TokenProgram program, TestPrograms.Run r) {
    try {
      return new ReferenceInterpreter(program).run(r.args(), r.input()).instructions();
    } catch (Trap trap) {
      return trap.instructions();
    }
  }

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (TestPrograms.TestProgram p : TestPrograms.all()) {
      if (!PROGRAMS.contains(p.name())) continue;
      TokenProgram program = WasmformerCompiler.lower(p.wasm(), p.entry());
      for (TestPrograms.Run r : p.runs()) {
        if (referenceInstructions(program, r) <= MAX_INSTRUCTIONS) runs.add(Arguments.of(p, r));
      }
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("runs")
  void theDecodedTraceEndsLikeTheReferenceInterpreter(TestPrograms.TestProgram p, TestPrograms.Run r) throws Exception {
    TokenProgram program = WasmformerCompiler.lower(p.wasm(), p.entry());
    LoadedBundle bundle = Wasmformer.load(new WasmformerCompiler(InterpreterModel.get()).addProgram(program, p.name())
        .bundle());
    List<TraceStep> steps = new ArrayList<>();
    RunOptions options = RunOptions.defaults().withArgs(r.args()).withInput(r.input()).withMaxTokens(200_000)
        .withTraceListener(TraceDecoder.of(program, r.args(), steps::add));
    dev.wasmformer.runtime.TrapException trapped = null;
    try {
      bundle.programs().get(0).run(options);
    } catch (dev.wasmformer.runtime.TrapException e) {
      trapped = e; // compared below with the reference's
    } catch (RunException e) {
      // ends the steps early: compared below
    }

    ByteArrayOutputStream output = new ByteArrayOutputStream();
    steps.forEach(s -> s.effects(TraceEffect.Output.class).forEach(o -> output.write(o.value())));
    TraceStep last = steps.get(steps.size() - 1);
    try {
      ReferenceInterpreter.Result expected = new ReferenceInterpreter(program).run(r.args(), r.input());
      assertThat(last.effects(TraceEffect.Halt.class)).containsExactly(new TraceEffect.Halt(
          program.results().isEmpty() ? OptionalLong.empty() : expected.value()));
      assertThat(output.toByteArray()).isEqualTo(expected.output());
      assertThat((long) steps.size()).isEqualTo(expected.instructions());
    } catch (Trap trap) {
      assertThat(last.effects(TraceEffect.Trap.class)).containsExactly(new TraceEffect.Trap(trap.trapCause().text()));
      assertThat(last.pc()).isEqualTo(trap.pc());
      // the model's own report of where it trapped, read by the runtime
      assertThat(trapped).isNotNull();
      assertThat(trapped.instruction()).hasValue(trap.pc());
      assertThat(output.toByteArray()).isEqualTo(trap.output());
      assertThat((long) steps.size()).isEqualTo(trap.instructions());
    }
    assertThat(steps).filteredOn(TraceStep::isLast).containsExactly(last);
  }
}
