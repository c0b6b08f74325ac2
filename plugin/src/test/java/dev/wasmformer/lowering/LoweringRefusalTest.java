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
      i64.add            | (global $g i64 (i64.const 1)) (func $f (export "fib") (result i32) (drop (i64.add (global.get $g) (global.get $g))) (i32.const 0)) | fib
      f32.add            | (global $g f32 (f32.const 1)) (func (export "main") (result i32) (drop (f32.add (global.get $g) (global.get $g))) (i32.const 0)) | main
      f64.const          | (func (export "main") (result i32) (drop (f64.const 1)) (i32.const 0))                                           | main
      call_indirect      | (type $t (func (result i32))) (table 1 funcref) (func (export "main") (result i32) (call_indirect (type $t) (i32.const 0))) | main
      br_table           | (func (export "main") (param i32) (result i32) (block (br_table 0 0 (local.get 0))) (i32.const 1))                | main
      memory.grow        | (memory 1) (func (export "main") (result i32) (memory.grow (i32.const 1)))                                      | main
      memory.size        | (memory 1) (func (export "main") (result i32) (memory.size))                                                    | main
      memory.fill        | (memory 1) (func (export "main") (result i32) (memory.fill (i32.const 0) (i32.const 0) (i32.const 1)) (i32.const 0)) | main
      i32.wrap_i64       | (global $g i64 (i64.const 5)) (func (export "main") (result i32) (i32.wrap_i64 (global.get $g)))                 | main
      i64.load           | (memory 1) (func $helper (result i32) (i32.wrap_i64 (i64.load (i32.const 0)))) (func (export "main") (result i32) (call $helper)) | func[0]
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
        (module (func (export "main") (result i32) (return (i32.const 1)) (drop (i64.const 2)) (i32.const 0)))
        """), null))
        .hasMessage("unsupported instruction i64.const in function main");
  }

  @Test
  void aFunctionTheEntryNeverCallsMayUseAnything() {
    var program = Lowering.lower(wasm("""
        (module
          (func (export "main") (result i32) (i32.const 1))
          (func (export "other") (result i64) (i64.const 2)))
        """), null);

    assertThat(program.functions()).extracting(f -> f.name()).containsExactly("(entry stub)", "main");
  }

  @Test
  void i64ParametersLocalsAndResultsAreRefused() {
    assertThatThrownBy(() -> Lowering.lower(wasm("(module (func (export \"main\") (param i64) (result i32) (i32.const 0)))"), null))
        .hasMessage("unsupported parameter type i64 in function main");
    assertThatThrownBy(() -> Lowering.lower(wasm("""
        (module (func $g (local i64)) (func (export "main") (result i32) (call $g) (i32.const 0)))
        """), null))
        .hasMessage("unsupported local type i64 in function func[0]");
    assertThatThrownBy(() -> Lowering.lower(wasm("(module (func (export \"main\") (result i64) (i64.const 0)))"), null))
        .hasMessage("unsupported result type i64 in function main");
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
  void i64GlobalsAreRefusedWhereUsed() {
    assertThatThrownBy(() -> Lowering.lower(wasm("""
        (module (global $g (mut i64) (i64.const 1))
          (func (export "main") (result i32) (global.set $g (i64.const 2)) (i32.const 0)))
        """), null))
        .hasMessageStartingWith("unsupported instruction i64.const in function main");
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
