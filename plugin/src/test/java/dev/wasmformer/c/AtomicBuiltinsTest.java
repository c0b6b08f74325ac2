package dev.wasmformer.c;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What of gcc's {@code __atomic_*} builtins c/features/atomic_builtins.c cannot compare with
 * gcc's build: the generic forms on objects of sizes other than 1, 2, 4 and 8 bytes (gcc calls
 * libatomic for them, which needs {@code -latomic}, and clang's wasm32 build needs a library
 * wasi-libc lacks), and {@code __atomic_is_lock_free} of a size that is not constant
 * (libatomic also looks at the object's address; ours does not).
 */
class AtomicBuiltinsTest {
  @Test
  void genericFormsCompareAndCopyObjectsOfAnySize() {
    String program = """
        #include <stdio.h>
        struct odd { char c[3]; };
        struct twelve { int a, b, c; };
        int main(int argc, char **argv) {
          struct odd a = {{1, 2, 3}}, e = {{1, 2, 3}}, d = {{7, 8, 9}};
          int r = __atomic_compare_exchange(&a, &e, &d, 0, 5, 5);
          printf("%d %d %d %d\\n", r, a.c[0], a.c[1], a.c[2]);
          e.c[2] = 4;
          r = __atomic_compare_exchange(&a, &e, &d, 0, 5, 5);
          printf("%d %d %d\\n", r, e.c[0], e.c[2]);
          struct twelve t = {1, 2, 3}, u = {1, 2, 4}, v = {5, 6, 7}, w;
          r = __atomic_compare_exchange(&t, &u, &v, 0, 5, 5);
          printf("%d %d %d\\n", r, t.a, u.c);
          r = __atomic_compare_exchange(&t, &u, &v, 0, 5, 5);
          printf("%d %d %d\\n", r, t.a, t.c);
          __atomic_load(&t, &w, 5);
          __atomic_exchange(&w, &u, &v, 5);
          printf("%d %d %d\\n", w.c, v.c, u.c);
          printf("%d %d %d\\n", __atomic_is_lock_free(argc + 3, 0), __atomic_is_lock_free(argc + 2, 0),
                 __atomic_is_lock_free(argc + 7, &t));
          return 0;
        }
        """;
    CompileResult r = new CCompiler().compile(new SourceFile("prog.c", program), CompileOptions.defaults());
    assertThat(r.success()).as(r.render()).isTrue();
    WasmRunner.Run run = WasmRunner.run(r.wasm(), r.module(), "", List.of("prog"));
    // gcc 12 with -latomic prints the same but "1 1 0" on the last line (sizes 4, 3 and 8)
    assertThat(run.stdout()).isEqualTo("1 7 8 9\n0 7 9\n0 1 3\n1 5 7\n3 7 3\n1 0 1\n");
  }
}
