package dev.wasmformer.c.sema;

import dev.wasmformer.c.ast.Expr;
import dev.wasmformer.c.ast.Initializer;
import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.type.ArrayType;
import dev.wasmformer.c.type.IntType;
import dev.wasmformer.c.type.StructType;
import dev.wasmformer.c.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches an initializer against its object's type (C99 6.7.8): brace elision, designators,
 * string literals for char arrays, and the length of an array declared without one.
 */
final class Initializers {
  private final Sema sema;
  private final List<Initializer.Item> items = new ArrayList<>();
  /** The bit-field the sub-object being initialized is, if it is one (set per struct member). */
  private StructType.BitField bits;
  private Type completed;

  Initializers(Sema sema) {
    this.sema = sema;
  }

  /** The array type with its length, when the declared type was an array of unknown length. */
  Type completedType() {
    return completed;
  }

  Initializer resolve(Type t, InitSyntax init) {
    if (t instanceof ArrayType a && a.length() < 0) {
      int length;
      if (init instanceof InitSyntax.Single s) checkString(a, s.expr());
      if (init instanceof InitSyntax.Single s && stringFor(a, s.expr()) != null) {
        length = length(stringFor(a, s.expr()));
      } else if (init instanceof InitSyntax.Braced b && b.elements().size() == 1
          && b.elements().get(0).designators().isEmpty()
          && b.elements().get(0).init() instanceof InitSyntax.Single s && stringFor(a, s.expr()) != null) {
        length = length(stringFor(a, s.expr()));
      } else if (init instanceof InitSyntax.Braced b) {
        Cursor c = new Cursor(b.elements());
        length = aggregate(a, 0, c, true);
        excess(c);
        completed = new ArrayType(a.element(), length);
        return new Initializer(items);
      } else {
        throw sema.diagnostics().fail(init.pos(), "array initializer must be an initializer list");
      }
      completed = new ArrayType(a.element(), length);
      object(completed, 0, init);
      return new Initializer(items);
    }
    object(t, 0, init);
    return new Initializer(items);
  }

  private static final class Cursor {
    final List<InitSyntax.Element> elements;
    int index;

    Cursor(List<InitSyntax.Element> elements) {
      this.elements = new ArrayList<>(elements);
    }

    boolean hasNext() {
      return index < elements.size();
    }

    InitSyntax.Element peek() {
      return elements.get(index);
    }

    void next() {
      index++;
    }

    void dropFirstDesignator() {
      InitSyntax.Element e = elements.get(index);
      elements.set(index, new InitSyntax.Element(e.designators().subList(1, e.designators().size()), e.init()));
    }
  }

  private void excess(Cursor c) {
    if (c.hasNext()) {
      sema.diagnostics().warning(c.peek().init().pos(), "excess elements in initializer");
    }
  }

  private static boolean isCharArray(Type t) {
    return t instanceof ArrayType a && a.element() instanceof IntType e && e.size() == 1;
  }

  /** The string literal {@code e} if it can initialize the array type {@code t}. */
  private static Expr.StringLit stringFor(Type t, Expr e) {
    if (!(t instanceof ArrayType a && e instanceof Expr.StringLit s)) return null;
    Type unit = ((ArrayType) s.type()).element();
    // a narrow string initializes any array of a character type; a wide one only its own type
    if (unit == IntType.CHAR) return isCharArray(t) ? s : null;
    return a.element() == unit ? s : null;
  }

  /**
   * Refuses a string literal that initializes an array of an integer type it does not fit,
   * with GCC's messages: an array of a character type (char, wchar_t, char16_t, char32_t)
   * from another one's string, or of any other integer type.
   */
  private void checkString(Type t, Expr e) {
    if (!(t instanceof ArrayType a && a.element() instanceof IntType elem && e instanceof Expr.StringLit s)
        || stringFor(t, e) != null) {
      return;
    }
    Type unit = ((ArrayType) s.type()).element();
    if (elem.size() == 1 || elem == IntType.INT || elem == IntType.USHORT || elem == IntType.UINT) {
      throw sema.diagnostics().fail(e.pos(), "cannot initialize array of '" + elem.spell()
          + "' from a string literal with type array of '" + unit.spell() + "'");
    }
    throw sema.diagnostics().fail(e.pos(), "array of inappropriate type initialized from string constant");
  }

  /** The number of elements of a string literal, its NUL included. */
  private static int length(Expr.StringLit s) {
    return ((ArrayType) s.type()).length();
  }

  private static boolean isAggregate(Type t) {
    return t instanceof ArrayType || (t instanceof StructType && !t.isComplex());
  }

  /** A complete initializer (a single expression or its own brace list) for an object. */
  private void object(Type t, int offset, InitSyntax init) {
    if (init instanceof InitSyntax.Single s) {
      Expr e = s.expr();
      checkString(t, e);
      if (stringFor(t, e) != null) {
        string((ArrayType) t, offset, stringFor(t, e));
      } else if (t instanceof StructType ts && e.type() instanceof StructType es && ts.unqualified() == es.unqualified()
          && !t.isComplex()) { // the same struct, either of them _Atomic
        items.add(new Initializer.Item(offset, t, e));
      } else if (t instanceof ArrayType) {
        throw sema.diagnostics().fail(e.pos(), "array initializer must be an initializer list"
            + (isCharArray(t) ? " or string literal" : ""));
      } else if (t instanceof StructType && !t.isComplex() && !e.type().isError()) {
        throw sema.diagnostics().fail(e.pos(), "initializing '" + t.spell() + "' with an expression of incompatible type '"
            + sema.rvalue(e).type().spell() + "'");
      } else {
        scalar(t, offset, e);
      }
      return;
    }
    InitSyntax.Braced b = (InitSyntax.Braced) init;
    if (!isAggregate(t)) {
      if (b.elements().isEmpty()) {
        items.add(new Initializer.Item(offset, t, sema.convert(new Expr.IntConst(b.pos(), IntType.INT, 0), t), bits));
        return;
      }
      InitSyntax.Element first = b.elements().get(0);
      if (!first.designators().isEmpty()) {
        throw sema.diagnostics().fail(first.designators().get(0).pos(), "designator in initializer for scalar type '"
            + t.spell() + "'");
      }
      object(t, offset, first.init());
      if (b.elements().size() > 1) {
        sema.diagnostics().warning(b.elements().get(1).init().pos(), "excess elements in scalar initializer");
      }
      return;
    }
    if (t instanceof ArrayType && b.elements().size() == 1 && b.elements().get(0).designators().isEmpty()
        && b.elements().get(0).init() instanceof InitSyntax.Single s && stringFor(t, s.expr()) != null) {
      string((ArrayType) t, offset, stringFor(t, s.expr()));
      return;
    }
    Cursor c = new Cursor(b.elements());
    aggregate(t, offset, c, true);
    excess(c);
  }

  /**
   * Initializes the sub-objects of an aggregate from the cursor. With {@code braced} the
   * aggregate has its own brace list and designators reposition within it; otherwise (brace
   * elision) a designator ends it, unless it is the first element (which led here).
   * Returns one past the highest element index initialized.
   */
  private int aggregate(Type t, int offset, Cursor c, boolean braced) {
    int i = 0;
    int extent = 0;
    boolean first = true;
    while (c.hasNext()) {
      InitSyntax.Element e = c.peek();
      if (!e.designators().isEmpty()) {
        if (!braced && !first) break;
        InitSyntax.Designator d = e.designators().get(0);
        i = position(t, d);
        // A name found inside an anonymous member stays for the anonymous member's own level.
        boolean anonymous = t instanceof StructType st && st.members().get(i).name() == null;
        if (!anonymous) c.dropFirstDesignator();
      } else if (full(t, i)) {
        break;
      }
      first = false;
      Type sub = subType(t, i);
      int subOffset = offset + subOffset(t, i);
      bits = t instanceof StructType st ? st.members().get(i).bits() : null;
      subObject(sub, subOffset, c);
      bits = null;
      i++;
      extent = Math.max(extent, i);
      if (t instanceof StructType st && st.isUnion() && !braced) break;
    }
    return extent;
  }

  private boolean full(Type t, int i) {
    if (t instanceof ArrayType a) return a.length() >= 0 && i >= a.length();
    StructType st = (StructType) t;
    return st.isUnion() ? i >= 1 : i >= st.members().size();
  }

  private static Type subType(Type t, int i) {
    if (t instanceof ArrayType a) return a.element();
    return ((StructType) t).members().get(i).type();
  }

  private static int subOffset(Type t, int i) {
    if (t instanceof ArrayType a) return i * a.element().size();
    return ((StructType) t).members().get(i).offset();
  }

  private int position(Type t, InitSyntax.Designator d) {
    if (t instanceof ArrayType a) {
      if (d.name() != null) {
        throw sema.diagnostics().fail(d.pos(), "field designator '" + d.name() + "' used with an array");
      }
      if (d.index() < 0 || (a.length() >= 0 && d.index() >= a.length())) {
        throw sema.diagnostics().fail(d.pos(), "array index " + d.index() + " exceeds array bounds");
      }
      return (int) d.index();
    }
    StructType st = (StructType) t;
    if (d.name() == null) {
      throw sema.diagnostics().fail(d.pos(), "array designator used with '" + st.spell() + "'");
    }
    List<StructType.Member> members = st.members();
    for (int k = 0; k < members.size(); k++) {
      if (d.name().equals(members.get(k).name())) return k;
    }
    // A member of an anonymous struct or union: position at the anonymous member and
    // let the designator apply inside it.
    for (int k = 0; k < members.size(); k++) {
      if (members.get(k).name() == null && members.get(k).type() instanceof StructType inner
          && inner.find(d.name()) != null) {
        return k;
      }
    }
    throw sema.diagnostics().fail(d.pos(), "field designator '" + d.name() + "' does not refer to any field in '"
        + st.spell() + "'");
  }

  /** Initializes one sub-object from the cursor's current element (and more, with brace elision). */
  private void subObject(Type t, int offset, Cursor c) {
    InitSyntax.Element e = c.peek();
    if (!e.designators().isEmpty()) {
      if (!isAggregate(t)) {
        throw sema.diagnostics().fail(e.designators().get(0).pos(), "designator into non-aggregate type '"
            + t.spell() + "'");
      }
      aggregate(t, offset, c, false);
      return;
    }
    if (e.init() instanceof InitSyntax.Braced) {
      c.next();
      object(t, offset, e.init());
      return;
    }
    Expr x = ((InitSyntax.Single) e.init()).expr();
    if (!isAggregate(t) || stringFor(t, x) != null || (t instanceof StructType && x.type() == t)) {
      c.next();
      object(t, offset, e.init());
      return;
    }
    aggregate(t, offset, c, false);
  }

  private void scalar(Type t, int offset, Expr e) {
    Expr v = sema.assignConvert(e, t, "initializing");
    if (ComplexArithmetic.isPair(v)) {
      // its parts, so that constant ones make a static initializer
      for (Initializer.Item part : ((Expr.CompoundLiteral) v).init().items()) {
        items.add(new Initializer.Item(offset + part.offset(), part.type(), part.value()));
      }
      return;
    }
    items.add(new Initializer.Item(offset, t, v, bits));
  }

  private void string(ArrayType t, int offset, Expr.StringLit s) {
    if (t.length() >= 0 && length(s) - 1 > t.length()) {
      sema.diagnostics().warning(s.pos(), isCharArray(t) ? "initializer-string for char array is too long"
          : "initializer-string for array of '" + t.element().spell() + "' is too long");
    }
    items.add(new Initializer.Item(offset, t, s));
  }
}
