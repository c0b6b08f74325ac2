package dev.wasmformer.c.type;

import java.util.List;

/**
 * A function type. {@code prototyped} is false for {@code int f()}: the parameters are then
 * unknown and calls pass promoted arguments.
 */
public record FunctionType(Type result, List<Type> params, boolean variadic, boolean prototyped)
    implements Type {
  public FunctionType {
    params = List.copyOf(params);
  }

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
    return Types.spellDeclarator(this, "");
  }
}
