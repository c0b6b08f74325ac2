package dev.wasmformer.testing;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** Runs a WASI command on Chicory with Chicory's own WASI implementation: the outside reference. */
public final class ChicoryWasi {
  /** What the run wrote to stdout and stderr (the same bytes when merged), and its exit status. */
  public record Run(byte[] stdout, byte[] stderr, int status) {}

  private ChicoryWasi() {}

  /**
   * Calls {@code _start}; {@code merged} sends stderr to the stdout stream, as the transformer's
   * single output does.
   */
  public static Run run(byte[] wasm, List<String> argv, byte[] stdin, boolean merged) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = merged ? out : new ByteArrayOutputStream();
    WasiOptions options = WasiOptions.builder()
        .withStdout(out)
        .withStderr(err)
        .withStdin(new ByteArrayInputStream(stdin))
        .withArguments(argv)
        .build();
    int status = 0;
    try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
      Instance instance = Instance.builder(Parser.parse(wasm))
          .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
          .withStart(false)
          .build();
      instance.export("_start").apply();
    } catch (WasiExitException e) {
      status = e.exitCode();
    }
    return new Run(out.toByteArray(), err.toByteArray(), status & 0xFF);
  }
}
