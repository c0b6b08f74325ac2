package dev.wasmformer.wasm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A growable byte buffer with the LEB128 and name encodings of the binary format. */
final class ByteSink {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  void u8(int b) {
    out.write(b);
  }

  void bytes(byte[] b) {
    out.writeBytes(b);
  }

  /** Unsigned LEB128 of a 32-bit value (treated as unsigned). */
  void u32(long value) {
    long v = value & 0xFFFF_FFFFL;
    do {
      int b = (int) (v & 0x7F);
      v >>>= 7;
      if (v != 0) b |= 0x80;
      out.write(b);
    } while (v != 0);
  }

  /** Signed LEB128 of any 64-bit value; also used for i32 constants. */
  void s64(long value) {
    boolean more = true;
    while (more) {
      int b = (int) (value & 0x7F);
      value >>= 7;
      boolean signBitSet = (b & 0x40) != 0;
      if ((value == 0 && !signBitSet) || (value == -1 && signBitSet)) {
        more = false;
      } else {
        b |= 0x80;
      }
      out.write(b);
    }
  }

  void name(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    u32(b.length);
    bytes(b);
  }

  /** Writes another sink's content prefixed with its length (a section or a body). */
  void sized(ByteSink inner) {
    u32(inner.size());
    bytes(inner.toByteArray());
  }

  int size() {
    return out.size();
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
