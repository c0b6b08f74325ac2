package dev.wasmformer.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.c.SourceFile;
import dev.wasmformer.runtime.Attention;
import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.Wasmformer;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trace of a demo program is pinned by its SHA-256: the same bundle and input give the
 * same tokens on every run, every JVM and every machine.
 *
 * <p>The digest must change only when the interpreter graph (its vocabulary or trace
 * layout), the lowering, or the C compiler and its libc change the program's tokens on
 * purpose; then update it here, in the same commit, and say why in the message. Any other
 * change to it is a determinism bug.
 */
class TraceDigestTest {
  private static final String FIB = """
      __attribute__((export_name("fib")))
      int fib(int n) {
        int a = 0, b = 1;
        while (n-- > 0) {
          int t = a + b;
          a = b;
          b = t;
        }
        return a;
      }
      """;

  static final String PINNED_SHA256 = "a4a5dada922815c0dea9854252903aad3ba6fa7e5b97a96baae75d69badcbcc8";
  static final long PINNED_TOKENS = 906;

  private static String digest(LoadedBundle bundle, Attention attention, long[] tokens) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    ByteBuffer word = ByteBuffer.allocate(4);
    RunResult r = bundle.program("fib").run(RunOptions.defaults().withArgs(20).withAttention(attention)
        .withTraceListener(t -> {
          sha.update(word.clear().putInt(t).array());
          tokens[0]++;
        }));
    assertThat(r.returnValue()).hasValue(6765);
    return HexFormat.of().formatHex(sha.digest());
  }

  @Test
  void theTraceOfFibonacciHasThePinnedDigestWithEitherCache() throws Exception {
    LoadedBundle bundle = Wasmformer.load(new WasmformerCompiler(InterpreterModel.get())
        .addC("fib", List.of(new SourceFile("fib.c", FIB)), WasmformerCompiler.cOptions(), List.of(), "fib")
        .bundle());
    long[] tokens = new long[1];

    String hull = digest(bundle, Attention.HULL, tokens);
    String again = digest(bundle, Attention.HULL, new long[1]);
    String naive = digest(bundle, Attention.NAIVE, new long[1]);

    assertThat(again).isEqualTo(hull);
    assertThat(naive).isEqualTo(hull);
    assertThat(tokens[0]).isEqualTo(PINNED_TOKENS);
    assertThat(hull).isEqualTo(PINNED_SHA256);
  }
}
