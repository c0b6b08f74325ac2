package dev.wasmformer.runtime.state;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Writes a decoder's state as little-endian primitives and length-prefixed arrays (a null
 * array as length -1), with section tags that {@link StateReader#tag} checks.
 */
public final class StateWriter {
  private ByteBuffer out = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

  private ByteBuffer room(long bytes) {
    if (out.remaining() < bytes) {
      long need = out.position() + bytes;
      int capacity = Math.toIntExact(Math.max(need, Math.min(Integer.MAX_VALUE - 16, 2L * out.capacity())));
      ByteBuffer grown = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
      out.flip();
      grown.put(out);
      out = grown;
    }
    return out;
  }

  /** A section tag: the reader checks it, so that a drift shows at the next section. */
  public void tag(int tag) {
    room(4).putInt(tag);
  }

  public void writeBoolean(boolean v) {
    room(1).put((byte) (v ? 1 : 0));
  }

  public void writeInt(int v) {
    room(4).putInt(v);
  }

  public void writeLong(long v) {
    room(8).putLong(v);
  }

  public void writeDouble(double v) {
    room(8).putLong(Double.doubleToRawLongBits(v));
  }

  /** The first {@code length} ints of {@code a} (null: length -1). */
  public void writeInts(int[] a, int length) {
    if (a == null) {
      writeInt(-1);
      return;
    }
    writeInt(length);
    ByteBuffer b = room(4L * length);
    b.asIntBuffer().put(a, 0, length);
    b.position(b.position() + 4 * length);
  }

  public void writeInts(int[] a) {
    writeInts(a, a == null ? 0 : a.length);
  }

  public void writeLongs(long[] a, int length) {
    if (a == null) {
      writeInt(-1);
      return;
    }
    writeInt(length);
    ByteBuffer b = room(8L * length);
    b.asLongBuffer().put(a, 0, length);
    b.position(b.position() + 8 * length);
  }

  public void writeLongs(long[] a) {
    writeLongs(a, a == null ? 0 : a.length);
  }

  /** Doubles as their raw bits, so that every value (and -0.0, NaN payloads) comes back the same. */
  public void writeDoubles(double[] a, int length) {
    if (a == null) {
      writeInt(-1);
      return;
    }
    writeInt(length);
    ByteBuffer b = room(8L * length);
    b.asDoubleBuffer().put(a, 0, length);
    b.position(b.position() + 8 * length);
  }

  public void writeDoubles(double[] a) {
    writeDoubles(a, a == null ? 0 : a.length);
  }

  public void writeBooleans(boolean[] a) {
    if (a == null) {
      writeInt(-1);
      return;
    }
    writeInt(a.length);
    ByteBuffer b = room(a.length);
    for (boolean v : a) b.put((byte) (v ? 1 : 0));
  }

  public void writeBytes(byte[] a) {
    if (a == null) {
      writeInt(-1);
      return;
    }
    writeInt(a.length);
    room(a.length).put(a);
  }

  /** The bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(out.array(), out.position());
  }
}
