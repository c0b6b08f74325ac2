package dev.wasmformer.plugin;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Compiles the project's C and WebAssembly programs into a wasmformer bundle. */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class CompileMojo extends AbstractMojo {
  @Override
  public void execute() throws MojoExecutionException {
    getLog().info("wasmformer: nothing to compile yet");
  }
}
