package dev.wasmformer.wasm;

import java.util.List;

/** A WebAssembly function signature. */
public record FuncType(List<ValType> params, List<ValType> results) {
  public FuncType {
    params = List.copyOf(params);
    results = List.copyOf(results);
    if (results.size() > 1) {
      throw new IllegalArgumentException("multiple results are not part of the MVP format");
    }
  }

  public static FuncType of(List<ValType> params, ValType result) {
    return new FuncType(params, result == null ? List.of() : List.of(result));
  }

  @Override
  public String toString() {
    return params + " -> " + results;
  }
}
