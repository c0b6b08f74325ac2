package dev.wasmformer.c.type;

/** An array; {@code length} is -1 while incomplete ({@code int a[]}). */
public record ArrayType(Type element, int length) implements Type {
  @Override
  public int size() {
    return length < 0 || element.size() < 0 ? -1 : element.size() * length;
  }

  @Override
  public int align() {
    return element.align();
  }

  @Override
  public String spell() {
    return Types.spellDeclarator(this, "");
  }
}
