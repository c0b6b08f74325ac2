package dev.wasmformer.c;

import java.util.List;
import java.util.Optional;

/**
 * An exported function's boundary in C terms: what each of its WebAssembly parameters and
 * its result carry. The wasm types alone cannot tell a float from an int, since soft-float
 * carries a float as its bits in an i32 and a double as its bits in an i64.
 *
 * @param params one per WebAssembly parameter, in order (a hidden struct-result address or
 *     variadic-area address is an {@link Scalar#INT32})
 * @param result the result, if the function returns a value
 */
public record ExportSignature(List<Scalar> params, Optional<Scalar> result) {
  public ExportSignature {
    params = List.copyOf(params);
  }

  /** What one WebAssembly value of the boundary holds. */
  public enum Scalar {
    /** A 32-bit integer (or a hidden address the ABI adds): wasm {@code i32}. */
    INT32,
    /**
     * A C pointer, wasm {@code i32}: as a parameter, a host passes a byte buffer it places in
     * the argument area; as a result, only an address in the program's memory.
     */
    POINTER,
    /** A 64-bit integer ({@code long long}): wasm {@code i64}. */
    INT64,
    /** A C {@code float}, its IEEE bits in a wasm {@code i32}. */
    FLOAT,
    /** A C {@code double}, its IEEE bits in a wasm {@code i64}. */
    DOUBLE;

    /** Whether the value takes a 64-bit wasm value. */
    public boolean isWide() {
      return this == INT64 || this == DOUBLE;
    }
  }
}
