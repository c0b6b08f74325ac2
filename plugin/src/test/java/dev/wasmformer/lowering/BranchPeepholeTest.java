package dev.wasmformer.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.testing.IsaRunner;
import dev.wasmformer.testing.Wat;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The branch peepholes of the lowering: eqz + br_if / if becomes the branch of the opposite
 * sense, a comparison + eqz its inverse comparison, and neither happens across a label.
 * Each case is also run on the ISA and on Chicory with operands at the edges.
 */
class BranchPeepholeTest {
  private static final long[][] ARGS = {
    {0, 0}, {1, 2}, {2, 1}, {-1, 1}, {0x8000_0000L, 0x7FFF_FFFFL}, {0x7FFF_FFFFL, 0x8000_0000L}, {-1, -1},
  };

  private static List<Opcode> ops(String wat) {
    return ops(Lowering.lower(Wat.assemble(wat), null));
  }

  private static List<Opcode> ops(TokenProgram p) {
    int main = p.functions().get(1).start();
    int end = p.functions().size() > 2 ? p.functions().get(2).start() : p.instructions().size();
    List<Instruction> code = p.instructions().subList(main, end);
    // main's declared local $r (slot 2) is zeroed by the prologue: not part of the case
    if (code.get(0).equals(new Instruction(Opcode.CONST, 0, 0, 2, 0))) code = code.subList(1, code.size());
    return code.stream().map(Instruction::op).toList();
  }

  private static String main(String body) {
    return "(module (func (export \"main\") (param i32 i32) (result i32) (local $r i32)\n" + body
        + "\n(local.get $r)))";
  }

  private static void agreesWithChicory(String wat) {
    IsaRunner.assertAgreesWithChicory(Wat.assemble(wat), ARGS);
  }

  @Test
  void eqzThenBrIfIsOneJumpIfz() {
    String wat = main("(block (br_if 0 (i32.eqz (local.get 0))) (local.set $r (i32.const 7)))");
    assertThat(ops(wat)).containsExactly(
        Opcode.JUMP_IFZ, Opcode.CONST, Opcode.RETURN_VALUE);
    TokenProgram p = Lowering.lower(Wat.assemble(wat), null);
    // the jump tests the local itself: the eqz is gone
    assertThat(p.instructions().get(p.functions().get(1).start() + 1).x()).isEqualTo(0);
    agreesWithChicory(wat);
  }

  @Test
  void eqzThenIfJumpsToTheElseBranchWhenTheOperandIsNonZero() {
    String wat = main("(if (i32.eqz (local.get 1)) (then (local.set $r (i32.const 1))) (else (local.set $r (i32.const 2))))");
    assertThat(ops(wat)).containsExactly(
        Opcode.JUMP_IF, Opcode.CONST, Opcode.RETURN_VALUE, Opcode.CONST, Opcode.RETURN_VALUE);
    agreesWithChicory(wat);
  }

  @Test
  void aBranchWhoseValuesMoveSkipsThemWithTheOppositeJump() {
    String wat = "(module (func (export \"main\") (param i32 i32) (result i32)"
        + " (block (result i32) (i32.const 7)"
        + " (drop (br_if 0 (i32.const 5) (i32.eqz (local.get 0)))) drop (i32.const 6))))";
    assertThat(ops(wat)).containsExactly(
        Opcode.CONST, Opcode.CONST, Opcode.JUMP_IF, Opcode.COPY, Opcode.RETURN_VALUE,
        Opcode.CONST, Opcode.RETURN_VALUE);
    agreesWithChicory(wat);
  }

  @Test
  void aComparisonUnderEqzBecomesItsInverseAndThenAJumpIf() {
    String[][] inverse = {
      {"eq", "NE"}, {"ne", "EQ"}, {"lt_s", "GE_S"}, {"lt_u", "GE_U"}, {"gt_s", "LE_S"},
      {"gt_u", "LE_U"}, {"le_s", "GT_S"}, {"le_u", "GT_U"}, {"ge_s", "LT_S"}, {"ge_u", "LT_U"},
    };
    for (String[] pair : inverse) {
      String branch = main("(block (br_if 0 (i32.eqz (i32." + pair[0] + " (local.get 0) (local.get 1))))"
          + " (local.set $r (i32.const 7)))");
      assertThat(ops(branch)).as(pair[0]).containsExactly(
          Opcode.valueOf(pair[1]), Opcode.JUMP_IF, Opcode.CONST, Opcode.RETURN_VALUE);
      agreesWithChicory(branch);
      String value = main("(local.set $r (i32.eqz (i32." + pair[0] + " (local.get 0) (local.get 1))))");
      // the inverse comparison writes the local directly
      assertThat(ops(value)).as(pair[0]).containsExactly(Opcode.valueOf(pair[1]), Opcode.RETURN_VALUE);
      agreesWithChicory(value);
      String wide = main("(local.set $r (i32.eqz (i64." + pair[0]
          + " (i64.extend_i32_s (local.get 0)) (i64.extend_i32_u (local.get 1)))))");
      assertThat(ops(wide)).as(pair[0]).contains(Opcode.valueOf(pair[1].contains("_") ? pair[1].replace("_", "64_") : pair[1] + "64"))
          .doesNotContain(Opcode.EQZ);
      agreesWithChicory(wide);
    }
  }

  @Test
  void aLabelBetweenTheComparisonAndTheEqzKeepsBoth() {
    String wat = main("(i32.lt_s (local.get 0) (local.get 1))"
        + " (block (br_if 0 (local.get 1)) (local.set $r (i32.const 5)))"
        + " i32.eqz (local.set $r (i32.add (local.get $r)))");
    assertThat(ops(wat)).contains(Opcode.LT_S, Opcode.EQZ).doesNotContain(Opcode.GE_S);
    agreesWithChicory(wat);
  }

  @Test
  void aLabelBetweenTheEqzAndTheBranchKeepsBoth() {
    String wat = main("(block (i32.eqz (local.get 1))"
        + " (block (br_if 0 (local.get 0)) (local.set $r (i32.const 5)))"
        + " (br_if 0) (local.set $r (i32.const 9)))");
    List<Opcode> ops = ops(wat);
    assertThat(ops).contains(Opcode.EQZ);
    assertThat(ops.subList(ops.indexOf(Opcode.EQZ), ops.size())).containsSubsequence(Opcode.EQZ, Opcode.JUMP_IF, Opcode.JUMP_IF);
    agreesWithChicory(wat);
  }

  @Test
  void anEqzWhoseValueIsKeptIsNotFused() {
    // local.tee keeps the eqz's value: it must be computed
    String wat = main("(block (br_if 0 (local.tee $r (i32.eqz (local.get 0)))) (local.set $r (i32.const 3)))");
    assertThat(ops(wat)).contains(Opcode.EQZ);
    agreesWithChicory(wat);
  }

  @Test
  void aTargetWithoutTheInverseOpcodeKeepsTheEqz() {
    EnumSet<Opcode> without = EnumSet.allOf(Opcode.class);
    without.remove(Opcode.GE_S);
    String wat = main("(local.set $r (i32.eqz (i32.lt_s (local.get 0) (local.get 1))))");
    assertThat(ops(Lowering.lower(Wat.assemble(wat), null, without)))
        .containsExactly(Opcode.LT_S, Opcode.EQZ, Opcode.RETURN_VALUE);
  }
}
