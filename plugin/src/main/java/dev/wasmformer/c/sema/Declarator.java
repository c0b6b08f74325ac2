package dev.wasmformer.c.sema;

import dev.wasmformer.c.ast.Symbol;
import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.type.Type;
import java.util.List;

/**
 * A declarator applied to its base type: the declared name (null when abstract), its full
 * type, and, when the name is directly declared as a function, its parameter names.
 */
public record Declarator(String name, SourcePos pos, Type type, List<Param> params, Attributes attributes) {

  /**
   * A parameter of a function declarator; {@code name} is null when omitted. {@code symbol} is
   * the parameter as its prototype scope declared it (the lengths of later parameters' arrays
   * refer to it), which a definition keeps.
   */
  public record Param(String name, SourcePos pos, Type type, Symbol symbol) {
    public Param(String name, SourcePos pos, Type type) {
      this(name, pos, type, null);
    }
  }
}
