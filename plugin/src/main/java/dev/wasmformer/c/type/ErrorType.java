package dev.wasmformer.c.type;

/** The type of an expression that already produced an error; it silences follow-up errors. */
public enum ErrorType implements Type {
  ERROR;

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
    return "<error>";
  }
}
