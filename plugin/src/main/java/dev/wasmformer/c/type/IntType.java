package dev.wasmformer.c.type;

/** The integer types, with their wasm32 sizes and conversion ranks. */
public enum IntType implements Type {
  BOOL("_Bool", 1, false, 0),
  CHAR("char", 1, true, 1),
  SCHAR("signed char", 1, true, 1),
  UCHAR("unsigned char", 1, false, 1),
  SHORT("short", 2, true, 2),
  USHORT("unsigned short", 2, false, 2),
  INT("int", 4, true, 3),
  UINT("unsigned int", 4, false, 3),
  LONG("long", 4, true, 4),
  ULONG("unsigned long", 4, false, 4),
  LLONG("long long", 8, true, 5),
  ULLONG("unsigned long long", 8, false, 5);

  private final String spelling;
  private final int size;
  private final boolean signed;
  private final int rank;

  IntType(String spelling, int size, boolean signed, int rank) {
    this.spelling = spelling;
    this.size = size;
    this.signed = signed;
    this.rank = rank;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int align() {
    return size;
  }

  public boolean isSigned() {
    return signed;
  }

  public int rank() {
    return rank;
  }

  /** True if the type is 64 bits wide (a wasm i64 value). */
  public boolean isWide() {
    return size == 8;
  }

  public IntType toUnsigned() {
    return switch (this) {
      case CHAR, SCHAR -> UCHAR;
      case SHORT -> USHORT;
      case INT -> UINT;
      case LONG -> ULONG;
      case LLONG -> ULLONG;
      default -> this;
    };
  }

  /** Smallest value of the type. */
  public long min() {
    if (!signed) return 0;
    return size == 8 ? Long.MIN_VALUE : -(1L << (size * 8 - 1));
  }

  /** Largest value of the type (as unsigned bits for unsigned long long). */
  public long max() {
    if (this == BOOL) return 1;
    if (size == 8) return signed ? Long.MAX_VALUE : -1L;
    return signed ? (1L << (size * 8 - 1)) - 1 : (1L << (size * 8)) - 1;
  }

  /** Converts a value to this type, as a C conversion does (modulo 2^n, or to 0/1). */
  public long wrap(long value) {
    if (this == BOOL) return value != 0 ? 1 : 0;
    return switch (size) {
      case 1 -> signed ? (byte) value : value & 0xFF;
      case 2 -> signed ? (short) value : value & 0xFFFF;
      case 4 -> signed ? (int) value : value & 0xFFFF_FFFFL;
      default -> value;
    };
  }

  @Override
  public String spell() {
    return spelling;
  }
}
