package dev.wasmformer.c.sema;

import dev.wasmformer.c.ast.Builtins;
import dev.wasmformer.c.ast.Expr;
import dev.wasmformer.c.ast.Stmt;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether control can reach the end of a function body, for the warning "control reaches end
 * of non-void function". A statement's end is reachable when its start is and it can complete:
 * not after {@code return}, {@code goto}, {@code break} or {@code continue}, a call of a
 * noreturn function ({@code _Noreturn}, {@code __attribute__((noreturn))}, {@code exit},
 * {@code _Exit}, {@code abort}, {@code __builtin_trap}, {@code __builtin_unreachable}; also
 * within a comma or conditional expression that always reaches it, e.g. {@code assert(0)}), a loop
 * whose condition is a non-zero constant (or absent) and that no {@code break} leaves, an
 * {@code if} whose branches both end so (a constant condition leaves out the branch it never
 * takes), or a {@code switch} with a {@code default} whose cases all end so and that no {@code
 * break} leaves. A label some {@code goto} names and a {@code case} of a reachable switch make
 * their statement reachable wherever they stand. Conditions are not evaluated beyond integer
 * constants, so a path the program can never take may still count (as gcc's does).
 */
final class ReturnFlow {
  /** The library functions that never return, whatever their declaration says. */
  private static final Set<String> NORETURN = Set.of("exit", "_Exit", "abort");

  /** A statement {@code break} or {@code continue} may leave: a loop or a switch. */
  private static final class Target {
    final boolean loop;
    final boolean reachable;   // a switch: whether the switch statement itself is reachable
    boolean breaks;
    boolean continues;

    Target(boolean loop, boolean reachable) {
      this.loop = loop;
      this.reachable = reachable;
    }
  }

  private final Set<String> targetedLabels = new HashSet<>();
  private final Deque<Target> targets = new ArrayDeque<>();

  private ReturnFlow(Set<String> targeted) {
    targetedLabels.addAll(targeted);
  }

  /**
   * Whether control can flow off the end of {@code body}, where {@code targeted} are the labels
   * some {@code goto} names or whose address is taken.
   */
  static boolean reachesEnd(Stmt.Block body, Set<String> targeted) {
    return new ReturnFlow(targeted).flow(body, true);
  }

  /** Whether the end of {@code s} is reachable, given whether its start is. */
  private boolean flow(Stmt s, boolean in) {
    if (s instanceof Stmt.Block b) {
      boolean reachable = in;
      for (Stmt item : b.statements()) reachable = flow(item, reachable);
      return reachable;
    }
    if (s instanceof Stmt.ExprStmt e) return in && !neverReturns(e.expr());
    if (s instanceof Stmt.LocalInit || s instanceof Stmt.Empty) return in;
    if (s instanceof Stmt.Return || s instanceof Stmt.Goto || s instanceof Stmt.ComputedGoto) return false;
    if (s instanceof Stmt.Labeled l) return flow(l.body(), in || targetedLabels.contains(l.label()));
    if (s instanceof Stmt.If i) {
      Boolean c = constant(i.condition());
      boolean then = flow(i.then(), in && c != Boolean.FALSE);
      boolean otherwise = i.otherwise() == null
          ? in && c != Boolean.TRUE
          : flow(i.otherwise(), in && c != Boolean.TRUE);
      return then || otherwise;
    }
    if (s instanceof Stmt.While w) return loop(in, w.condition(), w.body(), false);
    if (s instanceof Stmt.DoWhile d) return loop(in, d.condition(), d.body(), true);
    if (s instanceof Stmt.For f) {
      boolean start = f.init() == null ? in : flow(f.init(), in);
      return loop(start, f.condition(), f.body(), false);
    }
    if (s instanceof Stmt.Switch w) {
      Target t = new Target(false, in);
      targets.push(t);
      boolean end;
      try {
        end = flow(w.body(), false);   // the body is entered only through its labels
      } finally {
        targets.pop();
      }
      return end || t.breaks || (in && !hasDefault(w.body()));
    }
    if (s instanceof Stmt.Case c) return flow(c.body(), in || switchReachable());
    if (s instanceof Stmt.Break) {
      Target t = targets.peek();
      if (t != null) t.breaks |= in;
      return false;
    }
    if (s instanceof Stmt.Continue) {
      for (Target t : targets) {
        if (t.loop) {
          t.continues |= in;
          break;
        }
      }
      return false;
    }
    return in;   // a statement this analysis does not know ends as it starts
  }

  /**
   * A loop that tests {@code condition} (null: none, always true) before its body, or after it
   * for a do-while. Its end is reachable when a {@code break} leaves it, or when the condition
   * is evaluated and can be false.
   */
  private boolean loop(boolean in, Expr condition, Stmt body, boolean testAfter) {
    Boolean c = condition == null ? Boolean.TRUE : constant(condition);
    Target t = new Target(true, in);
    targets.push(t);
    boolean bodyEnd;
    try {
      bodyEnd = flow(body, testAfter ? in : in && c != Boolean.FALSE);
    } finally {
      targets.pop();
    }
    boolean tested = testAfter
        ? bodyEnd || t.continues
        : in || bodyEnd || t.continues || containsTargetedLabel(body);
    return t.breaks || (tested && c != Boolean.TRUE);
  }

  private boolean switchReachable() {
    for (Target t : targets) {
      if (!t.loop) return t.reachable;
    }
    return false;
  }

  /** TRUE or FALSE for an integer constant condition, null for any other. */
  private static Boolean constant(Expr condition) {
    ConstantEvaluator.Value v = ConstantEvaluator.evaluate(condition);
    if (v == null || v.isAddress()) return null;
    return v.offset() != 0;
  }

  /**
   * Whether evaluating {@code e} never ends: a call of a function that never returns (possibly
   * cast to void), a comma expression with such an operand, or a conditional whose branches
   * both are such (or the one its constant condition takes, as in {@code assert(0)}).
   */
  private static boolean neverReturns(Expr e) {
    while (e instanceof Expr.Cast c) e = c.operand();
    if (e instanceof Expr.Comma c) return neverReturns(c.left()) || neverReturns(c.right());
    if (e instanceof Expr.Conditional c) {
      Boolean taken = constant(c.condition());
      if (taken != null) return neverReturns(taken ? c.then() : c.otherwise());
      return neverReturns(c.then()) && neverReturns(c.otherwise());
    }
    if (e instanceof Expr.Builtin b) {
      return b.name().equals(Builtins.EXIT) || b.name().equals(Builtins.TRAP)
          || b.name().equals(Builtins.UNREACHABLE) || b.name().equals(Builtins.LONGJMP);
    }
    if (e instanceof Expr.Call call) {
      Expr callee = call.callee();
      while (callee instanceof Expr.Decay d) callee = d.operand();
      return callee instanceof Expr.VarRef v && (v.symbol().isNoreturn() || NORETURN.contains(v.symbol().name()));
    }
    return false;
  }

  /** Whether a {@code default} label of this switch (not of a nested one) is in {@code s}. */
  private static boolean hasDefault(Stmt s) {
    if (s instanceof Stmt.Case c) return c.isDefault() || hasDefault(c.body());
    if (s instanceof Stmt.Switch) return false;
    for (Stmt child : children(s)) {
      if (hasDefault(child)) return true;
    }
    return false;
  }

  private boolean containsTargetedLabel(Stmt s) {
    if (s instanceof Stmt.Labeled l && targetedLabels.contains(l.label())) return true;
    for (Stmt child : children(s)) {
      if (containsTargetedLabel(child)) return true;
    }
    return false;
  }

  private static List<Stmt> children(Stmt s) {
    if (s instanceof Stmt.Block b) return b.statements();
    if (s instanceof Stmt.If i) return i.otherwise() == null ? List.of(i.then()) : List.of(i.then(), i.otherwise());
    if (s instanceof Stmt.While w) return List.of(w.body());
    if (s instanceof Stmt.DoWhile d) return List.of(d.body());
    if (s instanceof Stmt.For f) return f.init() == null ? List.of(f.body()) : List.of(f.init(), f.body());
    if (s instanceof Stmt.Switch w) return List.of(w.body());
    if (s instanceof Stmt.Case c) return List.of(c.body());
    if (s instanceof Stmt.Labeled l) return List.of(l.body());
    return List.of();
  }
}
