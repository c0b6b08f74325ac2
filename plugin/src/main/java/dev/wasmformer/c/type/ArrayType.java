package dev.wasmformer.c.type;

/**
 * An array; {@code length} is -1 while incomplete ({@code int a[]}) and for a variable-length
 * array, whose {@code variable} length is not null (its size is -1: only known at run time).
 */
public record ArrayType(Type element, int length, VariableLength variable) implements Type {
  public ArrayType(Type element, int length) {
    this(element, length, null);
  }

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
