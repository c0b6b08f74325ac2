package dev.wasmformer.bench;

import dev.wasmformer.runtime.model.AttentionKind;
import dev.wasmformer.runtime.model.Decoder;
import dev.wasmformer.runtime.model.Model;
import dev.wasmformer.runtime.format.Bundle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decode step of fib(32) on the interpreter's transformer, after {@code position} trace
 * tokens: the time per generated token, for the hull cache (and naive, at short traces).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@State(Scope.Thread)
public class DecodeBenchmark {
  @Param({"10000", "1000000"})
  public int position;

  @Param({"HULL"})
  public String attention;

  private Decoder decoder;
  private int token;

  @Setup(Level.Trial)
  public void decodeTo() {
    Bundle bundle = Fixtures.fib();
    decoder = Model.from(bundle).newDecoder(AttentionKind.valueOf(attention));
    int[] prompt = Fixtures.prompt(bundle, 32);
    for (int p : prompt) token = decoder.step(p);
    while (decoder.position() < position) token = decoder.step(token);
  }

  @Benchmark
  public int step() {
    token = decoder.step(token);
    return token;
  }
}
