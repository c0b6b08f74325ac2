/**
 * Lexical analysis: source text to preprocessing tokens, and the decoding of literals.
 *
 * <p>Invariants: every token knows its file, line and column; line splices and comments
 * never produce tokens; the token list of a file ends with one EOF token. Malformed
 * literals and stray characters become tokens that their consumer reports, so text in a
 * skipped {@code #if 0} group is never an error.
 */
package dev.wasmformer.c.lex;
