/**
 * Lowering: a WebAssembly binary module in, a {@link dev.wasmformer.isa.TokenProgram} out.
 * The one entry is {@link dev.wasmformer.lowering.Lowering}.
 *
 * <p>Invariants of the programs it emits:
 * <ul>
 *   <li>Instruction 0 starts the entry stub; the entry function follows, then every
 *       function it reaches, each once, in the order first called. Unreached functions are
 *       not emitted.
 *   <li>A function's frame holds its parameters (slots 0..n-1), its declared locals, then
 *       its operand stack; it has at least one slot before the stack, so a call's frame
 *       offset is at least 1. The value at static stack height h is in slot base + h.
 *   <li>Declared locals are zeroed by the function's prologue, since slots are reused.
 *   <li>Every branch target is an absolute instruction index; a branch carrying values
 *       moves them to the target's result slots first, and only when it is taken.
 *   <li>An operand stack entry may be read straight from the local it was loaded from, but
 *       every jump target is reached with each entry in its own slot, and an entry is
 *       copied to its slot before its local changes.
 *   <li>Anything outside the supported subset (today: i32 values only, no br_table,
 *       call_indirect, memory.size/grow, bulk memory, or imports other than env.putchar and
 *       env.getchar) is refused with a message naming the construct and the function,
 *       never lowered approximately.
 * </ul>
 */
package dev.wasmformer.lowering;
