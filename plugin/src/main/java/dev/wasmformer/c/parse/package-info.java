/**
 * The C parser: preprocessed tokens to a typed {@link dev.wasmformer.c.ast.TranslationUnit}.
 * Entry point: {@link dev.wasmformer.c.parse.Parser#parse}.
 *
 * <p>Invariants: the grammar lives here and the type rules in
 * {@link dev.wasmformer.c.sema.Sema}, which the parser calls for every construct; after a
 * syntax error the parser skips to the end of the statement or declaration and goes on,
 * so one run reports every independent error.
 */
package dev.wasmformer.c.parse;
