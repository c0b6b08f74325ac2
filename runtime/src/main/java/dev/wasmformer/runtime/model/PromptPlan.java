package dev.wasmformer.runtime.model;

import java.util.Arrays;
import java.util.List;

/**
 * What the forward pass of an appended prompt token must compute, found from the weights at
 * load. A prompt token's logits are never read (its successor is the prompt's next token), so
 * its pass matters only through the keys and values it leaves in every head's cache: the
 * heads' keys and values, and whatever they read, transitively. The rest is skipped: the
 * queries (and outputs) of heads whose outputs no later key or value reads, the units of a
 * feed-forward layer whose outputs none reads, and so every layer past the last one with
 * heads.
 *
 * <p>The analysis runs backwards over the residual slots that are <em>read</em> later. The
 * residual only ever adds, so a slot read at some point needs every write before that point;
 * the slots read after a layer's FFN are those read later, plus the gate and value columns of
 * its kept units; those read at the layer's entry add the key and value columns of every head
 * and the query columns of each kept head. A kept unit or head reads only read slots, which
 * the pass computes as a full pass would, so it computes the same doubles; what is not kept
 * writes only slots that nothing kept reads afterwards.
 */
final class PromptPlan {
    /** How many layers an appended token runs: the layers after these compute nothing kept. */
    final int layers;
    /** [layer][head]: whether the head's output is read (so its query runs). */
    final boolean[][] queried;
    /**
     * [layer]: the FFN an appended token runs there: null for none, the layer's own, or one
     * made of its kept units (in their order) and of their output entries in read rows.
     */
    final FfnWeights[] ffns;

    PromptPlan(int layers, boolean[][] queried, FfnWeights[] ffns) {
        this.layers = layers;
        this.queried = queried;
        this.ffns = ffns;
    }

    static PromptPlan of(List<LayerWeights> layers, int dModel) {
        int count = layers.size();
        boolean[][] queried = new boolean[count][];
        FfnWeights[] ffns = new FfnWeights[count];
        boolean[] read = new boolean[dModel];   // slots read after the current point
        int last = 0;                           // 1 + the last layer with heads
        for (int l = count - 1; l >= 0; l--) {
            LayerWeights layer = layers.get(l);
            if (layer.ffn() != null) {
                ffns[l] = kept(layer.ffn(), read);
            }
            List<HeadWeights> heads = layer.heads();
            queried[l] = new boolean[heads.size()];
            for (int h = 0; h < heads.size(); h++) {
                queried[l][h] = writesRead(heads.get(h).output(), read);
            }
            for (int h = 0; h < heads.size(); h++) {
                HeadWeights head = heads.get(h);
                markColumns(head.key(), read);
                markColumns(head.value(), read);
                if (queried[l][h]) {
                    markColumns(head.query(), read);
                }
            }
            if (last == 0 && !heads.isEmpty()) {
                last = l + 1;
            }
        }
        return new PromptPlan(last, queried, ffns);
    }

    /**
     * The units of {@code ffn} that write a slot of {@code read}, as an FFN (the layer's own
     * when that is all of them, null when none); marks their gate and value columns read.
     */
    private static FfnWeights kept(FfnWeights ffn, boolean[] read) {
        CsrMatrix output = ffn.output();
        int width = ffn.width();
        boolean[] keep = new boolean[width];
        for (int r : output.nonEmptyRows()) {
            if (read[r]) {
                for (int i = 0, n = output.rowLength(r); i < n; i++) {
                    keep[output.column(r, i)] = true;
                }
            }
        }
        int[] unitOf = new int[width];
        int units = 0;
        for (int u = 0; u < width; u++) {
            unitOf[u] = keep[u] ? units++ : -1;
        }
        if (units == 0) {
            return null;
        }
        FfnWeights result;
        if (units == width) {
            result = ffn;
        } else {
            int[] rowOf = new int[output.rows];
            for (int r = 0; r < rowOf.length; r++) {
                rowOf[r] = read[r] ? r : -1;
            }
            int[] same = identity(ffn.gate().cols);
            result = new FfnWeights(ffn.gate().submatrix(unitOf, units, same, same.length),
                    ffn.value().submatrix(unitOf, units, same, same.length),
                    output.submatrix(rowOf, output.rows, unitOf, units));
        }
        for (int u = 0; u < width; u++) {
            if (keep[u]) {
                markRow(ffn.gate(), u, read);
                markRow(ffn.value(), u, read);
            }
        }
        return result;
    }

    private static int[] identity(int n) {
        int[] map = new int[n];
        Arrays.setAll(map, i -> i);
        return map;
    }

    private static boolean writesRead(CsrMatrix output, boolean[] read) {
        for (int r : output.nonEmptyRows()) {
            if (read[r]) {
                return true;
            }
        }
        return false;
    }

    private static void markColumns(CsrMatrix m, boolean[] read) {
        for (int r : m.nonEmptyRows()) {
            markRow(m, r, read);
        }
    }

    private static void markRow(CsrMatrix m, int r, boolean[] read) {
        for (int i = 0, n = m.rowLength(r); i < n; i++) {
            read[m.column(r, i)] = true;
        }
    }

    /** Heads whose queries an appended token runs, over all layers (for tests and figures). */
    int queriedHeads() {
        int n = 0;
        for (boolean[] layer : queried) {
            for (boolean q : layer) {
                n += q ? 1 : 0;
            }
        }
        return n;
    }

    /** FFN units an appended token runs, over all layers (for tests and figures). */
    int keptUnits() {
        int n = 0;
        for (FfnWeights ffn : ffns) {
            n += ffn == null ? 0 : ffn.width();
        }
        return n;
    }
}
