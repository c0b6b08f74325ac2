package dev.wasmformer.c.ast;

import dev.wasmformer.c.lex.SourcePos;
import java.util.List;

/**
 * A function definition. {@code locals} lists every automatic object of the body (named
 * variables of all blocks and compiler temporaries such as compound literals).
 */
public record FunctionDef(Symbol symbol, List<Symbol> params, Stmt.Block body, List<Symbol> locals, SourcePos pos) {
  public FunctionDef {
    params = List.copyOf(params);
    locals = List.copyOf(locals);
  }
}
