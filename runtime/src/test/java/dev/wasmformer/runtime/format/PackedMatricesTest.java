package dev.wasmformer.runtime.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedMatricesTest {

    @Test
    void aDenseAndASparseMatrixOfTheSameEntriesPackToTheSameRows() {
        Random random = new Random(7);
        int rows = 9;
        int cols = 13;
        DenseValues.Builder dense = DenseValues.newBuilder();
        SparseValues.Builder sparse = SparseValues.newBuilder();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = random.nextInt(3) == 0 ? random.nextInt(9) - 4 : 0;
                dense.addValues(v);
                if (v != 0) sparse.addRow(r).addCol(c).addValue(v);
            }
        }
        Matrix fromDense = PackedMatrices.toPacked(
            Matrix.newBuilder().setRows(rows).setCols(cols).setDense(dense).build());
        Matrix fromSparse = PackedMatrices.toPacked(
            Matrix.newBuilder().setRows(rows).setCols(cols).setSparse(sparse).build());
        assertThat(fromDense).isEqualTo(fromSparse);
        PackedMatrices.Rows direct = PackedMatrices.denseRows(dense.build(), rows, cols);
        PackedMatrices.Rows unpacked = PackedMatrices.unpack(fromDense.getPacked(), rows, cols);
        assertThat(direct.rowEnds()).containsExactly(unpacked.rowEnds());
        assertThat(direct.columns()).containsExactly(unpacked.columns());
        assertThat(direct.values()).containsExactly(unpacked.values());
        assertThat(direct.values()).doesNotContain(0.0).hasSize(sparse.getValueCount());
    }

    @Test
    void readingAFileLeavesTheEntriesThatUnpackingItsMatricesGives() throws Exception {
        Bundle bundle = TestBundles.tiny().toBuilder()
            .setWeights(TestBundles.tiny().getWeights().toBuilder()
                .setEmbedding(PackedMatrices.toPacked(TestBundles.tiny().getWeights().getEmbedding())))
            .build();
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        BundleFiles.write(bundle, file);
        UnpackedMatrices unpacked = new UnpackedMatrices();
        Bundle read = BundleFiles.read(new java.io.ByteArrayInputStream(file.toByteArray()), unpacked);
        assertThat(unpacked.size()).as("only the embedding is packed").isEqualTo(1);
        Matrix embedding = read.getWeights().getEmbedding();
        assertThat(unpacked.take(read.getWeights().getUnembedding())).isNull();
        PackedMatrices.Rows left = unpacked.take(embedding);
        PackedMatrices.Rows again = PackedMatrices.unpack(embedding.getPacked(), embedding.getRows(), embedding.getCols());
        assertThat(left.columns()).containsExactly(again.columns());
        assertThat(left.values()).containsExactly(again.values());
        assertThat(unpacked.take(embedding)).as("handed out once").isNull();
    }
}
