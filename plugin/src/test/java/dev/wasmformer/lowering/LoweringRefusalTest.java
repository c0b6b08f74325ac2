package dev.wasmformer.lowering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmformer.isa.Opcode;
import dev.wasmformer.testing.Wat;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the lowering refuses, and that every refusal names the construct and the function. */
class LoweringRefusalTest {
  private static byte[] wasm(String wat) {
    return Wat.assemble(wat);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      f32x4.splat        | (func (export "fib") (result i32) (drop (f32x4.add (f32x4.splat (f32.const 1)) (f32x4.splat (f32.const 2)))) (i32.const 0)) | fib
      v128.const         | (func (export "main") (result i32) (drop (v128.const i64x2 1 2)) (i32.const 0))                                 | main
      f64x2.splat        | (func (export "main") (result i32) (drop (f64x2.splat (f64.const 1))) (i32.const 0))                            | main
      i32x4.splat        | (func (export "main") (result i32) (i32x4.extract_lane 0 (i32x4.splat (i32.const 3))))                          | main
      memory.fill        | (memory 1) (func (export "main") (result i32) (memory.fill (i32.const 0) (i32.const 0) (i32.const 1)) (i32.const 0)) | main
      memory.copy        | (memory 1) (func (export "main") (result i32) (memory.copy (i32.const 0) (i32.const 0) (i32.const 1)) (i32.const 0)) | main
      table.size         | (table 1 funcref) (func (export "main") (result i32) (table.size))                                             | main
      i64x2.splat        | (func $helper (result i32) (drop (i64x2.splat (i64.const 1))) (i32.const 0)) (func (export "main") (result i32) (call $helper)) | func[0]
      """)
  void unsupportedInstructionIsRefusedNamingItAndItsFunction(String instruction, String body, String function) {
    String entry = function.startsWith("func[") ? null : function;
    assertThatThrownBy(() -> Lowering.lower(wasm("(module " + body + ")"), entry))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessageStartingWith("unsupported instruction " + instruction + " in function " + function);
  }

  @Test
  void anInstructionInUnreachedCodeOfAReachedFunctionIsStillRefused() {
    assertThatThrownBy(() -> Lowering.lower(wasm("""
        (module (func (export "main") (result i32) (return (i32.const 1)) (drop (v128.const i64x2 1 2)) (i32.const 0)))
        """), null))
        .hasMessage("unsupported instruction v128.const in function main");
  }

  @Test
  void aFunctionTheEntryNeverCallsMayUseAnything() {
    var program = Lowering.lower(wasm("""
        (module
          (func (export "main") (result i32) (i32.const 1))
          (func (export "other") (result v128) (v128.const i64x2 0 2)))
        """), null);

    assertThat(program.functions()).extracting(f -> f.name()).containsExactly("(entry stub)", "main");
  }

  @Test
  void vectorAndReferenceParametersLocalsAndResultsAreRefused() {
    assertThatThrownBy(() -> Lowering.lower(wasm("(module (func (export \"main\") (param v128) (result i32) (i32.const 0)))"), null))
        .hasMessage("unsupported parameter type v128 in function main");
    assertThatThrownBy(() -> Lowering.lower(wasm("""
        (module (func $g (local i64 f32 externref)) (func (export "main") (result i32) (call $g) (i32.const 0)))
        """), null))
        .hasMessage("unsupported local type externref in function func[0]");
    assertThatThrownBy(() -> Lowering.lower(wasm("(module (func (export \"main\") (result v128) (v128.const i64x2 0 0)))"), null))
        .hasMessage("unsupported result type v128 in function main");
  }

  @Test
  void multipleResultsAreRefused() {
    assertThatThrownBy(() -> Lowering.lower(wasm("""
        (module
          (func $two (result i32 i32) (i32.const 1) (i32.const 2))
          (func (export "main") (result i32) (call $two) (i32.add)))
        """), null))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessageContaining("multiple results");
    assertThatThrownBy(() -> Lowering.lower(wasm("""
        (module (func (export "main") (result i32) (block (result i32 i32) (i32.const 1) (i32.const 2)) (i32.add)))
        """), null))
        .hasMessageContaining("multiple results").hasMessageContaining("in function main");
  }

  @Test
  void importsOtherThanPutcharAndGetcharAreRefused() {
    assertThatThrownBy(() -> Lowering.lower(wasm("""
        (module (import "env" "puts" (func $puts (param i32) (result i32)))
          (func (export "main") (result i32) (call $puts (i32.const 0))))
        """), null))
        .hasMessageStartingWith("unsupported import env.puts")
        .hasMessageContaining("called from function main");
    assertThatThrownBy(() -> Lowering.lower(wasm("""
        (module (import "env" "putchar" (func $p (param i32)))
          (func (export "main") (result i32) (call $p (i32.const 0)) (i32.const 0)))
        """), null))
        .hasMessageStartingWith("unsupported import env.putchar");
    assertThatThrownBy(() -> Lowering.lower(wasm("""
        (module (import "env" "memory" (memory 1)) (func (export "main") (result i32) (i32.const 0)))
        """), null))
        .hasMessageStartingWith("unsupported import env.memory (memory)");
    assertThatThrownBy(() -> Lowering.lower(wasm("""
        (module (import "env" "g" (global i32)) (func (export "main") (result i32) (global.get 0)))
        """), null))
        .hasMessageStartingWith("unsupported import env.g (global)");
  }

  @Test
  void vectorGlobalsAreRefusedWhereUsed() {
    String module = """
        (module (global $g (mut v128) (v128.const i64x2 1 1)) (global $n (mut i64) (i64.const 1))
          (global $d (mut f64) (f64.const 1))
          (func (export "main") (result i32) (global.set $n (i64.const 2)) (global.set $d (f64.const 2)) %s (i32.const 0)))
        """;
    assertThat(Lowering.lower(wasm(module.formatted("")), null).globals()).isEqualTo(5);
    assertThatThrownBy(() -> Lowering.lower(wasm(module.formatted("(drop (global.get $g))")), null))
        .hasMessage("unsupported instruction global.get of a v128 global in function main");
  }

  @Test
  void aFunctionWhoseI64ValuesNeedMoreThan256SlotsIsRefusedThoughItHasFewerValues() {
    String locals = "(local " + "i64 ".repeat(120) + ")";
    // 240 slots of locals, then a stack of i64 values: the ninth would reach beyond slot 255.
    String pushes = "(local.get 0) ".repeat(9);
    assertThatThrownBy(() -> Lowering.lower(wasm("(module (func (export \"main\") " + locals + " " + pushes
        + "(drop) ".repeat(9) + "))"), null))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessage("function main needs more than 256 slots (240 for parameters and locals, the rest for its operand stack)");
    Lowering.lower(wasm("(module (func (export \"main\") " + locals + " " + "(local.get 0) ".repeat(8)
        + "(drop) ".repeat(8) + "))"), null);
  }

  @Test
  void aFunctionNeedingMoreThan256SlotsIsRefused() {
    assertThatThrownBy(() -> Lowering.lower(wasm("""
        (module (func (export "main") (result i32) (local i32) (local.get 299)) )
        """.replace("(local i32)", "(local " + "i32 ".repeat(300) + ")")), null))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessageContaining("function main needs more than 256 slots");
  }

  @Test
  void aTargetWithoutAnOpcodeRefusesTheInstructionsNeedingIt() {
    byte[] fib = wasm("""
        (module (func $f (export "fib") (param i32) (result i32) (local i32)
          (local.set 1 (local.get 0))
          (i32.mul (local.get 1) (local.get 1))))
        """);
    EnumSet<Opcode> noMul = EnumSet.allOf(Opcode.class);
    noMul.remove(Opcode.MUL);
    assertThatThrownBy(() -> Lowering.lower(fib, "fib", noMul))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessage("unsupported instruction i32.mul in function fib: the target lacks MUL");

    EnumSet<Opcode> noCopy = EnumSet.allOf(Opcode.class);
    noCopy.remove(Opcode.COPY);
    assertThatThrownBy(() -> Lowering.lower(fib, "fib", noCopy))
        .hasMessage("unsupported instruction local.set in function fib: the target lacks COPY");

    EnumSet<Opcode> noHaltI32 = EnumSet.allOf(Opcode.class);
    noHaltI32.remove(Opcode.HALT_I32);
    assertThatThrownBy(() -> Lowering.lower(fib, "fib", noHaltI32))
        .hasMessage("unsupported entry stub: the target lacks HALT_I32");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      br_table      | JUMP_TABLE  | (func (export "main") (param i32) (result i32) (block (br_table 0 0 (local.get 0))) (i32.const 1))
      call_indirect | JUMP_TABLE  | (type $t (func (result i32))) (table 1 funcref) (func (export "main") (result i32) (call_indirect (type $t) (i32.const 0)))
      call_indirect | TRAP        | (type $t (func (result i32))) (table 1 funcref) (func (export "main") (result i32) (call_indirect (type $t) (i32.const 0)))
      memory.size   | MEMORY_SIZE | (memory 1) (func (export "main") (result i32) (memory.size))
      memory.grow   | MEMORY_GROW | (memory 1) (func (export "main") (result i32) (memory.grow (i32.const 1)))
      i64.add       | ADD64       | (func (export "main") (param i64 i64) (result i32) (i32.wrap_i64 (i64.add (local.get 0) (local.get 1))))
      i64.lt_u      | LT64_U      | (func (export "main") (param i64 i64) (result i32) (i64.lt_u (local.get 0) (local.get 1)))
      i64.eqz       | EQZ64       | (func (export "main") (param i64) (result i32) (i64.eqz (local.get 0)))
      i64.clz       | CLZ         | (func (export "main") (param i64) (result i32) (i32.wrap_i64 (i64.clz (local.get 0))))
      i64.extend_i32_s | SHR_S    | (func (export "main") (param i32) (result i32) (i32.wrap_i64 (i64.shr_u (i64.extend_i32_s (local.get 0)) (i64.const 32))))
      """)
  void aTargetWithoutANewOpcodeRefusesTheInstructionNeedingIt(String instruction, Opcode missing, String body) {
    EnumSet<Opcode> target = EnumSet.allOf(Opcode.class);
    target.remove(missing);
    assertThatThrownBy(() -> Lowering.lower(wasm("(module " + body + ")"), null, target))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessage("unsupported instruction " + instruction + " in function main: the target lacks " + missing);
  }

  @Test
  void aTargetWithoutAnOpcodeASoftFloatRoutineNeedsRefusesTheFloatInstruction() {
    // f64.add is a CALL of the routine __wf_dadd, whose code shifts i64s; the program itself has no SHL64
    byte[] add = wasm("""
        (module
          (func $sum (param i64 i64) (result i64)
            (i64.reinterpret_f64 (f64.add (f64.reinterpret_i64 (local.get 0)) (f64.reinterpret_i64 (local.get 1)))))
          (func (export "main") (param i64) (result i64) (call $sum (local.get 0) (local.get 0))))
        """);
    EnumSet<Opcode> noShl64 = EnumSet.allOf(Opcode.class);
    noShl64.remove(Opcode.SHL64);
    assertThatThrownBy(() -> Lowering.lower(add, null, noShl64))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessage("unsupported instruction f64.add in function func[0]: the target lacks SHL64"
            + " (in its soft-float routine: instruction i64.shl in function __wf_dadd)");
  }

  @Test
  void aRoutineCalledByARoutineNamesTheProgramsInstructionToo() {
    // i32.trunc_f64_s traps on NaN: __wf_d_to_i32_trap calls a helper that calls the import that is TRAP
    byte[] trunc = wasm("""
        (module (func (export "main") (param i64) (result i32)
          (i32.add (i32.const 1) (i32.trunc_f64_s (f64.reinterpret_i64 (local.get 0))))))
        """);
    EnumSet<Opcode> noTrap = EnumSet.allOf(Opcode.class);
    noTrap.remove(Opcode.TRAP);
    assertThatThrownBy(() -> Lowering.lower(trunc, null, noTrap))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessage("unsupported instruction i32.trunc_f64_s in function main: the target lacks TRAP"
            + " (in its soft-float routine: instruction call in function nan_to_integer)");
  }

  @Test
  void anEntryReturningAnI64NeedsHaltI64() {
    EnumSet<Opcode> target = EnumSet.allOf(Opcode.class);
    target.remove(Opcode.HALT_I64);
    assertThatThrownBy(() -> Lowering.lower(wasm("(module (func (export \"main\") (result i64) (i64.const 1)))"), null, target))
        .hasMessage("unsupported entry stub: the target lacks HALT_I64");
  }

  @Test
  void indirectCallsThroughOtherTablesOrToOtherImportsAreRefused() {
    assertThatThrownBy(() -> Lowering.lower(wasm("""
        (module (type $t (func (result i32))) (table $a 1 funcref) (table $b 1 funcref)
          (func (export "main") (result i32) (call_indirect $b (type $t) (i32.const 0))))
        """), null))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessage("unsupported call_indirect through table 1 in function main");
    assertThatThrownBy(() -> Lowering.lower(wasm("""
        (module (import "env" "puts" (func $puts (param i32) (result i32)))
          (type $t (func (param i32) (result i32))) (table 1 funcref) (elem (i32.const 0) $puts)
          (func (export "main") (result i32) (call_indirect (type $t) (i32.const 65) (i32.const 0))))
        """), null))
        .hasMessageStartingWith("unsupported import env.puts in the table, called indirectly from function main");
  }

  @Test
  void anElementSegmentOutsideTheTableIsRejected() {
    assertThatThrownBy(() -> Lowering.lower(wasm("""
        (module (type $t (func (result i32))) (table 2 funcref) (elem (i32.const 1) $f $f)
          (func $f (result i32) (i32.const 1))
          (func (export "main") (result i32) (call_indirect (type $t) (i32.const 0))))
        """), null))
        .isInstanceOf(MalformedWasmException.class)
        .hasMessage("element segment 0 (entries 1..3) does not fit in the table of 2 entries");
  }

  @Test
  void aTargetWithNoOpcodesRefusesEvenTheStub() {
    byte[] module = wasm("(module (func (export \"main\")))");
    assertThatThrownBy(() -> Lowering.lower(module, null, java.util.Set.of()))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessage("unsupported entry stub: the target lacks CALL");
  }

  @Test
  void malformedBytesReportTheDecodersReason() {
    assertThatThrownBy(() -> Lowering.lower(new byte[] {1, 2, 3}, null))
        .isInstanceOf(MalformedWasmException.class)
        .hasMessageStartingWith("malformed");
    byte[] truncated = java.util.Arrays.copyOf(wasm("(module (func (export \"main\") (result i32) (i32.const 1)))"), 20);
    assertThatThrownBy(() -> Lowering.lower(truncated, null))
        .isInstanceOf(MalformedWasmException.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void anInvalidModuleReportsTheValidatorsReason() {
    // (func (result i32) i64.const 1): well formed, but mistyped.
    byte[] mistyped = {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 5, 1, 0x60, 0, 1, 0x7f, 3, 2, 1, 0,
        7, 8, 1, 4, 'm', 'a', 'i', 'n', 0, 0, 10, 6, 1, 4, 0, 0x42, 1, 0x0b};
    assertThatThrownBy(() -> Lowering.lower(mistyped, null))
        .isInstanceOf(MalformedWasmException.class)
        .hasMessageContaining("type mismatch");
  }

  @Test
  void aDataSegmentOutsideTheMemoryIsRejected() {
    assertThatThrownBy(() -> Lowering.lower(wasm("""
        (module (memory 1) (data (i32.const 65535) "ab") (func (export "main") (result i32) (i32.const 0)))
        """), null))
        .isInstanceOf(MalformedWasmException.class)
        .hasMessageContaining("data segment 0");
  }

  @Test
  void aMissingEntryNamesWhatTheModuleExports() {
    byte[] module = wasm("(module (func (export \"go\") (result i32) (i32.const 1)))");
    assertThatThrownBy(() -> Lowering.lower(module, null))
        .isInstanceOf(LoweringException.class)
        .hasMessage("the module exports no function named main or _start; it exports [go]");
    assertThatThrownBy(() -> Lowering.lower(module, "stop"))
        .hasMessage("the module exports no function named stop; it exports [go]");
  }
}
