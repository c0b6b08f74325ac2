package dev.wasmformer.plugin.codegen;

import dev.wasmformer.runtime.NumberType;
import dev.wasmformer.runtime.ValueKind;

/**
 * The Java type of a typed entry point's parameter or result, and the WebAssembly value
 * that carries it: a float travels as its bits in an {@code i32}, a double as its bits in
 * an {@code i64} (the C compiler's soft-float convention), a byte array (a C pointer
 * parameter) as the {@code i32} address where the runtime places its bytes.
 */
public enum JavaType {
  INT("int", NumberType.I32),
  LONG("long", NumberType.I64),
  FLOAT("float", NumberType.I32),
  DOUBLE("double", NumberType.I64),
  BYTES("byte[]", NumberType.I32);

  private final String spelling;
  private final NumberType wasm;

  JavaType(String spelling, NumberType wasm) {
    this.spelling = spelling;
    this.wasm = wasm;
  }

  /** The plain Java integer type of a WebAssembly value, when nothing more is known. */
  public static JavaType of(NumberType wasm) {
    return wasm == NumberType.I32 ? INT : LONG;
  }

  /** The Java type of a value as a bundle's program declares it. */
  public static JavaType of(ValueKind kind) {
    return switch (kind) {
      case I32 -> INT;
      case I64 -> LONG;
      case F32 -> FLOAT;
      case F64 -> DOUBLE;
      case BYTES -> BYTES;
    };
  }

  /** As written in Java source, e.g. {@code float}. */
  public String spelling() {
    return spelling;
  }

  /** The WebAssembly value that carries it. */
  public NumberType wasm() {
    return wasm;
  }
}
