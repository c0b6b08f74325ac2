package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MojoTest
class RunMojoTest {
  /** Below the plugin module's target directory, which the test project's basedir is. */
  private static final String FIB = "target/run-mojo-test/fib.wasm";
  private static final String BROKEN = "target/run-mojo-test/broken.c";

  @BeforeAll
  static void writeProgram() throws IOException {
    TestPrograms.write(Path.of(FIB), TestPrograms.FIB);
    Files.writeString(Path.of(BROKEN), "int main(void) { return missing; }\n");
  }

  @Test
  @InjectMojo(goal = "run")
  @MojoParameter(name = "file", value = "${basedir}/" + FIB)
  @MojoParameter(name = "args", value = "10")
  void theGoalRunsAFileWithArguments(RunMojo mojo) throws Exception {
    assertThat(infos(mojo)).contains("wasmformer: fib(10) = 55");
  }

  /** What the goal logs at info level, run to the end. */
  private static List<String> infos(RunMojo mojo) throws Exception {
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);
    mojo.execute();
    return log.infos;
  }

  @Test
  @InjectMojo(goal = "run")
  @MojoParameter(name = "file", value = "${basedir}/" + FIB)
  @MojoParameter(name = "args", value = "1, 2")
  void aFailedRunFailsTheBuild(RunMojo mojo) {
    mojo.setLog(new RecordingLog());

    MojoFailureException failure = catchThrowableOfType(MojoFailureException.class, mojo::execute);

    assertThat(failure).hasMessageStartingWith("wasmformer: fib(i32) -> i32 takes 1 argument, got 2 (1, 2)");
  }

  @Test
  @InjectMojo(goal = "run")
  @MojoParameter(name = "file", value = "${basedir}/" + FIB)
  @MojoParameter(name = "attention", value = "fuzzy")
  void anUnknownAttentionIsRefused(RunMojo mojo) {
    mojo.setLog(new RecordingLog());

    MojoExecutionException failure = catchThrowableOfType(MojoExecutionException.class, mojo::execute);

    assertThat(failure).hasMessage("wasmformer.attention must be hull or naive, not fuzzy");
  }

  @Test
  @InjectMojo(goal = "run")
  @MojoParameter(name = "file", value = "${basedir}/" + FIB)
  @MojoParameter(name = "args", value = "20")
  @MojoParameter(name = "maxTokens", value = "50")
  void aSetTokenLimitStopsTheRunAndSaysHowToRaiseIt(RunMojo mojo) {
    mojo.setLog(new RecordingLog());

    MojoFailureException failure = catchThrowableOfType(MojoFailureException.class, mojo::execute);

    assertThat(failure).hasMessage("wasmformer: fib(20) stopped: no HALT after 50 generated tokens (the limit);"
        + " for a longer run, raise the limit with -Dwasmformer.maxTokens=N");
  }

  @Test
  @InjectMojo(goal = "run")
  @MojoParameter(name = "file", value = "${basedir}/" + FIB)
  @MojoParameter(name = "maxTokens", value = "0")
  void aTokenLimitBelowOneIsRefused(RunMojo mojo) {
    mojo.setLog(new RecordingLog());

    MojoExecutionException failure = catchThrowableOfType(MojoExecutionException.class, mojo::execute);

    assertThat(failure).hasMessage("wasmformer.maxTokens must be positive: 0");
  }

  @Test
  @InjectMojo(goal = "run")
  @MojoParameter(name = "file", value = "${basedir}/" + BROKEN)
  void aCFileThatDoesNotCompileFailsTheBuildWithItsDiagnostics(RunMojo mojo) {
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    MojoFailureException failure = catchThrowableOfType(MojoFailureException.class, mojo::execute);

    assertThat(log.errors).singleElement().asString().contains("broken.c:1:").contains("error: ").contains("missing");
    assertThat(failure).hasMessageStartingWith("wasmformer: ").hasMessageContaining("broken.c:1:");
  }

  @Test
  @InjectMojo(goal = "run")
  @MojoParameter(name = "file", value = "${basedir}/" + FIB)
  @MojoParameter(name = "entryPoints", value = " fib ")
  @MojoParameter(name = "args", value = "10")
  void entryPointsAreTrimmedAsInTheCompileGoal(RunMojo mojo) throws Exception {
    assertThat(infos(mojo)).contains("wasmformer: fib(10) = 55");
  }
}
