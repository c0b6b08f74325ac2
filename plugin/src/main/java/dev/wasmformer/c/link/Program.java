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
 * @param external name to the definition the program's references reach (the program's own,
 *     else the library's)
 * @param library name to the library's own function, which the library's references to a
 *     function reach instead (its definition or host import)
 */
public record Program(
    List<FunctionDef> functions,
    List<GlobalVar> globals,
    List<Symbol> imports,
    List<Expr.StringLit> strings,
    FunctionDef main,
    Map<String, FunctionDef> exports,
    Map<String, Symbol> external,
    Map<String, Symbol> library) {

  /**
   * The symbol that defines what {@code s} names (itself unless it has external linkage): for
   * a function the library refers to, the library's own if it has one.
   */
  public Symbol resolve(Symbol s) {
    if (!s.hasExternalLinkage()) return s;
    if (s.isFromLibrary() && s.kind() == Symbol.Kind.FUNCTION) {
      Symbol own = library.get(s.name());
      if (own != null) return own;
    }
    Symbol d = external.get(s.name());
    return d == null ? s : d;
  }
}
