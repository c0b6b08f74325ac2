package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.testing.Mutator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compile} writes its output whole or not at all: for damaged C sources that fail,
 * no output file (and no temporary file) remains and an older output is left as it was;
 * for those that compile, the output is complete.
 */
class CompileOutputTest {
  static final int COUNT = Integer.getInteger("wasmformer.fuzz.cli", 16);

  @TempDir Path dir;

  private static List<Path> features() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(Path.of(CompileOutputTest.class.getResource("/c/features").toURI()))) {
      return files.filter(p -> p.toString().endsWith(".c") && !p.toString().endsWith("sudoku.c")).sorted().toList();
    }
  }

  @Test
  void theOutputHasThePermissionsOfAnyNewFileNotOnlyItsOwners() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
    Path source = dir.resolve("answer.c");
    Files.writeString(source, "int main(void) { return 42; }\n");
    Path plain = Files.createFile(dir.resolve("plain")); // 0666 less the umask
    for (String name : List.of("answer.wasm", "answer.wfb")) {
      CliRunner cli = new CliRunner();
      assertThat(cli.run("compile", source.toString(), "-o", dir.resolve(name).toString())).as(cli.err.toString()).isZero();
      assertThat(Files.getPosixFilePermissions(dir.resolve(name))).as(name)
          .isEqualTo(Files.getPosixFilePermissions(plain));
    }
  }

  @Test
  void aFailedCompileLeavesNoOutputAndAnOlderOutputUntouched() throws Exception {
    List<Path> features = features();
    Mutator mutator = new Mutator(8);
    int failed = 0;
    for (int i = 0; i < COUNT; i++) {
      Path work = Files.createDirectory(dir.resolve("run" + i));
      Files.copy(features.get(0).resolveSibling("test.h"), work.resolve("test.h"));
      Path source = work.resolve("prog.c");
      String text = Files.readString(features.get(mutator.random().nextInt(features.size())), StandardCharsets.UTF_8);
      Files.writeString(source, i % 2 == 0 ? mutator.mutateC(text) : text);
      boolean bundle = i % 4 < 2;
      Path output = work.resolve(bundle ? "prog.wfb" : "prog.wasm");
      boolean older = i % 3 == 0;
      if (older) Files.writeString(output, "older output");

      CliRunner cli = new CliRunner();
      int status = cli.run("compile", source.toString(), "-o", output.toString());

      try (Stream<Path> left = Files.list(work)) {
        List<String> names = left.map(p -> p.getFileName().toString()).sorted().toList();
        if (status == 0) {
          assertThat(names).containsExactlyInAnyOrder("prog.c", "test.h", output.getFileName().toString());
          if (bundle) assertThat(Wasmformer.load(output).programs()).hasSize(1);
          else assertThat(Files.readAllBytes(output)).startsWith(0x00, 0x61, 0x73, 0x6d);
        } else {
          failed++;
          assertThat(status).as(cli.err.toString()).isEqualTo(1);
          assertThat(cli.err.toString()).as("errors").contains("error: ").doesNotContain("internal compiler error");
          assertThat(names).as("files left after %s", cli.err)
              .containsExactlyInAnyOrderElementsOf(older ? List.of("prog.c", "test.h", output.getFileName().toString())
                  : List.of("prog.c", "test.h"));
          if (older) assertThat(output).hasContent("older output");
        }
      }
    }
    assertThat(failed).as("failed compilations").isBetween(1, COUNT - 1);
  }
}
