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
import static dev.wasmformer.runtime.model.TinyModel.VAL;
import static dev.wasmformer.runtime.model.TinyModel.VAL2;
import static dev.wasmformer.runtime.model.TinyModel.VOCAB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmformer.runtime.format.PackedMatrices;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelTest {
    private static final Model SPARSE = Model.from(TinyModel.bundle(i -> false));

    @Test
    void decodesTheHandComputedTraceWithBothCaches() {
        int[] prompt = {3, 1, 4, 1, 5, 2, 6, 0, 7, 7, 3};
        for (AttentionKind kind : AttentionKind.values()) {
            Decoder decoder = SPARSE.newDecoder(kind);
            List<Integer> tokens = new ArrayList<>();
            int next = prompt[0];
            for (int p = 0; p < prompt.length + 40; p++) {
                int token = p < prompt.length ? prompt[p] : next;
                tokens.add(token);
                next = decoder.step(token);
                double[] expected = expectedResidual(tokens);
                assertThat(decoder.residual()).as("%s residual at position %d", kind, p)
                        .usingElementComparator(Double::compare).containsExactly(expected);
                double y = expected[C] - expected[B] + expected[F];
                assertThat(next).as("%s token after position %d", kind, p)
                        .isEqualTo((int) Math.max(0, Math.min(VOCAB - 1, y)));
                assertThat(decoder.position()).isEqualTo(p + 1);
            }
        }
    }

    @Test
    void naiveAndHullDecodersAgreeOnALongRandomPrompt() {
        Random random = new Random(42);
        Decoder naive = SPARSE.newDecoder(AttentionKind.NAIVE);
        Decoder hull = SPARSE.newDecoder(AttentionKind.HULL);
        List<Integer> tokens = new ArrayList<>();
        for (int p = 0; p < 3000; p++) {
            int token = random.nextInt(VOCAB);
            tokens.add(token);
            assertThat(hull.step(token)).as("token after position %d", p).isEqualTo(naive.step(token));
            double[] residual = hull.residual();
            assertThat(residual).usingElementComparator(Double::compare)
                    .containsExactly(naive.residual());
            if (p % 250 == 0) {
                assertThat(residual).usingElementComparator(Double::compare)
                        .containsExactly(expectedResidual(tokens));
            }
        }
    }

    @Test
    void headsGetTheKernelTheirKeysAllow() {
        assertThat(SPARSE.kernel(0, 0)).isEqualTo(HeadKernel.CONSTANT_KEY);
        assertThat(SPARSE.kernel(0, 1)).isEqualTo(HeadKernel.POSITION_KEY);
        assertThat(SPARSE.kernel(0, 2)).isEqualTo(HeadKernel.HULL);
        assertThat(SPARSE.kernel(0, 3)).isEqualTo(HeadKernel.HULL);
        assertThat(SPARSE.kernel(0, 4)).isEqualTo(HeadKernel.POSITION_KEY);
    }

    /** The bundle with every matrix in the packed storage. */
    private static dev.wasmformer.runtime.format.Bundle packed(dev.wasmformer.runtime.format.Bundle bundle) {
        var b = bundle.toBuilder();
        var w = b.getWeightsBuilder();
        w.setEmbedding(PackedMatrices.toPacked(w.getEmbedding()));
        w.setUnembedding(PackedMatrices.toPacked(w.getUnembedding()));
        for (var layer : w.getLayersBuilderList()) {
            for (var head : layer.getHeadsBuilderList()) {
                head.setQuery(PackedMatrices.toPacked(head.getQuery())).setKey(PackedMatrices.toPacked(head.getKey()))
                        .setValue(PackedMatrices.toPacked(head.getValue()))
                        .setOutput(PackedMatrices.toPacked(head.getOutput()));
            }
            var ffn = layer.getFfnBuilder();
            ffn.setGate(PackedMatrices.toPacked(ffn.getGate())).setValue(PackedMatrices.toPacked(ffn.getValue()))
                    .setOutput(PackedMatrices.toPacked(ffn.getOutput()));
        }
        return b.build();
    }

    @Test
    void sparseDensePackedAndMixedBundlesDecodeIdentically() {
        Model dense = Model.from(TinyModel.bundle(i -> true));
        Model mixed = Model.from(TinyModel.bundle(i -> i % 2 == 0));
        var packedBundle = packed(TinyModel.bundle(i -> i % 3 == 0));
        assertThat(packedBundle.getWeights().getLayers(0).getFfn().getGate().hasPacked()).isTrue();
        Model packed = Model.from(packedBundle);
        Random random = new Random(9);
        for (AttentionKind kind : AttentionKind.values()) {
            Decoder[] decoders = {SPARSE.newDecoder(kind), dense.newDecoder(kind), mixed.newDecoder(kind),
                packed.newDecoder(kind)};
            int next = 0;
            for (int p = 0; p < 500; p++) {
                int token = p % 3 == 0 ? next : random.nextInt(VOCAB);
                next = decoders[0].step(token);
                double[] residual = decoders[0].residual();
                for (int i = 1; i < decoders.length; i++) {
                    assertThat(decoders[i].step(token)).isEqualTo(next);
                    assertThat(decoders[i].residual()).usingElementComparator(Double::compare)
                            .containsExactly(residual);
                }
            }
        }
    }

    @Test
    void aStepAllocatesNothingOnceTheCachesHaveGrown() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)
                || !bean.isThreadAllocatedMemorySupported() || !bean.isThreadAllocatedMemoryEnabled()) {
            assumeTrue(false, "per-thread allocation counting is unavailable");
            return;
        }
        int[] tokens = new Random(5).ints(7400, 0, VOCAB).toArray();
        long thread = Thread.currentThread().getId();
        for (AttentionKind kind : AttentionKind.values()) {
            Decoder decoder = SPARSE.newDecoder(kind);
            // Every cache array has grown to 8192 positions by position 4096.
            for (int p = 0; p < 5000; p++) {
                decoder.step(tokens[p]);
            }
            // The JIT may allocate on this thread now and then (deoptimisation, more of it on a
            // loaded host, where compilation lags); a per-step allocation would show in every
            // window, so a quarter of the windows seeing none rules it out.
            int cleanWindows = 0;
            for (int window = 0; window < 12; window++) {
                long before = bean.getThreadAllocatedBytes(thread);
                for (int p = 5000 + 200 * window; p < 5200 + 200 * window; p++) {
                    decoder.step(tokens[p]);
                }
                if (bean.getThreadAllocatedBytes(thread) == before) {
                    cleanWindows++;
                }
            }
            assertThat(cleanWindows).as("%s windows of 200 steps that allocated nothing", kind)
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void decodersOnSeveralThreadsShareTheModelWithoutInterfering() throws Exception {
        int[][] prompts = new int[4][];
        int[][] alone = new int[4][];
        for (int run = 0; run < prompts.length; run++) {
            prompts[run] = new Random(20 + run).ints(1500, 0, VOCAB).toArray();
            alone[run] = decode(SPARSE.newDecoder(AttentionKind.HULL), prompts[run]);
        }
        int[][] together = new int[4][];
        Thread[] threads = new Thread[prompts.length];
        for (int run = 0; run < prompts.length; run++) {
            int r = run;
            threads[run] = new Thread(() -> together[r] = decode(SPARSE.newDecoder(AttentionKind.HULL), prompts[r]));
            threads[run].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(together).isDeepEqualTo(alone);
    }

    /** The next token after every prompt position, feeding back every third one. */
    private static int[] decode(Decoder decoder, int[] prompt) {
        int[] next = new int[prompt.length];
        int token = prompt[0];
        for (int p = 0; p < prompt.length; p++) {
            next[p] = decoder.step(p % 3 == 2 ? token : prompt[p]);
            token = next[p];
        }
        return next;
    }

    @Test
    void shapeAccessorsReportTheBundleShape() {
        assertThat(SPARSE.dModel()).isEqualTo(D_MODEL);
        assertThat(SPARSE.layerCount()).isEqualTo(1);
        assertThat(SPARSE.vocabSize()).isEqualTo(VOCAB);
        assertThat(SPARSE.headCount()).isEqualTo(5);
        assertThat(SPARSE.headCount(0)).isEqualTo(5);
        assertThat(SPARSE.ffnWidth()).isEqualTo(2);
        assertThat(new int[] {SPARSE.slotOne(), SPARSE.slotPosition(), SPARSE.slotPositionSquared()})
                .containsExactly(ONE, POS, POS2);
    }

    /** The residual after the last token of {@code tokens}, computed from the definitions. */
    static double[] expectedResidual(List<Integer> tokens) {
        int p = tokens.size() - 1;
        int t = tokens.get(p);
        double[] x = new double[D_MODEL];
        x[ONE] = 1;
        x[POS] = p;
        x[POS2] = (double) p * p;
        x[VAL] = t;
        x[VAL2] = t * t;
        long sum = 0;
        for (int j = 0; j <= p; j++) {
            sum += tokens.get(j);
        }
        x[A] = (double) sum / (p + 1);
        x[B] = tokens.get(Math.max(p - 2, 0));
        int nearest = Integer.MAX_VALUE;
        for (int j = 0; j <= p; j++) {
            nearest = Math.min(nearest, Math.abs(tokens.get(j) - (t + 1)));
        }
        long positions = 0;
        int count = 0;
        for (int j = 0; j <= p; j++) {
            if (Math.abs(tokens.get(j) - (t + 1)) == nearest) {
                x[C] = j;
                positions += j;
                count++;
            }
        }
        x[D] = (double) positions / count;
        x[E] = p >= 2 ? (tokens.get(p - 2) + tokens.get(p - 1)) / 2.0 : tokens.get(0);
        x[SUM] = (p + 1) * x[A];
        x[F] = Math.max(t - 2, 0);
        return x;
    }
}
