package dev.wasmformer.c.preprocess;

import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.lex.Token;
import java.util.List;

/** A macro definition; {@code params} is null for an object-like macro. */
record Macro(String name, List<String> params, boolean variadic, List<Token> body, SourcePos pos) {
  boolean functionLike() {
    return params != null;
  }

  /** Same definition in the sense of C99 6.10.3p2 (spelling and whitespace separation). */
  boolean sameAs(Macro other) {
    if (functionLike() != other.functionLike() || variadic != other.variadic) return false;
    if (functionLike() && !params.equals(other.params)) return false;
    if (body.size() != other.body.size()) return false;
    for (int i = 0; i < body.size(); i++) {
      Token a = body.get(i), b = other.body.get(i);
      if (!a.text().equals(b.text())) return false;
      if (i > 0 && a.spaceBefore() != b.spaceBefore()) return false;
    }
    return true;
  }
}
