/**
 * The typed abstract syntax tree produced by parsing and semantic analysis.
 *
 * <p>Invariants: every expression has a type and a position; all implicit conversions are
 * explicit {@link dev.wasmformer.c.ast.Expr.Cast} nodes; constant subexpressions are folded
 * into {@link dev.wasmformer.c.ast.Expr.IntConst}; a tree that reaches code generation
 * contains no {@link dev.wasmformer.c.type.ErrorType}.
 */
package dev.wasmformer.c.ast;
