package dev.wasmformer.runtime.model;

import dev.wasmformer.runtime.attention.AttentionMode;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.Ffn;
import dev.wasmformer.runtime.format.Head;
import dev.wasmformer.runtime.format.Layer;
import dev.wasmformer.runtime.format.ModelShape;
import dev.wasmformer.runtime.format.UnpackedMatrices;
import dev.wasmformer.runtime.format.Weights;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;

/** Checks a bundle's shape and weights against the architecture and builds the {@link Model}. */
final class ModelReader {
    private ModelReader() {
    }

    static Model read(Bundle bundle) {
        return read(bundle.getShape(), bundle.getWeights(), null);
    }

    /**
     * The model of {@code shape} and {@code weights}; a packed matrix whose entries {@code
     * unpacked} (may be null) holds is built from them instead of being decoded again.
     */
    static Model read(ModelShape shape, Weights weights, UnpackedMatrices unpacked) {
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
        CsrMatrix embedding = matrix(weights.getEmbedding(), vocab, d, "embedding", unpacked);
        CsrMatrix unembedding = matrix(weights.getUnembedding(), vocab, d, "unembedding", unpacked);
        // The arg-max families need only the unembedding: they are built meanwhile.
        FutureTask<FamilyArgMax> families = Model.families(unembedding);

        KernelSelection selection = new KernelSelection(embedding, slotOne, slotPosition,
                slotPositionSquared);
        List<LayerWeights> layers = new ArrayList<>();
        int heads = 0;
        int ffnWidth = 0;
        for (int l = 0; l < weights.getLayersCount(); l++) {
            Layer layer = weights.getLayers(l);
            List<HeadWeights> layerHeads = new ArrayList<>();
            for (int h = 0; h < layer.getHeadsCount(); h++) {
                layerHeads.add(head(layer.getHeads(h), d, "layer " + l + " head " + h, selection, unpacked));
            }
            FfnWeights ffn = layer.hasFfn() ? ffn(layer.getFfn(), d, "layer " + l + " ffn", unpacked) : null;
            if (ffn != null && ffn.width() == 0) {
                ffn = null;   // a layer without units adds nothing: no FFN step at all
            }
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
                List.copyOf(layers), unembedding, heads, ffnWidth, families);
    }

    private static HeadWeights head(Head head, int d, String where, KernelSelection selection,
                                    UnpackedMatrices unpacked) {
        String what = head.getName().isEmpty() ? where : where + " ('" + head.getName() + "')";
        AttentionMode mode = switch (head.getMode()) {
            case AVERAGE -> AttentionMode.AVERAGE;
            case LATEST -> AttentionMode.LATEST;
            default -> throw invalid(what + " has mode " + head.getMode() + ", expected AVERAGE or LATEST");
        };
        int valueWidth = size(head.getValue().getRows(), what + " value rows");
        CsrMatrix query = matrix(head.getQuery(), 2, d, what + " query", unpacked);
        CsrMatrix key = matrix(head.getKey(), 2, d, what + " key", unpacked);
        CsrMatrix value = matrix(head.getValue(), valueWidth, d, what + " value", unpacked);
        CsrMatrix output = matrix(head.getOutput(), d, valueWidth, what + " output", unpacked);
        KernelSelection.Choice choice = selection.choose(key);
        return new HeadWeights(head.getName(), mode, query, key, value, output, choice.kernel(),
                choice.positionKey(), selection.tokenValued(value));
    }

    private static FfnWeights ffn(Ffn ffn, int d, String what, UnpackedMatrices unpacked) {
        int width = size(ffn.getGate().getRows(), what + " gate rows");
        return new FfnWeights(
                matrix(ffn.getGate(), width, d, what + " gate", unpacked),
                matrix(ffn.getValue(), width, d, what + " value", unpacked),
                matrix(ffn.getOutput(), d, width, what + " output", unpacked));
    }

    private static CsrMatrix matrix(dev.wasmformer.runtime.format.Matrix m, int rows, int cols,
                                    String what, UnpackedMatrices unpacked) {
        try {
            return CsrMatrix.read(m, rows, cols, what, unpacked);
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
