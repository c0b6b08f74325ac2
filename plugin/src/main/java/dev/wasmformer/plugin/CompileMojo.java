package dev.wasmformer.plugin;

import java.io.File;
import java.io.IOException;
import java.util.List;
import dev.wasmformer.plugin.codegen.JavaNames;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Compiles the project's C and WebAssembly programs into one wasmformer bundle, a classpath
 * resource {@code META-INF/wasmformer/<bundleName>.wfb}, and writes a class with one typed
 * static method per program.
 */
// generate-sources, not generate-resources: tools that only generate sources (IDE imports,
// mvn generate-sources) must see the entry-point class too
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true,
    requiresDependencyCollection = ResolutionScope.COMPILE)
public class CompileMojo extends WasmformerMojo {
  /**
   * Skips the goal: nothing is compiled and no bundle is written.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.skip", defaultValue = "false")
  private boolean skip;

  /**
   * The directory of the C programs. Each included {@code .c} file is a program (unless it
   * is a library source); {@code #include "..."} looks here.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.sourceDirectory", defaultValue = "${project.basedir}/src/main/c")
  private File sourceDirectory;

  /**
   * The directory of the WebAssembly programs: each included {@code .wasm} file is a module
   * whose entry points become programs.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.wasmDirectory", defaultValue = "${project.basedir}/src/main/wasm")
  private File wasmDirectory;

  /**
   * Patterns of the program files to compile, relative to the source and wasm directories
   * ({@code *} within a directory, {@code **} across directories).
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.includes", defaultValue = "**/*.c,**/*.wasm")
  private List<String> includes;

  /**
   * Patterns of files to leave out, relative to the source and wasm directories.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.excludes")
  private List<String> excludes;

  /**
   * Patterns, relative to the source directory, of C files that are not programs but shared
   * code compiled into every C program.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.librarySources")
  private List<String> librarySources;

  /**
   * The bundle's name: the goal writes {@code META-INF/wasmformer/<bundleName>.wfb}, which
   * {@code Wasmformer.loadResource(bundleName)} loads.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.bundleName", defaultValue = "${project.artifactId}")
  private String bundleName;

  /**
   * The resource directory the bundle is written below; the goal adds it to the project's
   * resources, so the bundle lands in the jar.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.outputDirectory",
      defaultValue = "${project.build.directory}/generated-resources/wasmformer")
  private File outputDirectory;

  /**
   * The exported functions that become programs. Empty (the default): a module exporting
   * {@code main} or {@code _start} is one program named after its file, any other module
   * gives one program per exported function not starting with {@code _}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.entryPoints")
  private List<String> entryPoints;

  /**
   * Bakes each program into its own weights (the first Futamura projection: the instruction
   * table becomes feed-forward neurons of the program counter, and the prompt holds only the
   * arguments, memory image and input). Results and traces are the universal model's; the
   * bundle holds one model per program. The setting is recorded in the bundle's metadata.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.specialize", defaultValue = "false")
  private boolean specialize;

  /**
   * Size in bytes of the argument area of C programs: the memory, at address 1024, that a run
   * fills with a {@code main(int argc, char **argv)}'s argc and argument strings, or with the
   * arrays passed to pointer parameters ({@code byte[]} in the typed entry points). Every byte
   * of it is a prompt token, so a larger area lengthens every run's prompt. From 8 to 65536.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.argumentAreaBytes", defaultValue = "1024")
  private int argumentAreaBytes;

  /**
   * Stores in the bundle each program's state after its fixed prompt prefix (the tokens no run
   * changes), so that the first run of the loaded bundle starts there instead of feeding them.
   * Costs the build one pass over those tokens and the bundle the state's compressed bytes
   * (sudoku: about 0.45 MB for its 22,651 tokens); {@code false} leaves them out, and first runs
   * feed the whole prompt.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.prefixStates", defaultValue = "true")
  private boolean prefixStates;

  /**
   * A C program's linear memory, in pages of 64 KiB: its static data, heap and stack together.
   * A program whose static data does not fit is refused with the number of pages it needs; a
   * recursion whose stack would reach the static data traps. From 1 to 256 (16 MiB). Modules
   * from {@code src/main/wasm} declare their own memory.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.memoryPages", defaultValue = "2")
  private int memoryPages;

  /**
   * Attaches the bundle to the project as an artifact of type {@code wfb} with classifier
   * {@code wasmformer}, so that it is installed and deployed and other projects can depend
   * on it.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.attach", defaultValue = "false")
  private boolean attach;

  /**
   * Writes the typed entry-point class: one static method per program, for example {@code
   * static int fib(int n)}, so application code calls programs like Java methods.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.generateEntryPoints", defaultValue = "true")
  private boolean generateEntryPoints;

  /**
   * The package of the typed entry-point class.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.entryPointPackage", defaultValue = "wasmformer.generated")
  private String entryPointPackage;

  /**
   * The simple name of the typed entry-point class. Default: the bundle name in
   * UpperCamelCase ({@code my-app} → {@code MyApp}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.entryPointClass")
  private String entryPointClass;

  /**
   * The source root the typed entry-point class's Java source is written below. The goal adds
   * it to the project's compile source roots, so javac compiles the class with the project's
   * own code (and recompiles that code when the class changes), and IDEs show it as a
   * generated source folder.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.generatedSourcesDirectory",
      defaultValue = "${project.build.directory}/generated-sources/wasmformer")
  private File generatedSourcesDirectory;

  /** javac's output, where the resources step copies the bundle; a stale bundle's copy is removed there too. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
  private File classesDirectory;

  /** Where the goal remembers its last build, to skip unchanged ones. */
  @Parameter(defaultValue = "${project.build.directory}/maven-status/wasmformer", readonly = true)
  private File statusDirectory;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  private String pluginVersion;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  private MojoExecution mojoExecution;

  @Component
  private MavenProjectHelper projectHelper;

  @Override
  void executeGoal() throws MojoExecutionException, MojoFailureException, CompileFailure, IOException {
    if (skip) {
      getLog().info("wasmformer: skipped (wasmformer.skip is true)");
      return;
    }
    CompileRequest request = request();
    ProjectOutputs outputs = new ProjectOutputs(project, projectHelper);
    CompileOutcome outcome = new BundleBuild(request, getLog()).run();
    outputs.addResourceRoot(request.outputDirectory());
    if (request.generateEntryPoints() && !outcome.programs().isEmpty()) {
      // Without the runtime, javac would fail on the generated class with a wall of errors.
      if (!outputs.hasCompileDependency(ProjectOutputs.RUNTIME_GROUP, ProjectOutputs.RUNTIME_ARTIFACT)) {
        throw new MojoFailureException("wasmformer: the typed entry points in " + request.entryPointClass()
            + " need " + ProjectOutputs.RUNTIME_GROUP + ":" + ProjectOutputs.RUNTIME_ARTIFACT
            + " on the compile classpath; add it to the project's <dependencies> (version " + pluginVersion
            + ", like the plugin), or set wasmformer.generateEntryPoints to false");
      }
      outputs.addCompileSourceRoot(request.generatedSourcesDirectory());
    }
    if (attach) {
      if (outcome.bundleFile().isPresent()) {
        outputs.attachBundle(outcome.bundleFile().get());
      } else {
        getLog().warn("wasmformer: wasmformer.attach is true but there is no bundle to attach (no programs)");
      }
    }
  }

  private CompileRequest request() throws MojoExecutionException {
    String execution = mojoExecution == null || mojoExecution.getExecutionId() == null
        ? "default" : mojoExecution.getExecutionId();
    try {
      return new CompileRequest(
          project.getBasedir().toPath(),
          sourceDirectory.toPath(),
          wasmDirectory.toPath(),
          includes,
          entries(excludes),
          entries(librarySources),
          bundleName,
          outputDirectory.toPath(),
          entries(entryPoints),
          specialize,
          argumentAreaBytes,
          generateEntryPoints,
          entryPointPackage + "." + (entryPointClass == null || entryPointClass.isBlank()
              ? JavaNames.className(bundleName) : entryPointClass),
          generatedSourcesDirectory.toPath(),
          classesDirectory.toPath(),
          statusDirectory.toPath().resolve(execution.replaceAll("[^A-Za-z0-9._-]", "_")),
          pluginVersion,
          prefixStates,
          memoryPages);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("wasmformer: " + e.getMessage(), e);
    }
  }
}
