package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.runtime.format.MetadataEntries;
import dev.wasmformer.runtime.format.BundleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compile goal's {@code memoryPages}: a C program with more static data than the default memory. */
class BundleBuildMemoryTest {
  @TempDir Path dir;

  @Test
  void aProgramWhoseDataDoesNotFitTheDefaultMemoryBuildsWithMorePages() throws Exception {
    TestProject project = new TestProject(dir);
    Path source = project.c("big.c");
    Files.createDirectories(source.getParent());
    // 200,000 bytes of initialized data: more than the default 128 KiB
    Files.writeString(source, """
        static unsigned char table[200000] = {7};
        int main(void) { table[199999] = 5; return table[0] + table[199999]; }
        """);

    CompileFailure failure = catchThrowableOfType(CompileFailure.class,
        () -> new BundleBuild(project.request(), new RecordingLog()).run());
    assertThat(failure.diagnostics()).singleElement().asString()
        .contains("give the program at least 4 pages").contains("memoryPages");

    new BundleBuild(project.request().withMemoryPages(4), new RecordingLog()).run();
    assertThat(MetadataEntries.settings(BundleFiles.read(project.bundle()).getMetadata()))
        .containsEntry("memory_pages", "4");
    LoadedBundle loaded = Wasmformer.load(project.bundle());
    assertThat(loaded.programs().get(0).run(RunOptions.defaults()).returnValue()).hasValue(12);
  }

  @Test
  void pagesOutsideOneTo256AreRefused() {
    TestProject project = new TestProject(dir);
    IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
        () -> project.request().withMemoryPages(257));
    assertThat(e).hasMessage("wasmformer.memoryPages must be from 1 to 256; it is 257");
  }
}
