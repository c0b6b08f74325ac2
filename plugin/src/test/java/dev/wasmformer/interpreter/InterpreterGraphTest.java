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
}
