package dev.wasmformer.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutputMemoTest {
    @Test
    void everyNamePutReadsBackItsPairsAndNoOtherNameIsFound() {
        Random random = new Random(13);
        OutputMemo memo = new OutputMemo();
        Map<Long, double[]> sums = new HashMap<>();
        Map<Long, int[]> rows = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            long name = random.nextInt(1 << 20);
            int n = random.nextInt(6);
            int[] r = new int[n + 3];
            double[] s = new double[n + 3];
            for (int k = 0; k < r.length; k++) {
                r[k] = random.nextInt(700);
                s[k] = random.nextGaussian();
            }
            memo.put(name, r, s, 3, 3 + n);
            if (!rows.containsKey(name)) {   // a name put again keeps its first pairs
                rows.put(name, java.util.Arrays.copyOfRange(r, 3, 3 + n));
                sums.put(name, java.util.Arrays.copyOfRange(s, 3, 3 + n));
            }
        }
        for (Map.Entry<Long, int[]> e : rows.entrySet()) {
            int entry = memo.find(e.getKey());
            assertThat(entry).as("name %d", e.getKey()).isGreaterThanOrEqualTo(0);
            int n = memo.count(entry);
            int[] r = new int[n + 1];
            double[] s = new double[n + 1];
            memo.copy(entry, r, s, 1);
            assertThat(java.util.Arrays.copyOfRange(r, 1, n + 1)).containsExactly(e.getValue());
            assertThat(java.util.Arrays.copyOfRange(s, 1, n + 1)).containsExactly(sums.get(e.getKey()));
        }
        for (int i = 0; i < 1000; i++) {
            long name = random.nextInt(1 << 20);
            assertThat(memo.find(name) >= 0).isEqualTo(rows.containsKey(name));
        }
        assertThat(memo.find(-1)).isEqualTo(-1);
        assertThat(memo.find(1L << 32)).isEqualTo(-1);
    }

    @Test
    void stopsAddingNamesAtItsCapacityAndKeepsThoseItHas() {
        OutputMemo memo = new OutputMemo();
        int[] r = {1, 2};
        double[] s = {0.5, -1.5};
        for (int name = 0; name < OutputMemo.MAX_NAMES + 10; name++) {
            memo.put(name, r, s, 0, 2);
        }
        assertThat(memo.find(OutputMemo.MAX_NAMES - 1)).isGreaterThanOrEqualTo(0);
        assertThat(memo.find(OutputMemo.MAX_NAMES)).isEqualTo(-1);
        OutputMemo wide = new OutputMemo();
        int[] many = new int[OutputMemo.MAX_PAIRS / 2 + 1];
        double[] values = new double[many.length];
        wide.put(0, many, values, 0, many.length);
        wide.put(1, many, values, 0, many.length);   // would exceed the pairs' capacity
        assertThat(wide.find(0)).isGreaterThanOrEqualTo(0);
        assertThat(wide.find(1)).isEqualTo(-1);
    }
}
