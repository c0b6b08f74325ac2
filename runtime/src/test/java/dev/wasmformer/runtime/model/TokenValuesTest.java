package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenValuesTest {
    @Test
    void everyTokenGetsTheValueTheForwardPassWouldComputeAndEqualValuesShareAnId() {
        int checked = 0;
        for (int seed = 0; seed < 20; seed++) {
            Model model = Model.from(WideRandomModel.bundle(new Random(seed)));
            for (AttentionLayer layer : model.attentionLayers) {
                for (int h = 0; h < layer.heads.length; h++) {
                    TokenValues table = layer.tables[h];
                    if (table == null) {
                        continue;
                    }
                    checkAgainstDirectEvaluation(model, layer.heads[h], table);
                    checked++;
                }
            }
        }
        assertThat(checked).as("token-valued heads checked").isGreaterThan(10);
    }

    @Test
    void headsWithTheSameValueMatrixShareTheirIdsAndKeepTheirOwnContributions() {
        Model model = Model.from(WideRandomModel.bundle(new Random(5)));
        TokenValues.Cache cache = new TokenValues.Cache(model.embedding, model.slotOne());
        HeadWeights head = null;
        for (AttentionLayer layer : model.attentionLayers) {
            for (int h = 0; h < layer.heads.length && head == null; h++) {
                if (layer.tables[h] != null) {
                    head = layer.heads[h];
                }
            }
        }
        assertThat(head).as("a token-valued head").isNotNull();
        // The same value matrix with the output doubled: same ids, doubled contributions.
        CsrMatrix doubled = scaled(head.output(), 2.0);
        HeadWeights twin = new HeadWeights("twin", head.mode(), head.query(), head.key(),
                head.value(), doubled, head.kernel(), head.positionKey(), true);
        TokenValues a = new TokenValues(head, cache);
        TokenValues b = new TokenValues(twin, cache);
        checkAgainstDirectEvaluation(model, head, a);
        checkAgainstDirectEvaluation(model, twin, b);
        assertThat(b.ids()).isEqualTo(a.ids());
        for (int id = 0; id < a.ids(); id++) {
            assertThat(b.contributionEnd(id) - b.contributionStart(id))
                    .isEqualTo(a.contributionEnd(id) - a.contributionStart(id));
            for (int k = a.contributionStart(id), j = b.contributionStart(id); k < a.contributionEnd(id); k++, j++) {
                assertThat(b.contributionValue[j]).isEqualTo(2.0 * a.contributionValue[k]);
            }
        }
    }

    /** value . (embedding[t] + e_one) per token, row by row in column order, and the outputs. */
    private static void checkAgainstDirectEvaluation(Model model, HeadWeights head, TokenValues table) {
        CsrMatrix value = head.value();
        CsrMatrix output = head.output();
        int width = value.rows;
        double[][] expected = new double[model.vocabSize()][width];
        for (int t = 0; t < model.vocabSize(); t++) {
            double[] x = new double[model.dModel()];
            model.embedding.copyRowInto(t, x);
            x[model.slotOne()] += 1;
            for (int r = 0; r < width; r++) {
                expected[t][r] = value.dot(r, x);
            }
            double[] actual = new double[width];
            table.copyValue(t, actual, 0);
            assertThat(actual).as("token %d", t).usingElementComparator(Double::compare)
                    .containsExactly(expected[t]);
            // The contribution of the token's id: the output rows' dot products, zeros dropped.
            int id = table.id(t);
            double[] contribution = new double[model.dModel()];
            for (int k = table.contributionStart(id); k < table.contributionEnd(id); k++) {
                contribution[table.contributionRow[k]] = table.contributionValue[k];
            }
            double[] direct = new double[model.dModel()];
            for (int r : output.nonEmptyRows()) {
                direct[r] = output.dot(r, expected[t]);
            }
            assertThat(contribution).as("contribution of token %d", t)
                    .usingElementComparator((p, q) -> p.doubleValue() == q.doubleValue() ? 0 : 1)
                    .containsExactly(direct);
            // Its marks: the rows it writes as a bit set, one (word, bits) pair per word.
            long[] marked = new long[(model.dModel() + 63) / 64];
            for (int k = table.markStart(id); k < table.markEnd(id); k++) {
                assertThat(marked[table.markWord[k]]).as("word %d marked twice", table.markWord[k]).isZero();
                marked[table.markWord[k]] = table.markBits[k];
            }
            long[] rows = new long[marked.length];
            for (int r = 0; r < model.dModel(); r++) {
                if (direct[r] != 0) {
                    rows[r >>> 6] |= 1L << r;
                }
            }
            assertThat(marked).as("marks of token %d", t).containsExactly(rows);
        }
        for (int s = 0; s < model.vocabSize(); s++) {
            for (int t = s + 1; t < model.vocabSize(); t++) {
                assertThat(table.id(s) == table.id(t)).as("tokens %d and %d share an id", s, t)
                        .isEqualTo(Arrays.equals(expected[s], expected[t]));
            }
        }
    }

    private static CsrMatrix scaled(CsrMatrix m, double factor) {
        double[][] dense = new double[m.rows][m.cols];
        for (int r = 0; r < m.rows; r++) {
            for (int i = 0; i < m.rowLength(r); i++) {
                dense[r][m.column(r, i)] = factor * m.value(r, i);
            }
        }
        return CsrMatrix.read(TinyModel.matrix(dense, true), m.rows, m.cols, "scaled");
    }
}
