package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.testing.Wat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wasmformer run} on a WASI module: ARGS are its argv, stdin its fd 0, its exit status proc_exit's. */
class RunWasiTest {
  /**
   * Writes argv[1..] (each followed by a newline), then copies stdin to stdout in chunks of up
   * to 8 bytes, then writes "bye" to stderr and exits with argc * 10 + the chunks read.
   */
  private static final String ECHO = """
      (module
        (import "wasi_snapshot_preview1" "args_sizes_get" (func $sizes (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "args_get" (func $args (param i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
        (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
        (memory (export "memory") 1)
        (data (i32.const 1032) "bye\\n")
        (func $len (param $p i32) (result i32) (local $n i32)
          (block $done (loop $next
            (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (br $next)))
          (local.get $n))
        (func $out (param $fd i32) (param $p i32) (param $n i32)
          (i32.store (i32.const 1040) (local.get $p))
          (i32.store (i32.const 1044) (local.get $n))
          (drop (call $write (local.get $fd) (i32.const 1040) (i32.const 1) (i32.const 1048))))
        (func (export "_start") (local $argc i32) (local $i i32) (local $p i32) (local $chunks i32)
          (drop (call $sizes (i32.const 1056) (i32.const 1060)))
          (drop (call $args (i32.const 2048) (i32.const 2560)))
          (local.set $argc (i32.load (i32.const 1056)))
          (local.set $i (i32.const 1))
          (block $done (loop $next
            (br_if $done (i32.ge_u (local.get $i) (local.get $argc)))
            (local.set $p (i32.load (i32.add (i32.const 2048) (i32.shl (local.get $i) (i32.const 2)))))
            (call $out (i32.const 1) (local.get $p) (i32.add (call $len (local.get $p)) (i32.const 1)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $next)))
          (block $eof (loop $more
            (i32.store (i32.const 1040) (i32.const 4096))
            (i32.store (i32.const 1044) (i32.const 8))
            (drop (call $read (i32.const 0) (i32.const 1040) (i32.const 1) (i32.const 1048)))
            (br_if $eof (i32.eqz (i32.load (i32.const 1048))))
            (local.set $chunks (i32.add (local.get $chunks) (i32.const 1)))
            (call $out (i32.const 1) (i32.const 4096) (i32.load (i32.const 1048)))
            (br $more)))
          (call $out (i32.const 2) (i32.const 1032) (i32.const 4))
          (call $exit (i32.add (i32.mul (local.get $argc) (i32.const 10)) (local.get $chunks)))))
      """;

  @TempDir Path dir;

  @Test
  void aWasiModuleRunsLikeANativeCommand() throws Exception {
    Path wasm = dir.resolve("echo.wasm");
    Files.write(wasm, Wat.assemble(ECHO));
    CliRunner cli = new CliRunner();
    int status = cli.run("hello from stdin\n".getBytes(StandardCharsets.UTF_8),
        "run", wasm.toString(), "--", "first", "two words", "--flag");
    // argv[0] is the program's name; "bye" goes to stderr
    assertThat(cli.out.toString().replace('\0', '|'))
        .isEqualTo("first|two words|--flag|hello from stdin\n");
    assertThat(status).isEqualTo(4 * 10 + 3);
    assertThat(cli.err.toString()).isEqualTo("bye\n");
  }

  @Test
  void aBundlesWasiProgramTakesNewArgumentsOnEveryRun() throws Exception {
    Path wasm = dir.resolve("echo.wasm");
    Files.write(wasm, Wat.assemble(ECHO));
    Path bundle = dir.resolve("echo.wfb");
    CliRunner compile = new CliRunner();
    assertThat(compile.run("compile", wasm.toString(), "-o", bundle.toString())).as(compile.err.toString()).isZero();

    CliRunner first = new CliRunner();
    assertThat(first.run("run", bundle.toString(), "--", "one")).isEqualTo(2 * 10);
    assertThat(first.out.toString().replace('\0', '|')).isEqualTo("one|");
    assertThat(first.err.toString()).isEqualTo("bye\n");
    CliRunner second = new CliRunner();
    assertThat(second.run("run", bundle.toString(), "--", "a", "b c", "")).isEqualTo(4 * 10);
    assertThat(second.out.toString().replace('\0', '|')).isEqualTo("a|b c||");
    CliRunner tooLong = new CliRunner();
    assertThat(tooLong.run("run", bundle.toString(), "--", "x".repeat(2000))).isNotZero();
    assertThat(tooLong.err.toString()).contains("do not fit its argument area of 1008 bytes");
  }

  @Test
  void traceShowsTheRoutinesByName() throws Exception {
    Path wasm = dir.resolve("echo.wasm");
    Files.write(wasm, Wat.assemble(ECHO));
    CliRunner cli = new CliRunner();
    int status = cli.run("ab".getBytes(StandardCharsets.UTF_8), "trace", wasm.toString(), "--", "x");
    assertThat(status).isEqualTo(2 * 10 + 1);
    assertThat(cli.out.toString()).contains(" wasi.args_get ", " wasi.fd_write ", " wasi.fd_read ", " wasi.proc_exit ");
    // stdout's bytes and stderr's, each as such
    assertThat(cli.out.toString()).contains("out 'x'", "err 'b'", "err 'y'", "err 'e'").doesNotContain("out 'y'");
  }

  @Test
  void aWasiModuleEnteredAtANamedExportTakesIntegerArguments() throws Exception {
    Path wasm = dir.resolve("both.wasm");
    Files.write(wasm, Wat.assemble("""
        (module (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
          (func (export "_start") (call $exit (i32.const 1)))
          (func (export "twice") (param i32) (result i32) (i32.add (local.get 0) (local.get 0))))
        """));
    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", wasm.toString(), "--entry", "twice", "--", "21")).isEqualTo(42);
  }

  @Test
  void aPlainModuleStillTakesIntegerArguments() throws Exception {
    Path wasm = dir.resolve("add.wasm");
    Files.write(wasm, Wat.assemble("""
        (module (func (export "main") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
        """));
    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", wasm.toString(), "--", "40", "2")).isEqualTo(42);
  }
}
