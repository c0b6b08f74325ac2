package dev.wasmformer.c.sema;

import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.type.Type;

/** The declaration specifiers of a declaration: base type, storage class, attributes. */
public record DeclSpec(Type type, Storage storage, boolean isInline, boolean isConst, Attributes attributes,
    SourcePos pos) {

  /** The storage-class specifier written, if any. */
  public enum Storage { NONE, TYPEDEF, EXTERN, STATIC, AUTO, REGISTER }
}
