package dev.wasmformer.runtime;

import dev.wasmformer.runtime.format.PrefixState;
import dev.wasmformer.runtime.model.KeptStates;
import dev.wasmformer.runtime.state.StateFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A program's prefix state as its bundle stores it ({@link PrefixState}), checked and decoded
 * when a run first needs it rather than at load. It is used only when its format, its
 * fingerprint (the model and this runtime's choices for it), its length and the digest of its
 * tokens all match, its checksum holds and its structure reads back; otherwise it is ignored
 * for good, with the reason kept for {@code inspect}, and runs feed the prompt. Thread-safe.
 */
final class StoredPrefix {
  /** What a program's stored prefix state is, and whether runs use it. */
  record Status(long bytes, int tokens, boolean stored, boolean usable, String reason) {}

  private final PrefixState stored;   // null: the bundle stores none
  private final int[] tokens;         // the program's fixed prefix
  /** Why the stored state is not used, once found; null while it is usable or unchecked. */
  private String refusal;
  private boolean matched;            // the header checks passed
  /** How often the state was read (for tests: a run resumed from it). */
  private int reads;

  /** The state {@code stored} (null for none) of a program whose fixed prefix is {@code tokens}. */
  StoredPrefix(PrefixState stored, int[] tokens) {
    this.stored = stored;
    this.tokens = tokens;
  }

  /** None stored. */
  static StoredPrefix none() {
    return new StoredPrefix(null, new int[0]);
  }

  boolean present() {
    return stored != null;
  }

  /** How often the state was read so far (for tests). */
  synchronized int reads() {
    return reads;
  }

  /** The fixed prefix's tokens. */
  int[] tokens() {
    return tokens;
  }

  /**
   * A snapshot of the stored state, decoded now for a run on {@code steppers}; null when none
   * is stored or it does not match (see {@link #status}).
   */
  synchronized TokenStepper.Snapshot snapshot(StepperFactory steppers) {
    if (stored == null || refusal != null) return null;
    if (!matched) {
      refusal = mismatch(steppers);
      if (refusal != null) return null;
      matched = true;
    }
    try {
      reads++;
      return steppers.readState(stored.getState().asReadOnlyByteBuffer(), tokens.length);
    } catch (StateFormatException e) {
      refusal = "its structure does not match this model: " + e.getMessage();
      return null;
    }
  }

  /** Whether a state is stored, its size, and whether runs on {@code steppers} would use it (it is decoded to tell). */
  Status status(StepperFactory steppers) {
    if (stored == null) return new Status(0, 0, false, false, "none stored");
    boolean usable = snapshot(steppers) != null;
    String reason;
    synchronized (this) {
      reason = usable ? "used by the first run" : refusal;
    }
    return new Status(stored.getState().size(), stored.getLength(), true, usable, reason);
  }

  /** Why the header does not match, or null when it does. */
  private String mismatch(StepperFactory steppers) {
    if (stored.getFormat() != KeptStates.FORMAT) {
      return "its format is " + Integer.toUnsignedString(stored.getFormat()) + ", this runtime reads " + KeptStates.FORMAT;
    }
    if (stored.getLength() != tokens.length) {
      return "it holds " + Integer.toUnsignedString(stored.getLength()) + " tokens, the program's fixed prefix is "
          + tokens.length;
    }
    if (!Arrays.equals(stored.getTokensSha256().toByteArray(), digest(tokens))) {
      return "its tokens' digest is not the program's fixed prefix's";
    }
    CRC32C crc = new CRC32C();
    crc.update(stored.getState().asReadOnlyByteBuffer());
    if ((int) crc.getValue() != stored.getStateCrc32C()) {
      return "its checksum does not match its bytes";
    }
    byte[] fingerprint = steppers.stateFingerprint();
    if (fingerprint == null) return "this transformer reads no stored state";
    if (!Arrays.equals(stored.getFingerprint().toByteArray(), fingerprint)) {
      return "its fingerprint is not this model's with this runtime's kernels";
    }
    return null;
  }

  /** SHA-256 of {@code tokens}, each as a little-endian uint32 (as {@code tokens_sha256}). */
  static byte[] digest(int[] tokens) {
    ByteBuffer b = ByteBuffer.allocate(4 * tokens.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(tokens);
    try {
      return MessageDigest.getInstance("SHA-256").digest(b.array());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /** The CRC-32C of {@code state}, as {@code state_crc32c}. */
  static int crc(byte[] state) {
    CRC32C crc = new CRC32C();
    crc.update(state);
    return (int) crc.getValue();
  }
}
