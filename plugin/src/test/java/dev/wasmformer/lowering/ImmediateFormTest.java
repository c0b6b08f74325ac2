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
 * The immediate forms in the lowering: a binary i32 operation on a constant just computed
 * becomes one instruction with the constant as its immediate; not across a label, and not for
 * a target lacking the form. Each case also runs on the ISA and on Chicory.
 */
class ImmediateFormTest {
  private static final long[][] ARGS = {
    {0, 0}, {1, 2}, {-1, 1}, {0x8000_0000L, 0x7FFF_FFFFL}, {0x7FFF_FFFFL, 0x8000_0000L}, {5, 5},
  };

  private static List<Instruction> code(TokenProgram p) {
    int main = p.functions().get(1).start();
    int end = p.functions().size() > 2 ? p.functions().get(2).start() : p.instructions().size();
    return p.instructions().subList(main, end);
  }

  private static List<Instruction> code(String wat) {
    return code(Lowering.lower(Wat.assemble(wat), null));
  }

  private static String main(String body) {
    return "(module (func (export \"main\") (param i32 i32) (result i32)\n" + body + "))";
  }

  private static Instruction in(Opcode op, int x, int y, int z, int imm) {
    return new Instruction(op, x, y, z, imm);
  }

  private static void agreesWithChicory(String wat) {
    IsaRunner.assertAgreesWithChicory(Wat.assemble(wat), ARGS);
  }

  @Test
  void aConstantRightOperandBecomesTheImmediate() {
    String wat = main("(i32.add (local.get 0) (i32.const 5))");
    assertThat(code(wat)).containsExactly(in(Opcode.ADD_IMM, 0, 0, 2, 5), in(Opcode.RETURN_VALUE, 2, 0, 0, 0));
    agreesWithChicory(wat);
    for (String op : List.of("shl", "shr_s", "shr_u", "rotl", "rotr", "and", "or", "xor", "mul", "eq", "lt_u", "ge_s")) {
      String w = main("(i32." + op + " (local.get 1) (i32.const 33))");
      assertThat(code(w).get(0)).as(op)
          .isEqualTo(in(Opcode.valueOf(op.toUpperCase() + "_IMM"), 1, 0, 2, 33));
      agreesWithChicory(w);
    }
  }

  @Test
  void subtractingAConstantAddsItsNegation() {
    String wat = main("(i32.sub (local.get 0) (i32.const 0x80000000))");
    assertThat(code(wat).get(0)).isEqualTo(in(Opcode.ADD_IMM, 0, 0, 2, Integer.MIN_VALUE));
    agreesWithChicory(wat);
    String seven = main("(i32.sub (local.get 0) (i32.const 7))");
    assertThat(code(seven).get(0)).isEqualTo(in(Opcode.ADD_IMM, 0, 0, 2, -7));
    agreesWithChicory(seven);
  }

  @Test
  void aConstantLeftOperandSwapsTheOperation() {
    String lt = main("(i32.lt_s (i32.const 3) (local.get 0))");
    assertThat(code(lt).get(0)).isEqualTo(in(Opcode.GT_S_IMM, 0, 0, 2, 3));
    agreesWithChicory(lt);
    String geU = main("(i32.ge_u (i32.const -1) (local.get 1))");
    assertThat(code(geU).get(0)).isEqualTo(in(Opcode.LE_U_IMM, 1, 0, 2, -1));
    agreesWithChicory(geU);
    String add = main("(i32.add (i32.const 9) (local.get 1))");
    assertThat(code(add).get(0)).isEqualTo(in(Opcode.ADD_IMM, 1, 0, 2, 9));
    agreesWithChicory(add);
    // no swapped form: the CONST stays
    String sub = main("(i32.sub (i32.const 9) (local.get 1))");
    assertThat(code(sub)).extracting(Instruction::op).containsExactly(Opcode.CONST, Opcode.SUB, Opcode.RETURN_VALUE);
    agreesWithChicory(sub);
    String shl = main("(i32.shl (i32.const 1) (local.get 1))");
    assertThat(code(shl)).extracting(Instruction::op).containsExactly(Opcode.CONST, Opcode.SHL, Opcode.RETURN_VALUE);
    agreesWithChicory(shl);
  }

  @Test
  void aConstantComputedBeforeTheOtherOperandStays() {
    String wat = main("(i32.add (i32.const 4) (i32.mul (local.get 0) (local.get 1)))");
    assertThat(code(wat)).extracting(Instruction::op).contains(Opcode.CONST, Opcode.ADD);
  }

  @Test
  void aLabelAfterTheConstantKeepsIt() {
    String wat = main("(local.get 0) (i32.const 6) (block (br_if 0 (local.get 1))) i32.add");
    // (the block's entry copies local 0 into its stack slot first)
    assertThat(code(wat)).extracting(Instruction::op)
        .containsExactly(Opcode.CONST, Opcode.COPY, Opcode.JUMP_IF, Opcode.ADD, Opcode.RETURN_VALUE);
    agreesWithChicory(wat);
  }

  @Test
  void aNegatedImmediateComparisonIsTheInverseForm() {
    String wat = main("(i32.eqz (i32.lt_s (local.get 0) (i32.const 10)))");
    assertThat(code(wat)).containsExactly(in(Opcode.GE_S_IMM, 0, 0, 2, 10), in(Opcode.RETURN_VALUE, 2, 0, 0, 0));
    agreesWithChicory(wat);
  }

  @Test
  void aTargetWithoutTheFormKeepsTheConstant() {
    EnumSet<Opcode> without = EnumSet.allOf(Opcode.class);
    without.remove(Opcode.ADD_IMM);
    TokenProgram p = Lowering.lower(Wat.assemble(main("(i32.add (local.get 0) (i32.const 1))")), null, without);
    assertThat(code(p)).extracting(Instruction::op).containsExactly(Opcode.CONST, Opcode.ADD, Opcode.RETURN_VALUE);
  }
}
