package dev.wasmformer.lowering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.runtime.Program;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.TrapException;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.testing.ChicoryRunner;
import dev.wasmformer.testing.Outcome;
import dev.wasmformer.testing.Wat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A module with f32 and f64 instructions runs on the transformer (a model restricted to the
 * opcodes its token program uses) as on Chicory: its soft-float routines are ordinary integer
 * code, and a trapping conversion traps there too. Without clang, unlike ClangModulesTest.
 */
class FloatTransformerTest {
  private static final String MODULE = """
      (module
        (func (export "main") (param $a f64) (param $b f32) (result f64)
          (local $s f64)
          (local.set $s (f64.sqrt (f64.mul (local.get $a) (local.get $a))))
          (local.set $s (f64.add (local.get $s) (f64.promote_f32 (f32.div (local.get $b) (f32.const 3)))))
          (local.set $s (f64.min (local.get $s) (f64.nearest (f64.div (local.get $s) (f64.const 0.25)))))
          (if (f64.ge (local.get $s) (f64.convert_i64_s (i64.trunc_f64_s (local.get $s))))
            (then (local.set $s (f64.copysign (local.get $s) (f64.neg (local.get $a))))))
          (f64.sub (local.get $s) (f64.convert_i32_u (i32.trunc_sat_f32_u (local.get $b))))))
      """;

  private static byte[] wasm;
  private static Program program;

  @BeforeAll
  static void build() throws Exception {
    wasm = Wat.assemble(MODULE);
    program = Wasmformer.load(new WasmformerCompiler().addWasm("float", "float.wat", wasm, "main").bundle())
        .programs().get(0);
  }

  @Test
  void floatArithmeticRunsOnTheTransformerAsOnChicory() {
    assertThat(Lowering.lower(wasm, "main").functions()).extracting(f -> f.name())
        .contains("softfloat.__wf_dsqrt", "softfloat.__wf_fdiv", "softfloat.__wf_dnearest", "softfloat.__wf_dcmp",
            "softfloat.__wf_d_to_i64_trap", "softfloat.__wf_f_to_u32_sat");
    for (double a : new double[] {3.0, -0.1}) {
      float b = 2.5f;
      RunResult r = program.run(RunOptions.defaults().withArguments(a, b));
      Outcome chicory = ChicoryRunner.run(wasm, "main",
          new long[] {Double.doubleToRawLongBits(a), Float.floatToRawIntBits(b)}, new byte[0]);
      assertThat(r.returnValue()).as("a = %s", a).isEqualTo(chicory.value());
      assertThat(r.typedReturnValue()).contains(Double.longBitsToDouble(chicory.value().getAsLong()));
    }
  }

  @Test
  void aTruncationOutOfRangeTrapsOnTheTransformer() {
    RunOptions huge = RunOptions.defaults().withArguments(1e300, 1f);
    TrapException trap = catchThrowableOfType(TrapException.class, () -> program.run(huge));
    assertThat(trap.reason()).isEqualTo("integer overflow");
    assertThat(ChicoryRunner.run(wasm, "main", new long[] {Double.doubleToRawLongBits(1e300), Float.floatToRawIntBits(1f)},
        new byte[0]).trap()).isEqualTo("integer overflow");
  }

  @Test
  void aTruncationOfNanTrapsAsAnInvalidConversionOnTheTransformer() {
    RunOptions nan = RunOptions.defaults().withArguments(Double.NaN, 1f);
    TrapException trap = catchThrowableOfType(TrapException.class, () -> program.run(nan));
    assertThat(trap.reason()).isEqualTo("invalid conversion to integer");
    assertThat(trap.function()).contains("softfloat.nan_to_integer");
    assertThat(ChicoryRunner.run(wasm, "main", new long[] {Double.doubleToRawLongBits(Double.NaN), Float.floatToRawIntBits(1f)},
        new byte[0]).trap()).isEqualTo("invalid conversion to integer");
  }
}
