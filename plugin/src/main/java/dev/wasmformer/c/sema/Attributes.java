package dev.wasmformer.c.sema;

/**
 * The GNU attributes we act on, {@code _Noreturn} (as the attribute {@code noreturn}) and
 * {@code _Alignas} (as {@code aligned}), and {@code packed}; others are accepted and ignored. {@code align} is the
 * alignment asked for, 0 for none (several ask for the largest); {@code alignas} the part of it
 * {@code _Alignas} asked, which may not be below the type's alignment (gcc's error).
 */
public record Attributes(String exportName, String importModule, String importName, boolean noreturn, int align,
    int alignas, boolean packed) {
  public static final Attributes NONE = new Attributes(null, null, null);
  /** {@code _Noreturn} or {@code __attribute__((noreturn))}: the function never returns. */
  public static final Attributes NORETURN = new Attributes(null, null, null, true, 0, 0, false);

  public Attributes(String exportName, String importModule, String importName) {
    this(exportName, importModule, importName, false, 0, 0, false);
  }

  /** {@code __attribute__((aligned(n)))}. */
  public static Attributes aligned(int align) {
    return new Attributes(null, null, null, false, align, 0, false);
  }

  /** {@code __attribute__((packed))}: on a struct, its members without padding; on a member, that member. */
  public static final Attributes PACKED = new Attributes(null, null, null, false, 0, 0, true);

  /** {@code _Alignas(n)}. */
  public static Attributes alignas(int align) {
    return new Attributes(null, null, null, false, align, align, false);
  }

  public Attributes merge(Attributes o) {
    return new Attributes(
        o.exportName != null ? o.exportName : exportName,
        o.importModule != null ? o.importModule : importModule,
        o.importName != null ? o.importName : importName,
        noreturn || o.noreturn,
        Math.max(align, o.align),
        Math.max(alignas, o.alignas),
        packed || o.packed);
  }
}
