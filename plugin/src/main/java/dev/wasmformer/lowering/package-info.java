/**
 * Lowering: a WebAssembly binary module in, a {@link dev.wasmformer.isa.TokenProgram} out.
 * The one entry is {@link dev.wasmformer.lowering.Lowering}.
 *
 * <p>Invariants of the programs it emits:
 * <ul>
 *   <li>Instruction 0 starts the entry stub; the entry function follows, then every
 *       function it reaches, each once, in the order first called. Unreached functions are
 *       not emitted.
 *   <li>A function's frame holds its parameters, its declared locals, then its operand
 *       stack; it has at least one slot before the stack, so a call's frame offset is at
 *       least 1. Every value takes one slot as an i32, a pair (low word first) as an i64;
 *       each stack entry's slot is static, as its height and the types below it are.
 *   <li>Declared locals are zeroed by the function's prologue, since slots are reused.
 *   <li>Every branch target is an absolute instruction index; a branch carrying values
 *       moves them to the target's result slots first, and only when it is taken.
 *   <li>A JUMP_TABLE (br_table, call_indirect) is followed by its JUMPs, the default last;
 *       whichever entry is taken, the same number of instructions runs up to the target's
 *       own code (for br_table, plus that label's moves).
 *   <li>An operand stack entry may be read straight from the local it was loaded from, but
 *       every jump target is reached with each entry in its own slots, and an entry is
 *       copied to its slots before its local changes.
 *   <li>A WASI function the program calls is a routine appended like a function, built from
 *       ordinary instructions; the runtime needs to know nothing of WASI. A program importing
 *       any WASI function has an i32 result, its exit status (proc_exit's, else 0). Its argv
 *       is read from an argument area in memory (bytes 16..1023), never from its code, so a
 *       run may replace it.
 *   <li>A float value is its bit pattern (an f32 an i32, an f64 a slot pair) everywhere; float
 *       arithmetic, comparisons and conversions are CALLs of soft-float routines ({@code
 *       FloatRoutines}: the libc's softfloat.c compiled by our C compiler), appended like
 *       functions, each once, when called. They use only their own frames (no memory, no
 *       globals), so they fit into any program.
 *   <li>Anything outside the supported subset (today: i32, i64, f32 and f64 values; no vector
 *       or reference values, bulk memory, table instructions, or imports other than env.putchar,
 *       env.putchar_err, env.getchar and the WASI functions of {@code WasiRoutines}) is refused
 *       with a message naming the construct and the function, never lowered approximately.
 * </ul>
 */
package dev.wasmformer.lowering;
