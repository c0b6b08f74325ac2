package dev.wasmformer.runtime;

import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.NamedModel;
import dev.wasmformer.runtime.format.UnpackedMatrices;
import dev.wasmformer.runtime.model.AttentionKind;
import dev.wasmformer.runtime.model.Decoder;
import dev.wasmformer.runtime.model.KeptStates;
import dev.wasmformer.runtime.model.Model;
import dev.wasmformer.runtime.format.Weights;
import dev.wasmformer.runtime.state.StateFormatException;
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
    if (bundle.hasShape()) models.put("", factory(Model.from(bundle, unpacked), bundle.getWeights()));
    for (NamedModel m : bundle.getModelsList()) {
      models.put(m.getName(), factory(Model.from(m.getShape(), m.getWeights(), unpacked), m.getWeights()));
    }
    return models;
  }

  private static StepperFactory factory(Model model, Weights weights) {
    return new StepperFactory() {
      private volatile byte[] fingerprint;

      @Override
      public byte[] stateFingerprint() {
        byte[] f = fingerprint;
        if (f == null) fingerprint = f = KeptStates.fingerprint(model, weights);
        return f.clone();
      }

      @Override
      public TokenStepper.Snapshot readState(java.nio.ByteBuffer state, long positions) throws StateFormatException {
        Decoder.Kept kept = KeptStates.read(model, state);
        if (kept.position() != positions) {
          throw new StateFormatException("the state holds " + kept.position() + " positions, not " + positions);
        }
        return DecoderStepper.snapshotOf(kept);
      }

      @Override
      public byte[] writeState(int[] tokens) {
        Decoder decoder = model.newDecoder(AttentionKind.HULL);
        for (int t : tokens) decoder.append(t);
        return KeptStates.write(decoder.keep());
      }

      @Override
      public TokenStepper newStepper(Attention attention) {
        return new DecoderStepper(model.newDecoder(AttentionKind.valueOf(attention.name())),
            attention == Attention.HULL);
      }

      @Override
      public long bytesPerPosition(Attention attention) {
        return model.bytesPerPosition(AttentionKind.valueOf(attention.name()));
      }

      @Override
      public long positionLimit() {
        return model.positionLimit();
      }

      @Override
      public void prepare(Attention attention) {
        if (attention == Attention.HULL) model.generateCode();
      }
    };
  }

  /**
   * A run on a decoder; its snapshot is a copy of the decoder that only ever gets copied. Only
   * hull runs give one: a naive run's caches keep every key and value (~2.5 KB per position
   * for sudoku's model, ~57 MB for its prompt prefix, kept as long as the program), and the
   * naive pass, the reference the hull runs are compared with, stays the plain feed of every
   * prompt token.
   */
  private static final class DecoderStepper implements TokenStepper {
    private final Decoder decoder;
    private final boolean copyable;

    DecoderStepper(Decoder decoder, boolean copyable) {
      this.decoder = decoder;
      this.copyable = copyable;
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
    public long retainedBytes() {
      return decoder.retainedBytes();
    }

    @Override
    public Snapshot snapshot() {
      if (!copyable) return null;
      return snapshotOf(decoder.keep());
    }

    /** A snapshot that resumes hull runs from {@code kept}. */
    static Snapshot snapshotOf(Decoder.Kept kept) {
      long bytes = kept.retainedBytes();
      return new Snapshot() {
        @Override
        public TokenStepper resume() {
          return new DecoderStepper(kept.copy(), true);
        }

        @Override
        public long retainedBytes() {
          return bytes;
        }
      };
    }
  }
}
