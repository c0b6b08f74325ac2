package dev.wasmformer.plugin;

import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.plugin.codegen.EntryPoint;
import dev.wasmformer.plugin.codegen.EntryPointGenerator;
import dev.wasmformer.runtime.format.BundleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.logging.Log;

/**
 * The compile goal's work, in order: find the program sources, skip if nothing changed since
 * the last build, compile them into one bundle, write it (and the typed entry points),
 * remove what an earlier build wrote that is no longer produced, and remember the state.
 */
final class BundleBuild {
  private static final String STATE_FILE = "state.txt";

  private final CompileRequest request;
  private final Log log;

  BundleBuild(CompileRequest request, Log log) {
    this.request = request;
    this.log = log;
  }

  /**
   * Runs the build.
   *
   * @throws CompileFailure if a program does not compile (every diagnostic is in it)
   */
  CompileOutcome run() throws CompileFailure, IOException {
    Inputs inputs = scan();
    List<String> fingerprint = fingerprint(inputs);
    Path stateFile = request.statusDirectory().resolve(STATE_FILE);
    Optional<BuildState> previous = BuildState.read(stateFile);
    if (previous.isPresent() && previous.get().fingerprint().equals(fingerprint) && previous.get().outputsExist()) {
      BuildState state = previous.get();
      log.info("wasmformer: " + request.bundleName() + " is up to date ("
          + describePrograms(state.programs()) + "), nothing to compile");
      return new CompileOutcome(
          state.programs().isEmpty() ? CompileOutcome.Status.NO_PROGRAMS : CompileOutcome.Status.UP_TO_DATE,
          state.programs().isEmpty() ? Optional.empty() : Optional.of(request.bundleFile()),
          state.programs());
    }
    // An interrupted build must not look up to date afterwards.
    Files.deleteIfExists(stateFile);
    List<Path> oldOutputs = previous.map(BuildState::outputs).orElse(List.of());

    if (inputs.programs().isEmpty()) {
      removeStale(oldOutputs, List.of());
      new BuildState(fingerprint, List.of(), List.of()).write(stateFile);
      log.info("wasmformer: no programs found (looked for " + request.includes() + " in "
          + display(request.sourceDirectory()) + " and " + display(request.wasmDirectory()) + ")");
      return new CompileOutcome(CompileOutcome.Status.NO_PROGRAMS, Optional.empty(), List.of());
    }

    long start = System.nanoTime();
    ProgramCompiler.Compiled compiled = new ProgramCompiler(request.basedir(), request.sourceDirectory(),
        inputs.librarySources(), request.entryPoints(), request.bundleSettings(), log::warn, request.specialize(),
        request.argumentAreaBytes())
        .compile(inputs.programs().stream().map(ProgramCompiler.Source::of).toList());
    List<Path> outputs = new ArrayList<>();
    Path bundleFile = request.bundleFile();
    List<EntryPointGenerator.GeneratedClass> classes = entryPointClasses(compiled);
    AtomicFiles.write(bundleFile, out -> BundleFiles.write(compiled.bundle(), out));
    outputs.add(bundleFile);
    for (EntryPointGenerator.GeneratedClass c : classes) {
      Path file = request.classesDirectory().resolve(c.relativePath());
      AtomicFiles.write(file, c.bytes());
      outputs.add(file);
    }

    removeStale(oldOutputs, outputs);
    List<String> programs = compiled.signatures().stream().map(ProgramCompiler.Signature::name).toList();
    new BuildState(fingerprint, programs, outputs).write(stateFile);
    log.info(String.format(Locale.ROOT, "wasmformer: compiled %s into %s (%,d bytes) in %.1f s",
        describePrograms(programs), display(bundleFile), Files.size(bundleFile),
        (System.nanoTime() - start) / 1e9));
    if (!classes.isEmpty()) {
      log.info("wasmformer: typed entry points in " + request.entryPointClass());
    }
    return new CompileOutcome(CompileOutcome.Status.COMPILED, Optional.of(bundleFile), programs);
  }

  /** The typed entry-point classes, or none when they are switched off. */
  private List<EntryPointGenerator.GeneratedClass> entryPointClasses(ProgramCompiler.Compiled compiled)
      throws CompileFailure {
    if (!request.generateEntryPoints()) return List.of();
    List<EntryPoint> entryPoints = compiled.signatures().stream()
        .map(s -> new EntryPoint(s.name(), s.entry(), s.params(), s.result(), s.paramNames(), s.takesArgv()))
        .toList();
    try {
      return EntryPointGenerator.generate(request.entryPointClass(), request.bundleName(), entryPoints);
    } catch (IllegalArgumentException e) {
      throw new CompileFailure(List.of(e.getMessage()));
    }
  }

  /**
   * The program sources, library sources and headers.
   *
   * @param programs C programs then WebAssembly modules, each sorted by path
   * @param librarySources C files compiled into every C program
   * @param headers header files below the C source directory (they only shape C programs)
   */
  record Inputs(List<Path> programs, List<Path> librarySources, List<Path> headers) {}

  private Inputs scan() throws IOException {
    PathPatterns library = new PathPatterns(request.librarySources(), List.of());
    List<Path> librarySources = request.librarySources().isEmpty() ? List.of()
        : library.scan(request.sourceDirectory()).stream().filter(f -> f.toString().endsWith(".c")).toList();
    PathPatterns programs = new PathPatterns(request.includes(), request.excludes());
    List<Path> found = new ArrayList<>();
    for (Path c : programs.scan(request.sourceDirectory())) {
      if (c.toString().endsWith(".c") && !librarySources.contains(c)) found.add(c);
    }
    for (Path wasm : programs.scan(request.wasmDirectory())) {
      if (wasm.toString().endsWith(".wasm")) found.add(wasm);
    }
    List<Path> headers = new PathPatterns(List.of("**/*.h"), List.of()).scan(request.sourceDirectory());
    return new Inputs(found, librarySources, headers);
  }

  /** One line per thing whose change must recompile: versions, settings, and input contents. */
  private List<String> fingerprint(Inputs inputs) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("plugin " + request.pluginVersion());
    lines.add("compiler " + WasmformerCompiler.VERSION);
    request.bundleSettings().forEach((k, v) -> lines.add("setting " + k + "=" + v));
    lines.add("setting output=" + request.bundleFile());
    lines.add("setting entry_point_class=" + (request.generateEntryPoints() ? request.entryPointClass() : "(none)"));
    lines.add("setting classes=" + request.classesDirectory());
    for (Path p : inputs.programs()) lines.add("program " + display(p) + " " + sha256(p));
    for (Path p : inputs.librarySources()) lines.add("library " + display(p) + " " + sha256(p));
    for (Path p : inputs.headers()) lines.add("header " + display(p) + " " + sha256(p));
    return lines;
  }

  /** Deletes what an earlier build wrote and this one did not, with the copy the resources step made. */
  private void removeStale(List<Path> oldOutputs, List<Path> newOutputs) throws IOException {
    Set<Path> keep = new LinkedHashSet<>(newOutputs);
    for (Path old : oldOutputs) {
      if (keep.contains(old)) continue;
      if (Files.deleteIfExists(old)) log.info("wasmformer: removed stale " + display(old));
      if (old.startsWith(request.outputDirectory())) {
        Files.deleteIfExists(request.classesDirectory().resolve(request.outputDirectory().relativize(old)));
      }
    }
  }

  private static String describePrograms(List<String> programs) {
    if (programs.isEmpty()) return "no programs";
    return programs.size() + (programs.size() == 1 ? " program: " : " programs: ") + String.join(", ", programs);
  }

  private String display(Path p) {
    return ProgramCompiler.display(request.basedir(), p);
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
