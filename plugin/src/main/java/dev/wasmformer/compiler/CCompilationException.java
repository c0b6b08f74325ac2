package dev.wasmformer.compiler;

import dev.wasmformer.c.CompileResult;
import dev.wasmformer.c.Diagnostic;
import java.util.List;

/** C sources that did not compile; the message is every diagnostic, rendered with its source line. */
public final class CCompilationException extends RuntimeException {
  private final transient CompileResult result;

  public CCompilationException(CompileResult result) {
    super(result.render());
    this.result = result;
  }

  /** Every diagnostic, errors and warnings. */
  public List<Diagnostic> diagnostics() {
    return result.diagnostics();
  }
}
