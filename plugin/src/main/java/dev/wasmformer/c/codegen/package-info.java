/**
 * WebAssembly generation from a linked program. Entry point:
 * {@link dev.wasmformer.c.codegen.CodeGenerator}.
 *
 * <p>Invariants: the module uses only the imports the program declares (for the libc,
 * {@code env.putchar} and {@code env.getchar}); all 32-bit C arithmetic is i32 code and i64
 * appears only for long long and double; no floating-point instruction, value or signature
 * appears (a float is carried as its bits in an i32, a double in an i64, and semantic analysis
 * has turned every floating-point operation into integer code and soft-float calls); {@code br_table} appears only for dense switches (and goto
 * dispatch) when the option allows it; global 0 is the stack pointer; the ABI is the one
 * described in {@link dev.wasmformer.c.codegen.Abi}.
 */
package dev.wasmformer.c.codegen;
