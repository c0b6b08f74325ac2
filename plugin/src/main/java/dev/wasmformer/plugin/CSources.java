package dev.wasmformer.plugin;

import dev.wasmformer.c.CCompiler;
import dev.wasmformer.c.CompileOptions;
import dev.wasmformer.c.CompileResult;
import dev.wasmformer.c.Diagnostic;
import dev.wasmformer.c.ExportSignature;
import dev.wasmformer.c.SourceFile;
import dev.wasmformer.compiler.WasmformerCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The goals' one door to the C compiler: a C program (with the shared library sources)
 * in, a WebAssembly module or its diagnostics out.
 */
final class CSources {
  /**
   * A compilation's outcome.
   *
   * @param wasm the module, or null when there are errors
   * @param errors every error, each rendered as {@code file:line:col: error: message}
   *     followed by the source line and a caret
   * @param warnings the warnings, rendered the same way
   * @param signatures each exported function's boundary in C terms, by export name (empty
   *     when there are errors)
   * @param module what a host needs to know to run the module (null when there are errors)
   * @param files the files the compilation read, with the text it read ({@link CompileResult#files()})
   */
  record Result(byte[] wasm, List<String> errors, List<String> warnings, Map<String, ExportSignature> signatures,
      CompileResult.ModuleInfo module, List<SourceFile> files) {}

  private static final Pattern UNDEFINED_EXPORT = Pattern.compile("exported function '(.+)' is not defined");

  private CSources() {}

  /**
   * Compiles {@code program} together with {@code librarySources}. {@code #include "..."}
   * looks next to the including file, then in the program's directory and {@code
   * sourceRoot}; file names in diagnostics are relative to {@code basedir}.
   *
   * @param entryPoints functions to export besides {@code main} and those marked {@code
   *     __attribute__((export_name("...")))}; names the program does not define are skipped
   */
  static Result compile(Path program, List<Path> librarySources, Path sourceRoot, Path basedir,
      List<String> entryPoints, int argumentAreaBytes, int memoryPages) throws IOException {
    List<SourceFile> sources = new ArrayList<>();
    sources.add(source(program, basedir));
    for (Path library : librarySources) sources.add(source(library, basedir));
    List<Path> includeDirs = new ArrayList<>();
    includeDirs.add(program.toAbsolutePath().getParent());
    if (!includeDirs.contains(sourceRoot.toAbsolutePath())) includeDirs.add(sourceRoot.toAbsolutePath());
    List<String> exports = new ArrayList<>(entryPoints);
    exports.removeAll(WasmEntries.MAIN_NAMES);
    // The facade knows which C constructs the transformer's instruction set can take.
    CompileOptions options = WasmformerCompiler.cOptions().withIncludeDirs(includeDirs)
        .withArgAreaBytes(argumentAreaBytes).withMemoryPages(memoryPages);

    CompileResult result = new CCompiler().compile(sources, options.withExports(exports));
    if (!result.success()) {
      // The entry points of a project span its programs: those this one lacks are not its own.
      List<String> undefined = undefinedExports(result);
      if (!undefined.isEmpty()) {
        exports.removeAll(undefined);
        result = new CCompiler().compile(sources, options.withExports(exports));
      }
    }
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Diagnostic d : result.diagnostics()) {
      String rendered = relative(d.render(), basedir);
      if (d.isError()) errors.add(rendered);
      else if (d.severity() == Diagnostic.Severity.WARNING) warnings.add(rendered);
    }
    return result.success()
        ? new Result(result.wasm(), errors, warnings, result.module().signatures(), result.module(), result.files())
        : new Result(null, errors, warnings, Map.of(), null, result.files());
  }

  /** The requested exports the program does not define, if those are its only errors. */
  private static List<String> undefinedExports(CompileResult result) {
    List<String> names = new ArrayList<>();
    for (Diagnostic error : result.errors()) {
      Matcher m = UNDEFINED_EXPORT.matcher(error.message());
      if (!m.matches()) return List.of();
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * The file under its absolute path, so that its quoted includes are found next to it
   * whatever the working directory; diagnostics are made relative afterwards.
   */
  private static SourceFile source(Path file, Path basedir) throws IOException {
    return new SourceFile(file.toAbsolutePath().normalize().toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Files are named by absolute path; show them relative to the project. */
  private static String relative(String rendered, Path basedir) {
    String prefix = basedir.toAbsolutePath().normalize() + "/";
    return rendered.startsWith(prefix) ? rendered.substring(prefix.length()) : rendered;
  }
}
