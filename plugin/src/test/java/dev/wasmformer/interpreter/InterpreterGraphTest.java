package dev.wasmformer.interpreter;

import static dev.wasmformer.isa.Opcode.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.graph.Graph;
import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.runtime.format.Program;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterpreterGraphTest {
  static final Vocab VOCAB = new Vocab();
  static final Graph GRAPH = InterpreterGraph.build(VOCAB);

  static Instruction ins(Opcode op, int x, int y, int z, int imm) {
    return new Instruction(op, x, y, z, imm);
  }

  static TokenProgram program(List<Instruction> code, byte[] memory, List<Integer> params) {
    return new TokenProgram("t", "main",
        params.stream().map(p -> TokenProgram.ValueKind.I32).toList(),
        List.of(TokenProgram.ValueKind.I32), code, memory, 65536, 0, params, List.of());
  }

  @Test
  void callsAFunctionThatPrintsAndAdds() {
    TokenProgram p = program(List.of(
        ins(CONST, 0, 0, 1, 7),
        ins(CALL, 1, 0, 0, 3 | (2 << 16)),
        ins(HALT_I32, 1, 0, 0, 0),
        ins(CONST, 0, 0, 1, 65),
        ins(PUTCHAR, 1, 0, 0, 0),
        ins(ADD, 0, 1, 0, 0),
        ins(RETURN_VALUE, 0, 0, 0, 0)), new byte[0], List.of(0));
    Program prog = new ProgramEncoder(VOCAB).encode(p);
    var out = EvaluatorRunner.evaluate(GRAPH, VOCAB, prog, new long[] {7}, new byte[0], 10_000);
    assertThat(new String(out.output(), StandardCharsets.ISO_8859_1)).isEqualTo("A");
    assertThat(out.result()).isEqualTo(72);
    var out2 = EvaluatorRunner.evaluate(GRAPH, VOCAB, prog, new long[] {-100}, new byte[0], 10_000);
    assertThat(out2.result()).isEqualTo(-35);
  }

  /** fib(n) by recursion: fib(n) = n < 2 ? n : fib(n-1) + fib(n-2). */
  static TokenProgram fib() {
    // function at 3, frame: slot0 = n, slot1 = tmp, slot2 = arg/result of call, slot3 = scratch
    return program(List.of(
        ins(CONST, 0, 0, 1, 0),
        ins(CALL, 1, 0, 0, 3 | (2 << 16)),
        ins(HALT_I32, 1, 0, 0, 0),
        /* 3 */ ins(CONST, 0, 0, 1, 2),
        ins(LT_S, 0, 1, 1, 0),
        ins(JUMP_IFZ, 1, 0, 0, 7),
        ins(RETURN_VALUE, 0, 0, 0, 0),
        /* 7 */ ins(CONST, 0, 0, 2, 1),
        ins(SUB, 0, 2, 2, 0),
        ins(CALL, 2, 0, 0, 3 | (10 << 16)),
        /* 10 */ ins(COPY, 2, 0, 1, 0),
        ins(CONST, 0, 0, 2, 2),
        ins(SUB, 0, 2, 2, 0),
        ins(CALL, 2, 0, 0, 3 | (14 << 16)),
        /* 14 */ ins(ADD, 1, 2, 1, 0),
        ins(RETURN_VALUE, 1, 0, 0, 0)), new byte[0], List.of(0));
  }

  @Test
  void computesFibonacciByRecursion() {
    Program prog = new ProgramEncoder(VOCAB).encode(fib());
    var out = EvaluatorRunner.evaluate(GRAPH, VOCAB, prog, new long[] {10}, new byte[0], 200_000);
    assertThat(out.result()).isEqualTo(55);
  }

  /** Copies input to output upper-cased through memory; returns the byte count. */
  static TokenProgram echo() {
    byte[] mem = new byte[40];
    mem[32] = 'x';
    mem[33] = (byte) 0xE0; // -32 as a signed byte
    // frame (fp0 = 1 global): slot1 = count, slot2 = c, slot3 = tmp, slot4 = addr
    return new TokenProgram("echo", "main", List.of(), List.of(TokenProgram.ValueKind.I32), List.of(
        ins(CONST, 0, 0, 1, 0),
        /* 1 */ ins(GETCHAR, 0, 0, 2, 0),
        ins(CONST, 0, 0, 3, -1),
        ins(EQ, 2, 3, 3, 0),
        ins(JUMP_IF, 3, 0, 0, 14),
        ins(CONST, 0, 0, 4, 100),
        ins(STORE8, 4, 2, 0, 3),          // mem[103] = c
        ins(LOAD8_U, 4, 0, 2, 3),         // c = mem[103]
        ins(CONST, 0, 0, 4, 0),
        ins(LOAD8_S, 4, 0, 3, 33),        // tmp = -32
        ins(ADD, 2, 3, 2, 0),
        ins(PUTCHAR, 2, 0, 0, 0),
        ins(GLOBAL_GET, 0, 0, 3, 0),      // tmp = global0
        ins(JUMP, 0, 0, 0, 16),
        /* 14 */ ins(LOAD32, 4, 0, 5, 32),   // slot5 = mem[0 + 32..35] = 0x0000E078 (slot4 is 0 here)
        ins(HALT_I32, 5, 0, 0, 0),
        /* 16 */ ins(CONST, 0, 0, 5, 1),
        ins(ADD, 3, 5, 3, 0),
        ins(GLOBAL_SET, 3, 0, 0, 0),
        ins(ADD, 1, 5, 1, 0),
        ins(JUMP, 0, 0, 0, 1)), mem, 65536, 1, List.of(), List.of());
  }

  @Test
  void echoesInputThroughMemoryAndData() {
    Program prog = new ProgramEncoder(VOCAB).encode(echo());
    var out = EvaluatorRunner.evaluate(GRAPH, VOCAB, prog, new long[0], "abc".getBytes(StandardCharsets.ISO_8859_1), 100_000);
    assertThat(new String(out.output(), StandardCharsets.ISO_8859_1)).isEqualTo("ABC");
    assertThat(out.result()).isEqualTo(0xE078);
  }

  /** main(k): a table jump on k to print a letter, then memory growth; traps for k = 3. */
  static TokenProgram tableAndMemory() {
    // slot1 = k (param), slot2 = scratch, slot3 = result
    return new TokenProgram("table", "main", List.of(TokenProgram.ValueKind.I32), List.of(TokenProgram.ValueKind.I32),
        List.of(
            ins(CONST, 0, 0, 1, 0),
            ins(JUMP_TABLE, 1, 0, 0, 3),
            ins(JUMP, 0, 0, 0, 6),
            ins(JUMP, 0, 0, 0, 8),
            ins(JUMP, 0, 0, 0, 10),
            ins(JUMP, 0, 0, 0, 12),
            /* 6 */ ins(CONST, 0, 0, 2, 'a'),
            ins(JUMP, 0, 0, 0, 13),
            /* 8 */ ins(CONST, 0, 0, 2, 'b'),
            ins(JUMP, 0, 0, 0, 13),
            /* 10 */ ins(TRAP, 0, 0, 0, 5),
            ins(NOP, 0, 0, 0, 0),
            /* 12 */ ins(CONST, 0, 0, 2, 'd'),
            /* 13 */ ins(PUTCHAR, 2, 0, 0, 0),
            ins(CONST, 0, 0, 2, 3),
            ins(MEMORY_GROW, 2, 0, 3, 5),     // 2 -> 5 pages: result 2
            ins(MEMORY_GROW, 2, 0, 4, 5),     // 5 + 3 > 5: result -1
            ins(ADD, 3, 4, 3, 0),             // 2 + -1 = 1
            ins(MEMORY_SIZE, 0, 0, 4, 0),     // 5
            ins(ADD, 3, 4, 3, 0),             // 6
            ins(CONST, 0, 0, 2, 5 * 65536 - 4),
            ins(STORE32, 2, 4, 0, 0),         // the last word of the grown memory
            ins(LOAD32, 2, 0, 4, 0),
            ins(ADD, 3, 4, 3, 0),             // 11
            ins(HALT_I32, 3, 0, 0, 0)), new byte[0], 2 * 65536, 0, List.of(0), List.of());
  }

  @Test
  void jumpsThroughATableGrowsMemoryAndTraps() {
    Program prog = new ProgramEncoder(VOCAB).encode(tableAndMemory());
    String[] letters = {"a", "b", null, "d", "d", "d"};
    for (int k = 0; k < letters.length; k++) {
      var out = EvaluatorRunner.evaluate(GRAPH, VOCAB, prog, new long[] {k == 5 ? -1 : k}, new byte[0], 10_000);
      if (letters[k] == null) {
        assertThat(out.trap()).isEqualTo("undefined element");
      } else {
        assertThat(new String(out.output(), StandardCharsets.ISO_8859_1)).isEqualTo(letters[k]);
        assertThat(out.result()).isEqualTo(11);
      }
    }
  }

  /**
   * memory.grow writing its result over its delta's slot (z = x, as the lowering does): the new
   * size, emitted after the result word, must still add the delta read at the START.
   */
  static TokenProgram growInPlace() {
    return new TokenProgram("grow", "main", List.of(), List.of(TokenProgram.ValueKind.I32),
        List.of(
            ins(CONST, 0, 0, 2, 3),
            ins(MEMORY_GROW, 2, 0, 2, 5),     // 1 + 3 <= 5: 4 pages, slot2 = 1
            ins(MEMORY_SIZE, 0, 0, 3, 0),     // 4
            ins(CONST, 0, 0, 4, 2),
            ins(MEMORY_GROW, 4, 0, 4, 5),     // 4 + 2 > 5: slot4 = -1, still 4 pages
            ins(MEMORY_SIZE, 0, 0, 5, 0),     // 4
            ins(ADD, 2, 3, 2, 0),             // 5
            ins(ADD, 2, 5, 2, 0),             // 9
            ins(ADD, 2, 4, 2, 0),             // 8
            ins(CONST, 0, 0, 6, 4 * 65536 - 4),
            ins(STORE32, 6, 3, 0, 0),         // the last word of the grown memory
            ins(LOAD32, 6, 0, 7, 0),
            ins(ADD, 2, 7, 2, 0),             // 12
            ins(HALT_I32, 2, 0, 0, 0)), new byte[0], 65536, 0, List.of(), List.of());
  }

  @Test
  void growsMemoryInPlace() {
    TokenProgram program = growInPlace();
    assertThat(new dev.wasmformer.isa.ReferenceInterpreter(program).run(new long[0], new byte[0]).value())
        .hasValue(12);
    var out = EvaluatorRunner.evaluate(GRAPH, VOCAB, new ProgramEncoder(VOCAB).encode(program), new long[0], new byte[0], 10_000);
    assertThat(out.result()).isEqualTo(12);
  }
}
