package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.runtime.LoadedBundle;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles generated entry-point sources the way a project's javac would (warnings as
 * errors, with only the runtime on the classpath) and loads them.
 */
public final class GeneratedSources {
  private GeneratedSources() {}

  /**
   * Compiles every {@code .java} file below {@code sourceRoot} into {@code classes}, failing the
   * test with javac's diagnostics if it does not compile cleanly.
   */
  public static void compile(Path sourceRoot, Path classes) throws IOException {
    List<String> args = new ArrayList<>(List.of("-Xlint:all", "-Werror", "--release", "17", "-encoding", "US-ASCII",
        "-d", classes.toString(), "-cp", runtimeClasspath()));
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
  }

  /**
   * Compiles the sources below {@code sourceRoot} into {@code classes} and loads {@code className}
   * in a loader of its own that also sees {@code resources}, with the runtime from the test's loader.
   */
  public static Class<?> compileAndLoad(Path sourceRoot, Path classes, Path resources, String className)
      throws Exception {
    compile(sourceRoot, classes);
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), resources.toUri().toURL()},
        GeneratedSources.class.getClassLoader());
    return Class.forName(className, true, loader);
  }

  /** Where the runtime's classes are, for javac's classpath. */
  public static String runtimeClasspath() {
    try {
      return Path.of(LoadedBundle.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString()
          + File.pathSeparator;
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
