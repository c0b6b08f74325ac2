package dev.wasmformer.c.ast;

import dev.wasmformer.c.lex.SourcePos;
import java.util.ArrayList;
import java.util.List;

/** A statement of a function body. */
public sealed interface Stmt {
  SourcePos pos();

  /** The statements directly inside {@code s}, in source order; absent parts are null. */
  static List<Stmt> children(Stmt s) {
    List<Stmt> children = new ArrayList<>();
    if (s instanceof Block b) children.addAll(b.statements());
    if (s instanceof Labeled l) children.add(l.body());
    if (s instanceof If i) {
      children.add(i.then());
      children.add(i.otherwise());
    }
    if (s instanceof While w) children.add(w.body());
    if (s instanceof DoWhile d) children.add(d.body());
    if (s instanceof For f) {
      children.add(f.init());
      children.add(f.body());
    }
    if (s instanceof Switch w) children.add(w.body());
    if (s instanceof Case c) children.add(c.body());
    return children;
  }

  record ExprStmt(SourcePos pos, Expr expr) implements Stmt {}

  record Block(SourcePos pos, List<Stmt> statements) implements Stmt {
    public Block {
      statements = List.copyOf(statements);
    }
  }

  /** The initialization of a block-scope object where its declaration stands. */
  record LocalInit(SourcePos pos, Symbol object, Initializer init) implements Stmt {}

  record If(SourcePos pos, Expr condition, Stmt then, Stmt otherwise) implements Stmt {}

  record While(SourcePos pos, Expr condition, Stmt body) implements Stmt {}

  record DoWhile(SourcePos pos, Stmt body, Expr condition) implements Stmt {}

  /** {@code init}, {@code condition} and {@code step} may be null. */
  record For(SourcePos pos, Stmt init, Expr condition, Expr step, Stmt body) implements Stmt {}

  /** A switch; its case and default labels are {@link Case} statements inside the body. */
  record Switch(SourcePos pos, Expr value, Stmt body) implements Stmt {}

  /** A {@code case value:} label (or {@code default:} when {@code isDefault}) and the statement it labels. */
  record Case(SourcePos pos, long value, boolean isDefault, Stmt body) implements Stmt {}

  record Break(SourcePos pos) implements Stmt {}

  record Continue(SourcePos pos) implements Stmt {}

  /** {@code value} is null for {@code return;}. */
  record Return(SourcePos pos, Expr value) implements Stmt {}

  record Goto(SourcePos pos, String label) implements Stmt {}

  /**
   * GNU {@code goto *target;}: {@code target} (a {@code void *}) is a label address of the
   * function; {@code labels} are the labels whose address the function takes (complete once
   * the function is parsed).
   */
  record ComputedGoto(SourcePos pos, Expr target, java.util.Set<String> labels) implements Stmt {}

  record Labeled(SourcePos pos, String label, Stmt body) implements Stmt {}

  record Empty(SourcePos pos) implements Stmt {}
}
