/**
 * The {@code wasmformer} command-line tool: one picocli command class per subcommand
 * ({@code inspect}, later {@code run}, {@code compile}, {@code trace}, {@code bench}),
 * registered on {@link dev.wasmformer.cli.WasmformerCommand}.
 *
 * <p>Invariants: subcommands write results to the command line's out writer and nothing
 * else; every failure reaches the user as one line {@code wasmformer: error: ...} on the
 * err writer, with exit status 2 for usage errors and 1 for the rest, never a stack trace.
 * {@link dev.wasmformer.cli.Main#commandLine} builds the configured command line, so tests
 * run the tool in-process with captured writers.
 */
package dev.wasmformer.cli;
