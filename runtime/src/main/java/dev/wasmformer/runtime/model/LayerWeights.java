package dev.wasmformer.runtime.model;

import java.util.List;

/** One layer: its heads, then its feed-forward layer (null when the layer has none). */
record LayerWeights(List<HeadWeights> heads, FfnWeights ffn) {
}
