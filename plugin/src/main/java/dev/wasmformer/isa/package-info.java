/**
 * The token ISA: the instruction set a token program is written in, and its reference
 * semantics.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Every operand is a 32-bit slot at a static offset 0..255 from the frame pointer; an
 *       i64 value occupies slots s (low word) and s+1 (high word). Absolute slots
 *       0..globals-1 hold the globals; the entry stub's frame starts at {@code globals}.
 *   <li>Instruction 0 is the entry stub; branch and call targets are instruction indexes
 *       below 65536; a CALL's frame offset x is at least 1, so frames strictly ascend; a
 *       JUMP_TABLE is followed by its imm + 1 JUMPs.
 *   <li>Memory is at most 256 pages (16 MiB), initially and after MEMORY_GROW.
 *   <li>The meaning of each operation is defined once: i32 arithmetic and memory access in
 *       {@link dev.wasmformer.isa.I32Ops}, i64 arithmetic on slot pairs in
 *       {@link dev.wasmformer.isa.I64Ops}, everything else in
 *       {@link dev.wasmformer.isa.ReferenceInterpreter}. The interpreter is a test oracle; it
 *       never runs in the runtime module.
 * </ul>
 */
package dev.wasmformer.isa;
