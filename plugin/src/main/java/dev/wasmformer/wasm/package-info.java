/**
 * A writer for WebAssembly binary modules (MVP format plus the sign-extension operators).
 *
 * <p>{@link dev.wasmformer.wasm.ModuleBuilder} is the entry point; function bodies are
 * written with {@link dev.wasmformer.wasm.CodeBuilder}. Invariants: function indexes count
 * imported functions first, so every import is declared before the first function is;
 * function types are deduplicated; the output is deterministic for the same calls. The
 * writer checks structure (indexes in range, balanced blocks) but not operand types:
 * validating the code is the consumer's job.
 */
package dev.wasmformer.wasm;
