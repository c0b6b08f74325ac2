package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.Program;
import dev.wasmformer.runtime.format.Token;
import dev.wasmformer.runtime.format.TokenRole;
import org.junit.jupiter.api.Test;

/**
 * The fast pass on the interpreter's real weights: its residual is the reference pass's, bit
 * for bit, at every step of whole runs (past the gate filter's first build and its rebuilds,
 * through calls, memory and the family arg-max).
 */
class InterpreterWeightsTest {
  /** fib(n) by double recursion, as a WebAssembly module (see BenchPrograms). */
  static final byte[] FIB = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f,
    0x03, 0x02, 0x01, 0x00, 0x07, 0x07, 0x01, 0x03, 0x66, 0x69, 0x62, 0x00, 0x00, 0x0a, 0x1e, 0x01,
    0x1c, 0x00, 0x20, 0x00, 0x41, 0x02, 0x48, 0x04, 0x7f, 0x20, 0x00, 0x05, 0x20, 0x00, 0x41, 0x01,
    0x6b, 0x10, 0x00, 0x20, 0x00, 0x41, 0x02, 0x6b, 0x10, 0x00, 0x6a, 0x0b, 0x0b
  };

  @Test
  void theFastPassComputesTheReferenceResidualOnAWholeRun() {
    Bundle bundle = new WasmformerCompiler(InterpreterModel.get()).addWasm("fib", "fib.wasm", FIB, "fib").bundle();
    Model model = Model.from(bundle);
    Decoder reference = model.newDecoder(AttentionKind.NAIVE);
    Decoder fast = model.newDecoder(AttentionKind.HULL);
    int[] prompt = prompt(bundle, 9);
    int halt = tokenWithRole(bundle, TokenRole.HALT);
    int token = prompt[0];
    long steps = 0;
    for (int p = 0; token != halt; p++) {
      int fed = p < prompt.length ? prompt[p] : token;
      int expected = reference.step(fed);
      int actual = fast.step(fed);
      assertThat(fast.residual()).as("residual at position %d", p)
          .usingElementComparator(Double::compare).containsExactly(reference.residual());
      assertThat(actual).as("token after position %d", p).isEqualTo(expected);
      token = expected;
      steps++;
    }
    assertThat(steps).as("long enough for the gate filter to be built and rebuilt").isGreaterThan(2000);
    assertTheFastKernelsRan((FastPass) fast.pass(), steps);
  }

  /**
   * The interpreter's lookups by position (keys (2j, -j^2) and the like) are proven exact up to
   * position 2^26, where j^2 reaches 2^52: runs of the universal model and of a restricted one
   * stop there (docs/limits.md).
   */
  @Test
  void theInterpretersPositionLimitIsTwoToTheTwentySixPlusOnePositions() {
    Bundle universal = new WasmformerCompiler(InterpreterModel.get()).addWasm("fib", "fib.wasm", FIB, "fib").bundle();
    Bundle restricted = new WasmformerCompiler().addWasm("fib", "fib.wasm", FIB, "fib").bundle();
    assertThat(Model.from(universal).positionLimit()).isEqualTo((1L << 26) + 1);
    assertThat(Model.from(restricted).positionLimit()).isEqualTo((1L << 26) + 1);
    // the gate filters start the position's range at the limit (GateFilter.seedPosition)
    Model model = Model.from(restricted);
    int bounded = 0;
    for (SparseFeedForward ffn : model.sparseFfns) {
      if (ffn == null) continue;
      assertThat(ffn.positionSlot).isEqualTo(model.slotPosition());
      assertThat(ffn.positionBound).isEqualTo((double) ((1L << 26) + 1));
      bounded++;
    }
    assertThat(bounded).isPositive();
  }

  /**
   * Appending the real prompt (the hull pass runs the prompt plan) leaves every head's key and
   * value of stepping it through the reference, at every prompt position, and the same run
   * after it, token for token and residual for residual; the plan skips the layers past the
   * last one with heads, and most FFN units.
   */
  @Test
  void appendingTheRealPromptLeavesTheKeysAndValuesOfStepping() {
    Bundle bundle = new WasmformerCompiler(InterpreterModel.get()).addWasm("fib", "fib.wasm", FIB, "fib").bundle();
    Model model = Model.from(bundle);
    PromptPlan plan = model.promptPlan;
    int units = 0;
    for (LayerWeights layer : model.layers) {
      units += layer.ffn() == null ? 0 : layer.ffn().width();
    }
    assertThat(plan.layers).as("layers an appended token runs").isLessThan(model.layerCount());
    assertThat(plan.keptUnits()).as("FFN units an appended token runs, of %d", units).isLessThan(units / 4);
    assertThat(plan.queriedHeads()).as("queries an appended token runs").isLessThan(model.headCount());

    Decoder reference = model.newDecoder(AttentionKind.NAIVE);
    Decoder fast = model.newDecoder(AttentionKind.HULL);
    int[] prompt = prompt(bundle, 7);
    int halt = tokenWithRole(bundle, TokenRole.HALT);
    double[] expected = new double[2 + 256];
    double[] actual = new double[2 + 256];
    int token = prompt[0];
    for (int p = 0; token != halt; p++) {
      int fed = p < prompt.length ? prompt[p] : token;
      token = reference.step(fed);
      if (p < prompt.length - 1) {
        fast.append(fed);
      } else {
        assertThat(fast.step(fed)).as("token after position %d", p).isEqualTo(token);
        assertThat(fast.residual()).as("residual at position %d", p)
            .usingElementComparator(Double::compare).containsExactly(reference.residual());
      }
      for (int l = 0; l < model.layerCount(); l++) {
        for (int h = 0; h < model.headCount(l); h++) {
          java.util.Arrays.fill(expected, 0.0);
          java.util.Arrays.fill(actual, 0.0);
          reference.pass().keyAndValue(l, h, expected);
          fast.pass().keyAndValue(l, h, actual);
          assertThat(actual).as("key and value of layer %d head %d at position %d", l, h, p)
              .usingElementComparator(Double::compare).containsExactly(expected);
        }
      }
    }
  }

  @Test
  void theInterpretersHeadsGetTheFastKernels() {
    Model model = Model.from(new WasmformerCompiler(InterpreterModel.get()).addWasm("fib", "fib.wasm", FIB, "fib").bundle());
    int positionHeads = 0;
    int tokenValued = 0;
    int constantHeads = 0;
    for (LayerWeights layer : model.layers) {
      for (HeadWeights head : layer.heads()) {
        // An AVERAGE head on the hull would keep its whole history (exact sums of fractions).
        assertThat(head.kernel() == HeadKernel.HULL && head.mode() == dev.wasmformer.runtime.attention.AttentionMode.AVERAGE)
            .as("head %s is an AVERAGE head on the hull", head.name()).isFalse();
        positionHeads += head.kernel() == HeadKernel.POSITION_KEY ? 1 : 0;
        tokenValued += head.kernel() == HeadKernel.POSITION_KEY && head.tokenValued() ? 1 : 0;
        constantHeads += head.kernel() == HeadKernel.CONSTANT_KEY ? 1 : 0;
      }
    }
    assertThat(positionHeads).as("position-key heads (fetch, previous tokens, snapshots)").isGreaterThanOrEqualTo(10);
    // prev1 .. prev7; the fetch head's value is computed (the fields the prev heads gathered)
    assertThat(tokenValued).as("token-valued position heads (previous tokens)").isGreaterThanOrEqualTo(7);
    assertThat(constantHeads).as("constant-key heads (cumulative sums)").isGreaterThanOrEqualTo(2);
    assertThat(model.familyArgMax.familyCount()).as("families of the unembedding").isGreaterThan(10);
  }

  /**
   * A specialized model folds away the token kinds its program never emits: their logits
   * become constants in the unembedding's constant column, next to the -2^60 of tokens it
   * never emits at all. The family arg-max must still cover them (it once left 3,940 of fib's
   * 5,732 rows to a dot product each per token, a third of the universal model's speed).
   */
  @Test
  void aSpecializedModelsUnembeddingStaysInFamilies() {
    Bundle bundle = WasmformerCompiler.specializing().addWasm("fib", "fib.wasm", FIB, "fib").bundle();
    Model model = Model.from(bundle.getModels(0).getShape(), bundle.getModels(0).getWeights());
    assertThat(model.vocabSize()).isGreaterThan(5000);
    assertThat(model.familyArgMax.plainRowCount()).as("rows outside the families").isLessThanOrEqualTo(16);
  }

  /**
   * The family arg-max (its groups of twin kinds, their hull searches, the inexact groups'
   * margins) returns the plain scan's token on the universal, the restricted and the
   * specialized model's unembedding, for random residuals shaped like the interpreter's: the
   * constant slot 1, mostly one gate on, values that are integers, halves (two values tie),
   * beyond the range, or fractions, and a non-zero set that holds every non-zero slot.
   */
  @Test
  void theFamilyArgMaxAgreesWithThePlainScanOnTheInterpretersUnembeddings() {
    Bundle universal = new WasmformerCompiler(InterpreterModel.get()).addWasm("fib", "fib.wasm", FIB, "fib").bundle();
    Bundle restricted = new WasmformerCompiler().addWasm("fib", "fib.wasm", FIB, "fib").bundle();
    Bundle specialized = WasmformerCompiler.specializing().addWasm("fib", "fib.wasm", FIB, "fib").bundle();
    java.util.Random random = new java.util.Random(8);
    for (Model model : new Model[] {Model.from(universal), Model.from(restricted),
        Model.from(specialized.getModels(0).getShape(), specialized.getModels(0).getWeights())}) {
      CsrMatrix u = model.unembedding;
      boolean[] read = new boolean[u.cols];
      for (int r = 0; r < u.rows; r++) {
        for (int i = 0; i < u.rowLength(r); i++) {
          read[u.column(r, i)] = true;
        }
      }
      int[] columns = java.util.stream.IntStream.range(0, u.cols).filter(c -> read[c] && c != model.slotOne()).toArray();
      FamilyArgMax argMax = model.familyArgMax;
      FamilyArgMax.Scratch scratch = argMax.newScratch();
      double[] x = new double[u.cols];
      long[] nonZero = Bits.words(u.cols);
      double[] fractions = {0.5, -0.5, 0.25, -0.498046875, 1e-300, 100.125};
      for (int trial = 0; trial < 20_000; trial++) {
        java.util.Arrays.fill(x, 0);
        x[model.slotOne()] = 1;
        for (int c : columns) {
          int kind = random.nextInt(40);
          x[c] = kind < 3 ? 1                                         // gates
              : kind < 6 ? random.nextInt(300) - 20                   // values, some beyond a byte
              : kind < 8 ? random.nextInt(600) / 2.0 - 20             // halves: two values tie
              : kind < 9 ? random.nextInt(5000)
              : kind < 10 ? fractions[random.nextInt(fractions.length)]
              : 0;
        }
        if (random.nextInt(4) == 0) {
          // One gate only, the others off: the interpreter's usual step.
          int on = columns[random.nextInt(columns.length)];
          for (int c : columns) {
            if (x[c] == 1 && c != on) {
              x[c] = 0;
            }
          }
        }
        java.util.Arrays.fill(nonZero, 0);
        for (int c = 0; c < u.cols; c++) {
          if (x[c] != 0 || random.nextInt(8) == 0) {
            Bits.set(nonZero, c);
          }
        }
        assertThat(argMax.argMax(x, nonZero, scratch)).as("trial %d", trial).isEqualTo(FamilyArgMax.plainArgMax(u, x));
      }
    }
  }

  /**
   * A fallback must not silently make the interpreter slow: the family arg-max never scans
   * every row, and every gate filter runs at most steps after its first build (its ranges still widen early in a run).
   */
  private static void assertTheFastKernelsRan(FastPass fast, long steps) {
    assertThat(fast.plainArgMaxSteps()).as("steps whose arg-max scanned every row").isZero();
    long[][] use = fast.gateFilterUse();
    int filtered = 0;
    for (int l = 0; l < use.length; l++) {
      if (use[l][0] == 0) {
        continue;
      }
      filtered++;
      long eligible = use[l][0] - GateFilter.FIRST_BUILD;
      assertThat(use[l][1]).as("filtered steps of layer %d out of %d after the first build", l, eligible)
          .isGreaterThan(eligible * 3 / 4);
    }
    assertThat(filtered).as("layers with a gate filter").isGreaterThanOrEqualTo(4);
  }

  private static int tokenWithRole(Bundle bundle, TokenRole role) {
    for (int id = 0; id < bundle.getVocabulary().getTokensCount(); id++) {
      if (bundle.getVocabulary().getTokens(id).getRole() == role) return id;
    }
    throw new IllegalStateException("no " + role + " token");
  }

  /** The prompt for one i32 argument and no input. */
  private static int[] prompt(Bundle bundle, int argument) {
    int[] programByte = new int[256];
    int inputEnd = tokenWithRole(bundle, TokenRole.INPUT_END);
    for (int id = 0; id < bundle.getVocabulary().getTokensCount(); id++) {
      Token t = bundle.getVocabulary().getTokens(id);
      if (t.getRole() == TokenRole.PROGRAM_BYTE) programByte[t.getValue()] = id;
    }
    Program p = bundle.getPrograms(0);
    int[] prompt = new int[p.getPrefixCount() + 1 + p.getSuffixCount()];
    for (int i = 0; i < p.getPrefixCount(); i++) prompt[i] = p.getPrefix(i);
    for (int b = 0; b < 4; b++) prompt[p.getParamPositions(b)] = programByte[(argument >>> (8 * b)) & 0xFF];
    prompt[p.getPrefixCount()] = inputEnd;
    for (int i = 0; i < p.getSuffixCount(); i++) prompt[p.getPrefixCount() + 1 + i] = p.getSuffix(i);
    return prompt;
  }
}
