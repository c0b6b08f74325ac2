/**
 * The byte form of a decoder's state, as the bundle stores the state after a program's fixed
 * prompt prefix: {@link dev.wasmformer.runtime.state.StateWriter} and {@link
 * dev.wasmformer.runtime.state.StateReader}, plain little-endian primitives and arrays with
 * section tags, no Java serialization.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Every object writes exactly the fields its copy constructor copies, in one fixed
 *       order, and reads them back in that order; a section tag before each object's fields
 *       makes a reader that drifted fail at the next tag.</li>
 *   <li>A reader never trusts a length: an array's length is checked against the bytes left
 *       before anything is allocated, and against the length the model's structure fixes
 *       where there is one. Any inconsistency is a {@link
 *       dev.wasmformer.runtime.state.StateFormatException}; the caller then ignores the whole
 *       state and feeds the prompt.</li>
 * </ul>
 */
package dev.wasmformer.runtime.state;
