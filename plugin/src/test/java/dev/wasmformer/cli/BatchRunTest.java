package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.testing.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --batch FILE}: one run per argument line, on several threads, results in file order. */
class BatchRunTest {
  @TempDir Path dir;

  private final CliRunner cli = new CliRunner();

  private Path module() throws IOException {
    // a * a + b, with a loop of a iterations so that the runs take different times
    Path wasm = dir.resolve("square.wasm");
    Files.write(wasm, Wat.assemble("""
        (module (func (export "main") (param i32 i32) (result i32) (local i32 i32)
          (block (loop
            (br_if 1 (i32.ge_s (local.get 3) (local.get 0)))
            (local.set 2 (i32.add (local.get 2) (local.get 0)))
            (local.set 3 (i32.add (local.get 3) (i32.const 1)))
            (br 0)))
          (i32.add (local.get 2) (local.get 1))))
        """));
    return wasm;
  }

  @Test
  void everyLineRunsOnTheThreadsAndTheResultsComeInFileOrder() throws IOException {
    List<String> lines = new ArrayList<>(List.of("# a b", ""));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int a = (i * 7) % 12;       // long and short runs interleaved
      lines.add(a + " " + (-i));
      expected.add((i + 3) + ": " + (a * a - i));
    }
    Path batch = dir.resolve("runs.txt");
    Files.write(batch, lines);

    int status = cli.run("run", "--batch", batch.toString(), "--threads", "2", "--stats", module().toString());

    assertThat(status).as(cli.err.toString()).isZero();
    List<String> out = cli.out.toString().lines().toList();
    assertThat(out.subList(0, expected.size())).containsExactlyElementsOf(expected);
    assertThat(out.get(expected.size())).matches("batch: 12 runs on 2 threads, \\d+ tokens in [0-9.]+ s = \\d+ tokens/s");
    assertThat(out.subList(expected.size() + 1, expected.size() + 3))
        .allMatch(l -> l.matches("thread [01]: \\d+ runs, \\d+ tokens, cpu [0-9.]+ s = \\d+ tokens per cpu-second"));
  }

  @Test
  void aLineThatFailsIsReportedInItsPlaceAndTheStatusIsOne() throws IOException {
    Path batch = dir.resolve("runs.txt");
    Files.write(batch, List.of("3 1", "1", "2 2"));

    int status = cli.run("run", "--batch", batch.toString(), "--threads", "3", module().toString());

    assertThat(status).isEqualTo(1);
    List<String> out = cli.out.toString().lines().toList();
    assertThat(out).hasSize(3);
    assertThat(out.get(0)).isEqualTo("1: 10");
    assertThat(out.get(1)).startsWith("2: error: ");
    assertThat(out.get(2)).isEqualTo("3: 6");
  }

  @Test
  void argumentsOnTheCommandLineAreRefusedWithABatch() throws IOException {
    Path batch = dir.resolve("runs.txt");
    Files.write(batch, List.of("1 2"));

    int status = cli.run("run", "--batch", batch.toString(), module().toString(), "--", "1", "2");

    assertThat(status).isEqualTo(1);
    assertThat(cli.err.toString()).contains("--batch takes the arguments from");
  }

  @Test
  void aTrapIsReportedWithItsCauseAndInstruction() throws IOException {
    Path wasm = dir.resolve("divide.wasm");
    Files.write(wasm, Wat.assemble("""
        (module (func (export "main") (param i32 i32) (result i32)
          (i32.div_s (local.get 0) (local.get 1))))
        """));
    Path batch = dir.resolve("runs.txt");
    Files.write(batch, List.of("7 2", "7 0"));

    int status = cli.run("run", "--batch", batch.toString(), "--threads", "2", wasm.toString());

    assertThat(status).isEqualTo(1);
    List<String> out = cli.out.toString().lines().toList();
    assertThat(out).hasSize(2);
    assertThat(out.get(0)).isEqualTo("1: 3");
    assertThat(out.get(1)).matches("2: trap: integer divide by zero at instruction \\d+ \\(in function main\\)");
  }
}
