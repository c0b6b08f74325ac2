package dev.wasmformer.testing;

import static dev.wasmformer.isa.Opcode.*;

import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import java.util.List;

/** A hand-written token program whose trace is short and touches calls, memory, output, globals and jumps. */
public final class SampleProgram {
  private SampleProgram() {}

  /**
   * main(n) stores 'h' to memory, loads and prints it, sets the global to n, and returns
   * twice(n); with n == 0 it reaches UNREACHABLE instead.
   */
  public static TokenProgram tokenProgram() {
    List<Instruction> code = List.of(
        ins(CONST, 0, 0, 1, 0),               // 0: the argument
        ins(CALL, 1, 0, 0, 3 | 2 << 16),      // 1
        ins(HALT_I32, 1, 0, 0, 0),            // 2
        ins(CONST, 0, 0, 1, 0),               // 3: main
        ins(CONST, 0, 0, 2, 'h'),             // 4
        ins(STORE8, 1, 2, 0, 16),             // 5
        ins(LOAD8_U, 1, 0, 3, 16),            // 6
        ins(PUTCHAR, 3, 0, 0, 0),             // 7
        ins(GLOBAL_SET, 0, 0, 0, 0),          // 8
        ins(JUMP_IFZ, 0, 0, 0, 11),           // 9
        ins(JUMP, 0, 0, 0, 12),               // 10
        ins(UNREACHABLE, 0, 0, 0, 0),         // 11
        ins(COPY, 0, 0, 4, 0),                // 12
        ins(CALL, 4, 0, 0, 15 | 14 << 16),    // 13
        ins(RETURN_VALUE, 4, 0, 0, 0),        // 14
        ins(ADD, 0, 0, 0, 0),                 // 15: twice
        ins(RETURN_VALUE, 0, 0, 0, 0));       // 16
    return new TokenProgram("sample", "main", List.of(TokenProgram.ValueKind.I32), List.of(TokenProgram.ValueKind.I32),
        code, new byte[0], 65536, 1, List.of(0),
        List.of(new TokenProgram.FunctionInfo("(entry stub)", 0), new TokenProgram.FunctionInfo("main", 3),
            new TokenProgram.FunctionInfo("twice", 15)));
  }

  private static Instruction ins(Opcode op, int x, int y, int z, int imm) {
    return new Instruction(op, x, y, z, imm);
  }
}
