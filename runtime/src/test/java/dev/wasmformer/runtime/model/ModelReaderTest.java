package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.HeadMode;
import dev.wasmformer.runtime.format.Matrix;
import dev.wasmformer.runtime.format.SparseValues;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ModelReaderTest {

    @Test
    void anotherArchitectureIsRefused() {
        assertInvalid(b -> b.getShapeBuilder().setArchitecture("softmax-v2"),
                "architecture is \"softmax-v2\"");
    }

    @Test
    void aMatrixOfTheWrongShapeIsRefusedWithItsPlace() {
        assertInvalid(b -> b.getWeightsBuilder().getLayersBuilder(0).getHeadsBuilder(1)
                        .setKey(TinyModel.matrix(new double[3][TinyModel.D_MODEL], false)),
                "layer 0 head 1 ('B') key is 3x12, expected 2x12");
    }

    @Test
    void aHeadWithoutAModeIsRefused() {
        assertInvalid(b -> b.getWeightsBuilder().getLayersBuilder(0).getHeadsBuilder(2)
                        .setMode(HeadMode.HEAD_MODE_UNSPECIFIED),
                "layer 0 head 2 ('C') has mode HEAD_MODE_UNSPECIFIED");
    }

    @Test
    void sparseEntriesOutOfOrderAreRefused() {
        Matrix unordered = Matrix.newBuilder().setRows(2).setCols(TinyModel.D_MODEL)
                .setSparse(SparseValues.newBuilder()
                        .addRow(1).addCol(0).addValue(1)
                        .addRow(0).addCol(3).addValue(1))
                .build();
        assertInvalid(b -> b.getWeightsBuilder().getLayersBuilder(0).getHeadsBuilder(0)
                .setQuery(unordered), "out of order");
    }

    @Test
    void denseValuesOfTheWrongCountAreRefused() {
        assertInvalid(b -> b.getWeightsBuilder().getLayersBuilder(0).getFfnBuilder().getGateBuilder()
                .getDenseBuilder().addValues(1), "ffn gate has 25 dense values, expected 24");
    }

    @Test
    void nonFiniteWeightsAreRefused() {
        assertInvalid(b -> b.getWeightsBuilder().getUnembeddingBuilder().getSparseBuilder()
                .setValue(0, Double.NaN), "unembedding has the non-finite value NaN");
    }

    @Test
    void aHeadCountThatDisagreesWithTheLayersIsRefused() {
        assertInvalid(b -> b.getShapeBuilder().setHeads(4), "shape says 4 heads, the layers have 5");
    }

    @Test
    void positionSlotsMustBeDistinct() {
        assertInvalid(b -> b.getShapeBuilder().setSlotPositionSquared(TinyModel.POS), "must be distinct");
    }

    @Test
    void aTokenOutsideTheVocabularyIsRefused() {
        Decoder decoder = Model.from(TinyModel.bundle(i -> false)).newDecoder(AttentionKind.HULL);
        assertThatThrownBy(() -> decoder.step(TinyModel.VOCAB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token 8 is outside the vocabulary of 8");
        assertThat(decoder.position()).isZero();
    }

    @Test
    void theResidualIsUnavailableBeforeTheFirstStep() {
        Decoder decoder = Model.from(TinyModel.bundle(i -> false)).newDecoder(AttentionKind.NAIVE);
        assertThatThrownBy(decoder::residual).isInstanceOf(IllegalStateException.class);
    }

    private static void assertInvalid(Consumer<Bundle.Builder> damage, String message) {
        Bundle.Builder bundle = TinyModel.bundle(i -> i == 20).toBuilder();   // the FFN gate dense
        damage.accept(bundle);
        Bundle damaged = bundle.build();
        assertThatThrownBy(() -> Model.from(damaged))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
