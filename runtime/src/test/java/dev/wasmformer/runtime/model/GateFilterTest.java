package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GateFilterTest {
    private static final int D = 8;

    /** A filter over a small layer: every column but slot 0 (the one-slot) is read by some unit. */
    private static GateFilter filter() {
        int width = 6;
        double[][] gate = new double[width][D];
        double[][] value = new double[width][D];
        double[][] output = new double[D][width];
        for (int u = 0; u < width; u++) {
            gate[u][0] = -1 - u;
            gate[u][1 + u] = 1;
            gate[u][7] = u % 2 == 0 ? 1 : -1;
            value[u][0] = 1;
            output[7][u] = 1;
        }
        FfnWeights weights = TinyModel.ffn(gate, value, output);
        return new GateFilter(new SparseFeedForward(weights, D, 0));
    }

    /**
     * The steps at which the filter was built before the builds were checked only every few
     * steps: at every step, the first build after {@code FIRST_BUILD} steps, a rebuild
     * {@code REBUILD_GAP} steps after the last once a range widened, and one
     * {@code USE_BUILD} steps after the first.
     */
    private static final class Reference {
        boolean ready;
        boolean dirty;
        long steps;
        long lastBuild;
        int builds;
        final List<Long> buildSteps = new ArrayList<>();

        void step() {
            steps++;
            if (!ready) {
                if (steps > GateFilter.FIRST_BUILD) {
                    build();
                }
            } else if (dirty && steps - lastBuild >= GateFilter.REBUILD_GAP
                    || builds == 1 && steps - lastBuild >= GateFilter.USE_BUILD) {
                build();
            }
        }

        private void build() {
            ready = true;
            dirty = false;
            lastBuild = steps;
            builds++;
            buildSteps.add(steps);
        }
    }

    @Test
    void buildsFallOnTheStepsTheEveryStepRuleGivesWhateverTheWidenings() {
        for (int seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            GateFilter filter = filter();
            Reference reference = new Reference();
            List<Long> buildSteps = new ArrayList<>();
            int[] widenings = new int[D];
            for (int step = 0; step < 12_000; step++) {
                int before = filter.builds;
                filter.ready();
                reference.step();
                if (filter.builds != before) {
                    buildSteps.add(filter.steps());
                }
                // Now and then a column's value passes its range (2^k past 2^k - 1): a widening.
                int c = 1 + random.nextInt(D - 1);
                if (random.nextInt(300) == 0 && widenings[c] < 5) {
                    filter.observeColumn(c, 1L << ++widenings[c]);
                    reference.dirty = true;
                } else {
                    filter.observeColumn(c, 1L << widenings[c] >> 1);      // inside its range
                }
            }
            assertThat(buildSteps).as("seed %d", seed).isEqualTo(reference.buildSteps);
            assertThat(buildSteps.size()).as("seed %d: builds after widenings", seed).isGreaterThan(3);
        }
    }

    @Test
    void theFilterChecksWhetherABuildIsDueEveryFewStepsFromTheFirstOn() {
        GateFilter filter = filter();
        long lastCheckStep = 0;
        for (int step = 1; step <= 3 * GateFilter.FIRST_BUILD; step++) {
            long before = filter.checks;
            filter.ready();
            if (filter.checks != before) {
                lastCheckStep = step;
            }
            assertThat(step - lastCheckStep).as("steps since the last check, at step %d", step)
                    .isLessThan(GateFilter.CHECK_GAP);
        }
        assertThat(filter.checks).as("checks before the first build, which the JIT's profile sees")
                .isGreaterThanOrEqualTo(GateFilter.FIRST_BUILD / GateFilter.CHECK_GAP);
        assertThat(filter.builds).isEqualTo(1);
    }
}
