package dev.wasmformer.cli;

import dev.wasmformer.runtime.Program;
import dev.wasmformer.runtime.RunOptions;
import picocli.CommandLine.Option;

/** The limits of a run, a part of {@link ProgramOptions}. */
final class RunLimits {
  @Option(names = "--max-tokens", paramLabel = "N",
      description = "Stop a run after N generated tokens. Default: 100000000, or fewer when the Java heap"
          + " (-Xmx) cannot hold that many; never past the model's 67108865 positions, prompt included"
          + " (see docs/limits.md).")
  Long maxTokens;

  @Option(names = "--max-memory-pages", paramLabel = "N",
      description = "memory.grow fails (returns -1) beyond N pages of 64 KiB, 0..256. Default: the module's maximum,"
          + " at most 256.")
  Long maxMemoryPages;

  @Option(names = "--max-call-depth", paramLabel = "N",
      description = "A call nested deeper than N functions traps (call stack exhausted), 1..65535. Default: as deep"
          + " as the 65,536 slots allow.")
  Long maxCallDepth;

  /** {@code options} with these limits, checked against the ranges {@code program}'s bundle allows. */
  RunOptions applyTo(RunOptions options, Program program) {
    return RunSupport.limits(options, program, maxTokens, maxMemoryPages, maxCallDepth);
  }
}
