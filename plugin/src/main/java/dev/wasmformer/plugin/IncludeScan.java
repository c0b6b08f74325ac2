package dev.wasmformer.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a C program's quoted includes reach, for the compile goal's fingerprint: a header
 * outside the source directory ({@code #include "../include/config.h"}) must make a change
 * to it recompile. It follows every {@code #include "..."} line as the C compiler looks for it
 * (next to the including file, then in the program's directory and the source root), whatever
 * the conditionals around it, so it may find more files than a compilation reads, never fewer
 * (except an include whose name a macro computes).
 */
final class IncludeScan {
  private static final Pattern QUOTED_INCLUDE = Pattern.compile("^\\s*#\\s*include\\s*\"([^\"]+)\"", Pattern.MULTILINE);

  private IncludeScan() {}

  /** Every file reached from {@code sources} through quoted includes, the sources excluded, sorted. */
  static List<Path> reached(List<Path> sources, Path sourceRoot) throws IOException {
    Set<Path> found = new TreeSet<>();
    for (Path source : sources) {
      Path program = source.toAbsolutePath().normalize();
      Deque<Path> pending = new ArrayDeque<>(List.of(program));
      Set<Path> seen = new TreeSet<>(List.of(program));
      while (!pending.isEmpty()) {
        Path file = pending.pop();
        Matcher m = QUOTED_INCLUDE.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
        while (m.find()) {
          Path header = resolve(m.group(1), file.getParent(), program.getParent(), sourceRoot);
          if (header != null && seen.add(header)) {
            found.add(header);
            pending.push(header);
          }
        }
      }
    }
    found.removeAll(sources.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    return List.copyOf(found);
  }

  private static Path resolve(String name, Path... dirs) {
    for (Path dir : dirs) {
      try {
        Path candidate = dir.toAbsolutePath().resolve(name).normalize();
        if (Files.isRegularFile(candidate)) return candidate;
      } catch (InvalidPathException e) {
        return null;
      }
    }
    return null;
  }
}
