package dev.wasmformer.plugin;

import dev.wasmformer.runtime.Attention;
import dev.wasmformer.runtime.RunOptions;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs a program on the transformer from the command line: a program of the project's
 * bundle, or of a given {@code .wfb}, {@code .wasm} or {@code .c} file. Prints the
 * program's output, its result and a statistics line.
 */
@Mojo(name = "run", requiresProject = false, threadSafe = true)
public class RunMojo extends WasmformerMojo {
  /**
   * The program to run. May be left out when there is only one.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.program")
  private String program;

  /**
   * The entry point's arguments, separated by commas, e.g. {@code 10} or {@code 2,3}: integers
   * (decimal, or hexadecimal with {@code 0x}), floats and doubles by value ({@code 1.5}, {@code
   * NaN}), a C pointer parameter's bytes as text (UTF-8); for a C {@code main(int argc, char
   * **argv)} its command-line arguments after the program's name, e.g. {@code --hard,7}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.args")
  private String args;

  /**
   * A file whose bytes are the program's input (what {@code getchar} reads).
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.input")
  private File input;

  /**
   * A file to run instead of the project's bundle: a bundle ({@code .wfb}), a WebAssembly
   * module ({@code .wasm}) or a C program ({@code .c}), compiled on the spot.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.file")
  private File file;

  /**
   * The name of the project's bundle, as in the compile goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.bundleName", defaultValue = "${project.artifactId}")
  private String bundleName;

  /**
   * The resource directory the compile goal writes the bundle below.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.outputDirectory",
      defaultValue = "${project.build.directory}/generated-resources/wasmformer")
  private File outputDirectory;

  /**
   * For a {@code .wasm} or {@code .c} file: the exported functions that become programs, as
   * in the compile goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.entryPoints")
  private List<String> entryPoints;

  /**
   * The attention cache: {@code hull} (each lookup O(log n) in the trace length) or {@code
   * naive} (O(n)); both give the same trace.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.attention", defaultValue = "hull")
  private String attention;

  /**
   * Stops a run after this many generated tokens. Default: 100,000,000, or fewer when Maven's
   * Java heap cannot hold that many (the runtime's default, {@code RunOptions.DEFAULT_MAX_TOKENS}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.maxTokens")
  private Long maxTokens;

  /**
   * Memory may grow to at most this many 64 KiB pages (0..256): a {@code memory.grow} beyond
   * it returns -1. Default: the module's own maximum, at most 256.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.maxMemoryPages")
  private Long maxMemoryPages;

  /**
   * At most this many nested calls (1..65535); a call beyond it traps with {@code call stack
   * exhausted}. Default: as deep as the 65,536 slots allow.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.maxCallDepth")
  private Long maxCallDepth;

  /**
   * Seconds between the progress lines of a long run.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.progressSeconds", defaultValue = "5")
  private int progressSeconds;

  /**
   * The project's C programs, as in the compile goal: a file here newer than the bundle gets a
   * warning that the bundle may be stale.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.sourceDirectory", defaultValue = "${project.basedir}/src/main/c")
  private File sourceDirectory;

  /**
   * The project's WebAssembly modules, as in the compile goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.wasmDirectory", defaultValue = "${project.basedir}/src/main/wasm")
  private File wasmDirectory;

  /** Where the compile goal keeps its state, to tell whether the bundle is current. */
  @Parameter(defaultValue = "${project.build.directory}/maven-status/wasmformer", readonly = true)
  private File statusDirectory;

  @Parameter(defaultValue = "${basedir}", readonly = true)
  private File basedir;

  @Override
  void executeGoal() throws MojoExecutionException, MojoFailureException, CompileFailure, IOException {
    RunRequest request = request();
    try {
      new ProgramRunner(request, getLog(), System.out).run();
    } catch (ProgramRunner.RunFailure e) {
      throw new MojoFailureException(e.getMessage());
    }
  }

  private Map<String, Long> limits() {
    Map<String, Long> limits = new TreeMap<>();
    if (maxMemoryPages != null) limits.put(RunOptions.MAX_MEMORY_PAGES, maxMemoryPages);
    if (maxCallDepth != null) limits.put(RunOptions.MAX_CALL_DEPTH, maxCallDepth);
    return limits;
  }

  private RunRequest request() throws MojoExecutionException {
    Attention kind;
    try {
      kind = Attention.valueOf(attention.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("wasmformer.attention must be hull or naive, not " + attention);
    }
    if (progressSeconds < 1) throw new MojoExecutionException("wasmformer.progressSeconds must be at least 1");
    if (maxTokens != null && maxTokens < 1) {
      throw new MojoExecutionException("wasmformer.maxTokens must be positive: " + maxTokens);
    }
    try {
      return new RunRequest(
          basedir.toPath(),
          Optional.ofNullable(file).map(File::toPath),
          outputDirectory.toPath().resolve(CompileRequest.bundleResource(bundleName)),
          Optional.ofNullable(program).filter(p -> !p.isBlank()),
          args == null || args.isBlank() ? List.of() : Arrays.stream(args.split(",")).map(String::trim).toList(),
          Optional.ofNullable(input).map(File::toPath),
          kind,
          maxTokens == null ? RunRequest.DEFAULT_MAX_TOKENS : maxTokens,
          Duration.ofSeconds(progressSeconds),
          entries(entryPoints),
          limits(),
          Stream.of(sourceDirectory, wasmDirectory).filter(Objects::nonNull).map(File::toPath).toList(),
          statusDirectory == null ? null : statusDirectory.toPath());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }
}
