package dev.wasmformer.c;

/**
 * Thrown inside the compiler to abandon the current construct after its diagnostic has been
 * recorded; callers catch it at a recovery point (a statement, a declaration, a file).
 */
public final class CompileError extends RuntimeException {
  private final Diagnostic diagnostic;

  public CompileError(Diagnostic diagnostic) {
    super(diagnostic.render(), null, false, false);
    this.diagnostic = diagnostic;
  }

  public Diagnostic diagnostic() {
    return diagnostic;
  }
}
