package dev.wasmformer.cli;

import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.Program;
import dev.wasmformer.runtime.RunOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code run} and {@code trace}, a picocli mixin so that each is declared once:
 * which program and entry point, the attention cache, the run's limits and a C file's memory.
 */
final class ProgramOptions {
  @Option(names = "--entry", paramLabel = "NAME",
      description = "The exported function to enter (a .wasm or .c file; default: main, else _start).")
  String entry;

  @Option(names = "--program", paramLabel = "NAME", description = "The program to run (a bundle with several).")
  String programName;

  @Option(names = "--attention", paramLabel = "hull|naive", defaultValue = "hull",
      description = "The attention cache: hull (O(log n) lookups) or naive (O(n) scans). Default: ${DEFAULT-VALUE}.")
  String attention;

  @Mixin RunLimits limits;

  @Mixin CMemory memory;

  /** The program chosen with --program, or the bundle's only one. */
  Program program(LoadedBundle bundle) {
    return RunSupport.program(bundle, programName);
  }

  /** {@code options} with the attention cache and the limits, checked against {@code program}'s ranges. */
  RunOptions applyTo(RunOptions options, Program program) {
    return limits.applyTo(options.withAttention(RunSupport.attention(attention)), program);
  }

  /** The token limit the command line set, else the runtime's default (for messages). */
  long maxTokens() {
    return limits.maxTokens != null ? limits.maxTokens : RunOptions.DEFAULT_MAX_TOKENS;
  }
}
