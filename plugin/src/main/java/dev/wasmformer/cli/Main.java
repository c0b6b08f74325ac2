package dev.wasmformer.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/** The entry point of {@code wasmformer-cli.jar}. */
public final class Main {
  /** Exit status of a run that failed for a reason other than its command line. */
  static final int FAILURE = 1;

  /** Exit status of a malformed command line. */
  static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int status;
    try {
      status = commandLine(out, err).execute(args);
    } catch (OutOfMemoryError e) {
      // outside a run (which says how far it got): compiling, assembling or loading
      err.println("wasmformer: error: out of memory with a heap of " + (Runtime.getRuntime().maxMemory() >> 20)
          + " MiB; give Java more heap (e.g. java -Xmx4g -jar wasmformer-cli.jar ...)");
      status = FAILURE;
    }
    out.flush();
    err.flush();
    System.exit(status);
  }

  /** The tool's command line, writing to {@code out} and {@code err}. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new WasmformerCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(
        (e, args) -> {
          e.getCommandLine().getErr().println(
              "wasmformer: error: " + e.getMessage() + " (see 'wasmformer --help')");
          return USAGE;
        });
    commandLine.setExecutionExceptionHandler(
        (e, cl, parseResult) -> {
          if (e instanceof dev.wasmformer.compiler.CCompilationException c) {
            // every diagnostic, each with its source line and caret, as a C compiler prints them
            cl.getErr().println(c.getMessage());
          } else {
            cl.getErr().println("wasmformer: error: " + describe(e));
          }
          return FAILURE;
        });
    return commandLine;
  }

  /** A one-line description of {@code e} for the user. */
  static String describe(Exception e) {
    if (e instanceof NoSuchFileException n) return "no such file: " + n.getFile();
    if (e instanceof AccessDeniedException a) return "permission denied: " + a.getFile();
    if (e instanceof FileSystemException f) {
      return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "cannot be accessed");
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return "internal error: " + e.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message);
  }
}
