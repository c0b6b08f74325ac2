package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

@MojoTest
class CompileMojoTest {
  private static final String POM = "src/test/resources/unit/compile/pom.xml";

  @Test
  @InjectMojo(goal = "compile", pom = POM)
  void theGoalRunsByDefault(CompileMojo mojo) throws Exception {
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    mojo.execute();

    assertThat(log.infos).containsExactly("wasmformer: nothing to compile yet");
  }

  @Test
  @InjectMojo(goal = "compile", pom = POM)
  @MojoParameter(name = "skip", value = "true")
  void skipSkipsTheGoal(CompileMojo mojo) throws Exception {
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    mojo.execute();

    assertThat(log.infos).containsExactly("wasmformer: skipped (wasmformer.skip is true)");
  }

  /** Keeps the info lines a mojo logs. */
  private static final class RecordingLog extends SystemStreamLog {
    final List<String> infos = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
      infos.add(content.toString());
    }
  }
}
