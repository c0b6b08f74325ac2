package dev.wasmformer.c;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a compiled C program in Chicory with the three host imports, like a native process. */
final class WasmRunner {
  /** The C compiler's stack check's trap, as the lowering names it. */
  static final HostFunction STACK_OVERFLOW = new HostFunction("env", "__wf_stack_overflow",
      FunctionType.of(List.of(), List.of()), (inst, a) -> {
        throw new ChicoryException("call stack exhausted");
      });

  /** What a run produced; {@code trap} is null when the program ended normally. */
  record Run(String stdout, int status, String trap, String stderr) {}

  /** Default limit of output bytes, so a runaway program fails instead of filling memory. */
  private static final int MAX_OUTPUT = 1 << 20;

  private WasmRunner() {}

  static Run run(byte[] wasm, CompileResult.ModuleInfo info, String stdin, List<String> args) {
    WasmModule module = Parser.parse(wasm); // parses and validates
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] input = stdin.getBytes(StandardCharsets.UTF_8);
    int[] inputPos = {0};
    HostFunction putchar = new HostFunction("env", "putchar",
        FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)), (inst, a) -> {
          if (out.size() >= MAX_OUTPUT) throw new IllegalStateException("too much output");
          out.write((int) a[0] & 0xFF);
          return new long[] {a[0]};
        });
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    HostFunction putcharErr = new HostFunction("env", "putchar_err",
        FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)), (inst, a) -> {
          if (err.size() >= MAX_OUTPUT) throw new IllegalStateException("too much error output");
          err.write((int) a[0] & 0xFF);
          return new long[] {a[0]};
        });
    HostFunction getchar = new HostFunction("env", "getchar",
        FunctionType.of(List.of(), List.of(ValType.I32)), (inst, a) -> {
          int c = inputPos[0] < input.length ? input[inputPos[0]++] & 0xFF : -1;
          return new long[] {c};
        });
    // Chicory would call an export named _start by itself; the test calls it explicitly.
    Instance instance = Instance.builder(module)
        .withStart(false)
        .withImportValues(ImportValues.builder().addFunction(putchar, putcharErr, getchar, STACK_OVERFLOW).build())
        .build();
    if (info.argAreaAddress() != 0) {
      byte[] area = argumentArea(args, info.argAreaBytes());
      instance.memory().write(info.argAreaAddress(), area);
    }
    try {
      long[] r = instance.export("_start").apply();
      return new Run(out.toString(StandardCharsets.ISO_8859_1), (int) r[0] & 0xFF, null,
          err.toString(StandardCharsets.ISO_8859_1));
    } catch (ChicoryException | StackOverflowError e) {
      return new Run(out.toString(StandardCharsets.ISO_8859_1), -1, String.valueOf(e.getMessage()),
          err.toString(StandardCharsets.ISO_8859_1));
    }
  }

  /** The argument area: an i32 argc, then the strings, each NUL-terminated. */
  static byte[] argumentArea(List<String> args, int capacity) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int argc = args.size();
    b.write(argc);
    b.write(argc >> 8);
    b.write(argc >> 16);
    b.write(argc >> 24);
    for (String a : args) {
      b.writeBytes(a.getBytes(StandardCharsets.UTF_8));
      b.write(0);
    }
    if (b.size() > capacity) throw new IllegalArgumentException("arguments exceed the argument area");
    return b.toByteArray();
  }
}
