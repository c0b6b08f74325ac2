package dev.wasmformer.c;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of a compilation: the module (null when there were errors), every diagnostic,
 * in the order found, and the files the compilation read.
 *
 * @param files what the compilation read, each with the text it read: the sources, in the
 *     order given, then every header an {@code #include} it processed (in a group the
 *     conditionals kept) found on disk (next to the including file, in an include directory)
 *     or among {@link CompileOptions#headers()}, in the order first included, each once. Not
 *     the libc's headers and sources, which are part of the compiler. A build tool that
 *     recompiles when one of these changes recompiles whenever the module could change, as
 *     long as no new file appears ahead of one of them in the include search (see {@link
 *     CCompiler}); when there are errors, the files read until the compilation stopped
 */
public record CompileResult(byte[] wasm, List<Diagnostic> diagnostics, ModuleInfo module, List<SourceFile> files) {
  public CompileResult {
    diagnostics = List.copyOf(diagnostics);
    files = List.copyOf(files);
  }

  /** A result that lists no files read. */
  public CompileResult(byte[] wasm, List<Diagnostic> diagnostics, ModuleInfo module) {
    this(wasm, diagnostics, module, List.of());
  }

  /**
   * What a host needs to know to run the module.
   *
   * @param argAreaAddress where the host writes the arguments before calling {@code _start}
   *     when {@code main} takes argc/argv (0 otherwise): an i32 argc, then argc
   *     NUL-terminated strings back to back, at most {@code argAreaBytes} bytes in all; also
   *     reserved when an export takes a pointer, whose buffer a host places there
   * @param heapBase first address after static data
   * @param memoryBytes size of linear memory
   * @param exports exported function names ({@code main} and {@code _start} when there is a main)
   * @param signatures each exported function's boundary in C terms, by export name
   */
  public record ModuleInfo(int argAreaAddress, int argAreaBytes, int heapBase, int memoryBytes, List<String> exports,
      Map<String, ExportSignature> signatures) {
    public ModuleInfo {
      exports = List.copyOf(exports);
      signatures = Map.copyOf(signatures);
    }
  }

  public boolean success() {
    return wasm != null;
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  /** All diagnostics rendered with their source lines, one after another. */
  public String render() {
    return diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
  }
}
