package dev.wasmformer.lowering;

import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.ReferenceInterpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The token program's code as it is emitted: appends instructions, patches branch and call
 * targets once they are known, and refuses opcodes the target does not support, naming the
 * WebAssembly construct being lowered at the time.
 */
final class CodeBuffer {
  private final List<Instruction> code = new ArrayList<>();
  private final Set<Opcode> supported;
  private String construct = "entry stub";
  /**
   * While a soft-float routine is emitted: the program's construct it is lowered for (the
   * first to call it), which a refusal names, as the routine is no code of the program's.
   */
  private String routineUser;

  CodeBuffer(Set<Opcode> supported) {
    this.supported = supported;
  }

  /** Names what the following instructions lower, e.g. "instruction i32.mul in function fib". */
  void lowering(String construct) {
    this.construct = construct;
  }

  /** What the instructions emitted now lower (as given to {@link #lowering}). */
  String construct() {
    return construct;
  }

  /**
   * Until {@link #endRoutine()}, the instructions emitted are a soft-float routine's, lowered
   * for {@code user}, e.g. "instruction f64.add in function main".
   */
  void routineFor(String user) {
    this.routineUser = user;
  }

  void endRoutine() {
    this.routineUser = null;
  }

  /** Index the next instruction will get. */
  int next() {
    return code.size();
  }

  int emit(Opcode op, int x, int y, int z, int imm) {
    if (!supported.contains(op)) {
      if (routineUser != null) {
        throw new UnsupportedWasmException("unsupported " + routineUser + ": the target lacks " + op
            + " (in its soft-float routine: " + construct + ")");
      }
      throw new UnsupportedWasmException("unsupported " + construct + ": the target lacks " + op);
    }
    if (code.size() >= ReferenceInterpreter.MAX_INSTRUCTIONS) {
      throw new UnsupportedWasmException("program too large: more than "
          + ReferenceInterpreter.MAX_INSTRUCTIONS + " instructions (at " + construct + ")");
    }
    code.add(new Instruction(op, x, y, z, imm));
    return code.size() - 1;
  }

  /** Sets the target (the low 16 bits of imm) of the jump or call at {@code at}. */
  void patchTarget(int at, int target) {
    Instruction in = code.get(at);
    code.set(at, new Instruction(in.op(), in.x(), in.y(), in.z(), (in.imm() & ~0xFFFF) | target));
  }

  /** Whether the target has {@code op}. */
  boolean supports(Opcode op) {
    return supported.contains(op);
  }

  /** Drops the last instruction (which nothing may name as a call site yet). */
  void removeLast() {
    code.remove(code.size() - 1);
  }

  Instruction get(int at) {
    return code.get(at);
  }

  void replace(int at, Instruction in) {
    code.set(at, in);
  }

  List<Instruction> instructions() {
    return List.copyOf(code);
  }
}
