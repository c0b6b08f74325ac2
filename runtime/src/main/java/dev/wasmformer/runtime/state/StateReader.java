package dev.wasmformer.runtime.state;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads what a {@link StateWriter} wrote, checking as it goes: tags, array lengths against
 * the bytes left (before allocating) and against the lengths the caller expects.
 */
public final class StateReader {
  /** Any length will do (within the bytes left). */
  public static final int ANY = -2;

  private final ByteBuffer in;

  public StateReader(byte[] bytes) {
    this(ByteBuffer.wrap(bytes));
  }

  /** Reads {@code bytes} from its position to its limit (a view: the buffer is not changed). */
  public StateReader(ByteBuffer bytes) {
    in = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  private ByteBuffer need(long bytes) throws StateFormatException {
    if (bytes < 0 || in.remaining() < bytes) {
      throw new StateFormatException("truncated at byte " + in.position() + ": " + bytes + " more expected, "
          + in.remaining() + " left");
    }
    return in;
  }

  /** Checks the section tag {@link StateWriter#tag} wrote here. */
  public void tag(int tag) throws StateFormatException {
    int found = need(4).getInt();
    if (found != tag) {
      throw new StateFormatException("section tag " + Integer.toHexString(found) + " at byte " + (in.position() - 4)
          + ", expected " + Integer.toHexString(tag));
    }
  }

  public boolean readBoolean() throws StateFormatException {
    byte b = need(1).get();
    if (b != 0 && b != 1) throw new StateFormatException("a boolean of value " + b + " at byte " + (in.position() - 1));
    return b == 1;
  }

  public int readInt() throws StateFormatException {
    return need(4).getInt();
  }

  /** An int in [min, max]. */
  public int readInt(int min, int max, String what) throws StateFormatException {
    int v = readInt();
    return check(v, min, max, what);
  }

  public long readLong() throws StateFormatException {
    return need(8).getLong();
  }

  /** A long in [min, max]. */
  public long readLong(long min, long max, String what) throws StateFormatException {
    long v = readLong();
    if (v < min || v > max) throw new StateFormatException(what + " is " + v + ", outside " + min + ".." + max);
    return v;
  }

  public double readDouble() throws StateFormatException {
    return Double.longBitsToDouble(need(8).getLong());
  }

  /** An int in [min, max], else a format error naming {@code what}. */
  public static int check(int v, int min, int max, String what) throws StateFormatException {
    if (v < min || v > max) throw new StateFormatException(what + " is " + v + ", outside " + min + ".." + max);
    return v;
  }

  /** A length: -1 (null) when {@code nullable}, else {@code expected} unless that is {@link #ANY}. */
  private int length(int expected, boolean nullable, int unit, String what) throws StateFormatException {
    int n = readInt();
    if (n == -1 && nullable) return -1;
    if (n < 0 || (expected != ANY && n != expected)) {
      throw new StateFormatException(what + " has length " + n
          + (expected == ANY ? "" : ", expected " + expected) + (nullable ? " (or none)" : ""));
    }
    need((long) n * unit);
    return n;
  }

  public int[] readInts(int expected, boolean nullable, String what) throws StateFormatException {
    int n = length(expected, nullable, 4, what);
    if (n < 0) return null;
    int[] a = new int[n];
    in.asIntBuffer().get(a);
    in.position(in.position() + 4 * n);
    return a;
  }

  public long[] readLongs(int expected, boolean nullable, String what) throws StateFormatException {
    int n = length(expected, nullable, 8, what);
    if (n < 0) return null;
    long[] a = new long[n];
    in.asLongBuffer().get(a);
    in.position(in.position() + 8 * n);
    return a;
  }

  public double[] readDoubles(int expected, boolean nullable, String what) throws StateFormatException {
    int n = length(expected, nullable, 8, what);
    if (n < 0) return null;
    double[] a = new double[n];
    in.asDoubleBuffer().get(a);
    in.position(in.position() + 8 * n);
    return a;
  }

  public boolean[] readBooleans(int expected, boolean nullable, String what) throws StateFormatException {
    int n = length(expected, nullable, 1, what);
    if (n < 0) return null;
    boolean[] a = new boolean[n];
    for (int i = 0; i < n; i++) a[i] = readBoolean();
    return a;
  }

  public byte[] readBytes(int expected, boolean nullable, String what) throws StateFormatException {
    int n = length(expected, nullable, 1, what);
    if (n < 0) return null;
    byte[] a = new byte[n];
    in.get(a);
    return a;
  }

  /** Every int of {@code a} in [min, max] (null passes). */
  public static int[] within(int[] a, int min, int max, String what) throws StateFormatException {
    return within(a, a == null ? 0 : a.length, min, max, what);
  }

  /** Every int of {@code a[0 .. length)} in [min, max] (null passes). */
  public static int[] within(int[] a, int length, int min, int max, String what) throws StateFormatException {
    if (a != null) {
      for (int i = 0; i < length; i++) {
        if (a[i] < min || a[i] > max) check(a[i], min, max, what + "[" + i + "]");   // the message only on failure
      }
    }
    return a;
  }

  /** Checks that every byte was read. */
  public void end() throws StateFormatException {
    if (in.hasRemaining()) {
      throw new StateFormatException(in.remaining() + " bytes after the end of the state");
    }
  }
}
