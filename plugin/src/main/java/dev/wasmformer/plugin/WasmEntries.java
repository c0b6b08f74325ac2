package dev.wasmformer.plugin;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.NameCustomSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which exported functions of a WebAssembly module become programs, and under which names.
 *
 * <p>Without configured entry points, a module that exports {@code main} or {@code _start}
 * is one program named after its file, entered at {@code main} when that takes no
 * parameters, else at {@code _start} (which passes a C {@code main} its arguments); any other module gives one program per
 * exported function whose name does not start with an underscore, named after the
 * function. With configured entry points, exactly the listed functions the module exports
 * become programs (a listed {@code main} or {@code _start} again named after the file).
 */
final class WasmEntries {
  /** The exported functions that make a module a whole program, like a native executable. */
  static final List<String> MAIN_NAMES = List.of("main", "_start");

  /**
   * One program of a module.
   *
   * @param program the program's name in the bundle
   * @param export the exported function it enters
   * @param paramNames the entry function's parameter names from the module's name section,
   *     or {@code arg0, arg1, ...} where it has none
   */
  record Entry(String program, String export, List<String> paramNames) {}

  private WasmEntries() {}

  /**
   * The programs of {@code wasm}, a module in a file named {@code fileStem}.wasm (or compiled
   * from {@code fileStem}.c).
   *
   * @param entryPoints the configured entry points, or empty to discover them
   * @throws ProgramException if the module cannot be decoded or holds no program
   */
  static List<Entry> of(byte[] wasm, String fileStem, List<String> entryPoints) {
    WasmModule module;
    try {
      module = Parser.parse(wasm);
    } catch (RuntimeException e) {
      throw new ProgramException("malformed or invalid WebAssembly module: " + e.getMessage());
    }
    Map<String, Integer> exported = exportedFunctions(module);
    List<String> chosen = entryPoints.isEmpty() ? discover(module, exported) : configured(exported, entryPoints);
    if (chosen.isEmpty()) {
      throw new ProgramException(entryPoints.isEmpty()
          ? "the module exports no function to run (no main, _start or function without a leading"
              + " underscore); it exports " + exported.keySet()
          : "the module exports none of the entry points " + entryPoints + "; it exports "
              + exported.keySet());
    }
    List<Entry> entries = new ArrayList<>();
    for (String export : chosen) {
      String program = MAIN_NAMES.contains(export) ? fileStem : export;
      entries.add(new Entry(program, export, paramNames(module, exported.get(export))));
    }
    return entries;
  }

  /**
   * The exported functions that a whole program's module leaves out although they look like
   * entry points (no leading underscore): with no entry points configured, a module with
   * {@code main} or {@code _start} is one program, so its other exports are not called from
   * outside; a user who marked one for export most likely meant it to be a program.
   */
  static List<String> unusedExports(byte[] wasm, List<String> entryPoints) {
    if (!entryPoints.isEmpty()) return List.of();
    WasmModule module;
    try {
      module = Parser.parse(wasm);
    } catch (RuntimeException e) {
      return List.of();
    }
    Map<String, Integer> exported = exportedFunctions(module);
    List<String> chosen = discover(module, exported);
    if (chosen.stream().noneMatch(MAIN_NAMES::contains)) return List.of();
    return exported.keySet().stream().filter(n -> !n.startsWith("_") && !MAIN_NAMES.contains(n)).toList();
  }

  private static List<String> discover(WasmModule module, Map<String, Integer> exported) {
    // A C main(argc, argv) is entered through _start, which passes it its arguments.
    Integer main = exported.get("main");
    if (main != null && paramCount(module, main) == 0) return List.of("main");
    if (exported.containsKey("_start")) return List.of("_start");
    if (main != null) return List.of("main");
    List<String> functions = new ArrayList<>();
    for (String name : exported.keySet()) {
      if (!name.startsWith("_")) functions.add(name);
    }
    return functions;
  }

  private static List<String> configured(Map<String, Integer> exported, List<String> entryPoints) {
    List<String> chosen = new ArrayList<>();
    for (String name : entryPoints) {
      if (exported.containsKey(name)) chosen.add(name);
    }
    // main and _start are one program, named after the file: keep the first.
    if (chosen.containsAll(MAIN_NAMES)) chosen.remove("_start");
    return chosen;
  }

  /** Exported functions in export order (a function exported twice appears under both names). */
  private static Map<String, Integer> exportedFunctions(WasmModule module) {
    Map<String, Integer> functions = new LinkedHashMap<>();
    for (int i = 0; i < module.exportSection().exportCount(); i++) {
      Export e = module.exportSection().getExport(i);
      if (e.exportType() == ExternalType.FUNCTION) functions.put(e.name(), e.index());
    }
    return functions;
  }

  private static int paramCount(WasmModule module, int function) {
    int imports = 0;
    for (int i = 0; i < module.importSection().importCount(); i++) {
      if (module.importSection().getImport(i).importType() == ExternalType.FUNCTION) imports++;
    }
    // An exported import is refused by the lowering, which names it; its parameters do not matter.
    if (function < imports) return 0;
    int type = module.functionSection().getFunctionType(function - imports);
    return module.typeSection().getType(type).params().size();
  }

  private static List<String> paramNames(WasmModule module, int function) {
    int params = paramCount(module, function);
    NameCustomSection names = module.nameSection();
    List<String> result = new ArrayList<>();
    for (int i = 0; i < params; i++) {
      String name = names == null ? null : names.nameOfLocal(function, i);
      result.add(name == null || name.isBlank() ? "arg" + i : name);
    }
    return result;
  }
}
