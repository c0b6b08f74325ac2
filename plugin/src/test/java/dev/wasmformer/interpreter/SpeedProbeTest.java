package dev.wasmformer.interpreter;

import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.runtime.Attention;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.Wasmformer;
import org.junit.jupiter.api.Test;

class SpeedProbeTest {
  @Test
  void probe() throws Exception {
    var bundle = new WasmformerCompiler(InterpreterModel.get()).addProgram(InterpreterGraphTest.fib(), "fib").bundle();
    var lb = Wasmformer.load(bundle);
    for (int n : new int[] {15, 18, 20}) {
      for (Attention a : new Attention[] {Attention.HULL, Attention.NAIVE}) {
        if (a == Attention.NAIVE && n > 15) continue;
        var r = lb.program("t").run(RunOptions.defaults().withArgs(n).withAttention(a));
        System.out.printf("fib(%d) %s = %d tokens=%d tok/s=%.0f%n", n, a, r.returnValue().getAsLong(), r.stats().tokens(), r.stats().tokensPerSecond());
      }
    }
  }
}
