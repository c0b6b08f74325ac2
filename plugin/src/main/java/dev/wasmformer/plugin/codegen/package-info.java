/**
 * Typed entry points: the class of static methods, one per program, that the compile goal
 * writes as Java source (compiled by javac with the application) so that application code
 * calls programs like Java methods.
 *
 * <p>Invariants: the generated classes depend on the public API of {@code
 * dev.wasmformer.runtime} only, so an application needs nothing but the runtime jar; the
 * bundle is loaded at most once per class loader, on first use; no two generated methods
 * have the same name and parameter types (a clash is refused with a message, never
 * resolved silently); {@link dev.wasmformer.plugin.codegen.EntryPointGenerator} is the one
 * entry. A C {@code float} or {@code double} crosses the boundary as its raw IEEE bits
 * (never canonicalized), so NaN payloads and negative zero survive both ways.
 */
package dev.wasmformer.plugin.codegen;
