package dev.wasmformer.plugin;

import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.Program;
import dev.wasmformer.runtime.RunException;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.RunStats;
import dev.wasmformer.runtime.TokenLimitException;
import dev.wasmformer.runtime.TrapException;
import dev.wasmformer.runtime.ValueKind;
import dev.wasmformer.runtime.Wasmformer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.logging.Log;

/**
 * The run goal's work: load the project's bundle (or compile the given file into one),
 * run one program on the transformer, and report its output, result and cost.
 */
final class ProgramRunner {
  /** A run that did not end well; the message is for the build log. */
  static final class RunFailure extends Exception {
    private static final long serialVersionUID = 1L;

    RunFailure(String message) {
      super(message);
    }
  }

  private final RunRequest request;
  private final Log log;
  private final PrintStream out;

  /** {@code out} receives the program's output bytes as they are. */
  ProgramRunner(RunRequest request, Log log, PrintStream out) {
    this.request = request;
    this.log = log;
    this.out = out;
  }

  /** Runs the program; its result (if any) is returned too, for tests. */
  RunResult run() throws RunFailure, CompileFailure, IOException {
    LoadedBundle bundle = load();
    Program program = choose(bundle);
    RunOptions base = program.takesArgv()
        // a C main(argc, argv): the strings are its argv after the program's name
        ? RunOptions.defaults().withArgv(request.args().stream().map(String::trim).toArray(String[]::new))
        : RunOptions.defaults().withArguments(arguments(program));
    RunOptions options = limits(program, base)
        .withInput(request.input().isPresent() ? Files.readAllBytes(request.input().get()) : new byte[0])
        .withAttention(request.attention())
        .withTraceListener(new Progress(program.name(), bundle, request.progressInterval(), log::info));
    if (request.maxTokens() != RunRequest.DEFAULT_MAX_TOKENS) options = options.withMaxTokens(request.maxTokens());
    String call = program.name() + "(" + request.args().stream().map(String::trim).collect(Collectors.joining(", "))
        + ")";
    log.info("wasmformer: running " + call + " on the transformer (" + request.attention().name().toLowerCase(Locale.ROOT)
        + " attention)");
    RunResult result;
    try {
      result = program.run(options);
    } catch (IllegalArgumentException e) {
      throw new RunFailure("wasmformer: " + e.getMessage());
    } catch (RunException e) {
      print(e.output());
      printError(e.errorOutput());
      logStats(e.stats());
      String reason = e instanceof TrapException t ? "trapped: " + t.getMessage().replaceFirst("^trap: ", "")
          : e instanceof TokenLimitException l ? "stopped: " + l.summary() + (l.limitFromPositions() ? ""
              : l.limitFromHeap()
              ? "; for a longer run, give Maven more heap (MAVEN_OPTS=-Xmx8g) or set a limit with -Dwasmformer.maxTokens=N"
              : "; for a longer run, raise the limit with -Dwasmformer.maxTokens=N")
          : "stopped: " + e.getMessage();
      throw new RunFailure("wasmformer: " + call + " " + reason);
    }
    print(result.output());
    printError(result.errorOutput());
    if (result.returnValue().isPresent()) {
      log.info("wasmformer: " + call + " = " + describe(program, result));
    } else {
      log.info("wasmformer: " + call + " finished");
    }
    List<byte[]> buffers = result.buffers();
    for (int b = 0, p = 0; p < program.paramKinds().size(); p++) {
      if (program.paramKinds().get(p) != ValueKind.BYTES) continue;
      log.info("wasmformer: argument " + (p + 1) + " afterwards: \""
          + new String(buffers.get(b++), StandardCharsets.UTF_8) + "\"");
    }
    logStats(result.stats());
    return result;
  }

  private LoadedBundle load() throws RunFailure, CompileFailure, IOException {
    if (request.file().isEmpty()) {
      Path bundle = request.bundleFile();
      if (!Files.isRegularFile(bundle)) {
        throw new RunFailure("wasmformer: there is no bundle at " + ProgramCompiler.display(request.basedir(), bundle)
            + "; build it first (for example mvn generate-resources wasmformer:run), or run a file with"
            + " -Dwasmformer.file=...");
      }
      warnIfStale(bundle);
      return Wasmformer.load(bundle);
    }
    Path file = request.file().get();
    if (!Files.isRegularFile(file)) throw new RunFailure("wasmformer: no such file: " + file);
    String name = file.getFileName().toString();
    if (name.endsWith(".wfb")) return Wasmformer.load(file);
    if (!name.endsWith(".wasm") && !name.endsWith(".c")) {
      throw new RunFailure("wasmformer: " + file + " is no .wfb bundle, .wasm module or .c program");
    }
    Path parent = file.toAbsolutePath().getParent();
    ProgramCompiler compiler = new ProgramCompiler(request.basedir(), parent, List.of(), request.entryPoints(),
        Map.of(), log::warn).prefixStates(false); // runs once: a stored state would feed the prefix twice
    return Wasmformer.load(compiler.compile(List.of(ProgramCompiler.Source.of(file))).bundle());
  }

  /**
   * The run goal uses the bundle as the last build left it; a program source changed since then
   * is not in it, which is worth a warning (a checkout can make this a false alarm, hence no failure).
   */
  private void warnIfStale(Path bundle) throws IOException {
    FileTime written = Files.getLastModifiedTime(bundle);
    // an up-to-date compile leaves the bundle alone but records when it checked
    if (request.statusDirectory() != null && Files.isDirectory(request.statusDirectory())) {
      try (Stream<Path> states = Files.walk(request.statusDirectory(), 2)) {
        for (Path state : states.filter(f -> f.getFileName().toString().equals("state.txt")).toList()) {
          FileTime checked = Files.getLastModifiedTime(state);
          if (checked.compareTo(written) > 0) written = checked;
        }
      }
    }
    FileTime built = written;
    for (Path dir : request.sourceDirectories()) {
      if (!Files.isDirectory(dir)) continue;
      Optional<Path> newer;
      try (Stream<Path> files = Files.walk(dir)) {
        newer = files.filter(Files::isRegularFile).filter(f -> {
          try {
            return Files.getLastModifiedTime(f).compareTo(built) > 0;
          } catch (IOException e) {
            return false;
          }
        }).sorted().findFirst();
      }
      if (newer.isPresent()) {
        log.warn("wasmformer: " + ProgramCompiler.display(request.basedir(), newer.get()) + " changed after the bundle "
            + ProgramCompiler.display(request.basedir(), bundle) + " was built, so the run may not see the change;"
            + " rebuild it first: mvn generate-resources wasmformer:run");
        return;
      }
    }
  }

  private Program choose(LoadedBundle bundle) throws RunFailure {
    if (request.program().isPresent()) {
      try {
        return bundle.program(request.program().get());
      } catch (IllegalArgumentException e) {
        throw new RunFailure("wasmformer: " + e.getMessage());
      }
    }
    List<Program> programs = bundle.programs();
    if (programs.size() == 1) return programs.get(0);
    throw new RunFailure("wasmformer: the bundle has " + programs.size() + " programs; choose one with"
        + " -Dwasmformer.program=NAME: " + programs.stream().map(Program::signature).collect(Collectors.joining(", ")));
  }

  /** {@code options} with the request's limits, each checked against what the program accepts. */
  private RunOptions limits(Program program, RunOptions options) throws RunFailure {
    for (var e : request.limits().entrySet()) {
      String property = e.getKey().equals(RunOptions.MAX_MEMORY_PAGES) ? "wasmformer.maxMemoryPages"
          : e.getKey().equals(RunOptions.MAX_CALL_DEPTH) ? "wasmformer.maxCallDepth" : e.getKey();
      Program.LimitRange range = program.limits().get(e.getKey());
      if (range == null) {
        throw new RunFailure("wasmformer: " + property + " needs a bundle that carries the limit; rebuild the bundle");
      }
      if (e.getValue() < range.min() || e.getValue() > range.max()) {
        throw new RunFailure("wasmformer: " + property + " must be in " + range + ", not " + e.getValue());
      }
      options = options.withLimit(e.getKey(), e.getValue());
    }
    return options;
  }

  private Object[] arguments(Program program) throws RunFailure {
    List<String> args = request.args();
    if (args.size() != program.params().size()) {
      throw new RunFailure("wasmformer: " + program.signature() + " takes " + program.params().size()
          + " argument" + (program.params().size() == 1 ? "" : "s") + ", got " + args.size()
          + (args.isEmpty() ? "" : " (" + String.join(", ", args) + ")") + "; give them with -Dwasmformer.args=1,2");
    }
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      ValueKind kind = program.paramKinds().get(i);
      try {
        values[i] = kind.parse(args.get(i));
      } catch (IllegalArgumentException e) {
        throw new RunFailure("wasmformer: argument " + (i + 1) + " is not "
            + (kind == ValueKind.F32 || kind == ValueKind.F64 ? "a number" : "an integer") + ": " + args.get(i));
      }
    }
    return values;
  }

  /**
   * A float or double result as Java prints it ({@code 3.0}, {@code NaN}); an integer result
   * signed (and unsigned, where that differs).
   */
  private static String describe(Program program, RunResult result) {
    ValueKind kind = program.resultKinds().get(0);
    if (kind == ValueKind.F32 || kind == ValueKind.F64) return String.valueOf(result.typedReturnValue().get());
    long value = result.returnValue().getAsLong();
    if (program.results().get(0).bytes() == 4) {
      int v = (int) value;
      return v < 0 ? v + " (unsigned " + Integer.toUnsignedString(v) + ")" : Integer.toString(v);
    }
    return value < 0 ? value + " (unsigned " + Long.toUnsignedString(value) + ")" : Long.toString(value);
  }

  private void print(byte[] output) {
    out.write(output, 0, output.length);
    out.flush();
  }

  /** The program's stderr (C's stderr, a WASI module's fd 2), on the build's stderr. */
  private void printError(byte[] errorOutput) {
    if (errorOutput.length == 0) return;
    out.flush();
    System.err.write(errorOutput, 0, errorOutput.length);
    System.err.flush();
  }

  private void logStats(RunStats s) {
    log.info(String.format(Locale.ROOT, "wasmformer: %,d tokens, %,d instructions, %.3f s, %,.0f tokens/s",
        s.tokens(), s.instructions(), s.seconds(), s.tokensPerSecond()));
  }
}
