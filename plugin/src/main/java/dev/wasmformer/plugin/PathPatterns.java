package dev.wasmformer.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Ant-style include/exclude patterns over paths relative to a directory, as Maven users
 * know them: {@code *} matches within one directory, {@code **} any number of
 * directories (including none), {@code ?} one character; a pattern ending in {@code /}
 * means everything below.
 */
final class PathPatterns {
  private final List<Pattern> includes;
  private final List<Pattern> excludes;

  PathPatterns(List<String> includes, List<String> excludes) {
    this.includes = includes.stream().map(PathPatterns::compile).toList();
    this.excludes = excludes.stream().map(PathPatterns::compile).toList();
  }

  /** Whether {@code relative} (with {@code /} separators) is included and not excluded. */
  boolean matches(String relative) {
    return includes.stream().anyMatch(p -> p.matcher(relative).matches())
        && excludes.stream().noneMatch(p -> p.matcher(relative).matches());
  }

  /**
   * The regular files below {@code directory} that match, sorted by relative path; none if
   * the directory does not exist.
   */
  List<Path> scan(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) return List.of();
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> matches(relative(directory, f)))
          .sorted((a, b) -> relative(directory, a).compareTo(relative(directory, b)))
          .toList();
    }
  }

  /** {@code file}'s path below {@code directory}, with {@code /} separators on every OS. */
  static String relative(Path directory, Path file) {
    return directory.relativize(file).toString().replace('\\', '/');
  }

  static Pattern compile(String pattern) {
    String p = pattern.trim().replace('\\', '/');
    while (p.startsWith("./")) p = p.substring(2);
    if (p.endsWith("/")) p = p + "**";
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (p.startsWith("**/", i)) {
        regex.append("(?:[^/]*/)*");
        i += 3;
      } else if (p.startsWith("**", i)) {
        regex.append(".*");
        i += 2;
      } else if (c == '*') {
        regex.append("[^/]*");
        i++;
      } else if (c == '?') {
        regex.append("[^/]");
        i++;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return Pattern.compile(regex.toString());
  }
}
