package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.BundleFiles;
import dev.wasmformer.runtime.format.MetadataEntries;
import dev.wasmformer.runtime.format.Program;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile goal stores each program's prefix state by default ({@code prefixStates}), and
 * leaves them out when told; the setting is recorded, so that changing it recompiles.
 */
class BundleBuildPrefixStateTest {
  @TempDir Path dir;

  @Test
  void theBundleStoresPrefixStatesUnlessTheRequestLeavesThemOut() throws Exception {
    TestProject project = new TestProject(dir);
    TestPrograms.write(project.wasm("add.wasm"), TestPrograms.ADD);
    TestPrograms.write(project.wasm("math.wasm"), TestPrograms.MATH);

    new BundleBuild(project.request(), new RecordingLog()).run();
    Bundle with = BundleFiles.read(project.bundle());
    long withBytes = Files.size(project.bundle());
    assertThat(with.getProgramsList()).allSatisfy(p -> assertThat(p.hasPrefixState()).as(p.getName()).isTrue());
    assertThat(MetadataEntries.settings(with.getMetadata())).containsEntry("prefix_states", "true");

    CompileRequest r = project.request();
    CompileRequest without = new CompileRequest(r.basedir(), r.sourceDirectory(), r.wasmDirectory(), r.includes(),
        r.excludes(), r.librarySources(), r.bundleName(), r.outputDirectory(), r.entryPoints(), r.specialize(),
        r.argumentAreaBytes(), r.generateEntryPoints(), r.entryPointClass(), r.generatedSourcesDirectory(),
        r.classesDirectory(), r.statusDirectory(), r.pluginVersion(), false);
    CompileOutcome outcome = new BundleBuild(without, new RecordingLog()).run();
    assertThat(outcome.status()).as("a changed setting recompiles").isEqualTo(CompileOutcome.Status.COMPILED);
    Bundle plain = BundleFiles.read(project.bundle());
    assertThat(plain.getProgramsList()).noneMatch(Program::hasPrefixState);
    assertThat(MetadataEntries.settings(plain.getMetadata())).containsEntry("prefix_states", "false");
    assertThat(Files.size(project.bundle())).isLessThan(withBytes);
  }
}
