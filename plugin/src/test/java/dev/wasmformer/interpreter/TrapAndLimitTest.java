package dev.wasmformer.interpreter;

import static dev.wasmformer.isa.Opcode.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.interpreter.Vocab.Kind;
import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.ReferenceInterpreter;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.isa.Trap;
import dev.wasmformer.runtime.format.Program;
import dev.wasmformer.runtime.model.AttentionKind;
import dev.wasmformer.runtime.model.Model;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A trap's trace ends with the trapping instruction's index; the prompt's limits bound
 * memory.grow and the call depth. Each run agrees token for token between the evaluator and
 * the transformer with both caches.
 */
class TrapAndLimitTest {
  private static final InterpreterModel IM = InterpreterModel.get();
  private static final Model MODEL = Model.from(new dev.wasmformer.compiler.WasmformerCompiler(IM)
      .addProgram(InterpreterGraphTest.fib(), "fib").bundle());

  private static Instruction ins(dev.wasmformer.isa.Opcode op, int x, int y, int z, int imm) {
    return new Instruction(op, x, y, z, imm);
  }

  /**
   * main(a): the entry stub calls a function that starts after {@code padding} NOPs (so that
   * its instructions have indexes above 255), which runs {@code body} with a in slot 0.
   */
  private static TokenProgram program(int padding, List<Instruction> body) {
    List<Instruction> code = new ArrayList<>();
    code.add(ins(CONST, 0, 0, 1, 0));
    code.add(ins(CALL, 1, 0, 0, 4 | (2 << 16)));
    code.add(ins(HALT_I32, 1, 0, 0, 0));
    code.add(ins(NOP, 0, 0, 0, 0));
    for (int i = 0; i < padding; i++) code.add(ins(NOP, 0, 0, 0, 0));
    code.addAll(body);
    return new TokenProgram("t", "main", List.of(TokenProgram.ValueKind.I32), List.of(TokenProgram.ValueKind.I32),
        code, new byte[0], 65536, 0, List.of(0), List.of(new TokenProgram.FunctionInfo("f", 4)));
  }

  /** The evaluator's outcome, after checking that the transformer's traces with both caches are the same. */
  private static EvaluatorRunner.Outcome run(Program prog, long arg) {
    long[] args = {arg};
    var ev = EvaluatorRunner.evaluate(IM.graph(), IM.vocab(), prog, args, new byte[0], 200_000);
    var naive = EvaluatorRunner.run(IM.vocab(), prog, args, new byte[0], MODEL.newDecoder(AttentionKind.NAIVE)::step, 200_000);
    var hull = EvaluatorRunner.run(IM.vocab(), prog, args, new byte[0], MODEL.newDecoder(AttentionKind.HULL)::step, 200_000);
    assertThat(naive.trace()).isEqualTo(ev.trace());
    assertThat(hull.trace()).isEqualTo(ev.trace());
    return ev;
  }

  private static Program encode(TokenProgram p) {
    return new ProgramEncoder(IM.vocab()).encode(p);
  }

  /** The program with its suffix's limits replaced. */
  private static Program withLimits(Program p, int maxPages, int maxDepth) {
    Vocab v = IM.vocab();
    int[] bytes = {maxPages & 0xFF, maxPages >> 8, maxDepth & 0xFF, maxDepth >> 8};
    Program.Builder b = p.toBuilder();
    for (int i = 0; i < 4; i++) b.setSuffix(i, v.id(Kind.FIELD, bytes[i]));
    return b.build();
  }

  private static void assertTrapsLikeTheReference(TokenProgram p, long arg) {
    Trap expected = null;
    try {
      new ReferenceInterpreter(p).run(new long[] {arg}, new byte[0]);
    } catch (Trap t) {
      expected = t;
    }
    assertThat(expected).as("the reference traps").isNotNull();

    var out = run(encode(p), arg);

    assertThat(out.trap()).isEqualTo(expected.trapCause().text());
    assertThat(out.trapAddress()).isEqualTo(expected.pc());
    List<Integer> trace = out.trace();
    assertThat(trace.subList(trace.size() - 3, trace.size()))
        .extracting(t -> IM.vocab().kind(t))
        .containsExactly(Kind.TRAP, Kind.TRAP_ADDRESS, Kind.TRAP_ADDRESS);
  }

  @Test
  void aDivisionByZeroReportsItsInstructionBeyondTheFirst256() {
    TokenProgram p = program(300, List.of(
        ins(CONST, 0, 0, 1, 7),
        ins(DIV_U, 1, 0, 1, 0),
        ins(RETURN_VALUE, 1, 0, 0, 0)));

    assertTrapsLikeTheReference(p, 0);
    assertThat(run(encode(p), 2).result()).isEqualTo(3);
  }

  @Test
  void aSignedOverflowReportsItsInstruction() {
    TokenProgram p = program(0, List.of(
        ins(CONST, 0, 0, 1, Integer.MIN_VALUE),
        ins(CONST, 0, 0, 2, -1),
        ins(NOP, 0, 0, 0, 0),
        ins(DIV_S, 1, 2, 1, 0),
        ins(RETURN_VALUE, 1, 0, 0, 0)));

    assertTrapsLikeTheReference(p, 0);
  }

  @Test
  void anAccessOutsideMemoryReportsItsInstruction() {
    TokenProgram load = program(260, List.of(ins(LOAD32, 0, 0, 1, 65533), ins(RETURN_VALUE, 1, 0, 0, 0)));
    TokenProgram store = program(511, List.of(ins(STORE8, 0, 0, 0, 65536), ins(RETURN_VALUE, 0, 0, 0, 0)));

    assertTrapsLikeTheReference(load, 0);
    assertTrapsLikeTheReference(store, 0);
  }

  @Test
  void unreachableAndTrapInstructionsReportTheirInstruction() {
    assertTrapsLikeTheReference(program(2, List.of(ins(NOP, 0, 0, 0, 0), ins(UNREACHABLE, 0, 0, 0, 0))), 0);
    assertTrapsLikeTheReference(program(0, List.of(ins(TRAP, 0, 0, 0, 6))), 0);
  }

  /** f(n): n > 0 ? f(n - 1) : 0, each call's frame {@code stride} slots above its caller's. */
  private static TokenProgram recursion(int stride) {
    return program(0, List.of(
        /* 4 */ ins(JUMP_IFZ, 0, 0, 0, 9),
        ins(CONST, 0, 0, stride, 1),
        ins(SUB, 0, stride, stride, 0),
        ins(CALL, stride, 0, 0, 4 | (8 << 16)),
        /* 8 */ ins(RETURN_VALUE, stride, 0, 0, 0),
        /* 9 */ ins(RETURN_VALUE, 0, 0, 0, 0)));
  }

  @Test
  void theCallDepthLimitTrapsTheFirstCallBeyondIt() {
    Program limited = withLimits(encode(recursion(1)), ProgramEncoder.PAGE_LIMIT, 10);

    // f(9) nests ten frames of f: allowed; f(10) would need eleven
    assertThat(run(limited, 9).trap()).isNull();
    var out = run(limited, 10);

    assertThat(out.trap()).isEqualTo("call stack exhausted");
    assertThat(out.trapAddress()).isEqualTo(7);
    // 10 calls done: each f executes JUMP_IFZ, CONST, SUB, CALL before the next
    assertThat(out.instructions()).isEqualTo(2 + 10 * 4);
  }

  @Test
  void withTheDefaultLimitsTheSlotsStillBoundTheRecursion() {
    TokenProgram p = recursion(200);

    assertTrapsLikeTheReference(p, 100_000);
    assertThat(run(encode(p), 300).trap()).isNull();
  }

  @Test
  void memoryGrowBeyondThePageLimitReturnsMinusOne() {
    // grow by [0] pages twice, then return the sum of the results and the size
    TokenProgram p = program(0, List.of(
        ins(MEMORY_GROW, 0, 0, 1, 256),
        ins(MEMORY_GROW, 0, 0, 2, 256),
        ins(ADD, 1, 2, 1, 0),
        ins(MEMORY_SIZE, 0, 0, 2, 0),
        ins(ADD, 1, 2, 1, 0),
        ins(RETURN_VALUE, 1, 0, 0, 0)));
    Program limited = withLimits(encode(p), 5, ProgramEncoder.CALL_DEPTH_LIMIT);

    // 1 page: +2 -> 3 (result 1), +2 -> 5 (result 3), size 5
    assertThat(run(limited, 2).result()).isEqualTo(1 + 3 + 5);
    // +3 -> 4 (result 1), +3 would reach 7 > 5: -1, size 4
    assertThat(run(limited, 3).result()).isEqualTo(1 - 1 + 4);
    // without the limit, the module's maximum (256) allows both
    assertThat(run(encode(p), 3).result()).isEqualTo(1 + 4 + 7);
  }
}
