package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.runtime.TraceListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run that exhausts the heap ends with what the program wrote, one line that says how far it
 * got and what to do, and status 1, not a stack trace. The heap runs out here on purpose, after a fixed number of
 * tokens (a real exhaustion takes minutes and depends on the machine).
 */
class OutOfMemoryTest {
  @TempDir Path dir;

  @Test
  void aRunThatExhaustsTheHeapSaysHowFarItGotAndSuggestsMoreHeapOrFewerTokens() throws IOException {
    Path loop = Files.writeString(dir.resolve("loop.c"), """
        #include <stdio.h>
        int main(void) {
          putchar('>');
          for (unsigned i = 0;; i++) {}
        }
        """);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
    RunCommand run = (RunCommand) commandLine.getSubcommands().get("run").getCommand();
    run.stdin = new ByteArrayInputStream(new byte[0]);
    run.beforeRun = options -> {
      TraceListener progress = options.traceListener().orElseThrow();
      long[] tokens = {0};
      return options.withTraceListener(token -> {
        progress.onToken(token);
        if (++tokens[0] == 5000) throw new OutOfMemoryError("Java heap space");
      });
    };

    int status = commandLine.execute("run", "--max-tokens", "1000000000", loop.toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).matches("wasmformer: error: out of memory after 5,000 generated tokens \\([1-9][0-9,]*"
        + " instructions\\) with a heap of [0-9,]+ MiB: the attention caches grow with the trace; give Java more heap"
        + " \\(e\\.g\\. java -Xmx8g -jar wasmformer-cli\\.jar \\.\\.\\.\\) or stop the run sooner with --max-tokens"
        + " \\(now 67,1[0-9][0-9],[0-9]{3}\\)\n");   // 1,000,000,000 lowered to the model's positions
    assertThat(out.toString()).as("what the program wrote before").isEqualTo(">");
  }
}
