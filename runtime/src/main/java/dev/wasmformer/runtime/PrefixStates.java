package dev.wasmformer.runtime;

import com.google.protobuf.ByteString;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.BundleFiles;
import dev.wasmformer.runtime.format.BundleFormatException;
import dev.wasmformer.runtime.format.PrefixState;
import dev.wasmformer.runtime.model.KeptStates;
import java.util.Arrays;
import java.util.Map;

/**
 * Computes, when a bundle is built, each program's state after its fixed prompt prefix and
 * stores it in the bundle ({@code Program.prefix_state}), so that the first run of a loaded
 * bundle resumes from it instead of feeding those tokens. The states are those a first run
 * would keep ({@link PrefixCache}): the hull decoder's, after the same tokens.
 */
public final class PrefixStates {
  private PrefixStates() {}

  /**
   * {@code bundle} with every program's prefix state stored (replacing any stored before); a
   * program whose fixed prefix is empty gets none.
   *
   * @throws BundleFormatException if the bundle is not valid
   */
  public static Bundle attach(Bundle bundle) throws BundleFormatException {
    BundleFiles.validate(bundle);
    Map<String, StepperFactory> models = ModelBinding.bind(bundle);
    TokenTable tokens = new TokenTable(bundle.getVocabulary());
    // a budget that keeps nothing: the programs here only tell their fixed prefixes
    PrefixBudget none = new PrefixBudget(0, 0);
    Bundle.Builder b = bundle.toBuilder();
    for (int i = 0; i < bundle.getProgramsCount(); i++) {
      dev.wasmformer.runtime.format.Program p = bundle.getPrograms(i).toBuilder().clearPrefixState().build();
      StepperFactory steppers = models.get(p.getModel());
      Program program = new Program(p, tokens, steppers, none);
      int length = program.prefixCache().length();
      if (length == 0) {
        b.setPrograms(i, p);
        continue;
      }
      int[] prefix = new int[length];
      for (int k = 0; k < length; k++) prefix[k] = p.getPrefix(k);
      byte[] raw = steppers.writeState(prefix);
      byte[] state = StoredPrefix.deflate(raw);
      b.setPrograms(i, p.toBuilder().setPrefixState(PrefixState.newBuilder()
          .setFormat(KeptStates.FORMAT)
          .setFingerprint(ByteString.copyFrom(steppers.stateFingerprint()))
          .setLength(length)
          .setTokensSha256(ByteString.copyFrom(StoredPrefix.digest(Arrays.copyOf(prefix, length))))
          .setState(ByteString.copyFrom(state))
          .setStateCrc32C(StoredPrefix.crc(state))
          .setStateSize(raw.length)));
    }
    return b.build();
  }
}
