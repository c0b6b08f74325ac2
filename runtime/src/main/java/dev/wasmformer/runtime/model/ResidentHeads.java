package dev.wasmformer.runtime.model;

import java.util.List;

/**
 * The heads whose output sums may stay in the residual from one step to the next, found from
 * the weights at load. The fast pass clears the residual at every step and adds every head's
 * sums again, although most heads' answers repeat from one token to the next. A head's sums
 * can instead stay in place when the rows its output matrix writes are its own: no other head,
 * no FFN and not the embedding writes them, and nothing reads them before the head writes
 * them in a step (no query, key or value of its layer or an earlier one, no FFN gate or value
 * before its layer). Then, at a step where the head's answer is the one whose sums are in
 * place, the residual already holds, in those rows, exactly the doubles a full pass would add
 * to zero: nothing read them earlier in the step, and nothing else adds to them.
 */
final class ResidentHeads {
    /** [layer][head]: whether the head's sums may stay in place. */
    final boolean[][] resident;
    /** The rows of the resident heads' outputs. */
    final long[] rows;

    private ResidentHeads(boolean[][] resident, long[] rows) {
        this.resident = resident;
        this.rows = rows;
    }

    static ResidentHeads of(List<LayerWeights> layers, CsrMatrix embedding, int dModel, int... positionSlots) {
        int count = layers.size();
        int[] writers = new int[dModel];
        int[] firstRead = new int[dModel];   // 2l: layer l's heads read it, 2l + 1: its FFN; MAX: never
        java.util.Arrays.fill(firstRead, Integer.MAX_VALUE);
        for (int r : embedding.nonEmptyRows()) {
            for (int i = 0, n = embedding.rowLength(r); i < n; i++) {
                writers[embedding.column(r, i)] += 2;
            }
        }
        for (int slot : positionSlots) {
            writers[slot] += 2;
        }
        for (int l = 0; l < count; l++) {
            LayerWeights layer = layers.get(l);
            for (HeadWeights head : layer.heads()) {
                for (int r : head.output().nonEmptyRows()) {
                    writers[r]++;
                }
                read(head.query(), 2 * l, firstRead);
                read(head.key(), 2 * l, firstRead);
                read(head.value(), 2 * l, firstRead);
            }
            FfnWeights ffn = layer.ffn();
            if (ffn != null) {
                for (int r : ffn.output().nonEmptyRows()) {
                    writers[r] += 2;
                }
                read(ffn.gate(), 2 * l + 1, firstRead);
                read(ffn.value(), 2 * l + 1, firstRead);
            }
        }
        boolean[][] resident = new boolean[count][];
        long[] rows = Bits.words(dModel);
        for (int l = 0; l < count; l++) {
            List<HeadWeights> heads = layers.get(l).heads();
            resident[l] = new boolean[heads.size()];
            for (int h = 0; h < heads.size(); h++) {
                int[] written = heads.get(h).output().nonEmptyRows();
                boolean own = true;
                for (int r : written) {
                    own &= writers[r] == 1 && firstRead[r] > 2 * l;
                }
                resident[l][h] = own;
                if (own) {
                    for (int r : written) {
                        Bits.set(rows, r);
                    }
                }
            }
        }
        return new ResidentHeads(resident, rows);
    }

    private static void read(CsrMatrix m, int point, int[] firstRead) {
        for (int r : m.nonEmptyRows()) {
            for (int i = 0, n = m.rowLength(r); i < n; i++) {
                int c = m.column(r, i);
                firstRead[c] = Math.min(firstRead[c], point);
            }
        }
    }

    /** Heads whose sums may stay in place, over all layers (for tests and figures). */
    int count() {
        int n = 0;
        for (boolean[] layer : resident) {
            for (boolean r : layer) {
                n += r ? 1 : 0;
            }
        }
        return n;
    }
}
