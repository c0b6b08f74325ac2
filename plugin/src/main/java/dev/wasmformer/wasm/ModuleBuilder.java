package dev.wasmformer.wasm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a WebAssembly binary module: types, function imports, functions, one table, one
 * memory, globals, exports, element and data segments, and a name section for functions.
 *
 * <p>Functions are declared first (which fixes their index) and given a body later, so
 * mutually recursive code can refer to any function by index.
 */
public final class ModuleBuilder {
  private static final int EXPORT_FUNC = 0, EXPORT_TABLE = 1, EXPORT_MEMORY = 2, EXPORT_GLOBAL = 3;

  private record Import(String module, String name, int type, String debugName) {}

  private record Function(int type, String name, FuncType signature, List<String> paramNames) {}

  private record Global(ValType type, boolean mutable, long init) {}

  private record Export(String name, int kind, int index) {}

  private record Elements(int offset, List<Integer> functions) {}

  private record Data(int offset, byte[] bytes) {}

  private final List<FuncType> types = new ArrayList<>();
  private final Map<FuncType, Integer> typeIndex = new HashMap<>();
  private final List<Import> imports = new ArrayList<>();
  private final List<Function> functions = new ArrayList<>();
  private final Map<Integer, byte[]> bodies = new HashMap<>();
  private final List<Global> globals = new ArrayList<>();
  private final Map<String, Export> exports = new LinkedHashMap<>();
  private final List<Elements> elements = new ArrayList<>();
  private final List<Data> data = new ArrayList<>();
  private int tableSize = -1;
  private int memoryMinPages = -1;
  private int memoryMaxPages = -1;

  /** Returns the index of a function type, adding it if new. */
  public int type(FuncType type) {
    return typeIndex.computeIfAbsent(type, t -> {
      types.add(t);
      return types.size() - 1;
    });
  }

  /** Declares an imported function; returns its function index. */
  public int importFunction(String module, String name, FuncType type) {
    if (!functions.isEmpty()) {
      throw new IllegalStateException("imports must be declared before functions");
    }
    imports.add(new Import(module, name, type(type), name));
    return imports.size() - 1;
  }

  /** Declares a function (its body comes later); returns its function index. */
  public int declareFunction(String name, FuncType type) {
    return declareFunction(name, type, List.of());
  }

  /**
   * Declares a function whose first parameters have names (an empty one for none), which the
   * name section records as their local names; returns its function index.
   */
  public int declareFunction(String name, FuncType type, List<String> paramNames) {
    if (paramNames.size() > type.params().size()) {
      throw new IllegalArgumentException(paramNames.size() + " parameter names for " + type.params().size() + " parameters");
    }
    functions.add(new Function(type(type), name, type, List.copyOf(paramNames)));
    return imports.size() + functions.size() - 1;
  }

  /** The signature of a declared or imported function. */
  public FuncType functionType(int functionIndex) {
    if (functionIndex < imports.size()) return types.get(imports.get(functionIndex).type());
    return function(functionIndex).signature();
  }

  /** Starts a body for a declared function; pass the result to {@link #define}. */
  public CodeBuilder newBody(int functionIndex) {
    return new CodeBuilder(function(functionIndex).signature().params().size());
  }

  public void define(int functionIndex, CodeBuilder body) {
    function(functionIndex);
    if (bodies.containsKey(functionIndex)) {
      throw new IllegalStateException("function " + functionIndex + " already has a body");
    }
    bodies.put(functionIndex, body.finish());
  }

  public void memory(int minPages, int maxPages) {
    this.memoryMinPages = minPages;
    this.memoryMaxPages = maxPages;
  }

  /** Adds a global initialised with a constant; returns its index. */
  public int addGlobal(ValType type, boolean mutable, long init) {
    globals.add(new Global(type, mutable, init));
    return globals.size() - 1;
  }

  public void table(int size) {
    this.tableSize = size;
  }

  /** Places functions into the table from {@code offset}. */
  public void elements(int offset, List<Integer> functionIndexes) {
    elements.add(new Elements(offset, List.copyOf(functionIndexes)));
  }

  public void data(int offset, byte[] bytes) {
    data.add(new Data(offset, bytes.clone()));
  }

  public void exportFunction(String name, int functionIndex) {
    addExport(new Export(name, EXPORT_FUNC, functionIndex));
  }

  public void exportMemory(String name) {
    addExport(new Export(name, EXPORT_MEMORY, 0));
  }

  public void exportGlobal(String name, int globalIndex) {
    addExport(new Export(name, EXPORT_GLOBAL, globalIndex));
  }

  public boolean hasExport(String name) {
    return exports.containsKey(name);
  }

  /** Encodes the module. Every declared function must have a body. */
  public byte[] build() {
    ByteSink out = new ByteSink();
    out.bytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});

    section(out, 1, s -> {
      s.u32(types.size());
      for (FuncType t : types) {
        s.u8(0x60);
        s.u32(t.params().size());
        for (ValType p : t.params()) s.u8(p.code());
        s.u32(t.results().size());
        for (ValType r : t.results()) s.u8(r.code());
      }
    }, !types.isEmpty());

    section(out, 2, s -> {
      s.u32(imports.size());
      for (Import i : imports) {
        s.name(i.module());
        s.name(i.name());
        s.u8(0x00);
        s.u32(i.type());
      }
    }, !imports.isEmpty());

    section(out, 3, s -> {
      s.u32(functions.size());
      for (Function f : functions) s.u32(f.type());
    }, !functions.isEmpty());

    section(out, 4, s -> {
      s.u32(1);
      s.u8(0x70);
      s.u8(0x01);
      s.u32(tableSize);
      s.u32(tableSize);
    }, tableSize >= 0);

    section(out, 5, s -> {
      s.u32(1);
      if (memoryMaxPages >= 0) {
        s.u8(0x01);
        s.u32(memoryMinPages);
        s.u32(memoryMaxPages);
      } else {
        s.u8(0x00);
        s.u32(memoryMinPages);
      }
    }, memoryMinPages >= 0);

    section(out, 6, s -> {
      s.u32(globals.size());
      for (Global g : globals) {
        s.u8(g.type().code());
        s.u8(g.mutable() ? 1 : 0);
        switch (g.type()) {
          case I32 -> s.u8(0x41);
          case I64 -> s.u8(0x42);
          default -> throw new IllegalStateException("only integer globals are supported");
        }
        s.s64(g.init());
        s.u8(0x0B);
      }
    }, !globals.isEmpty());

    section(out, 7, s -> {
      s.u32(exports.size());
      for (Export e : exports.values()) {
        s.name(e.name());
        s.u8(e.kind());
        s.u32(e.index());
      }
    }, !exports.isEmpty());

    section(out, 9, s -> {
      s.u32(elements.size());
      for (Elements e : elements) {
        s.u8(0x00);
        s.u8(0x41);
        s.s64(e.offset());
        s.u8(0x0B);
        s.u32(e.functions().size());
        for (int f : e.functions()) s.u32(f);
      }
    }, !elements.isEmpty());

    section(out, 10, s -> {
      s.u32(functions.size());
      for (int i = 0; i < functions.size(); i++) {
        int index = imports.size() + i;
        byte[] body = bodies.get(index);
        if (body == null) {
          throw new IllegalStateException("function " + functions.get(i).name() + " has no body");
        }
        s.u32(body.length);
        s.bytes(body);
      }
    }, !functions.isEmpty());

    section(out, 11, s -> {
      s.u32(data.size());
      for (Data d : data) {
        s.u8(0x00);
        s.u8(0x41);
        s.s64(d.offset());
        s.u8(0x0B);
        s.u32(d.bytes().length);
        s.bytes(d.bytes());
      }
    }, !data.isEmpty());

    writeNames(out);
    return out.toByteArray();
  }

  private void writeNames(ByteSink out) {
    ByteSink functionNames = new ByteSink();
    int count = imports.size() + functions.size();
    functionNames.u32(count);
    for (int i = 0; i < imports.size(); i++) {
      functionNames.u32(i);
      functionNames.name(imports.get(i).debugName());
    }
    for (int i = 0; i < functions.size(); i++) {
      functionNames.u32(imports.size() + i);
      functionNames.name(functions.get(i).name());
    }
    ByteSink content = new ByteSink();
    content.name("name");
    content.u8(1);
    content.sized(functionNames);
    // the parameters' names, as local names (subsection 2), for the functions that have them
    List<Integer> named = new ArrayList<>();
    for (int i = 0; i < functions.size(); i++) {
      if (functions.get(i).paramNames().stream().anyMatch(n -> !n.isEmpty())) named.add(i);
    }
    if (!named.isEmpty()) {
      ByteSink localNames = new ByteSink();
      localNames.u32(named.size());
      for (int i : named) {
        List<String> params = functions.get(i).paramNames();
        localNames.u32(imports.size() + i);
        localNames.u32((int) params.stream().filter(n -> !n.isEmpty()).count());
        for (int p = 0; p < params.size(); p++) {
          if (params.get(p).isEmpty()) continue;
          localNames.u32(p);
          localNames.name(params.get(p));
        }
      }
      content.u8(2);
      content.sized(localNames);
    }
    out.u8(0);
    out.sized(content);
  }

  private interface SectionWriter {
    void write(ByteSink s);
  }

  private static void section(ByteSink out, int id, SectionWriter writer, boolean present) {
    if (!present) return;
    ByteSink s = new ByteSink();
    writer.write(s);
    out.u8(id);
    out.sized(s);
  }

  private Function function(int functionIndex) {
    int i = functionIndex - imports.size();
    if (i < 0 || i >= functions.size()) {
      throw new IllegalArgumentException("no declared function with index " + functionIndex);
    }
    return functions.get(i);
  }

  private void addExport(Export e) {
    if (exports.putIfAbsent(e.name(), e) != null) {
      throw new IllegalArgumentException("duplicate export " + e.name());
    }
  }
}
