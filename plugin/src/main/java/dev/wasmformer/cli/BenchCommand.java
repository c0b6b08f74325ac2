package dev.wasmformer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wasmformer bench}: decode speed of the hull and naive caches at several trace lengths,
 * retained memory, load and compile times, and Chicory's interpreter as the outside
 * reference, in one run (see docs/benchmarks.md).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measures decoding speed (tokens/s and instructions/s) with the hull and naive"
        + " caches at several trace lengths, retained memory per trace token, bundle load time to"
        + " the first token, weight compilation time, and Chicory's interpreter on the same"
        + " WebAssembly module; writes a PNG plot of tokens/s against trace length.")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--program", paramLabel = "fib|sieve|sudoku", defaultValue = "fib",
      description = "The benchmark program: fib, sieve, or sudoku (docs/examples/sudoku.c's solver, run"
          + " --arg times). Default: ${DEFAULT-VALUE}.")
  String program;

  @Option(names = "--arg", paramLabel = "N",
      description = "The program's argument (default: one that runs past 10M tokens).")
  Long argument;

  @Option(names = "--lengths", paramLabel = "N,N,...", split = ",",
      defaultValue = "10000,100000,1000000,10000000",
      description = "Trace lengths in generated tokens. Default: ${DEFAULT-VALUE}.")
  long[] lengths;

  @Option(names = "--naive-budget", paramLabel = "SECONDS", defaultValue = "60",
      description = "Time budget of each naive run; a run that exceeds it reports how far it got,"
          + " and longer naive runs are skipped. Default: ${DEFAULT-VALUE}.")
  double naiveBudget;

  @Option(names = "--json", description = "Print the figures as one JSON object.")
  boolean json;

  @Option(names = "--plot", paramLabel = "FILE", defaultValue = "bench-tokens-per-second.png",
      description = "Where to write the plot. Default: ${DEFAULT-VALUE}.")
  Path plot;

  @Option(names = "--no-memory", description = "Skip the retained-memory measurement.")
  boolean noMemory;

  @Option(names = "--no-chicory", description = "Skip the Chicory reference run.")
  boolean noChicory;

  @Option(names = "--universal", description = "Run on the universal interpreter (every opcode) instead of the"
      + " model a build makes for the program's opcodes.")
  boolean universal;

  @Override
  public Integer call() throws Exception {
    if (!BenchPrograms.names().contains(program)) {
      throw new IllegalArgumentException("--program must be one of " + BenchPrograms.names() + ", not " + program);
    }
    long[] sorted = lengths.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0 || sorted[0] < 1) {
      throw new IllegalArgumentException("--lengths must be positive token counts");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BenchRunner.Settings settings = new BenchRunner.Settings(program,
        argument == null ? OptionalLong.empty() : OptionalLong.of(argument), sorted, naiveBudget,
        !noMemory, !noChicory, universal);
    BenchReport report = new BenchRunner(settings, err).run();
    out.print(json ? report.json() + System.lineSeparator() : report.text());
    out.flush();
    BenchPlot.write(report, plot);
    err.println("wasmformer: wrote " + plot);
    return 0;
  }
}
