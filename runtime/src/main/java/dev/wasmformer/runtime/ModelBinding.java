package dev.wasmformer.runtime;

import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.NamedModel;
import dev.wasmformer.runtime.format.UnpackedMatrices;
import dev.wasmformer.runtime.model.AttentionKind;
import dev.wasmformer.runtime.model.Decoder;
import dev.wasmformer.runtime.model.Model;
import java.util.HashMap;
import java.util.Map;

/** The one place where the decode loop meets the transformer of {@code dev.wasmformer.runtime.model}. */
final class ModelBinding {
  private ModelBinding() {}

  /** The bundle's models by name; the bundle's own model, if it has one, under "". */
  static Map<String, StepperFactory> bind(Bundle bundle) {
    return bind(bundle, null);
  }

  /** As {@link #bind(Bundle)}, with the matrices the bundle's validation unpacked (may be null). */
  static Map<String, StepperFactory> bind(Bundle bundle, UnpackedMatrices unpacked) {
    Map<String, StepperFactory> models = new HashMap<>();
    if (bundle.hasShape()) models.put("", factory(Model.from(bundle, unpacked)));
    for (NamedModel m : bundle.getModelsList()) {
      models.put(m.getName(), factory(Model.from(m.getShape(), m.getWeights(), unpacked)));
    }
    return models;
  }

  private static StepperFactory factory(Model model) {
    return new StepperFactory() {
      @Override
      public TokenStepper newStepper(Attention attention) {
        return new DecoderStepper(model.newDecoder(AttentionKind.valueOf(attention.name())));
      }

      @Override
      public long bytesPerPosition(Attention attention) {
        return model.bytesPerPosition(AttentionKind.valueOf(attention.name()));
      }

      @Override
      public void prepare(Attention attention) {
        if (attention == Attention.HULL) model.generateCode();
      }
    };
  }

  /** A run on a decoder; its snapshot is a copy of the decoder that only ever gets copied. */
  private static final class DecoderStepper implements TokenStepper {
    private final Decoder decoder;

    DecoderStepper(Decoder decoder) {
      this.decoder = decoder;
    }

    @Override
    public int step(int token) {
      return decoder.step(token);
    }

    @Override
    public void feed(int token) {
      decoder.append(token);
    }

    @Override
    public Snapshot snapshot() {
      Decoder kept = decoder.copy();
      return () -> new DecoderStepper(kept.copy());
    }
  }
}
