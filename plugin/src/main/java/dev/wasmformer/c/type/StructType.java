package dev.wasmformer.c.type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A struct or union. Identity is the declaration: two struct types are the same type only
 * if they are the same object. It starts incomplete and is completed once by its
 * definition.
 */
public final class StructType implements Type {
  /**
   * A member; {@code name} is null for an anonymous struct or union member. A bit-field's
   * {@code offset} is that of its storage unit and {@code bits} says where in it the field is.
   */
  public record Member(String name, Type type, int offset, BitField bits) {
    public Member(String name, Type type, int offset) {
      this(name, type, offset, null);
    }
  }

  /**
   * Where a bit-field lies: bits {@code shift} .. {@code shift + width - 1} (counted from the
   * least significant, wasm32 being little-endian) of the storage unit, an object of type
   * {@code unit} at the member's offset: the field's {@code declared} type, except in a packed
   * struct, where it is the narrowest integer of the declared type's signedness that covers
   * the field's bytes.
   */
  public record BitField(IntType unit, int shift, int width, IntType declared) {
    public BitField(IntType unit, int shift, int width) {
      this(unit, shift, width, unit);
    }

    public boolean isSigned() {
      return unit.isSigned();
    }

    public long mask() {
      return width == 64 ? -1L : (1L << width) - 1;
    }
  }

  /** A member found by name, possibly inside anonymous members, with its total offset. */
  public record Found(Type type, int offset, BitField bits) {}

  /**
   * The complex types, each a struct of its real and imaginary parts (C99 6.2.5p13: an array
   * of two elements of the corresponding real type), so that they are laid out, copied,
   * passed and returned as clang's wasm32 ABI does with them: as such a struct.
   */
  public static final StructType COMPLEX_FLOAT = complex(FloatType.FLOAT);
  public static final StructType COMPLEX_DOUBLE = complex(FloatType.DOUBLE);
  public static final StructType COMPLEX_LDOUBLE = complex(FloatType.LDOUBLE);
  /** GNU's complex integer types ({@code _Complex int}, {@code 2i}), one per integer type but _Bool. */
  private static final java.util.Map<IntType, StructType> COMPLEX_INTEGERS = new java.util.EnumMap<>(IntType.class);

  static {
    for (IntType t : IntType.values()) if (t != IntType.BOOL) COMPLEX_INTEGERS.put(t, complex(t));
  }

  private final String tag;
  private final boolean union;
  private Type complexPart;
  private List<Member> members;
  private int size = -1;
  private int align = 1;
  /** Of an {@code _Atomic} struct: the struct it is the atomic form of; else null. */
  private StructType plain;
  private StructType atomic;

  public StructType(String tag, boolean union) {
    this.tag = tag;
    this.union = union;
  }

  private static StructType complex(Type part) {
    StructType t = new StructType(null, false);
    t.complete(List.of("__real__", "__imag__"), List.of(part, part));
    t.complexPart = part;
    return t;
  }

  /** The complex type whose parts are of the floating or integer (not _Bool) type {@code part}. */
  public static StructType complexOf(Type part) {
    if (part instanceof IntType i) return COMPLEX_INTEGERS.get(i);
    return part == FloatType.FLOAT ? COMPLEX_FLOAT : part == FloatType.LDOUBLE ? COMPLEX_LDOUBLE : COMPLEX_DOUBLE;
  }

  /**
   * The {@code _Atomic} form of this complete struct or union: the same members, aligned as gcc
   * aligns an atomic type, to its size when that is 1, 2, 4, 8 or 16 bytes. One thread runs, so
   * reading and writing it are plain copies.
   */
  public StructType atomic() {
    if (plain != null) return this;
    if (atomic == null) {
      atomic = new StructType(tag, union);
      atomic.members = members;
      atomic.size = size;
      atomic.align = Integer.bitCount(size) == 1 && size <= 16 ? Math.max(align, size) : align;
      atomic.plain = this;
    }
    return atomic;
  }

  /** The struct without {@code _Atomic}: what reading an atomic one gives (C11 6.3.2.1p2). */
  public StructType unqualified() {
    return plain == null ? this : plain;
  }

  /** The type of a complex type's parts, or null for a struct or union. */
  public Type complexPart() {
    return complexPart;
  }

  public String tag() {
    return tag;
  }

  public boolean isUnion() {
    return union;
  }

  public List<Member> members() {
    return members == null ? List.of() : members;
  }

  /** Lays the members out in declaration order (offsets aligned; unions overlap). */
  public void complete(List<String> names, List<Type> types) {
    int n = names.size();
    complete(names, types, Collections.nCopies(n, null), Collections.nCopies(n, 0), Collections.nCopies(n, false), 0, 0);
  }

  /**
   * Lays the members out in declaration order (offsets aligned; unions overlap).
   *
   * <p>A non-null {@code widths} entry makes the member a bit-field of that width (its type an
   * {@link IntType}), laid out as the System V psABI (gcc, clang for wasm32) does: a field
   * goes at the next free bit unless it would then cross the end of a storage unit of its
   * type aligned to that type's alignment, in which case it starts the next such unit; a
   * width of 0 (unnamed) moves to the next such unit boundary. A named bit-field aligns the
   * struct as its type does, an unnamed one does not. Unnamed bit-fields are not members.
   *
   * <p>{@code aligns} are the alignments {@code _Alignas} or {@code aligned} ask for, per
   * member (0 for none; a member's alignment is the larger of its type's and this, bit-fields
   * excepted), {@code minAlign} the struct's own (0 for none); asking for less than the type's
   * alignment changes nothing, as gcc has it for members. A {@code packed} member (gcc's
   * {@code packed} on the struct or the member) takes no padding before it, its alignment
   * being 1 or what {@code aligns} asks; a packed bit-field starts at the next free bit, its
   * storage unit the bytes it covers. {@code alignCap} (0 for none) caps every member's
   * alignment, as {@code #pragma pack(n)} does (a bit-field's storage unit is then aligned to
   * the cap). Returns the name of a packed bit-field that would cover more than 8 bytes (then
   * laid out as if unpacked), or null.
   */
  public String complete(List<String> names, List<Type> types, List<Integer> widths, List<Integer> aligns,
      List<Boolean> packed, int minAlign, int alignCap) {
    if (members != null) throw new IllegalStateException("struct already complete");
    String straddling = null;
    List<Member> laid = new ArrayList<>();
    long bit = 0; // the next free bit of a struct
    int maxAlign = 1;
    long maxBits = 0;
    for (int i = 0; i < names.size(); i++) {
      Type t = types.get(i);
      int a = alignCap > 0 ? Math.min(t.align(), alignCap) : t.align();
      Integer width = widths.get(i);
      if (width != null && packed.get(i) && width > 0) {
        int w = width;
        long at = union ? 0 : bit;
        int shift = (int) (at % 8);
        IntType unit = unitCovering((IntType) t, shift + w);
        if (unit != null) {
          if (names.get(i) != null) {
            laid.add(new Member(names.get(i), t, (int) (at / 8), new BitField(unit, shift, w, (IntType) t)));
          }
          if (union) maxBits = Math.max(maxBits, w); else bit = at + w;
          continue;
        }
        straddling = names.get(i);
      }
      if (width != null) {
        int w = width;
        long unitBits = 8L * t.size(), alignBits = 8L * a;
        long at = union ? 0 : bit;
        if (w == 0 || (at % alignBits) + w > unitBits) at = Types.alignTo((int) at, (int) alignBits);
        if (names.get(i) != null) {
          maxAlign = Math.max(maxAlign, a);
          long unit = at - at % alignBits;
          laid.add(new Member(names.get(i), t, (int) (unit / 8), new BitField((IntType) t, (int) (at - unit), w)));
        }
        if (union) maxBits = Math.max(maxBits, w); else bit = at + w;
        continue;
      }
      a = Math.max(packed.get(i) ? 1 : a, alignCap > 0 ? Math.min(aligns.get(i), alignCap) : aligns.get(i));
      maxAlign = Math.max(maxAlign, a);
      long memberBits = 8L * Math.max(t.size(), 0); // a flexible array member adds nothing
      if (union) {
        laid.add(new Member(names.get(i), t, 0));
        maxBits = Math.max(maxBits, memberBits);
      } else {
        int offset = Types.alignTo((int) ((bit + 7) / 8), a);
        laid.add(new Member(names.get(i), t, offset));
        bit = 8L * offset + memberBits;
      }
    }
    this.members = List.copyOf(laid);
    maxAlign = Math.max(maxAlign, minAlign);
    this.align = maxAlign;
    this.size = Types.alignTo((int) (((union ? maxBits : bit) + 7) / 8), maxAlign);
    return straddling;
  }

  /** The narrowest integer type of {@code declared}'s signedness of at least {@code bits} bits, or null past 64. */
  private static IntType unitCovering(IntType declared, int bits) {
    boolean signed = declared.isSigned();
    if (bits <= 8) return signed ? IntType.SCHAR : IntType.UCHAR;
    if (bits <= 16) return signed ? IntType.SHORT : IntType.USHORT;
    if (bits <= 32) return signed ? IntType.INT : IntType.UINT;
    if (bits <= 64) return signed ? IntType.LLONG : IntType.ULLONG;
    return null;
  }

  public Found find(String name) {
    for (Member m : members()) {
      if (name.equals(m.name())) return new Found(m.type(), m.offset(), m.bits());
      if (m.name() == null && m.type() instanceof StructType inner) {
        Found f = inner.find(name);
        if (f != null) return new Found(f.type(), m.offset() + f.offset(), f.bits());
      }
    }
    return null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int align() {
    return align;
  }

  @Override
  public String spell() {
    if (complexPart != null) return "complex " + complexPart.spell();
    if (plain != null) return "_Atomic " + plain.spell();
    return (union ? "union " : "struct ") + (tag == null ? "<anonymous>" : tag);
  }

  @Override
  public String toString() {
    return spell();
  }
}
