package dev.wasmformer.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random, valid, terminating WebAssembly programs in the supported i32 subset:
 * nested blocks, ifs and bounded loops, branches carrying values out of several levels,
 * locals set and teed while stack entries still read them, calls, globals, memory and
 * output. Each program is a {@link TestPrograms.TestProgram} whose {@code main(a, b)} is
 * run on a few argument pairs; engines are compared on them, so no answer is needed.
 */
public final class RandomPrograms {
  private static final int GENERAL_LOCALS = 3;
  private static final int LOOP_COUNTERS = 4;
  private static final String[] BINARY = {
    "add", "sub", "mul", "and", "or", "xor", "shl", "shr_s", "shr_u", "rotl", "rotr", "eq", "ne",
    "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u",
  };
  private static final String[] UNARY = {"eqz", "clz", "ctz", "popcnt", "extend8_s", "extend16_s"};
  private static final String[] LOADS = {"load", "load8_s", "load8_u", "load16_s", "load16_u"};
  private static final String[] STORES = {"store", "store8", "store16"};

  private final Random random;
  private final StringBuilder out = new StringBuilder();
  /** Arity (0 or 1) of each enclosing label a branch may target, innermost last; -1: a loop. */
  private final List<Integer> labels = new ArrayList<>();
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
          (memory 1)
          (data (i32.const 0) "\\01\\02\\03\\04\\fe\\ff\\80\\7f")
          (global $g (mut i32) (i32.const 12345))
          (func $helper (param i32 i32) (result i32)
            (i32.xor (i32.mul (local.get 0) (i32.const 31)) (i32.rotl (local.get 1) (local.get 0))))
          (func $noisy (param i32)
            (drop (call $putchar (i32.add (i32.const 97) (i32.rem_u (local.get 0) (i32.const 26))))))
          (func (export "main") (param i32 i32) (result i32)
        """);
    out.append("(local");
    for (int i = 0; i < GENERAL_LOCALS + LOOP_COUNTERS; i++) out.append(" i32");
    out.append(")\n");
    budget = 60 + random.nextInt(80);
    labels.add(1);
    int statements = 1 + random.nextInt(5);
    for (int i = 0; i < statements; i++) statement(0);
    expression(0);
    out.append("))\n");
    return out.toString();
  }

  /** Emits instructions that leave the stack as they found it. */
  private void statement(int depth) {
    budget--;
    int choice = depth > 4 || budget <= 0 ? random.nextInt(4) : random.nextInt(10);
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
        labels.add(0);
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
        labels.add(0);
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
    int choice = depth > 5 || budget <= 0 ? random.nextInt(3) : random.nextInt(15);
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
        labels.add(1);
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
        labels.add(1);
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
      default -> {
        // A value computed under junk, so that leaving the block moves it.
        emit("block (result i32)");
        labels.add(1);
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
    int label = labels.size() - 1 - target;
    int arity = labels.get(label);
    if (arity < 0) return;
    if (arity == 1) expression(depth + 1);
    expression(depth + 1);
    emit("br_if " + target);
    if (arity == 1) emit("drop");
  }

  /** Ends a block of no result with an unconditional branch out of it, plus dead code. */
  private void endWithBranch(int depth) {
    int target = random.nextInt(labels.size());
    int arity = labels.get(labels.size() - 1 - target);
    if (arity < 0) return;
    if (arity == 1) expression(depth + 1);
    emit("br " + target);
    emit("i32.const 5");
    emit("local.set 2");
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
    labels.add(-1);
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
