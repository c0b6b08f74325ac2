package dev.wasmformer.plugin;

import com.dylibso.chicory.wabt.Wat2Wasm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Small WebAssembly programs for the goals' tests, assembled from text once per JVM. */
public final class TestPrograms {
  /** add(a, b) = a + b. */
  public static final String ADD = """
      (module
        (func (export "add") (param i32 i32) (result i32)
          local.get 0
          local.get 1
          i32.add))
      """;

  /** fib(n): the n-th Fibonacci number, iteratively (fib(0) = 0, fib(1) = 1). */
  public static final String FIB = """
      (module
        (func (export "fib") (param $n i32) (result i32)
          (local $a i32) (local $b i32) (local $t i32)
          i32.const 1
          local.set $b
          block $done
            loop $next
              local.get $n
              i32.eqz
              br_if $done
              local.get $a
              local.get $b
              i32.add
              local.set $t
              local.get $b
              local.set $a
              local.get $t
              local.set $b
              local.get $n
              i32.const 1
              i32.sub
              local.set $n
              br $next
            end
          end
          local.get $a))
      """;

  /** A whole program: prints "hi\\n" and exits with status 7. */
  public static final String HELLO = """
      (module
        (import "env" "putchar" (func $putchar (param i32) (result i32)))
        (func (export "main") (result i32)
          i32.const 104
          call $putchar
          drop
          i32.const 105
          call $putchar
          drop
          i32.const 10
          call $putchar
          drop
          i32.const 7))
      """;

  /** Two exported functions, twice(x) and thrice(x), and a helper that is no entry point. */
  public static final String MATH = """
      (module
        (func (export "twice") (param i32) (result i32)
          local.get 0
          local.get 0
          i32.add)
        (func (export "thrice") (param i32) (result i32)
          local.get 0
          local.get 0
          i32.add
          local.get 0
          i32.add)
        (func (export "_helper") (result i32)
          i32.const 0))
      """;

  /** check(x) returns x, and traps (unreachable) when x is 0. */
  public static final String CHECK = """
      (module
        (func (export "check") (param i32) (result i32)
          local.get 0
          i32.eqz
          if
            unreachable
          end
          local.get 0))
      """;

  /** A module the lowering refuses: a vector (SIMD) parameter. */
  public static final String VECTOR = """
      (module
        (func (export "half") (param v128) (result v128)
          local.get 0))
      """;

  private static final Map<String, byte[]> ASSEMBLED = new ConcurrentHashMap<>();

  private TestPrograms() {}

  /** The binary module of {@code wat}. */
  public static byte[] wasm(String wat) {
    return ASSEMBLED.computeIfAbsent(wat, Wat2Wasm::parse).clone();
  }

  /** Writes the binary module of {@code wat} to {@code file}, creating its directory. */
  public static Path write(Path file, String wat) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, wasm(wat));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
