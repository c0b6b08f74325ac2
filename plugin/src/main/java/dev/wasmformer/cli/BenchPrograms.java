package dev.wasmformer.cli;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The WebAssembly modules {@code wasmformer bench} runs: fib and sieve written out as binary
 * modules, sudoku compiled from C by the built-in compiler; the same bytes go to the lowering
 * (then the transformer) and to Chicory.
 */
final class BenchPrograms {
  /** A benchmark program: its module and exported entry point {@code (i32) -> i32}. */
  record BenchProgram(String name, String description, byte[] wasm, long argument) {}

  private static final int I32 = 0x7F;

  private BenchPrograms() {}

  static List<String> names() {
    return List.of("fib", "sieve", "sudoku");
  }

  /** The program called {@code name}, with the argument that makes it run past 10M tokens. */
  static BenchProgram program(String name) {
    return switch (name) {
      case "fib" -> new BenchProgram("fib",
          "fib(n) by double recursion: calls, returns, compares, adds", fib(), 25);
      case "sieve" -> new BenchProgram("sieve",
          "primes up to n by the sieve of Eratosthenes: loops, byte loads and stores, multiplies",
          sieve(), 65535);
      // 519,598 tokens a solve (766,407 before session 11's immediate forms and inlining): 21
      // solves pass 10M tokens
      case "sudoku" -> new BenchProgram("sudoku",
          "docs/examples/sudoku.c's solver, n times, without its input and output: C, compiled by the"
              + " built-in compiler", sudoku(), 21);
      default -> throw new IllegalArgumentException(
          "no bench program \"" + name + "\"; there are: " + String.join(", ", names()));
    };
  }

  /**
   * The sudoku example's solver as a module exporting {@code sudoku(times)}, compiled here by
   * the built-in C compiler: docs/examples/sudoku.c (packaged with the CLI) up to its input and
   * output, then the entry point of bench-sudoku.c. A sudoku-class program, the kind the speed
   * target is set for.
   */
  static byte[] sudoku() {
    String example = resource("sudoku.c");
    int end = example.indexOf(SUDOKU_IO);
    if (end < 0) throw new IllegalStateException("sudoku.c no longer has the line \"" + SUDOKU_IO + "\"");
    String text = example.substring(0, end) + resource("bench-sudoku.c");
    return dev.wasmformer.compiler.WasmformerCompiler.compileC(
        List.of(new dev.wasmformer.c.SourceFile("bench-sudoku.c", text)),
        dev.wasmformer.compiler.WasmformerCompiler.cOptions()).wasm();
  }

  /** Where the example's input and output start: the bench leaves them out. */
  static final String SUDOKU_IO = "/* Reads up to 81 cells from stdin";

  private static String resource(String file) {
    try (java.io.InputStream in = BenchPrograms.class.getResourceAsStream(file)) {
      if (in == null) throw new IllegalStateException("the bench program's " + file + " is missing from the jar");
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)}. */
  static byte[] fib() {
    Code c = new Code();
    c.op(0x20).u(0);                  // local.get n
    c.op(0x41).s(2);                  // i32.const 2
    c.op(0x48);                       // i32.lt_s
    c.op(0x04).op(I32);               // if (result i32)
    c.op(0x20).u(0);                  //   n
    c.op(0x05);                       // else
    c.op(0x20).u(0).op(0x41).s(1).op(0x6B).op(0x10).u(0);   // fib(n - 1)
    c.op(0x20).u(0).op(0x41).s(2).op(0x6B).op(0x10).u(0);   // fib(n - 2)
    c.op(0x6A);                       //   i32.add
    c.op(0x0B);                       // end
    c.op(0x0B);
    return module("fib", new int[0], c, false);
  }

  /**
   * The number of primes up to n (n &lt; 65536), marking composites in memory: byte i is 1
   * once i is known to be composite.
   */
  static byte[] sieve() {
    // locals: 0 n (param), 1 i, 2 j, 3 count
    Code c = new Code();
    c.op(0x41).s(2).op(0x21).u(1);                    // i = 2
    c.op(0x02).op(0x40);                              // block $exit
    c.op(0x03).op(0x40);                              //   loop $outer
    c.op(0x20).u(1).op(0x20).u(0).op(0x4B).op(0x0D).u(1);   // if i >u n: br $exit
    c.op(0x20).u(1).op(0x2D).u(0).u(0).op(0x45);      //     mem[i] == 0
    c.op(0x04).op(0x40);                              //     if
    c.op(0x20).u(3).op(0x41).s(1).op(0x6A).op(0x21).u(3);   // count += 1
    c.op(0x20).u(1).op(0x20).u(1).op(0x6C).op(0x21).u(2);   // j = i * i
    c.op(0x02).op(0x40);                              //       block $inner_exit
    c.op(0x03).op(0x40);                              //         loop $inner
    c.op(0x20).u(2).op(0x20).u(0).op(0x4B).op(0x0D).u(1);   // if j >u n: br $inner_exit
    c.op(0x20).u(2).op(0x41).s(1).op(0x3A).u(0).u(0); //           mem[j] = 1
    c.op(0x20).u(2).op(0x20).u(1).op(0x6A).op(0x21).u(2);   // j += i
    c.op(0x0C).u(0);                                  //           br $inner
    c.op(0x0B).op(0x0B);                              //       end end
    c.op(0x0B);                                       //     end if
    c.op(0x20).u(1).op(0x41).s(1).op(0x6A).op(0x21).u(1);   // i += 1
    c.op(0x0C).u(0);                                  //     br $outer
    c.op(0x0B).op(0x0B);                              // end end
    c.op(0x20).u(3);                                  // count
    c.op(0x0B);
    return module("sieve", new int[] {3}, c, true);
  }

  /** A module of one exported function {@code (i32) -> i32} with {@code locals} extra i32s. */
  private static byte[] module(String export, int[] locals, Code body, boolean memory) {
    Bytes out = new Bytes();
    out.raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
    out.section(1, new Bytes().u(1).raw(0x60).u(1).raw(I32).u(1).raw(I32));     // (i32) -> i32
    out.section(3, new Bytes().u(1).u(0));                                      // function 0: type 0
    if (memory) {
      out.section(5, new Bytes().u(1).raw(0x00).u(1));                          // one page
    }
    Bytes exports = new Bytes().u(memory ? 2 : 1).name(export).raw(0x00).u(0);
    if (memory) {
      exports.name("memory").raw(0x02).u(0);
    }
    out.section(7, exports);
    Bytes function = new Bytes().u(locals.length);
    for (int count : locals) {
      function.u(count).raw(I32);
    }
    function.raw(body.bytes.toByteArray());
    out.section(10, new Bytes().u(1).u(function.size()).raw(function.toByteArray()));
    return out.toByteArray();
  }

  /** A byte buffer with the module format's integer encodings. */
  private static class Bytes {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Bytes raw(int... values) {
      for (int v : values) {
        bytes.write(v);
      }
      return this;
    }

    Bytes raw(byte[] values) {
      bytes.writeBytes(values);
      return this;
    }

    /** Unsigned LEB128. */
    Bytes u(long value) {
      do {
        int b = (int) (value & 0x7F);
        value >>>= 7;
        bytes.write(value != 0 ? b | 0x80 : b);
      } while (value != 0);
      return this;
    }

    /** Signed LEB128. */
    Bytes s(long value) {
      while (true) {
        int b = (int) (value & 0x7F);
        value >>= 7;
        boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
        bytes.write(done ? b : b | 0x80);
        if (done) {
          return this;
        }
      }
    }

    Bytes name(String name) {
      byte[] utf8 = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return u(utf8.length).raw(utf8);
    }

    Bytes section(int id, Bytes content) {
      return raw(id).u(content.size()).raw(content.toByteArray());
    }

    int size() {
      return bytes.size();
    }

    byte[] toByteArray() {
      return bytes.toByteArray();
    }
  }

  /** A function body: opcodes and immediates. */
  private static final class Code extends Bytes {
    Code op(int opcode) {
      raw(opcode);
      return this;
    }

    @Override
    Code u(long value) {
      super.u(value);
      return this;
    }

    @Override
    Code s(long value) {
      super.s(value);
      return this;
    }
  }
}
