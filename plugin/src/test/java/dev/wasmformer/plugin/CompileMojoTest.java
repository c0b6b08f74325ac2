package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class CompileMojoTest {
  private static final String POM = "src/test/resources/unit/compile/pom.xml";

  private static final Artifact RUNTIME = new DefaultArtifact("dev.wasmformer", "wasmformer-runtime", "1.0",
      "compile", "jar", null, new DefaultArtifactHandler("jar"));

  @TempDir Path dir;

  private MavenProject project;

  /** A real project in a temporary directory, so the goal's defaults resolve below it. */
  @Provides
  MavenProject project() {
    if (project == null) {
      Model model = new Model();
      model.setGroupId("dev.wasmformer.test");
      model.setArtifactId("demo-app");
      model.setVersion("1.0");
      model.setPackaging("jar");
      Build build = new Build();
      build.setDirectory(dir.resolve("target").toString());
      build.setOutputDirectory(dir.resolve("target/classes").toString());
      model.setBuild(build);
      project = new MavenProject(model);
      project.setFile(dir.resolve("pom.xml").toFile());
      project.setArtifact(new DefaultArtifact("dev.wasmformer.test", "demo-app", "1.0", "compile", "jar", null,
          new DefaultArtifactHandler("jar")));
      // as the getting-started page says: the runtime is a dependency of the project
      project.setArtifacts(new LinkedHashSet<>(List.of(RUNTIME)));
    }
    return project;
  }

  @Test
  @InjectMojo(goal = "compile", pom = POM)
  void theGoalWritesTheBundleAndMakesItAResource(CompileMojo mojo) throws Exception {
    TestPrograms.write(dir.resolve("src/main/wasm/add.wasm"), TestPrograms.ADD);
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    mojo.execute();

    Path output = dir.resolve("target/generated-resources/wasmformer");
    assertThat(output.resolve("META-INF/wasmformer/demo-app.wfb")).isRegularFile();
    assertThat(project.getResources()).extracting(Resource::getDirectory).contains(output.toString());
    assertThat(project.getAttachedArtifacts()).isEmpty();
    Path sources = dir.resolve("target/generated-sources/wasmformer");
    assertThat(sources.resolve("wasmformer/generated/DemoApp.java")).isRegularFile();
    // javac compiles the class with the project's code, and IDEs show it as a source folder
    assertThat(project.getCompileSourceRoots()).containsOnlyOnce(sources.toString());
    assertThat(log.infos).hasSize(2);
    assertThat(log.infos.get(0)).startsWith("wasmformer: compiled 1 program: add into");
    assertThat(log.infos.get(1)).isEqualTo("wasmformer: typed entry points in wasmformer.generated.DemoApp"
        + " (target/generated-sources/wasmformer)");
  }

  @Test
  @InjectMojo(goal = "compile", pom = POM)
  void withoutTheRuntimeOnTheCompileClasspathTheGoalSaysWhatToAdd(CompileMojo mojo) throws Exception {
    TestPrograms.write(dir.resolve("src/main/wasm/add.wasm"), TestPrograms.ADD);
    project.setArtifacts(new LinkedHashSet<>());
    mojo.setLog(new RecordingLog());

    MojoFailureException failure = catchThrowableOfType(MojoFailureException.class, mojo::execute);

    assertThat(failure).hasMessageStartingWith("wasmformer: the typed entry points in wasmformer.generated.DemoApp"
        + " need dev.wasmformer:wasmformer-runtime on the compile classpath; add it to the project's <dependencies>");
    // a test-scoped runtime is no use to the application's own code either
    Artifact testScoped = new DefaultArtifact("dev.wasmformer", "wasmformer-runtime", "1.0", "test", "jar", null,
        new DefaultArtifactHandler("jar"));
    project.setArtifacts(new LinkedHashSet<>(List.of(testScoped)));
    assertThat(catchThrowableOfType(MojoFailureException.class, mojo::execute)).isNotNull();
  }

  @Test
  @InjectMojo(goal = "compile", pom = POM)
  @MojoParameter(name = "generateEntryPoints", value = "false")
  void withoutTypedEntryPointsTheRuntimeIsNotNeeded(CompileMojo mojo) throws Exception {
    TestPrograms.write(dir.resolve("src/main/wasm/add.wasm"), TestPrograms.ADD);
    project.setArtifacts(new LinkedHashSet<>());
    mojo.setLog(new RecordingLog());

    mojo.execute();

    assertThat(dir.resolve("target/generated-resources/wasmformer/META-INF/wasmformer/demo-app.wfb")).isRegularFile();
    assertThat(dir.resolve("target/generated-sources")).doesNotExist();
    assertThat(project.getCompileSourceRoots()).noneMatch(root -> root.contains("wasmformer"));
  }

  @Test
  @InjectMojo(goal = "compile", pom = POM)
  void theStateIsKeptUnderMavenStatus(CompileMojo mojo) throws Exception {
    TestPrograms.write(dir.resolve("src/main/wasm/add.wasm"), TestPrograms.ADD);
    mojo.setLog(new RecordingLog());

    mojo.execute();

    assertThat(dir.resolve("target/maven-status/wasmformer/default/state.txt")).isRegularFile();
  }

  @Test
  @InjectMojo(goal = "compile", pom = POM)
  @MojoParameter(name = "attach", value = "true")
  void attachAttachesTheBundleAsAWfbArtifact(CompileMojo mojo) throws Exception {
    TestPrograms.write(dir.resolve("src/main/wasm/add.wasm"), TestPrograms.ADD);
    mojo.setLog(new RecordingLog());

    mojo.execute();

    assertThat(project.getAttachedArtifacts()).singleElement().satisfies(a -> {
      assertThat(a.getType()).isEqualTo("wfb");
      assertThat(a.getClassifier()).isEqualTo("wasmformer");
      assertThat(a.getFile()).isEqualTo(
          dir.resolve("target/generated-resources/wasmformer/META-INF/wasmformer/demo-app.wfb").toFile());
    });
  }

  @Test
  @InjectMojo(goal = "compile", pom = POM)
  @MojoParameter(name = "attach", value = "true")
  void attachWithoutProgramsWarns(CompileMojo mojo) throws Exception {
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    mojo.execute();

    assertThat(project.getAttachedArtifacts()).isEmpty();
    assertThat(project.getCompileSourceRoots()).noneMatch(root -> root.contains("wasmformer"));
    assertThat(log.warnings).hasSize(2);
    assertThat(log.warnings.get(0)).startsWith("wasmformer: no programs found, so no bundle demo-app");
    assertThat(log.warnings.get(1))
        .isEqualTo("wasmformer: wasmformer.attach is true but there is no bundle to attach (no programs)");
  }

  @Test
  @InjectMojo(goal = "compile", pom = POM)
  void compileErrorsFailTheBuildWithEveryDiagnosticLogged(CompileMojo mojo) throws Exception {
    TestPrograms.write(dir.resolve("src/main/wasm/a.wasm"), TestPrograms.VECTOR);
    TestPrograms.write(dir.resolve("src/main/wasm/b.wasm"), TestPrograms.VECTOR);
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    MojoFailureException failure = catchThrowableOfType(MojoFailureException.class, mojo::execute);

    assertThat(log.errors).hasSize(2);
    assertThat(log.errors.get(0)).startsWith("src/main/wasm/a.wasm: error: ");
    assertThat(log.errors.get(1)).startsWith("src/main/wasm/b.wasm: error: ");
    assertThat(failure.getMessage()).startsWith("wasmformer: 2 errors; the first: src/main/wasm/a.wasm: error:");
  }

  @Test
  @InjectMojo(goal = "compile", pom = POM)
  @MojoParameter(name = "bundleName", value = "no/slashes")
  void anInvalidBundleNameIsRefused(CompileMojo mojo) {
    mojo.setLog(new RecordingLog());

    Exception failure = catchThrowableOfType(Exception.class, mojo::execute);

    assertThat(failure).hasMessageContaining("wasmformer.bundleName must be letters, digits");
  }

  @Test
  @InjectMojo(goal = "compile", pom = POM)
  @MojoParameter(name = "skip", value = "true")
  void skipSkipsTheGoal(CompileMojo mojo) throws Exception {
    TestPrograms.write(dir.resolve("src/main/wasm/add.wasm"), TestPrograms.ADD);
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    mojo.execute();

    assertThat(log.infos).containsExactly("wasmformer: skipped (wasmformer.skip is true)");
    assertThat(new File(dir.toFile(), "target")).doesNotExist();
  }

}
