package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void helloWorldPrintsAndExitsWithMainsResult() {
    String src = """
        #include <stdio.h>
        int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
        int main(void) {
          printf("hello %d %s %5.3d|%-4x|\\n", fib(10), "world", 7, 255);
          return 3;
        }
        """;
    CompileResult r = new CCompiler().compile(new SourceFile("hello.c", src), CompileOptions.defaults());
    assertThat(r.success()).as(r.render()).isTrue();
    WasmRunner.Run run = WasmRunner.run(r.wasm(), r.module(), "", List.of("hello"));
    assertThat(run.trap()).isNull();
    assertThat(run.stdout()).isEqualTo("hello 55 world   007|ff  |\n");
    assertThat(run.status()).isEqualTo(3);
  }
}
