package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** A C program in a test: compiled as {@code prog.c} (which must succeed) and run in Chicory. */
final class TestPrograms {
  private TestPrograms() {}

  static CompileResult compile(String program) {
    CompileResult r = new CCompiler().compile(new SourceFile("prog.c", program), CompileOptions.defaults());
    assertThat(r.success()).as(r.render()).isTrue();
    return r;
  }

  /** What the program prints; it must not trap. */
  static String stdout(String program) {
    CompileResult r = compile(program);
    WasmRunner.Run run = WasmRunner.run(r.wasm(), r.module(), "", List.of("prog"));
    assertThat(run.trap()).isNull();
    return run.stdout();
  }
}
