package dev.wasmformer.c.sema;

import dev.wasmformer.c.ast.Expr;
import dev.wasmformer.c.ast.Expr.AddressOf;
import dev.wasmformer.c.ast.Expr.Assign;
import dev.wasmformer.c.ast.Expr.Cast;
import dev.wasmformer.c.ast.Expr.Comma;
import dev.wasmformer.c.ast.Expr.Deref;
import dev.wasmformer.c.ast.Expr.IntConst;
import dev.wasmformer.c.ast.Expr.PointerAdd;
import dev.wasmformer.c.ast.Expr.VarRef;
import dev.wasmformer.c.ast.Symbol;
import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.type.ArrayType;
import dev.wasmformer.c.type.FunctionType;
import dev.wasmformer.c.type.IntType;
import dev.wasmformer.c.type.PointerType;
import dev.wasmformer.c.type.Type;
import dev.wasmformer.c.type.VoidType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * gcc's {@code __atomic_*} and {@code __sync_*} builtins. A program runs on one thread, so each
 * is plain reads and writes in program order (as {@code <stdatomic.h>}'s macros are): its
 * arguments are evaluated once, first (the {@code __sync} forms' optional trailing arguments,
 * gcc's list of protected variables, not at all), then the object is read and written. No new
 * node: the result is commas, assignments and temporaries. Every memory order is met by program
 * order; it is evaluated and otherwise ignored.
 *
 * <p>Types as gcc checks them: the {@code _n}, fetch and {@code __sync} forms take a pointer to
 * an integer or pointer of 1, 2, 4 or 8 bytes (not {@code _Bool} for arithmetic) and give that
 * type; arithmetic wraps around, and on a pointer it counts bytes (gcc computes it as
 * {@code uintptr_t}). The generic {@code __atomic_load}, {@code store}, {@code exchange} and
 * {@code compare_exchange} copy objects of any complete type through pointers to objects of
 * the same size; a compare-exchange compares bytes (so -0.0 is not 0.0).
 */
final class AtomicBuiltins {
  private static final PointerType BYTES = new PointerType(IntType.UCHAR);

  /** The arithmetic of the fetch forms: gcc's spelling to C's operator ("nand" is {@code ~(a & b)}). */
  private static final Map<String, String> OPERATORS =
      Map.of("add", "+", "sub", "-", "and", "&", "or", "|", "xor", "^", "nand", "nand");

  private final Sema sema;

  AtomicBuiltins(Sema sema) {
    this.sema = sema;
  }

  /** The number of arguments {@code name} takes (the {@code __sync} forms accept more), or -1. */
  static int arity(String name) {
    return switch (name) {
      case "__atomic_thread_fence", "__atomic_signal_fence", "__sync_lock_release" -> 1;
      case "__atomic_load_n", "__atomic_test_and_set", "__atomic_clear", "__atomic_always_lock_free",
          "__atomic_is_lock_free", "__sync_lock_test_and_set" -> 2;
      case "__atomic_store_n", "__atomic_exchange_n", "__atomic_load", "__atomic_store",
          "__sync_bool_compare_and_swap", "__sync_val_compare_and_swap" -> 3;
      case "__atomic_exchange" -> 4;
      case "__atomic_compare_exchange_n", "__atomic_compare_exchange" -> 6;
      case "__sync_synchronize" -> 0;
      default -> fetchOperator(name) == null ? -1 : name.startsWith("__sync") ? 2 : 3;
    };
  }

  /**
   * The operator of a fetch form, null for other names: {@code __atomic_fetch_OP},
   * {@code __atomic_OP_fetch}, {@code __sync_fetch_and_OP}, {@code __sync_OP_and_fetch}.
   */
  private static String fetchOperator(String name) {
    String op = null;
    if (name.startsWith("__atomic_fetch_")) op = name.substring("__atomic_fetch_".length());
    else if (name.startsWith("__sync_fetch_and_")) op = name.substring("__sync_fetch_and_".length());
    else if (name.startsWith("__atomic_") && name.endsWith("_fetch")) {
      op = name.substring("__atomic_".length(), name.length() - "_fetch".length());
    } else if (name.startsWith("__sync_") && name.endsWith("_and_fetch")) {
      op = name.substring("__sync_".length(), name.length() - "_and_fetch".length());
    }
    return op == null ? null : OPERATORS.get(op);
  }

  Expr call(String name, List<Expr> written, SourcePos pos) {
    int n = arity(name);
    boolean variadic = name.startsWith("__sync") && n > 0;
    if (written.size() < n || (written.size() > n && !variadic)) {
      return sema.error(pos, (written.size() < n ? "too few" : "too many") + " arguments to function '" + name + "'");
    }
    List<Expr> args = new ArrayList<>();
    for (Expr a : written.subList(0, n)) {
      Expr v = sema.rvalue(a);
      if (v.type().isError()) return v;
      args.add(v);
    }
    Sequence s = new Sequence(pos);
    String op = fetchOperator(name);
    if (op != null) {
      Type t = scalarTarget(name, args.get(0), true, pos);
      if (t == null) return poisoned(pos);
      boolean after = name.endsWith("_fetch");
      return fetch(s, t, args, op, after);
    }
    return switch (name) {
      case "__atomic_thread_fence", "__atomic_signal_fence", "__sync_synchronize" -> {
        args.forEach(s::order);
        yield s.end(null);
      }
      case "__atomic_always_lock_free" -> alwaysLockFree(name, args, pos);
      case "__atomic_is_lock_free" -> isLockFree(args, pos);
      case "__atomic_test_and_set", "__atomic_clear" -> flag(s, name, args);
      case "__atomic_load", "__atomic_store", "__atomic_exchange", "__atomic_compare_exchange" ->
          generic(s, name, args);
      default -> {
        Type t = scalarTarget(name, args.get(0), false, pos);
        if (t == null) yield poisoned(pos);
        yield scalar(s, name, t, args);
      }
    };
  }

  /** The integer or pointer type {@code pointer} points to, or null after the error gcc gives. */
  private Type scalarTarget(String name, Expr pointer, boolean arithmetic, SourcePos pos) {
    Type t = pointer.type() instanceof PointerType p ? p.target() : null;
    boolean fits = t != null && (t instanceof IntType || t instanceof PointerType)
        && !(arithmetic && t == IntType.BOOL);
    if (fits) return t;
    sema.error(pos, "operand type '" + pointer.type().spell() + "' is incompatible with argument 1 of '"
        + name + "'");
    return null;
  }

  /** A fetch form: {@code *p = *p OP v}, giving the old value or ({@code after}) the new one. */
  private Expr fetch(Sequence s, Type t, List<Expr> args, String op, boolean after) {
    SourcePos pos = s.pos;
    Expr p = s.once(args.get(0));
    // a pointer's arithmetic is uintptr_t's (gcc's): the value counts bytes
    Type compute = t instanceof PointerType ? Sema.SIZE_T : t;
    Expr v = s.once(value(args.get(1), compute));
    if (args.size() > 2) s.order(args.get(2));
    Expr old = s.once(new Deref(pos, t, p));
    Expr oldValue = convert(old, compute);
    Expr computed = op.equals("nand")
        ? sema.unary("~", sema.binary("&", oldValue, v, pos), pos)
        : sema.binary(op, oldValue, v, pos);
    if (computed.type().isError()) return computed;
    Expr value = convert(computed, t);
    if (!after) {
      s.effect(new Assign(pos, t, new Deref(pos, t, p), value));
      return s.end(old);
    }
    Expr fresh = s.once(value);
    s.effect(new Assign(pos, t, new Deref(pos, t, p), fresh));
    return s.end(fresh);
  }

  /** The {@code _n} forms and the other {@code __sync} ones, on an integer or pointer object. */
  private Expr scalar(Sequence s, String name, Type t, List<Expr> args) {
    SourcePos pos = s.pos;
    Expr p = s.once(args.get(0));
    Expr object = new Deref(pos, t, p);
    switch (name) {
      case "__atomic_load_n" -> {
        s.order(args.get(1));
        return s.end(s.once(object));
      }
      case "__atomic_store_n", "__sync_lock_release" -> {
        Expr v = s.once(value(name.startsWith("__sync") ? new IntConst(pos, IntType.INT, 0) : args.get(1), t));
        if (args.size() > 2) s.order(args.get(2));
        s.effect(new Assign(pos, t, object, v));
        return s.end(null);
      }
      case "__atomic_exchange_n", "__sync_lock_test_and_set" -> {
        Expr v = s.once(value(args.get(1), t));
        if (args.size() > 2) s.order(args.get(2));
        Expr old = s.once(object);
        s.effect(new Assign(pos, t, object, v));
        return s.end(old);
      }
      default -> {
        // compare-and-swap: __atomic_compare_exchange_n(p, expected *, desired, weak, success, failure),
        // __sync_bool/val_compare_and_swap(p, expected, desired)
        boolean sync = name.startsWith("__sync");
        Expr expected = s.once(value(args.get(1), sync ? t : new PointerType(t)));
        Expr desired = s.once(value(args.get(2), t));
        for (Expr order : args.subList(3, args.size())) s.order(order);
        Expr old = s.once(object);
        Expr expectedValue = sync ? expected : new Deref(pos, t, expected);
        Expr equal = s.once(sema.binary("==", old, expectedValue, pos));
        s.when(equal, new Assign(pos, t, object, desired), sync ? null : new Assign(pos, t, expectedValue, old));
        return s.end(name.equals("__sync_val_compare_and_swap") ? old : convert(equal, IntType.BOOL));
      }
    }
  }

  /**
   * The generic forms, on objects of any complete type: {@code __atomic_load(p, ret, order)},
   * {@code __atomic_store(p, val, order)}, {@code __atomic_exchange(p, val, ret, order)},
   * {@code __atomic_compare_exchange(p, expected, desired, weak, success, failure)}.
   */
  private Expr generic(Sequence s, String name, List<Expr> args) {
    SourcePos pos = s.pos;
    Expr first = args.get(0);
    Type t = first.type() instanceof PointerType p ? p.target() : null;
    if (t instanceof FunctionType) {
      return sema.error(pos, "argument 1 of '" + name + "' must not be a pointer to a function");
    }
    if (t == null || !t.isComplete()) {
      return sema.error(pos, "argument 1 of '" + name + "' must be a non-void pointer type");
    }
    if (t instanceof ArrayType) {
      // gcc copies the elements; an array is not assignable here
      return sema.error(pos, "argument 1 of '" + name + "' pointing to an array is not supported");
    }
    int pointers = name.equals("__atomic_exchange") || name.equals("__atomic_compare_exchange") ? 3 : 2;
    for (int i = 1; i < pointers; i++) {
      if (!(args.get(i).type() instanceof PointerType p)) {
        return sema.error(pos, "argument " + (i + 1) + " of '" + name + "' must be a pointer type");
      }
      if (p.target().size() != t.size()) {
        return sema.error(pos, "size mismatch in argument " + (i + 1) + " of '" + name + "'");
      }
    }
    PointerType pt = new PointerType(t);
    Expr p = s.once(args.get(0));
    List<Expr> others = new ArrayList<>();
    for (int i = 1; i < pointers; i++) others.add(s.once(convert(args.get(i), pt)));
    for (Expr order : args.subList(pointers, args.size())) s.order(order);
    Expr object = new Deref(pos, t, p);
    switch (name) {
      case "__atomic_load" -> s.effect(new Assign(pos, t, new Deref(pos, t, others.get(0)), object));
      case "__atomic_store" -> s.effect(new Assign(pos, t, object, new Deref(pos, t, others.get(0))));
      case "__atomic_exchange" -> {
        // *val is read before *ret is written: the two may be one object
        Expr value = s.once(new Deref(pos, t, others.get(0)));
        s.effect(new Assign(pos, t, new Deref(pos, t, others.get(1)), object));
        s.effect(new Assign(pos, t, object, value));
      }
      default -> {
        Expr expected = new Deref(pos, t, others.get(0));
        Expr equal = s.once(sameBytes(p, others.get(0), t.size(), pos));
        s.when(equal, new Assign(pos, t, object, new Deref(pos, t, others.get(1))),
            new Assign(pos, t, expected, object));
        return s.end(convert(equal, IntType.BOOL));
      }
    }
    return s.end(null);
  }

  /**
   * Whether the {@code size} bytes at {@code a} and {@code b} are equal: one comparison of an
   * integer of that size when there is one, else of 4-, 2- and 1-byte pieces.
   */
  private Expr sameBytes(Expr a, Expr b, int size, SourcePos pos) {
    Expr all = null;
    for (int at = 0; at < size; ) {
      int width = size - at >= 8 && size == 8 ? 8 : size - at >= 4 ? 4 : size - at >= 2 ? 2 : 1;
      IntType piece = switch (width) {
        case 8 -> IntType.ULLONG;
        case 4 -> IntType.UINT;
        case 2 -> IntType.USHORT;
        default -> IntType.UCHAR;
      };
      Expr same = sema.binary("==", piece(a, at, piece, pos), piece(b, at, piece, pos), pos);
      all = all == null ? same : sema.binary("&&", all, same, pos);
      at += width;
    }
    return all;
  }

  private Expr piece(Expr pointer, int offset, IntType type, SourcePos pos) {
    Expr bytes = new PointerAdd(pos, BYTES, convert(pointer, BYTES), new IntConst(pos, IntType.INT, offset), false);
    return new Deref(pos, type, convert(bytes, new PointerType(type)));
  }

  /**
   * {@code __atomic_test_and_set(p, order)}: sets the byte at p to 1 and tells whether it was
   * nonzero; {@code __atomic_clear(p, order)} sets it to 0.
   */
  private Expr flag(Sequence s, String name, List<Expr> args) {
    SourcePos pos = s.pos;
    Expr pointer = sema.assignConvert(args.get(0), new PointerType(VoidType.VOID), "passing");
    if (pointer.type().isError()) return pointer;
    Expr p = s.once(convert(pointer, BYTES));
    s.order(args.get(1));
    Expr flag = new Deref(pos, IntType.UCHAR, p);
    if (name.equals("__atomic_clear")) {
      s.effect(new Assign(pos, IntType.UCHAR, flag, new IntConst(pos, IntType.UCHAR, 0)));
      return s.end(null);
    }
    Expr was = s.once(convert(flag, IntType.BOOL));
    s.effect(new Assign(pos, IntType.UCHAR, flag, new IntConst(pos, IntType.UCHAR, 1)));
    return s.end(was);
  }

  /**
   * {@code __atomic_always_lock_free(size, p)}, a constant as in gcc: true for a size of 1, 2,
   * 4 or 8 bytes when the object is aligned to it, the alignment being the type's for a null
   * {@code p}, the lowest set bit of a constant {@code p}'s value, else the alignment of the
   * type {@code p} points to (through a cast to {@code void *}).
   */
  private Expr alwaysLockFree(String name, List<Expr> args, SourcePos pos) {
    if (!(args.get(0) instanceof IntConst size) || !args.get(0).type().isInteger()) {
      return sema.error(pos, "non-constant argument 1 to '" + name + "'");
    }
    return new IntConst(pos, IntType.BOOL, lockFree(size.value(), args.get(1)) ? 1 : 0);
  }

  private static boolean lockFree(long size, Expr pointer) {
    if (size != 1 && size != 2 && size != 4 && size != 8) return false;
    long align;
    if (pointer instanceof IntConst c) {
      align = c.value() == 0 ? size : Long.lowestOneBit(c.value());
    } else {
      Expr p = pointer instanceof Cast c && c.type() instanceof PointerType to && to.target().isVoid()
          && c.operand().type() instanceof PointerType ? c.operand() : pointer;
      align = p.type() instanceof PointerType pt && pt.target().isComplete() ? pt.target().align() : 1;
    }
    return align >= size;
  }

  /**
   * {@code __atomic_is_lock_free(size, p)}: what {@code __atomic_always_lock_free} says for a
   * constant size; for another, whether the size is 1, 2, 4 or 8 (the object's alignment
   * is not looked at).
   */
  private Expr isLockFree(List<Expr> args, SourcePos pos) {
    Expr size = args.get(0);
    if (!size.type().isInteger()) {
      return sema.error(size.pos(), "argument 1 of '__atomic_is_lock_free' must be an integer");
    }
    if (size instanceof IntConst c) return new IntConst(pos, IntType.BOOL, lockFree(c.value(), args.get(1)) ? 1 : 0);
    Sequence s = new Sequence(pos);
    Expr n = s.once(convert(size, Sema.SIZE_T));
    s.order(args.get(1));
    Expr any = null;
    for (int k : new int[] {1, 2, 4, 8}) {
      Expr is = sema.binary("==", n, new IntConst(pos, Sema.SIZE_T, k), pos);
      any = any == null ? is : sema.binary("||", any, is, pos);
    }
    return s.end(convert(any, IntType.BOOL));
  }

  private Expr convert(Expr e, Type to) {
    return sema.convert(e, to);
  }

  /** An argument converted to {@code to}, as gcc converts a builtin's value argument. */
  private Expr value(Expr e, Type to) {
    if (!e.type().isScalar()) return sema.error(e.pos(), "aggregate value used where an integer was expected");
    return sema.convert(e, to);
  }

  private static Expr poisoned(SourcePos pos) {
    return new IntConst(pos, dev.wasmformer.c.type.ErrorType.ERROR, 0);
  }

  /** The steps of one builtin: expressions evaluated in order, then the result. */
  private final class Sequence {
    final SourcePos pos;
    final List<Expr> steps = new ArrayList<>();

    Sequence(SourcePos pos) {
      this.pos = pos;
    }

    /** {@code e}'s value now: a constant or variable as it is, else through a temporary. */
    Expr once(Expr e) {
      if (e instanceof IntConst || e.type().isError()
          || (e instanceof VarRef v && v.symbol().kind() == Symbol.Kind.OBJECT)
          || (e instanceof AddressOf a && a.operand() instanceof VarRef)) {
        return e;
      }
      Symbol tmp = sema.temporary(e.type(), pos);
      VarRef ref = new VarRef(pos, e.type(), tmp);
      steps.add(new Assign(pos, e.type(), ref, e));
      return ref;
    }

    /** A memory order: evaluated for its side effects, if it has any (gcc's are ints). */
    void order(Expr e) {
      if (!(e instanceof IntConst)) effect(new Cast(e.pos(), VoidType.VOID, e));
    }

    void effect(Expr e) {
      steps.add(e);
    }

    /** {@code if (condition) then; else otherwise;} ({@code otherwise} may be null). */
    void when(Expr condition, Expr then, Expr otherwise) {
      steps.add(sema.conditional(condition, voided(then), otherwise == null ? voided(new IntConst(pos, IntType.INT, 0))
          : voided(otherwise), pos));
    }

    private Expr voided(Expr e) {
      return new Cast(pos, VoidType.VOID, e);
    }

    /** The steps, then {@code result} (an rvalue), or void when it is null. */
    Expr end(Expr result) {
      if (result == null && !steps.isEmpty()) result = voided(steps.remove(steps.size() - 1));
      Expr value = result == null ? voided(new IntConst(pos, IntType.INT, 0))
          : result instanceof VarRef || result instanceof Deref ? new Cast(pos, result.type(), result) : result;
      for (int i = steps.size() - 1; i >= 0; i--) value = new Comma(pos, value.type(), steps.get(i), value);
      return value;
    }
  }
}
