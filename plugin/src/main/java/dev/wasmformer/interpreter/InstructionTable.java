package dev.wasmformer.interpreter;

import dev.wasmformer.graph.Expr;
import dev.wasmformer.graph.Graph;
import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import java.util.List;

/**
 * A program's instructions as a table in the feed-forward weights (the first Futamura
 * projection): one unit per instruction, 1 when the program counter is its index and 0 at
 * every other integer, writes that instruction's fields (opcode flag, x, y, z, immediate
 * bytes) into their residual slots. Its gate is quadratic in pc, {@code 1 − (pc − i)²} (the
 * square comes in as a residual value), so only one unit is ever active: the FFN stays
 * sparse however long the program.
 *
 * <p>The immediates of the entry stub's parameter CONSTs are not in the table: they come from
 * the prompt, which holds each parameter word's four bytes after DATA_END and three zero bytes
 * ({@link #argumentOffset}).
 */
final class InstructionTable {
  /** The fields, as residual values at every position. */
  record Fields(Expr[] op, Expr x, Expr y, Expr z, Expr[] imm, Expr argumentEnd, Expr isImm, Expr[] immY,
      Expr[] immYBits) {}

  private InstructionTable() {}

  /**
   * Zero bytes between DATA_END and the parameter words: an instruction that is no parameter
   * CONST reads its four "argument" bytes at the last of them, i.e. DATA_END and three zeros.
   */
  static final int PADDING = 3;

  /** Byte {@code b} (0..3) of parameter word {@code w}: its prompt position minus DATA_END's. */
  static int argumentOffset(int w, int b) {
    return PADDING + 1 + 4 * w + b;
  }

  /**
   * For each instruction, the parameter word its immediate receives, or -1.
   *
   * @throws IllegalArgumentException if a parameter does not name a CONST
   */
  static int[] parameterWords(TokenProgram program) {
    int[] word = new int[program.instructions().size()];
    java.util.Arrays.fill(word, -1);
    int w = 0;
    for (int i = 0; i < program.params().size(); i++) {
      int words = program.params().get(i).words();
      for (int k = 0; k < words; k++) {
        int index = program.paramInstructions().get(i) + k;
        if (program.instructions().get(index).op() != Opcode.CONST) {
          throw new IllegalArgumentException("parameter " + i + " does not name a CONST");
        }
        word[index] = w++;
      }
    }
    return word;
  }

  /**
   * Builds the table over an exact integer program counter {@code pc} (at least -1) and
   * {@code shiftedSquare} = (pc + 1)². Fields of opcodes the program never uses are the
   * constant 0, so the interpreter's logic for them folds away.
   */
  static Fields build(Graph g, Expr pc, Expr shiftedSquare, TokenProgram program) {
    List<Instruction> code = program.instructions();
    int n = code.size();
    int[] paramWord = parameterWords(program);
    // opcode flags, x, y, z, imm bytes, argument end; then an immediate form's flag and the
    // y its immediate makes (bytes, bits: all for bitwise logic and shifts, else the sign)
    int fieldCount = Opcode.values().length + 3 + 4 + 1 + 1 + 4 + 32;
    // values[f][i]: field f of instruction i
    double[][] values = new double[fieldCount][n];
    for (int i = 0; i < n; i++) {
      Instruction in = code.get(i);
      if (!InterpreterGraph.SUPPORTED.contains(in.op())) {
        throw new IllegalArgumentException("the interpreter does not execute " + in.op());
      }
      // an immediate form runs as its operation, its own flag staying 0 (InterpreterGraph)
      values[in.op().register().ordinal()][i] = 1;
      int f = Opcode.values().length;
      values[f++][i] = in.x();
      values[f++][i] = in.y();
      values[f++][i] = in.z();
      for (int b = 0; b < 4; b++) values[f++][i] = paramWord[i] >= 0 ? 0 : (in.imm() >>> (8 * b)) & 0xFF;
      // where the head reading the word's four bytes looks, past DATA_END and the padding
      values[f++][i] = paramWord[i] >= 0 ? argumentOffset(paramWord[i], 3) - PADDING : 0;
      if (in.op().isImmediate()) {
        values[f][i] = 1;
        for (int b = 0; b < 4; b++) values[f + 1 + b][i] = (in.imm() >>> (8 * b)) & 0xFF;
        boolean allBits = InterpreterGraph.BITWISE_Y.contains(in.op().register());
        for (int b = 0; b < 32; b++) {
          if (allBits || b == 31) values[f + 5 + b][i] = (in.imm() >>> b) & 1;
        }
      }
    }
    // Unit i is relu(1 − (u − (i+1))²) with u = pc + 1: 1 at pc = i, and its gate is ≤ 0 at
    // every other integer, so exactly one unit is active (none outside the code: in the
    // prompt, or at pc = -1 before the first jump, every field is 0 and no opcode flag is on).
    Expr u = pc.plus(1);
    Expr[] units = new Expr[n];
    for (int i = 0; i < n; i++) {
      double c = i + 1;
      units[i] = g.relu("table.i" + i, shiftedSquare.times(-1).plus(u.times(2 * c)).plus(1 - c * c));
    }
    Expr[] fields = new Expr[fieldCount];
    for (int f = 0; f < fieldCount; f++) {
      Expr e = Expr.ZERO;
      for (int i = 0; i < n; i++) if (values[f][i] != 0) e = e.plus(units[i].times(values[f][i]));
      fields[f] = e.isConstant() ? Expr.ZERO : g.sum("table.f" + f, e);
    }
    int ops = Opcode.values().length;
    Expr[] op = new Expr[ops];
    System.arraycopy(fields, 0, op, 0, ops);
    Expr[] imm = {fields[ops + 3], fields[ops + 4], fields[ops + 5], fields[ops + 6]};
    Expr[] immY = java.util.Arrays.copyOfRange(fields, ops + 9, ops + 13);
    Expr[] immYBits = java.util.Arrays.copyOfRange(fields, ops + 13, ops + 45);
    return new Fields(op, fields[ops], fields[ops + 1], fields[ops + 2], imm, fields[ops + 7], fields[ops + 8], immY,
        immYBits);
  }
}
