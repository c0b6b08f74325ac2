/**
 * The built-in C compiler's public API: {@link dev.wasmformer.c.CCompiler} compiles
 * {@link dev.wasmformer.c.SourceFile}s with {@link dev.wasmformer.c.CompileOptions} into a
 * {@link dev.wasmformer.c.CompileResult}: a WebAssembly module plus
 * {@link dev.wasmformer.c.Diagnostic}s.
 *
 * <p>Stages, one subpackage each, in order: {@code lex} (tokens), {@code preprocess},
 * {@code parse} (with {@code sema} for types and checks, producing the typed {@code ast}),
 * {@code link}, {@code codegen} (through {@link dev.wasmformer.wasm}). Invariants: a result
 * has a module exactly when no error was reported; every diagnostic of a source construct
 * carries its file, line and column.
 */
package dev.wasmformer.c;
