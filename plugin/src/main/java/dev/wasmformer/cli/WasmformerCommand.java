package dev.wasmformer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code wasmformer} command; its work is done by its subcommands. */
@Command(
    name = "wasmformer",
    mixinStandardHelpOptions = true,
    versionProvider = WasmformerCommand.Version.class,
    description = "Runs C and WebAssembly programs on a transformer whose forward pass is a"
        + " WebAssembly interpreter.",
    subcommands = {InspectCommand.class, CompileCommand.class, RunCommand.class, TraceCommand.class,
        BenchCommand.class})
public final class WasmformerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand");
  }

  /** The tool's version, from the Maven project version written in at build time. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"wasmformer " + version() + " (bundle format "
          + dev.wasmformer.runtime.format.BundleFiles.FORMAT_VERSION + ")"};
    }

    static String version() {
      Properties properties = new Properties();
      try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
        if (in == null) throw new IllegalStateException("version.properties is missing from the build");
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return properties.getProperty("version");
    }
  }
}
