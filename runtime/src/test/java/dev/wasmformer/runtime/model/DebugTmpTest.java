package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.format.Bundle;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DebugTmpTest {
    @Test
    void debug() {
        int seed = Integer.getInteger("dbgSeed", 2);
        Bundle full = WideRandomModel.bundle(new Random(seed));
        for (int layers = 1; layers <= 3; layers++) {
            for (int withFfn = 0; withFfn < 2; withFfn++) {
                Bundle.Builder b = full.toBuilder();
                b.getWeightsBuilder().clearLayers();
                for (int l = 0; l < layers; l++) {
                    var layer = full.getWeights().getLayers(l).toBuilder();
                    if (l == layers - 1 && withFfn == 0) layer.clearFfn();
                    b.getWeightsBuilder().addLayers(layer);
                }
                b.getShapeBuilder().setLayers(layers).setHeads(4 * layers);
                if (layers == 1 && withFfn == 0) b.getShapeBuilder().setFfnWidth(0);
                Model model = Model.from(b.build());
                StringBuilder k = new StringBuilder();
                for (int l = 0; l < layers; l++) for (int h = 0; h < 4; h++) k.append(model.kernel(l, h)).append(model.layers.get(l).heads().get(h).mode()).append(model.layers.get(l).heads().get(h).tokenValued() ? "T " : " ");
                try {
                    RandomModelTest.assertAgree(model, 1500, seed);
                    System.out.println("layers " + layers + " ffn " + withFfn + " OK " + k);
                } catch (AssertionError e) {
                    System.out.println("layers " + layers + " ffn " + withFfn + " FAIL " + k + e.getMessage().substring(0, 60).replace('\n', ' '));
                }
            }
        }
    }
}
