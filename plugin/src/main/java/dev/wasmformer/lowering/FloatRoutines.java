package dev.wasmformer.lowering;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.OpCode;
import dev.wasmformer.c.CCompiler;
import dev.wasmformer.c.CompileOptions;
import dev.wasmformer.c.CompileResult;
import dev.wasmformer.c.SourceFile;
import dev.wasmformer.isa.Opcode;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The soft-float routines that the f32 and f64 instructions of a module become: the libc's
 * {@code softfloat.c}, compiled by our own C compiler once per JVM into a module of its own
 * whose functions the lowering appends to a program, like the program's own functions, when
 * the program calls them. The routines are integer code on bit patterns (a float's bits in an
 * i32, a double's in an i64) and use only their parameters and locals: no memory, no
 * globals, so they fit into any program. Their one import, {@code env.__wf_invalid_conversion},
 * is the ISA's TRAP of that cause (a trapping conversion of a NaN).
 */
final class FloatRoutines {
  private FloatRoutines() {}

  /** Instructions that are one call of a routine whose parameters and result are theirs. */
  static final Map<OpCode, String> CALLS = new EnumMap<>(OpCode.class);

  /**
   * A comparison: a call of {@code __wf_dcmp}/{@code __wf_fcmp}, which answers 1 (less), 2
   * (equal), 4 (greater) or 8 (unordered), then a test of that answer against {@code constant}
   * with {@code test}; {@code XOR} stands for "xor with the constant, then LT_U against it"
   * (ge: 2 ^ 6 = 4 and 4 ^ 6 = 2 are below 6, 1 ^ 6 = 7 and 8 ^ 6 = 14 are not).
   */
  record Comparison(String routine, int constant, Opcode test) {}

  static final Map<OpCode, Comparison> COMPARISONS = new EnumMap<>(OpCode.class);

  static {
    Object[][] calls = {
      {OpCode.F64_ADD, "__wf_dadd"}, {OpCode.F64_SUB, "__wf_dsub"}, {OpCode.F64_MUL, "__wf_dmul"},
      {OpCode.F64_DIV, "__wf_ddiv"}, {OpCode.F64_SQRT, "__wf_dsqrt"}, {OpCode.F64_MIN, "__wf_dmin"},
      {OpCode.F64_MAX, "__wf_dmax"}, {OpCode.F64_FLOOR, "__wf_dfloor"}, {OpCode.F64_CEIL, "__wf_dceil"},
      {OpCode.F64_TRUNC, "__wf_dtrunc"}, {OpCode.F64_NEAREST, "__wf_dnearest"},
      {OpCode.F32_ADD, "__wf_fadd"}, {OpCode.F32_SUB, "__wf_fsub"}, {OpCode.F32_MUL, "__wf_fmul"},
      {OpCode.F32_DIV, "__wf_fdiv"}, {OpCode.F32_SQRT, "__wf_fsqrt"}, {OpCode.F32_MIN, "__wf_fmin"},
      {OpCode.F32_MAX, "__wf_fmax"}, {OpCode.F32_FLOOR, "__wf_ffloor"}, {OpCode.F32_CEIL, "__wf_fceil"},
      {OpCode.F32_TRUNC, "__wf_ftrunc"}, {OpCode.F32_NEAREST, "__wf_fnearest"},
      {OpCode.F64_CONVERT_I32_S, "__wf_i32_to_d"}, {OpCode.F64_CONVERT_I32_U, "__wf_u32_to_d"},
      {OpCode.F64_CONVERT_I64_S, "__wf_i64_to_d"}, {OpCode.F64_CONVERT_I64_U, "__wf_u64_to_d"},
      {OpCode.F32_CONVERT_I32_S, "__wf_i32_to_f"}, {OpCode.F32_CONVERT_I32_U, "__wf_u32_to_f"},
      {OpCode.F32_CONVERT_I64_S, "__wf_i64_to_f"}, {OpCode.F32_CONVERT_I64_U, "__wf_u64_to_f"},
      {OpCode.F64_PROMOTE_F32, "__wf_f_to_d"}, {OpCode.F32_DEMOTE_F64, "__wf_d_to_f"},
      {OpCode.I32_TRUNC_F64_S, "__wf_d_to_i32_trap"}, {OpCode.I32_TRUNC_F64_U, "__wf_d_to_u32_trap"},
      {OpCode.I64_TRUNC_F64_S, "__wf_d_to_i64_trap"}, {OpCode.I64_TRUNC_F64_U, "__wf_d_to_u64_trap"},
      {OpCode.I32_TRUNC_F32_S, "__wf_f_to_i32_trap"}, {OpCode.I32_TRUNC_F32_U, "__wf_f_to_u32_trap"},
      {OpCode.I64_TRUNC_F32_S, "__wf_f_to_i64_trap"}, {OpCode.I64_TRUNC_F32_U, "__wf_f_to_u64_trap"},
      {OpCode.I32_TRUNC_SAT_F64_S, "__wf_d_to_i32_sat"}, {OpCode.I32_TRUNC_SAT_F64_U, "__wf_d_to_u32_sat"},
      {OpCode.I64_TRUNC_SAT_F64_S, "__wf_d_to_i64_sat"}, {OpCode.I64_TRUNC_SAT_F64_U, "__wf_d_to_u64_sat"},
      {OpCode.I32_TRUNC_SAT_F32_S, "__wf_f_to_i32_sat"}, {OpCode.I32_TRUNC_SAT_F32_U, "__wf_f_to_u32_sat"},
      {OpCode.I64_TRUNC_SAT_F32_S, "__wf_f_to_i64_sat"}, {OpCode.I64_TRUNC_SAT_F32_U, "__wf_f_to_u64_sat"},
    };
    for (Object[] c : calls) CALLS.put((OpCode) c[0], (String) c[1]);
    for (String t : new String[] {"d", "f"}) {
      String p = t.equals("d") ? "F64_" : "F32_";
      String routine = "__wf_" + t + "cmp";
      COMPARISONS.put(OpCode.valueOf(p + "EQ"), new Comparison(routine, 2, Opcode.EQ));
      COMPARISONS.put(OpCode.valueOf(p + "NE"), new Comparison(routine, 2, Opcode.NE));
      COMPARISONS.put(OpCode.valueOf(p + "LT"), new Comparison(routine, 1, Opcode.EQ));
      COMPARISONS.put(OpCode.valueOf(p + "GT"), new Comparison(routine, 4, Opcode.EQ));
      COMPARISONS.put(OpCode.valueOf(p + "LE"), new Comparison(routine, 3, Opcode.LT_U));
      COMPARISONS.put(OpCode.valueOf(p + "GE"), new Comparison(routine, 6, Opcode.XOR));
    }
  }

  /** The routines' module, compiled on first use. */
  private static final class Holder {
    static final ModuleInfo MODULE = compile();
  }

  /** The module holding the routines, each exported under its own name. */
  static ModuleInfo module() {
    return Holder.MODULE;
  }

  /** The routine {@code name}'s function index in {@link #module()}. */
  static int function(String name) {
    return module().entry(name);
  }

  static FunctionType type(String name) {
    return module().type(function(name));
  }

  private static ModuleInfo compile() {
    Set<String> names = new LinkedHashSet<>(CALLS.values());
    COMPARISONS.values().forEach(c -> names.add(c.routine()));
    // The routines are the libc's; an empty unit exporting them makes the linker keep them.
    CompileResult r = new CCompiler().compile(new SourceFile("<float routines>", "/* softfloat.c's routines */\n"),
        CompileOptions.defaults().withExports(List.copyOf(names)));
    if (!r.success()) throw new IllegalStateException("the soft-float routines do not compile:\n" + r.render());
    ModuleInfo module = new ModuleInfo(Parser.parse(r.wasm()));
    for (int f = 0; f < module.functionCount(); f++) {
      if (module.isImport(f)) {
        if (module.hostFunction(f).isEmpty()) {
          throw new IllegalStateException("the soft-float routines import " + module.name(f));
        }
        continue;
      }
      for (AnnotatedInstruction in : module.body(f).instructions()) {
        String what = WasmText.name(in.opcode());
        if (what.startsWith("global.") || what.startsWith("memory.") || what.contains("load")
            || what.contains("store") || in.opcode() == OpCode.CALL_INDIRECT) {
          throw new IllegalStateException("soft-float routine " + module.name(f) + " uses " + what
              + ": the routines must use only their parameters and locals");
        }
      }
    }
    return module;
  }
}
