/**
 * The public API of the wasmformer runtime: load a bundle ({@link
 * dev.wasmformer.runtime.Wasmformer}), pick a program ({@link
 * dev.wasmformer.runtime.LoadedBundle}) and run it ({@link dev.wasmformer.runtime.Program}).
 *
 * <p>Invariants: a {@code LoadedBundle} holds a validated bundle and the transformer built
 * from it; it and its {@code Program}s are immutable and safe to share between threads,
 * and every run gets its own decoder state: a new one, or a copy of the state a program keeps
 * after its prompt's fixed prefix ({@code PrefixCache}), which no run changes and which gives
 * the same tokens as feeding that prefix again. The kept states of a bundle's programs share a
 * bounded budget ({@code PrefixBudget}) and are held softly; dropping one changes no token,
 * only what the next run feeds. The decode loop here is pure token I/O: it
 * builds the prompt from token ids found by role and value in the vocabulary, feeds the
 * model's arg-max token back, and reads outputs, results, halts and traps off the roles of
 * the generated tokens. It knows nothing about WebAssembly; every step of the execution is
 * the model's forward pass. Byte-buffer arguments follow the same rule: the runtime writes
 * their bytes as prompt tokens and reads them back off the end of the output the program
 * itself writes; it never computes a program's effect on them.
 */
package dev.wasmformer.runtime;
