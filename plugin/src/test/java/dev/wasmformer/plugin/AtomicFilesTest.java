package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a file written by {@link AtomicFiles} looks like to others. */
class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aWrittenFileHasThePermissionsOfAnyNewFileAndNoTemporaryFileRemains() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
    Path plain = Files.createFile(dir.resolve("plain")); // 0666 less the umask
    Path target = dir.resolve("out/demo.wfb");

    AtomicFiles.write(target, new byte[] {1, 2, 3});

    assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    try (var left = Files.list(target.getParent())) {
      assertThat(left).containsExactly(target);
    }
  }
}
