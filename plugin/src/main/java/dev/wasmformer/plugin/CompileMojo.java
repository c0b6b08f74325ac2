package dev.wasmformer.plugin;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Compiles the project's C and WebAssembly programs into a wasmformer bundle. */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class CompileMojo extends AbstractMojo {
  /**
   * Skips the goal: nothing is compiled and no bundle is written.
   *
   * @since 0.1.0
   */
  @Parameter(property = "wasmformer.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("wasmformer: skipped (wasmformer.skip is true)");
      return;
    }
    getLog().info("wasmformer: nothing to compile yet");
  }
}
