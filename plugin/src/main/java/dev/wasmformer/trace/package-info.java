/**
 * A readable view of execution traces: {@link dev.wasmformer.trace.TraceDecoder} turns the
 * token ids a transformer generates into one {@link dev.wasmformer.trace.TraceStep} per
 * executed instruction, as they are produced.
 *
 * <p>Invariants:
 * <ul>
 *   <li>The decoder never executes the program. Everything a step reports is read off the
 *       trace tokens; only the instruction (fetched at the tracked pc) and the slot it names
 *       come from the program. Memory addresses are not in the trace, so a store reports its
 *       bytes and its static offset.
 *   <li>The pc is tracked the way the interpreter tracks it: the next instruction is the
 *       following one, unless the step's tokens carry a JUMP_LO/JUMP_HI target. The frame
 *       pointer is the latest FP_LO/FP_HI pair.
 *   <li>The token layout of each opcode is {@link dev.wasmformer.interpreter.TracePlan}'s; a
 *       token that does not fit it stops decoding with a
 *       {@link dev.wasmformer.trace.TraceDecodingException}, never a wrong step.
 * </ul>
 */
package dev.wasmformer.trace;
