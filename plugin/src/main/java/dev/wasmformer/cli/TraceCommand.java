package dev.wasmformer.cli;

import dev.wasmformer.c.SourceFile;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.TokenProgram.FunctionInfo;
import dev.wasmformer.lowering.Lowering;
import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.Program;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.TokenLimitException;
import dev.wasmformer.runtime.TrapException;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.trace.TraceDecoder;
import dev.wasmformer.trace.TraceFormat;
import dev.wasmformer.trace.TraceProgram;
import dev.wasmformer.trace.TraceStep;
import dev.wasmformer.trace.TraceVocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wasmformer trace FILE [--limit N] [-- ARGS...]}: runs a program on the transformer
 * and prints its decoded trace, one line per executed instruction.
 */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {"Runs a program on the transformer like 'run' and prints its trace: one line per executed"
        + " instruction with its number, index, function, the instruction, and what its tokens say it did"
        + " (the slot word written, bytes stored at the instruction's offset, output, jumps, calls, returns,"
        + " the result or the trap). docs/limits.md describes the format.",
        "Exit status as 'run': the result & 0xFF, 134 on a trap, 1 on an error; 0 when --limit stops it."})
final class TraceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A .wfb bundle, a .wasm module or a .c file.")
  Path file;

  @Parameters(index = "1..*", paramLabel = "ARGS",
      description = "Integer arguments of the entry point; for a .c file or a WASI module, main's argv.")
  List<String> args = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N instructions (default: run to the end).")
  Long limit;

  @Mixin ProgramOptions programOptions;

  /** Where the program's input comes from; tests replace it. */
  InputStream stdin = System.in;

  /** Thrown by the line printer to end the run at --limit. */
  private static final class LimitReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LimitReached() {
      super(null, null, false, false);
    }
  }

  @Override
  public Integer call() throws Exception {
    if (limit != null && limit < 1) throw new IllegalArgumentException("--limit must be positive: " + limit);
    Loaded loaded = load();
    Program program = programOptions.program(loaded.bundle());
    long[] values = RunSupport.words(program, argvProgram ? new Object[0] : RunSupport.arguments(program, args));

    TraceVocabulary vocabulary = TraceVocabulary.of(loaded.bundle().bundle().getVocabulary());
    dev.wasmformer.runtime.format.Program proto = loaded.bundle().bundle().getProgramsList().stream()
        .filter(p -> p.getName().equals(program.name())).findFirst().orElseThrow();
    TraceProgram traced = TraceProgram.of(proto, vocabulary, values);
    if (loaded.functions() != null) traced = traced.withFunctions(loaded.functions());

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TraceStep[] last = new TraceStep[1];
    TraceDecoder decoder = new TraceDecoder(traced, vocabulary, (TraceStep step) -> {
      last[0] = step;
      out.println(TraceFormat.line(step));
      if (limit != null && step.number() == limit && !step.isLast()) throw new LimitReached();
    });
    RunOptions options = programOptions.applyTo(RunOptions.defaults()
        .withArgs(values)
        .withInput(RunSupport.input(stdin))
        .withTraceListener(decoder), program);
    out.println(TraceFormat.header());
    try {
      RunResult r = program.run(options);
      summary(err, r.stats().tokens(), r.stats().instructions(), r.stats().seconds());
      return (int) (r.returnValue().orElse(0) & 0xFF);
    } catch (LimitReached e) {
      err.printf(Locale.ROOT, "wasmformer: stopped after %d instructions (--limit)%n", limit);
      return 0;
    } catch (TrapException e) {
      // the trace itself says where, even when the model reports no address
      int pc = e.instruction().orElse(last[0] != null ? last[0].pc() : -1);
      String function = e.function().orElse(last[0] != null ? last[0].function() : null);
      err.println("wasmformer: trap: " + e.reason() + (pc >= 0 ? " at instruction " + pc : "")
          + (function != null ? " (in function " + function + ")" : ""));
      summary(err, e.stats().tokens(), e.stats().instructions(), e.stats().seconds());
      return RunCommand.TRAP;
    } catch (TokenLimitException e) {
      err.println("wasmformer: error: " + e.summary() + " (" + RunSupport.raise(e) + ")");
      summary(err, e.stats().tokens(), e.stats().instructions(), e.stats().seconds());
      return Main.FAILURE;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static void summary(PrintWriter err, long tokens, long instructions, double seconds) {
    err.printf(Locale.ROOT, "wasmformer: %d instructions, %d tokens, %.3f s%n", instructions, tokens, seconds);
  }

  /**
   * Whether ARGS are argv strings rather than integers: for a C program or a WASI module entered
   * at its default entry (main's arguments); set by load.
   */
  private boolean argvProgram;

  /** A loaded bundle, and for a compiled file the names of its functions. */
  private record Loaded(LoadedBundle bundle, List<FunctionInfo> functions) {}

  private Loaded load() throws IOException {
    String entry = programOptions.entry;
    switch (SourceFiles.extension(file)) {
      case "wfb":
        return new Loaded(Wasmformer.load(file), null);
      case "wasm": {
        byte[] wasm = SourceFiles.readWasm(file);
        WasmformerCompiler compiler = SourceFiles.compilerForOneRun();
        argvProgram = entry == null && Lowering.importsWasi(wasm);
        List<String> argv = argvProgram ? args : List.of();
        String name = SourceFiles.programName(file);
        compiler.addWasm(name, file.toString(), wasm, entry, argv);
        return new Loaded(Wasmformer.load(compiler.bundle()), compiler.functions(name));
      }
      case "c": {
        argvProgram = entry == null;
        List<SourceFile> sources = List.of(new SourceFile(file.toString(), Files.readString(file)));
        WasmformerCompiler compiler = SourceFiles.compilerForOneRun();
        String name = SourceFiles.programName(file);
        compiler.addC(name, sources, programOptions.memory.options(), entry == null ? args : List.of(), entry);
        SourceFiles.printWarnings(compiler.warnings(), spec.commandLine().getErr());
        return new Loaded(Wasmformer.load(compiler.bundle()), compiler.functions(name));
      }
      default:
        throw new IllegalArgumentException(file + ": expected a .wfb bundle, a .wasm module or a .c file");
    }
  }
}
