package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.attention.AttentionMode;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.Ffn;
import dev.wasmformer.runtime.format.Head;
import dev.wasmformer.runtime.format.Layer;
import dev.wasmformer.runtime.format.ModelShape;
import dev.wasmformer.runtime.format.Weights;
import java.util.ArrayList;
import java.util.List;

/** Checks a bundle's shape and weights against the architecture and builds the {@link Model}. */
final class ModelReader {
    private ModelReader() {
    }

    static Model read(Bundle bundle) {
        return read(bundle.getShape(), bundle.getWeights());
    }

    static Model read(ModelShape shape, Weights weights) {
        if (!Model.ARCHITECTURE.equals(shape.getArchitecture())) {
            throw invalid("architecture is \"" + shape.getArchitecture() + "\", this runtime runs \""
                    + Model.ARCHITECTURE + "\"");
        }
        int d = positive(shape.getDModel(), "d_model");
        int vocab = positive(shape.getVocabSize(), "vocab_size");
        int slotOne = slot(shape.getSlotOne(), d, "slot_one");
        int slotPosition = slot(shape.getSlotPosition(), d, "slot_position");
        int slotPositionSquared = slot(shape.getSlotPositionSquared(), d, "slot_position_squared");
        if (slotOne == slotPosition || slotOne == slotPositionSquared
                || slotPosition == slotPositionSquared) {
            throw invalid(String.format("slot_one %d, slot_position %d and slot_position_squared %d"
                    + " must be distinct", slotOne, slotPosition, slotPositionSquared));
        }
        if (Integer.toUnsignedLong(shape.getLayers()) != weights.getLayersCount()) {
            throw invalid("shape says " + Integer.toUnsignedString(shape.getLayers())
                    + " layers, the weights have " + weights.getLayersCount());
        }
        CsrMatrix embedding = matrix(weights.getEmbedding(), vocab, d, "embedding");
        CsrMatrix unembedding = matrix(weights.getUnembedding(), vocab, d, "unembedding");

        KernelSelection selection = new KernelSelection(embedding, slotOne, slotPosition,
                slotPositionSquared);
        List<LayerWeights> layers = new ArrayList<>();
        int heads = 0;
        int ffnWidth = 0;
        for (int l = 0; l < weights.getLayersCount(); l++) {
            Layer layer = weights.getLayers(l);
            List<HeadWeights> layerHeads = new ArrayList<>();
            for (int h = 0; h < layer.getHeadsCount(); h++) {
                layerHeads.add(head(layer.getHeads(h), d, "layer " + l + " head " + h, selection));
            }
            FfnWeights ffn = layer.hasFfn() ? ffn(layer.getFfn(), d, "layer " + l + " ffn") : null;
            LayerWeights weightsOfLayer = new LayerWeights(List.copyOf(layerHeads), ffn);
            selection.pass(weightsOfLayer);
            layers.add(weightsOfLayer);
            heads += layerHeads.size();
            ffnWidth = Math.max(ffnWidth, ffn == null ? 0 : ffn.width());
        }
        if (Integer.toUnsignedLong(shape.getHeads()) != heads) {
            throw invalid("shape says " + Integer.toUnsignedString(shape.getHeads())
                    + " heads, the layers have " + heads);
        }
        if (Integer.toUnsignedLong(shape.getFfnWidth()) != ffnWidth) {
            throw invalid("shape says ffn_width " + Integer.toUnsignedString(shape.getFfnWidth())
                    + ", the widest FFN has " + ffnWidth);
        }
        return new Model(d, vocab, slotOne, slotPosition, slotPositionSquared, embedding,
                List.copyOf(layers), unembedding, heads, ffnWidth);
    }

    private static HeadWeights head(Head head, int d, String where, KernelSelection selection) {
        String what = head.getName().isEmpty() ? where : where + " ('" + head.getName() + "')";
        AttentionMode mode = switch (head.getMode()) {
            case AVERAGE -> AttentionMode.AVERAGE;
            case LATEST -> AttentionMode.LATEST;
            default -> throw invalid(what + " has mode " + head.getMode() + ", expected AVERAGE or LATEST");
        };
        int valueWidth = size(head.getValue().getRows(), what + " value rows");
        CsrMatrix query = matrix(head.getQuery(), 2, d, what + " query");
        CsrMatrix key = matrix(head.getKey(), 2, d, what + " key");
        CsrMatrix value = matrix(head.getValue(), valueWidth, d, what + " value");
        CsrMatrix output = matrix(head.getOutput(), d, valueWidth, what + " output");
        KernelSelection.Choice choice = selection.choose(key);
        return new HeadWeights(head.getName(), mode, query, key, value, output, choice.kernel(),
                choice.positionKey(), selection.tokenValued(value));
    }

    private static FfnWeights ffn(Ffn ffn, int d, String what) {
        int width = size(ffn.getGate().getRows(), what + " gate rows");
        return new FfnWeights(
                matrix(ffn.getGate(), width, d, what + " gate"),
                matrix(ffn.getValue(), width, d, what + " value"),
                matrix(ffn.getOutput(), d, width, what + " output"));
    }

    private static CsrMatrix matrix(dev.wasmformer.runtime.format.Matrix m, int rows, int cols,
                                    String what) {
        try {
            return CsrMatrix.read(m, rows, cols, what);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static int positive(int value, String what) {
        if (value <= 0) {
            throw invalid(what + " is " + Integer.toUnsignedString(value) + ", expected 1 to "
                    + Integer.MAX_VALUE);
        }
        return value;
    }

    private static int size(int value, String what) {
        if (value < 0) {
            throw invalid(what + " is " + Integer.toUnsignedString(value) + ", too large");
        }
        return value;
    }

    private static int slot(int value, int d, String what) {
        if (value < 0 || value >= d) {
            throw invalid(what + " is " + Integer.toUnsignedString(value) + ", outside d_model " + d);
        }
        return value;
    }

    private static IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException("invalid bundle model: " + message);
    }
}
