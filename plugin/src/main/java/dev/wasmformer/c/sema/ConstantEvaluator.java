package dev.wasmformer.c.sema;

import dev.wasmformer.c.ast.Expr;
import dev.wasmformer.c.ast.Symbol;
import dev.wasmformer.c.type.IntType;
import dev.wasmformer.c.type.PointerType;
import dev.wasmformer.c.type.Type;

/**
 * Evaluates the constant expressions allowed in static initializers: integers, and address
 * constants (the address of a static object, function or string literal, plus an offset).
 */
public final class ConstantEvaluator {
  private ConstantEvaluator() {}

  /**
   * A constant: a plain integer when both {@code symbol} and {@code string} are null,
   * otherwise the address of that object plus {@code offset}.
   */
  public record Value(Symbol symbol, Expr.StringLit string, long offset) {
    public boolean isAddress() {
      return symbol != null || string != null;
    }

    Value plus(long delta) {
      return new Value(symbol, string, offset + delta);
    }
  }

  public static boolean isStaticInitializer(Expr e) {
    return e instanceof Expr.StringLit || evaluate(e) != null || labelConstant(e) != null;
  }

  /**
   * A GNU label constant, {@code &&label - &&minus + offset} ({@code minus} null: the label's
   * address plus offset, as {@code &&base + 4}), whose value only the code generator knows: a
   * label's address is its number in its function, so differences and sums are in those numbers
   * and {@code goto *(&&base + (&&a - &&base))} reaches {@code a}.
   */
  public record LabelConstant(Expr.LabelAddress label, Expr.LabelAddress minus, long offset) {
    LabelConstant plus(long delta) {
      return new LabelConstant(label, minus, offset + delta);
    }
  }

  /** The label constant {@code e} is (through casts and integer offsets), or null. */
  public static LabelConstant labelConstant(Expr e) {
    if (e instanceof Expr.LabelAddress a) return new LabelConstant(a, null, 0);
    if (e instanceof Expr.Cast c && (c.type() instanceof PointerType || c.type() instanceof IntType)) {
      return labelConstant(c.operand());
    }
    if (e instanceof Expr.PointerAdd p && p.index() instanceof Expr.IntConst i) {
      LabelConstant base = labelConstant(p.pointer());
      Type target = ((PointerType) p.type()).target();
      long size = target.isVoid() ? 1 : target.size();
      return base == null || base.minus() != null ? null : base.plus((p.subtract() ? -1 : 1) * i.value() * size);
    }
    if (e instanceof Expr.PointerDiff d && d.elementSize() == 1) {
      LabelConstant l = labelConstant(d.left()), r = labelConstant(d.right());
      if (l == null || r == null || l.minus() != null || r.minus() != null) return null;
      return new LabelConstant(l.label(), r.label(), l.offset() - r.offset());
    }
    if (e instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.ADD || b.op() == Expr.BinaryOp.SUB)) {
      LabelConstant l = labelConstant(b.left());
      if (l != null && l.minus() != null && b.right() instanceof Expr.IntConst k) {
        return l.plus(b.op() == Expr.BinaryOp.ADD ? k.value() : -k.value());
      }
    }
    return null;
  }

  /** The value of a constant expression, or null if it is not one. */
  public static Value evaluate(Expr e) {
    if (e instanceof Expr.IntConst c) return new Value(null, null, c.value());
    if (e instanceof Expr.Cast c) {
      Value inner = evaluate(c.operand());
      if (inner == null) return null;
      if (c.type() instanceof IntType it) {
        if (inner.isAddress()) return it.size() >= 4 ? inner : null;
        return new Value(null, null, it.wrap(inner.offset()));
      }
      if (c.type() instanceof PointerType) {
        return inner.isAddress() ? inner : new Value(null, null, inner.offset() & 0xFFFF_FFFFL);
      }
      return null;
    }
    if (e instanceof Expr.Decay d) return address(d.operand());
    if (e instanceof Expr.AddressOf a) return address(a.operand());
    if (e instanceof Expr.PointerAdd p) {
      Value base = evaluate(p.pointer());
      Value index = evaluate(p.index());
      if (base == null || index == null || index.isAddress()) return null;
      PointerType pt = (PointerType) p.type();
      long size = pt.target().isVoid() ? 1 : pt.target().size();
      return base.plus((p.subtract() ? -1 : 1) * index.offset() * size);
    }
    return null;
  }

  private static Value address(Expr lvalue) {
    if (lvalue instanceof Expr.VarRef v) {
      Symbol s = v.symbol();
      boolean staticObject = s.kind() == Symbol.Kind.OBJECT && s.hasStaticStorage();
      return staticObject || s.kind() == Symbol.Kind.FUNCTION ? new Value(s, null, 0) : null;
    }
    if (lvalue instanceof Expr.StringLit s) return new Value(null, s, 0);
    if (lvalue instanceof Expr.CompoundLiteral c) {
      return c.object().hasStaticStorage() ? new Value(c.object(), null, 0) : null;
    }
    if (lvalue instanceof Expr.Member m) {
      Value base = address(m.base());
      return base == null ? null : base.plus(m.offset());
    }
    if (lvalue instanceof Expr.Deref d) return evaluate(d.pointer());
    return null;
  }
}
