package dev.wasmformer.runtime.model;

import static dev.wasmformer.runtime.model.TinyModel.A;
import static dev.wasmformer.runtime.model.TinyModel.B;
import static dev.wasmformer.runtime.model.TinyModel.C;
import static dev.wasmformer.runtime.model.TinyModel.D;
import static dev.wasmformer.runtime.model.TinyModel.D_MODEL;
import static dev.wasmformer.runtime.model.TinyModel.E;
import static dev.wasmformer.runtime.model.TinyModel.F;
import static dev.wasmformer.runtime.model.TinyModel.ONE;
import static dev.wasmformer.runtime.model.TinyModel.POS;
import static dev.wasmformer.runtime.model.TinyModel.POS2;
import static dev.wasmformer.runtime.model.TinyModel.SUM;
import static dev.wasmformer.runtime.model.TinyModel.column;
import static dev.wasmformer.runtime.model.TinyModel.entries;
import static dev.wasmformer.runtime.model.TinyModel.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which heads may keep their sums in the residual: only writers of their own rows, read after them. */
class ResidentHeadsTest {
  private final Model tiny = Model.from(TinyModel.bundle(i -> false));
  private final LayerWeights layer = tiny.layers.get(0);

  private static CsrMatrix csr(double[][] values) {
    return CsrMatrix.read(TinyModel.matrix(values, false), values.length, values[0].length, "test");
  }

  private static ResidentHeads of(LayerWeights... layers) {
    return ResidentHeads.of(List.of(layers), csr(new double[][] {entries(TinyModel.VAL, 1)}), D_MODEL, ONE, POS, POS2);
  }

  private static HeadWeights withOutput(HeadWeights h, int row) {
    return new HeadWeights(h.name() + "@" + row, h.mode(), h.query(), h.key(), h.value(), csr(column(row, 0, 1)),
        h.kernel(), h.positionKey(), h.tokenValued());
  }

  @Test
  void headsThatAloneWriteRowsNothingReadsBeforeThemAreResident() {
    ResidentHeads r = tiny.residentHeads;
    assertThat(r.resident[0]).containsExactly(true, true, true, true, true);
    assertThat(Bits.toArray(r.rows)).containsExactlyInAnyOrder(A, B, C, D, E);
    assertThat(r.count()).isEqualTo(5);
  }

  @Test
  void aRowAnFfnAlsoWritesIsNotResident() {
    FfnWeights ffn = layer.ffn();
    FfnWeights alsoB = new FfnWeights(ffn.gate(), ffn.value(), csr(column(SUM, 0, F, 1, B, 1, 2)));
    ResidentHeads r = of(new LayerWeights(layer.heads(), alsoB));
    assertThat(r.resident[0]).containsExactly(true, false, true, true, true);
    assertThat(Bits.toArray(r.rows)).doesNotContain(B).contains(A, C);
  }

  @Test
  void aRowReadBeforeItsHeadWritesItIsNotResidentButOneReadAfterIs() {
    // layer 1's head writes F (free: layer 0 keeps no FFN); layer 1's own FFN reads it afterwards
    HeadWeights later = withOutput(layer.heads().get(1), F);
    FfnWeights readsF = new FfnWeights(csr(rows(entries(ONE, 1))), csr(rows(entries(F, 1))), csr(column(SUM, 0, 1)));
    LayerWeights first = new LayerWeights(layer.heads(), null);
    ResidentHeads after = of(first, new LayerWeights(List.of(later), readsF));
    assertThat(after.resident[1]).containsExactly(true);

    // the same, with layer 0's head A reading F as its value: F is read before it is written
    HeadWeights a = layer.heads().get(0);
    HeadWeights readsFEarly = new HeadWeights(a.name(), a.mode(), a.query(), a.key(), csr(rows(entries(F, 1))),
        a.output(), a.kernel(), a.positionKey(), a.tokenValued());
    List<HeadWeights> heads = new java.util.ArrayList<>(layer.heads());
    heads.set(0, readsFEarly);
    ResidentHeads before = of(new LayerWeights(heads, null), new LayerWeights(List.of(later), readsF));
    assertThat(before.resident[1]).containsExactly(false);
    assertThat(before.resident[0]).containsOnly(true);

    // a head reading its own layer's output (its query reads the row) is not resident either
    HeadWeights self = new HeadWeights(later.name(), later.mode(), csr(rows(entries(F, 1), entries(ONE, 1))),
        later.key(), later.value(), later.output(), later.kernel(), later.positionKey(), later.tokenValued());
    assertThat(of(first, new LayerWeights(List.of(self), null)).resident[1]).containsExactly(false);
  }

  @Test
  void twoHeadsWritingOneRowAreNeitherResident() {
    HeadWeights c = layer.heads().get(2);
    HeadWeights alsoC = withOutput(layer.heads().get(3), C);
    ResidentHeads r = of(new LayerWeights(List.of(c, alsoC), null));
    assertThat(r.resident[0]).containsExactly(false, false);
    assertThat(Bits.toArray(r.rows)).isEmpty();
  }
}
