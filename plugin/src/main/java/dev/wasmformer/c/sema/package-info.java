/**
 * Semantic analysis: scopes, declarations, the type rules of every operator, implicit
 * conversions, constant folding and initializer resolution. Entry point:
 * {@link dev.wasmformer.c.sema.Sema}, driven by the parser.
 *
 * <p>Invariants: every node returned is typed; an erroneous construct is reported once and
 * replaced by a node of {@link dev.wasmformer.c.type.ErrorType}, which silences errors that
 * would only repeat it; floating-point types are typed but refused wherever code would
 * need them.
 */
package dev.wasmformer.c.sema;
