package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.ReferenceInterpreter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calls of small static functions are expanded in place: the call disappears from the module
 * and the run takes fewer instructions, with the same result as with inlining turned off.
 * (Correctness against gcc: c/features/inlining.c.)
 */
class InliningTest {
  private static final String PROGRAM = """
      static int add(int a, int b) { return a + b; }
      static int clamp(int x) {
        if (x > 1000) return x - 1000;
        return x;
      }
      static int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
      int main(void) {
        int s = 0;
        for (int i = 0; i < 100; i++) s = clamp(add(s, i));
        return (s + fact(5)) & 0xff;
      }
      """;

  private static CompileResult compile(boolean inline) {
    CompileResult r = WasmformerCompiler.compileC(List.of(new SourceFile("inline.c", PROGRAM)),
        WasmformerCompiler.cOptions().withInlineSmallFunctions(inline));
    assertThat(r.success()).as(r.render()).isTrue();
    return r;
  }

  /** The number of call instructions in the module that call the function of that name. */
  private static int callsOf(byte[] wasm, String name) {
    WasmModule m = Parser.parse(wasm);
    int imports = m.importSection().importCount();
    int target = -1;
    for (int i = 0; i < imports + m.codeSection().functionBodyCount(); i++) {
      if (name.equals(m.nameSection().nameOfFunction(i))) target = i;
    }
    assertThat(target).as("function %s is in the module", name).isGreaterThanOrEqualTo(0);
    int calls = 0;
    for (FunctionBody body : m.codeSection().functionBodies()) {
      for (Instruction in : body.instructions()) {
        if (in.opcode() == OpCode.CALL && in.operand(0) == target) calls++;
      }
    }
    return calls;
  }

  @Test
  void smallStaticFunctionsAreExpandedInPlace() {
    byte[] on = compile(true).wasm();
    byte[] off = compile(false).wasm();
    assertThat(callsOf(off, "add")).isEqualTo(1);
    assertThat(callsOf(off, "clamp")).isEqualTo(1);
    assertThat(callsOf(on, "add")).isZero();
    assertThat(callsOf(on, "clamp")).isZero();
    // fact is recursive: expanded once into main, its own call stays a call
    assertThat(callsOf(off, "fact")).isEqualTo(2);
    assertThat(callsOf(on, "fact")).isEqualTo(2);
  }

  @Test
  void inliningKeepsTheResultAndSavesInstructions() {
    var on = new ReferenceInterpreter(WasmformerCompiler.lower(compile(true).wasm(), "_start")).run(new long[0], new byte[0]);
    var off = new ReferenceInterpreter(WasmformerCompiler.lower(compile(false).wasm(), "_start")).run(new long[0], new byte[0]);
    int expected = 0;
    for (int i = 0; i < 100; i++) {
      expected += i;
      if (expected > 1000) expected -= 1000;
    }
    expected = (expected + 120) & 0xff;
    assertThat(off.value().getAsLong() & 0xff).isEqualTo(expected);
    assertThat(on.value().getAsLong() & 0xff).isEqualTo(expected);
    // 200 calls expanded: each saves at least one instruction (the call and the return go,
    // the argument copies stay)
    assertThat(on.instructions()).isLessThan(off.instructions() - 200);
  }
}
