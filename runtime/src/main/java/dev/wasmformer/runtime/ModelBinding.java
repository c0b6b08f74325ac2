package dev.wasmformer.runtime;

import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.model.AttentionKind;
import dev.wasmformer.runtime.model.Model;

/** The one place where the decode loop meets the transformer of {@code dev.wasmformer.runtime.model}. */
final class ModelBinding {
  private ModelBinding() {}

  static StepperFactory bind(Bundle bundle) {
    Model model = Model.from(bundle);
    return attention -> model.newDecoder(AttentionKind.valueOf(attention.name()))::step;
  }
}
