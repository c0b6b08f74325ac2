package dev.wasmformer.lowering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.ArgumentRegion;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.testing.ChicoryWasi;
import dev.wasmformer.testing.IsaRunner;
import dev.wasmformer.testing.Outcome;
import dev.wasmformer.testing.Wat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The WASI routines the lowering appends, on hand-written modules (no clang needed): run on the
 * reference interpreter and compared with Chicory's own WASI where both hosts answer alike, and
 * with this host's documented answers where they may not (fdstat, seek, fds beyond 2).
 */
class WasiRoutinesTest {
  private static final String IMPORTS = """
      (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
      (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "fd_fdstat_get" (func $fd_fdstat_get (param i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "fd_seek" (func $fd_seek (param i32 i64 i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
      (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $fd_prestat_dir_name (param i32 i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "sched_yield" (func $sched_yield (result i32)))
      """;
  private static final String MEMORY = "(memory (export \"memory\") 1)\n";

  /** fd_write of three iovecs (one empty) to stdout, one to stderr, one to a closed fd. */
  private static final String WRITE = "(module " + IMPORTS + MEMORY + """
      (data (i32.const 16) "hello, \\00world\\n")
      (data (i32.const 64) "\\10\\00\\00\\00\\07\\00\\00\\00\\18\\00\\00\\00\\00\\00\\00\\00\\18\\00\\00\\00\\06\\00\\00\\00")
      (func (export "_start") (local $e i32)
        (local.set $e (call $fd_write (i32.const 1) (i32.const 64) (i32.const 3) (i32.const 100)))
        (local.set $e (i32.add (local.get $e) (call $fd_write (i32.const 2) (i32.const 80) (i32.const 1) (i32.const 104))))
        (local.set $e (i32.add (local.get $e) (call $fd_write (i32.const 7) (i32.const 64) (i32.const 1) (i32.const 108))))
        (call $proc_exit (i32.add (i32.mul (local.get $e) (i32.const 10))
          (i32.add (i32.load (i32.const 100)) (i32.load (i32.const 104))))))
      )""";

  /** Three fd_reads into two iovecs of 3 and 4 bytes, then the buffers written out. */
  private static final String READ = "(module " + IMPORTS + MEMORY + """
      (data (i32.const 64) "\\10\\00\\00\\00\\03\\00\\00\\00\\20\\00\\00\\00\\04\\00\\00\\00")
      (func (export "_start") (local $n i32)
        (drop (call $fd_read (i32.const 0) (i32.const 64) (i32.const 2) (i32.const 100)))
        (drop (call $fd_write (i32.const 1) (i32.const 64) (i32.const 2) (i32.const 112)))
        (drop (call $fd_read (i32.const 0) (i32.const 64) (i32.const 2) (i32.const 104)))
        (drop (call $fd_write (i32.const 1) (i32.const 64) (i32.const 2) (i32.const 112)))
        (local.set $n (call $fd_read (i32.const 0) (i32.const 64) (i32.const 2) (i32.const 108)))
        (call $proc_exit (i32.add (local.get $n) (i32.add (i32.load (i32.const 100))
          (i32.add (i32.mul (i32.load (i32.const 104)) (i32.const 10)) (i32.mul (i32.load (i32.const 108)) (i32.const 100)))))))
      )""";

  /**
   * args_sizes_get, args_get into a buffer followed by 0xFF bytes (written out with one byte
   * more than the arguments take), environ_sizes_get; the status sums argc * 50, the arguments'
   * offsets in the buffer and the environment's sizes. Its memory is laid out as wasm-ld lays
   * out a module's (data from 1024, a stack pointer above it), so the argument area fits below.
   */
  private static final String ARGS = "(module " + IMPORTS + MEMORY + """
      (global $sp (mut i32) (i32.const 4096))
      (data (i32.const 1300) "\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\ff")
      (data (i32.const 1400) "\\09\\09\\09\\09\\09\\09\\09\\09")
      (func (export "_start") (local $argc i32) (local $i i32) (local $sum i32)
        (drop (call $args_sizes_get (i32.const 1100) (i32.const 1104)))
        (drop (call $args_get (i32.const 1200) (i32.const 1300)))
        (i32.store (i32.const 1064) (i32.const 1300))
        (i32.store (i32.const 1068) (i32.add (i32.load (i32.const 1104)) (i32.const 1)))
        (drop (call $fd_write (i32.const 1) (i32.const 1064) (i32.const 1) (i32.const 1112)))
        (local.set $argc (i32.load (i32.const 1100)))
        (block $done (loop $next
          (br_if $done (i32.ge_u (local.get $i) (local.get $argc)))
          (local.set $sum (i32.add (local.get $sum)
            (i32.sub (i32.load (i32.add (i32.const 1200) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 1300))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next)))
        (drop (call $environ_sizes_get (i32.const 1400) (i32.const 1404)))
        (call $proc_exit (i32.add (i32.add (i32.mul (local.get $argc) (i32.const 50)) (local.get $sum))
          (i32.add (i32.load (i32.const 1400)) (i32.load (i32.const 1404))))))
      )""";

  @Test
  void fdWriteWritesEveryIovecToStdoutOrStderrAndRefusesOtherFds() {
    Outcome ours = run(WRITE, List.of("w"), "");
    assertThat(ours).isEqualTo(Outcome.halted(OptionalLong.of(8 * 10 + 13 + 6), bytes("hello, world\n"), bytes("world\n")));
    assertThat(ours).isEqualTo(chicory(WRITE, List.of("w"), ""));
  }

  @Test
  void fdReadFillsTheIovecsUntilTheInputEndsThenReadsNothing() {
    Outcome ours = run(READ, List.of("r"), "hello world");
    // 7 bytes, then the last 4 over the first ones, then 0; the status is 7 + 4 * 10 + 0
    assertThat(ours).isEqualTo(Outcome.halted(OptionalLong.of(47), bytes("hello worldo w")));
    assertThat(ours).isEqualTo(chicory(READ, List.of("r"), "hello world"));
  }

  @Test
  void argsGetStoresTheArgumentsAndTheirPointersAndNothingPastTheBuffer() {
    List<String> argv = List.of("prog", "a b", "", "\u00fcn\u00ef");
    Outcome ours = run(ARGS, argv, "");
    // "prog\0a b\0\0ün ï\0" is 5 + 4 + 1 + 6 bytes; offsets 0 + 5 + 9 + 10; no environment
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (String a : argv) {
      expected.writeBytes(a.getBytes(StandardCharsets.UTF_8));
      expected.write(0);
    }
    expected.write(0xFF);
    assertThat(ours).isEqualTo(Outcome.halted(OptionalLong.of(4 * 50 + 24), expected.toByteArray()));
    assertThat(ours).isEqualTo(chicory(ARGS, argv, ""));
  }

  @Test
  void theOtherFunctionsAnswerAsForThreeTerminalsAndNoFiles() {
    String wat = "(module " + IMPORTS + MEMORY + """
        (data (i32.const 64) "\\f4\\01\\00\\00\\0d\\00\\00\\00\\58\\02\\00\\00\\30\\00\\00\\00")
        (data (i32.const 600) "\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee\\ee")
        (func (export "_start")
          (i32.store8 (i32.const 500) (call $fd_fdstat_get (i32.const 1) (i32.const 600)))
          (i32.store8 (i32.const 501) (call $fd_fdstat_get (i32.const 0) (i32.const 624)))
          (i32.store8 (i32.const 502) (call $fd_fdstat_get (i32.const 3) (i32.const 624)))
          (i32.store8 (i32.const 503) (call $fd_seek (i32.const 1) (i64.const 0) (i32.const 1) (i32.const 680)))
          (i32.store8 (i32.const 504) (call $fd_seek (i32.const 9) (i64.const 5) (i32.const 0) (i32.const 680)))
          (i32.store8 (i32.const 505) (call $fd_close (i32.const 2)))
          (i32.store8 (i32.const 506) (call $fd_close (i32.const 3)))
          (i32.store8 (i32.const 507) (call $fd_prestat_get (i32.const 3) (i32.const 680)))
          (i32.store8 (i32.const 508) (call $fd_prestat_dir_name (i32.const 3) (i32.const 680) (i32.const 4)))
          (i32.store8 (i32.const 509) (call $sched_yield))
          (i32.store8 (i32.const 510) (call $fd_read (i32.const 1) (i32.const 64) (i32.const 1) (i32.const 680)))
          (i32.store8 (i32.const 511) (call $fd_write (i32.const 0) (i32.const 64) (i32.const 1) (i32.const 680)))
          (i32.store8 (i32.const 512) (call $environ_get (i32.const 680) (i32.const 690)))
          (drop (call $fd_write (i32.const 1) (i32.const 64) (i32.const 2) (i32.const 680))))
        )""";
    byte[] errnos = {0, 0, 8, 70, 8, 0, 8, 8, 8, 0, 8, 8, 0};
    byte[] stdout = new byte[24];
    stdout[0] = 2; // character device
    stdout[8] = 64; // fd_write
    byte[] stdin = stdout.clone();
    stdin[8] = 2; // fd_read
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(errnos);
    expected.writeBytes(stdout);
    expected.writeBytes(stdin);
    // the output is what the program wrote: its result is exit status 0
    assertThat(run(wat, List.of("x"), "")).isEqualTo(Outcome.halted(OptionalLong.of(0), expected.toByteArray()));
  }

  @Test
  void aWasiProgramsResultIsItsExitStatus() {
    String wat = "(module (import \"env\" \"putchar\" (func $putchar (param i32) (result i32)))\n" + IMPORTS + MEMORY + """
        (func (export "_start") (drop (call $putchar (i32.const 65))))
        (func (export "stop") (drop (call $putchar (i32.const 66))) (call $proc_exit (i32.const 300))
          (drop (call $putchar (i32.const 67))))
        (func (export "wide") (result i64) (call $proc_exit (i32.const -3)) (i64.const 5)))
        """;
    byte[] wasm = Wat.assemble(wat);
    TokenProgram start = lower(wasm, null, List.of("p"));
    assertThat(start.results()).containsExactly(TokenProgram.ValueKind.I32);
    assertThat(IsaRunner.run(start, new long[0], new byte[0])).isEqualTo(Outcome.halted(OptionalLong.of(0), bytes("A")));
    // proc_exit halts at once, with the status (the CLI takes its low byte, as a shell does)
    assertThat(IsaRunner.run(lower(wasm, "stop", List.of("p")), new long[0], new byte[0]))
        .isEqualTo(Outcome.halted(OptionalLong.of(300), bytes("B")));
    // an entry returning an i64 gets the status sign-extended
    assertThat(IsaRunner.run(lower(wasm, "wide", List.of("p")), new long[0], new byte[0]))
        .isEqualTo(Outcome.halted(OptionalLong.of(-3), new byte[0]));
  }

  @Test
  void aWasiProgramIsEnteredAtStartBeforeMain() {
    String wat = "(module " + IMPORTS + MEMORY + """
        (func (export "main") (param i32 i32) (result i32) (i32.const 7))
        (func (export "_start") (call $proc_exit (i32.const 9))))
        """;
    TokenProgram p = lower(Wat.assemble(wat), null, List.of("p"));
    assertThat(p.entry()).isEqualTo("_start");
    assertThat(IsaRunner.run(p, new long[0], new byte[0])).isEqualTo(Outcome.halted(OptionalLong.of(9), new byte[0]));
  }

  @Test
  void aWasiFunctionInTheTableIsCalledThroughIt() {
    String wat = "(module " + IMPORTS + MEMORY + """
        (type $write (func (param i32 i32 i32 i32) (result i32)))
        (table 2 funcref) (elem (i32.const 1) $fd_write)
        (data (i32.const 16) "hi\\n")
        (data (i32.const 64) "\\10\\00\\00\\00\\03\\00\\00\\00")
        (func (export "_start")
          (call $proc_exit (call_indirect (type $write) (i32.const 1) (i32.const 64) (i32.const 1) (i32.const 100) (i32.const 1)))))
        """;
    assertThat(run(wat, List.of("t"), "")).isEqualTo(Outcome.halted(OptionalLong.of(0), bytes("hi\n")));
  }

  @Test
  void aWasiFunctionWithoutARoutineOrWithAnotherSignatureIsRefusedWhenCalled() {
    String unknown = """
        (module (import "wasi_snapshot_preview1" "random_get" (func $r (param i32 i32) (result i32)))
          (memory 1) (func (export "_start") (drop (call $r (i32.const 0) (i32.const 4)))))
        """;
    assertThatThrownBy(() -> Lowering.lower(Wat.assemble(unknown), null))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessageStartingWith("unsupported import wasi_snapshot_preview1.random_get")
        .hasMessageContaining("called from function _start")
        .hasMessageContaining("fd_write");
    String wrongType = """
        (module (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32) (result i32)))
          (func (export "_start") (drop (call $w (i32.const 1)))))
        """;
    assertThatThrownBy(() -> Lowering.lower(Wat.assemble(wrongType), null))
        .hasMessageStartingWith("unsupported import wasi_snapshot_preview1.fd_write");
    // imported but never called: nothing to refuse
    String unused = """
        (module (import "wasi_snapshot_preview1" "random_get" (func $r (param i32 i32) (result i32)))
          (func (export "_start")))
        """;
    assertThat(Lowering.lower(Wat.assemble(unused), null).results()).containsExactly(TokenProgram.ValueKind.I32);
  }

  @Test
  void aTargetWithoutAnOpcodeARoutineNeedsRefusesTheRoutine() {
    EnumSet<Opcode> noPutchar = EnumSet.allOf(Opcode.class);
    noPutchar.remove(Opcode.PUTCHAR);
    assertThatThrownBy(() -> Lowering.lower(Wat.assemble(WRITE), null, noPutchar))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessage("unsupported routine wasi_snapshot_preview1.fd_write: the target lacks PUTCHAR");
  }

  @Test
  void theRoutinesRunOnTheTransformerAsOnTheReferenceInterpreter() throws Exception {
    record Case(String wat, List<String> argv, String input) {}
    for (Case c : List.of(new Case(WRITE, List.of("w"), ""), new Case(READ, List.of("r"), "hello world"),
        new Case(ARGS, List.of("prog", "a b", "", "\u00fcn\u00ef"), ""))) {
      byte[] wasm = Wat.assemble(c.wat());
      var bundle = new WasmformerCompiler()
          .addWasm(c.argv().get(0), "test", wasm, null, c.argv().subList(1, c.argv().size())).bundle();
      RunResult r = Wasmformer.load(bundle).programs().get(0).run(RunOptions.defaults().withInput(bytes(c.input())));
      assertThat(Outcome.halted(r.returnValue(), r.output(), r.errorOutput())).isEqualTo(run(c.wat(), c.argv(), c.input()));
    }
  }

  @Test
  void oneBundleRunsWithTheArgvEachRunGives() throws Exception {
    byte[] wasm = Wat.assemble(ARGS);
    var program = Wasmformer.load(new WasmformerCompiler().addWasm("prog", "test", wasm, null).bundle())
        .programs().get(0);
    assertThat(program.takesArgv()).isTrue();
    for (List<String> args : List.of(List.of("a b", "", "\u00fcn\u00ef"), List.of("x"), List.<String>of())) {
      RunResult r = program.run(RunOptions.defaults().withArgv(args.toArray(String[]::new)));
      List<String> argv = new java.util.ArrayList<>(List.of("prog"));
      argv.addAll(args);
      Outcome ours = Outcome.halted(r.returnValue(), r.output(), r.errorOutput());
      assertThat(ours).isEqualTo(run(ARGS, argv, ""));
      assertThat(ours).isEqualTo(chicory(ARGS, argv, ""));
    }
  }

  @Test
  void theArgumentAreaLiesBelowTheDataAndHoldsTheArgvTheProgramWasBuiltWith() {
    Lowering.Lowered lowered = Lowering.lowerProgram(Wat.assemble(ARGS), null, EnumSet.allOf(Opcode.class),
        List.of("prog", "ab"));
    assertThat(lowered.argvArea()).contains(new ArgumentRegion(16, 1008, ArgumentRegion.Use.ARGV));
    byte[] memory = lowered.program().memory();
    assertThat(java.util.Arrays.copyOfRange(memory, 16, 16 + 12))
        .containsExactly(2, 0, 0, 0, 'p', 'r', 'o', 'g', 0, 'a', 'b', 0);
    // the code is the same whatever the arguments
    assertThat(lower(Wat.assemble(ARGS), null, List.of("other", "x", "y")).instructions())
        .isEqualTo(lowered.program().instructions());
  }

  @Test
  void aProgramThatReadsNoArgvHasNoArgumentArea() throws Exception {
    Lowering.Lowered lowered = Lowering.lowerProgram(Wat.assemble(WRITE), null, EnumSet.allOf(Opcode.class),
        List.of("w"));
    assertThat(lowered.argvArea()).isEmpty();
    var program = Wasmformer.load(new WasmformerCompiler().addWasm("w", "test", Wat.assemble(WRITE), null).bundle())
        .programs().get(0);
    assertThat(program.takesArgv()).isFalse();
  }

  @Test
  void argumentsThatDoNotFitTheAreaAreRefusedWithItsSize() throws Exception {
    var program = Wasmformer.load(new WasmformerCompiler().addWasm("prog", "test", Wat.assemble(ARGS), null).bundle())
        .programs().get(0);
    String big = "x".repeat(1000);
    assertThatThrownBy(() -> program.run(RunOptions.defaults().withArgv(big)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("do not fit its argument area of 1008");
    assertThatThrownBy(() -> new WasmformerCompiler().addWasm("prog", "test", Wat.assemble(ARGS), null, List.of(big)))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessage("the arguments take 1010 bytes (argc and the NUL-terminated strings); the program's argument"
            + " area holds 1008");
  }

  @Test
  void aLayoutWithoutRoomBelowTheDataIsRefusedForAProgramThatReadsItsArgv() {
    String lowData = ARGS.replace("(i32.const 1300) \"", "(i32.const 300) \"");
    assertThatThrownBy(() -> lower(Wat.assemble(lowData), null, List.of("p")))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessage("unsupported memory layout for args_get: data segment 0 starts at 300, but the argument area"
            + " takes bytes 16..1023 (link with wasm-ld's default --global-base=1024)");
    String stackFirst = ARGS.replace("(mut i32) (i32.const 4096)", "(mut i32) (i32.const 1300)");
    assertThatThrownBy(() -> lower(Wat.assemble(stackFirst), null, List.of("p")))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessage("unsupported memory layout for args_get: the stack (global 0, from 1300 down) lies below the"
            + " data (from 1300) and would grow over the argument area at 16..1023 (link without --stack-first)");
  }

  private static TokenProgram lower(byte[] wasm, String entry, List<String> argv) {
    return Lowering.lower(wasm, entry, EnumSet.allOf(Opcode.class), argv);
  }

  private static Outcome run(String wat, List<String> argv, String input) {
    return IsaRunner.run(lower(Wat.assemble(wat), null, argv), new long[0], bytes(input));
  }

  private static Outcome chicory(String wat, List<String> argv, String input) {
    ChicoryWasi.Run r = ChicoryWasi.run(Wat.assemble(wat), argv, bytes(input), false);
    return Outcome.halted(OptionalLong.of(r.status()), r.stdout(), r.stderr());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
