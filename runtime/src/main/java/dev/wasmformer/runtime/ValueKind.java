package dev.wasmformer.runtime;

import java.util.Locale;

/**
 * What a program's parameter or result holds, as a caller gives or gets it ({@link
 * Program#call}): an integer, a float or double (carried as its IEEE bits, exactly as an
 * {@code i32} or {@code i64}), or a byte buffer (a C pointer parameter: the runtime places the
 * bytes in the program's memory, passes their address, and copies them back after the run).
 */
public enum ValueKind {
  /** A 32-bit integer; Java {@code int}. */
  I32(NumberType.I32, 4),
  /** A 64-bit integer; Java {@code long}. */
  I64(NumberType.I64, 8),
  /** A {@code float}, its bits carried as an i32. */
  F32(NumberType.I32, 4),
  /** A {@code double}, its bits carried as an i64. */
  F64(NumberType.I64, 8),
  /**
   * A byte buffer, Java {@code byte[]} (parameters only): the entry function receives the
   * i32 address of its bytes; the prompt carries the address and the length (8 bytes).
   */
  BYTES(NumberType.I32, 8);

  private final NumberType wasm;
  private final int promptBytes;

  ValueKind(NumberType wasm, int promptBytes) {
    this.wasm = wasm;
    this.promptBytes = promptBytes;
  }

  /** The WebAssembly value the entry function sees: I32 for I32, F32 and BYTES (an address). */
  public NumberType wasm() {
    return wasm;
  }

  /** How many argument bytes the prompt carries for it: 4 or 8. */
  public int promptBytes() {
    return promptBytes;
  }

  /**
   * A command-line argument as {@link RunOptions#withArguments} takes it: an integer in
   * decimal, or hex with {@code 0x}, as a {@code Long} ({@link Long#decode}; the run checks that
   * an i32 fits, signed or unsigned); a float or
   * double as Java reads it ({@code 1.5}, {@code -0.0}, {@code 1e-3}, {@code 0x1.8p1}, {@code
   * NaN}, {@code Infinity}); a byte buffer as text, its UTF-8 bytes.
   *
   * @throws IllegalArgumentException if the text is no such value
   */
  public Object parse(String text) {
    String t = text.trim();
    try {
      return switch (this) {
        case I32, I64 -> Long.decode(t);
        case F32 -> Float.parseFloat(t);
        case F64 -> Double.parseDouble(t);
        case BYTES -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("argument is not " + (this == I32 || this == I64 ? "an integer" : "a number")
          + ": " + text);
    }
  }

  /** The lower-case name, e.g. {@code f32}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
