package dev.wasmformer.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.runtime.HeapExhaustedException;
import dev.wasmformer.runtime.Program;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.TokenLimitException;
import dev.wasmformer.runtime.Wasmformer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runaway program run without a token limit stops at the default limit, which the heap
 * lowers to what it can hold, instead of filling the heap; a limit the caller sets is kept as
 * it is, even one the heap cannot hold.
 */
class DefaultTokenLimitTest {
  /** In a JVM of its own with a 40 MiB heap, which a million tokens of this loop fill. */
  @Test
  void aRunawayProgramWithoutALimitStopsAtTheHeapsLimitAndASetLimitIsKept(@TempDir Path dir) throws Exception {
    String log = HeapExhaustedTest.runLoopInSmallHeap(dir, Child.class);
    assertThat(log)
        .containsPattern("default: token limit from the heap after ([1-9][0-9]{4,}) tokens, output >\n")
        .containsPattern("default: no HALT after [1-9][0-9]{4,} generated tokens \\(the default limit, lowered to what"
            + " the Java heap holds: [0-9,]+ of its [34][0-9] MiB free at the start, ~[1-9][0-9]* bytes per position for"
            + " the attention caches\\); give Java more heap \\(-Xmx\\) for a higher default, or set a limit with"
            + " RunOptions.withMaxTokens .*\n")
        .contains("set 1000000000: heap exhausted\n")
        .contains("set 30000: token limit 30000, not from the heap\n");
  }

  /** The child JVM: a run without a limit, then with one above and one below what the heap holds. */
  public static final class Child {
    public static void main(String[] args) throws IOException {
      Program program = Wasmformer.load(Path.of(args[0])).program("loop");
      try {
        program.run(RunOptions.defaults());
        System.out.println("default: halted?");
      } catch (TokenLimitException e) {
        System.out.println("default: token limit " + (e.limitFromHeap() ? "from the heap" : "not from the heap")
            + " after " + e.stats().tokens() + " tokens, output " + new String(e.output(), StandardCharsets.UTF_8));
        System.out.println("default: " + e.getMessage());
      } catch (HeapExhaustedException e) {
        System.out.println("default: heap exhausted: " + e.getMessage());
      }
      try {
        program.run(RunOptions.defaults().withMaxTokens(1_000_000_000));
        System.out.println("set 1000000000: halted?");
      } catch (HeapExhaustedException e) {
        System.out.println("set 1000000000: heap exhausted");
      } catch (TokenLimitException e) {
        System.out.println("set 1000000000: token limit " + e.getMessage());
      }
      try {
        program.run(RunOptions.defaults().withMaxTokens(30_000));
        System.out.println("set 30000: halted?");
      } catch (TokenLimitException e) {
        System.out.println("set 30000: token limit " + e.limit() + ", "
            + (e.limitFromHeap() ? "from the heap" : "not from the heap"));
      }
    }
  }
}
