package dev.wasmformer.cli;

import dev.wasmformer.c.SourceFile;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.lowering.Lowering;
import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.Program;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.RunStats;
import dev.wasmformer.runtime.HeapExhaustedException;
import dev.wasmformer.runtime.TokenLimitException;
import dev.wasmformer.runtime.TrapException;
import dev.wasmformer.runtime.ValueKind;
import dev.wasmformer.runtime.Wasmformer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wasmformer run FILE [-- ARGS...]}: runs a program on the transformer like a native
 * binary: output bytes to stdout, stdin as input, exit status the result's low byte.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs a program on the transformer. FILE is a bundle (.wfb), a WebAssembly module (.wasm)"
        + " or a C file (.c, compiled first; ARGS become main's argv, as for a module importing WASI functions)."
        + " Output bytes go to stdout, error output bytes (C's stderr, a WASI module's fd 2) to stderr, stdin is the input, and the exit status is"
        + " the entry point's integer result & 0xFF (a WASI module's exit status); a trap exits with 134.")
final class RunCommand implements Callable<Integer> {
  /** Exit status of a trap, as a native program killed by SIGABRT has. */
  static final int TRAP = 134;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A .wfb bundle, a .wasm module or a .c file.")
  Path file;

  @Parameters(index = "1..*", paramLabel = "ARGS",
      description = "Arguments of the entry point (integers, floats such as 1.5, a pointer parameter's bytes as"
          + " text); for a C main(argc, argv) (a .c file or a bundle's program) or a WASI module, main's argv.")
  List<String> args = new ArrayList<>();

  @Mixin ProgramOptions programOptions;

  @Option(names = "--stats", description = "Print tokens, instructions and speed to stderr"
      + " (with --batch: one summary line on stdout).")
  boolean stats;

  @Option(names = "--batch", paramLabel = "BATCH",
      description = "Run the program once per line of BATCH (a line's integer arguments; blank lines and"
          + " lines starting with # are skipped), on --threads threads, and print one line per run in"
          + " file order: LINE: RESULT, or the trap or error that ended it. Exit status 0 if every run"
          + " halted, else 1.")
  Path batch;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads for --batch. Default: the number of cores.")
  Integer threads;

  /**
   * Whether ARGS are argv strings rather than integers: for a C program or a WASI module entered
   * at its default entry (main's arguments); set by load.
   */
  private boolean argvProgram;

  /** Whether a .c file was loaded at its main (which, unless it takes argv, takes no ARGS). */
  private boolean cMainWithoutArgv;

  /** Where the program's input comes from; tests replace it. */
  InputStream stdin = System.in;

  /** The last change to a run's options; tests use it to watch or disturb the run. */
  UnaryOperator<RunOptions> beforeRun = o -> o;

  @Override
  public Integer call() throws Exception {
    if (batch != null && !args.isEmpty()) {
      throw new IllegalArgumentException("--batch takes the arguments from " + batch + ", not from the command line");
    }
    if (threads != null && threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
    }
    LoadedBundle bundle = load();
    Program program = programOptions.program(bundle);
    if (batch != null) {
      RunOptions base = programOptions.applyTo(RunOptions.defaults(), program);
      int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      return BatchRun.run(program, batch, base, n, spec.commandLine().getOut(), stats);
    }
    // A C main(argc, argv) and a WASI program that reads its argv take it when they run.
    RunOptions base = RunOptions.defaults();
    if (program.takesArgv()) {
      base = base.withArgv(args.toArray(String[]::new));
    } else if (!argvProgram) {
      base = base.withArguments(RunSupport.arguments(program, args));
    } else if (cMainWithoutArgv && !args.isEmpty()) {
      throw new IllegalArgumentException(program.name() + "'s main takes no arguments (int main(void)), but "
          + args.size() + " were given");
    }
    RunOptions options = programOptions.applyTo(base.withInput(RunSupport.input(stdin)), program);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProgressLine progress = ProgressLine.onTerminal(bundle, err);
    try {
      cpuAtStart = threadCpuNanos();
      RunResult r = progress.during(() -> program.run(beforeRun.apply(progress.attachedTo(options))));
      printOutput(out, err, r.output(), r.errorOutput());
      // an exit status cannot carry a float, nor a buffer: they follow the output, a line each
      if (program.resultKinds().contains(ValueKind.F32) || program.resultKinds().contains(ValueKind.F64)) {
        out.println(RunSupport.result(r));
      }
      for (byte[] buffer : r.buffers()) out.println(new String(buffer, StandardCharsets.UTF_8));
      out.flush();
      printStats(err, r.stats());
      return (int) (r.returnValue().orElse(0) & 0xFF);
    } catch (TrapException e) {
      printOutput(out, err, e.output(), e.errorOutput());
      // e.g. "trap: integer divide by zero at instruction 123 (in function fact)"
      err.println("wasmformer: " + e.getMessage());
      printStats(err, e.stats());
      return TRAP;
    } catch (TokenLimitException e) {
      printOutput(out, err, e.output(), e.errorOutput());
      err.printf(Locale.ROOT, "wasmformer: error: %s; %d instructions ran in %.3f s (%s)%n",
          e.summary(), e.stats().instructions(), e.stats().seconds(), RunSupport.raise(e));
      printStats(err, e.stats());
      return Main.FAILURE;
    } catch (HeapExhaustedException e) {
      // the run released its caches: what it wrote so far, then how far it got and what to do
      printOutput(out, err, e.output(), e.errorOutput());
      err.println("wasmformer: error: " + RunSupport.outOfMemory(e.stats().tokens(), e.stats().instructions(),
          e.limit()));
      printStats(err, e.stats());
      return Main.FAILURE;
    } catch (OutOfMemoryError e) {
      // outside the decode loop (which reports it as above); the run's caches are garbage once
      // it has unwound, so there is room to say so
      err.println("wasmformer: error: " + RunSupport.outOfMemory(progress.tokens(), progress.instructions(),
          programOptions.maxTokens()));
      return Main.FAILURE;
    }
  }

  /**
   * What the program wrote: its stdout, then its stderr on the command's own stderr (the run is
   * over: the two streams' order between each other is not kept).
   */
  private static void printOutput(PrintWriter out, PrintWriter err, byte[] output, byte[] errorOutput) {
    out.print(new String(output, StandardCharsets.UTF_8));
    out.flush();
    if (errorOutput.length == 0) return;
    err.print(new String(errorOutput, StandardCharsets.UTF_8));
    err.flush();
  }

  private LoadedBundle load() throws IOException {
    String entry = programOptions.entry;
    String ext = SourceFiles.extension(file);
    switch (ext) {
      case "wfb":
        return Wasmformer.load(file);
      case "wasm": {
        WasmformerCompiler c = SourceFiles.compilerForOneRun();
        byte[] wasm = SourceFiles.readWasm(file);
        argvProgram = entry == null && Lowering.importsWasi(wasm);
        c.addWasm(SourceFiles.programName(file), file.toString(), wasm, entry, argvProgram ? args : List.of());
        return Wasmformer.load(c.bundle());
      }
      case "c": {
        argvProgram = entry == null;
        cMainWithoutArgv = argvProgram;
        WasmformerCompiler c = SourceFiles.compilerForOneRun();
        String text = Files.readString(file);
        // main's argv is given when the program runs, as for a bundle
        c.addC(SourceFiles.programName(file), List.of(new SourceFile(file.toString(), text)),
            programOptions.memory.options(), List.of(), entry);
        SourceFiles.printWarnings(c.warnings(), spec.commandLine().getErr());
        return Wasmformer.load(c.bundle());
      }
      default:
        throw new IllegalArgumentException(file + ": expected a .wfb bundle, a .wasm module or a .c file");
    }
  }

  /** The decoding thread's CPU time when the run started, or -1 where the JVM does not measure it. */
  private long cpuAtStart = -1;

  private static long threadCpuNanos() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : -1;
  }

  private void printStats(PrintWriter err, RunStats s) {
    if (!stats) return;
    err.printf(Locale.ROOT, "wasmformer: tokens=%d instructions=%d seconds=%.3f tokens_per_second=%.0f",
        s.tokens(), s.instructions(), s.seconds(), s.tokensPerSecond());
    // The run's own thread's CPU time (it decodes every token): on a shared machine it moves
    // far less than the wall clock, so A/B comparisons use it. It includes the prompt.
    long cpuEnd = threadCpuNanos();
    if (cpuAtStart >= 0 && cpuEnd >= 0) {
      double cpu = (cpuEnd - cpuAtStart) / 1e9;
      err.printf(Locale.ROOT, " cpu_seconds=%.3f tokens_per_cpu_second=%.0f", cpu, cpu > 0 ? s.tokens() / cpu : 0);
    }
    err.println();
    err.flush();
  }
}
