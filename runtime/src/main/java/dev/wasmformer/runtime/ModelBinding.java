package dev.wasmformer.runtime;

import dev.wasmformer.runtime.format.Bundle;

/**
 * The one place where the decode loop meets the transformer of {@code
 * dev.wasmformer.runtime.model}. Once that package is in the build, the body of {@link
 * #bind} is:
 *
 * <pre>{@code
 * Model model = Model.from(bundle);
 * return attention -> model.newDecoder(AttentionKind.valueOf(attention.name()))::step;
 * }</pre>
 */
final class ModelBinding {
  private ModelBinding() {}

  static StepperFactory bind(Bundle bundle) {
    return attention -> {
      throw new UnsupportedOperationException(
          "this build of wasmformer has no transformer yet (dev.wasmformer.runtime.model)");
    };
  }
}
