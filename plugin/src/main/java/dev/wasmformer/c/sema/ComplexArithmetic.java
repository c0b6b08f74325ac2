package dev.wasmformer.c.sema;

import dev.wasmformer.c.ast.Expr;
import dev.wasmformer.c.ast.Expr.Assign;
import dev.wasmformer.c.ast.Expr.Binary;
import dev.wasmformer.c.ast.Expr.BinaryOp;
import dev.wasmformer.c.ast.Expr.Call;
import dev.wasmformer.c.ast.Expr.Comma;
import dev.wasmformer.c.ast.Expr.CompoundLiteral;
import dev.wasmformer.c.ast.Expr.IntConst;
import dev.wasmformer.c.ast.Expr.Member;
import dev.wasmformer.c.ast.Expr.VarRef;
import dev.wasmformer.c.ast.Initializer;
import dev.wasmformer.c.ast.Symbol;
import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.type.FloatType;
import dev.wasmformer.c.type.FunctionType;
import dev.wasmformer.c.type.IntType;
import dev.wasmformer.c.type.StructType;
import dev.wasmformer.c.type.Type;
import dev.wasmformer.c.type.Types;
import java.util.List;

/**
 * The operations on complex values (C99 6.2.5p11, G.5), on their parts: a complex value is a
 * struct of its real and imaginary parts ({@link StructType#complexPart()}), and a value
 * computed from parts is a <em>pair</em>, an unnamed object initialized with them (a
 * {@link CompoundLiteral}), whose parts the next operation takes directly, so that {@code 1.0
 * + 2.0 * I} folds to constants. Addition, subtraction, negation, conversions and equality
 * work on the parts with the floating-point arithmetic ({@link SoftFloat}); as gcc does, a
 * real operand is not converted to complex ({@code x + z} is {@code (x + re, im)}, {@code z *
 * x} is {@code (re * x, im * x)}), and a product or quotient of two complex values calls
 * libgcc's and compiler-rt's routines ({@code __muldc3}, {@code __divdc3}, {@code __mulsc3},
 * {@code __divsc3}, in the libc's {@code complex.c}) with Annex G's treatment of infinities.
 */
final class ComplexArithmetic {
  /** The name of a pair's object. */
  private static final String PAIR = "__complex";

  private final Sema sema;
  private final SoftFloat soft;

  ComplexArithmetic(Sema sema, SoftFloat soft) {
    this.sema = sema;
    this.soft = soft;
  }

  /** A complex operand taken apart: {@code prefix} (or null) runs first, then each part is used once. */
  private record Parts(Expr prefix, Expr re, Expr im) {}

  static boolean isPair(Expr e) {
    return e instanceof CompoundLiteral c && isPair(c.object());
  }

  static boolean isPair(Symbol s) {
    return s.name().equals(PAIR);
  }

  private static Type part(Type t) {
    return t instanceof StructType s && s.complexPart() != null ? s.complexPart() : t;
  }

  /** The complex value {@code re + im i} of type t (the parts already of its part type). */
  Expr pair(SourcePos pos, StructType t, Expr re, Expr im) {
    Symbol s = new Symbol(PAIR, Symbol.Kind.OBJECT, t, sema.inFunction() ? Symbol.Storage.AUTO
        : Symbol.Storage.INTERNAL, pos);
    sema.addLocal(s);
    int size = t.complexPart().size();
    return new CompoundLiteral(pos, t, s, new Initializer(List.of(new Initializer.Item(0, re.type(), re),
        new Initializer.Item(size, im.type(), im))));
  }

  private static Expr withPrefix(Expr prefix, Expr e) {
    return prefix == null ? e : new Comma(e.pos(), e.type(), prefix, e);
  }

  private static Expr zero(SourcePos pos, Type t) {
    return SoftFloat.constant(pos, t, 0);
  }

  /** Whether evaluating e twice, or not at all, changes nothing. */
  private static boolean pure(Expr e) {
    return e instanceof IntConst || (e instanceof VarRef v && v.symbol().kind() == Symbol.Kind.OBJECT)
        || (e instanceof Member m && pure(m.base()));
  }

  private static Expr member(Expr e, boolean imaginary) {
    Type part = part(e.type());
    int offset = imaginary ? part.size() : 0;
    String name = imaginary ? "__imag__" : "__real__";
    if (e instanceof Member m && m.bits() == null) {
      return new Member(e.pos(), part, m.base(), name, m.offset() + offset);
    }
    return new Member(e.pos(), part, e, name, offset);
  }

  private Parts parts(Expr e) {
    if (e instanceof Comma c && (isPair(c.right()) || c.right() instanceof Comma)) {
      Parts inner = parts(c.right());
      Expr prefix = inner.prefix() == null ? c.left() : new Comma(c.pos(), inner.prefix().type(), c.left(), inner.prefix());
      return new Parts(prefix, inner.re(), inner.im());
    }
    if (e instanceof CompoundLiteral c && isPair(c)) {
      return new Parts(null, c.init().items().get(0).value(), c.init().items().get(1).value());
    }
    if (pure(e) || !sema.inFunction()) return new Parts(null, member(e, false), member(e, true));
    Symbol tmp = sema.temporary(e.type(), e.pos());
    Expr ref = new VarRef(e.pos(), e.type(), tmp);
    return new Parts(new Assign(e.pos(), e.type(), ref, e), member(ref, false), member(ref, true));
  }

  /** A real operand used twice: itself if pure, else a temporary that {@code prefix[0]} assigns. */
  private Expr twice(Expr e, Expr[] prefix) {
    if (pure(e) || !sema.inFunction()) return e;
    Symbol tmp = sema.temporary(e.type(), e.pos());
    Expr ref = new VarRef(e.pos(), e.type(), tmp);
    prefix[0] = new Assign(e.pos(), e.type(), ref, e);
    return ref;
  }

  /** GNU {@code __real__ e} or {@code __imag__ e}; of a real e, e itself or a zero (e still evaluated). */
  Expr part(Expr e, boolean imaginary, SourcePos pos) {
    if (!e.type().isComplex()) {
      if (!imaginary) return e;
      Expr z = zero(pos, e.type());
      return pure(e) ? z : new Comma(pos, z.type(), e, z);
    }
    if (isPair(e)) {
      List<Initializer.Item> items = ((CompoundLiteral) e).init().items();
      Expr other = items.get(imaginary ? 0 : 1).value();
      if (pure(other)) return items.get(imaginary ? 1 : 0).value();
    }
    return member(e, imaginary);
  }

  // ---- conversions ----

  /** Converts between a complex type and an arithmetic or complex one. */
  Expr convert(Expr e, Type to) {
    SourcePos pos = e.pos();
    Type from = e.type();
    if (to instanceof StructType ct && ct.complexPart() != null) {
      Type tp = ct.complexPart();
      if (!from.isComplex()) return pair(pos, ct, sema.convert(e, tp), zero(pos, tp));
      Parts p = parts(e);
      return withPrefix(p.prefix(), pair(pos, ct, sema.convert(p.re(), tp), sema.convert(p.im(), tp)));
    }
    if (to == IntType.BOOL) return sema.convert(truth(e, pos), to);
    return sema.convert(part(e, false, pos), to);
  }

  /** {@code e != 0} as an int: either part nonzero (C99 6.3.1.2). */
  Expr truth(Expr e, SourcePos pos) {
    Parts p = parts(e);
    Expr re = nonzero(p.re(), pos), im = nonzero(p.im(), pos);
    if (re instanceof IntConst a && im instanceof IntConst b) return new IntConst(pos, IntType.INT, a.value() | b.value());
    return withPrefix(p.prefix(), new Binary(pos, IntType.INT, BinaryOp.OR, re, im));
  }

  // ---- operators ----

  /** {@code -e} or GNU's conjugation {@code ~e}. */
  Expr unary(String op, Expr e, SourcePos pos) {
    Parts p = parts(e);
    StructType ct = (StructType) e.type();
    Expr re = op.equals("-") ? negate(p.re(), ct.complexPart(), pos) : p.re();
    return withPrefix(p.prefix(), pair(pos, ct, re, negate(p.im(), ct.complexPart(), pos)));
  }

  /**
   * The complex type of an operation on a and b, or null if an operand is no arithmetic or
   * complex value. As gcc: the parts of a complex integer are not promoted (a real integer
   * operand is), and two integer parts of one width give the wider rank from long up, else
   * the unsigned one, else b's ({@code complex char + complex signed char} is {@code complex
   * signed char}).
   */
  static StructType common(Type a, Type b) {
    if (!(a.isArithmetic() || a.isComplex()) || !(b.isArithmetic() || b.isComplex())) return null;
    Type x = a.isComplex() ? part(a) : Types.promote(a), y = b.isComplex() ? part(b) : Types.promote(b);
    if (!(x instanceof IntType i && y instanceof IntType j)) return StructType.complexOf(Types.usualArithmetic(x, y));
    if (i == j || i.size() != j.size()) return StructType.complexOf(i.size() >= j.size() ? i : j);
    boolean unsigned = !i.isSigned() || !j.isSigned();
    if (Math.max(i.rank(), j.rank()) >= IntType.LONG.rank()) {
      IntType wide = i.rank() > j.rank() ? i : j;
      return StructType.complexOf(unsigned ? wide.toUnsigned() : wide);
    }
    return StructType.complexOf(i.isSigned() ? j : i);
  }

  /** + - * / == != with a complex operand; null when the operation does not take complex operands. */
  Expr binary(BinaryOp op, Expr l, Expr r, SourcePos pos) {
    StructType ct = common(l.type(), r.type());
    if (ct == null) return null;
    Type t = ct.complexPart();
    boolean lc = l.type().isComplex(), rc = r.type().isComplex();
    switch (op) {
      case ADD, SUB -> {
        if (lc && rc) {
          Parts a = parts(sema.convert(l, ct)), b = parts(sema.convert(r, ct));
          return withPrefix(both(a.prefix(), b.prefix()), pair(pos, ct, arithmetic(op, a.re(), b.re(), t, pos),
              arithmetic(op, a.im(), b.im(), t, pos)));
        }
        if (lc) {
          Parts a = parts(sema.convert(l, ct));
          return withPrefix(a.prefix(), pair(pos, ct, arithmetic(op, a.re(), sema.convert(r, t), t, pos), a.im()));
        }
        Expr x = sema.convert(l, t);
        Parts b = parts(sema.convert(r, ct));
        Expr im = op == BinaryOp.SUB ? negate(b.im(), t, pos) : b.im();
        return withPrefix(b.prefix(), pair(pos, ct, arithmetic(op, x, b.re(), t, pos), im));
      }
      case MUL, DIV -> {
        if (lc && rc || (op == BinaryOp.DIV && rc)) {
          Parts a = parts(sema.convert(l, ct)), b = parts(sema.convert(r, ct));
          List<Expr> args = List.of(a.re(), a.im(), b.re(), b.im());
          if (t instanceof IntType) return withPrefix(both(a.prefix(), b.prefix()), integer(op, ct, args, pos));
          Expr folded = fold(op, ct, args, pos);
          if (folded == null && op == BinaryOp.DIV) folded = byUnit(a, b, ct, pos);
          return withPrefix(both(a.prefix(), b.prefix()), folded != null ? folded : routine(op, ct, args, pos));
        }
        // a real factor or divisor scales each part
        Expr[] prefix = new Expr[1];
        Expr x = twice(sema.convert(lc ? r : l, t), prefix);
        Parts a = parts(sema.convert(lc ? l : r, ct));
        Expr re = lc ? arithmetic(op, a.re(), x, t, pos) : arithmetic(op, x, a.re(), t, pos);
        Expr im = lc ? arithmetic(op, a.im(), x, t, pos) : arithmetic(op, x, a.im(), t, pos);
        Expr first = lc ? both(a.prefix(), prefix[0]) : both(prefix[0], a.prefix());
        return withPrefix(first, pair(pos, ct, re, im));
      }
      case EQ, NE -> {
        // both parts are compared (a bitwise and/or, so that both are evaluated)
        Parts a = lc ? parts(sema.convert(l, ct)) : new Parts(null, sema.convert(l, t), zero(pos, t));
        Parts b = rc ? parts(sema.convert(r, ct)) : new Parts(null, sema.convert(r, t), zero(pos, t));
        Expr re = compare(op, a.re(), b.re(), t, pos), im = compare(op, a.im(), b.im(), t, pos);
        BinaryOp join = op == BinaryOp.EQ ? BinaryOp.AND : BinaryOp.OR;
        if (re instanceof IntConst x && im instanceof IntConst y) {
          long v = join == BinaryOp.AND ? x.value() & y.value() : x.value() | y.value();
          return new IntConst(pos, IntType.INT, v);
        }
        return withPrefix(both(a.prefix(), b.prefix()), new Binary(pos, IntType.INT, join, re, im));
      }
      default -> {
        return null;
      }
    }
  }

  // ---- a part's operations: the floating-point routines, or C's integer ones converted back ----

  private Expr arithmetic(BinaryOp op, Expr x, Expr y, Type t, SourcePos pos) {
    return t instanceof FloatType ? soft.arithmetic(op, x, y, t, pos) : sema.convert(sema.binary(op.spelling(), x, y, pos), t);
  }

  private Expr negate(Expr x, Type t, SourcePos pos) {
    return t instanceof FloatType ? soft.negate(x, pos) : sema.convert(sema.unary("-", x, pos), t);
  }

  private Expr compare(BinaryOp op, Expr x, Expr y, Type t, SourcePos pos) {
    return t instanceof FloatType ? soft.compare(op, x, y, t, pos) : sema.binary(op.spelling(), x, y, pos);
  }

  private Expr nonzero(Expr x, SourcePos pos) {
    return x.type() instanceof FloatType ? soft.truth(x, pos) : sema.binary("!=", x, new IntConst(pos, IntType.INT, 0), pos);
  }

  /**
   * A product or quotient of complex integers, as gcc computes it in the part type: {@code (ac
   * - bd) + (ad + bc)i}, and for a quotient Smith's method (the smaller of |c| and |d| divided
   * by the larger, in integers), each part computed in its own branch so that a zero is
   * divided by only where gcc divides by it.
   */
  private Expr integer(BinaryOp op, StructType ct, List<Expr> parts, SourcePos pos) {
    Type t = ct.complexPart();
    Expr[] prefix = new Expr[1];
    List<Expr> v = new java.util.ArrayList<>();
    for (Expr e : parts) {
      Expr[] p = new Expr[1];
      v.add(twice(e, p));
      prefix[0] = both(prefix[0], p[0]);
    }
    Expr a = v.get(0), b = v.get(1), c = v.get(2), d = v.get(3);
    java.util.function.BiFunction<Expr, Expr, Expr> mul = (x, y) -> arithmetic(BinaryOp.MUL, x, y, t, pos);
    java.util.function.BiFunction<Expr, Expr, Expr> add = (x, y) -> arithmetic(BinaryOp.ADD, x, y, t, pos);
    java.util.function.BiFunction<Expr, Expr, Expr> sub = (x, y) -> arithmetic(BinaryOp.SUB, x, y, t, pos);
    java.util.function.BiFunction<Expr, Expr, Expr> div = (x, y) -> arithmetic(BinaryOp.DIV, x, y, t, pos);
    if (op == BinaryOp.MUL) {
      return withPrefix(prefix[0], pair(pos, ct, sub.apply(mul.apply(a, c), mul.apply(b, d)),
          add.apply(mul.apply(a, d), mul.apply(b, c))));
    }
    Expr dBigger = compare(BinaryOp.LT, magnitude(c, t, pos), magnitude(d, t, pos), t, pos);
    // |c| < |d|: r = c / d, (a r + b) / (c r + d) + (b r - a) / (c r + d) i; else r = d / c,
    // (b r + a) / (d r + c) + (b - a r) / (d r + c) i
    java.util.function.Supplier<Expr> r1 = () -> div.apply(c, d), r2 = () -> div.apply(d, c);
    Expr re = choose(dBigger, () -> div.apply(add.apply(mul.apply(a, r1.get()), b), add.apply(mul.apply(c, r1.get()), d)),
        () -> div.apply(add.apply(mul.apply(b, r2.get()), a), add.apply(mul.apply(d, r2.get()), c)), pos);
    Expr im = choose(dBigger, () -> div.apply(sub.apply(mul.apply(b, r1.get()), a), add.apply(mul.apply(c, r1.get()), d)),
        () -> div.apply(sub.apply(b, mul.apply(a, r2.get())), add.apply(mul.apply(d, r2.get()), c)), pos);
    return withPrefix(prefix[0], pair(pos, ct, re, im));
  }

  /** |x| in x's type t (a most negative value stays itself, as gcc's ABS_EXPR wraps). */
  private Expr magnitude(Expr x, Type t, SourcePos pos) {
    if (!((IntType) t).isSigned()) return x;
    Expr negative = compare(BinaryOp.LT, x, new IntConst(pos, IntType.INT, 0), t, pos);
    return choose(negative, () -> negate(x, t, pos), () -> x, pos);
  }

  /** cond ? then : otherwise, only the chosen one built when cond is a constant. */
  private Expr choose(Expr cond, java.util.function.Supplier<Expr> then, java.util.function.Supplier<Expr> otherwise,
      SourcePos pos) {
    if (cond instanceof IntConst k) return k.value() != 0 ? then.get() : otherwise.get();
    return sema.conditional(cond, then.get(), otherwise.get(), pos);
  }

  private static Expr both(Expr a, Expr b) {
    if (a == null) return b;
    if (b == null) return a;
    return new Comma(a.pos(), b.type(), a, b);
  }

  /**
   * A product or quotient of constant parts folded as gcc folds it ({@link ComplexFolding}); null
   * when gcc computes it at run time.
   */
  private Expr fold(BinaryOp op, StructType ct, List<Expr> parts, SourcePos pos) {
    if (!(ct.complexPart() instanceof FloatType) || !parts.stream().allMatch(p -> p instanceof IntConst)) return null;
    long[] v = parts.stream().mapToLong(p -> ((IntConst) p).value()).toArray();
    ComplexFolding.Format f = ct == StructType.COMPLEX_FLOAT ? ComplexFolding.Format.SINGLE : ComplexFolding.Format.DOUBLE;
    boolean initializer = sema.inConstantInitializer();
    long[] r = ComplexFolding.fold(op == BinaryOp.MUL, v[0], v[1], v[2], v[3], f, initializer);
    Type t = ct.complexPart();
    return r == null ? null : pair(pos, ct, SoftFloat.constant(pos, t, r[0]), SoftFloat.constant(pos, t, r[1]));
  }

  /**
   * gcc's {@code z / (1 + 0i)} as z and {@code z / (-1 + 0i)} as {@code -z} (either zero's sign),
   * also for a z it does not fold (a variable, an infinity or a NaN); null for another divisor.
   */
  private Expr byUnit(Parts a, Parts b, StructType ct, SourcePos pos) {
    if (!(ct.complexPart() instanceof FloatType) || !(b.re() instanceof IntConst re && b.im() instanceof IntConst im)
        || SoftFloat.valueOf(im) != 0) {
      return null;
    }
    double r = SoftFloat.valueOf(re);
    if (Math.abs(r) != 1) return null;
    return r > 0 ? pair(pos, ct, a.re(), a.im()) : pair(pos, ct, soft.negate(a.re(), pos), soft.negate(a.im(), pos));
  }

  /** A call of the product or quotient routine: the float one, else the double one (long double being binary64). */
  private Expr routine(BinaryOp op, StructType ct, List<Expr> args, SourcePos pos) {
    boolean single = ct == StructType.COMPLEX_FLOAT;
    Type part = single ? FloatType.FLOAT : FloatType.DOUBLE;
    String name = "__" + (op == BinaryOp.MUL ? "mul" : "div") + (single ? "sc3" : "dc3");
    FunctionType ft = new FunctionType(single ? ct : StructType.COMPLEX_DOUBLE, List.of(part, part, part, part), false, true);
    Symbol s = sema.runtimeFunction(name, ft, pos);
    List<Expr> converted = args.stream().map(a -> sema.convert(a, part)).toList();
    return new Call(pos, ct, new VarRef(pos, ft, s), converted, ft);
  }
}
