package dev.wasmformer.lowering;

import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lowers one function body. The operand stack height is static at every reachable
 * instruction, so the value at height h lives in slot {@code base + h}, where {@code base}
 * follows the parameters and declared locals. Structured control flow becomes jumps to
 * absolute instruction indexes, patched when a block's end is reached.
 */
final class FunctionLowering {
  /** Receives each emitted CALL so its target can be patched once the callee is placed. */
  interface Calls {
    void callAt(int instruction, int function);
  }

  private static final Map<OpCode, Opcode> BINARY = new EnumMap<>(OpCode.class);
  private static final Map<OpCode, Opcode> UNARY = new EnumMap<>(OpCode.class);
  private static final Map<OpCode, Opcode> LOADS = new EnumMap<>(OpCode.class);
  private static final Map<OpCode, Opcode> STORES = new EnumMap<>(OpCode.class);
  /** Every WebAssembly instruction the lowering handles; anything else is refused up front. */
  static final Set<OpCode> SUPPORTED = EnumSet.of(
      OpCode.UNREACHABLE, OpCode.NOP, OpCode.BLOCK, OpCode.LOOP, OpCode.IF, OpCode.ELSE,
      OpCode.END, OpCode.BR, OpCode.BR_IF, OpCode.RETURN, OpCode.CALL, OpCode.DROP,
      OpCode.SELECT, OpCode.SELECT_T, OpCode.LOCAL_GET, OpCode.LOCAL_SET, OpCode.LOCAL_TEE,
      OpCode.GLOBAL_GET, OpCode.GLOBAL_SET, OpCode.I32_CONST);

  static {
    Object[][] binary = {
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
    };
    Object[][] unary = {
      {OpCode.I32_EQZ, Opcode.EQZ}, {OpCode.I32_CLZ, Opcode.CLZ}, {OpCode.I32_CTZ, Opcode.CTZ},
      {OpCode.I32_POPCNT, Opcode.POPCNT}, {OpCode.I32_EXTEND_8_S, Opcode.EXTEND8_S},
      {OpCode.I32_EXTEND_16_S, Opcode.EXTEND16_S},
    };
    Object[][] loads = {
      {OpCode.I32_LOAD, Opcode.LOAD32}, {OpCode.I32_LOAD8_S, Opcode.LOAD8_S},
      {OpCode.I32_LOAD8_U, Opcode.LOAD8_U}, {OpCode.I32_LOAD16_S, Opcode.LOAD16_S},
      {OpCode.I32_LOAD16_U, Opcode.LOAD16_U},
    };
    Object[][] stores = {
      {OpCode.I32_STORE, Opcode.STORE32}, {OpCode.I32_STORE8, Opcode.STORE8},
      {OpCode.I32_STORE16, Opcode.STORE16},
    };
    fill(BINARY, binary);
    fill(UNARY, unary);
    fill(LOADS, loads);
    fill(STORES, stores);
  }

  private static void fill(Map<OpCode, Opcode> map, Object[][] pairs) {
    for (Object[] pair : pairs) {
      map.put((OpCode) pair[0], (Opcode) pair[1]);
      SUPPORTED.add((OpCode) pair[0]);
    }
  }

  private enum Kind { FUNCTION, BLOCK, LOOP, IF }

  /** A structured control construct being lowered. */
  private static final class Frame {
    final Kind kind;
    /** Stack height below the construct's parameters; its results start here. */
    final int entryHeight;
    final int params;
    final int results;
    /** Index of a loop's first instruction (its branch target). */
    final int loopHead;
    /** Jumps to patch to the construct's end. */
    final List<Integer> endJumps = new ArrayList<>();
    /** An if's JUMP_IFZ to patch to the else branch (or the end); -1 once patched. */
    int elseJump = -1;
    /** Set after br, return or unreachable: the rest of the construct is skipped. */
    boolean unreachable;

    Frame(Kind kind, int entryHeight, int params, int results, int loopHead) {
      this.kind = kind;
      this.entryHeight = entryHeight;
      this.params = params;
      this.results = results;
      this.loopHead = loopHead;
    }

    /** Values a branch to this construct carries: a loop's parameters, else its results. */
    int labelArity() {
      return kind == Kind.LOOP ? params : results;
    }
  }

  private final ModuleInfo module;
  private final String name;
  private final CodeBuffer out;
  private final Calls calls;
  private final FunctionType type;
  private final FunctionBody body;
  /** Slots of parameters plus declared locals. */
  private final int locals;
  /** Slot of the operand stack's bottom. */
  private final int base;
  private final List<Frame> frames = new ArrayList<>();
  private int height;
  /**
   * For each stack height, the local slot whose value the entry still is (a local.get not
   * yet copied), or -1 when the value sits in the entry's own slot. Readers take the value
   * from the local directly; an entry is copied to its slot only when the local is about to
   * change or control flow needs every entry in place.
   */
  private final int[] alias = new int[Instruction.MAX_SLOT_OFFSET + 2];
  /** The last instruction if it computed the top entry into its slot, else -1. */
  private int producer = -1;
  /** The latest index some jump may land on. */
  private int label = -1;
  /** Nesting depth of constructs opened inside skipped (unreachable) code. */
  private int skipped;
  private String current = "";

  FunctionLowering(ModuleInfo module, int function, CodeBuffer out, Calls calls) {
    this.module = module;
    this.name = module.name(function);
    this.out = out;
    this.calls = calls;
    this.type = module.type(function);
    this.body = module.body(function);
    for (ValType p : type.params()) requireI32(p, "parameter type");
    for (ValType l : body.localTypes()) requireI32(l, "local type");
    if (type.returns().size() > 1) {
      throw unsupported("multiple results (" + type.returns().size() + ")");
    }
    type.returns().forEach(r -> requireI32(r, "result type"));
    this.locals = type.params().size() + body.localTypes().size();
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
    for (int local = type.params().size(); local < locals; local++) {
      out.emit(Opcode.CONST, 0, 0, local, 0);
    }
    frames.add(new Frame(Kind.FUNCTION, 0, 0, type.returns().size(), -1));
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
      int a = source(height - 2);
      int b = source(height - 1);
      pop(2);
      produce(binary, a, b, 0);
      return;
    }
    Opcode unary = UNARY.get(op);
    if (unary != null) {
      int a = source(height - 1);
      pop(1);
      produce(unary, a, 0, 0);
      return;
    }
    Opcode load = LOADS.get(op);
    if (load != null) {
      int address = source(height - 1);
      pop(1);
      produce(load, address, 0, offset(in));
      return;
    }
    Opcode store = STORES.get(op);
    if (store != null) {
      emit(store, source(height - 2), source(height - 1), 0, offset(in));
      pop(2);
      return;
    }
    switch (op) {
      case NOP -> {}
      case UNREACHABLE -> {
        emit(Opcode.UNREACHABLE, 0, 0, 0, 0);
        markUnreachable();
      }
      case I32_CONST -> produce(Opcode.CONST, 0, 0, (int) in.operand(0));
      case LOCAL_GET -> {
        slot(height);
        alias[height] = local(in);
        height++;
      }
      case LOCAL_SET -> {
        setLocal(local(in));
        pop(1);
      }
      case LOCAL_TEE -> setLocal(local(in));
      case GLOBAL_GET -> {
        ModuleInfo.GlobalInfo global = global(in);
        if (global.mutable()) {
          produce(Opcode.GLOBAL_GET, 0, 0, global.slot());
        } else {
          // An immutable global is its initial value everywhere.
          produce(Opcode.CONST, 0, 0, global.initialValue().getAsInt());
        }
      }
      case GLOBAL_SET -> {
        emit(Opcode.GLOBAL_SET, source(height - 1), 0, 0, global(in).slot());
        pop(1);
      }
      case DROP -> pop(1);
      case SELECT, SELECT_T -> {
        if (op == OpCode.SELECT_T) {
          requireI32(ValType.builder().fromId(in.operand(0)).build(), "select type");
        }
        int first = source(height - 3);
        int second = source(height - 2);
        int condition = source(height - 1);
        pop(3);
        produce(Opcode.SELECT, first, second, condition);
      }
      case CALL -> call((int) in.operand(0));
      case BLOCK, LOOP -> {
        int[] blockType = blockType(in);
        // Every label's state has each entry in its own slot; a block's entry keeps that
        // for the entries below it, which nothing inside the block can touch.
        materialize(0, height);
        Kind kind = op == OpCode.LOOP ? Kind.LOOP : Kind.BLOCK;
        if (kind == Kind.LOOP) markLabel();
        frames.add(new Frame(kind, height - blockType[0], blockType[0], blockType[1], out.next()));
      }
      case IF -> {
        int[] blockType = blockType(in);
        if (blockType[0] > 0) {
          // The then branch overwrites the parameters' slots, which the else branch still needs.
          throw unsupported("if with parameters");
        }
        int condition = source(height - 1);
        pop(1);
        materialize(0, height);
        Frame frame = new Frame(Kind.IF, height, 0, blockType[1], -1);
        frame.elseJump = emit(Opcode.JUMP_IFZ, condition, 0, 0, 0);
        frames.add(frame);
      }
      case ELSE -> elseBranch();
      case END -> end();
      case BR -> {
        branch(label(in));
        markUnreachable();
      }
      case BR_IF -> {
        int condition = source(height - 1);
        pop(1);
        branchIf(label(in), condition);
      }
      case RETURN -> {
        emitReturn();
        markUnreachable();
      }
      default -> throw unsupported("instruction " + current);
    }
  }

  /** local.set / local.tee: the top entry's value goes to local {@code local}; it stays pushed. */
  private void setLocal(int local) {
    int top = height - 1;
    if (alias[top] == local) return;
    // Entries still reading the local's old value need it in their own slots first.
    for (int k = 0; k < top; k++) {
      if (alias[k] == local) materialize(k, k + 1);
    }
    if (alias[top] < 0 && producer == out.next() - 1 && label != out.next()) {
      // The instruction that computed the value writes the local instead of the stack slot.
      Instruction in = out.get(producer);
      out.replace(producer, new Instruction(in.op(), in.x(), in.y(), local, in.imm()));
      alias[top] = local;
    } else {
      emit(Opcode.COPY, source(top), 0, local, 0);
    }
    producer = -1;
  }

  private void call(int callee) {
    FunctionType calleeType = module.type(callee);
    if (module.isImport(callee)) {
      var host = module.hostFunction(callee).orElseThrow(() -> new UnsupportedWasmException(
          "unsupported import " + module.importName(callee) + " " + calleeType + ", called from function "
              + name + ": only env.putchar (i32) -> i32 and env.getchar () -> i32 exist"));
      switch (host) {
        // putchar returns its argument: the entry stays as it is.
        case PUTCHAR -> emit(Opcode.PUTCHAR, source(height - 1), 0, 0, 0);
        case GETCHAR -> produce(Opcode.GETCHAR, 0, 0, 0);
      }
      return;
    }
    for (ValType p : calleeType.params()) requireI32(p, "call of a function with parameter type");
    if (calleeType.returns().size() > 1) throw unsupported("call of a function with multiple results");
    for (ValType r : calleeType.returns()) requireI32(r, "call of a function with result type");
    int args = calleeType.params().size();
    // The callee's frame starts where its arguments are; its result lands in slot 0. Entries
    // below the arguments may keep reading caller locals: the callee cannot reach them.
    materialize(height - args, height);
    int frameStart = slot(height - args);
    int at = emit(Opcode.CALL, frameStart, 0, 0, (out.next() + 1) << 16);
    calls.callAt(at, callee);
    pop(args);
    for (int r = 0; r < calleeType.returns().size(); r++) {
      alias[height++] = -1;
    }
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
    height = frame.entryHeight + frame.params;
    clearAliases(frame.entryHeight);
  }

  private void end() {
    // Branches reach a block's end with every entry in its slot; the fallthrough must match.
    // Nothing jumps to a function's end (its branches return on the spot).
    if (!top().unreachable && top().kind != Kind.FUNCTION) materialize(0, height);
    Frame frame = frames.remove(frames.size() - 1);
    if (frame.elseJump >= 0) {
      out.patchTarget(frame.elseJump, out.next());
    }
    for (int jump : frame.endJumps) {
      out.patchTarget(jump, out.next());
    }
    markLabel();
    height = frame.entryHeight + frame.results;
    if (frame.kind == Kind.FUNCTION) {
      if (!frame.unreachable) emitReturn();
      return;
    }
    clearAliases(frame.entryHeight);
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

  /** A branch taken when slot {@code condition} is non-zero; the condition is already popped. */
  private void branchIf(Frame target, int condition) {
    if (target.kind != Kind.FUNCTION && labelValuesInPlace(target)) {
      jumpTo(Opcode.JUMP_IF, condition, target);
      return;
    }
    // Values move only when the branch is taken: skip the moves and the jump otherwise.
    int skip = emit(Opcode.JUMP_IFZ, condition, 0, 0, 0);
    branch(target);
    out.patchTarget(skip, out.next());
    markLabel();
  }

  private boolean labelValuesInPlace(Frame target) {
    int arity = target.labelArity();
    for (int i = 0; i < arity; i++) {
      if (source(height - arity + i) != slot(target.entryHeight + i)) return false;
    }
    return true;
  }

  private void moveLabelValues(Frame target) {
    int arity = target.labelArity();
    int from = height - arity;
    // Sources are locals or stack slots at or above the destinations, so ascending copies
    // never overwrite a source before it is read.
    for (int i = 0; i < arity; i++) {
      int source = source(from + i);
      int destination = slot(target.entryHeight + i);
      if (source != destination) emit(Opcode.COPY, source, 0, destination, 0);
    }
  }

  private void jumpTo(Opcode jump, int condition, Frame target) {
    if (target.kind == Kind.LOOP) {
      emit(jump, condition, 0, 0, target.loopHead);
    } else {
      target.endJumps.add(emit(jump, condition, 0, 0, 0));
    }
  }

  private void emitReturn() {
    if (type.returns().isEmpty()) {
      emit(Opcode.RETURN, 0, 0, 0, 0);
    } else {
      emit(Opcode.RETURN_VALUE, source(height - 1), 0, 0, 0);
    }
  }

  /** Emits an instruction computing a new top entry into its own slot. */
  private void produce(Opcode op, int x, int y, int imm) {
    int z = slot(height);
    alias[height++] = -1;
    emit(op, x, y, z, imm);
    producer = out.next() - 1;
  }

  private int emit(Opcode op, int x, int y, int z, int imm) {
    producer = -1;
    return out.emit(op, x, y, z, imm);
  }

  /** Copies the entries in [from, to) that still read a local into their own slots. */
  private void materialize(int from, int to) {
    for (int k = from; k < to; k++) {
      if (alias[k] >= 0) {
        emit(Opcode.COPY, alias[k], 0, slot(k), 0);
        alias[k] = -1;
      }
    }
  }

  private void clearAliases(int from) {
    for (int k = from; k < height; k++) alias[k] = -1;
  }

  private void pop(int count) {
    height -= count;
  }

  private void markLabel() {
    label = out.next();
  }

  /** Where the entry at {@code stackHeight} can be read: its local, or its own slot. */
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

  private Frame label(AnnotatedInstruction in) {
    return frames.get(frames.size() - 1 - (int) in.operand(0));
  }

  /** [parameter count, result count] of a block type; only i32 values are supported. */
  private int[] blockType(AnnotatedInstruction in) {
    long blockType = in.operand(0);
    if (blockType == 0x40) return new int[] {0, 0};
    if (ValType.isValid(blockType)) {
      requireI32(ValType.builder().fromId(blockType).build(), "block type");
      return new int[] {0, 1};
    }
    FunctionType t = module.typeAt((int) blockType);
    t.params().forEach(p -> requireI32(p, "block parameter type"));
    t.returns().forEach(r -> requireI32(r, "block result type"));
    if (t.returns().size() > 1) throw unsupported("block with multiple results (" + current + ")");
    return new int[] {t.params().size(), t.returns().size()};
  }

  private ModuleInfo.GlobalInfo global(AnnotatedInstruction in) {
    ModuleInfo.GlobalInfo global = module.globals().get((int) in.operand(0));
    if (!global.type().equals(ValType.I32)) {
      throw unsupported("instruction " + current + " of a " + global.type().name().toLowerCase(Locale.ROOT)
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

  /** The slot of the operand stack entry at {@code stackHeight}. */
  private int slot(int stackHeight) {
    int slot = base + stackHeight;
    if (slot > Instruction.MAX_SLOT_OFFSET) throw tooManySlots();
    return slot;
  }

  private UnsupportedWasmException tooManySlots() {
    return new UnsupportedWasmException("function " + name + " needs more than "
        + (Instruction.MAX_SLOT_OFFSET + 1) + " slots (" + locals + " for parameters and locals,"
        + " the rest for its operand stack)");
  }

  private void requireI32(ValType t, String what) {
    if (!t.equals(ValType.I32)) {
      throw unsupported(what + " " + t.name().toLowerCase(Locale.ROOT));
    }
  }

  private UnsupportedWasmException unsupported(String what) {
    return new UnsupportedWasmException("unsupported " + what + " in function " + name);
  }
}
