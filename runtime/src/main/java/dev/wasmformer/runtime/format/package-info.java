/**
 * The bundle file format: the protobuf messages generated from {@code bundle.proto}, and
 * {@link dev.wasmformer.runtime.format.BundleFiles}, which reads and writes {@code .wfb}
 * files.
 *
 * <p>Invariants: every {@link dev.wasmformer.runtime.format.Bundle} that
 * {@code BundleFiles.read} returns, or that {@code BundleFiles.write} accepts, has passed
 * {@code BundleFiles.validate}: the architecture is the one this runtime implements, every
 * matrix has the shape the model shape implies and well-formed storage, every head has a
 * mode, the vocabulary has one token per id with a known role (one HALT, one INPUT_END, at
 * most one PROGRAM_BYTE and one INPUT_BYTE token per byte value, and all 256 PROGRAM_BYTE
 * tokens if a program takes parameters), and every program's prompt tokens and parameter
 * positions are in range. Code that consumes a bundle may rely
 * on these facts and need not check them again.
 *
 * <p>This package knows the layout of weights, not what they compute.
 */
package dev.wasmformer.runtime.format;
