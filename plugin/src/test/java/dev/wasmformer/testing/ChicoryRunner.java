package dev.wasmformer.testing;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.wasmformer.isa.Trap;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Runs a module on Chicory's interpreter, the independent WebAssembly engine the token
 * programs are checked against, with env.putchar, env.putchar_err and env.getchar behaving
 * as the ISA's PUTCHAR, PUTCHAR_ERR and GETCHAR do.
 */
public final class ChicoryRunner {
  /** The C compiler's stack check's trap, as the lowering names it. */
  static final HostFunction STACK_OVERFLOW = new HostFunction("env", "__wf_stack_overflow",
      FunctionType.of(List.of(), List.of()), (inst, a) -> {
        throw new ChicoryException("call stack exhausted");
      });

  private ChicoryRunner() {}

  /** Decoded modules by their bytes: edge-operand sweeps run one module thousands of times. */
  private static final Map<ByteBuffer, WasmModule> MODULES = new ConcurrentHashMap<>();

  public static Outcome run(byte[] wasm, String entry, long[] args, byte[] input) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int[] position = {0};
    HostFunction putchar = new HostFunction("env", "putchar",
        FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)),
        (instance, a) -> {
          output.write((int) a[0] & 0xFF);
          return new long[] {a[0]};
        });
    ByteArrayOutputStream errorOutput = new ByteArrayOutputStream();
    HostFunction putcharErr = new HostFunction("env", "putchar_err",
        FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)),
        (instance, a) -> {
          errorOutput.write((int) a[0] & 0xFF);
          return new long[] {a[0]};
        });
    HostFunction getchar = new HostFunction("env", "getchar",
        FunctionType.of(List.of(), List.of(ValType.I32)),
        (instance, a) -> new long[] {position[0] < input.length ? input[position[0]++] & 0xFF : -1});
    try {
      Instance instance = Instance.builder(MODULES.computeIfAbsent(ByteBuffer.wrap(wasm.clone()), b -> Parser.parse(wasm)))
          .withImportValues(ImportValues.builder().addFunction(putchar, putcharErr, getchar, STACK_OVERFLOW).build())
          // Chicory would otherwise also call an export named _start while instantiating.
          .withStart(false)
          .build();
      long[] results = instance.export(entry).apply(args);
      // an f64 result is its bits, as the token programs give it
      List<ValType> returns = instance.exportType(entry).returns();
      boolean i64 = returns.equals(List.of(ValType.I64)) || returns.equals(List.of(ValType.F64));
      OptionalLong value = results == null || results.length == 0
          ? OptionalLong.empty()
          : OptionalLong.of(i64 ? results[0] : (int) results[0]);
      return Outcome.halted(value, output.toByteArray(), errorOutput.toByteArray());
    } catch (ChicoryException e) {
      return Outcome.trapped(trapText(e.getMessage()), output.toByteArray(), errorOutput.toByteArray());
    } catch (StackOverflowError e) {
      return Outcome.trapped(Trap.Cause.CALL_STACK_EXHAUSTED.text(), output.toByteArray(), errorOutput.toByteArray());
    }
  }

  /** Chicory's trap message reduced to the specification's wording used by {@link Trap.Cause}. */
  private static String trapText(String message) {
    String m = String.valueOf(message).toLowerCase(Locale.ROOT);
    for (Trap.Cause cause : Trap.Cause.values()) {
      if (m.contains(cause.text())) return cause.text();
    }
    if (m.contains("unreachable")) return Trap.Cause.UNREACHABLE.text();
    // The specification says "uninitialized" for a null entry inside the table, "undefined"
    // beyond it; the token ISA has one cause for both.
    if (m.contains("uninitialized element")) return Trap.Cause.UNDEFINED_ELEMENT.text();
    return "chicory: " + message;
  }
}
