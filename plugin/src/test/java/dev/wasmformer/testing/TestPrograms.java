package dev.wasmformer.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared table of WebAssembly test programs: each is WebAssembly text, the export to
 * run, and the argument/input combinations to run it with. Every execution engine of the
 * project (the reference interpreter, the interpreter graph, the transformer) is checked
 * against Chicory on this same table; no expected answers are written down here.
 */
public final class TestPrograms {
  private TestPrograms() {}

  /** One program of the table. {@code entry} null means the lowering's default (main). */
  public record TestProgram(String name, String wat, String entry, List<Run> runs) {
    public TestProgram {
      runs = List.copyOf(runs);
    }

    /** The assembled module (assembled once per program). */
    public byte[] wasm() {
      return ASSEMBLED.computeIfAbsent(wat, Wat::assemble).clone();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Arguments (one per parameter) and the bytes getchar reads. */
  public record Run(long[] args, byte[] input) {
    public static Run of(long... args) {
      return new Run(args, new byte[0]);
    }

    public static Run input(String text) {
      return new Run(new long[0], text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Run input(byte... bytes) {
      return new Run(new long[0], bytes);
    }

    @Override
    public String toString() {
      return "args=" + Arrays.toString(args)
          + (input.length > 0 ? " input=" + Arrays.toString(input) : "");
    }
  }

  private static final Map<String, byte[]> ASSEMBLED = new ConcurrentHashMap<>();

  private static final String IMPORTS = """
        (import "env" "putchar" (func $putchar (param i32) (result i32)))
        (import "env" "getchar" (func $getchar (result i32)))
      """;

  /** Operands that exercise the corners of i32 arithmetic. */
  public static final int[] EDGE_OPERANDS = {
    0, 1, -1, 2, -2, 3, 7, 8, 31, 32, 33, 255, 256, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
    Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, 0x55555555, 0xAAAAAAAA,
    0x12345678, -1000000007,
  };

  /** The i32 binary and unary instructions, in WebAssembly text. */
  public static final List<String> BINARY_OPS = List.of(
      "add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or", "xor", "shl",
      "shr_s", "shr_u", "rotl", "rotr", "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s",
      "le_u", "ge_s", "ge_u");
  public static final List<String> UNARY_OPS = List.of(
      "eqz", "clz", "ctz", "popcnt", "extend8_s", "extend16_s");

  /** Operands that exercise the corners of i64 arithmetic: word boundaries, signs, extremes. */
  public static final long[] EDGE_OPERANDS_64 = {
    0, 1, -1, 2, -2, 7, 10, 31, 32, 33, 63, 64, 65, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL,
    0x1_0000_0000L, 0x1_0000_0001L, 0xFFFF_FFFF_0000_0000L, 0xFFFF_FFFF_8000_0000L,
    Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 0x5555_5555_5555_5555L,
    0xAAAA_AAAA_AAAA_AAAAL, 0x1234_5678_9ABC_DEF0L, -1_000_000_007L, 1_000_000_000_000L,
  };

  /** The i64 binary instructions (every i32 one has an i64 twin), in WebAssembly text. */
  public static final List<String> BINARY_OPS_64 = BINARY_OPS;
  /** The i64 comparisons among {@link #BINARY_OPS_64}: their result is an i32. */
  public static final List<String> COMPARISONS = List.of(
      "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u");
  /** The i64 unary instructions whose operand and result are i64 (eqz's result is an i32). */
  public static final List<String> UNARY_OPS_64 = List.of(
      "eqz", "clz", "ctz", "popcnt", "extend8_s", "extend16_s", "extend32_s");

  /** A module exporting {@code main(a, b) = i64.op a b} (an i32 for comparisons, else an i64). */
  public static String binaryOpModule64(String op) {
    String result = COMPARISONS.contains(op) ? "i32" : "i64";
    return "(module (func (export \"main\") (param i64 i64) (result " + result + ") "
        + "(i64." + op + " (local.get 0) (local.get 1))))";
  }

  /** A module exporting {@code main(a) = i64.op a}. */
  public static String unaryOpModule64(String op) {
    String result = op.equals("eqz") ? "i32" : "i64";
    return "(module (func (export \"main\") (param i64) (result " + result + ") (i64." + op
        + " (local.get 0))))";
  }

  /**
   * The conversions between i32 and i64 as modules exporting {@code main(a)}: wrap takes an
   * i64, the extends an i32.
   */
  public static final List<String> CONVERSION_MODULES = List.of(
      "(module (func (export \"main\") (param i64) (result i32) (i32.wrap_i64 (local.get 0))))",
      "(module (func (export \"main\") (param i32) (result i64) (i64.extend_i32_s (local.get 0))))",
      "(module (func (export \"main\") (param i32) (result i64) (i64.extend_i32_u (local.get 0))))");

  /** A module exporting {@code main(a, b) = i32.op a b}. */
  public static String binaryOpModule(String op) {
    return "(module (func (export \"main\") (param i32 i32) (result i32) "
        + "(i32." + op + " (local.get 0) (local.get 1))))";
  }

  /** A module exporting {@code main(a) = i32.op a}. */
  public static String unaryOpModule(String op) {
    return "(module (func (export \"main\") (param i32) (result i32) (i32." + op + " (local.get 0))))";
  }

  public static List<TestProgram> all() {
    List<TestProgram> all = new ArrayList<>();
    all.add(new TestProgram("answer", """
        (module (func (export "main") (result i32) (i32.const 42)))
        """, null, List.of(Run.of())));

    all.add(new TestProgram("arithmetic", """
        (module
          (func (export "main") (param $a i32) (param $b i32) (result i32)
            (i32.add (i32.mul (local.get $a) (local.get $b))
                     (i32.sub (local.get $a) (i32.shl (local.get $b) (i32.const 3))))))
        """, null, List.of(Run.of(2, 3), Run.of(-1, 1), Run.of(Integer.MAX_VALUE, 2),
            Run.of(0xFFFF_FFFFL, 0x8000_0000L))));

    all.add(new TestProgram("every_i32_op", everyOpProgram(), null, List.of(
        Run.of(12345, 7), Run.of(-100, 3), Run.of(0x8000_0000L, 31), Run.of(5, 33),
        Run.of(1, 0), Run.of(Integer.MIN_VALUE, -1))));

    all.add(new TestProgram("fib", """
        (module
          (func $fib (export "main") (param $n i32) (result i32)
            (if (result i32) (i32.lt_s (local.get $n) (i32.const 2))
              (then (local.get $n))
              (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                             (call $fib (i32.sub (local.get $n) (i32.const 2))))))))
        """, null, List.of(Run.of(0), Run.of(1), Run.of(2), Run.of(7), Run.of(15))));

    all.add(new TestProgram("ackermann", """
        (module
          (func $ack (export "main") (param $m i32) (param $n i32) (result i32)
            (if (result i32) (i32.eqz (local.get $m))
              (then (i32.add (local.get $n) (i32.const 1)))
              (else
                (if (result i32) (i32.eqz (local.get $n))
                  (then (call $ack (i32.sub (local.get $m) (i32.const 1)) (i32.const 1)))
                  (else (call $ack (i32.sub (local.get $m) (i32.const 1))
                                   (call $ack (local.get $m)
                                              (i32.sub (local.get $n) (i32.const 1))))))))))
        """, null, List.of(Run.of(0, 0), Run.of(1, 3), Run.of(2, 3), Run.of(3, 3))));

    all.add(new TestProgram("factorial_loop", """
        (module
          (func (export "main") (param $n i32) (result i32) (local $acc i32)
            (local.set $acc (i32.const 1))
            (block $done
              (loop $again
                (br_if $done (i32.le_s (local.get $n) (i32.const 1)))
                (local.set $acc (i32.mul (local.get $acc) (local.get $n)))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br $again)))
            (local.get $acc)))
        """, null, List.of(Run.of(0), Run.of(1), Run.of(5), Run.of(12), Run.of(13), Run.of(25))));

    all.add(new TestProgram("nested_loops", """
        (module
          (func (export "main") (param $n i32) (result i32)
            (local $i i32) (local $j i32) (local $sum i32)
            (block $outer_done
              (loop $outer
                (br_if $outer_done (i32.ge_u (local.get $i) (local.get $n)))
                (local.set $j (i32.const 0))
                (block $inner_done
                  (loop $inner
                    (br_if $inner_done (i32.ge_u (local.get $j) (local.get $i)))
                    (local.set $sum
                      (i32.add (local.get $sum)
                               (i32.xor (i32.mul (local.get $i) (local.get $j))
                                        (i32.rotl (local.get $sum) (local.get $j)))))
                    (local.set $j (i32.add (local.get $j) (i32.const 1)))
                    (br $inner)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $outer)))
            (local.get $sum)))
        """, null, List.of(Run.of(0), Run.of(1), Run.of(5), Run.of(30))));

    // Branches that carry values over other stack entries, so the values must move.
    all.add(new TestProgram("block_values", """
        (module
          (func (export "main") (param $x i32) (result i32)
            i32.const 1000
            block $outer (result i32)
              i32.const 7
              drop
              i32.const 3
              block $inner (result i32)
                i32.const 11
                i32.const 500
                local.get $x
                i32.eqz
                br_if $outer
                drop
                local.get $x
                i32.const 1
                i32.eq
                br_if $inner
                i32.const 20
                i32.add
                local.get $x
                i32.const 2
                i32.eq
                if (result i32)
                  i32.const 8
                  i32.const 9
                  br $outer
                else
                  i32.const 5
                end
                i32.add
              end
              i32.mul
            end
            i32.add))
        """, null, List.of(Run.of(0), Run.of(1), Run.of(2), Run.of(3))));

    all.add(new TestProgram("block_params", """
        (module
          (func (export "main") (param $n i32) (result i32) (local $k i32)
            ;; sum n + (n-1) + ... + 1, the accumulator riding the loop's parameter
            i32.const 0
            loop $sum (param i32) (result i32)
              local.get $n
              i32.add
              local.get $n
              i32.const 1
              i32.sub
              local.tee $n
              i32.const 0
              i32.gt_s
              br_if $sum
            end
            ;; 3^k, the power riding the loop's parameter
            local.get $n
            i32.const 4
            i32.add
            local.set $k
            i32.const 1
            loop $pow (param i32) (result i32)
              i32.const 3
              i32.mul
              local.get $k
              i32.const 1
              i32.sub
              local.tee $k
              br_if $pow
            end
            ;; a block consuming two parameters
            i32.const 5
            block (param i32 i32) (result i32)
              i32.sub
            end
            i32.add))
        """, null, List.of(Run.of(0), Run.of(1), Run.of(5), Run.of(10))));

    all.add(new TestProgram("if_else_forms", """
        (module
          (func (export "main") (param $x i32) (result i32) (local $r i32)
            (if (i32.gt_s (local.get $x) (i32.const 10))
              (then (local.set $r (i32.const 100))))
            (if (i32.and (local.get $x) (i32.const 1))
              (then (local.set $r (i32.add (local.get $r) (i32.const 1))))
              (else (local.set $r (i32.add (local.get $r) (i32.const 2)))))
            (i32.add (local.get $r)
              (if (result i32) (i32.lt_s (local.get $x) (i32.const 0))
                (then (i32.const -50))
                (else
                  (if (result i32) (i32.eqz (local.get $x))
                    (then (i32.const 7))
                    (else (i32.mul (local.get $x) (i32.const 3)))))))))
        """, null, List.of(Run.of(0), Run.of(1), Run.of(-3), Run.of(11), Run.of(12))));

    all.add(new TestProgram("select", """
        (module
          (func (export "main") (param $a i32) (param $b i32) (result i32)
            (i32.add
              (select (local.get $a) (local.get $b) (i32.lt_s (local.get $a) (local.get $b)))
              (i32.mul (i32.const 100)
                       (select (result i32) (i32.const 1) (i32.const 2) (local.get $b))))))
        """, null, List.of(Run.of(3, 9), Run.of(9, 3), Run.of(-4, 0), Run.of(0, -4))));

    all.add(new TestProgram("memory_loads", """
        (module
          (memory 1)
          (data (i32.const 16) "\\01\\80\\ff\\7f\\00\\01\\fe\\ff\\12\\34\\56\\78\\9a\\bc\\de\\f0")
          (func (export "main") (param $a i32) (result i32)
            (i32.xor
              (i32.xor (i32.load (local.get $a))
                       (i32.rotl (i32.load8_s (local.get $a)) (i32.const 3)))
              (i32.xor
                (i32.xor (i32.rotl (i32.load8_u offset=1 (local.get $a)) (i32.const 7))
                         (i32.rotl (i32.load16_s offset=2 (local.get $a)) (i32.const 11)))
                (i32.rotl (i32.load16_u offset=3 (local.get $a)) (i32.const 13))))))
        """, null, List.of(Run.of(16), Run.of(17), Run.of(18), Run.of(20), Run.of(24), Run.of(28),
            Run.of(0), Run.of(65531), Run.of(65532), Run.of(0xFFFF_FFFFL))));

    all.add(new TestProgram("memory_stores", "(module" + IMPORTS + """
          (memory 1)
          (data (i32.const 0) "abcdefghijklmnop")
          (data (i32.const 4) "XY")
          (func (export "main") (param $a i32) (param $v i32) (result i32) (local $i i32)
            (i32.store (local.get $a) (local.get $v))
            (i32.store8 offset=5 (local.get $a) (i32.const 0x1ff))
            (i32.store16 offset=6 (local.get $a) (i32.shr_u (local.get $v) (i32.const 8)))
            (block $done
              (loop $print
                (br_if $done (i32.ge_u (local.get $i) (i32.const 16)))
                (drop (call $putchar (i32.load8_u (local.get $i))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $print)))
            (i32.add (i32.load offset=4 (local.get $a)) (i32.load16_s offset=2 (local.get $a)))))
        """, null, List.of(Run.of(0, 0x41424344), Run.of(3, -1), Run.of(8, 0x00300031),
            Run.of(65528, 7), Run.of(65532, 7))));

    all.add(new TestProgram("hello", "(module" + IMPORTS + """
          (memory 1)
          (data (i32.const 100) "Hello, token world!\\n\\00")
          (func (export "main") (result i32) (local $p i32)
            (local.set $p (i32.const 100))
            (block $end
              (loop $next
                (br_if $end (i32.eqz (i32.load8_u (local.get $p))))
                (drop (call $putchar (i32.load8_u (local.get $p))))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $next)))
            (i32.sub (local.get $p) (i32.const 100))))
        """, null, List.of(Run.of())));

    all.add(new TestProgram("echo_upper", "(module" + IMPORTS + """
          (func (export "main") (result i32) (local $c i32) (local $n i32)
            (block $eof
              (loop $next
                (local.set $c (call $getchar))
                (br_if $eof (i32.eq (local.get $c) (i32.const -1)))
                (if (i32.and (i32.ge_u (local.get $c) (i32.const 97))
                             (i32.le_u (local.get $c) (i32.const 122)))
                  (then (local.set $c (i32.sub (local.get $c) (i32.const 32)))))
                (drop (call $putchar (local.get $c)))
                (local.set $n (i32.add (local.get $n) (i32.const 1)))
                (br $next)))
            (local.get $n)))
        """, null, List.of(Run.input(""), Run.input("hello, World!"),
            Run.input((byte) 0, (byte) 0xFF, (byte) 'a', (byte) 0x80))));

    all.add(new TestProgram("reverse_input", "(module" + IMPORTS + """
          (memory 1)
          (func (export "main") (result i32) (local $c i32) (local $n i32) (local $i i32)
            (block $eof
              (loop $read
                (local.set $c (call $getchar))
                (br_if $eof (i32.lt_s (local.get $c) (i32.const 0)))
                (i32.store8 offset=1000 (local.get $n) (local.get $c))
                (local.set $n (i32.add (local.get $n) (i32.const 1)))
                (br $read)))
            (local.set $i (local.get $n))
            (block $done
              (loop $write
                (br_if $done (i32.eqz (local.get $i)))
                (local.set $i (i32.sub (local.get $i) (i32.const 1)))
                (drop (call $putchar (i32.load8_s offset=1000 (local.get $i))))
                (br $write)))
            ;; getchar keeps answering -1 at the end of the input
            (i32.add (local.get $n) (call $getchar))))
        """, null, List.of(Run.input(""), Run.input("stressed"), Run.input((byte) 0xC3, (byte) 0xA9))));

    all.add(new TestProgram("putchar_result", "(module" + IMPORTS + """
          (func (export "main") (param $c i32) (result i32)
            (i32.add (call $putchar (local.get $c)) (call $putchar (i32.const 10)))))
        """, null, List.of(Run.of(0x41), Run.of(0x141), Run.of(-1))));

    all.add(new TestProgram("globals", """
        (module
          (global $counter (mut i32) (i32.const -5))
          (global $step i32 (i32.const 3))
          (global $spare (mut i32) (i32.const 77))
          (func $bump (result i32)
            (global.set $counter (i32.add (global.get $counter) (global.get $step)))
            (global.get $counter))
          (func (export "main") (param $times i32) (result i32) (local $last i32)
            (block $done
              (loop $l
                (br_if $done (i32.eqz (local.get $times)))
                (local.set $last (call $bump))
                (local.set $times (i32.sub (local.get $times) (i32.const 1)))
                (br $l)))
            (i32.add (i32.mul (local.get $last) (i32.const 1000))
                     (i32.add (global.get $counter) (global.get $spare)))))
        """, null, List.of(Run.of(0), Run.of(1), Run.of(4))));

    all.add(new TestProgram("locals_zeroed", """
        (module
          (func $dirty (param $x i32) (result i32) (local $a i32) (local $b i32) (local $c i32)
            (local.set $a (local.get $x))
            (local.set $b (local.get $x))
            (local.set $c (local.get $x))
            (i32.add (local.get $a) (i32.add (local.get $b) (local.get $c))))
          (func $clean (param $x i32) (result i32) (local $a i32) (local $b i32) (local $c i32)
            (i32.add (local.get $x) (i32.add (local.get $a) (i32.add (local.get $b) (local.get $c)))))
          (func (export "main") (param $x i32) (result i32)
            (drop (call $dirty (local.get $x)))
            (i32.add (call $clean (i32.const 0))
                     (i32.mul (i32.const 10) (call $dirty (local.get $x))))))
        """, null, List.of(Run.of(0), Run.of(5), Run.of(-9))));

    all.add(new TestProgram("local_hazards", """
        (module
          (func (export "main") (param $a i32) (param $b i32) (result i32) (local $t i32)
            ;; $a is read, then changed before the read value is used
            (i32.sub (local.get $a) (local.tee $a (i32.mul (local.get $b) (i32.const 3))))
            (local.set $t)
            ;; a pending read of $t enters a block that changes $t
            (local.get $t)
            (block (result i32)
              (local.set $t (i32.const 100))
              (local.get $t))
            i32.add
            ;; a pending read of $b carried around a loop that changes $b
            (local.get $b)
            (loop $l
              (local.set $b (i32.add (local.get $b) (i32.const 1)))
              (br_if $l (i32.lt_s (local.get $b) (i32.const 3))))
            i32.sub
            (local.get $a)
            i32.add))
        """, null, List.of(Run.of(10, 2), Run.of(-5, 7), Run.of(0, -4))));

    all.add(new TestProgram("early_return", """
        (module
          (func $find (param $n i32) (result i32) (local $i i32)
            (loop $l
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (block $b
                (br_if $b (i32.le_s (i32.mul (local.get $i) (local.get $i)) (local.get $n)))
                (return (local.get $i)))
              (br $l))
            (unreachable))
          (func $sign (param $v i32) (result i32)
            i32.const -1
            local.get $v
            i32.const 0
            i32.lt_s
            br_if 0
            drop
            local.get $v
            i32.eqz
            if
              i32.const 0
              return
            end
            i32.const 1
            br 0)
          (func $void_exit (param $v i32)
            (br_if 0 (local.get $v))
            (return))
          (func (export "main") (param $n i32) (result i32)
            (call $void_exit (local.get $n))
            (i32.add (i32.mul (call $find (local.get $n)) (i32.const 10))
                     (call $sign (local.get $n)))))
        """, null, List.of(Run.of(0), Run.of(1), Run.of(24), Run.of(25), Run.of(-7))));

    all.add(new TestProgram("calls", "(module" + IMPORTS + """
          (func $mix (param $a i32) (param $b i32) (param $c i32) (param $d i32) (param $e i32)
                     (result i32)
            (i32.sub (i32.add (i32.mul (local.get $a) (local.get $b))
                              (i32.shl (local.get $c) (local.get $d)))
                     (local.get $e)))
          (func $seven (result i32) (i32.const 7))
          (func $emit (param $x i32) (drop (call $putchar (local.get $x))))
          (func $nothing)
          (func (export "main") (param $x i32) (result i32)
            (call $nothing)
            (call $emit (i32.const 0x4f))
            (call $emit (i32.const 0x4b))
            (i32.add (i32.const 1)
              (i32.add (call $seven)
                (call $mix (local.get $x) (call $seven) (i32.const 3) (call $seven)
                           (i32.add (local.get $x) (call $seven)))))))
        """, null, List.of(Run.of(0), Run.of(6), Run.of(-100))));

    all.add(new TestProgram("dead_code", """
        (module
          (func (export "main") (param $x i32) (result i32)
            (block $b (result i32)
              (br $b (i32.const 5))
              (i32.const 1)
              (if (result i32) (local.get $x) (then (i32.const 2)) (else (i32.const 3)))
              (loop (br 0))
              drop)
            (if (result i32) (local.get $x)
              (then (return (i32.const 9)) (block (i32.const 4) drop))
              (else (i32.const 10)))
            i32.add))
        """, null, List.of(Run.of(0), Run.of(1))));

    all.add(new TestProgram("start_function", "(module" + IMPORTS + """
          (global $g (mut i32) (i32.const 1))
          (func $init (global.set $g (i32.const 40)) (drop (call $putchar (i32.const 83))))
          (start $init)
          (func (export "main") (result i32) (i32.add (global.get $g) (i32.const 2))))
        """, null, List.of(Run.of())));

    all.add(new TestProgram("sieve", "(module" + IMPORTS + """
          (memory 1)
          (func $print (param $v i32)
            (if (i32.ge_u (local.get $v) (i32.const 10))
              (then (call $print (i32.div_u (local.get $v) (i32.const 10)))))
            (drop (call $putchar (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))))
          (func (export "main") (param $n i32) (result i32)
            (local $i i32) (local $j i32) (local $count i32)
            (local.set $i (i32.const 2))
            (block $done
              (loop $outer
                (br_if $done (i32.gt_u (local.get $i) (local.get $n)))
                (if (i32.eqz (i32.load8_u (local.get $i)))
                  (then
                    (call $print (local.get $i))
                    (drop (call $putchar (i32.const 32)))
                    (local.set $count (i32.add (local.get $count) (i32.const 1)))
                    (local.set $j (i32.mul (local.get $i) (local.get $i)))
                    (block $marked
                      (loop $mark
                        (br_if $marked (i32.gt_u (local.get $j) (local.get $n)))
                        (i32.store8 (local.get $j) (i32.const 1))
                        (local.set $j (i32.add (local.get $j) (local.get $i)))
                        (br $mark)))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $outer)))
            (local.get $count)))
        """, null, List.of(Run.of(1), Run.of(2), Run.of(30), Run.of(200))));

    all.add(new TestProgram("traps", "(module" + IMPORTS + """
          (memory 1)
          (func $forever (param $d i32) (result i32)
            (i32.add (call $forever (i32.add (local.get $d) (i32.const 1))) (i32.const 1)))
          (func (export "main") (param $k i32) (param $v i32) (result i32)
            (drop (call $putchar (i32.const 33)))
            (if (i32.eq (local.get $k) (i32.const 0))
              (then (return (i32.div_s (i32.const 7) (local.get $v)))))
            (if (i32.eq (local.get $k) (i32.const 1))
              (then (return (i32.div_s (i32.const 0x80000000) (local.get $v)))))
            (if (i32.eq (local.get $k) (i32.const 2))
              (then (return (i32.rem_u (i32.const 7) (local.get $v)))))
            (if (i32.eq (local.get $k) (i32.const 3))
              (then (return (i32.load (local.get $v)))))
            (if (i32.eq (local.get $k) (i32.const 4))
              (then (i32.store16 (local.get $v) (i32.const 1)) (return (i32.const 0))))
            (if (i32.eq (local.get $k) (i32.const 5))
              (then (return (call $forever (i32.const 0)))))
            (if (i32.eq (local.get $k) (i32.const 6))
              (then (return (i32.rem_s (i32.const 0x80000000) (local.get $v)))))
            unreachable))
        """, null, List.of(Run.of(0, 0), Run.of(0, 2), Run.of(1, -1), Run.of(1, 1), Run.of(2, 0),
            Run.of(3, 65536), Run.of(3, 65532), Run.of(4, 65535), Run.of(4, 65534), Run.of(5, 0),
            Run.of(6, -1), Run.of(9, 0))));

    all.add(new TestProgram("named_entry", """
        (module
          (func (export "main") (result i32) (i32.const 1))
          (func (export "triple") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3))))
        """, "triple", List.of(Run.of(14))));

    all.add(new TestProgram("void_entry", "(module" + IMPORTS + """
          (func (export "_start") (drop (call $putchar (i32.const 86)))))
        """, null, List.of(Run.of())));
    return List.copyOf(all);
  }

  /** main(a, b): every i32 binary and unary instruction applied to a and b, folded together. */
  private static String everyOpProgram() {
    StringBuilder body = new StringBuilder("(local $acc i32)\n");
    int rotation = 0;
    for (String op : BINARY_OPS) {
      body.append("(local.set $acc (i32.xor (i32.rotl (local.get $acc) (i32.const ")
          .append(++rotation).append(")) (i32.").append(op).append(" (local.get 0) (local.get 1))))\n");
    }
    for (String op : UNARY_OPS) {
      body.append("(local.set $acc (i32.xor (i32.rotl (local.get $acc) (i32.const ")
          .append(++rotation).append(")) (i32.").append(op).append(" (i32.sub (local.get 0) (local.get 1)))))\n");
    }
    return "(module (func (export \"main\") (param i32 i32) (result i32)\n" + body + "(local.get $acc)))";
  }
}
