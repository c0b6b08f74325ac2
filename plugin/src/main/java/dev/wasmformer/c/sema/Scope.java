package dev.wasmformer.c.sema;

import dev.wasmformer.c.ast.Symbol;
import java.util.HashMap;
import java.util.Map;

/** One block of the scope chain: ordinary identifiers and tags are separate name spaces. */
final class Scope {
  /**
   * An enumeration tag. Every enum has type int here; {@code unsigned} records whether its
   * enumerators are all non-negative, for which gcc makes the type unsigned int: a bit-field of
   * the enum's type is then unsigned.
   */
  static final class EnumTag {
    final String name;
    /** Tells enum types apart for {@code _Generic}: each tag and each anonymous enum has its own. */
    final int number;
    boolean unsigned;
    /** The enum's type once its enumerators are known (gcc's: see {@code Sema.completeEnum}). */
    dev.wasmformer.c.type.IntType type;

    EnumTag(String name, int number) {
      this.name = name;
      this.number = number;
    }
  }

  final Scope parent;
  final Map<String, Symbol> names = new HashMap<>();
  final Map<String, Object> tags = new HashMap<>();
  /** The variable-length arrays declared in this block so far, in order. */
  final java.util.List<Symbol> vlas = new java.util.ArrayList<>();

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
