package dev.wasmformer.c.sema;

import dev.wasmformer.c.ast.Expr;
import dev.wasmformer.c.lex.SourcePos;
import java.util.List;

/** An initializer as written, before it is matched against the type of its object. */
public sealed interface InitSyntax {
  SourcePos pos();

  /** A single expression. */
  record Single(SourcePos pos, Expr expr) implements InitSyntax {}

  /** A brace-enclosed list. */
  record Braced(SourcePos pos, List<Element> elements) implements InitSyntax {
    public Braced {
      elements = List.copyOf(elements);
    }
  }

  /** One list element with its designators ({@code .x}, {@code [3]}), possibly none. */
  record Element(List<Designator> designators, InitSyntax init) {
    public Element {
      designators = List.copyOf(designators);
    }
  }

  /** A designator: a member name, or an array index when {@code name} is null. */
  record Designator(SourcePos pos, String name, long index) {}
}
