package dev.wasmformer.c.type;

/** A pointer: 32 bits. */
public record PointerType(Type target) implements Type {
  @Override
  public int size() {
    return 4;
  }

  @Override
  public int align() {
    return 4;
  }

  @Override
  public String spell() {
    return Types.spellDeclarator(this, "");
  }
}
