package dev.wasmformer.c.sema;

import dev.wasmformer.c.ast.Symbol;
import java.util.HashMap;
import java.util.Map;

/** One block of the scope chain: ordinary identifiers and tags are separate name spaces. */
final class Scope {
  /** An enumeration tag; only its completeness matters (every enum has type int here). */
  record EnumTag(String name) {}

  final Scope parent;
  final Map<String, Symbol> names = new HashMap<>();
  final Map<String, Object> tags = new HashMap<>();

  Scope(Scope parent) {
    this.parent = parent;
  }

  Symbol lookup(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      Symbol sym = s.names.get(name);
      if (sym != null) return sym;
    }
    return null;
  }

  Object lookupTag(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      Object t = s.tags.get(name);
      if (t != null) return t;
    }
    return null;
  }

  boolean isFileScope() {
    return parent == null;
  }
}
