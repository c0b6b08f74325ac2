/**
 * C types for the wasm32 target (ILP32, signed char, little-endian) and the rules between
 * them (promotions, usual arithmetic conversions, compatibility).
 *
 * <p>Invariants: scalar, pointer, array and function types are values (equal when equal
 * in structure); a struct or union type is an identity, completed at most once. Sizes
 * and alignments are final once a type is complete.
 */
package dev.wasmformer.c.type;
