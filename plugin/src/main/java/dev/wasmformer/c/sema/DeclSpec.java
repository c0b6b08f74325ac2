package dev.wasmformer.c.sema;

import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.type.Type;

/**
 * The declaration specifiers of a declaration: base type, storage class, type qualifiers (const
 * 1, volatile 2, restrict 4: a pointer to the type records them), attributes;
 * {@code unsignedEnum} when the type is an enum whose enumerators are all non-negative (its type
 * is int here, but a bit-field of it is unsigned, as gcc and the psABI have it).
 */
public record DeclSpec(Type type, Storage storage, boolean isInline, int qualifiers, Attributes attributes,
    SourcePos pos, boolean unsignedEnum) {

  public DeclSpec(Type type, Storage storage, boolean isInline, int qualifiers, Attributes attributes, SourcePos pos) {
    this(type, storage, isInline, qualifiers, attributes, pos, false);
  }

  /** The storage-class specifier written, if any. */
  public enum Storage { NONE, TYPEDEF, EXTERN, STATIC, AUTO, REGISTER }
}
