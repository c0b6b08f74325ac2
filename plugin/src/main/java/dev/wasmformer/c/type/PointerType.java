package dev.wasmformer.c.type;

/**
 * A pointer: 32 bits. {@code qualifiers} are those of the pointed-to type as written (const 1,
 * volatile 2, restrict 4): only {@code _Generic} and messages look at them; like every
 * qualifier they are not part of the type's identity ({@link #equals} ignores them).
 */
public record PointerType(Type target, int qualifiers) implements Type {
  public PointerType(Type target) {
    this(target, 0);
  }

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

  @Override
  public boolean equals(Object o) {
    return o instanceof PointerType p && target.equals(p.target);
  }

  @Override
  public int hashCode() {
    return target.hashCode();
  }
}
