/**
 * The C preprocessor: directives, conditional inclusion, {@code #include} and macro
 * replacement. Entry point: {@link dev.wasmformer.c.preprocess.Preprocessor}.
 *
 * <p>Invariants: the output contains no directives and no {@code END_OF_INCLUDE} markers
 * and ends with exactly one EOF token; every output token has the position of the place
 * the programmer wrote it (for macro expansions, the macro's use); a skipped group is
 * never diagnosed beyond its directive structure.
 */
package dev.wasmformer.c.preprocess;
