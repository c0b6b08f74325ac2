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

  /** {@link #CONVERSION_MODULES} as a JUnit argument source. */
  public static java.util.stream.Stream<String> conversionModules() {
    return CONVERSION_MODULES.stream();
  }

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

    // stderr is a stream of its own: letters to stdout, everything else to stderr (directly and
    // through the table), the result sums putchar_err's results (its arguments)
    all.add(new TestProgram("stderr_split", "(module" + IMPORTS + """
          (import "env" "putchar_err" (func $putchar_err (param i32) (result i32)))
          (type $put (func (param i32) (result i32)))
          (table 2 funcref)
          (elem (i32.const 0) $putchar $putchar_err)
          (func (export "main") (result i32) (local $c i32) (local $sum i32)
            (block $eof
              (loop $next
                (local.set $c (call $getchar))
                (br_if $eof (i32.lt_s (local.get $c) (i32.const 0)))
                (if (i32.lt_u (i32.sub (i32.or (local.get $c) (i32.const 32)) (i32.const 97)) (i32.const 26))
                  (then (drop (call $putchar (local.get $c))))
                  (else
                    (local.set $sum (i32.add (local.get $sum) (call $putchar_err (local.get $c))))
                    (drop (call_indirect (type $put) (i32.add (local.get $c) (i32.const 1))
                      (i32.and (local.get $c) (i32.const 1))))))
                (br $next)))
            (local.get $sum)))
        """, null, List.of(Run.input(""), Run.input("ab, C!\n"), Run.input((byte) 0, (byte) 0xFF, (byte) 'z'))));

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

    all.add(new TestProgram("br_table", """
        (module
          ;; a switch whose branches carry a value over other entries, to blocks, the
          ;; function's label and the default
          (func $switch (param $x i32) (result i32)
            i32.const 1000
            block $outer (result i32)
              block $b2 (result i32)
                block $b1 (result i32)
                  block $b0 (result i32)
                    i32.const 5
                    local.get $x
                    i32.const 3
                    i32.mul
                    local.get $x
                    br_table $b0 $b1 $b2 $outer 4 $b1
                  end
                  i32.const 1
                  i32.add
                  br $outer
                end
                i32.const 100
                i32.mul
                br $outer
              end
              i32.const -7
              i32.xor
            end
            i32.add)
          ;; an i64 carried by br_table, returned straight from the parameter's slots
          (func $pick64 (param $i i32) (param $v i64) (result i64)
            block $a (result i64)
              block $b (result i64)
                i64.const 99
                local.get $v
                local.get $i
                br_table $a $b 2 $b
              end
              i64.const 3
              i64.mul
            end
            i64.const -1
            i64.xor)
          ;; a state machine: br_table without values, to blocks and to the loop
          (func $machine (param $n i32) (result i32) (local $state i32) (local $acc i32)
            (block $done
              (loop $step
                (br_if $done (i32.eqz (local.get $n)))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (block $s2
                  (block $s1
                    (block $s0
                      (br_table $s0 $s1 $s2 $step (local.get $state)))
                    (local.set $acc (i32.add (local.get $acc) (i32.const 1)))
                    (local.set $state (i32.const 1))
                    (br $step))
                  (local.set $acc (i32.mul (local.get $acc) (i32.const 3)))
                  (local.set $state (i32.rem_u (local.get $acc) (i32.const 5)))
                  (br $step))
                (local.set $acc (i32.sub (local.get $acc) (i32.const 2)))
                (local.set $state (i32.const 0))
                (br $step)))
            (i32.add (local.get $acc) (i32.mul (local.get $state) (i32.const 1000))))
          (func (export "main") (param $x i32) (result i32)
            (i32.add (call $switch (local.get $x))
              (i32.add (i32.mul (call $machine (i32.and (local.get $x) (i32.const 31))) (i32.const 7))
                (i32.wrap_i64 (i64.rotr (call $pick64 (local.get $x) (i64.const 0x123456789))
                                        (i64.const 17)))))))
        """, null, List.of(Run.of(0), Run.of(1), Run.of(2), Run.of(3), Run.of(4), Run.of(5), Run.of(9),
            Run.of(-1))));

    all.add(new TestProgram("call_indirect", "(module" + IMPORTS.replace(
        "(import \"env\" \"getchar\" (func $getchar (result i32)))", "") + """
          (type $unary (func (param i32) (result i32)))
          (type $unary_again (func (param i32) (result i32)))
          (type $binary (func (param i32 i32) (result i32)))
          (type $wide (func (param i64 i32) (result i64)))
          (type $void (func))
          (global $calls (mut i32) (i32.const 0))
          (table 10 funcref)
          (elem (i32.const 0) $double $square $add $negate $wide_shift)
          (elem (i32.const 6) $count $putchar $double)
          (func $double (type $unary) (i32.shl (local.get 0) (i32.const 1)))
          (func $square (type $unary_again) (i32.mul (local.get 0) (local.get 0)))
          (func $add (type $binary) (i32.add (local.get 0) (local.get 1)))
          (func $negate (type $unary) (i32.sub (i32.const 0) (local.get 0)))
          (func $wide_shift (type $wide) (i64.shl (local.get 0) (i64.extend_i32_u (local.get 1))))
          (func $count (type $void) (global.set $calls (i32.add (global.get $calls) (i32.const 1))))
          (func (export "main") (param $k i32) (param $x i32) (result i32)
            (call_indirect (type $void) (i32.const 6))
            (i32.add (i32.const 1000)
              (i32.add
                (i32.mul (call_indirect (type $binary) (local.get $x) (i32.const 3) (i32.const 2))
                         (global.get $calls))
                (i32.add
                  (call_indirect (type $unary) (local.get $x) (local.get $k))
                  (i32.wrap_i64 (i64.shr_u
                    (call_indirect (type $wide) (i64.const 0x123456789) (i32.const 4) (i32.const 4))
                    (i64.const 3))))))))
        """, null, List.of(Run.of(0, 21), Run.of(1, -9), Run.of(3, 5), Run.of(8, 4), Run.of(7, 65),
            Run.of(2, 1), Run.of(4, 1), Run.of(6, 1), Run.of(5, 1), Run.of(9, 1), Run.of(10, 1),
            Run.of(-1, 1))));

    all.add(new TestProgram("memory_grow", """
        (module
          (memory 1 4)
          (func (export "main") (param $pages i32) (param $probe i32) (result i32)
            (local $old i32) (local $last i32)
            (local.set $old (memory.grow (local.get $pages)))
            (local.set $last (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 1)))
            (i32.store8 (local.get $last) (i32.const 77))
            (i32.add (i32.mul (local.get $old) (i32.const 100000))
              (i32.add (i32.mul (memory.size) (i32.const 1000))
                (i32.add (i32.load8_u (local.get $last)) (i32.load8_u (local.get $probe)))))))
        """, null, List.of(Run.of(0, 0), Run.of(1, 70000), Run.of(3, 262143), Run.of(4, 0), Run.of(-1, 0),
            Run.of(0, 70000), Run.of(2, 196608))));

    all.add(new TestProgram("memory_grow_from_zero", """
        (module
          (memory 0)
          (func (export "main") (param $pages i32) (result i32)
            (i32.add (i32.mul (memory.grow (local.get $pages)) (i32.const 1000))
              (i32.add (memory.size) (i32.mul (memory.grow (i32.const 1)) (i32.const 10))))))
        """, null, List.of(Run.of(0), Run.of(2), Run.of(17))));

    all.add(new TestProgram("branch_fusion", branchFusionProgram(), null, List.of(
        Run.of(0, 0), Run.of(1, 2), Run.of(2, 1), Run.of(-1, 1), Run.of(1, -1),
        Run.of(0x8000_0000L, 0x7FFF_FFFFL), Run.of(0x7FFF_FFFFL, 0x8000_0000L), Run.of(-1, -1),
        Run.of(0, 0x8000_0000L))));

    for (boolean left : new boolean[] {false, true}) {
      all.add(new TestProgram(left ? "immediate_ops_left" : "immediate_ops", immediateOpsProgram(left), null, List.of(
          Run.of(0, 0), Run.of(-1, 1), Run.of(0x8000_0000L, 0x7FFF_FFFFL), Run.of(0x7FFF_FFFFL, 31),
          Run.of(12345, 0x8000_0000L))));
    }

    all.add(new TestProgram("every_i64_op", everyI64OpProgram(), null, List.of(
        Run.of(12345, 7), Run.of(-100, 3), Run.of(Long.MIN_VALUE, 63), Run.of(5, 65),
        Run.of(0x1_0000_0001L, 0xFFFF_FFFFL), Run.of(-1, -1), Run.of(1, 0), Run.of(Long.MIN_VALUE, -1),
        // a negative quotient whose bytes 1..4 are 0 under a non-zero byte 0 (FF 00 00 00 00 FF FF
        // FF): byte 5's negation reads byte 0, five tokens back
        Run.of(-0xFF_FFFF_FF01L, 1))));

    all.add(new TestProgram("i64_calls_and_locals", """
        (module
          (func $mix (param $a i32) (param $b i64) (param $c i32) (param $d i64) (result i64)
            (local $t i64) (local $u i32)
            (local.set $t (i64.mul (local.get $b) (i64.extend_i32_s (local.get $a))))
            (local.set $u (i32.add (local.get $c) (i32.wrap_i64 (local.get $d))))
            ;; $t is read, then changed before the read value is used
            (i64.sub (local.get $t) (local.tee $t (i64.rotl (local.get $t) (local.get $d))))
            (local.get $t)
            (i64.extend_i32_u (local.get $u))
            (i32.lt_s (local.get $u) (i32.const 0))
            select
            i64.add)
          (func $second (param $x i32) (param $v i64) (result i64) (local.get $v))
          (func $identity (param $v i64) (result i64) (local.get $v))
          (func $blocks (param $v i64) (param $flag i32) (result i64)
            i64.const 7
            block $b (result i64)
              i64.const 1
              local.get $v
              i64.const 3
              i64.mul
              local.get $flag
              br_if $b
              i64.add
            end
            i64.sub
            (if (result i64) (i32.and (local.get $flag) (i32.const 2))
              (then (i64.const -5))
              (else (i64.shl (local.get $v) (i64.const 40))))
            i64.add)
          (func (export "main") (param $a i64) (param $b i32) (result i64)
            (i64.add (call $mix (local.get $b) (local.get $a) (i32.const 77) (i64.const 0x700000003))
              (i64.add (call $second (local.get $b) (local.get $a))
                (i64.add (call $identity (i64.const -12345678912345))
                  (call $blocks (local.get $a) (local.get $b)))))))
        """, null, List.of(Run.of(1, 0), Run.of(-1, 1), Run.of(0x1234_5678_9ABC_DEF0L, 2),
            Run.of(Long.MIN_VALUE, 3), Run.of(Long.MAX_VALUE, -7))));

    all.add(new TestProgram("i64_globals", """
        (module
          (global $small (mut i32) (i32.const 5))
          (global $big (mut i64) (i64.const 0x100000000))
          (global $step i64 (i64.const -3))
          (global $after (mut i32) (i32.const 9))
          (func $bump (result i64)
            (global.set $big (i64.add (i64.mul (global.get $big) (i64.const 3)) (global.get $step)))
            (global.set $small
              (i32.add (global.get $small) (i32.wrap_i64 (i64.shr_u (global.get $big) (i64.const 32)))))
            (global.get $big))
          (func (export "main") (param $n i32) (result i64) (local $last i64)
            (block $done
              (loop $l
                (br_if $done (i32.eqz (local.get $n)))
                (local.set $last (call $bump))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br $l)))
            (i64.add (local.get $last)
              (i64.extend_i32_s (i32.add (global.get $small) (global.get $after))))))
        """, null, List.of(Run.of(0), Run.of(1), Run.of(5), Run.of(40))));

    all.add(new TestProgram("i64_memory", """
        (module
          (memory 1)
          (data (i32.const 0) "\\01\\80\\ff\\7f\\00\\01\\fe\\ff\\12\\34\\56\\78\\9a\\bc\\de\\f0")
          (func (export "main") (param $addr i32) (param $v i64) (result i64) (local $acc i64)
            (local.set $acc (i64.load (local.get $addr)))
            (local.set $acc (i64.xor (i64.rotl (local.get $acc) (i64.const 7)) (i64.load8_s offset=1 (local.get $addr))))
            (local.set $acc (i64.xor (i64.rotl (local.get $acc) (i64.const 7)) (i64.load8_u offset=2 (local.get $addr))))
            (local.set $acc (i64.xor (i64.rotl (local.get $acc) (i64.const 7)) (i64.load16_s offset=3 (local.get $addr))))
            (local.set $acc (i64.xor (i64.rotl (local.get $acc) (i64.const 7)) (i64.load16_u offset=4 (local.get $addr))))
            (local.set $acc (i64.xor (i64.rotl (local.get $acc) (i64.const 7)) (i64.load32_s offset=5 (local.get $addr))))
            (local.set $acc (i64.xor (i64.rotl (local.get $acc) (i64.const 7)) (i64.load32_u offset=6 (local.get $addr))))
            (i64.store offset=16 (local.get $addr) (local.get $v))
            (i64.store8 offset=25 (local.get $addr) (local.get $v))
            (i64.store16 offset=27 (local.get $addr) (local.get $v))
            (i64.store32 offset=29 (local.get $addr) (local.get $v))
            (local.set $acc (i64.xor (local.get $acc) (i64.load offset=16 (local.get $addr))))
            (local.set $acc (i64.add (local.get $acc) (i64.load offset=24 (local.get $addr))))
            (i64.add (local.get $acc) (i64.load offset=28 (local.get $addr)))))
        """, null, List.of(Run.of(0, 0x1122_3344_5566_7788L), Run.of(3, -1), Run.of(8, Long.MIN_VALUE),
            Run.of(65500, 5), Run.of(65501, 5), Run.of(65528, 1), Run.of(0xFFFF_FFF8L, 0))));

    all.add(new TestProgram("factorial_and_fibonacci_64", """
        (module
          (func $fact (param $n i64) (result i64)
            (if (result i64) (i64.le_s (local.get $n) (i64.const 1))
              (then (i64.const 1))
              (else (i64.mul (local.get $n) (call $fact (i64.sub (local.get $n) (i64.const 1)))))))
          (func $fib (param $n i32) (result i64) (local $a i64) (local $b i64) (local $t i64)
            (local.set $b (i64.const 1))
            (block $done
              (loop $l
                (br_if $done (i32.eqz (local.get $n)))
                (local.set $t (i64.add (local.get $a) (local.get $b)))
                (local.set $a (local.get $b))
                (local.set $b (local.get $t))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br $l)))
            (local.get $a))
          (func (export "main") (param $n i32) (result i64)
            (i64.xor (call $fact (i64.extend_i32_u (local.get $n)))
                     (i64.rotl (call $fib (i32.mul (local.get $n) (i32.const 4))) (i64.const 32)))))
        """, null, List.of(Run.of(0), Run.of(1), Run.of(5), Run.of(20), Run.of(21), Run.of(23))));

    all.add(new TestProgram("printf_long_long", "(module" + IMPORTS + """
          (memory 1)
          ;; printf("%lld", v): digits by i64 division by 10 into a buffer, then out
          (func $print_lld (param $v i64) (result i32) (local $u i64) (local $p i32) (local $n i32)
            (local.set $u (local.get $v))
            (if (i64.lt_s (local.get $v) (i64.const 0))
              (then
                (drop (call $putchar (i32.const 45)))
                (local.set $n (i32.const 1))
                (local.set $u (i64.sub (i64.const 0) (local.get $v)))))
            (local.set $p (i32.const 64))
            (loop $digit
              (local.set $p (i32.sub (local.get $p) (i32.const 1)))
              (i64.store8 (local.get $p) (i64.add (i64.const 48) (i64.rem_u (local.get $u) (i64.const 10))))
              (local.set $u (i64.div_u (local.get $u) (i64.const 10)))
              (br_if $digit (i64.ne (local.get $u) (i64.const 0))))
            (block $done
              (loop $out
                (br_if $done (i32.eq (local.get $p) (i32.const 64)))
                (drop (call $putchar (i32.load8_u (local.get $p))))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (local.set $n (i32.add (local.get $n) (i32.const 1)))
                (br $out)))
            (local.get $n))
          ;; printf("%llx", v): nibbles by shifts
          (func $print_llx (param $v i64) (result i32) (local $i i32) (local $d i32)
            (local.set $i (i32.const 60))
            (loop $nibble
              (local.set $d (i32.wrap_i64 (i64.and (i64.shr_u (local.get $v) (i64.extend_i32_u (local.get $i)))
                                                   (i64.const 15))))
              (drop (call $putchar (i32.add (local.get $d)
                (select (i32.const 48) (i32.const 87) (i32.lt_u (local.get $d) (i32.const 10))))))
              (local.set $i (i32.sub (local.get $i) (i32.const 4)))
              (br_if $nibble (i32.ge_s (local.get $i) (i32.const 0))))
            (i32.const 16))
          (func (export "main") (param $v i64) (result i32) (local $n i32)
            (local.set $n (call $print_lld (local.get $v)))
            (drop (call $putchar (i32.const 32)))
            (local.set $n (i32.add (local.get $n) (call $print_llx (local.get $v))))
            (drop (call $putchar (i32.const 10)))
            (local.get $n)))
        """, null, List.of(Run.of(0), Run.of(7), Run.of(-1), Run.of(1234567890123456789L),
            Run.of(Long.MIN_VALUE), Run.of(Long.MAX_VALUE), Run.of(-1000000007L))));
    return List.copyOf(all);
  }

  /** main(a, b): every i64 instruction applied to a and b, folded together into an i64. */
  private static String everyI64OpProgram() {
    StringBuilder body = new StringBuilder("(local $acc i64)\n");
    int rotation = 0;
    for (String op : BINARY_OPS_64) {
      String value = "(i64." + op + " (local.get 0) (local.get 1))";
      if (COMPARISONS.contains(op)) value = "(i64.extend_i32_u " + value + ")";
      body.append(fold(++rotation, value));
    }
    for (String op : UNARY_OPS_64) {
      String value = "(i64." + op + " (i64.sub (local.get 0) (local.get 1)))";
      if (op.equals("eqz")) value = "(i64.extend_i32_u " + value + ")";
      body.append(fold(++rotation, value));
    }
    body.append(fold(++rotation, "(i64.extend_i32_s (i32.wrap_i64 (i64.mul (local.get 0) (local.get 1))))"));
    body.append(fold(++rotation, "(i64.extend_i32_u (i32.wrap_i64 (i64.add (local.get 0) (local.get 1))))"));
    return "(module (func (export \"main\") (param i64 i64) (result i64)\n" + body + "(local.get $acc)))";
  }

  private static String fold(int rotation, String value) {
    return "(local.set $acc (i64.xor (i64.rotl (local.get $acc) (i64.const " + rotation + ")) " + value + "))\n";
  }

  /** main(a, b): every i32 binary and unary instruction applied to a and b, folded together. */
  /**
   * Branches on eqz and on negated comparisons, the forms the lowering fuses (eqz + br_if / if
   * into the opposite branch, comparison + eqz into the inverse comparison), and the same with
   * a label between them, where it must not: main(a, b) sets one bit of its result per test.
   */
  private static String branchFusionProgram() {
    StringBuilder body = new StringBuilder("(local $acc i32)\n");
    int bit = 0;
    for (String op : COMPARISONS) {
      // comparison + eqz + br_if: the inverse comparison and a JUMP_IF
      body.append("(block (br_if 0 (i32.eqz (i32.").append(op).append(" (local.get 0) (local.get 1))))"
          + " (local.set $acc (i32.or (local.get $acc) (i32.const ").append(1 << bit++).append("))))\n");
      // the i64 comparison of the sign- and zero-extended operands, negated into a value
      body.append("(local.set $acc (i32.or (local.get $acc) (i32.shl (i32.eqz (i64.").append(op)
          .append(" (i64.extend_i32_s (local.get 0)) (i64.extend_i32_u (local.get 1)))) (i32.const ")
          .append(bit++).append("))))\n");
    }
    body.append("""
        ;; eqz + br_if: a JUMP_IFZ on a & b
        (block (br_if 0 (i32.eqz (i32.and (local.get 0) (local.get 1))))
          (local.set $acc (i32.xor (local.get $acc) (i32.const 0x40000000))))
        ;; eqz + if: a JUMP_IF to the else branch
        (if (i32.eqz (i32.xor (local.get 0) (local.get 1)))
          (then (local.set $acc (i32.xor (local.get $acc) (i32.const 0x20000000))))
          (else (local.set $acc (i32.xor (local.get $acc) (i32.const 0x10000000)))))
        ;; eqz + br_if carrying a value that must move: the skip becomes a JUMP_IF
        (local.set $acc (i32.xor (local.get $acc)
          (block (result i32)
            (i32.const 0x01000000)
            (drop (br_if 0 (i32.const 0x02000000) (i32.eqz (i32.sub (local.get 0) (local.get 1)))))
            drop
            (i32.const 0x04000000))))
        ;; a label between the comparison and the eqz: no inversion
        (i32.lt_s (local.get 0) (local.get 1))
        (block (br_if 0 (local.get 1)) (local.set $acc (i32.add (local.get $acc) (i32.const 1))))
        i32.eqz
        i32.const 23
        i32.shl
        local.get $acc
        i32.xor
        local.set $acc
        ;; a label between the eqz and the br_if: no fusion
        (block
          (i32.eqz (i32.ge_u (local.get 0) (local.get 1)))
          (block (br_if 0 (local.get 0)) (local.set $acc (i32.add (local.get $acc) (i32.const 2))))
          (br_if 0)
          (local.set $acc (i32.xor (local.get $acc) (i32.const 0x00400000))))
        (block
          (i32.eqz (local.get 1))
          (block (br_if 0 (local.get 0)) (local.set $acc (i32.add (local.get $acc) (i32.const 4))))
          (br_if 0)
          (local.set $acc (i32.xor (local.get $acc) (i32.const 0x00200000))))
        """);
    return "(module (func (export \"main\") (param i32 i32) (result i32)\n" + body + "(local.get $acc)))";
  }

  /** The i32 operations with an immediate form (sub becomes add of the negated constant). */
  public static final List<String> IMMEDIATE_OPS = List.of(
      "add", "sub", "mul", "and", "or", "xor", "shl", "shr_s", "shr_u", "rotl", "rotr", "eq", "ne",
      "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u");

  /**
   * Every operation with an immediate form, on a constant right operand at the edges (and the
   * shift counts 0, 1, 31, 32, 33), or ({@code left}) on a constant left operand where the
   * lowering swaps the operands (commutative operations, comparisons): main(a, b) mixes the
   * results, with a and with b, into one word.
   */
  private static String immediateOpsProgram(boolean left) {
    int[] constants = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 31, 32, 33};
    StringBuilder body = new StringBuilder("(local $acc i32)\n");
    for (String op : IMMEDIATE_OPS) {
      boolean swappable = !List.of("sub", "shl", "shr_s", "shr_u", "rotl", "rotr").contains(op);
      if (left && !swappable) continue;
      for (int i = 0; i < constants.length; i++) {
        int k = constants[i];
        String operand = "(local.get " + (i % 2) + ")";
        String expr = left ? "(i32." + op + " (i32.const " + k + ") " + operand + ")"
            : "(i32." + op + " " + operand + " (i32.const " + k + "))";
        body.append("(local.set $acc (i32.xor (i32.rotl (local.get $acc) (i32.const 7)) ").append(expr).append("))\n");
      }
    }
    return "(module (func (export \"main\") (param i32 i32) (result i32)\n" + body + "(local.get $acc)))";
  }

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
