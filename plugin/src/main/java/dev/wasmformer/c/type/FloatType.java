package dev.wasmformer.c.type;

/**
 * The floating types, compiled as soft-float: float is binary32; double and long double are both
 * binary64 (long double is a distinct type that computes exactly like double, as with MSVC).
 */
public enum FloatType implements Type {
  FLOAT("float", 4),
  DOUBLE("double", 8),
  LDOUBLE("long double", 8);

  private final String spelling;
  private final int size;

  FloatType(String spelling, int size) {
    this.spelling = spelling;
    this.size = size;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int align() {
    return size;
  }

  @Override
  public String spell() {
    return spelling;
  }
}
