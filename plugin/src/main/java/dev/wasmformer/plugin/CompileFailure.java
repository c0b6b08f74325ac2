package dev.wasmformer.plugin;

import java.util.List;

/** Programs that did not compile: every diagnostic, each ready for the build log. */
final class CompileFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<String> diagnostics;

  CompileFailure(List<String> diagnostics) {
    super(summary(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The diagnostics, each possibly several lines (a C error shows its source line and a caret). */
  List<String> diagnostics() {
    return diagnostics;
  }

  private static String summary(List<String> diagnostics) {
    String first = diagnostics.isEmpty() ? "" : diagnostics.get(0).lines().findFirst().orElse("");
    return diagnostics.size() == 1 ? first
        : diagnostics.size() + " errors; the first: " + first;
  }
}
