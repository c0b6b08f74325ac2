package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathPatternsTest {
  @TempDir Path dir;

  @Test
  void doubleStarMatchesAnyNumberOfDirectoriesIncludingNone() {
    PathPatterns p = new PathPatterns(List.of("**/*.wasm"), List.of());

    assertThat(p.matches("fib.wasm")).isTrue();
    assertThat(p.matches("a/b/fib.wasm")).isTrue();
    assertThat(p.matches("fib.wat")).isFalse();
  }

  @Test
  void singleStarStaysInOneDirectory() {
    PathPatterns p = new PathPatterns(List.of("*.c"), List.of());

    assertThat(p.matches("main.c")).isTrue();
    assertThat(p.matches("lib/util.c")).isFalse();
  }

  @Test
  void aTrailingSlashMeansEverythingBelow() {
    PathPatterns p = new PathPatterns(List.of("lib/"), List.of());

    assertThat(p.matches("lib/util.c")).isTrue();
    assertThat(p.matches("lib/deep/x.c")).isTrue();
    assertThat(p.matches("library.c")).isFalse();
  }

  @Test
  void questionMarkIsOneCharacterAndDotsAreLiteral() {
    PathPatterns p = new PathPatterns(List.of("p?.c"), List.of());

    assertThat(p.matches("p1.c")).isTrue();
    assertThat(p.matches("p12.c")).isFalse();
    assertThat(p.matches("p1xc")).isFalse();
  }

  @Test
  void excludesWin() {
    PathPatterns p = new PathPatterns(List.of("**/*.c"), List.of("**/test_*.c"));

    assertThat(p.matches("a/prog.c")).isTrue();
    assertThat(p.matches("a/test_prog.c")).isFalse();
  }

  @Test
  void scanFindsMatchingFilesSortedByRelativePathAndToleratesAMissingDirectory() throws Exception {
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("b/z.c"), "");
    Files.writeString(dir.resolve("a.c"), "");
    Files.writeString(dir.resolve("a.h"), "");

    PathPatterns p = new PathPatterns(List.of("**/*.c"), List.of());

    assertThat(p.scan(dir)).containsExactly(dir.resolve("a.c"), dir.resolve("b/z.c"));
    assertThat(p.scan(dir.resolve("missing"))).isEmpty();
  }
}
