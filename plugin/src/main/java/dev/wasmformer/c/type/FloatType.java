package dev.wasmformer.c.type;

/** The floating types: parsed and typed, but not yet compiled (no soft-float yet). */
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
