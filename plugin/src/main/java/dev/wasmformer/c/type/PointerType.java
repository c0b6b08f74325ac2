package dev.wasmformer.c.type;

/**
 * A pointer: 32 bits. {@code qualifiers} are those of the pointed-to type as written (const 1,
 * volatile 2, restrict 4) and, above them ({@link #ENUM_SHIFT}), the number of the enum type it
 * was written as (0 for none; an enum type is its underlying integer type here): only
 * {@code _Generic} and messages look at them; they are not part of the type's identity
 * ({@link #equals} ignores them).
 */
public record PointerType(Type target, int qualifiers) implements Type {
  /** Where an enum type's number starts in a {@code qualifiers} word. */
  public static final int ENUM_SHIFT = 3;

  public PointerType(Type target) {
    this(target, 0);
  }

  /** The enum number in a {@code qualifiers} word (0: not an enum type). */
  public static int enumOf(int qualifiers) {
    return qualifiers >>> ENUM_SHIFT;
  }

  /** The qualifiers proper (const, volatile, restrict) of a {@code qualifiers} word. */
  public static int qualifiersOnly(int qualifiers) {
    return qualifiers & ((1 << ENUM_SHIFT) - 1);
  }

  /**
   * Whether two {@code qualifiers} words name compatible types for {@code _Generic}: the same
   * qualifiers, and not two different enum types (an enum type is compatible with its
   * underlying type, as in gcc).
   */
  public static boolean sameWritten(int a, int b) {
    return qualifiersOnly(a) == qualifiersOnly(b) && (enumOf(a) == 0 || enumOf(b) == 0 || enumOf(a) == enumOf(b));
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
