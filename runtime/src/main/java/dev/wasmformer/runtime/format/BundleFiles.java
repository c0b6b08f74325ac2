package dev.wasmformer.runtime.format;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.UnsafeByteOperations;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads and writes {@code .wfb} bundle files: the 8 ASCII bytes {@code WFBUNDLE}, then one
 * serialized {@link BundleFile} holding the format version, the serialized {@link Bundle}
 * and the SHA-256 of those bundle bytes.
 */
public final class BundleFiles {
  /** The file name extension of bundle files, with its dot. */
  public static final String EXTENSION = ".wfb";

  /**
   * The only value of {@code BundleFile.format_version} this runtime reads and writes.
   * Version 2 added the packed matrix storage ({@link PackedRows}), which the writers use: a
   * reader of version 1 would not know it, so it refuses the file by its version instead.
   */
  public static final int FORMAT_VERSION = 2;

  /** The architecture contract this runtime implements ({@code ModelShape.architecture}). */
  public static final String ARCHITECTURE = "hard-attention-reglu-v1";

  private static final byte[] MAGIC = "WFBUNDLE".getBytes(StandardCharsets.US_ASCII);
  private static final int SHA256_BYTES = 32;
  /** Payloads from this size on are hashed on a second thread while they are parsed. */
  private static final int PARALLEL_HASH_BYTES = 1 << 16;

  private BundleFiles() {}

  /** Validates {@code bundle} and writes it as a bundle file; does not close {@code out}. */
  public static void write(Bundle bundle, OutputStream out) throws IOException {
    out.write(encode(bundle));
  }

  /** Validates {@code bundle} and writes it to {@code path}, replacing any existing file. */
  public static void write(Bundle bundle, Path path) throws IOException {
    Files.write(path, encode(bundle));
  }

  /** Reads, checks and validates a bundle file; reads {@code in} to its end, does not close it. */
  public static Bundle read(InputStream in) throws IOException {
    return decode(in.readAllBytes(), null);
  }

  /** Reads, checks and validates the bundle file at {@code path}; errors name the path. */
  public static Bundle read(Path path) throws IOException {
    return read(path, null);
  }

  /**
   * As {@link #read(InputStream)}, leaving in {@code unpacked} the checked entries of the
   * bundle's packed matrices (for the model's reader, which then need not decode them again).
   */
  public static Bundle read(InputStream in, UnpackedMatrices unpacked) throws IOException {
    return decode(in.readAllBytes(), unpacked);
  }

  /**
   * As {@link #read(Path)}, leaving in {@code unpacked} (if not null) the checked entries of
   * the bundle's packed matrices (for the model's reader, which then need not decode them
   * again).
   */
  public static Bundle read(Path path, UnpackedMatrices unpacked) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    try {
      return decode(bytes, unpacked);
    } catch (BundleFormatException e) {
      throw new BundleFormatException(path + ": " + e.getMessage());
    }
  }

  /**
   * Checks that {@code bundle} is consistent (see the package documentation for what that
   * means).
   *
   * @throws BundleFormatException naming the first inconsistency found
   */
  public static void validate(Bundle bundle) throws BundleFormatException {
    BundleValidator.validate(bundle);
  }

  private static byte[] encode(Bundle bundle) throws BundleFormatException {
    validate(bundle);
    ByteString payload = bundle.toByteString();
    byte[] envelope =
        BundleFile.newBuilder()
            .setFormatVersion(FORMAT_VERSION)
            .setBundle(payload)
            .setSha256(ByteString.copyFrom(sha256(payload)))
            .build()
            .toByteArray();
    byte[] file = Arrays.copyOf(MAGIC, MAGIC.length + envelope.length);
    System.arraycopy(envelope, 0, file, MAGIC.length, envelope.length);
    return file;
  }

  // The checks run outside-in, so the message names the outermost thing that is wrong.
  private static Bundle decode(byte[] file, UnpackedMatrices unpacked) throws BundleFormatException {
    checkMagic(file);
    BundleFile envelope = parseEnvelope(file);
    if (envelope.getFormatVersion() != FORMAT_VERSION) {
      throw new BundleFormatException(
          "bundle format version " + Integer.toUnsignedString(envelope.getFormatVersion())
              + ", this runtime reads " + FORMAT_VERSION + " (build the bundle with the"
              + " wasmformer plugin of this runtime's version)");
    }
    ByteString recorded = envelope.getSha256();
    if (recorded.isEmpty()) {
      // The writer puts the checksum last, so a file cut between fields loses it first.
      throw new BundleFormatException("truncated: the checksum is missing");
    }
    if (recorded.size() != SHA256_BYTES) {
      throw new BundleFormatException(
          "damaged: the checksum has " + recorded.size() + " bytes, expected " + SHA256_BYTES);
    }
    ByteString payload = envelope.getBundle();
    // The checksum and the parse are independent: a large payload is hashed on a second
    // thread meanwhile. The checksum is still judged first, so a damaged file is reported as
    // damaged whatever its parse did.
    // A class rather than a lambda: a lambda costs a cold JVM a class spun at its first call.
    FutureTask<byte[]> hash = new FutureTask<>(new Callable<byte[]>() {
      @Override
      public byte[] call() {
        return sha256(payload);
      }
    });
    if (payload.size() >= PARALLEL_HASH_BYTES) {
      Thread hasher = new Thread(hash, "wasmformer-bundle-sha256");
      hasher.setDaemon(true);
      hasher.start();
    } else {
      hash.run();
    }
    Bundle bundle = null;
    RuntimeException parseFailure = null;
    BundleFormatException invalid = null;
    try {
      // The payload and its bytes fields (the packed matrices) are views of the file's
      // array, which nothing else holds, instead of copies of it.
      CodedInputStream input = payload.newCodedInput();
      input.enableAliasing(true);
      bundle = Bundle.parseFrom(input);
      input.checkLastTagWas(0);
      BundleValidator.validate(bundle, unpacked);
    } catch (BundleFormatException e) {
      invalid = e;
    } catch (IOException e) {   // what the parser throws: the bytes are no Bundle
      invalid = new BundleFormatException("unparsable bundle payload: " + e.getMessage());
    } catch (RuntimeException e) {   // bytes the checksum would reject can break the parser
      parseFailure = e;
    }
    byte[] actual = joinHash(hash);
    if (!Arrays.equals(actual, recorded.toByteArray())) {
      HexFormat hex = HexFormat.of();
      throw new BundleFormatException(
          "checksum mismatch: the bundle bytes hash to " + hex.formatHex(actual)
              + " but the file records " + hex.formatHex(recorded.toByteArray())
              + " (the file is damaged)");
    }
    if (parseFailure != null) {
      throw parseFailure;
    }
    if (invalid != null) {
      throw invalid;
    }
    return bundle;
  }

  private static byte[] joinHash(FutureTask<byte[]> hash) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return hash.get();
        } catch (InterruptedException e) {
          interrupted = true;   // the hash is needed; finish it and restore the flag
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) throw r;
          if (e.getCause() instanceof Error err) throw err;
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  private static void checkMagic(byte[] file) throws BundleFormatException {
    if (file.length == 0) {
      throw new BundleFormatException("not a wasmformer bundle: the file is empty");
    }
    int compared = Math.min(file.length, MAGIC.length);
    if (!Arrays.equals(file, 0, compared, MAGIC, 0, compared)) {
      throw new BundleFormatException(
          "not a wasmformer bundle: the file does not start with \"WFBUNDLE\"");
    }
    if (file.length == MAGIC.length) {
      throw new BundleFormatException("truncated: nothing follows the magic bytes");
    }
    if (file.length < MAGIC.length) {
      throw new BundleFormatException("truncated: the file ends inside the magic bytes");
    }
  }

  private static BundleFile parseEnvelope(byte[] file) throws BundleFormatException {
    try {
      // Wrapped as immutable bytes (the array is this reader's own), so that the payload is a
      // view of the file, not a ~1 MB copy of it: protobuf aliases only immutable input.
      CodedInputStream input = UnsafeByteOperations.unsafeWrap(file, MAGIC.length, file.length - MAGIC.length)
          .newCodedInput();
      input.enableAliasing(true);
      return BundleFile.parseFrom(input);
    } catch (IOException e) {
      if (endsInsideAField(file)) {
        throw new BundleFormatException(
            "truncated: the file ends inside a field (" + file.length + " bytes)");
      }
      throw new BundleFormatException("damaged: the envelope is unparsable: " + e.getMessage());
    }
  }

  /**
   * Walks the envelope's top-level fields and tells whether the last one runs past the end
   * of the file, which is what a cut-off file looks like (as opposed to garbled bytes).
   */
  private static boolean endsInsideAField(byte[] file) {
    int size = file.length - MAGIC.length;
    CodedInputStream in = CodedInputStream.newInstance(file, MAGIC.length, size);
    try {
      while (!in.isAtEnd()) {
        int tag = in.readTag();
        long remaining = size - in.getTotalBytesRead();
        switch (tag & 7) {
          case WireFormat.WIRETYPE_VARINT -> in.readRawVarint64();
          case WireFormat.WIRETYPE_FIXED64 -> {
            if (remaining < 8) return true;
            in.skipRawBytes(8);
          }
          case WireFormat.WIRETYPE_FIXED32 -> {
            if (remaining < 4) return true;
            in.skipRawBytes(4);
          }
          case WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
            int length = in.readRawVarint32();
            if (length < 0) return false;
            if (length > size - in.getTotalBytesRead()) return true;
            in.skipRawBytes(length);
          }
          default -> {
            return false;
          }
        }
      }
      return false;
    } catch (IOException e) {
      // A varint (tag, length or value) cut off by the end of the file.
      return in.getTotalBytesRead() >= size;
    }
  }

  private static byte[] sha256(ByteString bytes) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes.asReadOnlyByteBuffer());
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
