package dev.wasmformer.isa;

import static dev.wasmformer.isa.Opcode.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmformer.isa.TokenProgram.ValueKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference interpreter on hand-written token programs. */
class ReferenceInterpreterTest {
  private static Instruction in(Opcode op, int x, int y, int z, int imm) {
    return new Instruction(op, x, y, z, imm);
  }

  private static TokenProgram program(List<Instruction> code) {
    return program(code, List.of(), List.of(), 0, new byte[0], 0);
  }

  private static TokenProgram program(List<Instruction> code, List<ValueKind> params,
      List<Integer> paramInstructions, int globals, byte[] memory, int memoryBytes) {
    return new TokenProgram("test", "main", params, List.of(ValueKind.I32), code, memory,
        memoryBytes, globals, paramInstructions, List.of());
  }

  private static ReferenceInterpreter.Result run(TokenProgram program, long... args) {
    return new ReferenceInterpreter(program).run(args, new byte[0]);
  }

  private static Trap trap(TokenProgram program, long limit) {
    try {
      new ReferenceInterpreter(program).run(new long[0], new byte[0], limit);
    } catch (Trap t) {
      return t;
    }
    throw new AssertionError("no trap");
  }

  @Test
  void haltI32ReturnsSlotXAndCountsEveryExecutedInstruction() {
    var result = run(program(List.of(in(CONST, 0, 0, 1, -5), in(HALT_I32, 1, 0, 0, 0))));

    assertThat(result.value()).hasValue(-5);
    assertThat(result.instructions()).isEqualTo(2);
    assertThat(result.output()).isEmpty();
  }

  @Test
  void argumentsArePatchedIntoTheStubsConstInstructions() {
    TokenProgram p = program(List.of(
        in(CONST, 0, 0, 1, 0), in(CONST, 0, 0, 2, 0), in(SUB, 1, 2, 1, 0), in(HALT_I32, 1, 0, 0, 0)),
        List.of(ValueKind.I32, ValueKind.I32), List.of(0, 1), 0, new byte[0], 0);

    assertThat(run(p, 7, 3).value()).hasValue(4);
    assertThat(run(p, 0xFFFF_FFFFL, 1).value()).hasValue(-2);
    assertThatThrownBy(() -> run(p, 1L << 32, 0)).hasMessageContaining("does not fit in i32");
    assertThatThrownBy(() -> run(p, 1)).hasMessageContaining("takes 2 arguments");
  }

  @Test
  void calleeFrameStartsAtSlotXAndReturnValueLandsThere() {
    // stub: slot1 = 20, slot2 = 22, call at frame offset 1; callee: slot0 = slot0 + slot1.
    TokenProgram p = program(List.of(
        in(CONST, 0, 0, 1, 20),
        in(CONST, 0, 0, 2, 22),
        in(CALL, 1, 0, 0, 5 | 3 << 16),
        in(ADD, 1, 2, 1, 0),
        in(HALT_I32, 1, 0, 0, 0),
        in(ADD, 0, 1, 2, 0),
        in(RETURN_VALUE, 2, 0, 0, 0)));

    var result = run(p);

    // The callee's slot 0 is the caller's slot 1 (42 after return); slot 2 is the callee's 1.
    assertThat(result.value()).hasValue(42 + 22);
    assertThat(result.instructions()).isEqualTo(7);
  }

  @Test
  void globalsAreAbsoluteSlotsBelowTheStubFrame() {
    TokenProgram p = program(List.of(
        in(CONST, 0, 0, 1, 9),
        in(GLOBAL_SET, 1, 0, 0, 1),
        in(CALL, 1, 0, 0, 4 | 3 << 16),
        in(HALT_I32, 1, 0, 0, 0),
        in(GLOBAL_GET, 0, 0, 3, 1),
        in(CONST, 0, 0, 4, 10),
        in(MUL, 3, 4, 3, 0),
        in(GLOBAL_SET, 3, 0, 0, 0),
        in(GLOBAL_GET, 0, 0, 0, 0),
        in(RETURN_VALUE, 0, 0, 0, 0)),
        List.of(), List.of(), 2, new byte[0], 0);

    assertThat(run(p).value()).hasValue(90);
  }

  @Test
  void getcharReadsUnsignedBytesThenMinusOneForever() {
    byte[] input = {(byte) 0xFF, 7};
    List<Integer> read = new ArrayList<>();
    for (int slot = 1; slot <= 4; slot++) {
      List<Instruction> code = new ArrayList<>();
      for (int i = 1; i <= 4; i++) code.add(in(GETCHAR, 0, 0, i, 0));
      code.add(in(HALT_I32, slot, 0, 0, 0));
      read.add((int) new ReferenceInterpreter(program(code)).run(new long[0], input).value().getAsLong());
    }

    assertThat(read).containsExactly(255, 7, -1, -1);
  }

  @Test
  void putcharWritesTheLowByteAndKeepsItsOperand() {
    var result = run(program(List.of(
        in(CONST, 0, 0, 1, 0x141), in(PUTCHAR, 1, 0, 0, 0), in(PUTCHAR, 1, 0, 0, 0),
        in(HALT_I32, 1, 0, 0, 0))));

    assertThat(new String(result.output(), StandardCharsets.ISO_8859_1)).isEqualTo("AA");
    assertThat(result.value()).hasValue(0x141);
  }

  @Test
  void selectReadsItsConditionFromTheSlotInImm() {
    for (int condition : new int[] {0, 1, -7}) {
      var result = run(program(List.of(
          in(CONST, 0, 0, 1, 11), in(CONST, 0, 0, 2, 22), in(CONST, 0, 0, 9, condition),
          in(SELECT, 1, 2, 3, 9), in(HALT_I32, 3, 0, 0, 0))));
      assertThat(result.value()).hasValue(condition != 0 ? 11 : 22);
    }
  }

  @Test
  void conditionalJumpsBranchOnZeroAndNonZero() {
    for (Opcode jump : new Opcode[] {JUMP_IF, JUMP_IFZ}) {
      for (int condition : new int[] {0, 5}) {
        var result = run(program(List.of(
            in(CONST, 0, 0, 1, condition), in(CONST, 0, 0, 2, 100),
            in(jump, 1, 0, 0, 4), in(CONST, 0, 0, 2, 200), in(HALT_I32, 2, 0, 0, 0))));
        boolean taken = jump == JUMP_IF ? condition != 0 : condition == 0;
        assertThat(result.value()).as("%s %d", jump, condition).hasValue(taken ? 100 : 200);
      }
    }
  }

  @Test
  void memoryAccessesAreBoundedByTheMemorySizeWithoutWrapping() {
    byte[] image = {1, 2, 3, 4, 5, 6, 7, 8};
    assertThat(memoryRun(image, LOAD32, 4, 0).value()).hasValue(0x08070605);
    assertThat(memoryRun(image, LOAD8_U, 3, 4).value()).hasValue(8);
    assertThat(memoryTrap(image, LOAD32, 5, 0)).isEqualTo(Trap.Cause.OUT_OF_BOUNDS_MEMORY_ACCESS);
    assertThat(memoryTrap(image, LOAD8_U, 8, 0)).isEqualTo(Trap.Cause.OUT_OF_BOUNDS_MEMORY_ACCESS);
    assertThat(memoryTrap(image, STORE16, 7, 0)).isEqualTo(Trap.Cause.OUT_OF_BOUNDS_MEMORY_ACCESS);
    // 0xFFFFFFFF + 1 is 2^32, not 0.
    assertThat(memoryTrap(image, LOAD8_U, -1, 1)).isEqualTo(Trap.Cause.OUT_OF_BOUNDS_MEMORY_ACCESS);
  }

  private static ReferenceInterpreter.Result memoryRun(byte[] image, Opcode op, int base, int offset) {
    return run(program(List.of(in(CONST, 0, 0, 1, base), in(CONST, 0, 0, 2, 0x7777),
        in(op, 1, 2, 3, offset), in(HALT_I32, 3, 0, 0, 0)), List.of(), List.of(), 0, image, 8));
  }

  private static Trap.Cause memoryTrap(byte[] image, Opcode op, int base, int offset) {
    try {
      memoryRun(image, op, base, offset);
    } catch (Trap t) {
      return t.trapCause();
    }
    return null;
  }

  @Test
  void eachRunStartsFromTheInitialMemoryImage() {
    TokenProgram p = program(List.of(
        in(CONST, 0, 0, 1, 0), in(LOAD8_U, 1, 0, 2, 0), in(CONST, 0, 0, 3, 50),
        in(STORE8, 1, 3, 0, 0), in(HALT_I32, 2, 0, 0, 0)),
        List.of(), List.of(), 0, new byte[] {9}, 1);
    var interpreter = new ReferenceInterpreter(p);

    assertThat(interpreter.run(new long[0], new byte[0]).value()).hasValue(9);
    assertThat(interpreter.run(new long[0], new byte[0]).value()).hasValue(9);
  }

  @Test
  void theInstructionLimitStopsARunAfterExactlyThatManyInstructions() {
    TokenProgram loop = program(List.of(in(CONST, 0, 0, 1, 1), in(JUMP, 0, 0, 0, 1)));
    Trap t = trap(loop, 1000);
    assertThat(t.trapCause()).isEqualTo(Trap.Cause.INSTRUCTION_LIMIT);
    assertThat(t.instructions()).isEqualTo(1000);

    TokenProgram two = program(List.of(in(CONST, 0, 0, 1, 1), in(HALT_I32, 1, 0, 0, 0)));
    assertThat(new ReferenceInterpreter(two).run(new long[0], new byte[0], 2).value()).hasValue(1);
    assertThat(trap(two, 1).trapCause()).isEqualTo(Trap.Cause.INSTRUCTION_LIMIT);
  }

  @Test
  void unboundedRecursionExhaustsTheSlotsAsACallStackTrap() {
    // Each call moves the frame up by 3 slots; the trap comes once a frame could reach
    // beyond slot 65535.
    TokenProgram p = program(List.of(
        in(CALL, 1, 0, 0, 2 | 1 << 16), in(HALT_I32, 1, 0, 0, 0),
        in(CALL, 3, 0, 0, 2 | 3 << 16), in(RETURN, 0, 0, 0, 0)));

    Trap t = trap(p, ReferenceInterpreter.DEFAULT_INSTRUCTION_LIMIT);

    assertThat(t.trapCause()).isEqualTo(Trap.Cause.CALL_STACK_EXHAUSTED);
    assertThat(t.pc()).isEqualTo(2);
    // fp = 1 + 3k must stay <= MAX_FRAME_POINTER: k successful recursive calls, then the trap.
    long recursiveCalls = (ReferenceInterpreter.MAX_FRAME_POINTER - 1) / 3;
    assertThat(t.instructions()).isEqualTo(1 + recursiveCalls + 1);
  }

  @Test
  void aTrapReportsWhereAndTheOutputWrittenBeforeIt() {
    TokenProgram p = program(List.of(
        in(CONST, 0, 0, 1, 'o'), in(PUTCHAR, 1, 0, 0, 0), in(PUTCHAR, 1, 0, 0, 0),
        in(CONST, 0, 0, 2, 0), in(DIV_U, 1, 2, 3, 0), in(HALT_I32, 3, 0, 0, 0)));

    Trap t = trap(p, 100);

    assertThat(t.trapCause()).isEqualTo(Trap.Cause.INTEGER_DIVIDE_BY_ZERO);
    assertThat(t.pc()).isEqualTo(4);
    assertThat(t.instructions()).isEqualTo(5);
    assertThat(new String(t.output(), StandardCharsets.ISO_8859_1)).isEqualTo("oo");
    assertThat(t).hasMessage("integer divide by zero at instruction 4");
  }

  @Test
  void unreachableTraps() {
    assertThat(trap(program(List.of(in(UNREACHABLE, 0, 0, 0, 0))), 10).trapCause())
        .isEqualTo(Trap.Cause.UNREACHABLE);
  }

  @Test
  void haltWithoutValueGivesNoResult() {
    assertThat(run(program(List.of(in(HALT, 0, 0, 0, 0)))).value()).isEmpty();
  }

  @Test
  void malformedProgramsAreRejectedBeforeRunning() {
    assertThatThrownBy(() -> new ReferenceInterpreter(program(List.of(in(JUMP, 0, 0, 0, 5)))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad target");
    assertThatThrownBy(() -> new ReferenceInterpreter(program(List.of(in(GLOBAL_GET, 0, 0, 1, 0)))))
        .hasMessageContaining("bad global");
    assertThatThrownBy(() -> new ReferenceInterpreter(program(List.of(in(CALL, 0, 0, 0, 0 | 1 << 16)))))
        .hasMessageContaining("bad call");
  }

  @Test
  void aJumpTableJumpsThroughTheEntryTheIndexSelectsAndTheLastForAnyLargerIndex() {
    // JUMP_TABLE with 3 entries + default; entry k sets the result to 10 * (k + 1).
    List<Integer> results = new ArrayList<>();
    for (long index : new long[] {0, 1, 2, 3, 4, 0xFFFF_FFFFL, 0x8000_0000L}) {
      List<Instruction> code = new ArrayList<>(List.of(
          in(CONST, 0, 0, 1, 0),
          in(JUMP_TABLE, 1, 0, 0, 3),
          in(JUMP, 0, 0, 0, 6), in(JUMP, 0, 0, 0, 8), in(JUMP, 0, 0, 0, 10), in(JUMP, 0, 0, 0, 12)));
      for (int k = 0; k < 4; k++) {
        code.add(in(CONST, 0, 0, 2, 10 * (k + 1)));
        code.add(in(JUMP, 0, 0, 0, 14));
      }
      code.add(in(HALT_I32, 2, 0, 0, 0));
      TokenProgram p = program(code, List.of(ValueKind.I32), List.of(0), 0, new byte[0], 0);
      var result = run(p, index);
      assertThat(result.instructions()).as("the cost does not depend on the index").isEqualTo(6);
      results.add((int) result.value().getAsLong());
    }

    assertThat(results).containsExactly(10, 20, 30, 40, 40, 40, 40);
  }

  @Test
  void trapStopsWithTheCauseItsImmediateNumbers() {
    for (Trap.Cause cause : Trap.Cause.values()) {
      if (cause == Trap.Cause.INSTRUCTION_LIMIT) continue;   // not a cause the opcode raises
      Trap t = trap(program(List.of(in(NOP, 0, 0, 0, 0), in(TRAP, 0, 0, 0, cause.ordinal()))), 10);
      assertThat(t.trapCause()).isEqualTo(cause);
      assertThat(t.pc()).isEqualTo(1);
    }
  }

  @Test
  void memoryGrowsByPagesUpToItsLimitAndReportsTheOldSizeOrMinusOne() {
    // {delta, MEMORY_GROW's result, MEMORY_SIZE after it}: one page at first, at most three.
    long[][] cases = {{0, 1, 1}, {1, 1, 2}, {2, 1, 3}, {3, -1, 1}, {0xFFFF_FFFFL, -1, 1}};
    for (long[] c : cases) {
      for (int slot : new int[] {3, 4}) {
        TokenProgram p = program(List.of(
            in(CONST, 0, 0, 1, 0), in(MEMORY_GROW, 1, 0, 3, 3), in(MEMORY_SIZE, 0, 0, 4, 0),
            in(HALT_I32, slot, 0, 0, 0)),
            List.of(ValueKind.I32), List.of(0), 0, new byte[0], 65536);
        assertThat(run(p, c[0]).value()).as("grow by %d, slot %d", c[0], slot).hasValue(slot == 3 ? c[1] : c[2]);
      }
    }
  }

  @Test
  void grownMemoryIsAddressableAndZeroWhileTheOldContentStays() {
    TokenProgram p = program(List.of(
        in(CONST, 0, 0, 1, 2),
        in(MEMORY_GROW, 1, 0, 2, 256),
        in(CONST, 0, 0, 3, 3 * 65536 - 4),
        in(LOAD32, 3, 0, 4, 0),
        in(CONST, 0, 0, 5, 0x7777),
        in(STORE32, 3, 5, 0, 0),
        in(LOAD32, 3, 0, 6, 0),
        in(CONST, 0, 0, 7, 0),
        in(LOAD8_U, 7, 0, 8, 0),
        in(ADD, 4, 6, 9, 0),
        in(ADD, 9, 8, 9, 0),
        in(HALT_I32, 9, 0, 0, 0)),
        List.of(), List.of(), 0, new byte[] {5}, 65536);

    assertThat(run(p).value()).hasValue(0x7777 + 5);
    List<Instruction> beyond = new ArrayList<>(p.instructions());
    beyond.set(2, in(CONST, 0, 0, 3, 3 * 65536 - 3));
    assertThatThrownBy(() -> run(program(beyond, List.of(), List.of(), 0, new byte[] {5}, 65536)))
        .isInstanceOf(Trap.class).hasMessageStartingWith("out of bounds memory access");
  }

  @Test
  void i64OperationsWorkOnSlotPairsAndCarryAcrossTheWords() {
    // [1,2] = 0x00000001_FFFFFFFF, [3,4] = 1: ADD64 -> 0x00000002_00000000.
    TokenProgram p = program(List.of(
        in(CONST, 0, 0, 1, -1), in(CONST, 0, 0, 2, 1), in(CONST, 0, 0, 3, 1), in(CONST, 0, 0, 4, 0),
        in(ADD64, 1, 3, 5, 0),
        in(MUL64, 5, 1, 7, 0),
        in(SHR64_U, 7, 3, 7, 0),
        in(LT64_U, 3, 7, 9, 0),
        in(EQZ64, 3, 0, 10, 0),
        in(HALT_I64, 7, 0, 0, 0)));

    var result = run(p);

    assertThat(result.value()).hasValue((0x2_0000_0000L * 0x1_FFFF_FFFFL) >>> 1).hasValue(0x7FFF_FFFF_0000_0000L);
    List<Instruction> code = new ArrayList<>(p.instructions());
    code.set(9, in(HALT_I64, 5, 0, 0, 0));
    assertThat(run(program(code)).value()).hasValue(0x2_0000_0000L);
    code.set(9, in(ADD, 9, 10, 9, 0));
    code.add(in(HALT_I32, 9, 0, 0, 0));
    assertThat(run(program(code)).value()).hasValue(1);
  }

  @Test
  void i64ArgumentsFillTwoConstsAndI64DivisionTraps() {
    TokenProgram p = program(List.of(
        in(CONST, 0, 0, 1, 0), in(CONST, 0, 0, 2, 0), in(CONST, 0, 0, 3, 0), in(CONST, 0, 0, 4, 0),
        in(DIV64_S, 1, 3, 1, 0), in(HALT_I64, 1, 0, 0, 0)),
        List.of(ValueKind.I64, ValueKind.I64), List.of(0, 2), 0, new byte[0], 0);

    assertThat(run(p, -1_000_000_000_000L, 7).value()).hasValue(-1_000_000_000_000L / 7);
    assertThatThrownBy(() -> run(p, Long.MIN_VALUE, -1)).isInstanceOf(Trap.class)
        .extracting(t -> ((Trap) t).trapCause()).isEqualTo(Trap.Cause.INTEGER_OVERFLOW);
    assertThatThrownBy(() -> run(p, 1, 0))
        .extracting(t -> ((Trap) t).trapCause()).isEqualTo(Trap.Cause.INTEGER_DIVIDE_BY_ZERO);
  }

  @Test
  void malformedTablesTrapsGrowthAndPairsAreRejectedBeforeRunning() {
    assertThatThrownBy(() -> new ReferenceInterpreter(program(List.of(
        in(JUMP_TABLE, 0, 0, 0, 1), in(JUMP, 0, 0, 0, 0), in(HALT, 0, 0, 0, 0)))))
        .hasMessageContaining("is not a JUMP");
    assertThatThrownBy(() -> new ReferenceInterpreter(program(List.of(
        in(JUMP_TABLE, 0, 0, 0, 2), in(JUMP, 0, 0, 0, 0), in(JUMP, 0, 0, 0, 0)))))
        .hasMessageContaining("jump table beyond the code");
    assertThatThrownBy(() -> new ReferenceInterpreter(program(List.of(in(TRAP, 0, 0, 0, 99)))))
        .hasMessageContaining("bad trap cause");
    assertThatThrownBy(() -> new ReferenceInterpreter(program(List.of(in(MEMORY_GROW, 0, 0, 0, 257)))))
        .hasMessageContaining("bad page limit");
    assertThatThrownBy(() -> new ReferenceInterpreter(program(List.of(in(ADD64, 0, 255, 0, 0)))))
        .hasMessageContaining("slot pair");
    assertThatThrownBy(() -> new ReferenceInterpreter(program(List.of(in(HALT_I64, 255, 0, 0, 0)))))
        .hasMessageContaining("slot pair");
    // A comparison's result is one slot, so it may be the frame's last.
    new ReferenceInterpreter(program(List.of(in(EQ64, 0, 2, 255, 0), in(HALT, 0, 0, 0, 0))));
  }
}
