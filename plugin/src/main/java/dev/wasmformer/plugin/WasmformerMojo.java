package dev.wasmformer.plugin;

import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * What the goals share besides their parameters (whose docs say what each goal does with them,
 * so each goal declares its own): how a compile error and an I/O error end the build, and how a
 * list parameter is read.
 */
abstract class WasmformerMojo extends AbstractMojo {
  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    try {
      executeGoal();
    } catch (CompileFailure e) {
      // the diagnostics, each with its source line, then the one-line reason Maven prints
      e.diagnostics().forEach(getLog()::error);
      throw new MojoFailureException("wasmformer: " + e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("wasmformer: " + e.getMessage(), e);
    }
  }

  /** The goal's work. */
  abstract void executeGoal() throws MojoExecutionException, MojoFailureException, CompileFailure, IOException;

  /** A list parameter's entries, trimmed and without blank ones; none when it is not set. */
  static List<String> entries(List<String> list) {
    return list == null ? List.of() : list.stream().filter(s -> !s.isBlank()).map(String::trim).toList();
  }
}
