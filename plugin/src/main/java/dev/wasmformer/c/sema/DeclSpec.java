package dev.wasmformer.c.sema;

import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.type.Type;

/**
 * The declaration specifiers of a declaration: base type, storage class, attributes;
 * {@code unsignedEnum} when the type is an enum whose enumerators are all non-negative (its type
 * is int here, but a bit-field of it is unsigned, as gcc and the psABI have it).
 */
public record DeclSpec(Type type, Storage storage, boolean isInline, boolean isConst, Attributes attributes,
    SourcePos pos, boolean unsignedEnum) {

  public DeclSpec(Type type, Storage storage, boolean isInline, boolean isConst, Attributes attributes, SourcePos pos) {
    this(type, storage, isInline, isConst, attributes, pos, false);
  }

  /** The storage-class specifier written, if any. */
  public enum Storage { NONE, TYPEDEF, EXTERN, STATIC, AUTO, REGISTER }
}
