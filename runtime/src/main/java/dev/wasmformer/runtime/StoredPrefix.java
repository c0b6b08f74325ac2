package dev.wasmformer.runtime;

import dev.wasmformer.runtime.format.PrefixState;
import dev.wasmformer.runtime.model.KeptStates;
import dev.wasmformer.runtime.state.StateFormatException;
import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A program's prefix state as its bundle stores it ({@link PrefixState}), checked and decoded
 * when a run first needs it rather than at load. It is used only when its format, its
 * fingerprint (the model and this runtime's choices for it), its length and the digest of its
 * tokens all match, its checksum holds and its structure reads back; otherwise it is ignored
 * for good, with the reason kept for {@code inspect}, and runs feed the prompt. Thread-safe.
 */
final class StoredPrefix {
  /** What a program's stored prefix state is, and whether runs use it. */
  record Status(long bytes, long inflatedBytes, int tokens, boolean stored, boolean usable, String reason) {}

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
      return steppers.readState(ByteBuffer.wrap(inflate(stored.getState(), stored.getStateSize())), tokens.length);
    } catch (StateFormatException e) {
      refusal = "its structure does not match this model: " + e.getMessage();
      return null;
    }
  }

  /** Whether a state is stored, its size, and whether runs on {@code steppers} would use it (it is decoded to tell). */
  Status status(StepperFactory steppers) {
    if (stored == null) return new Status(0, 0, 0, false, false, "none stored");
    boolean usable = snapshot(steppers) != null;
    String reason;
    synchronized (this) {
      reason = usable ? "used by the first run" : refusal;
    }
    return new Status(stored.getState().size(), Integer.toUnsignedLong(stored.getStateSize()), stored.getLength(), true,
        usable, reason);
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

  /** {@code state} compressed as {@code PrefixState.state} holds it (raw DEFLATE). */
  static byte[] deflate(byte[] state) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(state);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(state.length / 4 + 64);
      byte[] chunk = new byte[1 << 16];
      while (!deflater.finished()) out.write(chunk, 0, deflater.deflate(chunk));
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /**
   * The {@code size} bytes that {@code compressed} inflates to.
   *
   * @throws StateFormatException if it is not raw DEFLATE data of exactly that size
   */
  static byte[] inflate(ByteString compressed, int size) throws StateFormatException {
    if (size < 0) throw new StateFormatException("a state of " + Integer.toUnsignedString(size) + " bytes");
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(compressed.asReadOnlyByteBuffer());
      byte[] state = new byte[size];
      int n = 0;
      while (n < size) {
        int got = inflater.inflate(state, n, size - n);
        if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) break;
        n += got;
      }
      // one byte more must not come: the data ends exactly at size
      if (n != size || inflater.inflate(new byte[1]) != 0 || !inflater.finished()) {
        throw new StateFormatException("its compressed bytes do not inflate to its " + size + " bytes");
      }
      return state;
    } catch (DataFormatException e) {
      throw new StateFormatException("its compressed bytes are not DEFLATE data: " + e.getMessage());
    } finally {
      inflater.end();
    }
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
