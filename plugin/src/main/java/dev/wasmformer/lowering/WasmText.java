package dev.wasmformer.lowering;

import com.dylibso.chicory.wasm.types.OpCode;
import java.util.List;
import java.util.Locale;

/** WebAssembly text-format names of Chicory's opcodes, for messages ("i32.add", "br_if"). */
final class WasmText {
  private WasmText() {}

  private static final List<String> PREFIXES = List.of(
      "i32", "i64", "f32", "f64", "v128", "i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2",
      "local", "global", "memory", "table", "ref", "data", "elem", "struct", "array", "any",
      "extern", "i31");

  static String name(OpCode op) {
    if (op == OpCode.SELECT_T) return "select";
    String name = op.name().toLowerCase(Locale.ROOT);
    for (String prefix : PREFIXES) {
      if (name.startsWith(prefix + "_")) {
        name = prefix + "." + name.substring(prefix.length() + 1);
        break;
      }
    }
    // Chicory spells i32.extend8_s as I32_EXTEND_8_S.
    return name.replaceAll("extend_(8|16|32)_s", "extend$1_s");
  }
}
