package dev.wasmformer.testing;

import com.dylibso.chicory.wabt.Wat2Wasm;

/** Assembles WebAssembly text into a binary module, in process (wabt compiled to Java). */
public final class Wat {
  private Wat() {}

  public static byte[] assemble(String wat) {
    try {
      return Wat2Wasm.parse(wat);
    } catch (RuntimeException e) {
      // wat2wasm reports its diagnostics on its own stderr; say at least which text failed.
      throw new IllegalArgumentException("wat2wasm rejected:\n" + wat, e);
    }
  }
}
