package dev.wasmformer.runtime;

import dev.wasmformer.testing.CPrograms;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.wasmformer.c.SourceFile;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.BundleFiles;
import dev.wasmformer.runtime.format.PrefixState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The state after a program's fixed prompt prefix that the build stores in the bundle: the
 * first run of a loaded bundle resumes from it, and its whole trace, and the second's and
 * third's, are token for token those of runs that feed the whole prompt (and of the naive
 * cache's, where affordable). A stored state that does not match (format, fingerprint, tokens,
 * checksum, structure) is ignored with a reason, and the runs are still exact. Each bundle goes
 * through a bundle file (written, read back), as a loaded bundle does.
 */
class PrefixStateTraceTest {
  private static final String FIB = CPrograms.LOOP_FIB;
  /** Sudoku's runs stop here: far past its prompt (22K tokens). */
  private static final long SUDOKU_TOKENS = 40_000;

  private static Bundle bundle;
  /** fib baked into its own model: its parameter's bytes come early in its short prompt. */
  private static Bundle specialized;

  @BeforeAll
  static void build() throws Exception {
    bundle = PrefixPrograms.bundle();
    specialized = WasmformerCompiler.specializing()
        .addC("fib", List.of(new SourceFile("fib.c", FIB)), WasmformerCompiler.cOptions(), List.of(), "fib")
        .bundle();
  }

  /** {@code b} written as a bundle file (signed anew) and loaded from it. */
  private static LoadedBundle load(Bundle b) throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    BundleFiles.write(b, file);
    return Wasmformer.load(new ByteArrayInputStream(file.toByteArray()));
  }

  @Test
  void theBuildStoresAStateForEveryProgramWithAFixedPrefix() throws Exception {
    for (Bundle b : List.of(bundle, specialized)) {
      LoadedBundle loaded = load(b);
      for (Program program : loaded.programs()) {
        PrefixState stored = b.getProgramsList().stream().filter(p -> p.getName().equals(program.name()))
            .findFirst().orElseThrow().getPrefixState();
        assertThat(stored.getLength()).as(program.name()).isEqualTo(program.prefixCache().length()).isPositive();
        Program.StoredPrefixState status = program.storedPrefixState();
        assertThat(status.stored()).isTrue();
        assertThat(status.usable()).as("%s: %s", program.name(), status.reason()).isTrue();
        assertThat(status.bytes()).isEqualTo(stored.getState().size());
        assertThat(status.inflatedBytes()).isEqualTo(stored.getStateSize()).isGreaterThan(status.bytes());
      }
    }
    Bundle without = new WasmformerCompiler().prefixStates(false)
        .addC("fib", List.of(new SourceFile("fib.c", FIB)), WasmformerCompiler.cOptions(), List.of(), "fib").bundle();
    assertThat(without.getPrograms(0).hasPrefixState()).isFalse();
    assertThat(load(without).program("fib").storedPrefixState().stored()).isFalse();
  }

  @Test
  void aProgramWithParametersResumesFromTheStoredStateExactly() throws Exception {
    assertRunsFromTheStoredState(load(bundle).program("fib"), true,
        RunOptions.defaults().withArgs(10), RunOptions.defaults().withArgs(1), RunOptions.defaults().withArgs(25));
  }

  @Test
  void aSpecializedProgramWhoseParameterComesEarlyResumesExactly() throws Exception {
    Program fib = load(specialized).program("fib");
    assertThat(fib.prefixCache().length()).as("the specialized prompt's fixed prefix").isLessThan(2000);
    assertRunsFromTheStoredState(fib, true,
        RunOptions.defaults().withArgs(12), RunOptions.defaults().withArgs(0), RunOptions.defaults().withArgs(30));
  }

  @Test
  void aProgramReadingStdinResumesExactly() throws Exception {
    assertRunsFromTheStoredState(load(bundle).program("wordfreq"), false,
        input("the cat and the hat\n"), input(""), input("a b a c a b\nzebra zebra\n"));
  }

  @Test
  void aMainTakingArgvResumesExactly() throws Exception {
    // not on the naive cache: printf's code makes a long prompt, O(n^2) there
    assertRunsFromTheStoredState(load(bundle).program("args"), false,
        RunOptions.defaults().withArgv("7"), RunOptions.defaults(), RunOptions.defaults().withArgv("12", "-5", "héllo", ""));
  }

  @Test
  void sudokuResumesFromItsStoredStateExactly() throws Exception {
    RunOptions limited = RunOptions.defaults().withMaxTokens(SUDOKU_TOKENS);
    Program sudoku = load(bundle).program("sudoku");
    assertThat(sudoku.prefixCache().length()).isGreaterThan(15_000);
    assertRunsFromTheStoredState(sudoku, false, limited, limited.withInput("123".getBytes(StandardCharsets.US_ASCII)),
        limited);
  }

  @Test
  void aStoredStateIsReadAgainWhenTheKeptOneWasEvicted() throws Exception {
    LoadedBundle loaded = new LoadedBundle(bundle, ModelBinding.bind(bundle), new PrefixBudget(0, 0));
    Program fib = loaded.program("fib");
    for (long n : new long[] {7, 20}) {
      TokenTrace expected = new TokenTrace();
      RunEnding fed = RunEnding.of(fib, RunOptions.defaults().withArgs(n).withTraceListener(expected), false);
      TokenTrace trace = new TokenTrace();
      assertThat(RunEnding.of(fib, RunOptions.defaults().withArgs(n).withTraceListener(trace), true)).isEqualTo(fed);
      assertThat(trace.tokens()).isEqualTo(expected.tokens());
    }
    assertThat(fib.prefixCache().stored().reads()).as("a budget that keeps nothing reads it per run").isEqualTo(2);
  }

  // --- states that must be ignored ---

  @Test
  void aStateOfAnotherFormatIsIgnored() throws Exception {
    assertIgnored("fib", s -> s.toBuilder().setFormat(s.getFormat() + 1).build(), "format");
  }

  @Test
  void aStateOfAnotherModelOrRuntimeIsIgnored() throws Exception {
    assertIgnored("fib", s -> s.toBuilder().setFingerprint(flip(s.getFingerprint(), 5)).build(), "fingerprint");
  }

  @Test
  void aStateOfOtherTokensIsIgnored() throws Exception {
    assertIgnored("args", s -> s.toBuilder().setTokensSha256(flip(s.getTokensSha256(), 0)).build(), "digest");
    assertIgnored("args", s -> s.toBuilder().setLength(s.getLength() - 1).build(), "tokens");
  }

  @Test
  void aStateWhoseBytesDoNotMatchTheirChecksumIsIgnored() throws Exception {
    assertIgnored("fib", s -> s.toBuilder().setState(flip(s.getState(), s.getState().size() / 2)).build(), "checksum");
  }

  @Test
  void truncatedOrGarbledStatesAreRefusedByTheirStructure() throws Exception {
    int size = bundle.getPrograms(0).getPrefixState().getStateSize();
    for (int keep : new int[] {0, 3, 17, size / 3, 2 * size / 3, size - 1}) {
      assertIgnored("fib", s -> withState(s, Arrays.copyOf(raw(s), keep)), "structure");
    }
    assertIgnored("fib", s -> withState(s, Arrays.copyOf(raw(s), size + 8)), "structure");
    // the decoder's tag, its position, and the pass's tag
    for (int at : new int[] {0, 4, 13}) {
      assertIgnored("fib", s -> withState(s, flip(raw(s), at)), "structure");
    }
  }

  @Test
  void compressedBytesThatDoNotInflateToTheStatesSizeAreRefused() throws Exception {
    assertIgnored("fib", s -> s.toBuilder().setStateSize(s.getStateSize() + 1).build(), "inflate");
    assertIgnored("fib", s -> s.toBuilder().setStateSize(s.getStateSize() - 1).build(), "inflate");
    ByteString cut = bundle.getPrograms(0).getPrefixState().getState().substring(0, 100);
    assertIgnored("fib", s -> s.toBuilder().setState(cut).setStateCrc32C(StoredPrefix.crc(cut.toByteArray())).build(),
        "inflate");
  }

  @Test
  void anotherProgramsStateWithThisProgramsHeaderIsRefusedByItsStructure() throws Exception {
    // one model for both: the fingerprint matches, the positions do not
    byte[] wordfreq = raw(stateOf(bundle, "wordfreq"));
    assertIgnored("fib", s -> withState(s, wordfreq), "structure");
  }

  /** The state's bytes, inflated. */
  private static byte[] raw(PrefixState s) {
    try {
      return StoredPrefix.inflate(s.getState(), s.getStateSize());
    } catch (dev.wasmformer.runtime.state.StateFormatException e) {
      throw new AssertionError(e);
    }
  }

  private static PrefixState stateOf(Bundle b, String program) {
    return b.getProgramsList().stream().filter(p -> p.getName().equals(program)).findFirst().orElseThrow()
        .getPrefixState();
  }

  /**
   * The state with other (raw) bytes, compressed, its size and checksum made to match them (so
   * that the structure is what is checked).
   */
  private static PrefixState withState(PrefixState s, byte[] raw) {
    byte[] state = StoredPrefix.deflate(raw);
    return s.toBuilder().setState(ByteString.copyFrom(state)).setStateSize(raw.length)
        .setStateCrc32C(StoredPrefix.crc(state)).build();
  }

  private static byte[] flip(byte[] bytes, int at) {
    byte[] b = bytes.clone();
    b[at] ^= 0x5A;
    return b;
  }

  private static ByteString flip(ByteString bytes, int at) {
    return ByteString.copyFrom(flip(bytes.toByteArray(), at));
  }

  /**
   * Loads the bundle with {@code program}'s state changed by {@code change} (re-signed): the
   * state is reported unused for a reason mentioning {@code why}, is never read for a run, and
   * runs are those of the fed prompt.
   */
  private static void assertIgnored(String program, UnaryOperator<PrefixState> change, String why) throws Exception {
    Bundle.Builder b = bundle.toBuilder();
    for (int i = 0; i < b.getProgramsCount(); i++) {
      if (b.getPrograms(i).getName().equals(program)) {
        b.setPrograms(i, b.getPrograms(i).toBuilder().setPrefixState(change.apply(b.getPrograms(i).getPrefixState())));
      }
    }
    Program p = load(b.build()).program(program);
    RunOptions options = program.equals("fib") ? RunOptions.defaults().withArgs(9) : RunOptions.defaults().withArgv("3");
    TokenTrace expected = new TokenTrace();
    RunEnding fed = RunEnding.of(p, options.withTraceListener(expected), false);
    for (int run = 0; run < 2; run++) {
      TokenTrace trace = new TokenTrace();
      assertThat(RunEnding.of(p, options.withTraceListener(trace), true)).as("run %d", run).isEqualTo(fed);
      assertThat(trace.tokens()).as("trace of run %d", run).isEqualTo(expected.tokens());
    }
    Program.StoredPrefixState status = p.storedPrefixState();
    assertThat(status.stored()).isTrue();
    assertThat(status.usable()).isFalse();
    assertThat(status.reason()).contains(why);
    assertThat(p.prefixCache().holds(Attention.HULL)).as("the first run fed the prefix and kept its own").isTrue();
  }

  /**
   * Runs each of {@code options} feeding the whole prompt (and on the naive cache when {@code
   * naive}), then, on the same fresh program, with the prefix cache: the first run resumes from
   * the stored state (read once), the later ones from the kept copy; every trace and ending is
   * the fed one's.
   */
  private static void assertRunsFromTheStoredState(Program program, boolean naive, RunOptions... options) {
    assertThat(program.prefixCache().stored().present()).isTrue();
    List<RunEnding> expected = new ArrayList<>();
    List<int[]> expectedTraces = new ArrayList<>();
    for (RunOptions o : options) {
      TokenTrace trace = new TokenTrace();
      expected.add(RunEnding.of(program, o.withTraceListener(trace), false));
      expectedTraces.add(trace.tokens());
      if (naive) {
        TokenTrace reference = new TokenTrace();
        assertThat(RunEnding.of(program, o.withAttention(Attention.NAIVE).withTraceListener(reference), false))
            .isEqualTo(expected.get(expected.size() - 1));
        assertThat(reference.tokens()).isEqualTo(trace.tokens());
      }
    }
    assertThat(program.prefixCache().stored().reads()).as("runs without the cache read nothing").isZero();
    for (int i = 0; i < options.length; i++) {
      TokenTrace trace = new TokenTrace();
      RunEnding actual = RunEnding.of(program, options[i].withTraceListener(trace), true);
      assertThat(program.prefixCache().stored().reads()).as("the stored state is read by the first run only")
          .isEqualTo(1);
      assertThat(actual).as("%s run %d", program.name(), i).isEqualTo(expected.get(i));
      assertThat(trace.tokens()).as("%s trace %d", program.name(), i).isEqualTo(expectedTraces.get(i));
      assertThat(trace.tokens().length).isPositive();
    }
    assertThat(program.storedPrefixState().usable()).as("the stored state was used").isTrue();
  }

  private static RunOptions input(String text) {
    return RunOptions.defaults().withInput(text.getBytes(StandardCharsets.UTF_8));
  }
}
