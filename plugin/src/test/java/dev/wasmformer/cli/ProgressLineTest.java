package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.runtime.RunOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private static final int COMMIT = 1;
  private final StringWriter err = new StringWriter();
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);

  private ProgressLine line(boolean terminal) {
    return new ProgressLine(new boolean[] {false, true}, new PrintWriter(err), clock::get, terminal);
  }

  /** Feeds tokens in instructions of five tokens (one commit each) while the clock advances. */
  private static void feed(ProgressLine line, int tokens) {
    for (int i = 0; i < tokens; i++) line.onToken(i % 5 == 0 ? COMMIT : 0);
  }

  @Test
  void onATerminalTheLineIsRedrawnInPlaceAboutEveryHalfSecond() {
    ProgressLine line = line(true);

    clock.addAndGet(400_000_000L);
    feed(line, ProgressLine.CHECK_EVERY);
    assertThat(err.toString()).as("before half a second").isEmpty();
    clock.addAndGet(100_000_000L);
    feed(line, ProgressLine.CHECK_EVERY);

    assertThat(err.toString()).isEqualTo("\rwasmformer: 8,192 tokens, 16,384 tokens/s, 1,640 instructions");
    clock.addAndGet(500_000_000L);
    feed(line, ProgressLine.CHECK_EVERY);
    assertThat(err.toString()).endsWith("\rwasmformer: 12,288 tokens, 12,288 tokens/s, 2,460 instructions")
        .doesNotContain("\n");
  }

  @Test
  void theLineIsErasedWhenTheRunEndsSoOutputStartsOnACleanLine() {
    ProgressLine line = line(true);

    String result = line.during(() -> {
      clock.addAndGet(600_000_000L);
      feed(line, ProgressLine.CHECK_EVERY);
      return "done";
    });

    String drawn = "wasmformer: 4,096 tokens, 6,827 tokens/s, 820 instructions";
    assertThat(result).isEqualTo("done");
    assertThat(err.toString()).isEqualTo("\r" + drawn + "\r" + " ".repeat(drawn.length()) + "\r");
  }

  @Test
  void theLineIsErasedAlsoWhenTheRunFails() {
    ProgressLine line = line(true);

    try {
      line.during(() -> {
        clock.addAndGet(600_000_000L);
        feed(line, ProgressLine.CHECK_EVERY);
        throw new IllegalStateException("trap");
      });
    } catch (IllegalStateException expected) {
      // the run's failure goes on to the caller
    }

    assertThat(err.toString()).endsWith("\r");
  }

  @Test
  void withoutATerminalItStaysSilent() {
    ProgressLine line = line(false);

    line.during(() -> {
      clock.addAndGet(5_000_000_000L);
      feed(line, 10 * ProgressLine.CHECK_EVERY);
      return null;
    });

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void itCountsTokensAndInstructionsAlsoWithoutATerminal() {
    ProgressLine line = line(false);

    assertThat(line.attachedTo(RunOptions.defaults()).traceListener()).containsSame(line);
    feed(line, 12);

    assertThat(line.tokens()).isEqualTo(12);
    assertThat(line.instructions()).isEqualTo(3);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aShortRunDrawsNothing() {
    ProgressLine line = line(true);

    line.during(() -> {
      feed(line, 100);
      return null;
    });

    assertThat(err.toString()).isEmpty();
  }
}
