package dev.wasmformer.runtime;

import dev.wasmformer.c.SourceFile;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.testing.CPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The programs the prefix trace tests run: fib with an argument, wordfreq with stdin, a C main
 * with argv, and sudoku (a long prompt).
 */
final class PrefixPrograms {
  static final Path EXAMPLES = Path.of("../docs/examples");
  private static final Path ARGS = Path.of("src/test/resources/argv/args.c");

  private PrefixPrograms() {}

  /** The four programs in one bundle of the default model (prefix states stored). */
  static Bundle bundle() throws Exception {
    return new WasmformerCompiler()
        .addC("fib", List.of(new SourceFile("fib.c", CPrograms.LOOP_FIB)), WasmformerCompiler.cOptions(), List.of(), "fib")
        .addC("wordfreq", List.of(source(EXAMPLES.resolve("wordfreq.c"))), WasmformerCompiler.cOptions(), List.of(), null)
        .addC("args", List.of(source(ARGS)), WasmformerCompiler.cOptions(), List.of("built", "in"), null)
        .addC("sudoku", List.of(source(EXAMPLES.resolve("sudoku.c"))), WasmformerCompiler.cOptions(), List.of(), null)
        .bundle();
  }

  static SourceFile source(Path path) throws Exception {
    return new SourceFile(path.toString(), Files.readString(path));
  }
}
