/**
 * The Maven goals of wasmformer.
 *
 * <p>Invariants: mojos are thin. They read their parameters (each with Javadoc, a {@code
 * wasmformer.*} property and {@code @since}), build one immutable request and hand it to
 * the build-time compilers; they hold no compilation logic of their own.
 */
package dev.wasmformer.plugin;
