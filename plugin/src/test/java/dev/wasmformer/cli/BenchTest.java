package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.ReferenceInterpreter;
import dev.wasmformer.runtime.Attention;
import dev.wasmformer.runtime.Program;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunOutcome;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.Wasmformer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench programs, the bench command and batch runs. */
class BenchTest {
  @TempDir Path dir;

  private static Program program(String name) throws IOException {
    byte[] wasm = BenchPrograms.program(name).wasm();
    return Wasmformer.load(new WasmformerCompiler(InterpreterModel.get())
        .addWasm(name, name + ".wasm", wasm, name).bundle()).programs().get(0);
  }

  @Test
  void theBenchProgramsComputeFibonacciPrimeCountsAndSudokusEverywhere() throws IOException {
    long[][] cases = {{10, 55}, {15, 610}};
    long[][] primes = {{100, 25}, {1000, 168}};
    // the solver's placements + 1000 x dead ends + a checksum of the solved grid, per solve, as
    // the same C compiled by gcc computes it
    long[][] sudokus = {{0, 0}, {1, 10840}, {3, 32520}};
    for (String name : BenchPrograms.names()) {
      byte[] wasm = BenchPrograms.program(name).wasm();
      var lowered = WasmformerCompiler.lower(wasm, name);
      var chicory = Instance.builder(Parser.parse(wasm)).build().export(name);
      for (long[] c : name.equals("fib") ? cases : name.equals("sieve") ? primes : sudokus) {
        assertThat(chicory.apply(c[0])[0]).as("chicory %s(%d)", name, c[0]).isEqualTo(c[1]);
        assertThat(new ReferenceInterpreter(lowered).run(new long[] {c[0]}, new byte[0]).value())
            .as("reference %s(%d)", name, c[0]).hasValue(c[1]);
      }
    }
    assertThat(program("sieve").run(30).returnValue()).hasValue(10);
    assertThat(BenchPrograms.names()).containsExactly("fib", "sieve", "sudoku");
  }

  @Test
  void aBatchGivesEachRunTheResultOfRunningItAlone() {
    Program fib = fibProgram();
    List<RunOptions> runs = new ArrayList<>();
    for (int n = 3; n <= 11; n++) {
      runs.add(RunOptions.defaults().withArgs(n));
    }
    runs.add(RunOptions.defaults().withArgs(1, 2));     // the wrong number of arguments
    runs.add(RunOptions.defaults().withArgs(9).withMaxTokens(50));

    List<RunOutcome> outcomes = fib.runBatch(runs, 3);

    assertThat(outcomes).hasSize(runs.size());
    for (int i = 0; i < 9; i++) {
      RunResult alone = fib.run(runs.get(i));
      RunResult batched = outcomes.get(i).result();
      assertThat(batched.returnValue()).isEqualTo(alone.returnValue());
      assertThat(batched.stats().tokens()).isEqualTo(alone.stats().tokens());
    }
    assertThat(outcomes.get(9).failure()).containsInstanceOf(IllegalArgumentException.class);
    assertThat(outcomes.get(10).succeeded()).isFalse();
    assertThat(outcomes).allSatisfy(o -> assertThat(o.thread()).isBetween(0, 2));
    assertThat(outcomes.get(8).cpuSeconds()).as("fib(11)'s CPU time").isPositive();
  }

  @Test
  void aBatchsWarmUpRunsAreSeenByNoRunsTraceListener() {
    Program fib = fibProgram();
    List<RunOptions> runs = new ArrayList<>();
    long[] seen = new long[6];
    for (int i = 0; i < seen.length; i++) {
      int run = i;
      runs.add(RunOptions.defaults().withArgs(12).withTraceListener(token -> seen[run]++));
    }

    List<RunOutcome> outcomes = fib.runBatch(runs, 2);   // 3 runs per thread: warmed up

    long alone = fib.run(12).stats().tokens();
    assertThat(alone).as("fib(12) outlasts a warm-up run").isGreaterThan(4000);
    for (int i = 0; i < seen.length; i++) {
      assertThat(outcomes.get(i).result().returnValue()).hasValue(144);
      assertThat(outcomes.get(i).result().stats().tokens()).isEqualTo(alone);
      assertThat(seen[i]).as("tokens run %d's listener saw", i).isEqualTo(alone);
    }
  }

  @Test
  void aBatchFilePrintsOneLinePerRunInFileOrder() throws IOException {
    Path file = dir.resolve("runs.txt");
    Files.writeString(file, "7\n# a comment\n\n10\n1 2\n12\n");
    StringWriter out = new StringWriter();

    int status = BatchRun.run(fibProgram(), file, RunOptions.defaults().withAttention(Attention.HULL),
        2, new PrintWriter(out), false);

    assertThat(status).isEqualTo(Main.FAILURE);
    assertThat(out.toString().lines()).hasSize(4);
    assertThat(out.toString().lines().toList().get(0)).isEqualTo("1: 13");
    assertThat(out.toString().lines().toList().get(1)).isEqualTo("4: 55");
    assertThat(out.toString().lines().toList().get(2)).startsWith("5: error: ");
    assertThat(out.toString().lines().toList().get(3)).isEqualTo("6: 144");
  }

  @Test
  void benchPrintsTheFiguresAsJsonAndDrawsThePlot() throws IOException {
    Path plot = dir.resolve("plot.png");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int status = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(
        "bench", "--arg", "12", "--lengths", "2000,4000", "--naive-budget", "30", "--no-memory",
        "--json", "--plot", plot.toString());

    assertThat(status).as(err.toString()).isZero();
    String json = out.toString().strip();
    assertThat(json).startsWith("{").endsWith("}")
        .contains("\"program\":\"fib\"", "\"argument\":12", "\"weight_compile_seconds\":",
            "\"load_to_first_token_ms\":{\"cold\":", "\"first_in_jvm\":", "\"warm_min\":", "\"attention\":\"hull\",\"target_tokens\":2000",
            "\"attention\":\"naive\",\"target_tokens\":4000", "\"chicory\":{\"wasm_instructions\":",
            "\"huge_pages_in_use\":", "\"huge_pages_jvm_flag\":", "\"huge_pages_kernel\":\"");
    assertThat(json).as("the cold load ran in a fresh JVM").doesNotContain("\"cold\":null");
    java.util.regex.Matcher cpu = java.util.regex.Pattern.compile(
        "\"attention\":\"hull\",\"target_tokens\":2000,\"tokens\":(\\d+),.*?\"cpu_seconds\":([0-9.eE-]+),\"tokens_per_cpu_second\":([0-9.eE-]+)")
        .matcher(json);
    assertThat(cpu.find()).as("the hull run's CPU time in %s", json).isTrue();
    double cpuSeconds = Double.parseDouble(cpu.group(2));
    assertThat(cpuSeconds).as("the decoding thread's CPU time").isPositive();
    assertThat(Double.parseDouble(cpu.group(3))).as("tokens per CPU-second")
        .isCloseTo(Long.parseLong(cpu.group(1)) / cpuSeconds, org.assertj.core.data.Percentage.withPercentage(0.1));
    assertThat(ImageIO.read(plot.toFile()).getWidth()).isPositive();
  }

  private static Program fibProgram() {
    try {
      return program("fib");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
