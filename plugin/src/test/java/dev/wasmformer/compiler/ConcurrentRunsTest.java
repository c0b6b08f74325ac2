package dev.wasmformer.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.runtime.Attention;
import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.RunException;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.testing.SampleProgram;
import dev.wasmformer.testing.TestPrograms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One loaded bundle shared by more threads than the machine has cores, all running
 * programs at once: every run gives the trace, result and output a sequential run gives.
 */
class ConcurrentRunsTest {
  static final int THREADS = Math.max(8, 2 * Runtime.getRuntime().availableProcessors());

  /** A run's whole observable behaviour: every token, then how it ended. */
  record Observed(List<Integer> trace, String ending) {}

  record Job(String program, long arg, Attention attention) {}

  static Observed observe(LoadedBundle bundle, Job job) {
    List<Integer> trace = new ArrayList<>();
    RunOptions options = RunOptions.defaults().withArgs(job.arg()).withAttention(job.attention())
        .withTraceListener(trace::add);
    String ending;
    try {
      RunResult r = bundle.program(job.program()).run(options);
      ending = "result " + r.returnValue() + " output " + Arrays.toString(r.output()) + " " + r.stats().tokens()
          + " tokens " + r.stats().instructions() + " instructions";
    } catch (RunException e) {
      ending = e.getClass().getSimpleName() + " " + e.getMessage() + " output " + Arrays.toString(e.output());
    }
    return new Observed(List.copyOf(trace), ending);
  }

  @Test
  void manyThreadsRunningOneBundleGetWhatASequentialRunGets() throws Exception {
    TestPrograms.TestProgram fib = TestPrograms.all().stream().filter(p -> p.name().equals("fib")).findFirst().orElseThrow();
    LoadedBundle bundle = Wasmformer.load(new WasmformerCompiler(InterpreterModel.get())
        .addProgram(SampleProgram.tokenProgram(), "sample")
        .addProgram(WasmformerCompiler.lower(fib.wasm(), null).withName("fib"), "fib")
        .bundle());
    List<Job> jobs = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Attention attention = t % 4 == 3 ? Attention.NAIVE : Attention.HULL;
      jobs.add(t % 2 == 0 ? new Job("fib", 6 + t % 4, attention) : new Job("sample", t % 3, attention));
    }
    List<Observed> sequential = new ArrayList<>();
    for (Job job : jobs) sequential.add(observe(bundle, job));

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Observed>>> concurrent = new ArrayList<>();
    try {
      for (Job job : jobs) {
        concurrent.add(pool.submit(() -> {
          start.await();
          List<Observed> rounds = new ArrayList<>();
          for (int round = 0; round < 3; round++) rounds.add(observe(bundle, job));
          return rounds;
        }));
      }
      start.countDown();
      for (int j = 0; j < jobs.size(); j++) {
        for (Observed o : concurrent.get(j).get(2, TimeUnit.MINUTES)) {
          assertThat(o).as("%s", jobs.get(j)).isEqualTo(sequential.get(j));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sequential).extracting(Observed::ending).anyMatch(e -> e.startsWith("TrapException"));
    assertThat(sequential).extracting(Observed::ending).anyMatch(e -> e.startsWith("result OptionalLong[8]"));
  }
}
