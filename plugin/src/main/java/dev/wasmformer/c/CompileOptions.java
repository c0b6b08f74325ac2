package dev.wasmformer.c;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Settings of one compilation.
 *
 * @param memoryPages size of linear memory in 64 KiB pages (static data, heap and stack share it)
 * @param denseSwitchAsBrTable compile a dense {@code switch} to {@code br_table}; when false,
 *     every switch becomes a chain of comparisons (plain i32 code)
 * @param argAreaBytes size of the argument area reserved when {@code main} takes argc/argv
 * @param defines predefined macros, name to replacement text (like {@code -D})
 * @param includeDirs directories searched for {@code #include} after the including file's own
 * @param headers in-memory headers, found by path like files on disk
 * @param exports functions to export under their own names, besides {@code main} and the
 *     functions marked {@code __attribute__((export_name("...")))}
 * @param inlineSmallFunctions expand direct calls of small static functions in place (see
 *     docs/c-compiler.md, "Inlining"); the out-of-line copies stay
 */
public record CompileOptions(
    int memoryPages,
    boolean denseSwitchAsBrTable,
    int argAreaBytes,
    Map<String, String> defines,
    List<Path> includeDirs,
    List<SourceFile> headers,
    List<String> exports,
    boolean inlineSmallFunctions) {

  public CompileOptions {
    if (memoryPages < 1 || memoryPages > 65536) throw new IllegalArgumentException("memoryPages must be 1..65536");
    if (argAreaBytes < 8) throw new IllegalArgumentException("argAreaBytes must be at least 8");
    defines = Map.copyOf(defines);
    includeDirs = List.copyOf(includeDirs);
    headers = List.copyOf(headers);
    exports = List.copyOf(exports);
  }

  /** Two pages of memory, br_table for dense switches, a 1 KiB argument area, inlining on. */
  public static CompileOptions defaults() {
    return new CompileOptions(2, true, 1024, Map.of(), List.of(), List.of(), List.of(), true);
  }

  public CompileOptions withMemoryPages(int pages) {
    return new CompileOptions(pages, denseSwitchAsBrTable, argAreaBytes, defines, includeDirs, headers, exports, inlineSmallFunctions);
  }

  public CompileOptions withDenseSwitchAsBrTable(boolean on) {
    return new CompileOptions(memoryPages, on, argAreaBytes, defines, includeDirs, headers, exports, inlineSmallFunctions);
  }

  public CompileOptions withArgAreaBytes(int bytes) {
    return new CompileOptions(memoryPages, denseSwitchAsBrTable, bytes, defines, includeDirs, headers, exports, inlineSmallFunctions);
  }

  public CompileOptions withDefines(Map<String, String> d) {
    return new CompileOptions(memoryPages, denseSwitchAsBrTable, argAreaBytes, d, includeDirs, headers, exports, inlineSmallFunctions);
  }

  public CompileOptions withIncludeDirs(List<Path> dirs) {
    return new CompileOptions(memoryPages, denseSwitchAsBrTable, argAreaBytes, defines, dirs, headers, exports, inlineSmallFunctions);
  }

  public CompileOptions withHeaders(List<SourceFile> h) {
    return new CompileOptions(memoryPages, denseSwitchAsBrTable, argAreaBytes, defines, includeDirs, h, exports, inlineSmallFunctions);
  }

  public CompileOptions withInlineSmallFunctions(boolean on) {
    return new CompileOptions(memoryPages, denseSwitchAsBrTable, argAreaBytes, defines, includeDirs, headers, exports, on);
  }

  public CompileOptions withExports(List<String> e) {
    return new CompileOptions(memoryPages, denseSwitchAsBrTable, argAreaBytes, defines, includeDirs, headers, e, inlineSmallFunctions);
  }
}
