package dev.wasmformer.c.type;

/** The type void. */
public enum VoidType implements Type {
  VOID;

  @Override
  public int size() {
    return -1;
  }

  @Override
  public int align() {
    return 1;
  }

  @Override
  public String spell() {
    return "void";
  }
}
