package dev.wasmformer.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random, valid, terminating WebAssembly programs in the supported subset: i32 and
 * i64 values, nested blocks, ifs and bounded loops, branches (br_if, br_table) carrying values
 * out of several levels, locals set and teed while stack entries still read them, direct and
 * indirect calls, globals, memory (growing too) and output. Each program is a
 * {@link TestPrograms.TestProgram} whose {@code main(a, b)} is run on a few argument pairs;
 * engines are compared on them, so no answer is needed. Branches never target loops (a
 * loop's counter must advance), and no loop has parameters (Chicory mishandles branches to
 * those when other values sit below them).
 */
public final class RandomPrograms {
  private static final int GENERAL_LOCALS = 3;
  private static final int LOOP_COUNTERS = 4;
  private static final int I64_LOCALS = 2;
  /** The first i64 local: after the parameters, the general locals and the loop counters. */
  private static final int FIRST_I64_LOCAL = 2 + GENERAL_LOCALS + LOOP_COUNTERS;
  private static final String[] BINARY = {
    "add", "sub", "mul", "and", "or", "xor", "shl", "shr_s", "shr_u", "rotl", "rotr", "eq", "ne",
    "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u",
  };
  private static final String[] UNARY = {"eqz", "clz", "ctz", "popcnt", "extend8_s", "extend16_s"};
  private static final String[] LOADS = {"load", "load8_s", "load8_u", "load16_s", "load16_u"};
  private static final String[] STORES = {"store", "store8", "store16"};
  private static final String[] BINARY64 = {
    "add", "sub", "mul", "and", "or", "xor", "shl", "shr_s", "shr_u", "rotl", "rotr",
  };
  private static final String[] COMPARE64 = {
    "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u",
  };
  private static final String[] UNARY64 = {"clz", "ctz", "popcnt", "extend8_s", "extend16_s", "extend32_s"};
  private static final String[] LOADS64 = {
    "load", "load8_s", "load8_u", "load16_s", "load16_u", "load32_s", "load32_u",
  };
  private static final String[] STORES64 = {"store", "store8", "store16", "store32"};
  private static final String LOOP = "loop";

  private final Random random;
  private final StringBuilder out = new StringBuilder();
  /**
   * The value type ("" for none, "i32", "i64") a branch to each enclosing label carries,
   * innermost last; {@link #LOOP} for a loop, which no branch targets.
   */
  private final List<String> labels = new ArrayList<>();
  private int loopsOpen;
  private int budget;

  private RandomPrograms(long seed) {
    this.random = new Random(seed);
  }

  /** The program for {@code seed}; the same seed always gives the same program. */
  public static TestPrograms.TestProgram generate(long seed) {
    RandomPrograms g = new RandomPrograms(seed);
    String wat = g.module();
    List<TestPrograms.Run> runs = List.of(
        TestPrograms.Run.of(g.random.nextInt(), g.random.nextInt(100)),
        TestPrograms.Run.of(0, 0),
        TestPrograms.Run.of(-1, g.random.nextInt()));
    return new TestPrograms.TestProgram("random_" + seed, wat, null, runs);
  }

  private String module() {
    out.append("""
        (module
          (import "env" "putchar" (func $putchar (param i32) (result i32)))
          (type $binary (func (param i32 i32) (result i32)))
          (type $wide (func (param i64 i32) (result i64)))
          (memory 1 3)
          (data (i32.const 0) "\\01\\02\\03\\04\\fe\\ff\\80\\7f")
          (global $g (mut i32) (i32.const 12345))
          (global $g64 (mut i64) (i64.const 0x123456789abcdef))
          (table 6 funcref)
          (elem (i32.const 0) $helper $mixer $picker $noisy $helper64)
          (func $helper (param i32 i32) (result i32)
            (i32.xor (i32.mul (local.get 0) (i32.const 31)) (i32.rotl (local.get 1) (local.get 0))))
          (func $mixer (param i32 i32) (result i32)
            (i32.sub (i32.rotr (local.get 0) (i32.const 7)) (i32.mul (local.get 1) (local.get 1))))
          (func $picker (param i32 i32) (result i32)
            (select (local.get 0) (local.get 1) (i32.lt_u (local.get 0) (local.get 1))))
          (func $helper64 (param i64 i32) (result i64)
            (i64.xor (i64.mul (local.get 0) (i64.const 0x9e3779b97f4a7c15))
                     (i64.rotl (i64.extend_i32_u (local.get 1)) (local.get 0))))
          (func $noisy (param i32)
            (drop (call $putchar (i32.add (i32.const 97) (i32.rem_u (local.get 0) (i32.const 26))))))
          (func (export "main") (param i32 i32) (result i32)
        """);
    out.append("(local");
    for (int i = 0; i < GENERAL_LOCALS + LOOP_COUNTERS; i++) out.append(" i32");
    for (int i = 0; i < I64_LOCALS; i++) out.append(" i64");
    out.append(")\n");
    budget = 60 + random.nextInt(80);
    labels.add("i32");
    int statements = 1 + random.nextInt(5);
    for (int i = 0; i < statements; i++) statement(0);
    expression(0);
    checksum();
    out.append("))\n");
    return out.toString();
  }

  /**
   * Folds into the i32 on the stack both words of the i64 locals, the i64 global and the
   * memory words small addresses mostly hit, so that a wrong word anywhere shows in the result.
   */
  private void checksum() {
    emit("local.get " + FIRST_I64_LOCAL);
    for (int i = 1; i < I64_LOCALS; i++) {
      emit("local.get " + (FIRST_I64_LOCAL + i));
      emit("i64.rotl");
    }
    emit("global.get $g64");
    emit("i64.xor");
    for (int address = 0; address < 32; address += 8) {
      emit("i32.const " + address);
      emit("i64.load");
      emit("i64.add");
    }
    emit("local.tee " + FIRST_I64_LOCAL);
    emit("i32.wrap_i64");
    emit("i32.xor");
    emit("local.get " + FIRST_I64_LOCAL);
    emit("i64.const 32");
    emit("i64.shr_u");
    emit("i32.wrap_i64");
    emit("i32.add");
  }

  /** Emits instructions that leave the stack as they found it. */
  private void statement(int depth) {
    budget--;
    int choice = depth > 4 || budget <= 0 ? random.nextInt(4) : random.nextInt(14);
    switch (choice) {
      case 0 -> {
        expression(depth + 1);
        emit("local.set " + generalLocal());
      }
      case 1 -> {
        expression(depth + 1);
        emit("drop");
      }
      case 2 -> {
        address(depth);
        expression(depth + 1);
        emit("i32." + pick(STORES));
      }
      case 3 -> {
        expression(depth + 1);
        emit(random.nextBoolean() ? "global.set $g" : "call $noisy");
      }
      case 4, 5 -> {
        emit("block");
        labels.add("");
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) statement(depth + 1);
        branchIfSomewhere(depth);
        statement(depth + 1);
        if (random.nextInt(3) == 0) endWithBranch(depth);
        labels.remove(labels.size() - 1);
        emit("end");
      }
      case 6 -> {
        expression(depth + 1);
        emit("if");
        labels.add("");
        statement(depth + 1);
        if (random.nextBoolean()) {
          emit("else");
          statement(depth + 1);
        }
        labels.remove(labels.size() - 1);
        emit("end");
      }
      case 7 -> boundedLoop(depth);
      case 8 -> branchIfSomewhere(depth);
      case 10 -> {
        expression64(depth + 1);
        emit(random.nextBoolean() ? "local.set " + local64() : "global.set $g64");
      }
      case 11 -> {
        address(depth);
        expression64(depth + 1);
        emit("i64." + pick(STORES64) + " offset=" + random.nextInt(8));
      }
      case 12 -> switchStatement(depth);
      default -> {
        expression(depth + 1);
        emit("local.tee " + generalLocal());
        emit("local.set " + generalLocal());
      }
    }
  }

  /** Emits instructions that push exactly one i32. */
  private void expression(int depth) {
    budget--;
    int choice = depth > 5 || budget <= 0 ? random.nextInt(3) : random.nextInt(22);
    switch (choice) {
      case 0 -> emit("i32.const " + constant());
      case 1, 2 -> emit("local.get " + random.nextInt(2 + GENERAL_LOCALS));
      case 3, 4 -> {
        expression(depth + 1);
        expression(depth + 1);
        emit("i32." + pick(BINARY));
      }
      case 5 -> {
        expression(depth + 1);
        emit("i32." + pick(UNARY));
      }
      case 6 -> {
        expression(depth + 1);
        emit("local.tee " + generalLocal());
      }
      case 7 -> {
        expression(depth + 1);
        expression(depth + 1);
        expression(depth + 1);
        emit(random.nextBoolean() ? "select" : "select (result i32)");
      }
      case 8 -> {
        expression(depth + 1);
        expression(depth + 1);
        emit("call $helper");
      }
      case 9 -> {
        address(depth);
        emit("i32." + pick(LOADS) + " offset=" + random.nextInt(4));
      }
      case 10 -> {
        // A divisor that is never zero; unsigned, so never an overflow.
        expression(depth + 1);
        expression(depth + 1);
        emit("i32.const 1");
        emit("i32.or");
        emit(random.nextBoolean() ? "i32.div_u" : "i32.rem_u");
      }
      case 11 -> {
        emit("block (result i32)");
        labels.add("i32");
        statement(depth + 1);
        branchIfSomewhere(depth);
        expression(depth + 1);
        if (random.nextInt(3) == 0) {
          emit("i32.const " + constant());
          emit("br 0");
          emit("i32.const 0");
          emit("drop");
        }
        labels.remove(labels.size() - 1);
        emit("end");
      }
      case 12 -> {
        expression(depth + 1);
        emit("if (result i32)");
        labels.add("i32");
        expression(depth + 1);
        emit("else");
        statement(depth + 1);
        expression(depth + 1);
        labels.remove(labels.size() - 1);
        emit("end");
      }
      case 14 -> {
        // A local read, then changed before the read value is used.
        String local = Integer.toString(generalLocal());
        emit("local.get " + local);
        expression(depth + 1);
        emit("local.tee " + local);
        emit("i32.sub");
      }
      case 15 -> {
        expression64(depth + 1);
        emit("i32.wrap_i64");
      }
      case 16 -> {
        expression64(depth + 1);
        expression64(depth + 1);
        emit("i64." + pick(COMPARE64));
      }
      case 17 -> {
        expression64(depth + 1);
        emit("i64.eqz");
      }
      case 18 -> {
        if (random.nextBoolean()) {
          emit("memory.size");
        } else {
          // Grows by 0 or 1 page until the maximum of 3, then fails with -1.
          expression(depth + 1);
          emit("i32.const 1");
          emit("i32.and");
          emit("memory.grow");
        }
      }
      case 19 -> {
        expression(depth + 1);
        expression(depth + 1);
        tableIndex(depth, 3);
        emit("call_indirect (type $binary)");
      }
      case 20 -> valuedSwitch(depth, "i32");
      default -> {
        // A value computed under junk, so that leaving the block moves it.
        emit("block (result i32)");
        labels.add("i32");
        emit("i32.const " + constant());
        expression(depth + 1);
        expression(depth + 1);
        emit("br_if 0");
        emit("i32.add");
        labels.remove(labels.size() - 1);
        emit("end");
      }
    }
  }

  /** A conditional branch to a random enclosing block (never a loop), carrying its value. */
  private void branchIfSomewhere(int depth) {
    int target = random.nextInt(labels.size());
    String type = labels.get(labels.size() - 1 - target);
    if (type.equals(LOOP)) return;
    value(type, depth + 1);
    expression(depth + 1);
    emit("br_if " + target);
    if (!type.isEmpty()) emit("drop");
  }

  /** Ends a block of no result with an unconditional branch out of it, plus dead code. */
  private void endWithBranch(int depth) {
    int target = random.nextInt(labels.size());
    String type = labels.get(labels.size() - 1 - target);
    if (type.equals(LOOP)) return;
    value(type, depth + 1);
    emit("br " + target);
    emit("i32.const 5");
    emit("local.set 2");
  }

  /** Pushes a value of {@code type} ("i32" or "i64"; nothing for ""). */
  private void value(String type, int depth) {
    if (type.equals("i32")) expression(depth);
    if (type.equals("i64")) expression64(depth);
  }

  /** Emits instructions that push exactly one i64. */
  private void expression64(int depth) {
    budget--;
    int choice = depth > 5 || budget <= 0 ? random.nextInt(3) : random.nextInt(15);
    switch (choice) {
      case 0 -> emit("i64.const " + constant64());
      case 1 -> emit("local.get " + local64());
      case 2 -> {
        expression(depth + 1);
        emit(random.nextBoolean() ? "i64.extend_i32_s" : "i64.extend_i32_u");
      }
      case 3, 4 -> {
        expression64(depth + 1);
        expression64(depth + 1);
        emit("i64." + pick(BINARY64));
      }
      case 5 -> {
        expression64(depth + 1);
        emit("i64." + pick(UNARY64));
      }
      case 6 -> {
        expression64(depth + 1);
        emit("local.tee " + local64());
      }
      case 7 -> {
        expression64(depth + 1);
        expression64(depth + 1);
        expression(depth + 1);
        emit(random.nextBoolean() ? "select" : "select (result i64)");
      }
      case 8 -> {
        address(depth);
        emit("i64." + pick(LOADS64) + " offset=" + random.nextInt(8));
      }
      case 9 -> {
        // A divisor that is never zero; rem_s never overflows.
        expression64(depth + 1);
        expression64(depth + 1);
        emit("i64.const 1");
        emit("i64.or");
        emit("i64." + pick(new String[] {"div_u", "rem_u", "rem_s"}));
      }
      case 10 -> emit("global.get $g64");
      case 11 -> {
        // An i64 computed under junk, so that leaving the block moves both words.
        emit("block (result i64)");
        labels.add("i64");
        emit("i64.const " + constant64());
        expression64(depth + 1);
        expression(depth + 1);
        emit("br_if 0");
        emit("i64.add");
        labels.remove(labels.size() - 1);
        emit("end");
      }
      case 12 -> {
        expression(depth + 1);
        emit("if (result i64)");
        labels.add("i64");
        expression64(depth + 1);
        emit("else");
        statement(depth + 1);
        expression64(depth + 1);
        labels.remove(labels.size() - 1);
        emit("end");
      }
      case 13 -> valuedSwitch(depth, "i64");
      default -> {
        expression64(depth + 1);
        expression(depth + 1);
        if (random.nextBoolean()) {
          emit("call $helper64");
        } else {
          emit("i32.const 4");
          emit("call_indirect (type $wide)");
        }
      }
    }
  }

  /**
   * A br_table statement: two new blocks, the table choosing among them and the enclosing
   * labels that carry no value (the default too), a statement between the two ends.
   */
  private void switchStatement(int depth) {
    emit("block");
    labels.add("");
    emit("block");
    labels.add("");
    statement(depth + 1);
    expression(depth + 1);
    emit("br_table " + targets(""));
    labels.remove(labels.size() - 1);
    emit("end");
    statement(depth + 1);
    labels.remove(labels.size() - 1);
    emit("end");
  }

  /**
   * A br_table carrying a value of {@code type} over junk, to two new blocks or enclosing
   * labels of the same type (the function's label too, which returns).
   */
  private void valuedSwitch(int depth, String type) {
    emit("block (result " + type + ")");
    labels.add(type);
    emit("block (result " + type + ")");
    labels.add(type);
    value(type, depth + 1);
    value(type, depth + 1);
    expression(depth + 1);
    emit("br_table " + targets(type));
    labels.remove(labels.size() - 1);
    emit("end");
    value(type, depth + 1);
    emit(type + ".xor");
    labels.remove(labels.size() - 1);
    emit("end");
  }

  /** One to four br_table labels, then the default, all carrying {@code type}. */
  private String targets(String type) {
    List<Integer> candidates = new ArrayList<>();
    for (int depth = 0; depth < labels.size(); depth++) {
      if (labels.get(labels.size() - 1 - depth).equals(type)) candidates.add(depth);
    }
    StringBuilder table = new StringBuilder();
    int count = 2 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      // The two innermost labels are the new blocks; prefer them so most runs stay inside.
      int depth = random.nextInt(3) > 0 ? random.nextInt(2) : candidates.get(random.nextInt(candidates.size()));
      table.append(i > 0 ? " " : "").append(depth);
    }
    return table.toString();
  }

  /**
   * An index into the table: usually one of its first {@code valid} entries, rarely anything
   * below 8 (a type mismatch, a null entry or beyond the table: a trap).
   */
  private void tableIndex(int depth, int valid) {
    expression(depth + 1);
    if (random.nextInt(12) == 0) {
      emit("i32.const 7");
      emit("i32.and");
    } else {
      emit("i32.const " + valid);
      emit("i32.rem_u");
    }
  }

  /** A loop that runs 1 to 3 times, counted in a local nothing else writes. */
  private void boundedLoop(int depth) {
    if (loopsOpen == LOOP_COUNTERS) {
      statement(depth + 1);
      return;
    }
    String counter = Integer.toString(2 + GENERAL_LOCALS + loopsOpen);
    loopsOpen++;
    emit("i32.const 0");
    emit("local.set " + counter);
    emit("loop");
    labels.add(LOOP);
    int n = 1 + random.nextInt(2);
    for (int i = 0; i < n; i++) statement(depth + 1);
    emit("local.get " + counter);
    emit("i32.const 1");
    emit("i32.add");
    emit("local.tee " + counter);
    emit("i32.const " + (1 + random.nextInt(3)));
    emit("i32.lt_u");
    emit("br_if 0");
    labels.remove(labels.size() - 1);
    emit("end");
    loopsOpen--;
  }

  /** An address inside the first page, aligned or not. */
  private void address(int depth) {
    expression(depth + 1);
    emit("i32.const " + 0xFFF0);
    emit("i32.and");
  }

  private int generalLocal() {
    return 2 + random.nextInt(GENERAL_LOCALS);
  }

  private int local64() {
    return FIRST_I64_LOCAL + random.nextInt(I64_LOCALS);
  }

  private long constant64() {
    return switch (random.nextInt(5)) {
      case 0 -> random.nextInt(10);
      case 1 -> random.nextInt(64) - 32;
      case 2 -> 1L << random.nextInt(64);
      case 3 -> random.nextInt();
      default -> random.nextLong();
    };
  }

  private int constant() {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextInt(10);
      case 1 -> random.nextInt(64) - 32;
      case 2 -> 1 << random.nextInt(32);
      default -> random.nextInt();
    };
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  private void emit(String instruction) {
    out.append("    ").append(instruction).append('\n');
  }
}
