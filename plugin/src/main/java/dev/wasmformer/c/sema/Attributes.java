package dev.wasmformer.c.sema;

/**
 * The GNU attributes we act on, and {@code _Noreturn} (as the attribute {@code noreturn});
 * others are accepted and ignored.
 */
public record Attributes(String exportName, String importModule, String importName, boolean noreturn) {
  public static final Attributes NONE = new Attributes(null, null, null);
  /** {@code _Noreturn} or {@code __attribute__((noreturn))}: the function never returns. */
  public static final Attributes NORETURN = new Attributes(null, null, null, true);

  public Attributes(String exportName, String importModule, String importName) {
    this(exportName, importModule, importName, false);
  }

  public Attributes merge(Attributes o) {
    return new Attributes(
        o.exportName != null ? o.exportName : exportName,
        o.importModule != null ? o.importModule : importModule,
        o.importName != null ? o.importName : importName,
        noreturn || o.noreturn);
  }
}
