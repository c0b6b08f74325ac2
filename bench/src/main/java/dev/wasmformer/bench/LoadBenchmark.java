package dev.wasmformer.bench;

import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.Wasmformer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Bundle bytes to the first generated token, and the weight compilation of the Maven goal. */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class LoadBenchmark {
  private byte[] bytes;

  /** Ends a run at its first generated token. */
  private static final class FirstToken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FirstToken() {
      super(null, null, false, false);
    }
  }

  @Setup
  public void bundle() {
    bytes = Fixtures.bytes(Fixtures.fib());
  }

  @Benchmark
  public boolean loadToFirstToken() throws IOException {
    try {
      Wasmformer.load(new ByteArrayInputStream(bytes)).programs().get(0)
          .run(RunOptions.defaults().withArgs(20).withTraceListener(t -> {
            throw new FirstToken();
          }));
      return false;
    } catch (FirstToken expected) {
      return true;
    }
  }

  @Benchmark
  public InterpreterModel compileWeights() {
    return InterpreterModel.build();
  }
}
