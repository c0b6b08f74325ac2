package dev.wasmformer.interpreter;

import static dev.wasmformer.isa.Opcode.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.runtime.Attention;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.Wasmformer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run past a million trace tokens on the hull cache ends with the exact result. */
class LongRunTest {
  /** sum of i*i for i in 0..n-1, mod 2^32: about 27 tokens per iteration. */
  static TokenProgram sumOfSquares() {
    return new TokenProgram("squares", "main", List.of(TokenProgram.ValueKind.I32), List.of(TokenProgram.ValueKind.I32),
        List.of(
            InterpreterGraphTest.ins(CONST, 0, 0, 1, 0),
            InterpreterGraphTest.ins(CALL, 1, 0, 0, 3 | (2 << 16)),
            InterpreterGraphTest.ins(HALT_I32, 1, 0, 0, 0),
            // frame: slot0 = n, slot1 = i, slot2 = acc, slot3 = tmp, slot4 = one
            /* 3 */ InterpreterGraphTest.ins(CONST, 0, 0, 1, 0),
            InterpreterGraphTest.ins(CONST, 0, 0, 2, 0),
            InterpreterGraphTest.ins(CONST, 0, 0, 4, 1),
            /* 6 */ InterpreterGraphTest.ins(MUL, 1, 1, 3, 0),
            InterpreterGraphTest.ins(ADD, 2, 3, 2, 0),
            InterpreterGraphTest.ins(ADD, 1, 4, 1, 0),
            InterpreterGraphTest.ins(LT_U, 1, 0, 3, 0),
            InterpreterGraphTest.ins(JUMP_IF, 3, 0, 0, 6),
            InterpreterGraphTest.ins(RETURN_VALUE, 2, 0, 0, 0)),
        new byte[0], 65536, 0, List.of(0), List.of());
  }

  @Test
  void runsPastAMillionTokensWithTheHullCache() throws Exception {
    int n = 40_000;
    var bundle = new WasmformerCompiler().addProgram(sumOfSquares(), "squares").bundle();
    RunResult r = Wasmformer.load(bundle).program("squares").run(RunOptions.defaults().withArgs(n).withAttention(Attention.HULL));
    int expected = 0;
    for (int i = 0; i < n; i++) expected += i * i;
    assertThat(r.stats().tokens()).isGreaterThan(1_000_000);
    assertThat(r.returnValue()).hasValue(expected);
  }
}
