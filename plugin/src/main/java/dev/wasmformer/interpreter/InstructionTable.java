package dev.wasmformer.interpreter;

import dev.wasmformer.graph.Expr;
import dev.wasmformer.graph.Graph;
import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import java.util.ArrayList;
import java.util.List;

/**
 * A program's instructions as a table in the feed-forward weights (the first Futamura
 * projection): each field is a function of the program counter, written as the linear
 * interpolation of its values at the integers, {@code f(pc) = Σ_j c_j·relu(pc − j)}
 * with {@code c_j} the change of slope at {@code j}. One unit per instruction serves every
 * field; at an integer pc the interpolation is the field itself, exactly, and 0 outside the
 * code.
 *
 * <p>The immediates of the entry stub's parameter CONSTs are not in the table: they come from
 * the prompt, which holds each parameter word's four bytes after BOS ({@link #argumentPosition}).
 */
final class InstructionTable {
  /** The fields, as residual values at every position. */
  record Fields(Expr[] op, Expr x, Expr y, Expr z, Expr[] imm, Expr argumentEnd) {}

  private InstructionTable() {}

  /** Prompt position of byte {@code b} (0..3) of parameter word {@code w}: right after BOS. */
  static int argumentPosition(int w, int b) {
    return 1 + 4 * w + b;
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
      int words = program.params().get(i) == TokenProgram.ValueKind.I64 ? 2 : 1;
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
   * Builds the table over an exact integer program counter {@code pc}. Fields of opcodes the
   * program never uses are the constant 0, so the interpreter's logic for them folds away.
   */
  static Fields build(Graph g, Expr pc, TokenProgram program) {
    List<Instruction> code = program.instructions();
    int n = code.size();
    int[] paramWord = parameterWords(program);
    int fieldCount = Opcode.values().length + 3 + 4 + 1;
    // values[f][i]: field f of instruction i
    double[][] values = new double[fieldCount][n];
    for (int i = 0; i < n; i++) {
      Instruction in = code.get(i);
      if (!InterpreterGraph.SUPPORTED.contains(in.op())) {
        throw new IllegalArgumentException("the interpreter does not execute " + in.op());
      }
      int f = 0;
      values[in.op().ordinal()][i] = 1;
      f = Opcode.values().length;
      values[f++][i] = in.x();
      values[f++][i] = in.y();
      values[f++][i] = in.z();
      for (int b = 0; b < 4; b++) values[f++][i] = paramWord[i] >= 0 ? 0 : (in.imm() >>> (8 * b)) & 0xFF;
      values[f][i] = paramWord[i] >= 0 ? argumentPosition(paramWord[i], 3) : 0;
    }
    // One unit per breakpoint j = -1..n: relu(pc − j), over the values with 0 at -1 and at n.
    // Outside the code (in the prompt, or at pc = -1 before the first jump) every field is 0,
    // so no opcode flag is on: the universal fetch reads no opcode there either.
    List<Expr> units = new ArrayList<>();
    for (int j = -1; j <= n; j++) units.add(g.relu("table.u" + j, pc.minus(j)));
    Expr[] fields = new Expr[fieldCount];
    for (int f = 0; f < fieldCount; f++) {
      double[] v = values[f];
      Expr e = Expr.ZERO;
      double slope = 0;
      for (int j = -1; j <= n; j++) {
        double here = j >= 0 && j < n ? v[j] : 0;
        double next = j + 1 < n ? v[j + 1] : 0;
        double c = (next - here) - slope;
        if (c != 0) e = e.plus(units.get(j + 1).times(c));
        slope = next - here;
      }
      fields[f] = e.isConstant() ? Expr.ZERO : g.sum("table.f" + f, e);
    }
    int ops = Opcode.values().length;
    Expr[] op = new Expr[ops];
    System.arraycopy(fields, 0, op, 0, ops);
    Expr[] imm = {fields[ops + 3], fields[ops + 4], fields[ops + 5], fields[ops + 6]};
    return new Fields(op, fields[ops], fields[ops + 1], fields[ops + 2], imm, fields[ops + 7]);
  }
}
