package dev.wasmformer.c.ast;

import dev.wasmformer.c.type.StructType;
import dev.wasmformer.c.type.Type;
import java.util.List;

/**
 * A resolved initializer: the object is first filled with zeros, then each item stores its
 * value at its byte offset, in order (a later designator overrides an earlier one). An
 * item's type is a scalar type, a struct type (copied from a struct value), or a char array
 * type (filled from a string literal, zero-padded); a bit-field item changes only its bits.
 */
public record Initializer(List<Item> items) {
  public Initializer {
    items = List.copyOf(items);
  }

  /** {@code bits}, when not null, makes the item a bit-field: its value goes into those bits of the unit at offset. */
  public record Item(int offset, Type type, Expr value, StructType.BitField bits) {
    public Item(int offset, Type type, Expr value) {
      this(offset, type, value, null);
    }
  }
}
