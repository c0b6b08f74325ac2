package dev.wasmformer.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.isa.I32Ops;
import dev.wasmformer.isa.I64Ops;
import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.isa.Trap;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every ALU opcode on edge and random operands, in the exact evaluator, against I32Ops. */
class OpcodeTableTest {
  static final int[] EDGES = {0, 1, -1, 2, 7, 8, 31, 32, 33, 255, 256, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
      Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, 0x12345678, 0x80000001, -256};

  static final Set<Opcode> BINARY = EnumSet.of(Opcode.ADD, Opcode.SUB, Opcode.MUL, Opcode.AND, Opcode.OR, Opcode.XOR,
      Opcode.SHL, Opcode.SHR_S, Opcode.SHR_U, Opcode.ROTL, Opcode.ROTR, Opcode.EQ, Opcode.NE, Opcode.LT_S,
      Opcode.LT_U, Opcode.GT_S, Opcode.GT_U, Opcode.LE_S, Opcode.LE_U, Opcode.GE_S, Opcode.GE_U,
      Opcode.DIV_S, Opcode.DIV_U, Opcode.REM_S, Opcode.REM_U);
  static final Set<Opcode> UNARY = EnumSet.of(Opcode.EQZ, Opcode.CLZ, Opcode.CTZ, Opcode.POPCNT,
      Opcode.EXTEND8_S, Opcode.EXTEND16_S);

  /** The immediate forms: z = x OP imm. */
  static final Set<Opcode> IMMEDIATE = EnumSet.range(Opcode.ADD_IMM, Opcode.GE_U_IMM);

  static Stream<Opcode> supportedAluOps() {
    return Stream.of(BINARY, UNARY, IMMEDIATE).flatMap(Set::stream).filter(InterpreterGraph.SUPPORTED::contains);
  }

  static Instruction ins(Opcode op, int x, int y, int z, int imm) {
    return new Instruction(op, x, y, z, imm);
  }

  /** Sets the slot pair {@code slot, slot + 1} to {@code v}, low word first. */
  static void const64(List<Instruction> code, int slot, long v) {
    code.add(ins(Opcode.CONST, 0, 0, slot, (int) v));
    code.add(ins(Opcode.CONST, 0, 0, slot + 1, (int) (v >>> 32)));
  }

  /**
   * Prints the {@code bytes} (4 or 8) little-endian bytes of the word or pair at {@code slot}
   * through memory at 64, with {@code scratch} and {@code scratch + 1} as scratch slots.
   */
  static void print(List<Instruction> code, int slot, int bytes, int scratch) {
    code.add(ins(Opcode.CONST, 0, 0, scratch, 0));
    code.add(ins(Opcode.STORE32, scratch, slot, 0, 64));
    if (bytes == 8) code.add(ins(Opcode.STORE32, scratch, slot + 1, 0, 68));
    for (int b = 0; b < bytes; b++) {
      code.add(ins(Opcode.LOAD8_U, scratch, 0, scratch + 1, 64 + b));
      code.add(ins(Opcode.PUTCHAR, scratch + 1, 0, 0, 0));
    }
  }

  /** Runs the code, then HALT, in the exact evaluator of the universal interpreter. */
  static EvaluatorRunner.Outcome evaluate(String name, List<Instruction> code, long maxTokens) {
    code.add(ins(Opcode.HALT, 0, 0, 0, 0));
    TokenProgram tp = new TokenProgram(name, "main", List.of(), List.of(), code, new byte[0], 65536, 0, List.of(), List.of());
    Vocab vocab = InterpreterGraphTest.VOCAB;
    return EvaluatorRunner.evaluate(InterpreterGraphTest.GRAPH, vocab, new ProgramEncoder(vocab).encode(tp), new long[0],
        new byte[0], maxTokens);
  }

  /** The low {@code bytes} bytes of each value, little-endian, one value after the other. */
  static byte[] littleEndian(LongStream values, int bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    values.forEach(v -> {
      for (int b = 0; b < bytes; b++) out.write((int) (v >>> (8 * b)));
    });
    return out.toByteArray();
  }

  /** Straight-line code: for each pair, slot3 = op(a, b), then its four bytes are printed. */
  static List<Instruction> code(Opcode op, List<int[]> pairs) {
    List<Instruction> code = new ArrayList<>();
    for (int[] p : pairs) {
      code.add(ins(Opcode.CONST, 0, 0, 1, p[0]));
      if (op.isImmediate()) {
        // y names a slot holding something else: an immediate form must not read it
        code.add(ins(Opcode.CONST, 0, 0, 2, ~p[1] ^ 0x5A5A5A5A));
        code.add(ins(op, 1, 2, 3, p[1]));
      } else {
        code.add(ins(Opcode.CONST, 0, 0, 2, p[1]));
        code.add(ins(op, 1, 2, 3, 0));
      }
      print(code, 3, 4, 4);
    }
    return code;
  }

  static List<int[]> pairs(Opcode op) {
    List<int[]> l = new ArrayList<>();
    Random r = new Random(op.ordinal());
    for (int a : EDGES) {
      l.add(new int[] {a, EDGES[r.nextInt(EDGES.length)]});
      l.add(new int[] {a, r.nextInt()});
      l.add(new int[] {r.nextInt(), a});
    }
    for (int i = 0; i < 6; i++) l.add(new int[] {r.nextInt(), r.nextInt(64) - 32});
    for (int i = 0; i < 6; i++) l.add(new int[] {r.nextInt(), r.nextInt(1 << (1 + r.nextInt(30)))});
    // pairs that trap are tested on their own
    l.removeIf(p -> {
      try {
        if (BINARY.contains(op.register())) I32Ops.binary(op.register(), p[0], p[1]);
        return false;
      } catch (Trap t) {
        return true;
      }
    });
    return l;
  }

  @ParameterizedTest
  @MethodSource("supportedAluOps")
  void evaluatorMatchesTheOperationSemantics(Opcode op) {
    List<int[]> pairs = pairs(op);
    var out = evaluate(op.name(), code(op, pairs), 2_000_000);
    LongStream expected = pairs.stream().mapToLong(pair ->
        BINARY.contains(op.register()) ? I32Ops.binary(op.register(), pair[0], pair[1]) : I32Ops.unary(op, pair[0]));
    assertThat(out.output()).as(op.name()).isEqualTo(littleEndian(expected, 4));
  }

  static Stream<Object[]> trappingDivisions() {
    return Stream.of(
        new Object[] {Opcode.DIV_U, 5, 0, "integer divide by zero"},
        new Object[] {Opcode.DIV_S, -5, 0, "integer divide by zero"},
        new Object[] {Opcode.REM_U, 0, 0, "integer divide by zero"},
        new Object[] {Opcode.REM_S, Integer.MIN_VALUE, 0, "integer divide by zero"},
        new Object[] {Opcode.DIV_S, Integer.MIN_VALUE, -1, "integer overflow"});
  }

  @ParameterizedTest
  @MethodSource("trappingDivisions")
  void divisionTrapsWithItsCause(Opcode op, int a, int b, String cause) {
    var out = evaluate(op.name(), code(op, List.of(new int[] {a, b})), 10_000);
    assertThat(out.trap()).as(() -> EvaluatorRunner.tail(InterpreterGraphTest.VOCAB, out.trace())).isEqualTo(cause);
    assertThat(out.output()).isEmpty();
  }

  static final long[] EDGES64 = {0, 1, -1, 2, 63, 64, 65, 0xFFFFFFFFL, 0x100000000L, 0x100000001L, Long.MAX_VALUE,
      Long.MIN_VALUE, Long.MIN_VALUE + 1, 0x123456789ABCDEF0L, -0x100000000L, Integer.MIN_VALUE, Integer.MAX_VALUE};

  static final Set<Opcode> I64 = EnumSet.of(Opcode.ADD64, Opcode.SUB64, Opcode.MUL64, Opcode.SHL64, Opcode.SHR64_S, Opcode.SHR64_U,
      Opcode.ROTL64, Opcode.ROTR64, Opcode.EQ64, Opcode.NE64, Opcode.LT64_S, Opcode.LT64_U, Opcode.GT64_S,
      Opcode.GT64_U, Opcode.LE64_S, Opcode.LE64_U, Opcode.GE64_S, Opcode.GE64_U, Opcode.EQZ64,
      Opcode.DIV64_S, Opcode.DIV64_U, Opcode.REM64_S, Opcode.REM64_U);

  static final Set<Opcode> DIVISION64 = EnumSet.of(Opcode.DIV64_S, Opcode.DIV64_U, Opcode.REM64_S, Opcode.REM64_U);

  static Stream<Opcode> supportedI64Ops() {
    return I64.stream().filter(InterpreterGraph.SUPPORTED::contains);
  }

  static long expected64(Opcode op, long a, long b) {
    int s = (int) (b & 63);
    return switch (op) {
      case ADD64 -> a + b;
      case SUB64 -> a - b;
      case MUL64 -> a * b;
      case SHL64 -> a << s;
      case SHR64_S -> a >> s;
      case SHR64_U -> a >>> s;
      case ROTL64 -> Long.rotateLeft(a, s);
      case ROTR64 -> Long.rotateRight(a, s);
      case EQ64 -> a == b ? 1 : 0;
      case NE64 -> a != b ? 1 : 0;
      case LT64_S -> a < b ? 1 : 0;
      case LT64_U -> Long.compareUnsigned(a, b) < 0 ? 1 : 0;
      case GT64_S -> a > b ? 1 : 0;
      case GT64_U -> Long.compareUnsigned(a, b) > 0 ? 1 : 0;
      case LE64_S -> a <= b ? 1 : 0;
      case LE64_U -> Long.compareUnsigned(a, b) <= 0 ? 1 : 0;
      case GE64_S -> a >= b ? 1 : 0;
      case GE64_U -> Long.compareUnsigned(a, b) >= 0 ? 1 : 0;
      case EQZ64 -> a == 0 ? 1 : 0;
      case DIV64_S, DIV64_U, REM64_S, REM64_U -> I64Ops.binary(op, a, b);
      default -> throw new IllegalArgumentException(op.name());
    };
  }

  static boolean wide(Opcode op) {
    return TracePlan.highWordLane(op) >= 0;
  }

  @ParameterizedTest
  @MethodSource("supportedI64Ops")
  void evaluatorMatchesI64Semantics(Opcode op) {
    Random r = new Random(op.ordinal());
    List<long[]> pairs = new ArrayList<>();
    for (long a : EDGES64) {
      pairs.add(new long[] {a, EDGES64[r.nextInt(EDGES64.length)]});
      pairs.add(new long[] {r.nextLong(), a});
    }
    for (int i = 0; i < 8; i++) pairs.add(new long[] {r.nextLong(), r.nextInt(130) - 2});
    if (DIVISION64.contains(op)) pairs.addAll(divisionPairs(r));
    // pairs that trap are tested on their own
    pairs.removeIf(p -> {
      try {
        expected64(op, p[0], p[1]);
        return false;
      } catch (Trap t) {
        return true;
      }
    });
    List<Instruction> code = new ArrayList<>();
    int bytes = wide(op) ? 8 : 4;
    for (long[] p : pairs) {
      const64(code, 1, p[0]);
      const64(code, 3, p[1]);
      code.add(ins(op, 1, 3, 5, 0));
      print(code, 5, bytes, 7);
    }
    var out = evaluate(op.name(), code, 2_000_000);
    LongStream expected = pairs.stream().mapToLong(pair -> expected64(op, pair[0], pair[1]));
    assertThat(out.output()).as(op.name()).isEqualTo(littleEndian(expected, bytes));
  }

  /**
   * Operands that exercise the long division's cases: divisors below 2^32 and with every top
   * byte above, quotient digits at their extremes (estimates one off either way), powers of
   * two, and dividends just below multiples of the divisor.
   */
  static List<long[]> divisionPairs(Random r) {
    List<long[]> l = new ArrayList<>();
    long[] divisors = {1, -1, 2, 3, 7, 10, 255, 256, 257, 0xFFFFFFFFL, 0x100000000L, 0x100000001L, 0xFFFFFFFFFFL,
        0x10000000000L, 0xFFFFFFFFFFFFL, 0x1000000000000L, 0xFFFFFFFFFFFFFFL, 0x100000000000000L, Long.MAX_VALUE,
        Long.MIN_VALUE, Long.MIN_VALUE + 1, 1L << 62, 1L << 40 | 0xFF, 0x8000000080000000L, 0x00FFFFFF00000001L,
        1_000_000_007L, 10_000_000_000L,
        // negative with a zero low word: |d|'s high word takes the carry of the low word's negation
        -0x100000000L, -0x1234500000000L, 0x8000000100000000L, -(0xABCDEFL << 36)};
    for (long d : divisors) {
      l.add(new long[] {-1, d});
      l.add(new long[] {Long.MIN_VALUE, d});
      l.add(new long[] {Long.MAX_VALUE, d});
      l.add(new long[] {r.nextLong(), d});
      l.add(new long[] {d * 255 - 1, d});
      l.add(new long[] {d - 1, d});
      l.add(new long[] {d, d});
    }
    for (int i = 0; i < 24; i++) {
      int bits = 1 + r.nextInt(63);
      long d = r.nextLong() >>> (64 - bits);
      if (d == 0) d = 1;
      l.add(new long[] {r.nextLong(), r.nextBoolean() ? d : -d});
      // a dividend whose quotient digits are all 0xFF or all 0 in places
      long q = r.nextLong() >>> r.nextInt(64);
      l.add(new long[] {q * d + Long.remainderUnsigned(r.nextLong(), d), d});
    }
    for (int s = 0; s < 64; s += 7) {
      l.add(new long[] {r.nextLong(), 1L << s});
      l.add(new long[] {1L << s, r.nextLong() >>> s});
    }
    return l;
  }

  static Stream<Object[]> trappingDivisions64() {
    return Stream.of(
        new Object[] {Opcode.DIV64_U, 5L, 0L, "integer divide by zero"},
        new Object[] {Opcode.DIV64_S, -5L, 0L, "integer divide by zero"},
        new Object[] {Opcode.REM64_U, 0L, 0L, "integer divide by zero"},
        new Object[] {Opcode.REM64_S, Long.MIN_VALUE, 0L, "integer divide by zero"},
        new Object[] {Opcode.DIV64_S, Long.MIN_VALUE, -1L, "integer overflow"});
  }

  @ParameterizedTest
  @MethodSource("trappingDivisions64")
  void i64DivisionTrapsWithItsCause(Opcode op, long a, long b, String cause) {
    List<Instruction> code = new ArrayList<>();
    const64(code, 1, a);
    const64(code, 3, b);
    code.add(ins(op, 1, 3, 5, 0));
    code.add(ins(Opcode.PUTCHAR, 5, 0, 0, 0));
    var out = evaluate(op.name(), code, 10_000);
    assertThat(out.trap()).as(() -> EvaluatorRunner.tail(InterpreterGraphTest.VOCAB, out.trace())).isEqualTo(cause);
    assertThat(out.output()).isEmpty();
  }

  /** The result may overwrite either operand: z = x, z = y, z = x + 1 (the operands are read at the START). */
  @ParameterizedTest
  @MethodSource("division64Ops")
  void i64DivisionReadsItsOperandsBeforeWritingOverThem(Opcode op) {
    long a = 0x8123456789ABCDEFL, b = 0x0000000300000007L;
    List<Instruction> code = new ArrayList<>();
    int[][] xyz = {{1, 3, 1}, {1, 3, 3}, {1, 3, 2}, {3, 1, 1}};
    for (int[] v : xyz) {
      const64(code, v[0], a);
      const64(code, v[1], b);
      code.add(ins(op, v[0], v[1], v[2], 0));
      print(code, v[2], 8, 7);
    }
    var out = evaluate(op.name(), code, 100_000);
    LongStream expected = LongStream.generate(() -> I64Ops.binary(op, a, b)).limit(xyz.length);
    assertThat(out.output()).as(op.name()).isEqualTo(littleEndian(expected, 8));
  }

  static Stream<Opcode> division64Ops() {
    return DIVISION64.stream();
  }

  /**
   * With a high word in the divisor the estimated digit (lane 13 + 11s) is the digit (lane
   * 14 + 11s) or one more, never less, and on these operands it is one more often enough that
   * the comparison correcting it is exercised.
   */
  @org.junit.jupiter.api.Test
  void i64DivisionCorrectsEstimatesThatAreOneTooHigh() {
    Random r = new Random(64);
    List<long[]> pairs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      long d = (r.nextLong() >>> r.nextInt(31)) | 0x100000000L;
      pairs.add(new long[] {r.nextLong(), d});
      // k·d − 1 leaves a remainder of d − 1: the last step's W/d is just below an integer,
      // where the truncated divisor (its low bytes all ones here) tips the estimate over
      long dOnes = d | 0xFFFFFF, k = 1 + Long.remainderUnsigned(r.nextLong(), Long.divideUnsigned(-1L, dOnes));
      pairs.add(new long[] {k * dOnes - 1, dOnes});
    }
    List<Instruction> code = new ArrayList<>();
    for (long[] p : pairs) {
      const64(code, 1, p[0]);
      const64(code, 3, p[1]);
      code.add(ins(Opcode.DIV64_U, 1, 3, 5, 0));
      code.add(ins(Opcode.PUTCHAR, 5, 0, 0, 0));
    }
    var out = evaluate("div64", code, 100_000);
    Vocab v = InterpreterGraphTest.VOCAB;
    assertThat(out.output()).isEqualTo(littleEndian(pairs.stream().mapToLong(p -> Long.divideUnsigned(p[0], p[1])), 1));
    int low = 0, high = 0, divisions = 0;
    List<Integer> t = out.trace();
    for (int i = 0; i + 64 < t.size(); i++) {
      if (v.kind(t.get(i)) != Vocab.Kind.START || v.kind(t.get(i + 1)) != Vocab.Kind.DIGIT) continue;
      divisions++;
      for (int s = 0; s < 4; s++) {
        int estimate = v.value(t.get(i + 13 + 11 * s)), digit = v.value(t.get(i + 14 + 11 * s));
        if (estimate < digit) low++;
        if (estimate == digit + 1) high++;
        assertThat(estimate).isLessThanOrEqualTo(digit + 1);
      }
    }
    assertThat(divisions).isEqualTo(pairs.size());
    assertThat(low).as("estimates below the digit").isZero();
    assertThat(high).as("estimates one above the digit").isGreaterThan(5);
  }
}
