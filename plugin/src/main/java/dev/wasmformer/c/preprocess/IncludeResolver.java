package dev.wasmformer.c.preprocess;

import dev.wasmformer.c.SourceFile;

/** Finds the file an {@code #include} names. */
public interface IncludeResolver {
  /**
   * @param name the name between the quotes or angle brackets
   * @param quoted true for {@code "name"}, false for {@code <name>}
   * @param includer the file containing the directive
   * @return the file, or null if there is none
   */
  SourceFile resolve(String name, boolean quoted, SourceFile includer);
}
