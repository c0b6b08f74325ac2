package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.c.SourceFile;
import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.Program;
import dev.wasmformer.runtime.format.TokenRole;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A diagnostic, not a check: runs a C program (docs/examples/sudoku.c unless
 * {@code -Dwasmformer.probe.program} names another) on the interpreter's weights with the fast
 * pass and prints, per layer, what a token costs: the heads (kernel, value width) and the FFN
 * units the gate filter evaluates at every step ("always", by graph node) or selects because a
 * selector group is non-zero ("touched", by graph node). Touched units are counted from the
 * filter's per-group non-zero counters, read before and after every step, so the counts are
 * exact for the selection (a unit is then evaluated only if its bound allows a positive gate).
 * Last, per filtered layer, what the selection's column pass visits per step (live words,
 * range-only and checked columns, selector blocks, blocks a zero partner skips, entries touched,
 * groups of several columns) and the sizes of the last build.
 *
 * <p>{@code mvn -o -q -pl plugin -am test -Dtest=UnitCostProbe -Dsurefire.failIfNoSpecifiedTests=false
 * -Dwasmformer.probe=true [-Dwasmformer.probe.tokens=N]}
 */
@EnabledIfSystemProperty(named = "wasmformer.probe", matches = "true")
class UnitCostProbe {

  @Test
  void printsTheUnitsAndHeadsATokenCosts() throws Exception {
    Path file = Path.of(System.getProperty("wasmformer.probe.program", "../docs/examples/sudoku.c"));
    long limit = Long.getLong("wasmformer.probe.tokens", 300_000);
    InterpreterModel universal = InterpreterModel.get();
    List<SourceFile> sources = List.of(new SourceFile(file.getFileName().toString(), Files.readString(file)));
    InterpreterModel im = Boolean.getBoolean("wasmformer.probe.universal") ? universal
        : InterpreterModel.forOpcodes(dev.wasmformer.interpreter.InterpreterGraph.opcodesOf(WasmformerCompiler.lower(
            WasmformerCompiler.compileC(sources, WasmformerCompiler.cOptions()).wasm(), "_start")));
    Bundle bundle = new WasmformerCompiler(im)
        .addC("probe", sources, WasmformerCompiler.cOptions(), List.of(), null)
        .bundle();
    Model model = Model.from(bundle);
    Decoder decoder = model.newDecoder(AttentionKind.HULL);
    FastPass fast = (FastPass) decoder.pass();
    GateFilter[] filters = (GateFilter[]) field(FastPass.class, "filters").get(fast);
    Field nonZeroField = field(GateFilter.class, "groupNonZero");
    int layers = model.layerCount();
    long[][] before = new long[layers][];
    for (int l = 0; l < layers; l++) {
      if (filters[l] != null) before[l] = ((long[]) nonZeroField.get(filters[l])).clone();
    }
    List<List<String>> names = im.weights().unitNames();
    long[] alwaysSum = new long[layers];
    long[] touchedSum = new long[layers];
    long[] countedSteps = new long[layers];
    List<Map<String, Long>> alwaysByNode = new ArrayList<>();
    List<Map<String, Long>> touchedByNode = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      alwaysByNode.add(new TreeMap<>());
      touchedByNode.add(new TreeMap<>());
    }
    int[] mark = new int[model.ffnWidth()];
    int epoch = 0;
    ColumnCounter columns = new ColumnCounter(fast, filters, im.weights());

    int[] prompt = prompt(bundle);
    int halt = tokenWithRole(bundle, TokenRole.HALT);
    int token = prompt[0];
    long p = 0;
    Decoder reference = model.newDecoder(AttentionKind.HULL);
    for (; token != halt && p < limit; p++) {
      int fed = p < prompt.length ? prompt[(int) p] : token;
      token = columns.step(fed, p);
      int expected = reference.step(fed);
      if (token != expected) throw new AssertionError("the probe's step left the trace at " + p + ": " + token + " != " + expected);
      for (int l = 0; l < layers; l++) {
        GateFilter f = filters[l];
        if (f == null) continue;
        long[] now = (long[]) nonZeroField.get(f);
        if (f.alwaysMask == null || f.steps() <= GateFilter.FIRST_BUILD) {
          before[l] = now.clone();
          continue;
        }
        // the filter counts non-zero groups on one filtered step in GateFilter.SAMPLE: count those steps
        if (java.util.Arrays.equals(now, before[l])) continue;
        epoch++;
        int touched = 0;
        for (int g = 0; g < now.length; g++) {
          if (now[g] == before[l][g]) continue;
          before[l][g] = now[g];
          for (int k = f.selectorStart[g]; k < f.selectorStart[g + 1]; k++) {
            int u = f.selectorUnit[k];
            if (mark[u] != epoch) {
              mark[u] = epoch;
              touched++;
              touchedByNode.get(l).merge(kind(names.get(l).get(u)), 1L, Long::sum);
            }
          }
        }
        countedSteps[l]++;
        touchedSum[l] += touched;
        int[] alwaysUnits = Bits.toArray(f.alwaysMask);
        alwaysSum[l] += alwaysUnits.length;
        for (int u : alwaysUnits) alwaysByNode.get(l).merge(kind(names.get(l).get(u)), 1L, Long::sum);
      }
    }
    assertThat(p).isGreaterThan(10_000);

    StringBuilder out = new StringBuilder();
    out.append(String.format("%s: %,d tokens; model d_model %d, %d layers, %d heads, %,d units%n", file, p,
        model.dModel(), layers, model.headCount(), im.weights().units()));
    long totalAlways = 0;
    double totalTouched = 0;
    for (int l = 0; l < layers; l++) {
      out.append(String.format("layer %d: %d units%s%n", l, names.get(l).size(), model.sparseFfns[l] == null ? "" :
          model.sparseFfns[l].small ? " (small: all evaluated)" : ""));
      StringBuilder hs = new StringBuilder();
      for (HeadWeights h : model.layers.get(l).heads()) {
        hs.append(String.format(" %s[%s%s,%d]", h.name(), h.kernel(), h.tokenValued() ? "/token" : "", h.valueWidth()));
      }
      out.append("  heads:").append(hs).append('\n');
      if (names.get(l).size() <= 60) out.append("  units: ").append(String.join(" ", names.get(l))).append('\n');
      if (countedSteps[l] == 0) continue;
      double always = (double) alwaysSum[l] / countedSteps[l];
      double touched = (double) touchedSum[l] / countedSteps[l];
      totalAlways += Math.round(always);
      totalTouched += touched;
      out.append(String.format("  per token: %.1f always, %.1f touched%n", always, touched));
      out.append("  always by node: ").append(perStep(alwaysByNode.get(l), countedSteps[l], 0.05)).append('\n');
      out.append("  touched by node: ").append(perStep(touchedByNode.get(l), countedSteps[l], 0.05)).append('\n');
    }
    if (Boolean.getBoolean("wasmformer.probe.groups")) {
      for (int l = 0; l < layers; l++) {
        GateFilter f = filters[l];
        if (f == null || f.alwaysMask == null) continue;
        GateGroups gg = model.sparseFfns[l].groups;
        double[] glo = (double[]) field(GateFilter.class, "groupLo").get(f);
        double[] ghi = (double[]) field(GateFilter.class, "groupHi").get(f);
        long[] nz = (long[]) nonZeroField.get(f);
        for (int g = 0; g < gg.groupCount; g++) {
          int sel = f.selectorStart[g + 1] - f.selectorStart[g];
          if (sel == 0) continue;
          StringBuilder cols = new StringBuilder();
          for (int k = gg.memberStart[g]; k < gg.memberStart[g + 1]; k++) cols.append(gg.members[k]).append('*').append(gg.alpha[gg.members[k]]).append(' ');
          StringBuilder us = new StringBuilder();
          for (int k = f.selectorStart[g]; k < f.selectorStart[g + 1] && k < f.selectorStart[g] + 6; k++) us.append(names.get(l).get(f.selectorUnit[k])).append(' ');
          out.append(String.format("L%d group %d [%s] range %s..%s nonzero %.3f/step, %d selected units: %s%n", l, g, cols,
              glo[g], ghi[g], (double) nz[g] / p, sel, us));
        }
      }
    }
    out.append(String.format("total per token: %d always, %.1f touched%n", totalAlways, totalTouched));
    out.append(columns.report(0.05));
    out.append(columns.candidateReport());
    out.append(columns.selectionReport());
    out.append("total tokens ").append(p).append('\n');
    System.out.print(out);
  }

  /**
   * Runs the fast pass's forward step layer by layer (its private parts by reflection, in the
   * same order, so the residual and the caches are the fast pass's) and counts, per filtered
   * layer, the non-zero residual columns its gate filter checks (the columns of groups some
   * filtered unit reads), by the graph node holding the column then.
   */
  private static final class ColumnCounter {
    private final FastPass fast;
    private final GateFilter[] filters;
    private final dev.wasmformer.assembly.AssembledModel weights;
    private final java.lang.reflect.Method attend;
    private final Field tokensField;
    private final Field lastTokenField;
    private final Field placedValidField;
    private final SparseFeedForward[] ffns;
    private final long[] nonZero;
    private final long[] embeddingWrites;
    private final SparseFeedForward.Scratch scratch;
    private final FamilyArgMax.Scratch families;
    private final boolean keepTokens;
    private final long[] visited;
    private final long[] nonZeroSlots;
    private final long[] counted;
    private final List<Map<String, Long>> byNode = new ArrayList<>();
    // per layer, the checked columns' values at the step before (0 where not checked or zero),
    // for counting what an incremental selection would have to update
    private final double[][] before;
    private final long[] unchanged;
    private final long[] vanished;

    ColumnCounter(FastPass fast, GateFilter[] filters, dev.wasmformer.assembly.AssembledModel weights) throws Exception {
      this.fast = fast;
      this.filters = filters;
      this.weights = weights;
      attend = FastPass.class.getDeclaredMethod("attend", int.class, int.class, boolean[].class);
      attend.setAccessible(true);
      tokensField = field(FastPass.class, "tokens");
      lastTokenField = field(FastPass.class, "lastToken");
      placedValidField = field(FastPass.class, "placedValid");
      ffns = (SparseFeedForward[]) field(FastPass.class, "ffns").get(fast);
      nonZero = (long[]) field(FastPass.class, "nonZero").get(fast);
      embeddingWrites = (long[]) field(FastPass.class, "embeddingWrites").get(fast);
      scratch = (SparseFeedForward.Scratch) field(FastPass.class, "scratch").get(fast);
      families = (FamilyArgMax.Scratch) field(FastPass.class, "families").get(fast);
      keepTokens = field(FastPass.class, "keepTokens").getBoolean(fast);
      int layers = filters.length;
      visited = new long[layers];
      nonZeroSlots = new long[layers];
      counted = new long[layers];
      for (int l = 0; l < layers; l++) byNode.add(new TreeMap<>());
      before = new double[layers][fast.x.length];
      unchanged = new long[layers];
      vanished = new long[layers];
    }

    /** FastPass.step, with the counts taken before each layer's FFN. */
    int step(int token, long p) throws Exception {
      Model model = fast.model;
      if (keepTokens) {
        int[] tokens = (int[]) tokensField.get(fast);
        if (p >= tokens.length) {
          tokens = java.util.Arrays.copyOf(tokens, Math.toIntExact(Math.max(p + 1, 2L * tokens.length)));
          tokensField.set(fast, tokens);
        }
        tokens[(int) p] = token;
      }
      // FastPass.forward without the resident heads' kept rows: every row cleared, nothing placed
      lastTokenField.setInt(fast, token);
      if (p == AttentionLayer.GENERATE_AT) {
        for (AttentionLayer layer : (AttentionLayer[]) field(FastPass.class, "attention").get(fast)) layer.compile();
      }
      placedValidField.setBoolean(fast, false);
      for (long[] layer : (long[][]) field(FastPass.class, "placed").get(fast)) java.util.Arrays.fill(layer, Long.MIN_VALUE);
      double[] x = fast.x;
      for (int w = 0; w < nonZero.length; w++) {
        for (long b = nonZero[w]; b != 0; b &= b - 1) x[(w << 6) + Long.numberOfTrailingZeros(b)] = 0.0;
        nonZero[w] = embeddingWrites[w];
      }
      CsrMatrix embedding = model.embedding;
      embedding.copyRowInto(token, x);
      for (int i = 0, n = embedding.rowLength(token); i < n; i++) Bits.set(nonZero, embedding.column(token, i));
      double pd = p;
      x[model.slotOne()] += 1;
      x[model.slotPosition()] += pd;
      x[model.slotPositionSquared()] += pd * pd;
      for (int l = 0; l < filters.length; l++) {
        attend.invoke(fast, l, token, null);
        GateFilter f = filters[l];
        if (f != null && f.checkMask != null && f.steps() > GateFilter.FIRST_BUILD) {
          counted[l]++;
          double[] was = before[l];
          double[] now = new double[was.length];
          for (int c = 0; c < was.length; c++) {
            if (was[c] != 0 && x[c] == 0) vanished[l]++;
          }
          for (int w = 0; w < nonZero.length; w++) {
            for (long b = nonZero[w]; b != 0; b &= b - 1) {
              int c = (w << 6) + Long.numberOfTrailingZeros(b);
              if (x[c] == 0) continue;
              nonZeroSlots[l]++;
              boolean checked = (f.checkMask[w] & (1L << c)) != 0 || (f.rangeOnlyMask[w] & (1L << c)) != 0;
              if (!checked) continue;
              visited[l]++;
              if (x[c] == was[c]) unchanged[l]++;
              now[c] = x[c];
              String name = c == model.slotOne() ? "one" : c == model.slotPosition() ? "p" : c == model.slotPositionSquared() ? "p^2"
                  : String.valueOf(weights.slotName(c, 2 * l + 2));
              byNode.get(l).merge(kind(name), 1L, Long::sum);
            }
          }
          before[l] = now;
        }
        if (f != null && f.alwaysMask != null && f.steps() > GateFilter.FIRST_BUILD) countCandidates(l, f, x);
        if (f != null && f.columnWords != null && f.steps() > GateFilter.FIRST_BUILD) countSelection(l, f, x);
        if (ffns[l] != null) ffns[l].apply(x, nonZero, scratch, filters[l]);
      }
      return model.familyArgMax.argMax(x, nonZero, families);
    }

    /**
     * Per layer, what the filtered step's column pass visits at x, as {@code
     * SparseFeedForward.select} does: {steps, live words, live range-only, non-zero range-only,
     * live checked, non-zero checked, of several-column groups, blocks, blocks skipped by a zero
     * partner, blocks deferred, entries touched, several-column groups non-zero, their blocks,
     * their entries, row columns}.
     */
    final long[][] selection = new long[8][15];

    private void countSelection(int l, GateFilter f, double[] x) {
      long[] n = selection[l];
      n[0]++;
      for (int w : f.columnWords) {
        long live = nonZero[w];
        if ((live & (f.checkMask[w] | f.rangeOnlyMask[w])) != 0) n[1]++;
        for (long b = live & f.rangeOnlyMask[w]; b != 0; b &= b - 1) {
          int c = (w << 6) + Long.numberOfTrailingZeros(b);
          n[2]++;
          if (x[c] != 0) n[3]++;
        }
        for (long b = live & f.checkMask[w]; b != 0; b &= b - 1) {
          int c = (w << 6) + Long.numberOfTrailingZeros(b);
          n[4]++;
          if (x[c] == 0) continue;
          n[5]++;
          int code = f.columnLink[3 * c];
          if (code >= 0) {
            n[6]++;
            continue;
          }
          for (int bk = f.columnLink[3 * c + 1]; bk < f.columnLink[3 * c + 2]; bk++) {
            n[7]++;
            int partner = f.blockPartner[bk];
            if (partner >= 0 && x[partner] == 0) {
              n[8]++;
            } else if (partner < -1) {
              n[9]++;
            } else {
              n[10] += f.blockLimit[bk + 1] - f.blockLimit[bk];
            }
          }
        }
      }
      n[14] += f.rowColumns.length;
      // the groups of several columns: their sums from x
      GateGroups gg = ffns[l].groups;
      for (int m = 0; m < f.multiGroup.length; m++) {
        int g = f.multiGroup[m];
        double v = 0;
        for (int k = gg.memberStart[g]; k < gg.memberStart[g + 1]; k++) v += gg.alpha[gg.members[k]] * x[gg.members[k]];
        if (v == 0) continue;
        n[11]++;
        for (int bk = f.groupBlock[g]; bk < f.groupBlock[g + 1]; bk++) {
          n[12]++;
          n[13] += f.blockLimit[bk + 1] - f.blockLimit[bk];
        }
      }
    }

    String selectionReport() {
      StringBuilder out = new StringBuilder("selection per filtered step: words, live range-only, non-zero range-only,"
          + " live checked, non-zero checked, multi-column, blocks, partner-skipped, deferred, entries;"
          + " multi groups non-zero, their blocks, their entries; row columns\n");
      for (int l = 0; l < selection.length; l++) {
        long[] n = selection[l];
        if (n[0] == 0) continue;
        GateFilter f = filters[l];
        int ro = 0, ch = 0;
        for (int w = 0; w < f.checkMask.length; w++) {
          ro += Long.bitCount(f.rangeOnlyMask[w]);
          ch += Long.bitCount(f.checkMask[w]);
        }
        out.append(String.format("  layer %d last build: %d range-only, %d checked columns, %d column words, %d row columns,"
            + " %d multi-column groups, %d always units%n", l, ro, ch, f.columnWords.length, f.rowColumns.length,
            f.multiGroup.length, f.alwaysUnits.length));
        out.append("  layer ").append(l).append(':');
        for (int i = 1; i < n.length; i++) out.append(String.format(" %.1f", (double) n[i] / n[0]));
        out.append('\n');
      }
      return out.toString();
    }

    private final java.util.Map<String, long[]> byUnit = new TreeMap<>();
    private long candidateSteps;
    private long touchedCount;
    private final java.util.Map<String, long[]> byTouched = new TreeMap<>();
    private final StringBuilder alwaysRows = new StringBuilder();
    private final long[] candidateCount = new long[4];
    private final long[] positiveCount = new long[4];
    private final long[] zeroValueCount = new long[4];

    /**
     * The units a filtered step of layer l evaluates at x, each with its real gate: counted by
     * kind, and by graph node {evaluated, gate <= 0, gate > 0 but value 0}. The filter's
     * sampled group counters are restored, so that the run filters as it would unprobed.
     */
    private void countCandidates(int l, GateFilter f, double[] x) throws Exception {
      Field nz = field(GateFilter.class, "groupNonZero");
      long[] counts = (long[]) nz.get(f);
      long[] saved = counts.clone();
      long[] cand = ffns[l].candidates(x, nonZero, scratch, f);
      System.arraycopy(saved, 0, counts, 0, saved.length);
      if (cand == null) return;
      long[] touchedUnits = ffns[l].touched(x, nonZero, scratch, f);
      System.arraycopy(saved, 0, counts, 0, saved.length);
      for (int u : Bits.toArray(touchedUnits)) {
        touchedCount++;
        if ((cand[u >>> 6] & (1L << u)) == 0) {
          byTouched.computeIfAbsent("L" + l + " " + kind(weights.unitNames().get(l).get(u)), k -> new long[1])[0]++;
        }
      }
      if (l == 0) candidateSteps++;
      SparseFeedForward ffn = ffns[l];
      for (int u : Bits.toArray(cand)) {
        double g = ffn.weights.gate().dot(u, x);
        double v = ffn.weights.value().dot(u, x);
        int kind = f.unitKind[u];
        candidateCount[kind]++;
        String key = "L" + l + " " + kind(weights.unitNames().get(l).get(u)) + " " + "FLAM".charAt(kind);
        long[] c = byUnit.computeIfAbsent(key, k -> new long[3]);
        c[0]++;
        if (!(g > 0)) {
          c[1]++;
        } else {
          positiveCount[kind]++;
          if (v == 0) {
            c[2]++;
            zeroValueCount[kind]++;
          }
        }
      }
    }


    /** The always-evaluated units' gate rows with the filter's ranges of their columns, as the run ends. */
    private void showAlways() throws Exception {
      for (int l = 0; l < filters.length; l++) {
        GateFilter f = filters[l];
        if (f == null || f.alwaysMask == null) continue;
        SparseFeedForward ffn = ffns[l];
        for (int u : Bits.toArray(f.alwaysMask)) {
          StringBuilder row = new StringBuilder("L" + l + " always " + weights.unitNames().get(l).get(u) + ":");
          appendGate(row, l, u, false);
          row.append(" value:");
          CsrMatrix value = ffn.weights.value();
          for (int i = 0; i < value.rowLength(u); i++) {
            row.append(" ").append(value.value(u, i)).append('*').append(weights.slotName(value.column(u, i), 2 * l + 2));
          }
          alwaysRows.append(row).append('\n');
        }
      }
    }

    /** A unit's gate row with the filter's column ranges, its selectors' columns and its partner. */
    private String describe(int l, int u) throws Exception {
      GateFilter f = filters[l];
      SparseFeedForward ffn = ffns[l];
      GateGroups gg = ffn.groups;
      StringBuilder row = new StringBuilder("L" + l + " " + weights.unitNames().get(l).get(u) + " kind " + f.unitKind[u] + ":");
      appendGate(row, l, u, true);
      if (f.unitBound != null && f.unitKind[u] == GateFilter.FILTERED) {
        row.append(String.format("%n    bound %s second %s; selectors:", f.unitBound[u], f.unitSecondBound[u]));
        for (int g = 0; g < gg.groupCount; g++) {
          for (int b = f.groupBlock[g]; b < f.groupBlock[g + 1]; b++) {
            for (int k = f.blockLimit[b]; k < f.blockLimit[b + 1]; k++) {
              if (f.selectorUnit[k] != u) continue;
              StringBuilder cols = new StringBuilder();
              for (int m = gg.memberStart[g]; m < gg.memberStart[g + 1]; m++) cols.append(colName(l, gg.members[m])).append(' ');
              int partner = f.blockPartner[b];
              row.append(String.format(" g%d[%s]*%s partner %s;", g, cols.toString().trim(), f.selectorScale[k],
                  partner >= 0 ? colName(l, partner) : partner == -1 ? "none" : "group m" + (-2 - partner)));
            }
          }
        }
        row.append(" rest columns:");
        for (int k = f.restColumnStart[u]; k < f.restColumnStart[u + 1]; k++) {
          row.append(' ').append(f.restColumnWeight[k]).append('*').append(colName(l, f.restColumn[k]));
        }
      }
      return row.toString();
    }

    /** Unit u's gate row, each column with the filter's range (and its group, if asked). */
    private void appendGate(StringBuilder row, int l, int u, boolean withGroup) throws Exception {
      GateFilter f = filters[l];
      CsrMatrix gate = ffns[l].weights.gate();
      int[] groupOf = ffns[l].groups.groupOf;
      double[] lo = (double[]) field(GateFilter.class, "columnLo").get(f);
      double[] hi = (double[]) field(GateFilter.class, "columnHi").get(f);
      boolean[] frac = (boolean[]) field(GateFilter.class, "columnFractional").get(f);
      for (int i = 0; i < gate.rowLength(u); i++) {
        int c = gate.column(u, i);
        String group = withGroup ? "(g" + groupOf[c] + ")" : "";
        row.append(String.format(" %s*%s%s[%s..%s%s]", gate.value(u, i), colName(l, c), group, lo[c], hi[c], frac[c] ? " frac" : ""));
      }
    }

    private String colName(int l, int c) {
      return c == fast.model.slotOne() ? "one" : c == fast.model.slotPosition() ? "p"
          : c == fast.model.slotPositionSquared() ? "p^2" : String.valueOf(weights.slotName(c, 2 * l + 2));
    }

    String candidateReport() throws Exception {
      showAlways();
      for (Map.Entry<String, long[]> e : byTouched.entrySet()) {
        if (e.getValue()[0] < 0.1 * candidateSteps) continue;
        String[] parts = e.getKey().split(" ", 2);
        int l = Integer.parseInt(parts[0].substring(1));
        for (int u = 0; u < weights.unitNames().get(l).size(); u++) {
          if (kind(weights.unitNames().get(l).get(u)).equals(parts[1])) {
            alwaysRows.append(describe(l, u)).append('\n');
            break;
          }
        }
      }
      StringBuilder out = new StringBuilder();
      double n = candidateSteps;
      out.append(String.format("candidates per token over %,d tokens (kind: filtered, linear, always, family):%n", candidateSteps));
      long all = 0, pos = 0;
      for (int k = 0; k < 4; k++) {
        all += candidateCount[k];
        pos += positiveCount[k];
        out.append(String.format("  %s: %.2f evaluated, %.2f gate > 0, %.2f gate > 0 with value 0%n", "FLAM".charAt(k),
            candidateCount[k] / n, positiveCount[k] / n, zeroValueCount[k] / n));
      }
      out.append(String.format("  total %.2f evaluated, %.2f gate > 0%n", all / n, pos / n));
      out.append(String.format("  touched %.2f; touched but ruled out by a bound, by node:%n", touchedCount / n));
      byTouched.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).forEach(e -> {
        if (e.getValue()[0] / n >= 0.02) out.append(String.format("    %-40s %.3f%n", e.getKey(), e.getValue()[0] / n));
      });
      out.append(alwaysRows);
      out.append("  by node (evaluated, gate <= 0, gate > 0 with value 0), per token:\n");
      byUnit.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).forEach(e -> {
        long[] c = e.getValue();
        if (c[0] / n >= 0.01) {
          out.append(String.format("    %-40s %.3f %.3f %.3f%n", e.getKey(), c[0] / n, c[1] / n, c[2] / n));
        }
      });
      return out.toString();
    }

    String report(double min) {
      StringBuilder out = new StringBuilder();
      double total = 0;
      double changes = 0;
      for (int l = 0; l < filters.length; l++) {
        if (counted[l] == 0) continue;
        double v = (double) visited[l] / counted[l];
        double same = (double) unchanged[l] / counted[l];
        double gone = (double) vanished[l] / counted[l];
        total += v;
        changes += v - same + gone;
        out.append(String.format("layer %d: %.1f non-zero slots, %.1f checked by the filter: %s%n", l,
            (double) nonZeroSlots[l] / counted[l], v, perStep(byNode.get(l), counted[l], min)));
        out.append(String.format("  of the checked: %.1f hold the value they held at the step before; %.1f checked"
            + " then are zero now%n", same, gone));
      }
      out.append(String.format("checked non-zero columns per token: %.1f; columns whose value changed, appeared or"
          + " vanished since the step before: %.1f%n", total, changes));
      return out.toString();
    }
  }

  /** A unit's name without its lane or byte index, so that a family of units sums up. */
  private static String kind(String name) {
    return name.replaceAll("[0-9]+", "#");
  }

  private static String perStep(Map<String, Long> counts, long steps, double min) {
    StringBuilder sb = new StringBuilder();
    counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).forEach(e -> {
      double v = (double) e.getValue() / steps;
      if (v >= min) sb.append(String.format("%s=%.2f ", e.getKey(), v));
    });
    return sb.toString();
  }

  private static Field field(Class<?> c, String name) throws NoSuchFieldException {
    Field f = c.getDeclaredField(name);
    f.setAccessible(true);
    return f;
  }

  private static int tokenWithRole(Bundle bundle, TokenRole role) {
    for (int id = 0; id < bundle.getVocabulary().getTokensCount(); id++) {
      if (bundle.getVocabulary().getTokens(id).getRole() == role) return id;
    }
    throw new IllegalStateException("no " + role + " token");
  }

  /** The prompt with no arguments and no input. */
  private static int[] prompt(Bundle bundle) {
    Program p = bundle.getPrograms(0);
    int[] prompt = new int[p.getPrefixCount() + 1 + p.getSuffixCount()];
    for (int i = 0; i < p.getPrefixCount(); i++) prompt[i] = p.getPrefix(i);
    prompt[p.getPrefixCount()] = tokenWithRole(bundle, TokenRole.INPUT_END);
    for (int i = 0; i < p.getSuffixCount(); i++) prompt[p.getPrefixCount() + 1 + i] = p.getSuffix(i);
    return prompt;
  }
}
