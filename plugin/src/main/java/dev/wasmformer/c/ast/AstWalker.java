package dev.wasmformer.c.ast;

import java.util.function.Consumer;

/** Visits every expression of a statement tree or initializer, parents before children. */
public final class AstWalker {
  private AstWalker() {}

  public static void expressions(Stmt s, Consumer<Expr> visitor) {
    if (s == null) return;
    if (s instanceof Stmt.ExprStmt e) {
      expressions(e.expr(), visitor);
    } else if (s instanceof Stmt.Block b) {
      for (Stmt c : b.statements()) expressions(c, visitor);
    } else if (s instanceof Stmt.LocalInit l) {
      expressions(l.init(), visitor);
    } else if (s instanceof Stmt.If i) {
      expressions(i.condition(), visitor);
      expressions(i.then(), visitor);
      expressions(i.otherwise(), visitor);
    } else if (s instanceof Stmt.While w) {
      expressions(w.condition(), visitor);
      expressions(w.body(), visitor);
    } else if (s instanceof Stmt.DoWhile d) {
      expressions(d.body(), visitor);
      expressions(d.condition(), visitor);
    } else if (s instanceof Stmt.For f) {
      expressions(f.init(), visitor);
      expressions(f.condition(), visitor);
      expressions(f.step(), visitor);
      expressions(f.body(), visitor);
    } else if (s instanceof Stmt.Switch w) {
      expressions(w.value(), visitor);
      expressions(w.body(), visitor);
    } else if (s instanceof Stmt.Case c) {
      expressions(c.body(), visitor);
    } else if (s instanceof Stmt.Return r) {
      expressions(r.value(), visitor);
    } else if (s instanceof Stmt.ComputedGoto g) {
      expressions(g.target(), visitor);
    } else if (s instanceof Stmt.Labeled l) {
      expressions(l.body(), visitor);
    }
  }

  public static void expressions(Initializer init, Consumer<Expr> visitor) {
    if (init == null) return;
    for (Initializer.Item item : init.items()) expressions(item.value(), visitor);
  }

  public static void expressions(Expr e, Consumer<Expr> visitor) {
    if (e == null) return;
    visitor.accept(e);
    if (e instanceof Expr.Unary u) {
      expressions(u.operand(), visitor);
    } else if (e instanceof Expr.Binary b) {
      expressions(b.left(), visitor);
      expressions(b.right(), visitor);
    } else if (e instanceof Expr.PointerAdd p) {
      expressions(p.pointer(), visitor);
      expressions(p.index(), visitor);
    } else if (e instanceof Expr.PointerDiff p) {
      expressions(p.left(), visitor);
      expressions(p.right(), visitor);
    } else if (e instanceof Expr.Assign a) {
      expressions(a.target(), visitor);
      expressions(a.value(), visitor);
    } else if (e instanceof Expr.CompoundAssign a) {
      expressions(a.target(), visitor);
      expressions(a.value(), visitor);
    } else if (e instanceof Expr.IncDec i) {
      expressions(i.target(), visitor);
    } else if (e instanceof Expr.Cast c) {
      expressions(c.operand(), visitor);
    } else if (e instanceof Expr.Conditional c) {
      expressions(c.condition(), visitor);
      expressions(c.then(), visitor);
      expressions(c.otherwise(), visitor);
    } else if (e instanceof Expr.Comma c) {
      expressions(c.left(), visitor);
      expressions(c.right(), visitor);
    } else if (e instanceof Expr.Call c) {
      expressions(c.callee(), visitor);
      for (Expr a : c.args()) expressions(a, visitor);
    } else if (e instanceof Expr.AddressOf a) {
      expressions(a.operand(), visitor);
    } else if (e instanceof Expr.Deref d) {
      expressions(d.pointer(), visitor);
    } else if (e instanceof Expr.Member m) {
      expressions(m.base(), visitor);
    } else if (e instanceof Expr.Decay d) {
      expressions(d.operand(), visitor);
    } else if (e instanceof Expr.CompoundLiteral c) {
      expressions(c.init(), visitor);
    } else if (e instanceof Expr.VaStart v) {
      expressions(v.list(), visitor);
    } else if (e instanceof Expr.VaArg v) {
      expressions(v.list(), visitor);
    } else if (e instanceof Expr.StmtExpr s) {
      expressions(s.body(), visitor);
      expressions(s.result(), visitor);
    } else if (e instanceof Expr.Builtin b) {
      for (Expr a : b.args()) expressions(a, visitor);
    }
  }
}
