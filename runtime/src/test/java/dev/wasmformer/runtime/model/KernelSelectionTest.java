package dev.wasmformer.runtime.model;

import static dev.wasmformer.runtime.model.TinyModel.ONE;
import static dev.wasmformer.runtime.model.TinyModel.POS;
import static dev.wasmformer.runtime.model.TinyModel.POS2;
import static dev.wasmformer.runtime.model.TinyModel.VOCAB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.Layer;
import org.junit.jupiter.api.Test;

class KernelSelectionTest {
    private static final int HEAD_A = 0;
    private static final int HEAD_B = 1;
    private static final int HEAD_E = 4;

    @Test
    void aKeyOverAPositionSlotWrittenByAnEarlierLayerGetsTheHull() {
        Bundle.Builder bundle = TinyModel.bundle(i -> false).toBuilder();
        Layer first = bundle.getWeights().getLayers(0);
        // Layer 0's FFN also adds relu(t - 2) into slot_position; layer 1 repeats layer 0.
        Layer writing = first.toBuilder()
                .setFfn(first.getFfn().toBuilder().setOutput(TinyModel.matrix(
                        TinyModel.column(TinyModel.SUM, 0, TinyModel.F, 1, POS, 1, 2), false)))
                .build();
        bundle.getWeightsBuilder().setLayers(0, writing).addLayers(first);
        bundle.getShapeBuilder().setLayers(2).setHeads(10);
        Model model = Model.from(bundle.build());

        assertThat(model.kernel(0, HEAD_B)).isEqualTo(HeadKernel.POSITION_KEY);
        assertThat(model.kernel(1, HEAD_A)).isEqualTo(HeadKernel.CONSTANT_KEY);
        assertThat(model.kernel(1, HEAD_B)).isEqualTo(HeadKernel.HULL);
        assertThat(model.kernel(1, HEAD_E)).isEqualTo(HeadKernel.HULL);
        RandomModelTest.assertAgree(model, 800, 800);
    }

    @Test
    void theSecondLayerKeepsThePositionKernelWhenNoLayerWritesThePositionSlots() {
        Bundle.Builder bundle = TinyModel.bundle(i -> false).toBuilder();
        bundle.getWeightsBuilder().addLayers(bundle.getWeights().getLayers(0));
        bundle.getShapeBuilder().setLayers(2).setHeads(10);
        Model model = Model.from(bundle.build());

        assertThat(model.kernel(1, HEAD_B)).isEqualTo(HeadKernel.POSITION_KEY);
        RandomModelTest.assertAgree(model, 800, 800);
    }

    @Test
    void aTokenDependentOneSlotMakesTheConstantKeyAHull() {
        Bundle.Builder bundle = TinyModel.bundle(i -> false).toBuilder();
        double[][] embedding = new double[VOCAB][TinyModel.D_MODEL];
        for (int t = 0; t < VOCAB; t++) {
            embedding[t][TinyModel.VAL] = t;
            embedding[t][TinyModel.VAL2] = t * t;
        }
        embedding[5][ONE] = 1;   // token 5 carries 2 in slot_one
        bundle.getWeightsBuilder().setEmbedding(TinyModel.matrix(embedding, true));
        Model model = Model.from(bundle.build());

        assertThat(model.kernel(0, HEAD_A)).isEqualTo(HeadKernel.HULL);
        assertThat(model.kernel(0, HEAD_B)).isEqualTo(HeadKernel.POSITION_KEY);
        RandomModelTest.assertAgree(model, 800, 800);
    }

    @Test
    void aPositionKeyWithNonIntegerWeightsGetsTheHull() {
        Model model = Model.from(withKeyOfHeadB(new double[][] {
            TinyModel.entries(POS, 2.5), TinyModel.entries(POS2, -1)}));

        assertThat(model.kernel(0, HEAD_B)).isEqualTo(HeadKernel.HULL);
        RandomModelTest.assertAgree(model, 500, 500);
    }

    @Test
    void aPositionKeyWithHugeWeightsIsExactOnlyOverAShortRangeThenMovesToTheHull() {
        // 2^40 j^2 stays below 2^52 up to j = 64 (with the 2^41 j term, 63).
        Model model = Model.from(withKeyOfHeadB(new double[][] {
            TinyModel.entries(POS, 0x1p41), TinyModel.entries(POS2, -0x1p40, ONE, 3)}));

        assertThat(model.kernel(0, HEAD_B)).isEqualTo(HeadKernel.POSITION_KEY);
        assertThat(model.layers.get(0).heads().get(HEAD_B).positionKey().exactUpTo()).isEqualTo(63);
        RandomModelTest.assertAgree(model, 500, 500);
    }

    private static Bundle withKeyOfHeadB(double[][] key) {
        Bundle.Builder bundle = TinyModel.bundle(i -> false).toBuilder();
        bundle.getWeightsBuilder().getLayersBuilder(0).getHeadsBuilder(HEAD_B)
                .setKey(TinyModel.matrix(key, false));
        return bundle.build();
    }
}
