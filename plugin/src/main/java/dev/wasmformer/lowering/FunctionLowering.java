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
  private final int function;
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
  /** Nesting depth of constructs opened inside skipped (unreachable) code. */
  private int skipped;
  private String current = "";

  FunctionLowering(ModuleInfo module, int function, CodeBuffer out, Calls calls) {
    this.module = module;
    this.function = function;
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
    current = "prologue";
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
    if (!frames.isEmpty()) throw new IllegalStateException("unbalanced body in " + name);
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
      height--;
      out.emit(binary, slot(height - 1), slot(height), slot(height - 1), 0);
      return;
    }
    Opcode unary = UNARY.get(op);
    if (unary != null) {
      out.emit(unary, slot(height - 1), 0, slot(height - 1), 0);
      return;
    }
    Opcode load = LOADS.get(op);
    if (load != null) {
      out.emit(load, slot(height - 1), 0, slot(height - 1), offset(in));
      return;
    }
    Opcode store = STORES.get(op);
    if (store != null) {
      height -= 2;
      out.emit(store, slot(height), slot(height + 1), 0, offset(in));
      return;
    }
    switch (op) {
      case NOP -> {}
      case UNREACHABLE -> {
        out.emit(Opcode.UNREACHABLE, 0, 0, 0, 0);
        markUnreachable();
      }
      case I32_CONST -> {
        out.emit(Opcode.CONST, 0, 0, slot(height), (int) in.operand(0));
        height++;
      }
      case LOCAL_GET -> {
        out.emit(Opcode.COPY, local(in), 0, slot(height), 0);
        height++;
      }
      case LOCAL_SET -> {
        height--;
        out.emit(Opcode.COPY, slot(height), 0, local(in), 0);
      }
      case LOCAL_TEE -> out.emit(Opcode.COPY, slot(height - 1), 0, local(in), 0);
      case GLOBAL_GET -> {
        ModuleInfo.GlobalInfo global = global(in);
        if (global.mutable()) {
          out.emit(Opcode.GLOBAL_GET, 0, 0, slot(height), global.slot());
        } else {
          // An immutable global is its initial value everywhere.
          out.emit(Opcode.CONST, 0, 0, slot(height), global.initialValue().getAsInt());
        }
        height++;
      }
      case GLOBAL_SET -> {
        height--;
        out.emit(Opcode.GLOBAL_SET, slot(height), 0, 0, global(in).slot());
      }
      case DROP -> height--;
      case SELECT, SELECT_T -> {
        if (op == OpCode.SELECT_T) {
          requireI32(ValType.builder().fromId(in.operand(0)).build(), "select type");
        }
        height -= 2;
        out.emit(Opcode.SELECT, slot(height - 1), slot(height), slot(height - 1), slot(height + 1));
      }
      case CALL -> call((int) in.operand(0));
      case BLOCK, LOOP -> {
        int[] blockType = blockType(in);
        Kind kind = op == OpCode.LOOP ? Kind.LOOP : Kind.BLOCK;
        frames.add(new Frame(kind, height - blockType[0], blockType[0], blockType[1], out.next()));
      }
      case IF -> {
        int[] blockType = blockType(in);
        height--;
        Frame frame = new Frame(Kind.IF, height - blockType[0], blockType[0], blockType[1], -1);
        frame.elseJump = out.emit(Opcode.JUMP_IFZ, slot(height), 0, 0, 0);
        frames.add(frame);
      }
      case ELSE -> elseBranch();
      case END -> end();
      case BR -> {
        branch(label(in));
        markUnreachable();
      }
      case BR_IF -> {
        height--;
        branchIf(label(in), slot(height));
      }
      case RETURN -> {
        emitReturn();
        markUnreachable();
      }
      default -> throw unsupported("instruction " + current);
    }
  }

  private void call(int callee) {
    FunctionType calleeType = module.type(callee);
    if (module.isImport(callee)) {
      var host = module.hostFunction(callee).orElseThrow(() -> new UnsupportedWasmException(
          "unsupported import " + module.importName(callee) + " " + calleeType + ", called from function "
              + name + ": only env.putchar (i32) -> i32 and env.getchar () -> i32 exist"));
      switch (host) {
        // putchar returns its argument, which already sits where the result belongs.
        case PUTCHAR -> out.emit(Opcode.PUTCHAR, slot(height - 1), 0, 0, 0);
        case GETCHAR -> {
          out.emit(Opcode.GETCHAR, 0, 0, slot(height), 0);
          height++;
        }
      }
      return;
    }
    for (ValType p : calleeType.params()) requireI32(p, "call of a function with parameter type");
    if (calleeType.returns().size() > 1) throw unsupported("call of a function with multiple results");
    for (ValType r : calleeType.returns()) requireI32(r, "call of a function with result type");
    int args = calleeType.params().size();
    // The callee's frame starts where its arguments already are; its result lands in slot 0.
    int frameStart = slot(height - args);
    int at = out.emit(Opcode.CALL, frameStart, 0, 0, (out.next() + 1) << 16);
    calls.callAt(at, callee);
    height = height - args + calleeType.returns().size();
  }

  private void elseBranch() {
    Frame frame = top();
    if (!frame.unreachable) {
      frame.endJumps.add(out.emit(Opcode.JUMP, 0, 0, 0, 0));
    }
    out.patchTarget(frame.elseJump, out.next());
    frame.elseJump = -1;
    frame.unreachable = false;
    height = frame.entryHeight + frame.params;
  }

  private void end() {
    Frame frame = frames.remove(frames.size() - 1);
    if (frame.elseJump >= 0) {
      out.patchTarget(frame.elseJump, out.next());
    }
    for (int jump : frame.endJumps) {
      out.patchTarget(jump, out.next());
    }
    height = frame.entryHeight + frame.results;
    if (frame.kind == Kind.FUNCTION && !frame.unreachable) {
      emitReturn();
    }
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
    int arity = target.labelArity();
    boolean valuesInPlace = arity == 0 || height - arity == target.entryHeight;
    if (target.kind != Kind.FUNCTION && valuesInPlace) {
      jumpTo(Opcode.JUMP_IF, condition, target);
      return;
    }
    // Values move only when the branch is taken: skip the moves and the jump otherwise.
    int skip = out.emit(Opcode.JUMP_IFZ, condition, 0, 0, 0);
    branch(target);
    out.patchTarget(skip, out.next());
  }

  private void moveLabelValues(Frame target) {
    int arity = target.labelArity();
    int from = height - arity;
    // The destination is never above the source, so ascending copies never clobber a source.
    for (int i = 0; i < arity && from != target.entryHeight; i++) {
      out.emit(Opcode.COPY, slot(from + i), 0, slot(target.entryHeight + i), 0);
    }
  }

  private void jumpTo(Opcode jump, int condition, Frame target) {
    if (target.kind == Kind.LOOP) {
      out.emit(jump, condition, 0, 0, target.loopHead);
    } else {
      target.endJumps.add(out.emit(jump, condition, 0, 0, 0));
    }
  }

  private void emitReturn() {
    if (type.returns().isEmpty()) {
      out.emit(Opcode.RETURN, 0, 0, 0, 0);
    } else {
      out.emit(Opcode.RETURN_VALUE, slot(height - 1), 0, 0, 0);
    }
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
