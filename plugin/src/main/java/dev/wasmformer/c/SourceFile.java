package dev.wasmformer.c;

/**
 * A C source text and the path that names it in messages and in {@code #include}
 * resolution (relative quoted includes are looked up next to it).
 */
public record SourceFile(String path, String text) {
  public SourceFile {
    if (path == null || text == null) throw new IllegalArgumentException("path and text are required");
  }

  /** The text of a 1-based line without its line terminator, or "" if out of range. */
  public String line(int line) {
    int start = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) return "";
      start = nl + 1;
    }
    int end = text.indexOf('\n', start);
    if (end < 0) end = text.length();
    if (end > start && text.charAt(end - 1) == '\r') end--;
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return path;
  }
}
