package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.testing.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runaway and failing programs end with a clear message, the statistics so far and a documented status. */
class RunLimitsTest {
  @TempDir Path dir;

  @Test
  void aCProgramWhoseDataNeedsMoreThanTheDefaultMemoryRunsWithMemoryPages() throws IOException {
    Path big = dir.resolve("big.c");
    Files.writeString(big, "static int grid[50000];\n"
        + "int main(void) { for (int i = 0; i < 50000; i += 1000) grid[i] = i; return grid[49000] / 1000; }\n");

    CliRunner refused = new CliRunner();
    assertThat(refused.run("run", big.toString())).isEqualTo(1);
    assertThat(refused.err.toString()).contains("give the program at least 4 pages (wasmformer-cli.jar --memory-pages 4");
    CliRunner fits = new CliRunner();
    assertThat(fits.run("run", "--memory-pages=4", big.toString())).as(fits.err.toString()).isEqualTo(49);
    CliRunner tooMany = new CliRunner();
    assertThat(tooMany.run("run", "--memory-pages=257", big.toString())).isEqualTo(1);
    assertThat(tooMany.err.toString()).isEqualTo("wasmformer: error: --memory-pages must be in 1..256, not 257\n");
  }

  private final CliRunner cli = new CliRunner();

  private Path c(String name, String source) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, source);
    return file;
  }

  @Test
  void anEndlessLoopStopsAtTheTokenLimitWithTheStatisticsAndStatusOne() throws IOException {
    Path loop = c("loop.c", """
        #include <stdio.h>
        int main(void) {
          putchar('>');
          for (unsigned i = 0;; i++) {}
        }
        """);

    int status = cli.run("run", "--max-tokens", "3000", loop.toString());

    assertThat(status).as(cli.err.toString()).isEqualTo(1);
    assertThat(cli.out.toString()).isEqualTo(">");
    assertThat(cli.err.toString()).matches("wasmformer: error: no HALT after 3000 generated tokens \\(the limit\\);"
        + " [1-9]\\d+ instructions ran in [0-9.]+ s \\(raise it with --max-tokens\\)\n");
  }

  @Test
  void aRecursionThatNeverEndsTrapsWhenTheCallStackIsExhausted() throws IOException {
    // The call sits under 120 pending operands, so every frame is ~120 slots and the
    // 65,536 slots run out after ~540 calls: a short run.
    StringBuilder deep = new StringBuilder("int down(int n) { return ");
    for (int i = 0; i < 120; i++) deep.append("n + (");
    deep.append("down(n + 1)").append(")".repeat(120)).append("; }\n");
    Path recursion = c("recursion.c", deep + "int main(void) { return down(0); }\n");

    int status = cli.run("run", "--stats", recursion.toString());

    assertThat(status).as(cli.err.toString()).isEqualTo(RunCommand.TRAP);
    assertThat(cli.err.toString()).startsWith("wasmformer: trap: call stack exhausted")
        .containsPattern("wasmformer: tokens=\\d+ instructions=\\d+");
  }

  @Test
  void aCStackOverflowTrapsAsTheCallStackExhaustedInTheFunctionEntered() throws IOException {
    // Each frame holds 2,000 bytes of the C stack in linear memory: the 128 KiB memory runs out
    // after ~60 calls, long before the slots or the call depth would.
    Path deep = c("deep.c", """
        int deep(int n) { volatile char pad[2000]; pad[n % 2000] = (char)n; return deep(n + 1) + pad[n % 2000]; }
        int main(void) { return deep(0); }
        """);

    int status = cli.run("run", deep.toString());

    assertThat(status).as(cli.err.toString()).isEqualTo(RunCommand.TRAP);
    assertThat(cli.err.toString()).matches("wasmformer: trap: call stack exhausted at instruction \\d+ \\(in function deep\\)\n");
  }

  @Test
  void aLoadOutsideMemoryTrapsWithTheCause() throws IOException {
    Path far = c("far.c", """
        int main(void) {
          volatile int *p = (int *) 0x7ffffff0;
          return *p;
        }
        """);

    int status = cli.run("run", far.toString());

    assertThat(status).as(cli.err.toString()).isEqualTo(RunCommand.TRAP);
    assertThat(cli.err.toString()).startsWith("wasmformer: trap: out of bounds memory access");
  }

  @Test
  void argumentsThatDoNotFitTheEntryAreRefusedBeforeDecoding() throws IOException {
    Path add = dir.resolve("add.wasm");
    Files.write(add, Wat.assemble("""
        (module (func (export "main") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
        """));

    assertThat(cli.run("run", add.toString(), "--", "1")).isEqualTo(1);
    assertThat(cli.run("run", add.toString(), "--", "1", "0x100000000")).isEqualTo(1);
    assertThat(cli.run("run", "--program", "nope", add.toString(), "--", "1", "2")).isEqualTo(1);
    assertThat(cli.run("run", add.toString(), "--", "1", "two")).isEqualTo(1);

    assertThat(cli.err.toString().lines()).containsExactly(
        "wasmformer: error: add(i32, i32) -> i32 takes 2 arguments, got 1",
        "wasmformer: error: argument 2 of add(i32, i32) -> i32 is 4294967296, which does not fit in an i32"
            + " (-2147483648..4294967295)",
        "wasmformer: error: no program \"nope\" in this bundle; it has: add",
        "wasmformer: error: argument is not an integer: two");
    assertThat(cli.out.toString()).isEmpty();
  }

  @Test
  void aTrapNamesTheInstructionTheModelReportsAndItsFunction() throws IOException {
    Path divide = c("divide.c", """
        int divide(int a, int b) { return a / b; }
        int main(int argc, char **argv) { return divide(7, argc - 1); }
        """);

    int status = cli.run("run", divide.toString());

    assertThat(status).as(cli.err.toString()).isEqualTo(RunCommand.TRAP);
    Matcher m = Pattern.compile("wasmformer: trap: integer divide by zero at instruction (\\d+) \\(in function divide\\)\n")
        .matcher(cli.err.toString());
    assertThat(m.matches()).as(cli.err.toString()).isTrue();
    // the trace decoder, following the program counter itself, ends at the same instruction
    CliRunner trace = new CliRunner();
    assertThat(trace.run("trace", divide.toString())).isEqualTo(RunCommand.TRAP);
    List<String> lines = trace.out.toString().lines().toList();
    assertThat(lines.get(lines.size() - 1)).containsPattern("^\\s+\\d+\\s+" + m.group(1) + "\\s+divide\\s+DIV_S ");
    assertThat(trace.err.toString()).startsWith(m.group(0));
  }

  private Path recursion() throws IOException {
    return c("depth.c", """
        int depth(int n) { return n == 0 ? 0 : 1 + depth(n - 1); }
        int main(void) { return depth(40); }
        """);
  }

  @Test
  void theCallDepthLimitTrapsADeeperRecursion() throws IOException {
    Path depth = recursion();

    // _start (the C entry, which calls main), main and 41 frames of depth
    assertThat(cli.run("run", "--max-call-depth", "43", depth.toString())).as(cli.err.toString()).isEqualTo(40);
    assertThat(cli.run("run", "--stats", "--max-call-depth", "42", depth.toString())).isEqualTo(RunCommand.TRAP);

    assertThat(cli.err.toString()).matches("(?s)wasmformer: trap: call stack exhausted at instruction \\d+ \\(in function depth\\)\n"
        + "wasmformer: tokens=\\d+ instructions=\\d+ .*");
  }

  @Test
  void memoryGrowFailsBeyondThePageLimit() throws IOException {
    Path grow = dir.resolve("grow.wasm");
    Files.write(grow, Wat.assemble("""
        (module (memory 1 100) (func (export "main") (param i32) (result i32) (memory.grow (local.get 0))))
        """));

    // memory.grow returns the old size, 1, or -1 (status 255)
    assertThat(cli.run("run", grow.toString(), "--", "3")).isEqualTo(1);
    assertThat(cli.run("run", "--max-memory-pages", "4", grow.toString(), "--", "3")).isEqualTo(1);
    assertThat(cli.run("run", "--max-memory-pages", "3", grow.toString(), "--", "3")).isEqualTo(255);
    assertThat(cli.err.toString()).isEmpty();
  }

  @Test
  void limitsOutsideTheirRangeAreRefusedBeforeDecoding() throws IOException {
    Path depth = recursion();

    assertThat(cli.run("run", "--max-call-depth", "0", depth.toString())).isEqualTo(1);
    assertThat(cli.run("run", "--max-memory-pages", "257", depth.toString())).isEqualTo(1);
    assertThat(cli.run("run", "--max-tokens", "0", depth.toString())).isEqualTo(1);
    assertThat(cli.run("trace", "--max-call-depth", "65536", depth.toString())).isEqualTo(1);

    assertThat(cli.err.toString().lines()).containsExactly(
        "wasmformer: error: --max-call-depth must be in 1..65535, not 0",
        "wasmformer: error: --max-memory-pages must be in 0..256, not 257",
        "wasmformer: error: --max-tokens must be at least 1, not 0",
        "wasmformer: error: --max-call-depth must be in 1..65535, not 65536");
    assertThat(cli.out.toString()).isEmpty();
  }
}
