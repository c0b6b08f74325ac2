package dev.wasmformer.c;

import dev.wasmformer.c.lex.SourcePos;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the diagnostics of one compilation, dropping exact repeats. */
public final class Diagnostics {
  /** After this many errors the compilation stops: later ones are mostly consequences. */
  public static final int MAX_ERRORS = 50;

  private final List<Diagnostic> list = new ArrayList<>();
  private final Set<Diagnostic> seen = new HashSet<>();
  private int errors;

  /** Records an error; stops the compilation (by throwing) once too many accumulated. */
  public Diagnostic error(SourcePos pos, String message) {
    Diagnostic d = add(Diagnostic.Severity.ERROR, pos, message);
    if (errors >= MAX_ERRORS) {
      throw new TooManyErrors();
    }
    return d;
  }

  public void warning(SourcePos pos, String message) {
    add(Diagnostic.Severity.WARNING, pos, message);
  }

  /** Records an error and returns the exception that abandons the current construct. */
  public CompileError fail(SourcePos pos, String message) {
    return new CompileError(error(pos, message));
  }

  public boolean hasErrors() {
    return errors > 0;
  }

  public int errorCount() {
    return errors;
  }

  public List<Diagnostic> all() {
    return List.copyOf(list);
  }

  private Diagnostic add(Diagnostic.Severity severity, SourcePos pos, String message) {
    Diagnostic d = pos == null
        ? new Diagnostic(severity, "", 0, 0, message, null)
        : new Diagnostic(severity, pos.file().path(), pos.line(), pos.column(), message,
            pos.line() > 0 ? pos.file().line(pos.line()) : null);
    if (seen.add(d)) {
      list.add(d);
      if (severity == Diagnostic.Severity.ERROR) errors++;
    }
    return d;
  }

  /** Ends a compilation that produced too many errors. */
  public static final class TooManyErrors extends RuntimeException {
    TooManyErrors() {
      super("too many errors", null, false, false);
    }
  }
}
