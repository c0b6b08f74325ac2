package dev.wasmformer.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmformer.c.SourceFile;
import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.graph.Evaluator;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.Program;
import dev.wasmformer.runtime.model.AttentionKind;
import dev.wasmformer.runtime.model.Decoder;
import dev.wasmformer.runtime.model.Model;
import dev.wasmformer.testing.Gcc;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exactness target at its full length: a C program whose trace runs past ten million
 * tokens is decoded by the transformer with the hull cache and by the exact graph evaluator
 * in lockstep, token for token, and its output and exit status equal gcc's. The naive cache
 * is O(n) per token, so it joins the comparison only for the short run's first
 * {@link TransformerDifferentialTest#NAIVE_LIMIT} positions; the long
 * run (about 11M tokens, several minutes) needs {@code -Dwasmformer.long=true}.
 */
class TenMillionTokenTest {
  /** Positions a positional head of the evaluator keeps: a query reaching further back fails. */
  private static final int EVALUATOR_WINDOW = 1 << 16;
  /**
   * SHA-256 of the long run's generated tokens (each a 4-byte big-endian id), as the hull cache
   * and the evaluator produced them in lockstep. It changes only when the interpreter, the
   * lowering or the C compiler change the program's tokens on purpose; then rerun the lockstep
   * test and pin the digest it writes to {@code target/ten-million-token-test.txt}.
   */
  static final String LONG_TRACE_SHA256 = "c46041da328f284943da904baa930daf22fb1fb37ccb85916b9beed279002229";

  /** Which decoders a run compares. */
  /**
   * longmix's rounds: enough for more than ten million tokens (84 since session 11's immediate
   * forms and inlining shortened the program's trace; 60 before).
   */
  private static final int LONG_ROUNDS = 84;

  private enum Check { HULL_EVALUATOR_AND_NAIVE, HULL_AND_EVALUATOR, HULL_AGAINST_THE_PINNED_DIGEST }

  @TempDir Path work;

  @Test
  void shortRunAgreesThreeWaysAndWithGcc() throws Exception {
    Result r = run(1, 8, Check.HULL_EVALUATOR_AND_NAIVE);
    assertThat(r.tokens()).isGreaterThan(TransformerDifferentialTest.NAIVE_LIMIT);
  }

  @Test
  void tenMillionTokensAgreeWithTheEvaluatorAndGcc() throws Exception {
    assumeTrue(Boolean.getBoolean("wasmformer.long"), "a run of ~11M tokens; it runs with -Dwasmformer.long=true");
    Result r = run(LONG_ROUNDS, 64, Check.HULL_AND_EVALUATOR);
    assertThat(r.tokens()).isGreaterThan(10_000_000);
    if (!LONG_TRACE_SHA256.isEmpty()) {
      assertThat(r.sha256()).as("the trace's digest (if the tokens changed on purpose, pin the new one)")
          .isEqualTo(LONG_TRACE_SHA256);
    }
  }

  /**
   * The same long run on the hull cache alone (minutes, not the evaluator's most of an hour):
   * its trace must be the one the lockstep run verified, by digest. This is how a change to
   * the runtime shows that it keeps ten million tokens exact.
   */
  @Test
  void tenMillionTokensOnTheHullCacheGiveTheVerifiedTrace() throws Exception {
    assumeTrue(Boolean.getBoolean("wasmformer.long"), "a run of ~11M tokens; it runs with -Dwasmformer.long=true");
    assertThat(LONG_TRACE_SHA256).as("a digest pinned from the lockstep run").isNotEmpty();
    Result r = run(LONG_ROUNDS, 64, Check.HULL_AGAINST_THE_PINNED_DIGEST);
    assertThat(r.tokens()).isGreaterThan(10_000_000);
    assertThat(r.sha256()).as("the hull cache's trace against the verified one").isEqualTo(LONG_TRACE_SHA256);
  }

  /**
   * The same long run on the model a build makes for the program's opcodes (the universal one
   * restricted to them): the trace must be the verified universal one, by digest.
   */
  @Test
  void tenMillionTokensOnTheRestrictedModelGiveTheVerifiedTrace() throws Exception {
    assumeTrue(Boolean.getBoolean("wasmformer.long"), "a run of ~11M tokens; it runs with -Dwasmformer.long=true");
    assertThat(LONG_TRACE_SHA256).as("a digest pinned from the lockstep run").isNotEmpty();
    Result r = run(LONG_ROUNDS, 64, Check.HULL_AGAINST_THE_PINNED_DIGEST, true);
    assertThat(r.tokens()).isGreaterThan(10_000_000);
    assertThat(r.sha256()).as("the restricted model's trace against the verified one").isEqualTo(LONG_TRACE_SHA256);
  }

  record Result(long tokens, String sha256) {}

  private Result run(int rounds, int n, Check check) throws Exception {
    return run(rounds, n, check, false);
  }

  private Result run(int rounds, int n, Check check, boolean restricted) throws Exception {
    boolean withNaive = check == Check.HULL_EVALUATOR_AND_NAIVE;
    boolean withEvaluator = check != Check.HULL_AGAINST_THE_PINNED_DIGEST;
    Path source = source();
    Map<String, String> defines = Map.of("ROUNDS", Integer.toString(rounds), "N", Integer.toString(n));
    var compiled = WasmformerCompiler.compileC(
        List.of(new SourceFile(source.toString(), Files.readString(source))), WasmformerCompiler.cOptions().withDefines(defines));
    TokenProgram tp = WasmformerCompiler.lower(compiled.wasm(), "_start");
    InterpreterModel im = restricted ? InterpreterModel.forOpcodes(InterpreterGraph.opcodesOf(tp)) : InterpreterModel.get();
    Bundle bundle = new WasmformerCompiler(im).addProgram(tp, "longmix").bundle();
    Program prog = bundle.getPrograms(0);
    Model model = Model.from(bundle);

    Decoder hull = model.newDecoder(AttentionKind.HULL);
    Evaluator evaluator = withEvaluator ? new Evaluator(im.graph(), EVALUATOR_WINDOW) : null;

    Decoder naive = withNaive ? model.newDecoder(AttentionKind.NAIVE) : null;
    long[] position = {0};
    long t0 = System.nanoTime();
    long[] times = new long[2];
    EvaluatorRunner.Outcome outcome = EvaluatorRunner.run(im.vocab(), prog, new long[0], new byte[0], token -> {
      long a = System.nanoTime();
      int next = hull.step(token);
      long b = System.nanoTime();
      int expected = evaluator != null ? evaluator.step(token) : next;
      times[0] += b - a;
      times[1] += System.nanoTime() - b;
      if (next != expected) {
        throw new AssertionError("at position " + position[0] + " the hull cache gave " + im.vocab().text(next)
            + ", the evaluator " + im.vocab().text(expected));
      }
      if (naive != null && position[0] < TransformerDifferentialTest.NAIVE_LIMIT) {
        int fromNaive = naive.step(token);
        if (fromNaive != next) {
          throw new AssertionError("at position " + position[0] + " the naive cache gave " + im.vocab().text(fromNaive)
              + ", the hull cache " + im.vocab().text(next));
        }
      }
      position[0]++;
      return next;
    }, 20_000_000);
    // The long run's figures, for docs/benchmarks.md; written to a file, as printing them
    // from the forked test JVM once broke surefire's channel at the end of a long run.
    // The generated tokens (the trace after the prompt), each as a 4-byte big-endian id.
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    ByteBuffer word = ByteBuffer.allocate(4);
    for (int token : outcome.trace()) {
      digest.update(word.putInt(0, token).array());
    }
    String sha256 = HexFormat.of().formatHex(digest.digest());
    if (!withNaive) {
      Files.writeString(Path.of("target", "ten-million-token-test.txt"), String.format(java.util.Locale.ROOT,
          "check=%s tokens=%d seconds=%.1f hull=%.1f evaluator=%.1f trace_sha256=%s%n", check, position[0],
          (System.nanoTime() - t0) / 1e9, times[0] / 1e9, times[1] / 1e9, sha256),
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    assumeTrue(Gcc.available(), "gcc is not installed: the native half of the comparison is skipped");
    Gcc.Run gcc = Gcc.compileAndRun(source, work, List.of("-O1", "-DROUNDS=" + rounds, "-DN=" + n), List.of(), new byte[0]);
    assertThat(new String(outcome.output(), StandardCharsets.UTF_8)).as("stdout compared with gcc")
        .isEqualTo(new String(gcc.stdout(), StandardCharsets.UTF_8));
    assertThat((int) (outcome.result() & 0xFF)).as("exit status compared with gcc").isEqualTo(gcc.status());
    return new Result(outcome.trace().size(), sha256);
  }

  private static Path source() throws URISyntaxException {
    return Path.of(TenMillionTokenTest.class.getResource("/c/long/longmix.c").toURI());
  }
}
