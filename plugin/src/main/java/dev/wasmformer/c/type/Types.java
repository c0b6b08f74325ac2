package dev.wasmformer.c.type;

import java.util.ArrayList;
import java.util.List;

/** The type rules of C that do not depend on expressions: promotions, conversions, compatibility. */
public final class Types {
  private Types() {}

  public static int alignTo(int n, int align) {
    return (n + align - 1) / align * align;
  }

  /** The integer promotions (C99 6.3.1.1): everything narrower than int becomes int. */
  public static Type promote(Type t) {
    if (t instanceof IntType i && i.rank() < IntType.INT.rank()) return IntType.INT;
    return t;
  }

  /** The usual arithmetic conversions (C99 6.3.1.8) for two integer types. */
  public static Type usualArithmetic(Type a, Type b) {
    if (a.isError() || b.isError()) return ErrorType.ERROR;
    if (a instanceof FloatType || b instanceof FloatType) {
      if (a == FloatType.LDOUBLE || b == FloatType.LDOUBLE) return FloatType.LDOUBLE;
      if (a == FloatType.DOUBLE || b == FloatType.DOUBLE) return FloatType.DOUBLE;
      return FloatType.FLOAT;
    }
    IntType x = (IntType) promote(a);
    IntType y = (IntType) promote(b);
    if (x == y) return x;
    if (x.isSigned() == y.isSigned()) return x.rank() >= y.rank() ? x : y;
    IntType unsigned = x.isSigned() ? y : x;
    IntType signed = x.isSigned() ? x : y;
    if (unsigned.rank() >= signed.rank()) return unsigned;
    if (signed.size() > unsigned.size()) return signed;
    return signed.toUnsigned();
  }

  /** Compatible types (C99 6.2.7), ignoring qualifiers. */
  public static boolean compatible(Type a, Type b) {
    return compatible(a, b, false);
  }

  /**
   * Compatibility of types declared in different translation units, where a struct is
   * compatible with a struct of another unit that has the same tag (C99 6.2.7p1).
   */
  public static boolean compatibleAcrossUnits(Type a, Type b) {
    return compatible(a, b, true);
  }

  private static boolean compatible(Type a, Type b, boolean acrossUnits) {
    if (a == b) return true;
    if (a.isError() || b.isError()) return true;
    if (acrossUnits && a instanceof StructType s && b instanceof StructType t) {
      return s.isUnion() == t.isUnion() && java.util.Objects.equals(s.tag(), t.tag())
          && (!s.isComplete() || !t.isComplete() || s.size() == t.size());
    }
    if (a instanceof PointerType p && b instanceof PointerType q) {
      return compatible(p.target(), q.target(), acrossUnits);
    }
    if (a instanceof ArrayType x && b instanceof ArrayType y) {
      return compatible(x.element(), y.element(), acrossUnits)
          && (x.length() < 0 || y.length() < 0 || x.length() == y.length());
    }
    if (a instanceof FunctionType f && b instanceof FunctionType g) {
      if (!compatible(f.result(), g.result(), acrossUnits)) return false;
      if (!f.prototyped() || !g.prototyped()) return true;
      if (f.variadic() != g.variadic() || f.params().size() != g.params().size()) return false;
      for (int i = 0; i < f.params().size(); i++) {
        if (!compatible(f.params().get(i), g.params().get(i), acrossUnits)) return false;
      }
      return true;
    }
    // char, signed char and unsigned char are three types; int and long are distinct too.
    return false;
  }

  /**
   * Compatibility as {@code _Generic} decides it: also the qualifiers of the pointed-to types,
   * at every level, must be the same ({@code char *} and {@code const char *} are not
   * compatible, C11 6.7.6.1p2), and pointed-to enum types not two different ones.
   */
  public static boolean compatibleQualified(Type a, Type b) {
    if (!compatible(a, b)) return false;
    while (a instanceof PointerType p && b instanceof PointerType q) {
      if (!PointerType.sameWritten(p.qualifiers(), q.qualifiers())) return false;
      a = p.target();
      b = q.target();
    }
    return true;
  }

  /** Merges a redeclaration into a composite type (C99 6.2.7p3): prefers known lengths and prototypes. */
  public static Type composite(Type a, Type b) {
    if (a instanceof ArrayType x && b instanceof ArrayType y) {
      return x.length() >= 0 ? x : y;
    }
    if (a instanceof FunctionType f && b instanceof FunctionType g) {
      return f.prototyped() ? f : g;
    }
    return a;
  }

  /**
   * Whether the type is variably modified (C99 6.7.6p3): a variable-length array, or an array
   * of or a pointer to one, at any depth (not through a function type's parameters).
   */
  public static boolean isVariablyModified(Type t) {
    if (t instanceof ArrayType a) return a.variable() != null || isVariablyModified(a.element());
    if (t instanceof PointerType p) return isVariablyModified(p.target());
    if (t instanceof FunctionType f) return isVariablyModified(f.result());
    return false;
  }

  /** Adjusts a parameter's declared type: arrays and functions become pointers. */
  public static Type adjustParameter(Type t) {
    if (t instanceof ArrayType a) return new PointerType(a.element());
    if (t instanceof FunctionType) return new PointerType(t);
    return t;
  }

  /** Spells a type around a declarator (for example {@code int (*)[3]}). */
  static String spellDeclarator(Type t, String inner) {
    if (t instanceof PointerType p) {
      String s = "*" + inner;
      if (p.target() instanceof ArrayType || p.target() instanceof FunctionType) s = "(" + s + ")";
      // a pointed-to pointer's qualifiers follow its '*' (char *const *), others lead (const char *)
      String q = (p.qualifiers() & 1) != 0 ? "const " : "";
      if ((p.qualifiers() & 2) != 0) q += "volatile ";
      if ((p.qualifiers() & 4) != 0) q += "restrict ";
      return p.target() instanceof PointerType ? spellDeclarator(p.target(), q + s) : q + spellDeclarator(p.target(), s);
    }
    if (t instanceof ArrayType a) {
      String length = a.variable() != null ? a.variable().spelling() : a.length() < 0 ? "" : "" + a.length();
      return spellDeclarator(a.element(), inner + "[" + length + "]");
    }
    if (t instanceof FunctionType f) {
      List<String> ps = new ArrayList<>();
      for (Type p : f.params()) ps.add(p.spell());
      if (f.variadic()) ps.add("...");
      if (f.prototyped() && ps.isEmpty()) ps.add("void");
      return spellDeclarator(f.result(), inner + "(" + String.join(", ", ps) + ")");
    }
    if (inner.isEmpty()) return t.spell();
    return inner.startsWith("[") ? t.spell() + inner : t.spell() + " " + inner;
  }
}
