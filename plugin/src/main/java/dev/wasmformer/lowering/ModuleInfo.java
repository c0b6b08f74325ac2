package dev.wasmformer.lowering;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Global;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.MutabilityType;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The facts of a decoded module the lowering needs, in the function and global index
 * spaces of WebAssembly (imported functions first), with readable names for messages.
 */
final class ModuleInfo {
  /** Linear memory the token ISA addresses at most: 256 pages. */
  static final int MAX_MEMORY_BYTES = 16 << 20;
  private static final int PAGE_BYTES = 65536;

  /** The host functions the ISA provides natively. */
  enum HostFunction { PUTCHAR, GETCHAR }

  /** A global's lowering: its absolute slot, whether it can change, its initial value. */
  record GlobalInfo(int slot, ValType type, boolean mutable, OptionalInt initialValue) {}

  private final WasmModule module;
  private final List<FunctionImport> functionImports = new ArrayList<>();
  private final Map<Integer, String> exportNames = new HashMap<>();
  private final Map<String, Integer> exportedFunctions = new HashMap<>();
  private final List<GlobalInfo> globals = new ArrayList<>();

  ModuleInfo(WasmModule module) {
    this.module = module;
    for (int i = 0; i < module.importSection().importCount(); i++) {
      Import im = module.importSection().getImport(i);
      if (im instanceof FunctionImport f) {
        functionImports.add(f);
      } else {
        throw new UnsupportedWasmException("unsupported import " + im.module() + "." + im.name()
            + " (" + im.importType().name().toLowerCase() + "): only env.putchar and env.getchar"
            + " may be imported");
      }
    }
    // the decoder does not check these indexes
    module.startSection().ifPresent(s -> checkFunction(s.startIndex(), "the start function"));
    for (int i = 0; i < module.exportSection().exportCount(); i++) {
      Export e = module.exportSection().getExport(i);
      if (e.exportType() == ExternalType.FUNCTION) {
        checkFunction(e.index(), "export \"" + e.name() + "\"");
        exportNames.putIfAbsent(e.index(), e.name());
        exportedFunctions.put(e.name(), e.index());
      }
    }
    Global[] declared = module.globalSection().globals();
    for (int g = 0; g < declared.length; g++) {
      globals.add(globalInfo(g, declared[g]));
    }
  }

  private void checkFunction(long index, String what) {
    if (index < 0 || index >= functionCount()) {
      throw new MalformedWasmException("invalid WebAssembly module: " + what + " is function " + index
          + ", but the module has " + functionCount() + " functions");
    }
  }

  int functionCount() {
    return functionImports.size() + module.functionSection().functionCount();
  }

  boolean isImport(int function) {
    return function < functionImports.size();
  }

  FunctionType type(int function) {
    int typeIndex = isImport(function)
        ? functionImports.get(function).typeIndex()
        : module.functionSection().getFunctionType(function - functionImports.size());
    return module.typeSection().getType(typeIndex);
  }

  FunctionType typeAt(int typeIndex) {
    return module.typeSection().getType(typeIndex);
  }

  int typeCount() {
    return module.typeSection().typeCount();
  }

  FunctionBody body(int function) {
    return module.codeSection().getFunctionBody(function - functionImports.size());
  }

  /** The host function an import stands for, or empty if the ISA has none for it. */
  Optional<HostFunction> hostFunction(int function) {
    FunctionImport f = functionImports.get(function);
    if (!f.module().equals("env")) return Optional.empty();
    FunctionType type = type(function);
    if (f.name().equals("putchar")
        && type.params().equals(List.of(ValType.I32)) && type.returns().equals(List.of(ValType.I32))) {
      return Optional.of(HostFunction.PUTCHAR);
    }
    if (f.name().equals("getchar")
        && type.params().isEmpty() && type.returns().equals(List.of(ValType.I32))) {
      return Optional.of(HostFunction.GETCHAR);
    }
    return Optional.empty();
  }

  String importName(int function) {
    FunctionImport f = functionImports.get(function);
    return f.module() + "." + f.name();
  }

  /** The export name, else the name-section name, else {@code func[i]}. */
  String name(int function) {
    String exported = exportNames.get(function);
    if (exported != null) return exported;
    if (isImport(function)) return importName(function);
    if (module.nameSection() != null) {
      String named = module.nameSection().nameOfFunction(function);
      if (named != null) return named;
    }
    return "func[" + function + "]";
  }

  /** The function a caller asked for, else {@code main}, else {@code _start}. */
  int entry(String entryOrNull) {
    List<String> candidates = entryOrNull != null ? List.of(entryOrNull) : List.of("main", "_start");
    for (String candidate : candidates) {
      Integer index = exportedFunctions.get(candidate);
      if (index != null) {
        if (isImport(index)) {
          throw new UnsupportedWasmException("entry " + candidate + " is an imported function");
        }
        return index;
      }
    }
    throw new LoweringException("the module exports no function named "
        + String.join(" or ", candidates) + "; it exports " + exportedFunctions.keySet().stream().sorted().toList());
  }

  OptionalInt startFunction() {
    return module.startSection()
        .map(s -> OptionalInt.of((int) s.startIndex()))
        .orElse(OptionalInt.empty());
  }

  List<GlobalInfo> globals() {
    return globals;
  }

  /** Bytes of linear memory: the initial size, capped at {@link #MAX_MEMORY_BYTES}. */
  int memoryBytes() {
    return (int) Math.min(declaredMemoryBytes(), MAX_MEMORY_BYTES);
  }

  private long declaredMemoryBytes() {
    return module.memorySection()
        .filter(s -> s.memoryCount() > 0)
        .map(s -> (long) s.getMemory(0).limits().initialPages() * PAGE_BYTES)
        .orElse(0L);
  }

  /** The initial memory image: active data segments applied in order, trimmed after the last. */
  byte[] memoryImage() {
    DataSegment[] segments = module.dataSection().dataSegments();
    long end = 0;
    List<long[]> placed = new ArrayList<>();
    for (int i = 0; i < segments.length; i++) {
      // Passive segments only matter to memory.init, which the lowering refuses.
      if (!(segments[i] instanceof ActiveDataSegment active)) continue;
      long offset = Integer.toUnsignedLong(constant(active.offsetInstructions(), "offset of data segment " + i));
      long segmentEnd = offset + active.data().length;
      if (segmentEnd > declaredMemoryBytes()) {
        throw new MalformedWasmException("data segment " + i + " (bytes " + offset + ".." + segmentEnd
            + ") does not fit in the memory of " + declaredMemoryBytes() + " bytes");
      }
      if (segmentEnd > MAX_MEMORY_BYTES) {
        throw new UnsupportedWasmException("data segment " + i + " ends at byte " + segmentEnd
            + ", beyond the " + MAX_MEMORY_BYTES + " bytes of memory a token program can address");
      }
      placed.add(new long[] {i, offset});
      end = Math.max(end, segmentEnd);
    }
    byte[] image = new byte[(int) end];
    for (long[] p : placed) {
      byte[] data = segments[(int) p[0]].data();
      System.arraycopy(data, 0, image, (int) p[1], data.length);
    }
    return image;
  }

  private static GlobalInfo globalInfo(int g, Global global) {
    boolean mutable = global.mutabilityType() == MutabilityType.Var;
    if (!global.valueType().equals(ValType.I32)) {
      return new GlobalInfo(g, global.valueType(), mutable, OptionalInt.empty());
    }
    return new GlobalInfo(g, global.valueType(), mutable,
        OptionalInt.of(constant(global.initInstructions(), "initialiser of global " + g)));
  }

  /** The value of a constant expression that is a single i32.const. */
  private static int constant(List<? extends Instruction> expression, String what) {
    List<? extends Instruction> body = expression.stream().filter(i -> i.opcode() != OpCode.END).toList();
    if (body.size() != 1 || body.get(0).opcode() != OpCode.I32_CONST) {
      throw new UnsupportedWasmException("unsupported " + what + ": only i32.const is supported, found "
          + body.stream().map(i -> WasmText.name(i.opcode())).toList());
    }
    return (int) body.get(0).operand(0);
  }
}
