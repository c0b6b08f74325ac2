package dev.wasmformer.c.ast;

import dev.wasmformer.c.SourceFile;
import java.util.List;

/**
 * One analysed source file: its function definitions, its objects with static storage,
 * and every file-scope symbol it declares or uses (for the linker).
 */
public record TranslationUnit(
    SourceFile file, List<FunctionDef> functions, List<GlobalVar> globals, List<Symbol> fileScope) {
  public TranslationUnit {
    functions = List.copyOf(functions);
    globals = List.copyOf(globals);
    fileScope = List.copyOf(fileScope);
  }
}
