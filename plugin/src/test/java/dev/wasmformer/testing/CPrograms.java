package dev.wasmformer.testing;

/** Small C programs that several tests compile. */
public final class CPrograms {
  private CPrograms() {}

  /** An exported {@code fib(n)} by a loop: short traces whose prompt has an argument. */
  public static final String LOOP_FIB = """
      __attribute__((export_name("fib")))
      int fib(int n) {
        int a = 0, b = 1;
        for (int i = 0; i < n; i++) { int t = a + b; a = b; b = t; }
        return a;
      }
      """;
}
