package dev.wasmformer.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.interpreter.Vocab;
import dev.wasmformer.interpreter.Vocab.Kind;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.TrapException;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.testing.SampleProgram;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceDecoderTest {
  private static LoadedBundle bundle(TokenProgram program) throws Exception {
    return Wasmformer.load(new WasmformerCompiler(InterpreterModel.get()).addProgram(program, "test").bundle());
  }

  @Test
  void aTraceDecodesToOneReadableLinePerExecutedInstruction() throws Exception {
    List<String> lines = new ArrayList<>();
    TraceDecoder decoder = TraceDecoder.of(SampleProgram.tokenProgram(), new long[] {21}, step -> lines.add(TraceFormat.line(step)));

    var result = bundle(SampleProgram.tokenProgram()).program("sample").run(RunOptions.defaults().withArgs(21).withTraceListener(decoder));

    assertThat(result.returnValue()).hasValue(42);
    assertThat(lines).containsExactly(
        "       1     0  (entry stub)     CONST x=0 y=0 z=1 imm=21             [2] = 21",
        "       2     1  (entry stub)     CALL x=1 y=0 z=0 imm=131075          call 3 fp=2",
        "       3     3  main             CONST x=0 y=0 z=1 imm=0              [3] = 0",
        "       4     4  main             CONST x=0 y=0 z=2 imm=104            [4] = 104",
        "       5     5  main             STORE8 x=1 y=2 z=0 imm=16            mem[[x]+16] = 68",
        "       6     6  main             LOAD8_U x=1 y=0 z=3 imm=16           [5] = 104",
        "       7     7  main             PUTCHAR x=3 y=0 z=0 imm=0            out 'h'",
        "       8     8  main             GLOBAL_SET x=0 y=0 z=0 imm=0         [0] = 21",
        "       9     9  main             JUMP_IFZ x=0 y=0 z=0 imm=11          no jump",
        "      10    10  main             JUMP x=0 y=0 z=0 imm=12              jump 12",
        "      11    12  main             COPY x=0 y=0 z=4 imm=0               [6] = 21",
        "      12    13  main             CALL x=4 y=0 z=0 imm=917519          call 15 fp=6",
        "      13    15  twice            ADD x=0 y=0 z=0 imm=0                [6] = 42",
        "      14    16  twice            RETURN_VALUE x=0 y=0 z=0 imm=0       [6] = 42  return 14 fp=2",
        "      15    14  main             RETURN_VALUE x=4 y=0 z=0 imm=0       [2] = 42  return 2 fp=1",
        "      16     2  (entry stub)     HALT_I32 x=1 y=0 z=0 imm=0           halt 42");
  }

  @Test
  void eachStepKnowsItsTokensAndTheyAddUpToTheTrace() throws Exception {
    List<TraceStep> steps = new ArrayList<>();
    List<Integer> tokens = new ArrayList<>();
    TraceDecoder decoder = TraceDecoder.of(SampleProgram.tokenProgram(), new long[] {5}, steps::add);

    var result = bundle(SampleProgram.tokenProgram()).program("sample").run(RunOptions.defaults().withArgs(5)
        .withTraceListener(t -> {
          tokens.add(t);
          decoder.onToken(t);
        }));

    assertThat(steps).hasSize((int) result.stats().instructions());
    assertThat(steps.stream().mapToLong(TraceStep::tokens).sum()).isEqualTo(result.stats().tokens());
    for (int i = 1; i < steps.size(); i++) {
      assertThat(steps.get(i).firstToken()).isEqualTo(steps.get(i - 1).firstToken() + steps.get(i - 1).tokens());
    }
    assertThat(decoder.ended()).isTrue();
    assertThat(decoder.executed()).isEqualTo(steps.size());
  }

  @Test
  void anI64ResultIsTwoSlotWritesLowWordFirst() throws Exception {
    TokenProgram program = WasmformerCompiler.lower(dev.wasmformer.testing.Wat.assemble("""
        (module (func (export "f") (param i64 i64) (result i64)
          (i64.div_u (i64.mul (i64.add (local.get 0) (local.get 1)) (local.get 1)) (local.get 0))))
        """), "f");
    long a = 0x1_2345_6789L;
    long b = 0xFFFF_FFFFL;
    List<TraceStep> steps = new ArrayList<>();
    TraceDecoder decoder = TraceDecoder.of(program, new long[] {a, b}, steps::add);

    var result = bundle(program).program(program.name()).run(RunOptions.defaults().withArgs(a, b).withTraceListener(decoder));

    long sum = a + b;
    long product = sum * b;
    assertThat(result.returnValue()).hasValue(Long.divideUnsigned(product, a));
    assertThat(writes(steps, dev.wasmformer.isa.Opcode.ADD64)).containsExactly((int) sum, (int) (sum >>> 32));
    assertThat(writes(steps, dev.wasmformer.isa.Opcode.MUL64)).containsExactly((int) product, (int) (product >>> 32));
    long quotient = Long.divideUnsigned(product, a);
    assertThat(writes(steps, dev.wasmformer.isa.Opcode.DIV64_U))
        .containsExactly((int) quotient, (int) (quotient >>> 32));
  }

  /** The values of the slot writes of the one step executing {@code op}, checking that they go to z, z + 1. */
  private static List<Integer> writes(List<TraceStep> steps, dev.wasmformer.isa.Opcode op) {
    TraceStep step = steps.stream().filter(s -> s.instruction().op() == op).findFirst().orElseThrow();
    List<TraceEffect.SlotWrite> w = step.effects().stream()
        .filter(e -> e instanceof TraceEffect.SlotWrite).map(e -> (TraceEffect.SlotWrite) e).toList();
    assertThat(w).extracting(TraceEffect.SlotWrite::slot).containsExactly(
        step.fp() + step.instruction().z(), step.fp() + step.instruction().z() + 1);
    return w.stream().map(TraceEffect.SlotWrite::value).toList();
  }

  @Test
  void aTrapIsTheLastStepWithItsCause() throws Exception {
    List<TraceStep> steps = new ArrayList<>();

    var trap = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> bundle(SampleProgram.tokenProgram()).program("sample").run(RunOptions.defaults().withArgs(0)
            .withTraceListener(TraceDecoder.of(SampleProgram.tokenProgram(), new long[] {0}, steps::add))),
        TrapException.class);

    assertThat(trap.reason()).isEqualTo("unreachable");
    assertThat(trap.instruction()).hasValue(11);
    TraceStep last = steps.get(steps.size() - 1);
    assertThat(last.pc()).isEqualTo(11);
    assertThat(last.effects()).containsExactly(new TraceEffect.Trap("unreachable"));
    assertThat(steps.get(steps.size() - 2).effects()).containsExactly(new TraceEffect.Jump(11, true));
  }

  @Test
  void aTrapAddressThatIsNotWhereTheTraceTrappedIsRefused() throws Exception {
    List<Integer> tokens = new ArrayList<>();
    try {
      bundle(SampleProgram.tokenProgram()).program("sample")
          .run(RunOptions.defaults().withArgs(0).withTraceListener(tokens::add));
    } catch (TrapException expected) {
      // the trace ends TRAP, then instruction 11 as two TRAP_ADDRESS tokens
    }
    Vocab vocab = new Vocab();
    int n = tokens.size();
    assertThat(tokens.subList(n - 2, n)).containsExactly(vocab.id(Kind.TRAP_ADDRESS, 0), vocab.id(Kind.TRAP_ADDRESS, 11));
    TraceProgram program = TraceProgram.of(SampleProgram.tokenProgram(), 0);
    TraceVocabulary vocabulary = TraceVocabulary.of(vocab);
    int[] trace = tokens.stream().mapToInt(Integer::intValue).toArray();
    assertThat(TraceDecoder.decode(program, vocabulary, trace)).isNotEmpty();

    trace[n - 1] = vocab.id(Kind.TRAP_ADDRESS, 12);

    assertThatThrownBy(() -> TraceDecoder.decode(program, vocabulary, trace))
        .isInstanceOf(TraceDecodingException.class)
        .hasMessage("trace token " + (n - 1) + " (trap_address:12): the trap's address is instruction 12, but the"
            + " trace trapped at instruction 11");
  }

  @Test
  void aBundlesProgramDecodesLikeTheLoweredOneWithFunctionsNamedByTheirStart() throws Exception {
    Bundle bundle = bundle(SampleProgram.tokenProgram()).bundle();

    TraceProgram fromBundle = TraceProgram.of(bundle.getPrograms(0), TraceVocabulary.of(bundle.getVocabulary()), 21);

    TraceProgram lowered = TraceProgram.of(SampleProgram.tokenProgram(), 21);
    assertThat(fromBundle.instructions()).isEqualTo(lowered.instructions());
    assertThat(fromBundle.initialFp()).isEqualTo(1);
    assertThat(fromBundle.initialPc()).isZero();
    assertThat(fromBundle.functionAt(1)).isEqualTo("(entry stub)");
    assertThat(fromBundle.functionAt(14)).isEqualTo("main");
    assertThat(fromBundle.functionAt(16)).isEqualTo("func@15");
  }

  @Test
  void aTokenThatDoesNotFitTheLayoutStopsDecodingWithTheReason() {
    Vocab vocab = new Vocab();
    TraceDecoder decoder = TraceDecoder.of(SampleProgram.tokenProgram(), new long[] {1}, step -> {});
    decoder.onToken(vocab.id(Kind.START));

    assertThatThrownBy(() -> decoder.onToken(vocab.id(Kind.JUMP_LO, 3)))
        .isInstanceOf(TraceDecodingException.class)
        .hasMessage("trace token 1 (jump_lo:3): expected byte (token 2 of 5) of CONST at instruction 0");
  }

  @Test
  void aTraceMustStartWithStart() {
    Vocab vocab = new Vocab();
    TraceDecoder decoder = TraceDecoder.of(SampleProgram.tokenProgram(), new long[] {1}, step -> {});

    assertThatThrownBy(() -> decoder.onToken(vocab.id(Kind.BYTE, 7)))
        .isInstanceOf(TraceDecodingException.class)
        .hasMessage("trace token 0 (byte:7): expected the START of instruction 0");
  }
}
