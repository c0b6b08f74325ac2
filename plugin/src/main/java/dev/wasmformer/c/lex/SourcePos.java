package dev.wasmformer.c.lex;

import dev.wasmformer.c.SourceFile;

/** A position in a source file: 1-based line and column (columns count characters). */
public record SourcePos(SourceFile file, int line, int column) {
  @Override
  public String toString() {
    return file.path() + ":" + line + ":" + column;
  }
}
