package dev.wasmformer.plugin;

import dev.wasmformer.runtime.Attention;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * @param maxTokens the most tokens the run may generate
 * @param progressInterval how often a long run reports its progress
 * @param entryPoints for a {@code .wasm} or {@code .c} file, as in the compile goal
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
    List<String> entryPoints) {

  RunRequest {
    args = List.copyOf(args);
    entryPoints = List.copyOf(entryPoints);
    if (maxTokens < 1) throw new IllegalArgumentException("wasmformer.maxTokens must be positive: " + maxTokens);
  }
}
