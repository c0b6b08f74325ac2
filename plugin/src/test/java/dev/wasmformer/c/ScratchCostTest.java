package dev.wasmformer.c;

import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.ReferenceInterpreter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchCostTest {
  long count(String body) {
    String text = "#include <math.h>\nvolatile double a = 1.2345, b = 6.789; volatile float f = 1.5f, g = 2.75f; volatile double r; volatile float s; volatile int i = 12345;\nint main(void) { for (int k = 0; k < 100; k++) { " + body + " } return 0; }\n";
    CompileResult c = WasmformerCompiler.compileC(List.of(new SourceFile("p.c", text)), WasmformerCompiler.cOptions());
    var tp = WasmformerCompiler.lower(c.wasm(), "_start");
    return new ReferenceInterpreter(tp).run(new long[0], new byte[0]).instructions();
  }

  @Test
  void cost() {
    long base = count("r = a;");
    StringBuilder sb = new StringBuilder();
    for (String op : List.of("r = a + b;", "r = a - b;", "r = a * b;", "r = a / b;", "r = sqrt(a);", "s = f + g;", "s = f * g;", "s = f / g;", "i = a < b;", "r = i;", "i = a;", "s = a;", "r = f;")) {
      sb.append(op).append(' ').append((count(op) - base) / 100.0).append(" | ");
    }
    System.out.println("COST " + sb);
  }
}
