package dev.wasmformer.c.sema;

import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.type.Type;
import java.util.List;

/**
 * A declarator applied to its base type: the declared name (null when abstract), its full
 * type, and, when the name is directly declared as a function, its parameter names.
 */
public record Declarator(String name, SourcePos pos, Type type, List<Param> params, Attributes attributes) {

  /** A parameter of a function declarator; {@code name} is null when omitted. */
  public record Param(String name, SourcePos pos, Type type) {}
}
