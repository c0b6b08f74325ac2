/**
 * Semantic analysis: scopes, declarations, the type rules of every operator, implicit
 * conversions, constant folding and initializer resolution. Entry point:
 * {@link dev.wasmformer.c.sema.Sema}, driven by the parser.
 *
 * <p>Invariants: every node returned is typed; an erroneous construct is reported once and
 * replaced by a node of {@link dev.wasmformer.c.type.ErrorType}, which silences errors that
 * would only repeat it; no operator or conversion node has a floating-point operand: every
 * floating-point operation is already integer code on the value's bits or a call of a libc
 * soft-float routine ({@code SoftFloat}), and a floating constant is an
 * IntConst of floating type holding its bits; long double is binary64, like double.
 */
package dev.wasmformer.c.sema;
