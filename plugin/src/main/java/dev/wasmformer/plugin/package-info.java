/**
 * The Maven goals of wasmformer: {@code compile} ({@link dev.wasmformer.plugin.CompileMojo})
 * and {@code run} ({@link dev.wasmformer.plugin.RunMojo}).
 *
 * <p>Invariants:
 * <ul>
 *   <li>Mojos are thin. They read their parameters (each with Javadoc, a {@code
 *       wasmformer.*} property and {@code @since}), build one immutable request ({@code
 *       CompileRequest}, {@code RunRequest}) and hand it to an orchestrator ({@code
 *       BundleBuild}, {@code ProgramRunner}); registering outputs with the project is the
 *       job of {@code ProjectOutputs} alone.
 *   <li>Every program source is tried before a build fails, and every diagnostic reaches the
 *       log; a failed build leaves no partial file (outputs are written to a temporary
 *       file and moved) and is never taken for up to date afterwards (before outputs change, the
 *       state file is rewritten to match no inputs while still listing the last successful
 *       build's outputs, and it is written in full after they all have).
 *   <li>A build is up to date exactly when the fingerprint of its inputs (content digests,
 *       plugin version, settings) equals the last successful build's and that build's
 *       outputs all exist; a build removes what the last successful one wrote and it does not
 *       (with the classes javac made of a removed generated source).
 *   <li>The typed entry points are Java source in a compile source root, never bytecode in
 *       the classes directory: javac must see them, so that the code calling them is
 *       recompiled when they change.
 *   <li>The C compiler is reached only through {@code CSources}.
 * </ul>
 */
package dev.wasmformer.plugin;
