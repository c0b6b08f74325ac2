package dev.wasmformer.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the tool in-process with captured output and a given stdin (never the test JVM's own). */
final class CliRunner {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(byte[] stdin, String... args) {
    CommandLine commandLine = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
    ((RunCommand) commandLine.getSubcommands().get("run").getCommand()).stdin = new ByteArrayInputStream(stdin);
    ((TraceCommand) commandLine.getSubcommands().get("trace").getCommand()).stdin = new ByteArrayInputStream(stdin);
    return commandLine.execute(args);
  }

  int run(String... args) {
    return run(new byte[0], args);
  }
}
