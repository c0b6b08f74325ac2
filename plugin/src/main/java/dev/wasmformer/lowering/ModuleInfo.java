package dev.wasmformer.lowering;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.ActiveElement;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.Element;
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
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.ValType;
import dev.wasmformer.isa.ArgumentRegion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The facts of a decoded module the lowering needs, in the function and global index
 * spaces of WebAssembly (imported functions first), with readable names for messages.
 */
final class ModuleInfo {
  /** Linear memory the token ISA addresses at most: 256 pages. */
  static final int MAX_MEMORY_BYTES = 16 << 20;
  private static final int PAGE_BYTES = 65536;

  /** The host functions the ISA provides natively. */
  enum HostFunction {
    PUTCHAR, PUTCHAR_ERR, GETCHAR,
    /** {@code env.__wf_invalid_conversion}: the soft-float routines' trap for a NaN converted to an integer. */
    INVALID_CONVERSION,
    /** {@code env.__wf_stack_overflow}: the C compiler's trap for a frame that would reach the heap. */
    STACK_OVERFLOW
  }

  /**
   * A global's lowering: its absolute slot (the low word's, for an i64), whether it can change,
   * its initial value (empty for types the lowering does not support).
   */
  record GlobalInfo(int slot, ValType type, boolean mutable, OptionalLong initialValue) {
    /** Slots the global occupies: two for an i64 (or f64), else one. */
    int width() {
      return ModuleInfo.width(type);
    }
  }

  /** Most entries a table may have: every entry costs a jump at each call_indirect. */
  static final int MAX_TABLE_ENTRIES = 4096;

  private final WasmModule module;
  private final List<FunctionImport> functionImports = new ArrayList<>();
  private final Map<Integer, String> exportNames = new HashMap<>();
  private final Map<String, Integer> exportedFunctions = new HashMap<>();
  private final List<GlobalInfo> globals = new ArrayList<>();
  private int globalSlots;
  /** The function table, built when a call_indirect first needs it. */
  private List<OptionalInt> table;

  ModuleInfo(WasmModule module) {
    this.module = module;
    for (int i = 0; i < module.importSection().importCount(); i++) {
      Import im = module.importSection().getImport(i);
      if (im instanceof FunctionImport f) {
        functionImports.add(f);
      } else {
        throw new UnsupportedWasmException("unsupported import " + im.module() + "." + im.name()
            + " (" + im.importType().name().toLowerCase(Locale.ROOT) + "): only functions may be imported"
            + " (env.putchar, env.putchar_err, env.getchar and the WASI functions " + WasiRoutines.provided() + ")");
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
      GlobalInfo global = globalInfo(globalSlots, g, declared[g]);
      globals.add(global);
      globalSlots += global.width();
    }
  }

  /** A value type as the text format spells it: {@code f64}, {@code v128}, {@code externref}. */
  static String typeName(ValType t) {
    if (t.equals(ValType.ExternRef)) return "externref";
    if (t.equals(ValType.FuncRef)) return "funcref";
    return t.name().toLowerCase(Locale.ROOT);
  }

  /** Slots a value of type {@code t} occupies: two for 64-bit types, else one. */
  static int width(ValType t) {
    return t.equals(ValType.I64) || t.equals(ValType.F64) ? 2 : 1;
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
    if (f.name().equals("putchar_err")
        && type.params().equals(List.of(ValType.I32)) && type.returns().equals(List.of(ValType.I32))) {
      return Optional.of(HostFunction.PUTCHAR_ERR);
    }
    if (f.name().equals("getchar")
        && type.params().isEmpty() && type.returns().equals(List.of(ValType.I32))) {
      return Optional.of(HostFunction.GETCHAR);
    }
    if (f.name().equals("__wf_invalid_conversion") && type.params().isEmpty() && type.returns().isEmpty()) {
      return Optional.of(HostFunction.INVALID_CONVERSION);
    }
    if (f.name().equals("__wf_stack_overflow") && type.params().isEmpty() && type.returns().isEmpty()) {
      return Optional.of(HostFunction.STACK_OVERFLOW);
    }
    return Optional.empty();
  }

  /** The WASI routine an import stands for, or empty if it is no WASI function the lowering provides. */
  Optional<WasiRoutines.Function> wasiFunction(int function) {
    FunctionImport f = functionImports.get(function);
    return WasiRoutines.find(f.module(), f.name(), type(function));
  }

  /**
   * Whether the module imports any WASI function: it is then a WASI program, whose result is
   * its exit status (proc_exit's, or 0 when the entry returns nothing).
   */
  boolean importsWasi() {
    return functionImports.stream().anyMatch(f -> f.module().equals(WasiRoutines.MODULE));
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

  /**
   * The function a caller asked for, else {@code main}, else {@code _start}; for a WASI program
   * {@code _start} first, as a WASI command is entered there (and clang's {@code main} takes argc
   * and argv as parameters).
   */
  int entry(String entryOrNull) {
    List<String> candidates = entryOrNull != null ? List.of(entryOrNull)
        : importsWasi() ? List.of("_start", "main") : List.of("main", "_start");
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

  /** Absolute slots the globals occupy (an i64 global takes two). */
  int globalSlots() {
    return globalSlots;
  }

  /** The most pages memory.grow may reach: the declared maximum, capped at 256 (16 MiB). */
  int memoryMaxPages() {
    long declared = module.memorySection()
        .filter(s -> s.memoryCount() > 0)
        .map(s -> (long) s.getMemory(0).limits().maximumPages())
        .orElse(0L);
    return (int) Math.min(declared, MAX_MEMORY_BYTES / PAGE_BYTES);
  }

  /**
   * Table 0 as the active element segments fill it: for each entry, the function it holds, or
   * empty for a null entry. Refused unless it is a funcref table whose segments have constant
   * offsets and hold function references.
   */
  List<OptionalInt> table() {
    if (table == null) table = buildTable();
    return table;
  }

  private List<OptionalInt> buildTable() {
    if (module.tableSection().tableCount() == 0) return List.of();
    Table declared = module.tableSection().getTable(0);
    if (!declared.elementType().equals(ValType.FuncRef)) {
      throw new UnsupportedWasmException("unsupported table of " + declared.elementType() + ": only funcref tables");
    }
    long size = declared.limits().min();
    if (size > MAX_TABLE_ENTRIES) {
      throw new UnsupportedWasmException("unsupported table of " + size + " entries: at most "
          + MAX_TABLE_ENTRIES);
    }
    OptionalInt[] entries = new OptionalInt[(int) size];
    java.util.Arrays.fill(entries, OptionalInt.empty());
    Element[] elements = module.elementSection().elements();
    for (int e = 0; e < elements.length; e++) {
      // Passive and declarative segments only matter to table.init and ref.func.
      if (!(elements[e] instanceof ActiveElement active) || active.tableIndex() != 0) continue;
      String what = "element segment " + e;
      long offset = Integer.toUnsignedLong((int) constant(active.offset(), ValType.I32, "offset of " + what));
      if (offset + active.elementCount() > size) {
        throw new MalformedWasmException(what + " (entries " + offset + ".." + (offset + active.elementCount())
            + ") does not fit in the table of " + size + " entries");
      }
      for (int i = 0; i < active.elementCount(); i++) {
        entries[(int) offset + i] = reference(active.initializers().get(i), what);
      }
    }
    return List.of(entries);
  }

  /** The function an element initialiser refers to (ref.func f), or empty for ref.null. */
  private static OptionalInt reference(List<? extends Instruction> expression, String what) {
    List<? extends Instruction> body = expression.stream().filter(i -> i.opcode() != OpCode.END).toList();
    if (body.size() == 1 && body.get(0).opcode() == OpCode.REF_FUNC) {
      return OptionalInt.of((int) body.get(0).operand(0));
    }
    if (body.size() == 1 && body.get(0).opcode() == OpCode.REF_NULL) return OptionalInt.empty();
    throw new UnsupportedWasmException("unsupported initialiser in " + what + ": only ref.func and ref.null, found "
        + body.stream().map(i -> WasmText.name(i.opcode())).toList());
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

  /** First byte of a WASI program's argument area: 0..15 stay zero, so a write through NULL misses it. */
  static final int ARGV_AREA_START = 16;
  /** wasm-ld's default {@code --global-base}: its data starts here, and the area ends here. */
  static final int ARGV_AREA_END = 1024;

  /**
   * The region args_sizes_get and args_get read a WASI program's argv from: bytes 16..1023,
   * below the data. wasm-ld leaves them unused (it places data from {@code --global-base},
   * 1024, and the stack after the data, growing down towards it), and wasi-libc's malloc takes
   * memory only from {@code __heap_base}, after the stack, and from memory.grow. The area must
   * be low: the prompt carries the memory image from address 0, so an area past the heap
   * would cost every run tens of thousands of prompt tokens.
   *
   * @throws UnsupportedWasmException if the module's layout is not wasm-ld's default: data
   *     below 1024, or a stack below the data ({@code --stack-first}), which grows down over
   *     the area
   */
  ArgumentRegion argvArea() {
    long lowest = Long.MAX_VALUE;
    DataSegment[] segments = module.dataSection().dataSegments();
    for (int i = 0; i < segments.length; i++) {
      if (!(segments[i] instanceof ActiveDataSegment active)) continue;
      long offset = Integer.toUnsignedLong(
          (int) constant(active.offsetInstructions(), ValType.I32, "offset of data segment " + i));
      if (offset < ARGV_AREA_END) {
        throw new UnsupportedWasmException("unsupported memory layout for args_get: data segment " + i
            + " starts at " + offset + ", but the argument area takes bytes " + ARGV_AREA_START + ".."
            + (ARGV_AREA_END - 1) + " (link with wasm-ld's default --global-base=1024)");
      }
      lowest = Math.min(lowest, offset);
    }
    // wasm-ld's __stack_pointer is global 0; below the data, the stack grows down over the area
    if (!globals.isEmpty() && globals.get(0).mutable() && globals.get(0).type().equals(ValType.I32)
        && lowest != Long.MAX_VALUE) {
      long stackTop = Integer.toUnsignedLong((int) globals.get(0).initialValue().orElse(0));
      if (stackTop <= lowest) {
        throw new UnsupportedWasmException("unsupported memory layout for args_get: the stack (global 0, from "
            + stackTop + " down) lies below the data (from " + lowest + ") and would grow over the argument"
            + " area at " + ARGV_AREA_START + ".." + (ARGV_AREA_END - 1) + " (link without --stack-first)");
      }
    }
    if (memoryBytes() < ARGV_AREA_END) {
      throw new UnsupportedWasmException("unsupported memory for args_get: the argument area takes bytes "
          + ARGV_AREA_START + ".." + (ARGV_AREA_END - 1) + ", but the memory has " + memoryBytes() + " bytes");
    }
    return new ArgumentRegion(ARGV_AREA_START, ARGV_AREA_END - ARGV_AREA_START, ArgumentRegion.Use.ARGV);
  }

  /** The initial memory image: active data segments applied in order, trimmed after the last. */
  byte[] memoryImage() {
    DataSegment[] segments = module.dataSection().dataSegments();
    long end = 0;
    List<long[]> placed = new ArrayList<>();
    for (int i = 0; i < segments.length; i++) {
      // Passive segments only matter to memory.init, which the lowering refuses.
      if (!(segments[i] instanceof ActiveDataSegment active)) continue;
      long offset = Integer.toUnsignedLong(
          (int) constant(active.offsetInstructions(), ValType.I32, "offset of data segment " + i));
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

  private static GlobalInfo globalInfo(int slot, int g, Global global) {
    boolean mutable = global.mutabilityType() == MutabilityType.Var;
    ValType type = global.valueType();
    if (!type.equals(ValType.I32) && !type.equals(ValType.I64) && !type.equals(ValType.F32)
        && !type.equals(ValType.F64)) {
      return new GlobalInfo(slot, type, mutable, OptionalLong.empty());
    }
    return new GlobalInfo(slot, type, mutable,
        OptionalLong.of(constant(global.initInstructions(), type, "initialiser of global " + g)));
  }

  /**
   * The value of a constant expression that is a single i32.const (i64.const for an i64,
   * f32.const or f64.const for a float: its bits).
   */
  private static long constant(List<? extends Instruction> expression, ValType type, String what) {
    OpCode expected = type.equals(ValType.I64) ? OpCode.I64_CONST
        : type.equals(ValType.F32) ? OpCode.F32_CONST
        : type.equals(ValType.F64) ? OpCode.F64_CONST : OpCode.I32_CONST;
    List<? extends Instruction> body = expression.stream().filter(i -> i.opcode() != OpCode.END).toList();
    if (body.size() != 1 || body.get(0).opcode() != expected) {
      throw new UnsupportedWasmException("unsupported " + what + ": only " + WasmText.name(expected)
          + " is supported, found " + body.stream().map(i -> WasmText.name(i.opcode())).toList());
    }
    long value = body.get(0).operand(0);
    return expected == OpCode.I32_CONST || expected == OpCode.F32_CONST ? (int) value : value;
  }
}
