package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.BundleFiles;
import dev.wasmformer.runtime.format.Ffn;
import dev.wasmformer.runtime.format.Head;
import dev.wasmformer.runtime.format.Layer;
import dev.wasmformer.runtime.format.PackedMatrices;
import dev.wasmformer.runtime.format.TestBundles;
import dev.wasmformer.runtime.format.UnpackedMatrices;
import dev.wasmformer.runtime.format.Weights;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A model built from the matrices its bundle's validation unpacked equals one that decodes them. */
class UnpackedLoadTest {

    @Test
    void theValidationLeavesEveryPackedMatrixAndTheReaderTakesEachOnce() throws IOException {
        UnpackedMatrices unpacked = new UnpackedMatrices();
        Bundle bundle = readBack(packed(TestBundles.tiny()), unpacked);
        // embedding, unembedding, 3 heads of 4 matrices, 2 FFNs of 3
        assertThat(unpacked.size()).isEqualTo(2 + 3 * 4 + 2 * 3);
        Model.from(bundle, unpacked);
        assertThat(unpacked.size()).as("matrices the reader did not take").isZero();
    }

    @Test
    void aModelFromTheUnpackedMatricesHasTheSameWeightsAndTraceAsOneThatDecodesThem() throws IOException {
        UnpackedMatrices unpacked = new UnpackedMatrices();
        Bundle bundle = readBack(packed(TestBundles.tiny()), unpacked);
        Model shared = Model.from(bundle, unpacked);
        Model own = Model.from(bundle);
        assertThat(shared.embedding.sameEntries(own.embedding)).isTrue();
        assertThat(shared.unembedding.sameEntries(own.unembedding)).isTrue();
        for (int l = 0; l < own.layerCount(); l++) {
            LayerWeights a = shared.layers.get(l);
            LayerWeights b = own.layers.get(l);
            for (int h = 0; h < b.heads().size(); h++) {
                HeadWeights x = a.heads().get(h);
                HeadWeights y = b.heads().get(h);
                assertThat(x.query().sameEntries(y.query()) && x.key().sameEntries(y.key())
                        && x.value().sameEntries(y.value()) && x.output().sameEntries(y.output()))
                        .as("layer %d head %d", l, h).isTrue();
                assertThat(x.kernel()).isEqualTo(y.kernel());
            }
            assertThat(a.ffn().gate().sameEntries(b.ffn().gate()) && a.ffn().value().sameEntries(b.ffn().value())
                    && a.ffn().output().sameEntries(b.ffn().output())).as("layer %d ffn", l).isTrue();
        }
        for (AttentionKind kind : AttentionKind.values()) {
            Decoder x = shared.newDecoder(kind);
            Decoder y = own.newDecoder(kind);
            int tx = 1;
            int ty = 1;
            for (int p = 0; p < 200; p++) {
                tx = x.step(p < 20 ? p % shared.vocabSize() : tx);
                ty = y.step(p < 20 ? p % own.vocabSize() : ty);
                assertThat(tx).as("%s token after position %d", kind, p).isEqualTo(ty);
                assertThat(Arrays.equals(x.residual(), y.residual())).as("%s residual at %d", kind, p).isTrue();
            }
        }
    }

    @Test
    void aMatrixWhoseEntriesWereTakenIsDecodedAgainByTheNextReader() throws IOException {
        UnpackedMatrices unpacked = new UnpackedMatrices();
        Bundle bundle = readBack(packed(TestBundles.tiny()), unpacked);
        Model first = Model.from(bundle, unpacked);
        Model second = Model.from(bundle, unpacked);   // finds nothing left: decodes every matrix
        assertThat(second.embedding.sameEntries(first.embedding)).isTrue();
        assertThat(second.unembedding.sameEntries(first.unembedding)).isTrue();
    }

    private static Bundle readBack(Bundle bundle, UnpackedMatrices unpacked) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        BundleFiles.write(bundle, file);
        return BundleFiles.read(new ByteArrayInputStream(file.toByteArray()), unpacked);
    }

    /** The bundle with every matrix in the packed storage. */
    static Bundle packed(Bundle bundle) {
        Weights.Builder w = bundle.getWeights().toBuilder();
        w.setEmbedding(PackedMatrices.toPacked(w.getEmbedding()));
        w.setUnembedding(PackedMatrices.toPacked(w.getUnembedding()));
        for (int l = 0; l < w.getLayersCount(); l++) {
            Layer.Builder layer = w.getLayersBuilder(l);
            for (int h = 0; h < layer.getHeadsCount(); h++) {
                Head.Builder head = layer.getHeadsBuilder(h);
                head.setQuery(PackedMatrices.toPacked(head.getQuery()))
                        .setKey(PackedMatrices.toPacked(head.getKey()))
                        .setValue(PackedMatrices.toPacked(head.getValue()))
                        .setOutput(PackedMatrices.toPacked(head.getOutput()));
            }
            if (layer.hasFfn()) {
                Ffn.Builder ffn = layer.getFfnBuilder();
                ffn.setGate(PackedMatrices.toPacked(ffn.getGate()))
                        .setValue(PackedMatrices.toPacked(ffn.getValue()))
                        .setOutput(PackedMatrices.toPacked(ffn.getOutput()));
            }
        }
        return bundle.toBuilder().setWeights(w).build();
    }
}
