package dev.wasmformer.c.codegen;

import dev.wasmformer.c.CompileError;
import dev.wasmformer.c.ast.AstWalker;
import dev.wasmformer.c.ast.Builtins;
import dev.wasmformer.c.ast.Expr;
import dev.wasmformer.c.ast.Expr.BinaryOp;
import dev.wasmformer.c.ast.FunctionDef;
import dev.wasmformer.c.ast.Initializer;
import dev.wasmformer.c.ast.Stmt;
import dev.wasmformer.c.ast.Symbol;
import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.type.ArrayType;
import dev.wasmformer.c.type.FunctionType;
import dev.wasmformer.c.type.IntType;
import dev.wasmformer.c.type.PointerType;
import dev.wasmformer.c.type.StructType;
import dev.wasmformer.c.type.Type;
import dev.wasmformer.wasm.CodeBuilder;
import dev.wasmformer.wasm.MemOp;
import dev.wasmformer.wasm.Op;
import dev.wasmformer.wasm.ValType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates the body of one function.
 *
 * <p>Scalars whose address is never taken live in wasm locals; every other object (arrays,
 * structs, address-taken scalars, call temporaries) lives in the function's stack frame,
 * addressed from a frame-pointer local. Structured control flow maps onto wasm blocks and
 * loops; a block containing labels (goto targets or the case labels of a switch) is split
 * into segments, each starting after the end of one wasm block, with a dispatch in the
 * innermost block; goto sets a target local and branches to a loop around the segments
 * that dispatches again.
 *
 * <p>setjmp and longjmp: a statement holding a setjmp (as its whole expression or controlling
 * expression) gets a label id, its site. setjmp stores in its buffer the function's activation
 * number (taken on entry), the site and the stack pointer, and yields 0. longjmp sets the
 * exiting flag and the target, and every call that may reach it is followed by the exit test,
 * so the functions between return at once; in the function whose activation is the target,
 * the test clears the flag and goes to the site as a goto would, where setjmp yields the value.
 */
final class FunctionGenerator {
  private sealed interface Storage {}

  private record Local(int index) implements Storage {}

  private record Frame(int offset) implements Storage {}

  /** A struct parameter: the caller passes the address of its copy. */
  private record Indirect(int local) implements Storage {}

  private enum Kind { PLAIN, BREAK, CONTINUE, DISPATCH }

  private static final class Ctl {
    final Kind kind;
    /** For DISPATCH: the ids of the labels the dispatch can reach (lo..hi). */
    final int[] labels;

    Ctl(Kind kind, int[] labels) {
      this.kind = kind;
      this.labels = labels;
    }
  }

  private static final int INLINE_COPY_LIMIT = 64;

  private final CodeGenerator module;
  private final FunctionDef def;
  private final FunctionType type;
  private final CodeBuilder code;
  private final boolean isMain;
  private final Map<Symbol, Storage> storage = new IdentityHashMap<>();
  private final Set<Symbol> addressTaken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Deque<Ctl> ctl = new ArrayDeque<>();
  private final Map<ValType, Deque<Integer>> freeTemps = new HashMap<>();
  private final boolean needsFrame;
  /** Whether the function calls alloca: then only its return releases variable-length arrays. */
  private final boolean usesAlloca;
  private int frameSize;
  /** The largest alignment of an object in the frame: above the stack's 16, the frame is realigned. */
  private int frameAlign = 16;
  private int fp = -1;
  private int savedSp = -1;
  private int sret = -1;
  private int varargs = -1;
  private int gotoTarget = -1;
  /** The setjmp calls allowed by C, by their site ids (label ids), and the statements holding them. */
  private final Map<Expr.Builtin, Integer> setjmpSites = new IdentityHashMap<>();
  private final Map<Stmt, Integer> siteStatements = new IdentityHashMap<>();
  /** While numbering the function body's labels (not a statement expression's): sites are found. */
  private boolean findingSites;
  /** This activation's number, when the function calls setjmp. */
  private int activation = -1;
  /** The site a longjmp is resuming at, until its setjmp yields the value (0 otherwise). */
  private int resumeSite = -1;
  /** Goto labels numbered from 1 in source order, so the labels of any statement are a range. */
  private final Map<String, Integer> labelIds = new HashMap<>();
  private final Map<Stmt, int[]> labelRanges = new IdentityHashMap<>();
  /** Case labels directly in their switch's body (the others are reached like goto labels). */
  private final Set<Stmt> directCases = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Stmt, Integer> nestedCaseIds = new IdentityHashMap<>();
  private final Map<Stmt.Switch, List<Stmt.Case>> nestedCases = new IdentityHashMap<>();

  /** A call being expanded in place: its return statements leave {@code exit}. */
  private record Inlined(FunctionDef def, Ctl exit, Type result) {}

  /** The calls being expanded in place, innermost first. */
  private final Deque<Inlined> inlining = new ArrayDeque<>();
  private static final int INLINE_DEPTH_LIMIT = 4;

  FunctionGenerator(CodeGenerator module, FunctionDef def, CodeBuilder code, boolean isMain) {
    this.module = module;
    this.def = def;
    this.type = (FunctionType) def.symbol().type();
    this.code = code;
    this.isMain = isMain;
    collectAddressTaken(def, addressTaken);
    this.needsFrame = computeNeedsFrame(def, addressTaken);
    boolean[] alloca = {false};
    AstWalker.expressions(def.body(), e -> {
      if (e instanceof Expr.Builtin b && b.name().equals(Builtins.ALLOCA)) alloca[0] = true;
    });
    this.usesAlloca = alloca[0];
    findingSites = true;
    numberLabels(def.body(), null);
    findingSites = false;
    // Sema lets only a statement expression's own statements jump to its labels, so their
    // ranges stay out of the enclosing statements' and its blocks dispatch to them.
    AstWalker.expressions(def.body(), e -> {
      if (e instanceof Expr.StmtExpr s) numberLabels(s.body(), null);
    });
    module.labelIds(def.symbol(), labelIds);
  }

  /** Numbers the labels in pre-order and records the range each statement contains. */
  private int[] numberLabels(Stmt s, Stmt.Switch sw) {
    if (s == null) return null;
    int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
    if (s instanceof Stmt.Labeled l) {
      int id = labelIds.size() + nestedCaseIds.size() + setjmpSites.size() + 1;
      labelIds.put(l.label(), id);
      lo = hi = id;
    }
    Expr.Builtin site = findingSites ? setjmpSite(s) : null;
    if (site != null) {
      int id = labelIds.size() + nestedCaseIds.size() + setjmpSites.size() + 1;
      setjmpSites.put(site, id);
      siteStatements.put(s, id);
      lo = hi = id;
    }
    if (s instanceof Stmt.Case c && !directCases.contains(c) && sw != null) {
      int id = labelIds.size() + nestedCaseIds.size() + setjmpSites.size() + 1;
      nestedCaseIds.put(c, id);
      nestedCases.computeIfAbsent(sw, k -> new ArrayList<>()).add(c);
      lo = hi = id;
    }
    if (s instanceof Stmt.Switch w) {
      sw = w;
      for (Stmt child : w.body() instanceof Stmt.Block b ? b.statements() : List.of(w.body())) {
        for (Stmt cur = child; cur instanceof Stmt.Labeled || cur instanceof Stmt.Case; ) {
          if (cur instanceof Stmt.Case c) {
            directCases.add(c);
            cur = c.body();
          } else {
            cur = ((Stmt.Labeled) cur).body();
          }
        }
      }
    }
    for (Stmt c : Stmt.children(s)) {
      int[] r = numberLabels(c, sw);
      if (r != null) {
        lo = Math.min(lo, r[0]);
        hi = Math.max(hi, r[1]);
      }
    }
    if (lo > hi) return null;
    int[] range = {lo, hi};
    labelRanges.put(s, range);
    return range;
  }

  /**
   * The setjmp call of a statement where C 7.13.1.1 allows one: the whole expression of an
   * expression statement or controlling expression of if, switch, while, do or for, or its
   * operand there under !, a cast or a comparison (any binary operator) with a constant; like
   * gcc, also the value assigned to or initializing a variable (as in
   * {@code (r = setjmp(b)) != 0}). Nothing with an effect is evaluated before it, so a longjmp
   * may evaluate the statement again from its start.
   */
  private static Expr.Builtin setjmpSite(Stmt s) {
    if (s instanceof Stmt.ExprStmt e) return setjmpCall(e.expr());
    if (s instanceof Stmt.LocalInit l && l.init().items().size() == 1) return setjmpCall(l.init().items().get(0).value());
    if (s instanceof Stmt.If i) return setjmpCall(i.condition());
    if (s instanceof Stmt.Switch w) return setjmpCall(w.value());
    if (s instanceof Stmt.While w) return setjmpCall(w.condition());
    if (s instanceof Stmt.DoWhile d) return setjmpCall(d.condition());
    if (s instanceof Stmt.For f) return setjmpCall(f.condition());
    return null;
  }

  private static Expr.Builtin setjmpCall(Expr e) {
    if (e instanceof Expr.Builtin b && b.name().equals(Builtins.SETJMP)) return b;
    if (e instanceof Expr.Cast c) return setjmpCall(c.operand());
    if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.LOG_NOT) return setjmpCall(u.operand());
    if (e instanceof Expr.Binary b && b.right() instanceof Expr.IntConst) return setjmpCall(b.left());
    if (e instanceof Expr.Binary b && b.left() instanceof Expr.IntConst) return setjmpCall(b.right());
    // storing into a variable evaluates nothing before the setjmp
    if (e instanceof Expr.Assign a && a.target() instanceof Expr.VarRef) return setjmpCall(a.value());
    return null;
  }

  private int[] labels(Stmt s) {
    return s == null ? null : labelRanges.get(s);
  }

  private int gotoTarget() {
    if (gotoTarget < 0) gotoTarget = code.addLocal(ValType.I32);
    return gotoTarget;
  }

  /** Pushes 1 if a goto in progress targets a label inside {@code range}. */
  private void targetIn(int[] range) {
    code.localGet(gotoTarget());
    code.i32Const(range[0]).op(Op.I32_SUB).i32Const(range[1] - range[0] + 1).op(Op.I32_LT_U);
  }

  /**
   * The condition of a statement that a goto may enter in the middle: true (or false) when
   * the goto's label is in the branch to take, otherwise the condition itself.
   */
  private void conditionOrEntry(Expr condition, int[] intoTrue, int[] intoFalse) {
    if (intoTrue != null) {
      targetIn(intoTrue);
      ifThen(ValType.I32);
      code.i32Const(1);
      code.elseBranch();
      conditionOrEntry(condition, null, intoFalse);
      close();
    } else if (intoFalse != null) {
      targetIn(intoFalse);
      ifThen(ValType.I32);
      code.i32Const(0);
      code.elseBranch();
      conditionOrEntry(condition, null, null);
      close();
    } else if (condition == null) {
      code.i32Const(1);
    } else {
      bool(condition);
    }
  }

  private static void collectAddressTaken(FunctionDef def, Set<Symbol> addressTaken) {
    AstWalker.expressions(def.body(), e -> {
      Expr target = null;
      if (e instanceof Expr.AddressOf a) target = a.operand();
      if (e instanceof Expr.VaStart v) target = v.list();
      if (e instanceof Expr.VaArg v) target = v.list();
      if (target instanceof Expr.VarRef r) addressTaken.add(r.symbol());
      if (e instanceof Expr.CompoundLiteral c) addressTaken.add(c.object());
    });
  }

  /**
   * Whether the function gets a frame on the C stack (and so the check that traps when the
   * stack would reach the heap): known before any code is generated, so that the module
   * imports the check's trap only when some function has one.
   */
  static boolean needsFrame(FunctionDef def) {
    Set<Symbol> addressTaken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    collectAddressTaken(def, addressTaken);
    return computeNeedsFrame(def, addressTaken);
  }

  private static boolean computeNeedsFrame(FunctionDef def, Set<Symbol> addressTaken) {
    for (Symbol p : def.params()) if (addressTaken.contains(p)) return true;
    for (Symbol l : def.locals()) if (!(l.type().isScalar() && !addressTaken.contains(l))) return true;
    boolean[] found = {false};
    AstWalker.expressions(def.body(), e -> {
      // the epilogue restores the stack pointer, releasing variable-length arrays
      if (e instanceof Expr.Builtin b && (b.name().equals(Builtins.VLA_ALLOC) || b.name().equals(Builtins.ALLOCA))) {
        found[0] = true;
      }
      if (e instanceof Expr.Call c) {
        if (c.type().isStruct()) found[0] = true;
        for (Expr a : c.args()) if (a.type().isStruct()) found[0] = true;
        if (c.function().variadic() && c.args().size() > c.function().params().size()) found[0] = true;
      }
    });
    return found[0];
  }

  private boolean isRegister(Symbol s) {
    return s.type().isScalar() && !addressTaken.contains(s);
  }

  // =====================================================================================
  // Function
  // =====================================================================================

  /** Generates the body; returns false if an error was reported (the body is then unusable). */
  boolean generate() {
    int next = 0;
    if (Abi.returnsViaPointer(type)) sret = next++;
    List<Symbol> params = def.params();
    for (int i = 0; i < params.size(); i++) {
      Symbol p = params.get(i);
      int index = next++;
      if (p.type().isStruct()) {
        storage.put(p, new Indirect(index));
      } else if (!isRegister(p)) {
        storage.put(p, new Frame(allocate(p.type().size(), p.type().align())));
      } else {
        storage.put(p, new Local(index));
      }
    }
    if (type.variadic()) varargs = next;
    if (needsFrame) {
      fp = code.addLocal(ValType.I32);
      savedSp = code.addLocal(ValType.I32);
    }
    for (Symbol l : def.locals()) {
      if (l.type().isError()) continue;
      if (isRegister(l)) {
        storage.put(l, new Local(code.addLocal(Abi.valType(l.type()))));
      } else {
        storage.put(l, new Frame(allocate(Math.max(l.type().size(), 1), l.align())));
      }
    }
    try {
      checkSetjmps();
      if (!setjmpSites.isEmpty() && module.longjmp() != null) {
        activation = code.addLocal(ValType.I32);
        resumeSite = code.addLocal(ValType.I32);
        int activations = module.longjmp().activations();
        code.globalGet(activations).i32Const(1).op(Op.I32_ADD).localTee(activation).globalSet(activations);
      }
      statement(def.body());
    } catch (CompileError e) {
      return false; // reported; the module will not be produced
    }
    epilogue();
    pushZero(type.result());
    if (needsFrame) {
      int size = (frameSize + 15) & ~15;
      // a frame realigned for an object aligned above 16 may start up to frameAlign - 16 lower
      int reach = size + frameAlign - 16;
      code.insertAtStart(c -> {
        c.globalGet(module.spGlobal()).localTee(savedSp).i32Const(size).op(Op.I32_SUB);
        if (frameAlign > 16) c.i32Const(-frameAlign).op(Op.I32_AND);
        c.localTee(fp).globalSet(module.spGlobal());
        // The stack grows down towards the heap and the static data: a frame that would reach
        // them traps here, instead of overwriting globals and string literals. The old stack
        // pointer is compared (with heapBase + size), not the new one, which wraps around past 0
        // when the static data is small. The trap is the import env.__wf_stack_overflow, which
        // the lowering turns into the ISA's "call stack exhausted" (an unreachable would say only
        // "unreachable").
        int lowest = (int) Math.min((long) module.heapBase() + reach, 0xFFFF_FFFFL);
        c.block(null).localGet(savedSp).i32Const(lowest).op(Op.I32_GE_U).brIf(0)
            .call(module.stackOverflowFunction()).end();
        int index = Abi.returnsViaPointer(type) ? 1 : 0;
        for (Symbol p : params) {
          if (storage.get(p) instanceof Frame f) {
            c.localGet(fp).localGet(index).mem(Abi.store(p.type()), f.offset());
          }
          index++;
        }
      });
    }
    return true;
  }

  private void checkSetjmps() {
    AstWalker.expressions(def.body(), e -> {
      if (e instanceof Expr.Builtin b && b.name().equals(Builtins.SETJMP) && !setjmpSites.containsKey(b)) {
        throw error(b.pos(), "setjmp must be the whole expression of an expression statement or the controlling "
            + "expression of if, switch, while, do or for, possibly negated, cast, compared with a constant, or "
            + "assigned to a variable (C11 7.13.1.1)");
      }
    });
  }

  private int allocate(int size, int align) {
    frameAlign = Math.max(frameAlign, align);
    frameSize = (frameSize + align - 1) / align * align;
    int offset = frameSize;
    frameSize += size;
    return offset;
  }

  private void epilogue() {
    if (needsFrame) code.localGet(savedSp).globalSet(module.spGlobal());
  }

  private void pushZero(Type t) {
    if (Abi.returnsViaPointer(type) && t == type.result()) return;
    ValType v = Abi.valType(t);
    if (v == ValType.I32) code.i32Const(0);
    if (v == ValType.I64) code.i64Const(0);
  }

  private CompileError error(SourcePos pos, String message) {
    return module.diagnostics().fail(pos, message);
  }

  private int temp(ValType t) {
    Deque<Integer> free = freeTemps.get(t);
    if (free != null && !free.isEmpty()) return free.pop();
    return code.addLocal(t);
  }

  private void release(ValType t, int local) {
    freeTemps.computeIfAbsent(t, k -> new ArrayDeque<>()).push(local);
  }

  // =====================================================================================
  // Control stack
  // =====================================================================================

  private Ctl open(Kind kind, int[] labels, int opcodeKind) {
    Ctl c = new Ctl(kind, labels);
    switch (opcodeKind) {
      case 0 -> code.block(null);
      case 1 -> code.loop(null);
      default -> throw new IllegalArgumentException();
    }
    ctl.push(c);
    return c;
  }

  private Ctl block(Kind kind) {
    return open(kind, null, 0);
  }

  private Ctl loop(Kind kind) {
    return open(kind, null, 1);
  }

  private void close() {
    ctl.pop();
    code.end();
  }

  /** An if/else whose branches are plain blocks for branch depths. */
  private void ifThen(ValType result) {
    code.ifThen(result);
    ctl.push(new Ctl(Kind.PLAIN, null));
  }

  private int depth(Ctl target) {
    int d = 0;
    for (Ctl c : ctl) {
      if (c == target) return d;
      d++;
    }
    throw new IllegalStateException("branch target is not enclosing");
  }

  private Ctl innermost(Kind kind) {
    for (Ctl c : ctl) if (c.kind == kind) return c;
    return null;
  }

  // =====================================================================================
  // Statements
  // =====================================================================================

  private void statement(Stmt s) {
    if (s instanceof Stmt.Block b) {
      block(b.statements());
    } else if (s instanceof Stmt.ExprStmt e) {
      discard(e.expr());
    } else if (s instanceof Stmt.LocalInit l) {
      localInit(l.object(), l.init());
    } else if (s instanceof Stmt.If i) {
      if (labels(i.then()) != null || labels(i.otherwise()) != null) {
        conditionOrEntry(i.condition(), labels(i.then()), labels(i.otherwise()));
      } else {
        condition(i.condition());
      }
      ifThen(null);
      statement(i.then());
      if (i.otherwise() != null) {
        code.elseBranch();
        statement(i.otherwise());
      }
      close();
    } else if (s instanceof Stmt.While w) {
      Ctl brk = block(Kind.BREAK);
      Ctl top = loop(Kind.CONTINUE);
      if (labels(w.body()) != null) {
        conditionOrEntry(w.condition(), labels(w.body()), null);
        code.op(Op.I32_EQZ).brIf(depth(brk));
      } else if (!isTrue(w.condition())) {
        condition(w.condition());
        code.op(Op.I32_EQZ).brIf(depth(brk));
      }
      statement(w.body());
      code.br(depth(top));
      close();
      close();
    } else if (s instanceof Stmt.DoWhile d) {
      Ctl brk = block(Kind.BREAK);
      Ctl top = loop(Kind.PLAIN);
      Ctl cont = block(Kind.CONTINUE);
      Integer site = siteStatements.get(d);
      if (site != null && resumeSite >= 0) code.localGet(resumeSite).i32Const(site).op(Op.I32_EQ).brIf(depth(cont));
      statement(d.body());
      close();
      condition(d.condition());
      code.brIf(depth(top));
      close();
      close();
    } else if (s instanceof Stmt.For f) {
      int[] into = labels(f.body());
      // resuming at a setjmp in the condition also skips the initialization
      int[] skipInit = siteStatements.containsKey(f) ? labels(f) : into;
      if (f.init() != null) {
        if (skipInit != null) {
          targetIn(skipInit);
          code.op(Op.I32_EQZ);
          ifThen(null);
          statement(f.init());
          close();
        } else {
          statement(f.init());
        }
      }
      Ctl brk = block(Kind.BREAK);
      Ctl top = loop(Kind.PLAIN);
      if (into != null) {
        conditionOrEntry(f.condition(), into, null);
        code.op(Op.I32_EQZ).brIf(depth(brk));
      } else if (f.condition() != null && !isTrue(f.condition())) {
        condition(f.condition());
        code.op(Op.I32_EQZ).brIf(depth(brk));
      }
      block(Kind.CONTINUE);
      statement(f.body());
      close();
      if (f.step() != null) discard(f.step());
      code.br(depth(top));
      close();
      close();
    } else if (s instanceof Stmt.Switch w) {
      switchStatement(w);
    } else if (s instanceof Stmt.Break b) {
      Ctl target = null;
      for (Ctl c : ctl) {
        if (c.kind == Kind.BREAK) {
          target = c;
          break;
        }
      }
      if (target == null) throw error(b.pos(), "'break' statement not in loop or switch statement");
      code.br(depth(target));
    } else if (s instanceof Stmt.Continue c) {
      Ctl target = innermost(Kind.CONTINUE);
      if (target == null) throw error(c.pos(), "'continue' statement not in loop statement");
      code.br(depth(target));
    } else if (s instanceof Stmt.Return r) {
      returnStatement(r);
    } else if (s instanceof Stmt.Goto g) {
      int id = labelIds.get(g.label());
      for (Ctl c : ctl) {
        if (c.kind == Kind.DISPATCH && c.labels[0] <= id && id <= c.labels[1]) {
          code.i32Const(id).localSet(gotoTarget()).br(depth(c));
          return;
        }
      }
      throw new IllegalStateException("no dispatch encloses label " + g.label());
    } else if (s instanceof Stmt.ComputedGoto g) {
      computedGoto(g);
    } else if (s instanceof Stmt.Labeled) {
      segmented(List.of(s), null);
    } else if (s instanceof Stmt.Case c) {
      if (!nestedCaseIds.containsKey(c)) throw error(c.pos(), "case label not within a switch statement");
      code.i32Const(0).localSet(gotoTarget()); // reached through the switch's dispatch
      statement(c.body());
    } else if (!(s instanceof Stmt.Empty)) {
      throw new IllegalStateException("unknown statement " + s);
    }
  }

  private static boolean isTrue(Expr e) {
    return e instanceof Expr.IntConst c && c.value() != 0;
  }

  private void returnStatement(Stmt.Return r) {
    Inlined in = inlining.peek();
    if (in != null) {
      // the value was converted to the callee's result type by sema, as for a real return
      if (r.value() != null) value(r.value());
      else pushZero(in.result());
      code.br(depth(in.exit()));
      return;
    }
    if (r.value() != null) {
      if (Abi.returnsViaPointer(type)) {
        code.localGet(sret);
        address(r.value());
        copy((StructType) type.result());
      } else {
        value(r.value());
      }
    } else {
      pushZero(type.result());
    }
    epilogue();
    code.op(Op.RETURN);
  }

  /**
   * GNU {@code goto *p}: p is a label's number, so it becomes the goto's target and control
   * branches to the innermost dispatch whose labels include all those whose address the
   * function takes (at the latest, the function body's). With no label address taken, p can
   * be no label of this function (undefined behaviour, as in gcc): it traps.
   */
  private void computedGoto(Stmt.ComputedGoto g) {
    value(g.target());
    code.localSet(gotoTarget());
    if (g.labels().isEmpty()) {
      code.op(Op.UNREACHABLE);
      return;
    }
    for (Ctl c : ctl) {
      if (c.kind == Kind.DISPATCH
          && g.labels().stream().map(labelIds::get).allMatch(id -> c.labels[0] <= id && id <= c.labels[1])) {
        code.br(depth(c));
        return;
      }
    }
    throw new IllegalStateException("no dispatch encloses the labels " + g.labels());
  }

  private void block(List<Stmt> statements) {
    boolean labeled = false;
    for (Stmt s : statements) labeled |= labels(s) != null;
    if (!labeled) {
      for (Stmt s : statements) statement(s);
      return;
    }
    segmented(statements, null);
  }

  private void switchStatement(Stmt.Switch w) {
    List<Stmt> body = w.body() instanceof Stmt.Block b ? b.statements() : List.of(w.body());
    segmented(body, w);
  }

  /**
   * A statement list containing labels (goto labels, at any depth, or the case labels of a
   * switch): segment 0 is the code before the first statement that holds a label, and each
   * such statement starts the next segment. On entry, a goto in progress (the target local
   * is a label id, 0 otherwise) branches to the segment holding its label; a switch then
   * branches on its value; otherwise execution falls into segment 0.
   */
  private void segmented(List<Stmt> statements, Stmt.Switch sw) {
    List<List<Stmt>> segments = new ArrayList<>();
    List<int[]> ranges = new ArrayList<>();
    /** Per segment: how many goto labels head its statement (their ids start its range). */
    List<Integer> arrivals = new ArrayList<>();
    segments.add(new ArrayList<>());
    ranges.add(null);
    arrivals.add(0);
    Map<Long, Integer> cases = new LinkedHashMap<>();
    int defaultSegment = -1;
    int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
    for (Stmt s : statements) {
      int[] range = labels(s);
      boolean starts = range != null || (sw != null && s instanceof Stmt.Case c0 && directCases.contains(c0));
      if (starts) {
        segments.add(new ArrayList<>());
        ranges.add(range);
        arrivals.add(0);
        if (range != null) {
          lo = Math.min(lo, range[0]);
          hi = Math.max(hi, range[1]);
        }
      }
      int index = segments.size() - 1;
      Stmt cur = s;
      while (cur instanceof Stmt.Labeled || (sw != null && cur instanceof Stmt.Case c0 && directCases.contains(c0))) {
        if (cur instanceof Stmt.Labeled l) {
          arrivals.set(index, arrivals.get(index) + 1);
          cur = l.body();
        } else {
          Stmt.Case c = (Stmt.Case) cur;
          if (c.isDefault()) defaultSegment = index;
          else cases.put(c.value(), index);
          cur = c.body();
        }
      }
      segments.get(index).add(cur);
    }
    int n = segments.size();
    Ctl brk = sw != null ? block(Kind.BREAK) : null;
    Ctl dispatch = lo <= hi ? open(Kind.DISPATCH, new int[] {lo, hi}, 1) : null;
    Ctl[] blocks = new Ctl[n];
    for (int i = n - 1; i >= 1; i--) blocks[i] = block(Kind.PLAIN);
    if (dispatch != null) {
      Ctl entry = block(Kind.PLAIN);
      if (module.options().denseSwitchAsBrTable()) {
        int[] targets = new int[hi + 1];
        java.util.Arrays.fill(targets, depth(entry));
        for (int i = 1; i < n; i++) {
          if (ranges.get(i) == null) continue;
          for (int id = ranges.get(i)[0]; id <= ranges.get(i)[1]; id++) targets[id] = depth(blocks[i]);
        }
        code.localGet(gotoTarget()).brTable(targets, depth(entry));
      } else {
        for (int i = 1; i < n; i++) {
          if (ranges.get(i) == null) continue;
          targetIn(ranges.get(i));
          code.brIf(depth(blocks[i]));
        }
      }
      close();
    }
    if (sw != null) {
      ValType vt = Abi.valType(sw.value().type());
      int value = temp(vt);
      value(sw.value());
      code.localSet(value);
      Ctl otherwise = defaultSegment > 0 ? blocks[defaultSegment] : brk;
      List<Stmt.Case> nested = nestedCases.getOrDefault(sw, List.of());
      Stmt.Case nestedDefault = null;
      boolean wide = Abi.isWide(sw.value().type());
      // A case label inside a nested statement is reached like a goto label (Duff's device).
      for (Stmt.Case c : nested) {
        if (c.isDefault()) {
          nestedDefault = c;
          continue;
        }
        code.localGet(value);
        if (wide) code.i64Const(c.value()).op(Op.I64_EQ);
        else code.i32Const((int) c.value()).op(Op.I32_EQ);
        ifThen(null);
        code.i32Const(nestedCaseIds.get(c)).localSet(gotoTarget()).br(depth(dispatch));
        close();
      }
      if (nestedDefault != null) {
        Ctl noMatch = block(Kind.PLAIN);
        switchDispatch(sw, value, cases, blocks, noMatch);
        close();
        code.i32Const(nestedCaseIds.get(nestedDefault)).localSet(gotoTarget()).br(depth(dispatch));
      } else {
        switchDispatch(sw, value, cases, blocks, otherwise);
      }
      release(vt, value);
    }
    for (Stmt s : segments.get(0)) statement(s);
    for (int i = 1; i < n; i++) {
      close();
      int heading = arrivals.get(i);
      if (heading > 0) arrive(ranges.get(i), heading);
      for (Stmt s : segments.get(i)) statement(s);
    }
    if (dispatch != null) close();
    if (brk != null) close();
  }

  /**
   * At a segment headed by {@code heading} goto labels: a goto to one of them has arrived. A
   * goto (or longjmp) to a label or setjmp inside the segment's statement goes on to it.
   */
  private void arrive(int[] range, int heading) {
    if (range[1] == range[0] + heading - 1) {
      code.i32Const(0).localSet(gotoTarget());
      return;
    }
    code.i32Const(0).localGet(gotoTarget()).localGet(gotoTarget()).i32Const(range[0]).op(Op.I32_SUB)
        .i32Const(heading).op(Op.I32_LT_U).op(Op.SELECT).localSet(gotoTarget());
  }

  private void switchDispatch(Stmt.Switch sw, int value, Map<Long, Integer> cases, Ctl[] blocks, Ctl otherwise) {
    boolean wide = Abi.isWide(sw.value().type());
    if (!wide && module.options().denseSwitchAsBrTable() && cases.size() >= 4) {
      long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
      for (long v : cases.keySet()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      long range = max - min + 1;
      if (range <= 2L * cases.size() + 8 && range <= 4096) {
        int[] targets = new int[(int) range];
        for (int i = 0; i < range; i++) {
          Integer seg = cases.get(min + i);
          targets[i] = depth(seg == null ? otherwise : blocks[seg]);
        }
        code.localGet(value);
        if (min != 0) code.i32Const((int) min).op(Op.I32_SUB);
        code.brTable(targets, depth(otherwise));
        return;
      }
    }
    for (Map.Entry<Long, Integer> c : cases.entrySet()) {
      code.localGet(value);
      if (wide) code.i64Const(c.getKey()).op(Op.I64_EQ);
      else code.i32Const((int) (long) c.getKey()).op(Op.I32_EQ);
      code.brIf(depth(blocks[c.getValue()]));
    }
    code.br(depth(otherwise));
  }

  private void localInit(Symbol object, Initializer init) {
    Storage st = storage.get(object);
    if (st == null) return; // an object of error type
    if (st instanceof Local l) {
      if (init.items().isEmpty()) {
        pushZero(object.type());
      } else {
        value(init.items().get(init.items().size() - 1).value());
      }
      code.localSet(l.index());
      return;
    }
    initializeMemory(object, init);
  }

  /** Stores an initializer into an object in memory (frame or static). */
  private void initializeMemory(Symbol object, Initializer init) {
    Type t = object.type();
    boolean whole = init.items().size() == 1 && init.items().get(0).offset() == 0
        && (init.items().get(0).type() == t || (t.isScalar() && init.items().get(0).type().isScalar()));
    // a complex value built from its parts (sema's pairs) writes every byte
    boolean parts = t.isComplex() && init.items().size() == 2 && !init.items().get(0).type().isComplex();
    if (!whole && !parts) {
      objectAddress(object);
      zero(t.size());
    }
    for (Initializer.Item item : init.items()) {
      Type it = item.type();
      if (it instanceof ArrayType a && item.value() instanceof Expr.StringLit s) {
        objectAddress(object);
        addOffset(item.offset());
        code.i32Const(module.stringAddress(s));
        copyBytes(Math.min(a.length() < 0 ? s.bytes().length : a.size(), s.bytes().length), a.element().align());
      } else if (it instanceof StructType st) {
        objectAddress(object);
        addOffset(item.offset());
        address(item.value());
        copy(st);
      } else if (item.bits() != null) {
        int base = temp(ValType.I32);
        objectAddress(object);
        code.localSet(base);
        value(item.value());
        storeBitField(item.bits(), it, base, item.offset(), false);
        release(ValType.I32, base);
      } else {
        objectAddress(object);
        value(item.value());
        code.mem(Abi.store(it), item.offset());
      }
    }
  }

  private void objectAddress(Symbol s) {
    int offset = addressParts(s);
    addOffset(offset);
  }

  private void addOffset(int offset) {
    if (offset != 0) code.i32Const(offset).op(Op.I32_ADD);
  }

  /** Zeroes {@code size} bytes at the address on the stack. */
  private void zero(int size) {
    if (size <= INLINE_COPY_LIMIT) {
      int dst = temp(ValType.I32);
      code.localSet(dst);
      int k = 0;
      for (; k + 4 <= size; k += 4) code.localGet(dst).i32Const(0).mem(MemOp.I32_STORE, 0, k);
      for (; k < size; k++) code.localGet(dst).i32Const(0).mem(MemOp.I32_STORE8, k);
      release(ValType.I32, dst);
    } else {
      code.i32Const(size).call(module.memsetHelper());
    }
  }

  // =====================================================================================
  // Expressions: addresses
  // =====================================================================================

  private int addressParts(Symbol s) {
    if (s.hasStaticStorage()) {
      code.i32Const(module.address(s));
      return 0;
    }
    Storage st = storage.get(s);
    if (st instanceof Frame f) {
      code.localGet(fp);
      return f.offset();
    }
    if (st instanceof Indirect i) {
      code.localGet(i.local());
      return 0;
    }
    throw new IllegalStateException("'" + s.name() + "' has no address");
  }

  /**
   * Pushes a base address of a memory lvalue (or of a struct value) and returns a constant
   * offset to add to it, which loads and stores fold into their immediate.
   */
  private int addressParts(Expr e) {
    if (e instanceof Expr.VarRef v) return addressParts(v.symbol());
    if (e instanceof Expr.Deref d) {
      if (d.pointer() instanceof Expr.PointerAdd p && p.index() instanceof Expr.IntConst c && !p.subtract()) {
        long offset = c.value() * elementSize((PointerType) p.type());
        if (offset >= 0 && offset < (1 << 20)) {
          value(p.pointer());
          return (int) offset;
        }
      }
      value(d.pointer());
      return 0;
    }
    if (e instanceof Expr.Member m) {
      return addressParts(m.base()) + m.offset();
    }
    if (e instanceof Expr.StringLit s) {
      code.i32Const(module.stringAddress(s));
      return 0;
    }
    if (e instanceof Expr.CompoundLiteral c) {
      if (!c.object().hasStaticStorage()) initializeMemory(c.object(), c.init());
      return addressParts(c.object());
    }
    if (e instanceof Expr.StmtExpr s && s.result() != null) {
      statement(s.body());
      return addressParts(s.result());
    }
    // A struct-valued rvalue (call, assignment, conditional, ...) evaluates to its address.
    value(e);
    return 0;
  }

  private void address(Expr e) {
    addOffset(addressParts(e));
  }

  private static int elementSize(PointerType p) {
    return p.target().isVoid() || p.target() instanceof FunctionType ? 1 : p.target().size();
  }

  private boolean isRegisterRef(Expr e) {
    return e instanceof Expr.VarRef v && storage.get(v.symbol()) instanceof Local;
  }

  private int registerOf(Expr e) {
    return ((Local) storage.get(((Expr.VarRef) e).symbol())).index();
  }

  private void load(Type t, int offset) {
    if (t.isStruct() || t instanceof ArrayType || t instanceof FunctionType) {
      addOffset(offset);
      return;
    }
    code.mem(Abi.load(t), offset);
  }

  /** Copies a struct: the stack holds the destination, then the source address. */
  private void copy(StructType t) {
    copyBytes(t.size(), t.align());
  }

  private void copyBytes(int size, int align) {
    if (size > INLINE_COPY_LIMIT) {
      code.i32Const(size).call(module.memcpyHelper());
      return;
    }
    int src = temp(ValType.I32);
    int dst = temp(ValType.I32);
    code.localSet(src).localSet(dst);
    int k = 0;
    if (align >= 4) {
      for (; k + 4 <= size; k += 4) code.localGet(dst).localGet(src).mem(MemOp.I32_LOAD, k).mem(MemOp.I32_STORE, k);
    }
    if (align >= 2) {
      for (; k + 2 <= size; k += 2) {
        code.localGet(dst).localGet(src).mem(MemOp.I32_LOAD16_U, k).mem(MemOp.I32_STORE16, k);
      }
    }
    for (; k < size; k++) code.localGet(dst).localGet(src).mem(MemOp.I32_LOAD8_U, k).mem(MemOp.I32_STORE8, k);
    release(ValType.I32, dst);
    release(ValType.I32, src);
  }

  // =====================================================================================
  // Expressions: values
  // =====================================================================================

  /** Evaluates for side effects only. */
  private void discard(Expr e) {
    if (e instanceof Expr.Assign a) {
      assign(a, false);
    } else if (e instanceof Expr.CompoundAssign a) {
      compoundAssign(a, false);
    } else if (e instanceof Expr.IncDec i) {
      incDec(i, false);
    } else if (e instanceof Expr.Call c) {
      call(c, false);
    } else if (e instanceof Expr.Comma c) {
      discard(c.left());
      discard(c.right());
    } else if (e instanceof Expr.Cast c && c.type().isVoid()) {
      discard(c.operand());
    } else if (e instanceof Expr.Conditional c && (c.type().isVoid() || c.type().isStruct())) {
      condition(c.condition());
      ifThen(null);
      discard(c.then());
      code.elseBranch();
      discard(c.otherwise());
      close();
    } else if (e instanceof Expr.StmtExpr s) {
      statement(s.body());
    } else if (e instanceof Expr.IntConst || e instanceof Expr.VarRef) {
      // nothing to evaluate
    } else {
      value(e);
      if (!e.type().isVoid()) code.op(Op.DROP);
    }
  }

  /** Pushes an i32 that is nonzero when a scalar is true (for branches). */
  private void condition(Expr e) {
    value(e);
    if (Abi.isWide(e.type())) code.i64Const(0).op(Op.I64_NE);
  }

  /** Pushes 0 or 1. */
  private void bool(Expr e) {
    value(e);
    if (isBoolean(e)) return;
    if (Abi.isWide(e.type())) code.i64Const(0).op(Op.I64_NE);
    else code.i32Const(0).op(Op.I32_NE);
  }

  private static boolean isBoolean(Expr e) {
    if (e instanceof Expr.Binary b) return b.op().isComparison() || b.op() == BinaryOp.LOG_AND || b.op() == BinaryOp.LOG_OR;
    if (e instanceof Expr.Unary u) return u.op() == Expr.UnaryOp.LOG_NOT;
    // a long long 0 or 1 is an i64: it still needs the test that makes it an i32
    if (e instanceof Expr.IntConst c) return !Abi.isWide(c.type()) && (c.value() == 0 || c.value() == 1);
    return e.type() == IntType.BOOL;
  }

  /** Pushes the value of an expression (nothing for void; the address for a struct). */
  private void value(Expr e) {
    if (e instanceof Expr.IntConst c) {
      if (Abi.isWide(c.type())) code.i64Const(c.value());
      else code.i32Const((int) c.value());
    } else if (e instanceof Expr.VarRef v) {
      if (v.type() instanceof FunctionType) {
        code.i32Const(module.tableIndex(v.symbol()));
      } else if (isRegisterRef(v)) {
        code.localGet(registerOf(v));
      } else {
        load(v.type(), addressParts(v.symbol()));
      }
    } else if (e instanceof Expr.StringLit s) {
      code.i32Const(module.stringAddress(s));
    } else if (e instanceof Expr.LabelAddress a) {
      code.i32Const(labelIds.get(a.label()));
    } else if (e instanceof Expr.Decay d) {
      functionOrArrayAddress(d.operand());
    } else if (e instanceof Expr.AddressOf a) {
      functionOrArrayAddress(a.operand());
    } else if (e instanceof Expr.Deref d) {
      if (d.type() instanceof FunctionType) {
        value(d.pointer());
      } else {
        load(d.type(), addressParts(d));
      }
    } else if (e instanceof Expr.Member m) {
      if (m.bits() != null) loadBitField(m.bits(), m.type(), addressParts(m));
      else load(m.type(), addressParts(m));
    } else if (e instanceof Expr.Unary u) {
      unary(u);
    } else if (e instanceof Expr.Binary b) {
      binary(b);
    } else if (e instanceof Expr.PointerAdd p) {
      value(p.pointer());
      scaledIndex(p.index(), elementSize((PointerType) p.type()));
      code.op(p.subtract() ? Op.I32_SUB : Op.I32_ADD);
    } else if (e instanceof Expr.PointerDiff p) {
      value(p.left());
      value(p.right());
      code.op(Op.I32_SUB);
      if (p.elementSize() > 1) {
        if (Integer.bitCount(p.elementSize()) == 1) {
          code.i32Const(Integer.numberOfTrailingZeros(p.elementSize())).op(Op.I32_SHR_S);
        } else {
          code.i32Const(p.elementSize()).op(Op.I32_DIV_S);
        }
      }
    } else if (e instanceof Expr.Assign a) {
      assign(a, true);
    } else if (e instanceof Expr.CompoundAssign a) {
      compoundAssign(a, true);
    } else if (e instanceof Expr.IncDec i) {
      incDec(i, true);
    } else if (e instanceof Expr.Cast c) {
      if (c.type().isVoid()) {
        discard(c.operand());
      } else {
        value(c.operand());
        convert(c.operand().type(), c.type());
      }
    } else if (e instanceof Expr.Conditional c) {
      condition(c.condition());
      ifThen(Abi.valType(c.type()));
      if (c.type().isVoid()) discard(c.then()); else value(c.then());
      code.elseBranch();
      if (c.type().isVoid()) discard(c.otherwise()); else value(c.otherwise());
      close();
    } else if (e instanceof Expr.Comma c) {
      discard(c.left());
      value(c.right());
    } else if (e instanceof Expr.StmtExpr s) {
      statement(s.body());
      if (s.result() != null) value(s.result());
    } else if (e instanceof Expr.Call c) {
      call(c, true);
    } else if (e instanceof Expr.CompoundLiteral c) {
      load(c.type(), addressParts(c));
    } else if (e instanceof Expr.VaStart v) {
      address(v.list());
      code.localGet(varargs).mem(MemOp.I32_STORE, 0);
    } else if (e instanceof Expr.VaArg v) {
      vaArg(v);
    } else if (e instanceof Expr.Builtin b) {
      builtin(b);
    } else {
      throw new IllegalStateException("unexpected expression " + e);
    }
  }

  private void functionOrArrayAddress(Expr operand) {
    if (operand instanceof Expr.VarRef v && v.type() instanceof FunctionType) {
      code.i32Const(module.tableIndex(v.symbol()));
    } else if (operand instanceof Expr.Deref d && d.type() instanceof FunctionType) {
      value(d.pointer());
    } else {
      address(operand);
    }
  }

  /** Pushes index * size as an i32 (the index may be 64-bit). */
  private void scaledIndex(Expr index, int size) {
    if (index instanceof Expr.IntConst c) {
      code.i32Const((int) (c.value() * size));
      return;
    }
    value(index);
    if (Abi.isWide(index.type())) code.op(Op.I32_WRAP_I64);
    if (size == 1) return;
    if (Integer.bitCount(size) == 1) {
      code.i32Const(Integer.numberOfTrailingZeros(size)).op(Op.I32_SHL);
    } else {
      code.i32Const(size).op(Op.I32_MUL);
    }
  }

  private void unary(Expr.Unary u) {
    boolean wide = Abi.isWide(u.operand().type());
    switch (u.op()) {
      case NEG -> {
        if (wide) code.i64Const(0); else code.i32Const(0);
        value(u.operand());
        code.op(wide ? Op.I64_SUB : Op.I32_SUB);
      }
      case BIT_NOT -> {
        value(u.operand());
        if (wide) code.i64Const(-1).op(Op.I64_XOR); else code.i32Const(-1).op(Op.I32_XOR);
      }
      case LOG_NOT -> {
        value(u.operand());
        code.op(wide ? Op.I64_EQZ : Op.I32_EQZ);
      }
    }
  }

  private void binary(Expr.Binary b) {
    switch (b.op()) {
      case LOG_AND -> {
        bool(b.left());
        ifThen(ValType.I32);
        bool(b.right());
        code.elseBranch();
        code.i32Const(0);
        close();
        return;
      }
      case LOG_OR -> {
        bool(b.left());
        ifThen(ValType.I32);
        code.i32Const(1);
        code.elseBranch();
        bool(b.right());
        close();
        return;
      }
      default -> { }
    }
    Type t = b.left().type();
    value(b.left());
    value(b.right());
    if (b.op() == BinaryOp.SHL || b.op() == BinaryOp.SHR) {
      boolean lw = Abi.isWide(t), rw = Abi.isWide(b.right().type());
      if (lw && !rw) code.op(Op.I64_EXTEND_I32_U);
      if (!lw && rw) code.op(Op.I32_WRAP_I64);
    }
    code.op(arithmetic(b.op(), t));
  }

  /** The wasm operator for a C operator on operands of type t. */
  private static Op arithmetic(BinaryOp op, Type t) {
    boolean w = Abi.isWide(t);
    boolean u = Abi.isUnsigned(t);
    return switch (op) {
      case ADD -> w ? Op.I64_ADD : Op.I32_ADD;
      case SUB -> w ? Op.I64_SUB : Op.I32_SUB;
      case MUL -> w ? Op.I64_MUL : Op.I32_MUL;
      case DIV -> w ? (u ? Op.I64_DIV_U : Op.I64_DIV_S) : (u ? Op.I32_DIV_U : Op.I32_DIV_S);
      case MOD -> w ? (u ? Op.I64_REM_U : Op.I64_REM_S) : (u ? Op.I32_REM_U : Op.I32_REM_S);
      case SHL -> w ? Op.I64_SHL : Op.I32_SHL;
      case SHR -> w ? (u ? Op.I64_SHR_U : Op.I64_SHR_S) : (u ? Op.I32_SHR_U : Op.I32_SHR_S);
      case AND -> w ? Op.I64_AND : Op.I32_AND;
      case OR -> w ? Op.I64_OR : Op.I32_OR;
      case XOR -> w ? Op.I64_XOR : Op.I32_XOR;
      case EQ -> w ? Op.I64_EQ : Op.I32_EQ;
      case NE -> w ? Op.I64_NE : Op.I32_NE;
      case LT -> w ? (u ? Op.I64_LT_U : Op.I64_LT_S) : (u ? Op.I32_LT_U : Op.I32_LT_S);
      case GT -> w ? (u ? Op.I64_GT_U : Op.I64_GT_S) : (u ? Op.I32_GT_U : Op.I32_GT_S);
      case LE -> w ? (u ? Op.I64_LE_U : Op.I64_LE_S) : (u ? Op.I32_LE_U : Op.I32_LE_S);
      case GE -> w ? (u ? Op.I64_GE_U : Op.I64_GE_S) : (u ? Op.I32_GE_U : Op.I32_GE_S);
      default -> throw new IllegalArgumentException(op.toString());
    };
  }

  /** Converts the value on the stack from one scalar type to another (C99 6.3.1). */
  private void convert(Type from, Type to) {
    if (to.isVoid()) {
      if (!from.isVoid()) code.op(Op.DROP);
      return;
    }
    if (from.isStruct() || to.isStruct() || from.equals(to)) return;
    boolean fw = Abi.isWide(from), tw = Abi.isWide(to);
    if (to == IntType.BOOL) {
      if (from == IntType.BOOL) return;
      if (fw) code.i64Const(0).op(Op.I64_NE);
      else code.i32Const(0).op(Op.I32_NE);
      return;
    }
    if (!fw && tw) {
      code.op(Abi.isUnsigned(from) ? Op.I64_EXTEND_I32_U : Op.I64_EXTEND_I32_S);
      return;
    }
    if (fw && !tw) code.op(Op.I32_WRAP_I64);
    if (tw) return;
    if (to instanceof IntType t && t.size() < 4 && !fits(from, t)) {
      switch (t) {
        case CHAR, SCHAR -> code.op(Op.I32_EXTEND8_S);
        case UCHAR -> code.i32Const(0xFF).op(Op.I32_AND);
        case SHORT -> code.op(Op.I32_EXTEND16_S);
        case USHORT -> code.i32Const(0xFFFF).op(Op.I32_AND);
        default -> { }
      }
    }
  }

  /** True if every value of {@code from} is a value of {@code to} (no narrowing code needed). */
  private static boolean fits(Type from, IntType to) {
    if (!(from instanceof IntType f) || f.isWide()) return false;
    if (f == IntType.BOOL) return true;
    if (f.size() < to.size()) return to.isSigned() || !f.isSigned();
    return f.size() == to.size() && f.isSigned() == to.isSigned();
  }

  private void assign(Expr.Assign a, boolean want) {
    Expr target = a.target();
    if (target instanceof Expr.Member m && m.bits() != null) {
      int base = temp(ValType.I32);
      int offset = addressParts(target);
      code.localSet(base);
      value(a.value());
      storeBitField(m.bits(), m.type(), base, offset, want);
      release(ValType.I32, base);
      return;
    }
    if (isRegisterRef(target)) {
      value(a.value());
      if (want) code.localTee(registerOf(target));
      else code.localSet(registerOf(target));
      return;
    }
    if (target.type() instanceof StructType st) {
      int dst = temp(ValType.I32);
      address(target);
      code.localTee(dst);
      address(a.value());
      copy(st);
      if (want) code.localGet(dst);
      release(ValType.I32, dst);
      return;
    }
    int offset = addressParts(target);
    value(a.value());
    storeKeeping(target.type(), offset, want);
  }

  /** Stores the value on the stack at base+offset; with {@code want}, leaves the value pushed. */
  private void storeKeeping(Type t, int offset, boolean want) {
    if (want) {
      ValType vt = Abi.valType(t);
      int tmp = temp(vt);
      code.localTee(tmp);
      code.mem(Abi.store(t), offset);
      code.localGet(tmp);
      release(vt, tmp);
    } else {
      code.mem(Abi.store(t), offset);
    }
  }

  private void compoundAssign(Expr.CompoundAssign a, boolean want) {
    Type t = a.target().type();
    Runnable combine = () -> {
      if (t instanceof PointerType p) {
        scaledIndex(a.value(), elementSize(p));
        code.op(a.op() == BinaryOp.SUB ? Op.I32_SUB : Op.I32_ADD);
        return;
      }
      Type ct = a.computeType();
      convert(t, ct);
      value(a.value());
      if (a.op() == BinaryOp.SHL || a.op() == BinaryOp.SHR) {
        boolean lw = Abi.isWide(ct), rw = Abi.isWide(a.value().type());
        if (lw && !rw) code.op(Op.I64_EXTEND_I32_U);
        if (!lw && rw) code.op(Op.I32_WRAP_I64);
      }
      code.op(arithmetic(a.op(), ct));
      convert(ct, t);
    };
    if (isRegisterRef(a.target())) {
      int r = registerOf(a.target());
      code.localGet(r);
      combine.run();
      if (want) code.localTee(r); else code.localSet(r);
      return;
    }
    int base = temp(ValType.I32);
    int offset = addressParts(a.target());
    if (a.target() instanceof Expr.Member m && m.bits() != null) {
      code.localTee(base);
      loadBitField(m.bits(), t, offset);
      combine.run();
      storeBitField(m.bits(), t, base, offset, want);
      release(ValType.I32, base);
      return;
    }
    code.localTee(base).localGet(base);
    load(t, offset);
    combine.run();
    storeKeeping(t, offset, want);
    release(ValType.I32, base);
  }

  private void incDec(Expr.IncDec i, boolean want) {
    Type t = i.target().type();
    boolean wide = Abi.isWide(t);
    ValType vt = Abi.valType(t);
    int step = t instanceof PointerType p ? elementSize(p) : 1;
    Runnable apply = () -> {
      if (wide) code.i64Const(step).op(i.increment() ? Op.I64_ADD : Op.I64_SUB);
      else code.i32Const(step).op(i.increment() ? Op.I32_ADD : Op.I32_SUB);
      convert(wide ? IntType.LLONG : IntType.INT, t instanceof PointerType ? IntType.INT : t);
    };
    if (isRegisterRef(i.target())) {
      int r = registerOf(i.target());
      if (want && !i.prefix()) code.localGet(r);
      code.localGet(r);
      apply.run();
      if (want && i.prefix()) code.localTee(r); else code.localSet(r);
      return;
    }
    int base = temp(ValType.I32);
    int offset = addressParts(i.target());
    if (i.target() instanceof Expr.Member m && m.bits() != null) {
      code.localTee(base);
      loadBitField(m.bits(), t, offset);
      int old = -1;
      if (want && !i.prefix()) {
        old = temp(vt);
        code.localTee(old);
      }
      apply.run();
      storeBitField(m.bits(), t, base, offset, want && i.prefix());
      if (old >= 0) {
        code.localGet(old);
        release(vt, old);
      }
      release(ValType.I32, base);
      return;
    }
    code.localTee(base).localGet(base);
    load(t, offset);
    int old = -1;
    if (want && !i.prefix()) {
      old = temp(vt);
      code.localTee(old);
    }
    apply.run();
    if (want && i.prefix()) {
      storeKeeping(t, offset, true);
    } else {
      code.mem(Abi.store(t), offset);
      if (old >= 0) {
        code.localGet(old);
        release(vt, old);
      }
    }
    release(ValType.I32, base);
  }

  // A bit-field is read and written through its storage unit: loaded whole (zero-extended),
  // shifted and masked or sign-extended; stored by clearing its bits and or-ing the new ones in.

  private static MemOp unitLoad(StructType.BitField b) {
    return switch (b.unit().size()) {
      case 1 -> MemOp.I32_LOAD8_U;
      case 2 -> MemOp.I32_LOAD16_U;
      case 4 -> MemOp.I32_LOAD;
      default -> MemOp.I64_LOAD;
    };
  }

  private static MemOp unitStore(StructType.BitField b) {
    return switch (b.unit().size()) {
      case 1 -> MemOp.I32_STORE8;
      case 2 -> MemOp.I32_STORE16;
      case 4 -> MemOp.I32_STORE;
      default -> MemOp.I64_STORE;
    };
  }

  /** Reads bit-field {@code b} of the unit at base+offset (the base on the stack) as a value of type {@code t}. */
  private void loadBitField(StructType.BitField b, Type t, int offset) {
    boolean wideUnit = b.unit().size() == 8;
    code.mem(unitLoad(b), offset);
    int n = wideUnit ? 64 : 32;
    if (b.isSigned()) {
      shift(wideUnit, Op.I64_SHL, Op.I32_SHL, n - b.shift() - b.width());
      shift(wideUnit, Op.I64_SHR_S, Op.I32_SHR_S, n - b.width());
    } else {
      shift(wideUnit, Op.I64_SHR_U, Op.I32_SHR_U, b.shift());
      mask(wideUnit, b.width() < n, b.mask());
    }
    if (wideUnit && !Abi.isWide(t)) code.op(Op.I32_WRAP_I64);
    // a packed field's unit may be narrower than its type: the value, extended as loaded
    if (!wideUnit && Abi.isWide(t)) code.op(b.isSigned() ? Op.I64_EXTEND_I32_S : Op.I64_EXTEND_I32_U);
  }

  /**
   * Stores the value on the stack (of type {@code t}) into bit-field {@code b} of the unit at
   * the address in local {@code base} plus {@code offset}; with {@code want}, leaves the
   * field's new value pushed (the stored bits, sign- or zero-extended).
   */
  private void storeBitField(StructType.BitField b, Type t, int base, int offset, boolean want) {
    boolean wideUnit = b.unit().size() == 8;
    boolean wideValue = Abi.isWide(t);
    ValType vt = Abi.valType(t);
    int v = temp(vt);
    code.localSet(v);
    code.localGet(base);
    code.localGet(base).mem(unitLoad(b), offset);
    if (wideUnit) code.i64Const(~(b.mask() << b.shift())).op(Op.I64_AND);
    else code.i32Const((int) ~(b.mask() << b.shift())).op(Op.I32_AND);
    code.localGet(v);
    if (wideUnit && !wideValue) code.op(Op.I64_EXTEND_I32_U);
    if (!wideUnit && wideValue) code.op(Op.I32_WRAP_I64);
    mask(wideUnit, true, b.mask());
    shift(wideUnit, Op.I64_SHL, Op.I32_SHL, b.shift());
    code.op(wideUnit ? Op.I64_OR : Op.I32_OR);
    code.mem(unitStore(b), offset);
    if (want) {
      code.localGet(v);
      int n = wideValue ? 64 : 32;
      if (b.isSigned()) {
        shift(wideValue, Op.I64_SHL, Op.I32_SHL, n - b.width());
        shift(wideValue, Op.I64_SHR_S, Op.I32_SHR_S, n - b.width());
      } else {
        mask(wideValue, b.width() < n, b.mask());
      }
    }
    release(vt, v);
  }

  private void shift(boolean wide, Op op64, Op op32, int count) {
    if (count == 0) return;
    if (wide) code.i64Const(count).op(op64);
    else code.i32Const(count).op(op32);
  }

  private void mask(boolean wide, boolean needed, long mask) {
    if (!needed) return;
    if (wide) code.i64Const(mask).op(Op.I64_AND);
    else code.i32Const((int) mask).op(Op.I32_AND);
  }

  private void vaArg(Expr.VaArg v) {
    Type t = v.type();
    int list = temp(ValType.I32);
    int p = temp(ValType.I32);
    address(v.list());
    code.localTee(list).mem(MemOp.I32_LOAD, 0);
    if (Abi.varargAlign(t) > 4) code.i32Const(7).op(Op.I32_ADD).i32Const(-8).op(Op.I32_AND);
    code.localSet(p);
    code.localGet(list).localGet(p).i32Const(Abi.varargSize(t)).op(Op.I32_ADD).mem(MemOp.I32_STORE, 0);
    code.localGet(p);
    load(t, 0);
    release(ValType.I32, p);
    release(ValType.I32, list);
  }

  private void builtin(Expr.Builtin b) {
    if (Builtins.isBitCount(b.name())) {
      Expr arg = b.args().get(0);
      value(arg);
      boolean wide = Abi.isWide(arg.type());
      String n = b.name();
      if (n.contains("clz")) code.op(wide ? Op.I64_CLZ : Op.I32_CLZ);
      else if (n.contains("ctz")) code.op(wide ? Op.I64_CTZ : Op.I32_CTZ);
      else code.op(wide ? Op.I64_POPCNT : Op.I32_POPCNT);
      if (wide) code.op(Op.I32_WRAP_I64);
      return;
    }
    switch (b.name()) {
      case Builtins.EXIT -> {
        value(b.args().get(0));
        code.globalSet(module.exitCodeGlobal());
        code.i32Const(1).globalSet(module.exitingGlobal());
        unwind();
      }
      case Builtins.TRAP, Builtins.UNREACHABLE -> code.op(Op.UNREACHABLE);
      case Builtins.HEAP_BASE -> code.i32Const(module.heapBase());
      case Builtins.STACK_POINTER -> code.globalGet(module.spGlobal());
      case Builtins.SET_STACK_POINTER -> {
        value(b.args().get(0));
        if (usesAlloca) {
          code.op(Op.DROP); // alloca's storage lies below the arrays and lives until the return
        } else {
          code.globalSet(module.spGlobal());
        }
      }
      case Builtins.VLA_ALLOC, Builtins.ALLOCA -> vlaAlloc(b.args().get(0));
      case Builtins.MEMORY_SIZE -> code.memorySize().i32Const(16).op(Op.I32_SHL);
      case Builtins.SETJMP -> setjmp(b);
      case Builtins.LONGJMP -> longjmp(b);
      case Builtins.F32_BITS, Builtins.F64_BITS, Builtins.BITS_F32, Builtins.BITS_F64 -> value(b.args().get(0));
      default -> throw new IllegalStateException("unknown builtin " + b.name());
    }
  }

  /**
   * Storage for a variable-length array: the stack pointer goes down by the size, to a
   * multiple of 16, below this function's frame (the function restores it when it returns).
   * A size that would reach the static data traps as a frame too large would, also when the
   * size is larger than the whole stack (the subtraction would wrap).
   */
  private void vlaAlloc(Expr size) {
    int bytes = temp(ValType.I32);
    int sp = temp(ValType.I32);
    value(size);
    code.localSet(bytes);
    code.globalGet(module.spGlobal()).localTee(sp).localGet(bytes).op(Op.I32_SUB).i32Const(-16).op(Op.I32_AND)
        .localSet(sp);
    code.block(null);
    code.localGet(bytes).globalGet(module.spGlobal()).i32Const(module.heapBase()).op(Op.I32_SUB).op(Op.I32_GT_U);
    code.localGet(sp).i32Const(module.heapBase()).op(Op.I32_LT_U).op(Op.I32_OR);
    code.op(Op.I32_EQZ).brIf(0).call(module.stackOverflowFunction()).end();
    code.localGet(sp).globalSet(module.spGlobal());
    code.localGet(sp);
    release(ValType.I32, sp);
    release(ValType.I32, bytes);
  }

  /**
   * setjmp: when a longjmp is resuming at this site, its value; otherwise stores the
   * activation, the site and the stack pointer in the buffer and yields 0.
   */
  private void setjmp(Expr.Builtin b) {
    if (activation < 0) { // no longjmp in the program: nothing resumes here
      discard(b.args().get(0));
      code.i32Const(0);
      return;
    }
    int site = setjmpSites.get(b);
    code.localGet(resumeSite).i32Const(site).op(Op.I32_EQ);
    ifThen(ValType.I32);
    code.i32Const(0).localTee(resumeSite).localSet(gotoTarget()); // arrived
    code.globalGet(module.longjmp().value());
    code.elseBranch();
    int env = temp(ValType.I32);
    value(b.args().get(0));
    code.localTee(env).localGet(activation).mem(MemOp.I32_STORE, 0);
    code.localGet(env).i32Const(site).mem(MemOp.I32_STORE, 4);
    code.localGet(env).globalGet(module.spGlobal()).mem(MemOp.I32_STORE, 8);
    release(ValType.I32, env);
    code.i32Const(0);
    close();
  }

  /** longjmp: sets the target from the buffer, the value (1 for 0) and the exiting flag, and unwinds. */
  private void longjmp(Expr.Builtin b) {
    CodeGenerator.Longjmp globals = module.longjmp();
    int env = temp(ValType.I32);
    value(b.args().get(0));
    code.localTee(env).mem(MemOp.I32_LOAD, 0).globalSet(globals.target());
    code.localGet(env).mem(MemOp.I32_LOAD, 4).globalSet(globals.site());
    code.localGet(env).mem(MemOp.I32_LOAD, 8).globalSet(globals.stackPointer());
    release(ValType.I32, env);
    value(b.args().get(1));
    code.localTee(env).i32Const(1).localGet(env).op(Op.SELECT).globalSet(globals.value());
    code.i32Const(1).globalSet(module.exitingGlobal());
    exitTest();
  }

  /**
   * After a call that may exit or longjmp: returns at once if the program is exiting, unless
   * a longjmp targets this activation, which resumes at its setjmp site (through the dispatch
   * of goto) with the stack pointer of that setjmp.
   */
  private void exitTest() {
    code.globalGet(module.exitingGlobal());
    ifThen(null);
    if (activation >= 0) {
      CodeGenerator.Longjmp globals = module.longjmp();
      code.globalGet(globals.target()).localGet(activation).op(Op.I32_EQ);
      ifThen(null);
      code.i32Const(0).globalSet(module.exitingGlobal());
      code.i32Const(0).globalSet(globals.target());
      code.globalGet(globals.stackPointer()).globalSet(module.spGlobal());
      code.globalGet(globals.site()).localTee(resumeSite).localSet(gotoTarget());
      code.br(depth(siteDispatch()));
      close();
    }
    unwind();
    close();
  }

  /** The innermost goto dispatch that reaches every setjmp site (the function body's at least). */
  private Ctl siteDispatch() {
    int lo = java.util.Collections.min(setjmpSites.values()), hi = java.util.Collections.max(setjmpSites.values());
    for (Ctl c : ctl) if (c.kind == Kind.DISPATCH && c.labels[0] <= lo && hi <= c.labels[1]) return c;
    throw new IllegalStateException("no dispatch reaches the setjmp sites");
  }

  /** Returns at once because the program is exiting: main returns the exit status. */
  private void unwind() {
    if (isMain && module.longjmp() != null) {
      // a longjmp whose target has not been found: its function has returned
      code.globalGet(module.longjmp().target());
      ifThen(null);
      code.call(module.longjmp().lost());
      close();
    }
    epilogue();
    if (isMain && !type.result().isVoid()) {
      code.globalGet(module.exitCodeGlobal());
    } else {
      pushZero(type.result());
    }
    code.op(Op.RETURN);
  }

  private void call(Expr.Call c, boolean want) {
    FunctionType ft = c.function();
    Symbol direct = c.callee() instanceof Expr.VarRef v && v.type() instanceof FunctionType ? v.symbol() : null;
    if (direct != null && ft.prototyped() && inlineCall(c, direct, want)) return;
    FunctionType callee = ft;
    if (direct != null && !ft.prototyped()) {
      FunctionDef d = module.definition(direct);
      Symbol resolved = module.resolve(direct);
      FunctionType actual = d != null ? (FunctionType) d.symbol().type() : (FunctionType) resolved.type();
      if (actual.prototyped() || d != null) {
        if (actual.variadic()) {
          // C11 6.5.2.2p6: undefined; the caller would not know to pass the variable arguments in memory
          throw error(c.pos(), "call to variadic function '" + direct.name()
              + "' without a prototype in scope (declare it, or include its header)");
        }
        int expected = actual.params().size();
        if (c.args().size() < expected || (c.args().size() > expected && !actual.variadic())) {
          throw error(c.pos(), "call to '" + direct.name() + "' with " + c.args().size()
              + " argument(s), but its definition takes " + expected);
        }
        callee = actual;
      }
    }
    int sretOffset = -1;
    if (Abi.returnsViaPointer(callee)) {
      StructType st = (StructType) callee.result();
      sretOffset = allocate(st.size(), st.align());
      code.localGet(fp);
      addOffset(sretOffset);
    }
    int fixed = callee.prototyped() || callee != ft ? callee.params().size() : c.args().size();
    for (int i = 0; i < fixed; i++) {
      Expr arg = c.args().get(i);
      argument(arg);
      if (callee != ft) convert(arg.type(), callee.params().get(i));
    }
    if (callee.variadic()) {
      List<Expr> extras = c.args().subList(fixed, c.args().size());
      if (extras.isEmpty()) {
        code.i32Const(0);
      } else {
        int size = 0;
        int[] offsets = new int[extras.size()];
        for (int i = 0; i < extras.size(); i++) {
          Type t = extras.get(i).type();
          size = (size + Abi.varargAlign(t) - 1) / Abi.varargAlign(t) * Abi.varargAlign(t);
          offsets[i] = size;
          size += Abi.varargSize(t);
        }
        int area = allocate(size, 8);
        for (int i = 0; i < extras.size(); i++) {
          Expr arg = extras.get(i);
          if (arg.type() instanceof StructType st) {
            code.localGet(fp);
            addOffset(area + offsets[i]);
            address(arg);
            copy(st);
          } else {
            code.localGet(fp);
            value(arg);
            code.mem(Abi.store(arg.type()), area + offsets[i]);
          }
        }
        code.localGet(fp);
        addOffset(area);
      }
    }
    boolean mayExit;
    if (direct != null) {
      code.call(module.functionIndex(direct));
      mayExit = module.mayExit(direct);
    } else {
      value(c.callee());
      module.noteIndirectCall();
      code.callIndirect(module.module().type(Abi.signature(callee.prototyped() ? callee : passed(callee, c))));
      mayExit = module.indirectCallsMayExit();
    }
    if (mayExit) exitTest();
    if (sretOffset >= 0) {
      if (want) {
        code.localGet(fp);
        addOffset(sretOffset);
      }
    } else if (!want && !callee.result().isVoid()) {
      code.op(Op.DROP);
    }
  }

  /**
   * The type an unprototyped call through a pointer passes: its promoted arguments (as sema
   * converted them), which is the type of the function it reaches if the program is correct.
   */
  private static FunctionType passed(FunctionType unprototyped, Expr.Call c) {
    List<Type> args = new ArrayList<>();
    for (Expr a : c.args()) args.add(a.type());
    return new FunctionType(unprototyped.result(), args, false, true);
  }

  /**
   * Expands a call of a small function in place, if it may be (see
   * {@link CodeGenerator#inlineCandidate}): the arguments are evaluated in order, as for a
   * call (sema converted them to the parameter types), and stored into the callee's parameters,
   * which, like its locals, become locals of this function; the body runs in a block that its
   * return statements leave with the value. Returns false if the call must stay a call.
   */
  private boolean inlineCall(Expr.Call c, Symbol direct, boolean want) {
    FunctionDef callee = module.inlineCandidate(direct);
    if (callee == null || callee == def || inlining.size() >= INLINE_DEPTH_LIMIT) return false;
    for (Inlined in : inlining) if (in.def() == callee) return false; // recursion
    FunctionType ft = (FunctionType) callee.symbol().type();
    if (c.args().size() != ft.params().size()) return false;
    // A parameter the callee never assigns, passed a register variable of this function
    // that no argument assigns, reads that variable directly (the callee cannot name it, so
    // it keeps its value through the body); the other arguments are evaluated in order and
    // copied into the parameters.
    Set<Symbol> assignedInCallee = assignedVariables(callee.body());
    Set<Symbol> assignedInArgs = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Expr arg : c.args()) assignedVariables(arg, assignedInArgs);
    List<Symbol> params = callee.params();
    int[] aliases = new int[params.size()];
    for (int i = 0; i < params.size(); i++) {
      Expr arg = c.args().get(i);
      Symbol p = params.get(i);
      aliases[i] = -1;
      if (arg instanceof Expr.VarRef v && isRegisterRef(v) && !assignedInArgs.contains(v.symbol())
          && !assignedInCallee.contains(p) && Abi.valType(v.type()) == Abi.valType(p.type())) {
        aliases[i] = registerOf(v);
      } else {
        value(arg);
      }
    }
    // The callee's parameters and locals take temporaries, given back after the body: every
    // local of this function costs its prologue a CONST 0 per call, so expansions that do
    // not overlap share them.
    List<int[]> taken = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      Symbol p = params.get(i);
      int local = aliases[i];
      if (local < 0) {
        local = temp(Abi.valType(p.type()));
        taken.add(new int[] {local, Abi.isWide(p.type()) ? 1 : 0});
      }
      storage.put(p, new Local(local));
    }
    for (Symbol l : callee.locals()) {
      int local = temp(Abi.valType(l.type()));
      taken.add(new int[] {local, Abi.isWide(l.type()) ? 1 : 0});
      storage.put(l, new Local(local));
    }
    for (int i = params.size() - 1; i >= 0; i--) {
      if (aliases[i] < 0) code.localSet(((Local) storage.get(params.get(i))).index());
    }
    Type result = ft.result();
    List<Stmt> body = callee.body().statements();
    Stmt last = body.isEmpty() ? null : body.get(body.size() - 1);
    boolean endsInReturn = last instanceof Stmt.Return r && (r.value() != null || result.isVoid());
    boolean needsBlock = false;
    for (int i = 0; i < body.size() - (endsInReturn ? 1 : 0); i++) needsBlock |= containsReturn(body.get(i));
    Ctl exit = null;
    if (needsBlock) {
      exit = new Ctl(Kind.PLAIN, null);
      code.block(Abi.valType(result));
      ctl.push(exit);
    }
    inlining.push(new Inlined(callee, exit, result));
    try {
      for (int i = 0; i < body.size() - (endsInReturn ? 1 : 0); i++) statement(body.get(i));
      if (endsInReturn) {
        Stmt.Return r = (Stmt.Return) last;
        if (r.value() != null) value(r.value());
      } else {
        pushZero(result); // falling off the end, as for a call
      }
    } finally {
      inlining.pop();
    }
    if (needsBlock) close();
    for (int[] t : taken) release(t[1] == 1 ? ValType.I64 : ValType.I32, t[0]);
    if (!want && !result.isVoid()) code.op(Op.DROP);
    return true;
  }

  private static Set<Symbol> assignedVariables(Stmt body) {
    Set<Symbol> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    AstWalker.expressions(body, e -> assignedVariables(e, out));
    return out;
  }

  /** Adds the variables that an expression (at any depth) assigns, increments or decrements. */
  private static void assignedVariables(Expr e, Set<Symbol> out) {
    AstWalker.expressions(e, x -> {
      Expr target = null;
      if (x instanceof Expr.Assign a) target = a.target();
      if (x instanceof Expr.CompoundAssign a) target = a.target();
      if (x instanceof Expr.IncDec i) target = i.target();
      if (x instanceof Expr.AddressOf a) target = a.operand();
      if (target instanceof Expr.VarRef v) out.add(v.symbol());
    });
  }

  private static boolean containsReturn(Stmt s) {
    if (s == null) return false;
    if (s instanceof Stmt.Return) return true;
    if (s instanceof Stmt.Block b) {
      for (Stmt c : b.statements()) if (containsReturn(c)) return true;
      return false;
    }
    if (s instanceof Stmt.If i) return containsReturn(i.then()) || containsReturn(i.otherwise());
    if (s instanceof Stmt.While w) return containsReturn(w.body());
    if (s instanceof Stmt.DoWhile d) return containsReturn(d.body());
    if (s instanceof Stmt.For f) return containsReturn(f.init()) || containsReturn(f.body());
    return false;
  }

  private void argument(Expr arg) {
    if (arg.type() instanceof StructType st) {
      int offset = allocate(st.size(), st.align());
      code.localGet(fp);
      addOffset(offset);
      address(arg);
      copy(st);
      code.localGet(fp);
      addOffset(offset);
    } else {
      value(arg);
    }
  }
}
