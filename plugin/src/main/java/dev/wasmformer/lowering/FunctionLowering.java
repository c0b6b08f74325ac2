package dev.wasmformer.lowering;

import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import dev.wasmformer.isa.I64Ops;
import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.Trap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Lowers one function body. The operand stack height is static at every reachable
 * instruction, and so is each entry's type, so every entry has a static place: entries are
 * laid out upwards from slot {@code base} (which follows the parameters and declared locals),
 * an i32 taking one slot and an i64 a pair (low word first). Structured control flow becomes
 * jumps to absolute instruction indexes, patched when a construct's end is reached.
 */
final class FunctionLowering {
  /** Receives each emitted CALL so its target can be patched once the callee is placed. */
  interface Calls {
    void callAt(int instruction, int function);

    /** A CALL of the soft-float routine {@code routine} ({@link FloatRoutines}). */
    void callRoutineAt(int instruction, String routine);
  }

  /** i32 operations, z = x OP y. */
  private static final Map<OpCode, Opcode> BINARY = new EnumMap<>(OpCode.class);
  /** i32 operations, z = OP x. */
  private static final Map<OpCode, Opcode> UNARY = new EnumMap<>(OpCode.class);
  private static final Map<OpCode, Opcode> LOADS = new EnumMap<>(OpCode.class);
  private static final Map<OpCode, Opcode> STORES = new EnumMap<>(OpCode.class);
  /** i64 operations with an opcode of their own: pairs in, a pair (or an i32 for comparisons) out. */
  private static final Map<OpCode, Opcode> PAIR_OPS = new EnumMap<>(OpCode.class);
  /** i64.and/or/xor: the i32 operation on each word. */
  private static final Map<OpCode, Opcode> BITWISE64 = new EnumMap<>(OpCode.class);
  /** i64 loads narrower than 8 bytes: the i32 load of the low word; the high word is a fill. */
  private static final Map<OpCode, Opcode> NARROW_LOADS64 = new EnumMap<>(OpCode.class);
  /** i64 stores narrower than 8 bytes: the i32 store of the low word. */
  private static final Map<OpCode, Opcode> NARROW_STORES64 = new EnumMap<>(OpCode.class);
  /** Sign extensions within an i64 (extend32_s needs no i32 operation: NOP). */
  private static final Map<OpCode, Opcode> EXTENDS64 = new EnumMap<>(OpCode.class);
  /** Every WebAssembly instruction the lowering handles; anything else is refused up front. */
  static final Set<OpCode> SUPPORTED = EnumSet.of(
      OpCode.UNREACHABLE, OpCode.NOP, OpCode.BLOCK, OpCode.LOOP, OpCode.IF, OpCode.ELSE,
      OpCode.END, OpCode.BR, OpCode.BR_IF, OpCode.BR_TABLE, OpCode.RETURN, OpCode.CALL,
      OpCode.CALL_INDIRECT, OpCode.DROP, OpCode.SELECT, OpCode.SELECT_T, OpCode.LOCAL_GET,
      OpCode.LOCAL_SET, OpCode.LOCAL_TEE, OpCode.GLOBAL_GET, OpCode.GLOBAL_SET, OpCode.I32_CONST,
      OpCode.I64_CONST, OpCode.MEMORY_SIZE, OpCode.MEMORY_GROW, OpCode.I64_EQZ, OpCode.I64_CLZ,
      OpCode.I64_CTZ, OpCode.I64_POPCNT, OpCode.I64_EXTEND_I32_S, OpCode.I64_EXTEND_I32_U,
      OpCode.I32_WRAP_I64, OpCode.I64_LOAD, OpCode.I64_STORE,
      OpCode.F32_CONST, OpCode.F64_CONST, OpCode.F32_NEG, OpCode.F64_NEG, OpCode.F32_ABS, OpCode.F64_ABS,
      OpCode.F32_COPYSIGN, OpCode.F64_COPYSIGN, OpCode.F64_LOAD, OpCode.F64_STORE,
      OpCode.I32_REINTERPRET_F32, OpCode.F32_REINTERPRET_I32, OpCode.I64_REINTERPRET_F64,
      OpCode.F64_REINTERPRET_I64);

  static {
    fill(BINARY, new Object[][] {
      {OpCode.I32_ADD, Opcode.ADD}, {OpCode.I32_SUB, Opcode.SUB}, {OpCode.I32_MUL, Opcode.MUL},
      {OpCode.I32_DIV_S, Opcode.DIV_S}, {OpCode.I32_DIV_U, Opcode.DIV_U},
      {OpCode.I32_REM_S, Opcode.REM_S}, {OpCode.I32_REM_U, Opcode.REM_U},
      {OpCode.I32_AND, Opcode.AND}, {OpCode.I32_OR, Opcode.OR}, {OpCode.I32_XOR, Opcode.XOR},
      {OpCode.I32_SHL, Opcode.SHL}, {OpCode.I32_SHR_S, Opcode.SHR_S},
      {OpCode.I32_SHR_U, Opcode.SHR_U}, {OpCode.I32_ROTL, Opcode.ROTL},
      {OpCode.I32_ROTR, Opcode.ROTR}, {OpCode.I32_EQ, Opcode.EQ}, {OpCode.I32_NE, Opcode.NE},
      {OpCode.I32_LT_S, Opcode.LT_S}, {OpCode.I32_LT_U, Opcode.LT_U},
      {OpCode.I32_GT_S, Opcode.GT_S}, {OpCode.I32_GT_U, Opcode.GT_U},
      {OpCode.I32_LE_S, Opcode.LE_S}, {OpCode.I32_LE_U, Opcode.LE_U},
      {OpCode.I32_GE_S, Opcode.GE_S}, {OpCode.I32_GE_U, Opcode.GE_U},
    });
    fill(UNARY, new Object[][] {
      {OpCode.I32_EQZ, Opcode.EQZ}, {OpCode.I32_CLZ, Opcode.CLZ}, {OpCode.I32_CTZ, Opcode.CTZ},
      {OpCode.I32_POPCNT, Opcode.POPCNT}, {OpCode.I32_EXTEND_8_S, Opcode.EXTEND8_S},
      {OpCode.I32_EXTEND_16_S, Opcode.EXTEND16_S},
    });
    fill(LOADS, new Object[][] {
      {OpCode.I32_LOAD, Opcode.LOAD32}, {OpCode.I32_LOAD8_S, Opcode.LOAD8_S},
      {OpCode.I32_LOAD8_U, Opcode.LOAD8_U}, {OpCode.I32_LOAD16_S, Opcode.LOAD16_S},
      {OpCode.I32_LOAD16_U, Opcode.LOAD16_U}, {OpCode.F32_LOAD, Opcode.LOAD32},
    });
    fill(STORES, new Object[][] {
      {OpCode.I32_STORE, Opcode.STORE32}, {OpCode.I32_STORE8, Opcode.STORE8},
      {OpCode.I32_STORE16, Opcode.STORE16}, {OpCode.F32_STORE, Opcode.STORE32},
    });
    fill(PAIR_OPS, new Object[][] {
      {OpCode.I64_ADD, Opcode.ADD64}, {OpCode.I64_SUB, Opcode.SUB64}, {OpCode.I64_MUL, Opcode.MUL64},
      {OpCode.I64_DIV_S, Opcode.DIV64_S}, {OpCode.I64_DIV_U, Opcode.DIV64_U},
      {OpCode.I64_REM_S, Opcode.REM64_S}, {OpCode.I64_REM_U, Opcode.REM64_U},
      {OpCode.I64_SHL, Opcode.SHL64}, {OpCode.I64_SHR_S, Opcode.SHR64_S},
      {OpCode.I64_SHR_U, Opcode.SHR64_U}, {OpCode.I64_ROTL, Opcode.ROTL64},
      {OpCode.I64_ROTR, Opcode.ROTR64}, {OpCode.I64_EQ, Opcode.EQ64}, {OpCode.I64_NE, Opcode.NE64},
      {OpCode.I64_LT_S, Opcode.LT64_S}, {OpCode.I64_LT_U, Opcode.LT64_U},
      {OpCode.I64_GT_S, Opcode.GT64_S}, {OpCode.I64_GT_U, Opcode.GT64_U},
      {OpCode.I64_LE_S, Opcode.LE64_S}, {OpCode.I64_LE_U, Opcode.LE64_U},
      {OpCode.I64_GE_S, Opcode.GE64_S}, {OpCode.I64_GE_U, Opcode.GE64_U},
    });
    fill(BITWISE64, new Object[][] {
      {OpCode.I64_AND, Opcode.AND}, {OpCode.I64_OR, Opcode.OR}, {OpCode.I64_XOR, Opcode.XOR},
    });
    fill(NARROW_LOADS64, new Object[][] {
      {OpCode.I64_LOAD8_S, Opcode.LOAD8_S}, {OpCode.I64_LOAD8_U, Opcode.LOAD8_U},
      {OpCode.I64_LOAD16_S, Opcode.LOAD16_S}, {OpCode.I64_LOAD16_U, Opcode.LOAD16_U},
      {OpCode.I64_LOAD32_S, Opcode.LOAD32}, {OpCode.I64_LOAD32_U, Opcode.LOAD32},
    });
    fill(NARROW_STORES64, new Object[][] {
      {OpCode.I64_STORE8, Opcode.STORE8}, {OpCode.I64_STORE16, Opcode.STORE16},
      {OpCode.I64_STORE32, Opcode.STORE32},
    });
    fill(EXTENDS64, new Object[][] {
      {OpCode.I64_EXTEND_8_S, Opcode.EXTEND8_S}, {OpCode.I64_EXTEND_16_S, Opcode.EXTEND16_S},
      {OpCode.I64_EXTEND_32_S, Opcode.NOP},
    });
  }

  static {
    SUPPORTED.addAll(FloatRoutines.CALLS.keySet());
    SUPPORTED.addAll(FloatRoutines.COMPARISONS.keySet());
  }

  private static void fill(Map<OpCode, Opcode> map, Object[][] pairs) {
    for (Object[] pair : pairs) {
      map.put((OpCode) pair[0], (Opcode) pair[1]);
      SUPPORTED.add((OpCode) pair[0]);
    }
  }

  private enum Kind { FUNCTION, BLOCK, LOOP, IF }

  /** A block type's parameter and result widths (slots per value). */
  private record BlockType(int[] params, int[] results) {}

  /** A structured control construct being lowered. */
  private static final class Frame {
    final Kind kind;
    /** Stack height below the construct's parameters; its results start here. */
    final int entryHeight;
    /** Widths of the parameters and of the results. */
    final int[] params;
    final int[] results;
    /** Index of a loop's first instruction (its branch target). */
    final int loopHead;
    /** Jumps to patch to the construct's end. */
    final List<Integer> endJumps = new ArrayList<>();
    /** An if's JUMP_IFZ to patch to the else branch (or the end); -1 once patched. */
    int elseJump = -1;
    /** Set after br, br_table, return or unreachable: the rest of the construct is skipped. */
    boolean unreachable;

    Frame(Kind kind, int entryHeight, int[] params, int[] results, int loopHead) {
      this.kind = kind;
      this.entryHeight = entryHeight;
      this.params = params;
      this.results = results;
      this.loopHead = loopHead;
    }

    /** Widths of the values a branch to this construct carries: a loop's parameters, else its results. */
    int[] labelWidths() {
      return kind == Kind.LOOP ? params : results;
    }
  }

  /** More stack entries than this cannot fit, as each takes at least one slot. */
  private static final int MAX_ENTRIES = Instruction.MAX_SLOT_OFFSET + 2;

  private final ModuleInfo module;
  private final String name;
  private final CodeBuffer out;
  private final Calls calls;
  private final FunctionType type;
  private final FunctionBody body;
  /** For each local (parameters first), its first slot and its width. */
  private final int[] localSlot;
  private final int[] localWidth;
  /** Slots of parameters plus declared locals. */
  private final int locals;
  /** Slot of the operand stack's bottom. */
  private final int base;
  private final List<Frame> frames = new ArrayList<>();
  /** Number of entries on the operand stack. */
  private int height;
  /** For each entry, its width in slots. */
  private final int[] width = new int[MAX_ENTRIES];
  /** For each height, the offset from {@code base} of the entry there (of the next one at the top). */
  private final int[] offset = new int[MAX_ENTRIES + 1];
  /**
   * For each entry, the first slot of the local whose value the entry still is (a local.get
   * not yet copied), or -1 when the value sits in the entry's own slots. Readers take the
   * value from the local directly; an entry is copied to its slots only when the local is
   * about to change or control flow needs every entry in place.
   */
  private final int[] alias = new int[MAX_ENTRIES];
  /**
   * The first of the instructions that just computed the top entry into its own slots, else
   * -1: local.set may redirect them to the local instead.
   */
  private int producer = -1;
  /** The latest index some jump may land on. */
  private int label = -1;
  /** Nesting depth of constructs opened inside skipped (unreachable) code. */
  private int skipped;
  private String current = "";
  private final I64Words.Emitter words = (op, x, y, z, imm) -> emit(op, x, y, z, imm);

  FunctionLowering(ModuleInfo module, int function, CodeBuffer out, Calls calls) {
    this.module = module;
    this.name = module.name(function);
    this.out = out;
    this.calls = calls;
    this.type = module.type(function);
    this.body = module.body(function);
    int count = type.params().size() + body.localTypes().size();
    this.localSlot = new int[count];
    this.localWidth = new int[count];
    int slots = 0;
    for (int i = 0; i < count; i++) {
      boolean param = i < type.params().size();
      ValType t = param ? type.params().get(i) : body.localTypes().get(i - type.params().size());
      localSlot[i] = slots;
      localWidth[i] = requireNumber(t, param ? "parameter type" : "local type");
      slots += localWidth[i];
    }
    if (type.returns().size() > 1) {
      throw unsupported("multiple results (" + type.returns().size() + ")");
    }
    type.returns().forEach(r -> requireNumber(r, "result type"));
    this.locals = slots;
    this.base = Math.max(1, locals);
    if (locals > Instruction.MAX_SLOT_OFFSET + 1) throw tooManySlots();
  }

  /** Emits the function; its first instruction is at the buffer's next index. */
  void lower() {
    for (AnnotatedInstruction in : body.instructions()) {
      if (!SUPPORTED.contains(in.opcode())) {
        throw unsupported("instruction " + WasmText.name(in.opcode()));
      }
    }
    out.lowering("prologue of function " + name);
    for (int local = type.params().size(); local < localSlot.length; local++) {
      for (int word = 0; word < localWidth[local]; word++) {
        out.emit(Opcode.CONST, 0, 0, localSlot[local] + word, 0);
      }
    }
    frames.add(new Frame(Kind.FUNCTION, 0, new int[0], widths(type.returns()), -1));
    for (AnnotatedInstruction in : body.instructions()) {
      current = WasmText.name(in.opcode());
      out.lowering("instruction " + current + " in function " + name);
      if (top().unreachable) {
        skip(in);
      } else {
        lower(in);
      }
    }
    if (!frames.isEmpty()) {
      // the decoder lets some bodies cut short of their final end through
      throw new MalformedWasmException("malformed WebAssembly module: the body of function " + name
          + " ends inside a block (its final end is missing)");
    }
  }

  /** Inside unreachable code only the structure matters: find the construct's else or end. */
  private void skip(AnnotatedInstruction in) {
    switch (in.opcode()) {
      case BLOCK, LOOP, IF -> skipped++;
      case ELSE -> {
        if (skipped == 0) elseBranch();
      }
      case END -> {
        if (skipped == 0) {
          end();
        } else {
          skipped--;
        }
      }
      default -> {}
    }
  }

  private void lower(AnnotatedInstruction in) {
    OpCode op = in.opcode();
    Opcode binary = BINARY.get(op);
    if (binary != null) {
      if (immediateForm(binary)) return;
      int a = source(height - 2);
      int b = source(height - 1);
      pop(2);
      produce(binary, a, b, 0, 1);
      return;
    }
    if (op == OpCode.I32_EQZ && invertComparison()) return;
    Opcode unary = UNARY.get(op);
    if (unary != null) {
      int a = source(height - 1);
      pop(1);
      produce(unary, a, 0, 0, 1);
      return;
    }
    Opcode load = LOADS.get(op);
    if (load != null) {
      int address = source(height - 1);
      pop(1);
      produce(load, address, 0, offset(in), 1);
      return;
    }
    Opcode store = STORES.get(op);
    if (store != null) {
      emit(store, source(height - 2), source(height - 1), 0, offset(in));
      pop(2);
      return;
    }
    Opcode pairOp = PAIR_OPS.get(op);
    if (pairOp != null) {
      int a = source(height - 2);
      int b = source(height - 1);
      pop(2);
      produce(pairOp, a, b, 0, I64Ops.isComparison(pairOp) ? 1 : 2);
      return;
    }
    if (lowerI64(in) || lowerFloat(in)) return;
    switch (op) {
      case NOP -> {}
      case UNREACHABLE -> {
        emit(Opcode.UNREACHABLE, 0, 0, 0, 0);
        markUnreachable();
      }
      case I32_CONST -> produce(Opcode.CONST, 0, 0, (int) in.operand(0), 1);
      case LOCAL_GET -> {
        int local = local(in);
        pushEntry(localWidth[local]);
        alias[height - 1] = localSlot[local];
      }
      case LOCAL_SET -> {
        setLocal(local(in));
        pop(1);
      }
      case LOCAL_TEE -> setLocal(local(in));
      case GLOBAL_GET -> {
        ModuleInfo.GlobalInfo global = global(in);
        int start = out.next();
        int r = pushEntry(global.width());
        long value = global.initialValue().orElseThrow();
        for (int word = 0; word < global.width(); word++) {
          if (global.mutable()) {
            emit(Opcode.GLOBAL_GET, 0, 0, r + word, global.slot() + word);
          } else {
            // An immutable global is its initial value everywhere.
            emit(Opcode.CONST, 0, 0, r + word, (int) (value >>> (32 * word)));
          }
        }
        producer = start;
      }
      case GLOBAL_SET -> {
        ModuleInfo.GlobalInfo global = global(in);
        int value = source(height - 1);
        for (int word = 0; word < global.width(); word++) {
          emit(Opcode.GLOBAL_SET, value + word, 0, 0, global.slot() + word);
        }
        pop(1);
      }
      case DROP -> pop(1);
      case SELECT, SELECT_T -> {
        if (op == OpCode.SELECT_T) {
          requireNumber(ValType.builder().fromId(in.operand(0)).build(), "select type");
        }
        int w = width[height - 2];
        int first = source(height - 3);
        int second = source(height - 2);
        int condition = source(height - 1);
        pop(3);
        int start = out.next();
        int r = pushEntry(w);
        for (int word = 0; word < w; word++) {
          emit(Opcode.SELECT, first + word, second + word, r + word, condition);
        }
        producer = start;
      }
      case MEMORY_SIZE -> produce(Opcode.MEMORY_SIZE, 0, 0, 0, 1);
      case MEMORY_GROW -> {
        int delta = source(height - 1);
        pop(1);
        produce(Opcode.MEMORY_GROW, delta, 0, module.memoryMaxPages(), 1);
      }
      case CALL -> call((int) in.operand(0));
      case CALL_INDIRECT -> callIndirect((int) in.operand(0), (int) in.operand(1));
      case BLOCK, LOOP -> {
        BlockType blockType = blockType(in);
        // Every label's state has each entry in its own slot; a block's entry keeps that
        // for the entries below it, which nothing inside the block can touch.
        materialize(0, height);
        Kind kind = op == OpCode.LOOP ? Kind.LOOP : Kind.BLOCK;
        if (kind == Kind.LOOP) markLabel();
        frames.add(new Frame(kind, height - blockType.params().length, blockType.params(),
            blockType.results(), out.next()));
      }
      case IF -> {
        BlockType blockType = blockType(in);
        if (blockType.params().length > 0) {
          // The then branch overwrites the parameters' slots, which the else branch still needs.
          throw unsupported("if with parameters");
        }
        int eqzOperand = fusableEqz();
        int condition = eqzOperand >= 0 ? eqzOperand : source(height - 1);
        pop(1);
        materialize(0, height);
        Frame frame = new Frame(Kind.IF, height, new int[0], blockType.results(), -1);
        frame.elseJump = emit(eqzOperand >= 0 ? Opcode.JUMP_IF : Opcode.JUMP_IFZ, condition, 0, 0, 0);
        frames.add(frame);
      }
      case ELSE -> elseBranch();
      case END -> end();
      case BR -> {
        branch(label((int) in.operand(0)));
        markUnreachable();
      }
      case BR_IF -> {
        int eqzOperand = fusableEqz();
        int condition = eqzOperand >= 0 ? eqzOperand : source(height - 1);
        pop(1);
        branchIf(label((int) in.operand(0)), condition, eqzOperand >= 0);
      }
      case BR_TABLE -> {
        branchTable(in.operands());
        markUnreachable();
      }
      case RETURN -> {
        emitReturn();
        markUnreachable();
      }
      default -> throw unsupported("instruction " + current);
    }
  }

  /** The i64 instructions without an opcode of their own; false if {@code in} is none of them. */
  private boolean lowerI64(AnnotatedInstruction in) {
    OpCode op = in.opcode();
    int start = out.next();
    if (op == OpCode.I64_CONST) {
      long value = in.operand(0);
      int r = pushEntry(2);
      emit(Opcode.CONST, 0, 0, r, I64Ops.low(value));
      emit(Opcode.CONST, 0, 0, r + 1, I64Ops.high(value));
    } else if (BITWISE64.containsKey(op)) {
      int a = source(height - 2);
      int b = source(height - 1);
      pop(2);
      I64Words.bitwise(words, BITWISE64.get(op), a, b, pushEntry(2));
    } else if (op == OpCode.I64_EQZ) {
      int a = source(height - 1);
      pop(1);
      produce(Opcode.EQZ64, a, 0, 0, 1);
      return true;
    } else if (op == OpCode.I64_CLZ || op == OpCode.I64_CTZ || op == OpCode.I64_POPCNT) {
      int a = source(height - 1);
      pop(1);
      int r = pushEntry(2);
      int scratch = scratch(2);
      switch (op) {
        case I64_CLZ -> I64Words.clz(words, a, r, scratch);
        case I64_CTZ -> I64Words.ctz(words, a, r, scratch);
        default -> I64Words.popcnt(words, a, r, scratch);
      }
    } else if (EXTENDS64.containsKey(op) || op == OpCode.I64_EXTEND_I32_S) {
      int a = source(height - 1);
      pop(1);
      I64Words.signExtend(words, EXTENDS64.getOrDefault(op, Opcode.NOP), a, pushEntry(2));
    } else if (op == OpCode.I64_EXTEND_I32_U) {
      int a = source(height - 1);
      pop(1);
      I64Words.zeroExtend(words, a, pushEntry(2));
    } else if (op == OpCode.I32_WRAP_I64) {
      // The low word already is the i32, in the same slot (or the same local).
      int local = alias[height - 1];
      pop(1);
      pushEntry(1);
      alias[height - 1] = local;
      return true;
    } else if (op == OpCode.I64_LOAD || op == OpCode.F64_LOAD) {
      int address = source(height - 1);
      pop(1);
      int r = pushEntry(2);
      // The high word first: its bounds check covers all 8 bytes, and the address may be in r.
      emit(Opcode.LOAD32, address, 0, r + 1, I64Words.highOffset(in.operand(1)));
      emit(Opcode.LOAD32, address, 0, r, offset(in));
    } else if (NARROW_LOADS64.containsKey(op)) {
      int address = source(height - 1);
      pop(1);
      int r = pushEntry(2);
      emit(NARROW_LOADS64.get(op), address, 0, r, offset(in));
      if (op.name().endsWith("_S")) {
        I64Words.fillSign(words, r);
      } else {
        emit(Opcode.CONST, 0, 0, r + 1, 0);
      }
    } else if (op == OpCode.I64_STORE || op == OpCode.F64_STORE) {
      int address = source(height - 2);
      int value = source(height - 1);
      // The high word first: a trapping store then writes nothing.
      emit(Opcode.STORE32, address, value + 1, 0, I64Words.highOffset(in.operand(1)));
      emit(Opcode.STORE32, address, value, 0, offset(in));
      pop(2);
      return true;
    } else if (NARROW_STORES64.containsKey(op)) {
      emit(NARROW_STORES64.get(op), source(height - 2), source(height - 1), 0, offset(in));
      pop(2);
      return true;
    } else {
      return false;
    }
    producer = start;
    return true;
  }

  /**
   * The f32 and f64 instructions: a value is its bit pattern (an i32, or an i64's slot pair),
   * so constants are their bits, reinterpretations nothing, and sign operations integer
   * operations on the (high) word holding the sign; arithmetic, comparisons and conversions are
   * calls of soft-float routines. False if {@code in} is none of them.
   */
  private boolean lowerFloat(AnnotatedInstruction in) {
    OpCode op = in.opcode();
    String routine = FloatRoutines.CALLS.get(op);
    if (routine != null) {
      callRoutine(routine);
      return true;
    }
    FloatRoutines.Comparison comparison = FloatRoutines.COMPARISONS.get(op);
    if (comparison != null) {
      callRoutine(comparison.routine());
      int r = slot(height - 1);
      int constant = scratch(1);
      emit(Opcode.CONST, 0, 0, constant, comparison.constant());
      if (comparison.test() == Opcode.XOR) {
        emit(Opcode.XOR, r, constant, r, 0);
        emit(Opcode.LT_U, r, constant, r, 0);
      } else {
        emit(comparison.test(), r, constant, r, 0);
      }
      return true;
    }
    int start = out.next();
    switch (op) {
      case F32_CONST -> produce(Opcode.CONST, 0, 0, (int) in.operand(0), 1);
      case F64_CONST -> {
        long bits = in.operand(0);
        int r = pushEntry(2);
        emit(Opcode.CONST, 0, 0, r, I64Ops.low(bits));
        emit(Opcode.CONST, 0, 0, r + 1, I64Ops.high(bits));
        producer = start;
      }
      case I32_REINTERPRET_F32, F32_REINTERPRET_I32, I64_REINTERPRET_F64, F64_REINTERPRET_I64 -> {
        // The bits stay where they are: the entry keeps its place, its local and its producer.
        int local = alias[height - 1];
        int w = width[height - 1];
        int keep = producer;
        pop(1);
        pushEntry(w);
        alias[height - 1] = local;
        producer = keep;
      }
      case F32_NEG, F32_ABS, F64_NEG, F64_ABS -> {
        int w = width[height - 1];
        int a = source(height - 1);
        pop(1);
        int r = pushEntry(w);
        int mask = scratch(1);
        if (w == 2 && a != r) emit(Opcode.COPY, a, 0, r, 0);
        boolean neg = op == OpCode.F32_NEG || op == OpCode.F64_NEG;
        emit(Opcode.CONST, 0, 0, mask, neg ? 0x8000_0000 : 0x7FFF_FFFF);
        emit(neg ? Opcode.XOR : Opcode.AND, a + w - 1, mask, r + w - 1, 0);
      }
      case F32_COPYSIGN, F64_COPYSIGN -> {
        int w = width[height - 1];
        // Scratch above both operands: the result's slots overlap the second one's.
        int sign = scratch(2);
        int a = source(height - 2);
        int b = source(height - 1);
        pop(2);
        int r = pushEntry(w);
        int high = w - 1;
        emit(Opcode.CONST, 0, 0, sign, 0x8000_0000);
        emit(Opcode.AND, b + high, sign, sign, 0);
        emit(Opcode.CONST, 0, 0, sign + 1, 0x7FFF_FFFF);
        emit(Opcode.AND, a + high, sign + 1, r + high, 0);
        emit(Opcode.OR, r + high, sign, r + high, 0);
        if (w == 2 && a != r) emit(Opcode.COPY, a, 0, r, 0);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * A call of a soft-float routine on the top entries, which are its arguments, as for a
   * call of a function of the module: its frame starts at the first argument's slot.
   */
  private void callRoutine(String routine) {
    FunctionType routineType = FloatRoutines.type(routine);
    int frameStart = placeArguments(routineType, "call of a soft-float routine");
    int at = emit(Opcode.CALL, frameStart, 0, 0, (out.next() + 1) << 16);
    calls.callRoutineAt(at, routine);
    takeResults(routineType);
  }

  /** local.set / local.tee: the top entry's value goes to local {@code local}; it stays pushed. */
  private void setLocal(int local) {
    int top = height - 1;
    int slot = localSlot[local];
    if (alias[top] == slot) return;
    // Entries still reading the local's old value need it in their own slots first.
    for (int k = 0; k < top; k++) {
      if (alias[k] == slot) materialize(k, k + 1);
    }
    if (alias[top] < 0 && producer >= 0 && label <= producer && redirect(producer, slot(top), slot)) {
      // The instructions that computed the value write the local instead of the stack slots.
      alias[top] = slot;
    } else {
      int source = source(top);
      for (int word = 0; word < localWidth[local]; word++) {
        emit(Opcode.COPY, source + word, 0, slot + word, 0);
      }
    }
    producer = -1;
  }

  /**
   * Makes the instructions from {@code start} on write slot {@code to + k} where they wrote
   * {@code from + k}, if that keeps their meaning: each writes only the top entry's slots,
   * through z, together they write every one of them (a word left in place, as by
   * extend_i32_u of a value already in its slot, would be lost), and none reads what an
   * earlier one wrote (before or after the move).
   */
  private boolean redirect(int start, int from, int to) {
    int w = width[height - 1];
    Set<Integer> written = new HashSet<>();
    for (int word = 0; word < w; word++) {
      int result = from + word;
      boolean covered = false;
      for (int at = start; at < out.next(); at++) {
        Instruction in = out.get(at);
        int zWords = I64Ops.isBinary(in.op()) ? 2 : 1;
        covered |= in.z() <= result && result < in.z() + zWords;
      }
      if (!covered) return false;
    }
    for (int at = start; at < out.next(); at++) {
      Instruction in = out.get(at);
      int[] reads = reads(in);
      int zWords = I64Ops.isBinary(in.op()) ? 2 : 1;
      if (reads == null || in.z() < from || in.z() + zWords > from + w) return false;
      for (int s : reads) {
        if (written.contains(s)) return false;
      }
      for (int k = 0; k < zWords; k++) {
        written.add(in.z() + k);
        written.add(in.z() + k - from + to);
      }
    }
    for (int at = start; at < out.next(); at++) {
      Instruction in = out.get(at);
      out.replace(at, new Instruction(in.op(), in.x(), in.y(), in.z() - from + to, in.imm()));
    }
    return true;
  }

  /** The slots an instruction that writes only through z reads; null for any other instruction. */
  private static int[] reads(Instruction in) {
    Opcode op = in.op();
    if (op == Opcode.CONST || op == Opcode.GLOBAL_GET || op == Opcode.GETCHAR || op == Opcode.MEMORY_SIZE) {
      return new int[0];
    }
    if (op == Opcode.COPY || op == Opcode.MEMORY_GROW || op.isUnary() || op.isLoad() || op.isImmediate()) {
      return new int[] {in.x()};
    }
    if (op.isBinary()) return new int[] {in.x(), in.y()};
    if (op == Opcode.SELECT) return new int[] {in.x(), in.y(), in.imm() & 0xFF};
    if (op == Opcode.EQZ64) return new int[] {in.x(), in.x() + 1};
    if (I64Ops.isBinary(op) || I64Ops.isComparison(op)) return new int[] {in.x(), in.x() + 1, in.y(), in.y() + 1};
    return null;
  }

  private void call(int callee) {
    FunctionType calleeType = module.type(callee);
    if (module.isImport(callee)) {
      var host = module.hostFunction(callee);
      if (host.isEmpty()) {
        // a WASI function is a routine appended to the program, called like any function
        if (module.wasiFunction(callee).isEmpty()) {
          throw unknownImport(callee, " " + calleeType + ", called from function " + name);
        }
      } else {
        switch (host.get()) {
          // putchar returns its argument: the entry stays as it is.
          case PUTCHAR -> emit(Opcode.PUTCHAR, source(height - 1), 0, 0, 0);
          case PUTCHAR_ERR -> emit(Opcode.PUTCHAR_ERR, source(height - 1), 0, 0, 0);
          case GETCHAR -> produce(Opcode.GETCHAR, 0, 0, 0, 1);
          case INVALID_CONVERSION -> emit(Opcode.TRAP, 0, 0, 0, Trap.Cause.INVALID_CONVERSION_TO_INTEGER.ordinal());
          case STACK_OVERFLOW -> emit(Opcode.TRAP, 0, 0, 0, Trap.Cause.CALL_STACK_EXHAUSTED.ordinal());
        }
        return;
      }
    }
    int frameStart = placeArguments(calleeType, "call of a function");
    int at = emit(Opcode.CALL, frameStart, 0, 0, (out.next() + 1) << 16);
    calls.callAt(at, callee);
    takeResults(calleeType);
  }

  /**
   * call_indirect through the module's table: a JUMP_TABLE over the table index into stubs
   * of this call site. An entry holding a function of the expected type goes to a stub that
   * calls it and jumps back; an entry of another type to a type-mismatch trap; a null entry,
   * and any index beyond the table, to an undefined-element trap. Every call thus executes
   * JUMP_TABLE, one JUMP, the CALL and the JUMP back, whichever entry it takes.
   */
  private void callIndirect(int typeIndex, int tableIndex) {
    if (tableIndex != 0) throw unsupported("call_indirect through table " + tableIndex);
    FunctionType expected = module.typeAt(typeIndex);
    int index = source(height - 1);
    pop(1);
    int frameStart = placeArguments(expected, "call_indirect of a type with");
    List<OptionalInt> table = module.table();
    emit(Opcode.JUMP_TABLE, index, 0, 0, table.size());
    int entries = out.next();
    for (int i = 0; i <= table.size(); i++) emit(Opcode.JUMP, 0, 0, 0, 0);
    Map<Integer, Integer> stubs = new LinkedHashMap<>();
    List<Integer> jumpsBack = new ArrayList<>();
    List<Integer> mismatches = new ArrayList<>();
    List<Integer> undefined = new ArrayList<>();
    for (int i = 0; i < table.size(); i++) {
      OptionalInt function = table.get(i);
      if (function.isEmpty()) {
        undefined.add(entries + i);
      } else if (!sameType(module.type(function.getAsInt()), expected)) {
        mismatches.add(entries + i);
      } else {
        int f = function.getAsInt();
        Integer stub = stubs.get(f);
        if (stub == null) {
          stub = out.next();
          stubs.put(f, stub);
          emitIndirectCallee(f, frameStart);
          jumpsBack.add(emit(Opcode.JUMP, 0, 0, 0, 0));
        }
        out.patchTarget(entries + i, stub);
      }
    }
    undefined.add(entries + table.size());
    if (!mismatches.isEmpty()) {
      int trap = emit(Opcode.TRAP, 0, 0, 0, Trap.Cause.INDIRECT_CALL_TYPE_MISMATCH.ordinal());
      mismatches.forEach(entry -> out.patchTarget(entry, trap));
    }
    int trap = emit(Opcode.TRAP, 0, 0, 0, Trap.Cause.UNDEFINED_ELEMENT.ordinal());
    undefined.forEach(entry -> out.patchTarget(entry, trap));
    jumpsBack.forEach(jump -> out.patchTarget(jump, out.next()));
    markLabel();
    takeResults(expected);
  }

  private void emitIndirectCallee(int function, int frameStart) {
    if (!module.isImport(function) || module.wasiFunction(function).isPresent()) {
      calls.callAt(emit(Opcode.CALL, frameStart, 0, 0, (out.next() + 1) << 16), function);
      return;
    }
    var host = module.hostFunction(function).orElseThrow(
        () -> unknownImport(function, " in the table, called indirectly from function " + name));
    switch (host) {
      case PUTCHAR -> emit(Opcode.PUTCHAR, frameStart, 0, 0, 0);
      case PUTCHAR_ERR -> emit(Opcode.PUTCHAR_ERR, frameStart, 0, 0, 0);
      case GETCHAR -> emit(Opcode.GETCHAR, 0, 0, frameStart, 0);
      case INVALID_CONVERSION -> emit(Opcode.TRAP, 0, 0, 0, Trap.Cause.INVALID_CONVERSION_TO_INTEGER.ordinal());
      case STACK_OVERFLOW -> emit(Opcode.TRAP, 0, 0, 0, Trap.Cause.CALL_STACK_EXHAUSTED.ordinal());
    }
  }

  private UnsupportedWasmException unknownImport(int function, String where) {
    return new UnsupportedWasmException("unsupported import " + module.importName(function) + where + ": only env.putchar (i32) -> i32, env.putchar_err (i32) -> i32,"
        + " env.getchar () -> i32, env.__wf_invalid_conversion () -> (), env.__wf_stack_overflow () -> () and the"
        + " WASI functions " + WasiRoutines.provided() + " (with wasi-libc's signatures) exist");
  }

  /** Function types match structurally, as call_indirect checks them. */
  private static boolean sameType(FunctionType a, FunctionType b) {
    return a.params().equals(b.params()) && a.returns().equals(b.returns());
  }

  /**
   * Puts a call's arguments (the top entries) in their own slots and returns the first one's
   * slot, where the callee's frame starts. Entries below the arguments may keep reading
   * caller locals: the callee cannot reach them.
   */
  private int placeArguments(FunctionType calleeType, String what) {
    for (ValType p : calleeType.params()) requireNumber(p, what + " parameter type");
    if (calleeType.returns().size() > 1) throw unsupported(what + " multiple results");
    for (ValType r : calleeType.returns()) requireNumber(r, what + " result type");
    int args = calleeType.params().size();
    materialize(height - args, height);
    return slot(height - args);
  }

  /** After a call: the arguments are gone, the result (in the callee's slot 0) is pushed. */
  private void takeResults(FunctionType calleeType) {
    pop(calleeType.params().size());
    for (ValType r : calleeType.returns()) pushEntry(ModuleInfo.width(r));
  }

  private void elseBranch() {
    Frame frame = top();
    if (!frame.unreachable) {
      materialize(0, height);
      frame.endJumps.add(emit(Opcode.JUMP, 0, 0, 0, 0));
    }
    out.patchTarget(frame.elseJump, out.next());
    markLabel();
    frame.elseJump = -1;
    frame.unreachable = false;
    resetTo(frame.entryHeight, frame.params);
  }

  private void end() {
    Frame frame = top();
    // Nothing jumps to a function's end (its branches return on the spot), and its result
    // may be returned straight from a local.
    if (frame.kind == Kind.FUNCTION) {
      frames.remove(frames.size() - 1);
      if (!frame.unreachable) emitReturn();
      return;
    }
    // Branches reach a block's end with every entry in its slot; the fallthrough must match.
    if (!frame.unreachable) materialize(0, height);
    frames.remove(frames.size() - 1);
    if (frame.elseJump >= 0) {
      out.patchTarget(frame.elseJump, out.next());
    }
    for (int jump : frame.endJumps) {
      out.patchTarget(jump, out.next());
    }
    markLabel();
    resetTo(frame.entryHeight, frame.results);
  }

  /** An unconditional branch from the current height to the construct {@code target}. */
  private void branch(Frame target) {
    if (target.kind == Kind.FUNCTION) {
      emitReturn();
      return;
    }
    moveLabelValues(target);
    jumpTo(Opcode.JUMP, 0, target);
  }

  /**
   * A branch taken when slot {@code condition} is non-zero (zero if {@code whenZero}); the
   * condition is already popped.
   */
  private void branchIf(Frame target, int condition, boolean whenZero) {
    if (target.kind != Kind.FUNCTION && labelValuesInPlace(target)) {
      jumpTo(whenZero ? Opcode.JUMP_IFZ : Opcode.JUMP_IF, condition, target);
      return;
    }
    // Values move only when the branch is taken: skip the moves and the jump otherwise.
    int skip = emit(whenZero ? Opcode.JUMP_IF : Opcode.JUMP_IFZ, condition, 0, 0, 0);
    branch(target);
    out.patchTarget(skip, out.next());
    markLabel();
  }

  /**
   * br_table: JUMP_TABLE over the index, then one JUMP per label, the default last. A label
   * whose values are already in place is jumped to directly; otherwise its JUMP goes to
   * landing code (shared by the entries naming the same label) that moves the values and
   * branches, or returns for the function's label.
   */
  private void branchTable(long[] depths) {
    int index = source(height - 1);
    pop(1);
    int labels = depths.length - 1;
    emit(Opcode.JUMP_TABLE, index, 0, 0, labels);
    int entries = out.next();
    for (int i = 0; i <= labels; i++) emit(Opcode.JUMP, 0, 0, 0, 0);
    Map<Integer, Integer> landings = new HashMap<>();
    for (int i = 0; i <= labels; i++) {
      int depth = (int) depths[i];
      Frame target = label(depth);
      if (target.kind != Kind.FUNCTION && labelValuesInPlace(target)) {
        if (target.kind == Kind.LOOP) {
          out.patchTarget(entries + i, target.loopHead);
        } else {
          target.endJumps.add(entries + i);
        }
        continue;
      }
      Integer landing = landings.get(depth);
      if (landing == null) {
        landing = out.next();
        landings.put(depth, landing);
        markLabel();
        branch(target);
      }
      out.patchTarget(entries + i, landing);
    }
  }

  /** The slot where a branch to {@code target} puts its {@code i}-th value. */
  private int labelSlot(Frame target, int i) {
    int slot = base + offset[target.entryHeight];
    int[] widths = target.labelWidths();
    for (int j = 0; j < i; j++) slot += widths[j];
    return slot;
  }

  private boolean labelValuesInPlace(Frame target) {
    int arity = target.labelWidths().length;
    for (int i = 0; i < arity; i++) {
      if (source(height - arity + i) != labelSlot(target, i)) return false;
    }
    return true;
  }

  private void moveLabelValues(Frame target) {
    int[] widths = target.labelWidths();
    int from = height - widths.length;
    // Sources are locals or stack slots at or above the destinations, so ascending copies
    // never overwrite a source before it is read.
    for (int i = 0; i < widths.length; i++) {
      int source = source(from + i);
      int destination = labelSlot(target, i);
      if (source == destination) continue;
      for (int word = 0; word < widths[i]; word++) {
        emit(Opcode.COPY, source + word, 0, destination + word, 0);
      }
    }
  }

  private void jumpTo(Opcode jump, int condition, Frame target) {
    if (target.kind == Kind.LOOP) {
      emit(jump, condition, 0, 0, target.loopHead);
    } else {
      target.endJumps.add(emit(jump, condition, 0, 0, 0));
    }
  }

  /**
   * Returns the top entry (if the function has a result) through the callee's slot 0, where
   * the caller expects it; an i64 goes to slots 0 and 1.
   */
  private void emitReturn() {
    if (type.returns().isEmpty()) {
      emit(Opcode.RETURN, 0, 0, 0, 0);
      return;
    }
    int value = source(height - 1);
    if (width[height - 1] == 1 || value == 0) {
      emit(Opcode.RETURN_VALUE, value, 0, 0, 0);
    } else if (value == 1) {
      // The pair overlaps its destination by one slot: move it word by word, upwards.
      emit(Opcode.COPY, 1, 0, 0, 0);
      emit(Opcode.COPY, 2, 0, 1, 0);
      emit(Opcode.RETURN, 0, 0, 0, 0);
    } else {
      emit(Opcode.COPY, value + 1, 0, 1, 0);
      emit(Opcode.RETURN_VALUE, value, 0, 0, 0);
    }
  }

  /** Each i32 and i64 comparison's negation (exact for integers: no unordered case). */
  private static final Map<Opcode, Opcode> INVERSE = new EnumMap<>(Opcode.class);

  static {
    Opcode[][] pairs = {
      {Opcode.EQ, Opcode.NE}, {Opcode.LT_S, Opcode.GE_S}, {Opcode.LT_U, Opcode.GE_U},
      {Opcode.GT_S, Opcode.LE_S}, {Opcode.GT_U, Opcode.LE_U},
      {Opcode.EQ64, Opcode.NE64}, {Opcode.LT64_S, Opcode.GE64_S}, {Opcode.LT64_U, Opcode.GE64_U},
      {Opcode.GT64_S, Opcode.LE64_S}, {Opcode.GT64_U, Opcode.LE64_U},
    };
    for (Opcode[] pair : pairs) {
      INVERSE.put(pair[0], pair[1]);
      INVERSE.put(pair[1], pair[0]);
      Opcode a = Opcode.immediate(pair[0]), b = Opcode.immediate(pair[1]);
      if (a != null && b != null) {
        INVERSE.put(a, b);
        INVERSE.put(b, a);
      }
    }
  }

  /** For each binary i32 operation, the one computing the same with its operands swapped. */
  private static final Map<Opcode, Opcode> SWAPPED = new EnumMap<>(Opcode.class);

  static {
    for (Opcode o : List.of(Opcode.ADD, Opcode.MUL, Opcode.AND, Opcode.OR, Opcode.XOR, Opcode.EQ, Opcode.NE)) {
      SWAPPED.put(o, o);
    }
    Opcode[][] pairs = {
      {Opcode.LT_S, Opcode.GT_S}, {Opcode.LT_U, Opcode.GT_U}, {Opcode.LE_S, Opcode.GE_S}, {Opcode.LE_U, Opcode.GE_U},
    };
    for (Opcode[] pair : pairs) {
      SWAPPED.put(pair[0], pair[1]);
      SWAPPED.put(pair[1], pair[0]);
    }
  }

  /**
   * A binary i32 operation with a constant operand just computed: its CONST goes, and the
   * operation's immediate form takes the constant as its immediate (x - k becomes x + (-k); k
   * OP x the swapped operation's form, for operations that have one). False, and nothing
   * changed, if neither operand is such a constant or the target lacks the form.
   */
  private boolean immediateForm(Opcode binary) {
    // the right operand: the CONST is the last instruction and computed the top entry
    Instruction k = lastProducer();
    Opcode form = null;
    int other = -1;
    int imm = 0;
    if (k != null && k.op() == Opcode.CONST) {
      form = binary == Opcode.SUB ? Opcode.ADD_IMM : Opcode.immediate(binary);
      imm = binary == Opcode.SUB ? -k.imm() : k.imm();
      other = source(height - 2);
    } else if (SWAPPED.containsKey(binary) && height >= 2 && alias[height - 1] >= 0 && producer >= 0
        && producer == out.next() - 1 && alias[height - 2] < 0 && label <= producer) {
      // the left operand: its CONST is the last instruction, the right one a local read since
      Instruction left = out.get(producer);
      if (left.op() == Opcode.CONST && left.z() == slot(height - 2)) {
        form = Opcode.immediate(SWAPPED.get(binary));
        imm = left.imm();
        other = alias[height - 1];
      }
    }
    if (form == null || !out.supports(form)) return false;
    out.removeLast();
    pop(2);
    produce(form, other, 0, imm, 1);
    return true;
  }

  /**
   * The instruction that computed the top entry, if it is the last one emitted, wrote the
   * entry's own slot, and no jump lands after it (so every path to here executed it); else
   * null.
   */
  private Instruction lastProducer() {
    int top = height - 1;
    if (top < 0 || producer < 0 || producer != out.next() - 1 || alias[top] >= 0 || label > producer) {
      return null;
    }
    Instruction in = out.get(producer);
    return in.z() == slot(top) ? in : null;
  }

  /**
   * i32.eqz of a comparison just computed: the comparison becomes its negation (lt_s + eqz is
   * ge_s). False, and nothing changed, if the top entry is no such comparison.
   */
  private boolean invertComparison() {
    Instruction in = lastProducer();
    if (in == null) return false;
    Opcode inverse = INVERSE.get(in.op());
    if (inverse == null || !out.supports(inverse)) return false;
    out.replace(producer, new Instruction(inverse, in.x(), in.y(), in.z(), in.imm()));
    return true;
  }

  /**
   * For a conditional branch on the top entry: if that entry is an i32.eqz just computed (and
   * so dead once the branch consumes it), drops the EQZ and returns the slot it tested, for a
   * branch of the opposite sense; else -1, and nothing changed.
   */
  private int fusableEqz() {
    Instruction in = lastProducer();
    if (in == null || in.op() != Opcode.EQZ
        || !out.supports(Opcode.JUMP_IF) || !out.supports(Opcode.JUMP_IFZ)) {
      return -1;
    }
    out.removeLast();
    producer = -1;
    return in.x();
  }

  /** Emits one instruction computing a new top entry of {@code width} slots into its own slots. */
  private void produce(Opcode op, int x, int y, int imm, int width) {
    int z = pushEntry(width);
    producer = emit(op, x, y, z, imm);
  }

  private int emit(Opcode op, int x, int y, int z, int imm) {
    producer = -1;
    return out.emit(op, x, y, z, imm);
  }

  /** Pushes an entry of {@code w} slots, in its own slots; returns its first slot. */
  private int pushEntry(int w) {
    if (base + offset[height] + w - 1 > Instruction.MAX_SLOT_OFFSET) throw tooManySlots();
    width[height] = w;
    offset[height + 1] = offset[height] + w;
    alias[height] = -1;
    height++;
    return slot(height - 1);
  }

  /** The stack becomes its first {@code h} entries plus fresh entries of the given widths. */
  private void resetTo(int h, int[] widths) {
    height = h;
    for (int w : widths) pushEntry(w);
  }

  /** The first of {@code count} free slots above the stack's top, for intermediate values. */
  private int scratch(int count) {
    int slot = base + offset[height];
    if (slot + count - 1 > Instruction.MAX_SLOT_OFFSET) throw tooManySlots();
    return slot;
  }

  /** Copies the entries in [from, to) that still read a local into their own slots. */
  private void materialize(int from, int to) {
    for (int k = from; k < to; k++) {
      if (alias[k] >= 0) {
        for (int word = 0; word < width[k]; word++) {
          emit(Opcode.COPY, alias[k] + word, 0, slot(k) + word, 0);
        }
        alias[k] = -1;
      }
    }
  }

  private void pop(int count) {
    height -= count;
  }

  private void markLabel() {
    label = out.next();
  }

  /** Where the entry at {@code stackHeight} can be read: its local, or its own slots. */
  private int source(int stackHeight) {
    return alias[stackHeight] >= 0 ? alias[stackHeight] : slot(stackHeight);
  }

  private void markUnreachable() {
    top().unreachable = true;
    skipped = 0;
  }

  private Frame top() {
    return frames.get(frames.size() - 1);
  }

  private Frame label(int depth) {
    return frames.get(frames.size() - 1 - depth);
  }

  /** The parameter and result widths of a block type; only number values are supported. */
  private BlockType blockType(AnnotatedInstruction in) {
    long blockType = in.operand(0);
    if (blockType == 0x40) return new BlockType(new int[0], new int[0]);
    if (ValType.isValid(blockType)) {
      return new BlockType(new int[0], new int[] {requireNumber(ValType.builder().fromId(blockType).build(), "block type")});
    }
    FunctionType t = module.typeAt((int) blockType);
    t.params().forEach(p -> requireNumber(p, "block parameter type"));
    t.returns().forEach(r -> requireNumber(r, "block result type"));
    if (t.returns().size() > 1) throw unsupported("block with multiple results (" + current + ")");
    return new BlockType(widths(t.params()), widths(t.returns()));
  }

  private static int[] widths(List<ValType> types) {
    return types.stream().mapToInt(ModuleInfo::width).toArray();
  }

  private ModuleInfo.GlobalInfo global(AnnotatedInstruction in) {
    ModuleInfo.GlobalInfo global = module.globals().get((int) in.operand(0));
    if (global.initialValue().isEmpty()) {
      throw unsupported("instruction " + current + " of a " + ModuleInfo.typeName(global.type())
          + " global");
    }
    return global;
  }

  /** The static offset of a load or store (memarg operands: align, offset, memory). */
  private static int offset(AnnotatedInstruction in) {
    return (int) in.operand(1);
  }

  private int local(AnnotatedInstruction in) {
    return (int) in.operand(0);
  }

  /** The first slot of the operand stack entry at {@code stackHeight}. */
  private int slot(int stackHeight) {
    int slot = base + offset[stackHeight];
    if (slot > Instruction.MAX_SLOT_OFFSET) throw tooManySlots();
    return slot;
  }

  private UnsupportedWasmException tooManySlots() {
    return new UnsupportedWasmException("function " + name + " needs more than "
        + (Instruction.MAX_SLOT_OFFSET + 1) + " slots (" + locals + " for parameters and locals,"
        + " the rest for its operand stack)");
  }

  /**
   * The width of an i32 or f32 (1) or i64 or f64 (2) value (a float is its bit pattern); any
   * other type is refused.
   */
  private int requireNumber(ValType t, String what) {
    if (!t.equals(ValType.I32) && !t.equals(ValType.I64) && !t.equals(ValType.F32) && !t.equals(ValType.F64)) {
      throw unsupported(what + " " + ModuleInfo.typeName(t));
    }
    return ModuleInfo.width(t);
  }

  private UnsupportedWasmException unsupported(String what) {
    return new UnsupportedWasmException("unsupported " + what + " in function " + name);
  }
}
