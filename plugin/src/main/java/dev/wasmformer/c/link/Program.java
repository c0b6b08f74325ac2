package dev.wasmformer.c.link;

import dev.wasmformer.c.ast.Expr;
import dev.wasmformer.c.ast.FunctionDef;
import dev.wasmformer.c.ast.GlobalVar;
import dev.wasmformer.c.ast.Symbol;
import java.util.List;
import java.util.Map;

/**
 * A linked program: the definitions reachable from its entry points, with every symbol
 * use resolvable to its definition.
 *
 * @param functions reachable function definitions, in a deterministic order
 * @param globals reachable objects with static storage
 * @param imports reachable functions supplied by the host (declared with import attributes)
 * @param strings every string literal in reachable code and initializers
 * @param main the definition of {@code main}, or null
 * @param exports export name to function definition
 */
public record Program(
    List<FunctionDef> functions,
    List<GlobalVar> globals,
    List<Symbol> imports,
    List<Expr.StringLit> strings,
    FunctionDef main,
    Map<String, FunctionDef> exports,
    Map<String, Symbol> external) {

  /** The symbol that defines what {@code s} names (itself unless it has external linkage). */
  public Symbol resolve(Symbol s) {
    if (!s.hasExternalLinkage()) return s;
    Symbol d = external.get(s.name());
    return d == null ? s : d;
  }
}
