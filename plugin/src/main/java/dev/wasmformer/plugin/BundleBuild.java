package dev.wasmformer.plugin;

import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.plugin.codegen.EntryPoint;
import dev.wasmformer.plugin.codegen.EntryPointGenerator;
import dev.wasmformer.runtime.format.BundleFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.logging.Log;

/**
 * The compile goal's work, in order: find the program sources, skip if nothing changed since
 * the last build, compile them into one bundle, write it (and the typed entry points),
 * remove what an earlier build wrote that is no longer produced, and remember the state.
 */
final class BundleBuild {
  private static final String STATE_FILE = "state.txt";
  private static final int LOGGED_NAMES = 8;

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
    Path stateFile = request.statusDirectory().resolve(STATE_FILE);
    Optional<BuildState> previous = BuildState.read(stateFile);
    Inputs inputs = scan(previous.map(BuildState::read).orElse(List.of()));
    // digested before the compilation reads them: a change during it makes the next build compile
    List<String> sources = sourceFingerprint(inputs);
    List<String> fingerprint = concat(sources, headerFingerprint(inputs.headers(), inputs.nearby(), Map.of()));
    if (previous.isPresent() && previous.get().fingerprint().equals(fingerprint) && previous.get().outputsExist()) {
      BuildState state = previous.get();
      if (state.programs().isEmpty()) {
        warnNoPrograms();
        return new CompileOutcome(CompileOutcome.Status.NO_PROGRAMS, Optional.empty(), List.of());
      }
      // when the inputs were last found unchanged: the run goal's staleness check reads it
      Files.setLastModifiedTime(stateFile, FileTime.from(Instant.now()));
      log.info("wasmformer: " + request.bundleName() + " is up to date ("
          + describePrograms(state.programs()) + "), nothing to compile");
      return new CompileOutcome(CompileOutcome.Status.UP_TO_DATE, Optional.of(request.bundleFile()), state.programs());
    }
    List<Path> oldOutputs = previous.map(BuildState::outputs).orElse(List.of());
    // Until this build succeeds, the state matches no inputs (so the next build compiles) but
    // still lists what the last one wrote (so that, once some build succeeds, it removes them).
    new BuildState(List.of(), List.of(), oldOutputs).write(stateFile);

    if (inputs.programs().isEmpty()) {
      removeStale(oldOutputs, List.of());
      new BuildState(fingerprint, List.of(), List.of()).write(stateFile);
      warnNoPrograms();
      return new CompileOutcome(CompileOutcome.Status.NO_PROGRAMS, Optional.empty(), List.of());
    }

    long start = System.nanoTime();
    ProgramCompiler.Compiled compiled = new ProgramCompiler(request.basedir(), request.sourceDirectory(),
        inputs.librarySources(), request.entryPoints(), request.bundleSettings(), log::warn, request.specialize(),
        request.argumentAreaBytes())
        .prefixStates(request.prefixStates())
        .memoryPages(request.memoryPages())
        .compile(inputs.programs().stream().map(ProgramCompiler.Source::of).toList());
    List<Path> outputs = new ArrayList<>();
    Path bundleFile = request.bundleFile();
    Optional<EntryPointGenerator.GeneratedSource> source = entryPointSource(compiled);
    AtomicFiles.write(bundleFile, out -> BundleFiles.write(compiled.bundle(), out));
    outputs.add(bundleFile);
    if (source.isPresent()) {
      Path file = request.generatedSourcesDirectory().resolve(source.get().relativePath());
      AtomicFiles.write(file, source.get().bytes());
      outputs.add(file);
    }

    removeStale(oldOutputs, outputs);
    List<String> programs = compiled.signatures().stream().map(ProgramCompiler.Signature::name).toList();
    // What the compilations read decides what the next build checks, digested as they read it.
    List<Path> read = new ArrayList<>(compiled.filesRead().keySet());
    read.removeAll(inputs.programs().stream().map(p -> p.toAbsolutePath().normalize()).toList());
    read.removeAll(inputs.librarySources().stream().map(p -> p.toAbsolutePath().normalize()).toList());
    read.sort(null);
    List<String> built = concat(sources, headerFingerprint(read, nearby(read), compiled.filesRead()));
    new BuildState(built, programs, outputs, read).write(stateFile);
    log.info(String.format(Locale.ROOT, "wasmformer: compiled %s into %s (%,d bytes) in %.1f s",
        describePrograms(programs), display(bundleFile), Files.size(bundleFile),
        (System.nanoTime() - start) / 1e9));
    if (source.isPresent()) {
      log.info("wasmformer: typed entry points in " + request.entryPointClass() + " ("
          + display(request.generatedSourcesDirectory()) + ")");
    }
    return new CompileOutcome(CompileOutcome.Status.COMPILED, Optional.of(bundleFile), programs);
  }

  /** The typed entry-point class's source, or none when it is switched off. */
  private Optional<EntryPointGenerator.GeneratedSource> entryPointSource(ProgramCompiler.Compiled compiled)
      throws CompileFailure {
    if (!request.generateEntryPoints()) return Optional.empty();
    List<EntryPoint> entryPoints = compiled.signatures().stream()
        .map(s -> new EntryPoint(s.name(), s.entry(), s.params(), s.result(), s.paramNames(), s.takesArgv()))
        .toList();
    try {
      return Optional.of(EntryPointGenerator.generate(request.entryPointClass(), request.bundleName(), entryPoints));
    } catch (IllegalArgumentException e) {
      throw new CompileFailure(List.of(e.getMessage()));
    }
  }

  /**
   * The program sources, library sources and headers.
   *
   * @param programs C programs then WebAssembly modules, each sorted by path
   * @param librarySources C files compiled into every C program
   * @param headers the other files the last build's C compilations read (the headers they
   *     included, wherever they are), by absolute path: their contents count
   * @param nearby the other headers that could come first in an include's search, by absolute
   *     path, sorted: every {@code .h} file below the C source directory (the program's
   *     directory and the source root are the include directories) and beside a header outside
   *     it (where a quoted include in that header looks first); only their presence counts,
   *     since no compilation read them
   */
  record Inputs(List<Path> programs, List<Path> librarySources, List<Path> headers, List<Path> nearby) {}

  /** The inputs, with {@code read} the files besides programs and library sources the last build read. */
  private Inputs scan(List<Path> read) throws IOException {
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
    return new Inputs(found, librarySources, read, nearby(read));
  }

  /** The headers a new file among which could change what an include finds (see {@link Inputs#nearby}). */
  private List<Path> nearby(List<Path> read) throws IOException {
    Set<Path> nearby = new TreeSet<>();
    for (Path h : new PathPatterns(List.of("**/*.h"), List.of()).scan(request.sourceDirectory())) {
      nearby.add(h.toAbsolutePath().normalize());
    }
    Path sourceDirectory = request.sourceDirectory().toAbsolutePath().normalize();
    for (Path file : read) {
      Path dir = file.getParent();
      if (file.startsWith(sourceDirectory) || dir == null || !Files.isDirectory(dir)) continue;
      try (DirectoryStream<Path> beside = Files.newDirectoryStream(dir, "*.h")) {
        for (Path h : beside) {
          if (Files.isRegularFile(h)) nearby.add(h.toAbsolutePath().normalize());
        }
      }
    }
    nearby.removeAll(read);
    return List.copyOf(nearby);
  }

  /**
   * One line per thing whose change must recompile, but the headers: versions, settings, and
   * the contents of programs and library sources.
   */
  private List<String> sourceFingerprint(Inputs inputs) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("plugin " + request.pluginVersion() + pluginBuild(request.pluginVersion()));
    lines.add("compiler " + WasmformerCompiler.VERSION);
    request.bundleSettings().forEach((k, v) -> lines.add("setting " + k + "=" + v));
    lines.add("setting output=" + request.bundleFile());
    lines.add("setting entry_point_class=" + (request.generateEntryPoints() ? request.entryPointClass() : "(none)"));
    // 0.1.0-SNAPSHOT builds once wrote the class as bytecode into the classes directory
    lines.add("setting generated_sources=" + request.generatedSourcesDirectory() + " (java source)");
    lines.add("setting classes=" + request.classesDirectory());
    for (Path p : inputs.programs()) lines.add("program " + display(p) + " " + sha256(p));
    for (Path p : inputs.librarySources()) lines.add("library " + display(p) + " " + sha256(p));
    return lines;
  }

  /**
   * One line per header: the contents of {@code headers} (as {@code texts} gives them, the text
   * a compilation read, else as they are on disk) and the presence of {@code nearby}.
   */
  private List<String> headerFingerprint(List<Path> headers, List<Path> nearby, Map<Path, String> texts)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path p : headers) {
      String text = texts.get(p);
      String digest = text != null ? sha256(text.getBytes(StandardCharsets.UTF_8))
          : Files.isRegularFile(p) ? sha256(p) : "(missing)";
      lines.add("header " + display(p) + " " + digest);
    }
    for (Path p : nearby) lines.add("nearby " + display(p));
    return lines;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * For a snapshot plugin, which jar of it runs (its size and time): a rebuilt snapshot may
   * compile or generate differently under the same version.
   */
  private static String pluginBuild(String version) {
    if (version == null || !version.endsWith("-SNAPSHOT")) return "";
    try {
      Path jar = Path.of(BundleBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(jar)) return "";
      return " (" + Files.size(jar) + " bytes, " + Files.getLastModifiedTime(jar) + ")";
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "";
    }
  }

  /**
   * Deletes what an earlier build wrote and this one did not, with what later steps made of it:
   * the bundle's copy in the classes directory, and the classes javac compiled from a generated
   * source (so that no code links against a class whose source is gone).
   */
  private void removeStale(List<Path> oldOutputs, List<Path> newOutputs) throws IOException {
    Set<Path> keep = new LinkedHashSet<>(newOutputs);
    for (Path old : oldOutputs) {
      if (keep.contains(old)) continue;
      if (Files.deleteIfExists(old)) log.info("wasmformer: removed stale " + display(old));
      if (old.startsWith(request.outputDirectory())) {
        Files.deleteIfExists(request.classesDirectory().resolve(request.outputDirectory().relativize(old)));
      }
      String name = old.getFileName().toString();
      if (old.startsWith(request.generatedSourcesDirectory()) && name.endsWith(".java")) {
        Path relative = request.generatedSourcesDirectory().relativize(old);
        Path dir = request.classesDirectory().resolve(relative).getParent();
        String simpleName = name.substring(0, name.length() - ".java".length());
        Files.deleteIfExists(dir.resolve(simpleName + ".class"));
        if (Files.isDirectory(dir)) {
          try (DirectoryStream<Path> nested = Files.newDirectoryStream(dir, simpleName + "$*.class")) {
            for (Path n : nested) Files.deleteIfExists(n);
          }
        }
      }
    }
  }

  /**
   * A plugin execution without programs is most likely a mistake (a misplaced directory, a
   * pattern that matches nothing), so it is a warning, on every build.
   */
  private void warnNoPrograms() {
    List<String> missing = new ArrayList<>();
    for (Path dir : List.of(request.sourceDirectory(), request.wasmDirectory())) {
      if (!Files.isDirectory(dir)) missing.add(display(dir));
    }
    log.warn("wasmformer: no programs found, so no bundle " + request.bundleName() + " (looked for "
        + String.join(", ", request.includes()) + " in " + display(request.sourceDirectory()) + " and "
        + display(request.wasmDirectory())
        + (missing.isEmpty() ? "" : "; " + String.join(" and ", missing) + (missing.size() == 1 ? " does" : " do")
            + " not exist")
        + "); put C files in " + display(request.sourceDirectory()) + ", or set wasmformer.skip to true");
  }

  /** The programs for a log line: their names, the first few of a long list (the class lists them all). */
  static String describePrograms(List<String> programs) {
    if (programs.isEmpty()) return "no programs";
    String names = programs.size() <= LOGGED_NAMES ? String.join(", ", programs)
        : String.join(", ", programs.subList(0, LOGGED_NAMES)) + " and " + (programs.size() - LOGGED_NAMES) + " more";
    return programs.size() + (programs.size() == 1 ? " program: " : " programs: ") + names;
  }

  private String display(Path p) {
    return ProgramCompiler.display(request.basedir(), p);
  }

  private static String sha256(Path file) throws IOException {
    return sha256(Files.readAllBytes(file));
  }

  // A text the compiler read from a file (as UTF-8, which it refuses to decode otherwise) has
  // the file's bytes again as UTF-8, so both digests of an unchanged file agree.
  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
