package dev.wasmformer.c.codegen;

import dev.wasmformer.c.CompileOptions;
import dev.wasmformer.c.Diagnostics;
import dev.wasmformer.c.ExportSignature;
import dev.wasmformer.c.ast.AstWalker;
import dev.wasmformer.c.ast.Builtins;
import dev.wasmformer.c.ast.Expr;
import dev.wasmformer.c.ast.FunctionDef;
import dev.wasmformer.c.ast.GlobalVar;
import dev.wasmformer.c.ast.Initializer;
import dev.wasmformer.c.ast.Stmt;
import dev.wasmformer.c.ast.Symbol;
import dev.wasmformer.c.link.Program;
import dev.wasmformer.c.sema.ConstantEvaluator;
import dev.wasmformer.c.type.ArrayType;
import dev.wasmformer.c.type.FunctionType;
import dev.wasmformer.c.type.IntType;
import dev.wasmformer.c.type.PointerType;
import dev.wasmformer.c.type.Type;
import dev.wasmformer.wasm.CodeBuilder;
import dev.wasmformer.wasm.FuncType;
import dev.wasmformer.wasm.MemOp;
import dev.wasmformer.wasm.ModuleBuilder;
import dev.wasmformer.wasm.Op;
import dev.wasmformer.wasm.ValType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Generates the WebAssembly module of a linked program: memory layout, imports, functions,
 * the function table, static data, the entry wrapper and the exports.
 *
 * <p>Memory: addresses below {@link #DATA_START} are never used (so a null pointer is never
 * a valid object); the argument area (only when {@code main} takes argc/argv), then static
 * data start at {@link #DATA_START}; the heap starts after the data, 16-aligned; the stack
 * starts at the top of memory and grows down, its pointer in the mutable global 0.
 *
 * <p>{@code exit(n)} is implemented without imports or traps: it sets two globals (the
 * status and an "exiting" flag) and returns; every call of a function that may reach
 * {@code exit} is followed by a test of the flag that returns at once, so the program
 * unwinds to {@code main}, which returns the status. The analysis is conservative for
 * calls through pointers.
 *
 * <p>{@code longjmp} unwinds the same way (see {@link Longjmp}): only a program that uses it
 * gets the globals and the code of its tests.
 */
public final class CodeGenerator {
  /** The first address of static data (and of the argument area, when there is one). */
  public static final int DATA_START = 1024;
  /** Stack space that must remain below the top of memory after static data. */
  public static final int MIN_STACK_BYTES = 4096;
  private static final int PAGE = 65536;

  /**
   * The generated module and the facts a host needs to run it.
   *
   * @param argAreaAddress address of the argument area, or 0 if neither main takes arguments
   *     nor an export takes a pointer
   */
  public record Output(byte[] wasm, int argAreaAddress, int argAreaBytes, int heapBase, int memoryBytes,
      List<String> exports, Map<String, ExportSignature> signatures) {}

  private final Program program;
  private final CompileOptions options;
  private final Diagnostics diagnostics;
  private final ModuleBuilder module = new ModuleBuilder();
  private final Map<Symbol, Integer> functionIndex = new IdentityHashMap<>();
  private final Map<Symbol, FunctionDef> definitions = new IdentityHashMap<>();
  private final Map<Symbol, Integer> tableIndex = new IdentityHashMap<>();
  private final List<Integer> tableFunctions = new ArrayList<>();
  /** Whether some call goes through a function pointer: call_indirect needs a table, if only of null. */
  private boolean callsIndirectly;
  private final Map<Symbol, Integer> addresses = new IdentityHashMap<>();
  private final Map<StringKey, Integer> stringAddresses = new HashMap<>();
  /** Each generated function's label numbers: the values of its label addresses. */
  private final Map<Symbol, Map<String, Integer>> labelIds = new IdentityHashMap<>();
  private final Set<Symbol> mayExit = new HashSet<>();
  private boolean indirectMayExit;
  private int argArea;
  private int heapBase;
  private int stackOverflowFunction = -1;
  /** The trap of a C stack overflow: the lowering turns a call of it into "call stack exhausted". */
  public static final String STACK_OVERFLOW_MODULE = "env";
  public static final String STACK_OVERFLOW_NAME = "__wf_stack_overflow";
  private int memoryBytes;
  private int spGlobal;
  private int exitingGlobal = -1;
  private int exitCodeGlobal = -1;
  /**
   * The globals of a {@code longjmp} in progress, which also sets the exiting flag: the target
   * activation (0: none; each activation of a function holding a {@code setjmp} numbers
   * itself from {@code activations}), the target site (the setjmp's label id in its function),
   * the stack pointer at the setjmp and setjmp's result. {@code lost} is the libc function
   * that reports a target whose function has returned (the unwinding reached {@code main}).
   */
  record Longjmp(int target, int site, int stackPointer, int value, int activations, int lost) {}

  private Longjmp longjmp;
  private boolean usesLongjmp;
  private int memcpyHelper = -1;
  private int memsetHelper = -1;
  /** Per function definition: whether its direct calls may be expanded in place. */
  private final Map<FunctionDef, Boolean> inlinable = new IdentityHashMap<>();

  /**
   * The most AST nodes (statements plus expressions, implicit conversions included) of a
   * function body that is expanded in place. Measured: sudoku's candidates(), place() and
   * clear() have 19, 34 and 37; primes' is_prime() 36; printf's emit() 38; sieve() 42.
   */
  static final int INLINE_NODE_LIMIT = 40;

  private CodeGenerator(Program program, CompileOptions options, Diagnostics diagnostics) {
    this.program = program;
    this.options = options;
    this.diagnostics = diagnostics;
  }

  /** Returns the module, or null if code generation reported errors. */
  public static Output generate(Program program, CompileOptions options, Diagnostics diagnostics) {
    return new CodeGenerator(program, options, diagnostics).run();
  }

  private Output run() {
    for (Symbol s : program.imports()) {
      FunctionType ft = (FunctionType) s.type();
      functionIndex.put(s, module.importFunction(s.importModule(), s.importName(), Abi.signature(ft)));
    }
    // Imported only by a program with a stack frame somewhere, so that the others' modules
    // (and the hosts that run them) stay as they were.
    if (program.functions().stream().anyMatch(FunctionGenerator::needsFrame)) {
      stackOverflowFunction = module.importFunction(STACK_OVERFLOW_MODULE, STACK_OVERFLOW_NAME, FuncType.of(List.of(), null));
    }
    Map<String, Integer> nameUses = new HashMap<>();
    for (FunctionDef f : program.functions()) {
      definitions.put(f.symbol(), f);
      FunctionType ft = (FunctionType) f.symbol().type();
      // Static functions of different files may share a name; number the repeats.
      int use = nameUses.merge(f.symbol().name(), 1, Integer::sum);
      String name = use == 1 ? f.symbol().name() : f.symbol().name() + "." + use;
      functionIndex.put(f.symbol(), module.declareFunction(name, Abi.signature(ft), Abi.paramNames(f)));
    }
    FunctionDef main = program.main();
    boolean mainTakesArgs = main != null && !((FunctionType) main.symbol().type()).params().isEmpty();
    if (main != null) checkMain(main);
    // An export's pointer parameters point into the argument area, where the host places them.
    boolean exportTakesPointers = program.exports().values().stream()
        .anyMatch(f -> ((FunctionType) f.symbol().type()).params().stream().anyMatch(p -> p instanceof PointerType));
    boolean reserveArea = mainTakesArgs || exportTakesPointers;
    layOutData(reserveArea);
    memoryBytes = options.memoryPages() * PAGE;
    if (heapBase + MIN_STACK_BYTES > memoryBytes) {
      int needed = (heapBase + MIN_STACK_BYTES + PAGE - 1) / PAGE;
      diagnostics.error(null, "static data needs " + (heapBase + MIN_STACK_BYTES) + " bytes with a minimal stack, but "
          + "memory has " + memoryBytes + " (" + options.memoryPages() + " pages of 64 KiB): give the program at least "
          + needed + " pages (wasmformer-cli.jar --memory-pages " + needed + "; the Maven plugin's memoryPages; "
          + "CompileOptions.withMemoryPages)");
      return null;
    }
    spGlobal = module.addGlobal(ValType.I32, true, memoryBytes);
    analyseExits();
    if (!mayExit.isEmpty()) {
      exitingGlobal = module.addGlobal(ValType.I32, true, 0);
      exitCodeGlobal = module.addGlobal(ValType.I32, true, 0);
    }
    if (usesLongjmp) {
      FunctionDef lost = program.functions().stream()
          .filter(f -> f.symbol().name().equals("__wasmformer_longjmp_lost")).findFirst().orElseThrow();
      longjmp = new Longjmp(module.addGlobal(ValType.I32, true, 0), module.addGlobal(ValType.I32, true, 0),
          module.addGlobal(ValType.I32, true, 0), module.addGlobal(ValType.I32, true, 0),
          module.addGlobal(ValType.I32, true, 0), functionIndex.get(lost.symbol()));
    }
    for (FunctionDef f : program.functions()) {
      int index = functionIndex.get(f.symbol());
      CodeBuilder body = module.newBody(index);
      if (new FunctionGenerator(this, f, body, f == main).generate()) module.define(index, body);
    }
    module.memory(options.memoryPages(), -1);
    module.exportMemory("memory");
    List<String> exports = new ArrayList<>();
    Map<String, ExportSignature> signatures = new HashMap<>();
    if (main != null) {
      module.exportFunction("main", functionIndex.get(main.symbol()));
      exports.add("main");
      signatures.put("main", Abi.exportSignature((FunctionType) main.symbol().type()));
      int start = module.declareFunction("_start", FuncType.of(List.of(), ValType.I32));
      CodeBuilder body = module.newBody(start);
      startBody(body, main, mainTakesArgs);
      module.define(start, body);
      module.exportFunction("_start", start);
      exports.add("_start");
      signatures.put("_start", new ExportSignature(List.of(), Optional.of(ExportSignature.Scalar.INT32)));
    }
    for (Map.Entry<String, FunctionDef> e : program.exports().entrySet()) {
      if (module.hasExport(e.getKey())) {
        if (!e.getKey().equals("main")) {
          diagnostics.error(e.getValue().pos(), "export name '" + e.getKey() + "' is reserved");
        }
        continue;
      }
      module.exportFunction(e.getKey(), functionIndex.get(e.getValue().symbol()));
      exports.add(e.getKey());
      signatures.put(e.getKey(), Abi.exportSignature((FunctionType) e.getValue().symbol().type()));
    }
    byte[] data = staticData();
    int end = data.length;
    while (end > 0 && data[end - 1] == 0) end--;
    if (end > 0) module.data(DATA_START, Arrays.copyOf(data, end));
    if (!tableFunctions.isEmpty()) {
      module.table(tableFunctions.size() + 1);
      module.elements(1, tableFunctions);
    } else if (callsIndirectly) {
      module.table(1);
    }
    if (diagnostics.hasErrors()) return null;
    defineHelpers();
    return new Output(module.build(), reserveArea ? argArea : 0, reserveArea ? options.argAreaBytes() : 0,
        heapBase, memoryBytes, exports, signatures);
  }

  private void checkMain(FunctionDef main) {
    FunctionType ft = (FunctionType) main.symbol().type();
    boolean okResult = ft.result() == IntType.INT || ft.result().isVoid();
    boolean okParams = ft.params().isEmpty()
        || (ft.params().size() == 2 && ft.params().get(0) == IntType.INT
            && ft.params().get(1) instanceof PointerType p && p.target() instanceof PointerType q
            && q.target() instanceof IntType c && c.size() == 1);
    if (!okResult || !okParams || ft.variadic()) {
      diagnostics.error(main.symbol().pos(), "'main' must be 'int main(void)' or 'int main(int argc, char **argv)'");
    }
  }

  // ---- services for FunctionGenerator ----

  CompileOptions options() {
    return options;
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  ModuleBuilder module() {
    return module;
  }

  Symbol resolve(Symbol s) {
    return program.resolve(s);
  }

  FunctionDef definition(Symbol s) {
    return definitions.get(resolve(s));
  }

  int functionIndex(Symbol s) {
    Integer i = functionIndex.get(resolve(s));
    if (i == null) throw new IllegalStateException("function " + s.name() + " was not linked");
    return i;
  }

  void noteIndirectCall() {
    callsIndirectly = true;
  }

  /** The table index of a function whose address is taken; 0 is reserved for null. */
  int tableIndex(Symbol s) {
    Symbol d = resolve(s);
    Integer t = tableIndex.get(d);
    if (t == null) {
      tableFunctions.add(functionIndex(d));
      t = tableFunctions.size();
      tableIndex.put(d, t);
    }
    return t;
  }

  int address(Symbol s) {
    Integer a = addresses.get(resolve(s));
    if (a == null) throw new IllegalStateException("object " + s.name() + " was not laid out");
    return a;
  }

  void labelIds(Symbol function, Map<String, Integer> ids) {
    labelIds.put(function, ids);
  }

  /** A label address in a static initializer: the functions are generated before the data. */
  private int labelAddress(Expr.LabelAddress a) {
    Map<String, Integer> ids = labelIds.get(a.function());
    if (ids == null) throw new IllegalStateException("function " + a.function().name() + " was not generated");
    return ids.get(a.label());
  }

  int stringAddress(Expr.StringLit s) {
    Integer a = stringAddresses.get(key(s));
    if (a == null) throw new IllegalStateException("string literal was not laid out");
    return a;
  }

  int heapBase() {
    return heapBase;
  }

  int memoryBytes() {
    return memoryBytes;
  }

  int spGlobal() {
    return spGlobal;
  }

  /** The import a function's stack check calls when its frame would reach below heapBase. */
  int stackOverflowFunction() {
    if (stackOverflowFunction < 0) throw new IllegalStateException("no function was expected to need a frame");
    return stackOverflowFunction;
  }

  int exitingGlobal() {
    return exitingGlobal;
  }

  int exitCodeGlobal() {
    return exitCodeGlobal;
  }

  /** The globals of longjmp, or null if the program does not use it. */
  Longjmp longjmp() {
    return longjmp;
  }

  boolean mayExit(Symbol function) {
    return mayExit.contains(resolve(function));
  }

  boolean indirectCallsMayExit() {
    return indirectMayExit;
  }

  /** A helper (dst, src, n) copying n bytes; generated once, when first needed. */
  int memcpyHelper() {
    if (memcpyHelper < 0) {
      memcpyHelper = module.declareFunction("__wasmformer_copy",
          new FuncType(List.of(ValType.I32, ValType.I32, ValType.I32), List.of()));
    }
    return memcpyHelper;
  }

  /** A helper (dst, n) zeroing n bytes; generated once, when first needed. */
  int memsetHelper() {
    if (memsetHelper < 0) {
      memsetHelper = module.declareFunction("__wasmformer_zero", new FuncType(List.of(ValType.I32, ValType.I32), List.of()));
    }
    return memsetHelper;
  }

  /**
   * The definition of a directly called function whose calls may be expanded in place, or
   * null. Such a function is static, prototyped, not variadic, takes and returns only scalars
   * (or returns void), and its body is small, needs no stack frame (every parameter and local
   * is a scalar whose address is never taken, no compound literal, no call passing or returning
   * a struct, no variadic call), has no switch, goto or label, and no trap or call of a host
   * import (so a trap is reported in the function that holds it). Recursion is stopped where
   * the calls are expanded.
   */
  FunctionDef inlineCandidate(Symbol callee) {
    if (!options.inlineSmallFunctions()) return null;
    FunctionDef d = definition(callee);
    if (d == null) return null;
    return inlinable.computeIfAbsent(d, this::isInlinable) ? d : null;
  }

  private boolean isInlinable(FunctionDef d) {
    Symbol s = d.symbol();
    FunctionType ft = (FunctionType) s.type();
    if (s.storage() != Symbol.Storage.INTERNAL || ft.variadic() || !ft.prototyped()) return false;
    if (!(ft.result().isVoid() || ft.result().isScalar())) return false;
    for (Symbol p : d.params()) if (!p.type().isScalar()) return false;
    for (Symbol l : d.locals()) {
      if (!l.type().isScalar() || l.storage() != Symbol.Storage.AUTO) return false;
    }
    boolean[] bad = {false};
    int[] nodes = {0};
    AstWalker.expressions(d.body(), e -> {
      nodes[0]++;
      if (e instanceof Expr.AddressOf a && a.operand() instanceof Expr.VarRef v
          && v.symbol().kind() == Symbol.Kind.OBJECT && !v.symbol().hasStaticStorage()) bad[0] = true;
      if (e instanceof Expr.CompoundLiteral || e instanceof Expr.VaStart || e instanceof Expr.VaArg) bad[0] = true;
      if (e instanceof Expr.StmtExpr) bad[0] = true; // its statements may return or break
      // a longjmp resumes in the function that called setjmp
      if (e instanceof Expr.Builtin b && b.name().equals(Builtins.SETJMP)) bad[0] = true;
      // its returns would not release its variable-length arrays
      if (e instanceof Expr.Builtin b && (b.name().equals(Builtins.VLA_ALLOC) || b.name().equals(Builtins.ALLOCA))) {
        bad[0] = true;
      }
      // a trap keeps its function, which error messages name (e.g. the soft-float routine)
      if (e instanceof Expr.Builtin b && (b.name().equals(Builtins.TRAP) || b.name().equals(Builtins.UNREACHABLE))) {
        bad[0] = true;
      }
      if (e instanceof Expr.VarRef v && v.symbol().storage() == Symbol.Storage.STATIC_LOCAL) bad[0] = true;
      if (e instanceof Expr.Call c) {
        if (c.type().isStruct() || c.function().variadic()) bad[0] = true;
        // a call of a host import stays in its function, which error messages name
        if (c.callee() instanceof Expr.VarRef v && v.type() instanceof FunctionType && resolve(v.symbol()).isImported()) {
          bad[0] = true;
        }
        for (Expr a : c.args()) if (a.type().isStruct()) bad[0] = true;
      }
    });
    if (bad[0]) return false;
    int statements = countStatements(d.body());
    return statements >= 0 && nodes[0] + statements <= INLINE_NODE_LIMIT;
  }

  /** The number of statements, or -1 if there is a switch, case, goto or label. */
  private static int countStatements(Stmt s) {
    if (s == null) return 0;
    if (s instanceof Stmt.Switch || s instanceof Stmt.Case || s instanceof Stmt.Goto || s instanceof Stmt.ComputedGoto
        || s instanceof Stmt.Labeled) {
      return -1;
    }
    int n = 1;
    for (Stmt c : Stmt.children(s)) {
      int k = countStatements(c);
      if (k < 0) return -1;
      n += k;
    }
    return n;
  }

  // ---- layout ----

  /** Equal literals share their storage; a wide one is aligned to its code unit's size. */
  private record StringKey(int unitBytes, String bytes) {}

  private static StringKey key(Expr.StringLit s) {
    return new StringKey(((ArrayType) s.type()).element().size(), new String(s.bytes(), StandardCharsets.ISO_8859_1));
  }

  private void layOutData(boolean reserveArea) {
    int addr = DATA_START;
    for (GlobalVar g : program.globals()) {
      Type t = g.symbol().type();
      addr = align(addr, g.symbol().align());
      addresses.put(g.symbol(), addr);
      addr += Math.max(t.size(), 0);
    }
    for (Expr.StringLit s : program.strings()) {
      StringKey k = key(s);
      if (!stringAddresses.containsKey(k)) {
        addr = align(addr, k.unitBytes());
        stringAddresses.put(k, addr);
        addr += s.bytes().length;
      }
    }
    if (reserveArea) {
      // after the static data: a run's arguments then come after the rest of the memory image
      // in the prompt, which stays in every run's fixed prefix
      addr = align(addr, 16);
      argArea = addr;
      addr += (options.argAreaBytes() + 15) & ~15;
    }
    heapBase = align(addr, 16);
  }

  private static int align(int n, int a) {
    return (n + a - 1) / a * a;
  }

  private byte[] staticData() {
    byte[] image = new byte[heapBase - DATA_START];
    for (Map.Entry<StringKey, Integer> e : stringAddresses.entrySet()) {
      byte[] b = e.getKey().bytes().getBytes(StandardCharsets.ISO_8859_1);
      System.arraycopy(b, 0, image, e.getValue() - DATA_START, b.length);
    }
    for (GlobalVar g : program.globals()) {
      if (g.init() == null) continue;
      int base = addresses.get(g.symbol()) - DATA_START;
      for (Initializer.Item item : g.init().items()) {
        writeStatic(image, base + item.offset(), item);
      }
    }
    return image;
  }

  private void writeStatic(byte[] image, int at, Initializer.Item item) {
    if (item.value() instanceof Expr.StringLit s && item.type() instanceof ArrayType a) {
      int n = Math.min(s.bytes().length, a.length() < 0 ? s.bytes().length : a.size());
      System.arraycopy(s.bytes(), 0, image, at, n);
      return;
    }
    ConstantEvaluator.Value v = ConstantEvaluator.evaluate(item.value());
    ConstantEvaluator.LabelConstant label = ConstantEvaluator.labelConstant(item.value());
    if (v == null && label == null) {
      diagnostics.error(item.value().pos(), "initializer element is not a compile-time constant");
      return;
    }
    long value;
    if (label != null) {
      value = labelAddress(label.label()) - (label.minus() == null ? 0 : labelAddress(label.minus())) + label.offset();
    } else {
      value = v.offset();
      if (v.symbol() != null) {
        value += v.symbol().kind() == Symbol.Kind.FUNCTION ? tableIndex(v.symbol()) : address(v.symbol());
      } else if (v.string() != null) {
        value += stringAddress(v.string());
      }
    }
    int size = item.bits() != null ? item.bits().unit().size() : item.type().size();
    if (item.bits() != null) {
      // Only the field's bits of the unit change.
      long unit = 0;
      for (int i = 0; i < size; i++) unit |= (image[at + i] & 0xFFL) << (8 * i);
      long m = item.bits().mask() << item.bits().shift();
      value = (unit & ~m) | ((value << item.bits().shift()) & m);
    }
    for (int i = 0; i < size; i++) image[at + i] = (byte) (value >>> (8 * i));
  }

  // ---- exit analysis ----

  private void analyseExits() {
    Map<Symbol, Set<Symbol>> callers = new IdentityHashMap<>();
    Set<Symbol> makesIndirectCalls = new HashSet<>();
    Set<Symbol> addressTaken = new HashSet<>();
    List<Symbol> work = new ArrayList<>();
    for (FunctionDef f : program.functions()) {
      Symbol self = f.symbol();
      AstWalker.expressions(f.body(), e -> {
        if (e instanceof Expr.Builtin b && (b.name().equals(Builtins.EXIT) || b.name().equals(Builtins.LONGJMP))) {
          usesLongjmp |= b.name().equals(Builtins.LONGJMP);
          if (mayExit.add(self)) work.add(self);
        } else if (e instanceof Expr.Call c) {
          if (c.callee() instanceof Expr.VarRef v && v.type() instanceof FunctionType) {
            callers.computeIfAbsent(resolve(v.symbol()), k -> new HashSet<>()).add(self);
          } else {
            makesIndirectCalls.add(self);
          }
        } else if ((e instanceof Expr.Decay d && d.operand() instanceof Expr.VarRef v && v.type() instanceof FunctionType)
            || (e instanceof Expr.AddressOf a && a.operand() instanceof Expr.VarRef w && w.type() instanceof FunctionType)) {
          Expr.VarRef ref = e instanceof Expr.Decay d2 ? (Expr.VarRef) d2.operand() : (Expr.VarRef) ((Expr.AddressOf) e).operand();
          addressTaken.add(resolve(ref.symbol()));
        }
      });
    }
    for (GlobalVar g : program.globals()) {
      if (g.init() == null) continue;
      for (Initializer.Item item : g.init().items()) {
        ConstantEvaluator.Value v = ConstantEvaluator.evaluate(item.value());
        if (v != null && v.symbol() != null && v.symbol().kind() == Symbol.Kind.FUNCTION) {
          addressTaken.add(resolve(v.symbol()));
        }
      }
    }
    while (!work.isEmpty()) {
      Symbol s = work.remove(work.size() - 1);
      for (Symbol caller : callers.getOrDefault(s, Set.of())) {
        if (mayExit.add(caller)) work.add(caller);
      }
      if (addressTaken.contains(s) && !indirectMayExit) {
        indirectMayExit = true;
        for (Symbol caller : makesIndirectCalls) {
          if (mayExit.add(caller)) work.add(caller);
        }
      }
    }
  }

  // ---- generated functions ----

  /**
   * {@code _start}: calls main and returns its status. For {@code main(argc, argv)} it first
   * builds argv on the stack from the argument area: an i32 argc, then argc NUL-terminated
   * strings back to back.
   */
  private void startBody(CodeBuilder c, FunctionDef main, boolean withArgs) {
    int mainIndex = functionIndex.get(main.symbol());
    boolean returnsVoid = ((FunctionType) main.symbol().type()).result().isVoid();
    if (!withArgs) {
      c.call(mainIndex);
      if (returnsVoid) c.i32Const(0);
      return;
    }
    int argc = c.addLocal(ValType.I32);
    int argv = c.addLocal(ValType.I32);
    int p = c.addLocal(ValType.I32);
    int i = c.addLocal(ValType.I32);
    c.i32Const(argArea).mem(MemOp.I32_LOAD, 0).localSet(argc);
    c.globalGet(spGlobal).localGet(argc).i32Const(1).op(Op.I32_ADD).i32Const(2).op(Op.I32_SHL)
        .op(Op.I32_SUB).i32Const(-16).op(Op.I32_AND).localTee(argv).globalSet(spGlobal);
    c.i32Const(argArea + 4).localSet(p);
    c.block(null).loop(null);
    c.localGet(i).localGet(argc).op(Op.I32_GE_S).brIf(1);
    c.localGet(argv).localGet(i).i32Const(2).op(Op.I32_SHL).op(Op.I32_ADD).localGet(p).mem(MemOp.I32_STORE, 0);
    c.block(null).loop(null);
    c.localGet(p).mem(MemOp.I32_LOAD8_U, 0).op(Op.I32_EQZ).brIf(1);
    c.localGet(p).i32Const(1).op(Op.I32_ADD).localSet(p).br(0);
    c.end().end();
    c.localGet(p).i32Const(1).op(Op.I32_ADD).localSet(p);
    c.localGet(i).i32Const(1).op(Op.I32_ADD).localSet(i).br(0);
    c.end().end();
    c.localGet(argv).localGet(argc).i32Const(2).op(Op.I32_SHL).op(Op.I32_ADD).i32Const(0).mem(MemOp.I32_STORE, 0);
    c.localGet(argc).localGet(argv).call(mainIndex);
    if (returnsVoid) c.i32Const(0);
  }

  private void defineHelpers() {
    if (memcpyHelper >= 0) {
      CodeBuilder c = module.newBody(memcpyHelper);
      // (dst, src, n): a byte loop; struct copies of known small size are inlined instead.
      c.block(null).loop(null);
      c.localGet(2).op(Op.I32_EQZ).brIf(1);
      c.localGet(0).localGet(1).mem(MemOp.I32_LOAD8_U, 0).mem(MemOp.I32_STORE8, 0);
      c.localGet(0).i32Const(1).op(Op.I32_ADD).localSet(0);
      c.localGet(1).i32Const(1).op(Op.I32_ADD).localSet(1);
      c.localGet(2).i32Const(1).op(Op.I32_SUB).localSet(2);
      c.br(0).end().end();
      module.define(memcpyHelper, c);
    }
    if (memsetHelper >= 0) {
      CodeBuilder c = module.newBody(memsetHelper);
      c.block(null).loop(null);
      c.localGet(1).op(Op.I32_EQZ).brIf(1);
      c.localGet(0).i32Const(0).mem(MemOp.I32_STORE8, 0);
      c.localGet(0).i32Const(1).op(Op.I32_ADD).localSet(0);
      c.localGet(1).i32Const(1).op(Op.I32_SUB).localSet(1);
      c.br(0).end().end();
      module.define(memsetHelper, c);
    }
  }
}
