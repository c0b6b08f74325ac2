package dev.wasmformer.c;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Our libc, shipped as C sources and headers in the plugin's resources. */
final class Libc {
  private static final String INCLUDE = "dev/wasmformer/c/include/";
  private static final String SOURCES = "dev/wasmformer/c/libc/";
  /** The libc's translation units; each is compiled with the program, and linked as needed. */
  static final List<String> SOURCE_FILES = List.of(
      "stdio.c", "printf.c", "stdlib.c", "malloc.c", "string.c", "ctype.c", "qsort.c", "assert.c",
      "softfloat.c", "math.c", "libm.c", "decimal.c", "strtod.c", "scanf.c", "mathl.c", "fenv.c", "wchar.c",
      "setjmp.c", "complex.c", "wctype.c", "locale.c", "signal.c", "time.c", "wprintf.c", "wscanf.c",
      "unistd.c", "getopt.c", "random.c");

  private static final Map<String, SourceFile> CACHE = new ConcurrentHashMap<>();
  private static final SourceFile MISSING = new SourceFile("", "");

  private Libc() {}

  /** A header for {@code #include <name>}, or null. */
  static SourceFile header(String name) {
    if (name.contains("..")) return null;
    SourceFile f = CACHE.computeIfAbsent(INCLUDE + name, p -> load(p, "<libc>/include/" + name));
    return f == MISSING ? null : f;
  }

  /**
   * For {@code #include "name"} in one of the libc's sources: the file of that name beside it (a
   * header that sources share, such as scanf.c's and wscanf.c's engine), or null.
   */
  static SourceFile besideSource(SourceFile includer, String name) {
    String path = includer.path();
    boolean source = path.startsWith("<libc>/") && path.indexOf('/', "<libc>/".length()) < 0;
    if (!source || name.contains("..")) return null;
    SourceFile f = CACHE.computeIfAbsent(SOURCES + name, p -> load(p, "<libc>/" + name));
    return f == MISSING ? null : f;
  }

  /** Whether {@code file} is one of the libc's headers or sources (resources, not files on disk). */
  static boolean owns(SourceFile file) {
    return file.path().startsWith("<libc>/");
  }

  static List<SourceFile> sources() {
    List<SourceFile> out = new ArrayList<>();
    for (String name : SOURCE_FILES) {
      SourceFile f = CACHE.computeIfAbsent(SOURCES + name, p -> load(p, "<libc>/" + name));
      if (f == MISSING) throw new IllegalStateException("libc source " + name + " is missing from the resources");
      out.add(f);
    }
    return out;
  }

  private static SourceFile load(String resource, String path) {
    try (InputStream in = Libc.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) return MISSING;
      return new SourceFile(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
