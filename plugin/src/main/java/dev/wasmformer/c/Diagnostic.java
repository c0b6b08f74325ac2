package dev.wasmformer.c;

/**
 * A located message about a C program. {@code line} and {@code column} are 1-based; both
 * are 0 for a message without a location (for example a link error of the whole program).
 */
public record Diagnostic(
    Severity severity, String file, int line, int column, String message, String sourceLine) {

  /** How serious a diagnostic is; only errors stop compilation. */
  public enum Severity {
    ERROR, WARNING, NOTE;

    String label() {
      return name().toLowerCase();
    }
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * Renders the diagnostic as {@code file:line:col: error: message}, followed (when the
   * location is known) by the source line and a caret under the column.
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    if (file != null && !file.isEmpty()) {
      sb.append(file).append(':');
      if (line > 0) sb.append(line).append(':').append(column).append(':');
      sb.append(' ');
    }
    sb.append(severity.label()).append(": ").append(message);
    if (line > 0 && sourceLine != null) {
      sb.append('\n').append(sourceLine).append('\n');
      // Tabs are copied so the caret lines up however the terminal expands them.
      for (int i = 0; i < column - 1 && i < sourceLine.length(); i++) {
        sb.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
      }
      for (int i = sourceLine.length(); i < column - 1; i++) sb.append(' ');
      sb.append('^');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
