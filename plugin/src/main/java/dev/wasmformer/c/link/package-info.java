/**
 * The linker: joins translation units by name and keeps what the entry points reach.
 * Entry point: {@link dev.wasmformer.c.link.Linker}.
 *
 * <p>Invariants: in a {@link dev.wasmformer.c.link.Program} every function or object a
 * reachable definition uses is itself in the program (or is a host import); a user
 * definition always wins over the library's definition of the same name.
 */
package dev.wasmformer.c.link;
