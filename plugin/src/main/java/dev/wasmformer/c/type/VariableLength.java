package dev.wasmformer.c.type;

/**
 * The length of a variable-length array (C99 6.7.6.2), known only at run time. It is an
 * identity: semantic analysis evaluates the length expression once, where the declarator is
 * reached, into a hidden local that it keeps for this object, so that every use of the type
 * (sizeof, indexing, pointer arithmetic) reads the same count. {@code [*]} in a prototype is
 * one too, never evaluated.
 */
public final class VariableLength {
  private final String spelling;

  public VariableLength(String spelling) {
    this.spelling = spelling;
  }

  /** How the length reads in messages ({@code *} for an unspecified one). */
  public String spelling() {
    return spelling;
  }

  @Override
  public String toString() {
    return spelling;
  }
}
