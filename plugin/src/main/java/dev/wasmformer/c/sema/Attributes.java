package dev.wasmformer.c.sema;

/** The GNU attributes we act on; others are accepted and ignored. */
public record Attributes(String exportName, String importModule, String importName) {
  public static final Attributes NONE = new Attributes(null, null, null);

  public Attributes merge(Attributes o) {
    return new Attributes(
        o.exportName != null ? o.exportName : exportName,
        o.importModule != null ? o.importModule : importModule,
        o.importName != null ? o.importName : importName);
  }
}
