package dev.wasmformer.plugin;

import dev.wasmformer.runtime.Attention;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run of the run goal needs; built by the mojo from its parameters.
 *
 * @param basedir what file names in messages are relative to
 * @param file a {@code .wfb}, {@code .wasm} or {@code .c} file to run, or empty for the
 *     project's bundle
 * @param bundleFile the project's bundle, as the compile goal writes it
 * @param program the program to run, or empty when the bundle has only one
 * @param args the entry point's integer arguments, as written (decimal, or 0x hexadecimal)
 * @param input a file whose bytes are the program's input, or empty for none
 * @param attention the attention cache
 * @param maxTokens the most tokens the run may generate, or {@link #DEFAULT_MAX_TOKENS} for the
 *     runtime's default (which the heap may lower)
 * @param progressInterval how often a long run reports its progress
 * @param entryPoints for a {@code .wasm} or {@code .c} file, as in the compile goal
 * @param limits the run's limits by their bundle name ({@code RunOptions.MAX_MEMORY_PAGES},
 *     {@code RunOptions.MAX_CALL_DEPTH}); a program uses its own for the rest
 * @param sourceDirectories the project's program directories: a source newer than the
 *     project's bundle means the bundle is stale
 * @param statusDirectory where the compile goal keeps its state, whose time says when it last
 *     found the bundle up to date; null when unknown
 */
record RunRequest(
    Path basedir,
    Optional<Path> file,
    Path bundleFile,
    Optional<String> program,
    List<String> args,
    Optional<Path> input,
    Attention attention,
    long maxTokens,
    Duration progressInterval,
    List<String> entryPoints,
    Map<String, Long> limits,
    List<Path> sourceDirectories,
    Path statusDirectory) {

  RunRequest {
    sourceDirectories = List.copyOf(sourceDirectories);
    args = List.copyOf(args);
    entryPoints = List.copyOf(entryPoints);
    limits = Map.copyOf(limits);
    if (maxTokens < 0) throw new IllegalArgumentException("wasmformer.maxTokens must be positive: " + maxTokens);
  }

  /** The {@code maxTokens} of a request that sets no limit: the runtime's default. */
  static final long DEFAULT_MAX_TOKENS = 0;

  /** A request that does not look for sources newer than the bundle. */
  RunRequest(Path basedir, Optional<Path> file, Path bundleFile, Optional<String> program, List<String> args,
      Optional<Path> input, Attention attention, long maxTokens, Duration progressInterval, List<String> entryPoints,
      Map<String, Long> limits) {
    this(basedir, file, bundleFile, program, args, input, attention, maxTokens, progressInterval, entryPoints, limits,
        List.of(), null);
  }

  /** A request without limits of its own. */
  RunRequest(Path basedir, Optional<Path> file, Path bundleFile, Optional<String> program, List<String> args,
      Optional<Path> input, Attention attention, long maxTokens, Duration progressInterval, List<String> entryPoints) {
    this(basedir, file, bundleFile, program, args, input, attention, maxTokens, progressInterval, entryPoints, Map.of());
  }
}
