package dev.wasmformer.cli;

import dev.wasmformer.c.CompileOptions;
import dev.wasmformer.compiler.WasmformerCompiler;
import picocli.CommandLine.Option;

/** The linear memory of a C program the tool compiles (static data, heap and stack together). */
final class CMemory {
  /** The lowering's cap: 16 MiB. */
  static final int MAX_PAGES = 256;

  @Option(names = "--memory-pages", paramLabel = "N",
      description = "A C program's memory, in pages of 64 KiB (static data, heap and stack together), 1..256."
          + " Default: 2 (128 KiB).")
  Integer memoryPages;

  @Option(names = "--no-inline",
      description = "Keep every call of a C function a call (by default calls of small static functions are expanded in place).")
  boolean noInline;

  /** The compile options of the tool's C compilations, with this memory. */
  CompileOptions options() {
    CompileOptions options = WasmformerCompiler.cOptions();
    if (noInline) options = options.withInlineSmallFunctions(false);
    if (memoryPages == null) return options;
    if (memoryPages < 1 || memoryPages > MAX_PAGES) {
      throw new IllegalArgumentException("--memory-pages must be in 1.." + MAX_PAGES + ", not " + memoryPages);
    }
    return options.withMemoryPages(memoryPages);
  }
}
