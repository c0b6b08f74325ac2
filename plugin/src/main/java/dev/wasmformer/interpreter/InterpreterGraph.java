package dev.wasmformer.interpreter;

import static dev.wasmformer.isa.Opcode.*;

import dev.wasmformer.graph.Expr;
import dev.wasmformer.graph.Gates;
import dev.wasmformer.graph.Graph;
import dev.wasmformer.graph.HeadSums;
import dev.wasmformer.interpreter.Vocab.Kind;
import dev.wasmformer.isa.I32Ops;
import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The token-ISA interpreter written once in the graph DSL: at every position it works out
 * which instruction is executing and which of its trace tokens comes next, and scores that
 * token highest. docs/architecture.md walks through it; the layer each part lands in is
 * chosen by the assembler.
 *
 * <p>Machine state lives in the token stream only: the program counter is the target of
 * the latest jump plus the number of START tokens since; the frame pointer is the latest
 * FP_LO/FP_HI pair; a slot's value is the latest 4-byte word written under its address; a
 * memory byte is the latest byte written under its address (or the prompt's data image).
 */
public final class InterpreterGraph {
  /** Prompt tokens per instruction: opcode, x, y, z, imm bytes 0..3. */
  public static final int FIELDS = 8;

  /** Largest frame pointer a call may create; its 256 slots then end at slot 65535. */
  public static final int MAX_FRAME_POINTER = 0xFFFF - Instruction.MAX_SLOT_OFFSET;

  /** Opcodes the interpreter executes. */
  public static final Set<Opcode> SUPPORTED = Collections.unmodifiableSet(EnumSet.of(
      NOP, CONST, COPY, GLOBAL_GET, GLOBAL_SET, JUMP_TABLE, TRAP, MEMORY_SIZE, MEMORY_GROW, ADD, SUB, MUL, AND, OR, XOR, SHL, SHR_S, SHR_U, ROTL, ROTR,
      CLZ, CTZ, POPCNT, EXTEND8_S, EXTEND16_S, DIV_S, DIV_U, REM_S, REM_U, DIV64_S, DIV64_U, REM64_S, REM64_U,
      HALT_I64, ADD64, SUB64, MUL64, SHL64, SHR64_S, SHR64_U, ROTL64, ROTR64,
      EQ64, NE64, LT64_S, LT64_U, GT64_S, GT64_U, LE64_S, LE64_U, GE64_S, GE64_U, EQZ64,
      EQ, NE, LT_S, LT_U, GT_S, GT_U, LE_S, LE_U, GE_S, GE_U, EQZ, SELECT,
      LOAD32, LOAD8_S, LOAD8_U, LOAD16_S, LOAD16_U, STORE32, STORE8, STORE16,
      JUMP, JUMP_IF, JUMP_IFZ, CALL, RETURN, RETURN_VALUE, PUTCHAR, GETCHAR, UNREACHABLE, HALT, HALT_I32,
      PUTCHAR_ERR, ADD_IMM, MUL_IMM, AND_IMM, OR_IMM, XOR_IMM, SHL_IMM, SHR_S_IMM, SHR_U_IMM, ROTL_IMM, ROTR_IMM,
      EQ_IMM, NE_IMM, LT_S_IMM, LT_U_IMM, GT_S_IMM, GT_U_IMM, LE_S_IMM, LE_U_IMM, GE_S_IMM, GE_U_IMM));
  /** Operations that read y's bits one by one (from {@code snapshot.operands}). */
  static final Set<Opcode> BITWISE_Y = Collections.unmodifiableSet(EnumSet.of(
      AND, OR, XOR, SHL, SHR_S, SHR_U, ROTL, ROTR));

  private static final double CLASS_WEIGHT = 0x1p36;
  private static final double M_SLOT = 0x1p18;
  private static final double M_WORD = 0x1p35;
  private static final double M_MEM = 0x1p46;
  private static final int LANES = TracePlan.maxTokens();
  /**
   * The slot address of BOS's all-zero word: a query for it reads zeros. Below every slot by
   * more than the slots span, so no query for a slot finds it once any slot is written.
   */
  private static final double NULL_SLOT = -0x1p17;
  /** The memory address of BOS's zero byte: below every address by more than memory spans (2^24). */
  private static final double NULL_MEMORY = -0x1p25;
  /**
   * Added to a CALL record's key when it is keyed by the caller's frame pointer (at the CALL's
   * START) rather than by the callee's (at its FP_LO): the two key ranges do not meet.
   */
  private static final double CALLER_KEY = 0x1p16;
  /**
   * Subtracted from the fetch's query at a JUMP_HI token: the query then lies before BOS, so
   * the fetch reads BOS (every opcode flag 0) at the one position where the direct pc is the
   * jump target's and not the instruction's (JUMP_HI always ends its instruction). Positions
   * and the code's queries stay below it.
   */
  private static final double AWAY = 0x1p26;
  /** The same for the specialized model's table: (pc + 1)² stays exact. */
  private static final double TABLE_AWAY = 0x1p17;
  /** Instructions that read their operands' high words (slot pairs). */
  private static final Set<Opcode> WIDE = Collections.unmodifiableSet(EnumSet.of(
      HALT_I64, ADD64, SUB64, MUL64, SHL64, SHR64_S, SHR64_U, ROTL64, ROTR64,
      EQ64, NE64, LT64_S, LT64_U, GT64_S, GT64_U, LE64_S, LE64_U, GE64_S, GE64_U, EQZ64,
      DIV64_S, DIV64_U, REM64_S, REM64_U));
  /**
   * Instructions that read their operands as of their START ({@code snapshot.operands}): the
   * i64 ones that write a slot pair, and those that need the operands' bits one by one.
   */
  private static final Set<Opcode> SNAPSHOT = Collections.unmodifiableSet(EnumSet.of(
      ADD64, SUB64, MUL64, SHL64, SHR64_S, SHR64_U, ROTL64, ROTR64, DIV64_S, DIV64_U, REM64_S, REM64_U,
      AND, OR, XOR, SHL, SHR_S, SHR_U, ROTL, ROTR, CLZ, CTZ, POPCNT, EXTEND8_S, EXTEND16_S, MEMORY_GROW));

  private final Vocab vocab;
  private final TokenProgram program; // null: the universal interpreter
  /** The opcodes this model executes; the others' flags are the constant 0. */
  private final Set<Opcode> opcodes;
  /** Lanes that can be non-zero: the longest of those opcodes' token sequences. */
  private final int lanes;
  private final Graph g;
  private final Gates gates;
  private final Map<Kind, List<Expr>> classGates = new EnumMap<>(Kind.class);
  private final Map<Integer, List<Expr>> trapGates = new HashMap<>();
  private final List<Expr> value = new ArrayList<>();
  private final Map<String, Expr> laneAnd = new HashMap<>();

  // per-position machine view
  private Expr[] lane;
  private Expr[] op;
  private Expr fpsLo, fpsHi, fps;
  private Expr fX, fY, fZ;
  private Expr[] imm;
  /**
   * An immediate form's flag, and the y operand its immediate makes: bytes and bits, zero for
   * every other instruction (whose y comes from its slot).
   */
  private Expr isImm = Expr.ZERO;
  private Expr[] immY, immYBit;
  private Expr[] xbit, ybit, xhbit, yhbit;
  private Expr cword, xword, yword;
  private Expr[] xbyte, ybyte;
  private Expr[] sxbit, sxhbit, sybit, syhbit; // the operands' bits at the START, for the instructions that need them
  private Expr[] syb, syhb, syCount; // y's bytes, its high word's bytes, its low six bits (at the START)
  private Expr syhSign;
  private Expr val;
  private Expr[] prevVal;
  private final List<Expr> carryValue = new ArrayList<>();
  private Expr memoryLimit;
  private Expr pc;
  private Expr pagesLo, pagesHi;
  private Expr effectiveAddress;
  private Expr isStartToken;
  private Expr maxPages, maxDepth;
  private Expr lastStart;

  private InterpreterGraph(Vocab vocab, TokenProgram program, Set<Opcode> opcodes) {
    this.vocab = vocab;
    this.program = program;
    this.opcodes = opcodes;
    int used = 4; // a trapping instruction: START, TRAP and two TRAP_ADDRESS tokens
    for (Opcode o : opcodes) used = Math.max(used, TracePlan.tokens(o));
    this.lanes = used;
    this.g = new Graph(vocab.size());
    this.gates = new Gates(g);
  }

  /** Builds the universal interpreter graph over the given vocabulary. */
  public static Graph build(Vocab vocab) {
    return build(vocab, (TokenProgram) null);
  }

  /**
   * Builds the universal interpreter restricted to {@code opcodes}: any program whose
   * instructions all have one of them runs on it with the universal model's trace, token for
   * token; the logic of every other opcode folds away (as in a specialized model), and so do
   * the lanes past the longest of their token sequences.
   */
  public static Graph build(Vocab vocab, Set<Opcode> opcodes) {
    for (Opcode o : opcodes) {
      if (!SUPPORTED.contains(o)) throw new IllegalArgumentException("the interpreter does not execute " + o);
    }
    InterpreterGraph ig = new InterpreterGraph(vocab, null, Collections.unmodifiableSet(EnumSet.copyOf(opcodes)));
    ig.define();
    return HeadSums.fold(ig.g);
  }

  /** The opcodes of a program's instructions. */
  public static Set<Opcode> opcodesOf(TokenProgram program) {
    Set<Opcode> s = EnumSet.noneOf(Opcode.class);
    for (Instruction in : program.instructions()) s.add(in.op());
    return Collections.unmodifiableSet(s);
  }

  /**
   * Builds the interpreter graph specialized to {@code program} (null: universal): its
   * instructions are a table in the weights and its prompt holds no code (see
   * {@link ProgramEncoder#encodeSpecialized}).
   */
  public static Graph build(Vocab vocab, TokenProgram program) {
    InterpreterGraph ig = new InterpreterGraph(vocab, program, program == null ? SUPPORTED : opcodesOf(program));
    ig.define();
    return HeadSums.fold(ig.g);
  }

  /**
   * The specialized fetch. The table needs an exact program counter, and the one the
   * universal fetch uses is only exact up to the rounding of the cumulative START count (a
   * query tolerates that; a unit does not): a positional head rounds the STARTs since the
   * latest jump (at most the position) to the nearest position and returns it. At a JUMP_HI
   * token, whose pc is the jump target's, the pc is moved far below the code, so that no
   * instruction's unit is active there. The parameter CONSTs read their
   * immediates from the prompt with one more head, at the position the table names relative to
   * DATA_END (the three zero bytes right after it for every other instruction).
   */
  private void fetchFromTable(Expr p, Expr starts, Expr jumpLo, List<Expr> jumpHi, Expr dataEnd, Expr isJumpHi) {
    Expr sinceJump = g.at("fetch.count", starts.minus(jumpHi.get(1)), List.of(p)).get(0);
    pc = jumpLo.plus(jumpHi.get(0).times(256)).plus(sinceJump).minus(1);
    // in one slot: the table's units then read one variable (and its square), which the
    // runtime searches as one family of lines instead of checking every unit's gate
    Expr tablePc = g.sum("fetch.pcTable", pc.minus(isJumpHi.times(TABLE_AWAY)));
    // (pc + 1)², for the table's one-hot units; pc + 1 is never negative but at a JUMP_HI
    // token, where the neuron gives 0 and every unit's gate, 1 + 2(i + 1)(pc + 1) − (i + 1)²,
    // is far below 0 anyway
    Expr pcSquared = g.neuron("fetch.pc2", tablePc.plus(1), tablePc.plus(1));
    InstructionTable.Fields t = InstructionTable.build(g, tablePc, pcSquared, program);
    op = t.op();
    isImm = t.isImm();
    immY = t.immY();
    immYBit = t.immYBits();
    fX = t.x();
    fY = t.y();
    fZ = t.z();
    imm = t.imm().clone();
    if (!t.argumentEnd().isConstant()) { // a program without parameters needs no head
      // every other instruction reads the three zero bytes after DATA_END (ProgramEncoder)
      Expr query = dataEnd.plus(InstructionTable.PADDING).plus(t.argumentEnd());
      List<Expr> arg = g.at("fetch.arg", query, List.of(prevVal[3], prevVal[2], prevVal[1], val));
      for (int i = 0; i < 4; i++) imm[i] = imm[i].plus(arg.get(i));
    }
  }

  private Expr flag(Kind... kinds) {
    return g.input("is." + kinds[0].name().toLowerCase() + (kinds.length > 1 ? "+" : ""), vocab.feature(t -> 1, kinds));
  }

  private Expr f(Opcode o) {
    return op[o.ordinal()];
  }

  /** AND of an opcode flag and a lane flag, one unit, shared. */
  private Expr at(Opcode o, int l) {
    return laneAnd.computeIfAbsent(o + "@" + l, k -> gates.and("at." + k, f(o), lane[l]));
  }

  private void emit(Kind kind, Expr gate) {
    classGates.computeIfAbsent(kind, k -> new ArrayList<>()).add(gate);
  }

  private static Expr bytesOf(Expr[] bits, int b) {
    Expr e = Expr.ZERO;
    for (int i = 0; i < 8; i++) e = e.plus(bits[8 * b + i].times(1 << i));
    return e;
  }

  /** The value of the low {@code n} bytes. */
  private static Expr lowBytes(Expr[] bytes, int n) {
    Expr e = Expr.ZERO;
    for (int i = 0; i < n; i++) e = e.plus(bytes[i].times(Math.pow(256, i)));
    return e;
  }

  /** The value of the low {@code n} bits. */
  private static Expr low(Expr[] bits, int n) {
    Expr e = Expr.ZERO;
    for (int i = 0; i < n; i++) e = e.plus(bits[i].times(Math.pow(2, i)));
    return e;
  }

  private void define() {
    Kind[] byteKinds = vocab.byteKinds().toArray(Kind[]::new);
    List<Kind> valued = new ArrayList<>(vocab.byteKinds());
    valued.add(Kind.CARRY);
    Expr val = g.input("val", vocab.feature(vocab::value, valued.toArray(Kind[]::new)));
    this.val = val;
    Expr[] bits = new Expr[8];
    for (int i = 0; i < 8; i++) {
      int bit = i;
      bits[i] = g.input("bit" + i, vocab.feature(t -> (vocab.value(t) >> bit) & 1, byteKinds));
    }
    // the fetch returns the flags of the opcodes this model executes, in opcode order
    List<Expr> opFlag = new ArrayList<>();
    for (Opcode o : opcodes) {
      double[] t = new double[vocab.size()];
      t[vocab.opcode(o)] = 1;
      opFlag.add(g.input("op." + o, t));
    }
    Expr p = g.position();
    Expr isStart = flag(Kind.START);
    isStartToken = isStart;

    // ---- where are we: counters, the latest control tokens, the lane within the instruction
    Expr starts = g.cumSum("starts", isStart);
    Expr lastStart = g.latest("lastStart", isStart, List.of(p)).get(0);
    this.lastStart = lastStart;
    // the memory image comes first, so that a run's parameters (in the code's entry stub, or a
    // specialized model's parameter words) come after it and the image is in every run's fixed
    // prefix; the code starts after DATA_END
    Expr dataEnd = g.latest("dataEnd", flag(Kind.DATA_END), List.of(p)).get(0);
    Expr inputBegin = g.latest("inputBegin", flag(Kind.INPUT_BEGIN), List.of(p)).get(0);
    List<Expr> bitList = List.of(bits);
    Expr[][] prev = new Expr[4][];
    prev[0] = bits;
    prevVal = new Expr[9];
    prevVal[0] = val;
    List<Expr> bitsAndVal = new ArrayList<>(bitList);
    bitsAndVal.add(val);
    // The universal fetch reads a whole instruction with one head, at its last token (i3): there
    // the prev heads have gathered its other fields, from columns that only the code's tokens
    // have (a FIELD byte's value and bits, an opcode's flags), so that the head's value is 0 at
    // every other position, trace tokens included (see "Fetch" below).
    boolean universal = program == null;
    boolean hasImm = opcodes.stream().anyMatch(Opcode::isImmediate);
    boolean immBits = opcodes.stream().anyMatch(o -> o.isImmediate() && BITWISE_Y.contains(o.register()));
    Expr fieldVal = universal ? g.input("field.val", vocab.feature(vocab::value, Kind.FIELD)) : Expr.ZERO;
    Expr[] fieldBits = new Expr[8];
    for (int i = 0; i < 8; i++) {
      int bit = i;
      fieldBits[i] = universal && (immBits || hasImm && i == 7)
          ? g.input("field.bit" + i, vocab.feature(t -> (vocab.value(t) >> bit) & 1, Kind.FIELD))
          : Expr.ZERO;
    }
    Expr[] prevField = new Expr[8];      // [k]: the FIELD value k tokens back
    Expr[][] prevFieldBits = new Expr[4][];
    prevField[0] = fieldVal;
    prevFieldBits[0] = fieldBits;
    for (int k = 1; k <= 3; k++) {
      List<Expr> values = new ArrayList<>(bitsAndVal);
      if (universal) {
        values.add(fieldVal);
        if (immBits) values.addAll(List.of(fieldBits));
      }
      List<Expr> r = g.at("prev" + k, p.minus(k), values);
      prev[k] = r.subList(0, 8).toArray(Expr[]::new);
      prevVal[k] = r.get(8);
      if (universal) {
        prevField[k] = r.get(9);
        prevFieldBits[k] = immBits ? r.subList(10, 18).toArray(Expr[]::new) : null;
      }
    }
    // Past three tokens back the trace's readers of a value are MUL's and MUL64's carries, the
    // divisions' digits, DIV64's result bytes (a negative result's byte b reads the b bytes
    // before it), and the limits head, at the prompt's FIELD bytes: the heads from prev4 on
    // carry the value of those kinds only, so that their rows are 0 at the trace's other
    // tokens, where the runtime then places nothing for them (with every byte's value, their
    // answers changed at half of the trace's tokens)
    List<Kind> farKinds = new ArrayList<>(List.of(Kind.CARRY, Kind.DIGIT, Kind.FIELD));
    if (opcodes.stream().anyMatch(DIVISION64::contains)) farKinds.add(Kind.BYTE);
    Expr farVal = g.input("val.far", vocab.feature(vocab::value, farKinds.toArray(Kind[]::new)));
    List<Expr> fetchedOp = null;         // prev7's opcode flags (universal)
    for (int k = 4; k <= 8; k++) {
      List<Expr> values = new ArrayList<>(List.of(farVal));
      if (universal && k <= 6) values.add(fieldVal);
      if (universal && k == 7) values.addAll(opFlag);
      List<Expr> r = g.at("prev" + k, p.minus(k), values);
      prevVal[k] = r.get(0);
      if (universal && k <= 6) prevField[k] = r.get(1);
      if (universal && k == 7) fetchedOp = r.subList(1, r.size());
    }
    // The low byte of a jump target, frame pointer or page count is always the token just before
    // its high byte, so one head at the high byte reads both (from the prev1 head's value). At
    // the low-byte token itself the pair is still the previous one (which the instruction
    // emitting it reads there: see the frame pointer and memory.grow below).
    List<Expr> jumpHi = g.latest("jumpHi", flag(Kind.JUMP_HI), List.of(val, starts, prevVal[1]));
    Expr jumpLo = jumpHi.get(2);
    List<Expr> fp = g.latest("fp", flag(Kind.FP_HI), List.of(prevVal[1], val));
    Expr fpLo = fp.get(0);
    Expr fpHi = fp.get(1);
    List<Expr> pages = g.latest("pages", flag(Kind.PAGES_HI), List.of(prevVal[1], val));
    pagesLo = pages.get(0);
    pagesHi = pages.get(1);
    memoryLimit = pagesLo.plus(pagesHi.times(256)).times(65536);
    // the run's limits: the suffix's four FIELD bytes before its LIMITS token (ProgramEncoder)
    List<Expr> limits = g.latest("limits", flag(Kind.LIMITS), List.of(prevVal[4], prevVal[3], prevVal[2], prevVal[1]));
    maxPages = limits.get(0).plus(limits.get(1).times(256));
    maxDepth = limits.get(2).plus(limits.get(3).times(256));
    Expr laneNumber = p.minus(lastStart);
    lane = new Expr[LANES];
    java.util.Arrays.fill(lane, Expr.ZERO); // past this model's lanes
    // [n == l] = r(l-1) - 2 r(l) + r(l+1) with r(k) = relu(n - k): the ramps are shared by
    // neighbouring lanes, so the lanes cost one always-evaluated unit each instead of three;
    // each flag in one slot: its ramps grow with the position, so big gates read the 0/1 sum
    // (n >= 0, so lane 0 is 1 - r(0) + r(1), its 1 written by the embedding: no ramp
    // r(-1) = n + 1, which would be positive, and so evaluated, at every token)
    Expr[] ramp = new Expr[lanes + 2];
    for (int k = 0; k <= lanes; k++) ramp[k + 1] = g.relu("laneRamp" + k, laneNumber.minus(k));
    double[] ones = new double[vocab.size()];
    java.util.Arrays.fill(ones, 1);
    lane[0] = g.sum("lane0", g.input("one", ones).plus(ramp[2]).minus(ramp[1]));
    for (int l = 1; l < lanes; l++) {
      lane[l] = g.sum("lane" + l, ramp[l].minus(ramp[l + 1].times(2)).plus(ramp[l + 2]));
    }

    // The program counter and the frame pointer, read directly at every position. JUMP_HI
    // always ends its instruction, so the pc is the instruction's at every token but a JUMP_HI,
    // where it is already the target's: there the fetch reads BOS (every opcode flag 0, and
    // START wins). The frame pointer changes at a CALL's or RETURN's FP_HI; what they read
    // after it is arranged for below (the call records).
    Expr isJumpHi = flag(Kind.JUMP_HI);
    Expr pc = jumpLo.plus(jumpHi.get(0).times(256)).plus(starts).minus(jumpHi.get(1)).minus(1);
    fpsLo = fpLo;
    fpsHi = fpHi;
    fps = fpsLo.plus(fpsHi.times(256));
    this.pc = pc;

    // ---- fetch the instruction's fields: from the prompt, or from the weights (specialized)
    if (program == null) {
      // one head at the instruction's last token (i3, base + 7) reads every field the prev
      // heads gathered there: the opcode's flags (prev7), x, y, z (prev6..4) and the immediate
      // (prev3..1 and the token's own), and the y an immediate form makes of its immediate
      Expr base = pc.times(FIELDS).plus(dataEnd).plus(1).minus(isJumpHi.times(AWAY));
      List<Expr> values = new ArrayList<>(fetchedOp);
      int fieldsAt = values.size();
      for (int k = 6; k >= 0; k--) values.add(prevField[k]);   // x y z imm0 imm1 imm2 imm3
      // An immediate form's y (its immediate's bytes, and its bits where bitwise logic and
      // shifts need them all, signed comparisons the sign bit) is a product of the
      // instruction's fields, so it is made here, at i3, where prev7 holds the opcode's flags:
      // these units' inputs are 0 at every trace token, where the runtime then never visits
      // them, and the fetch carries the products (after the fetch they were evaluated at every
      // token of the instruction)
      int immYAt = values.size();
      Expr isImmHere = Expr.ZERO;
      List<Opcode> ordered = List.copyOf(opcodes);
      for (int i = 0; i < ordered.size(); i++) {
        if (ordered.get(i).isImmediate()) isImmHere = isImmHere.plus(fetchedOp.get(i));
      }
      if (hasImm) {
        for (int i = 0; i < 4; i++) values.add(gates.gate("imm.y" + i, prevField[3 - i], 256, isImmHere));
      }
      int bitsAt = values.size();
      if (immBits) {
        for (int i = 0; i < 4; i++) {
          for (int b = 0; b < 8; b++) {
            values.add(gates.and("imm.ybit" + (8 * i + b), prevFieldBits[3 - i][b], isImmHere));
          }
        }
      } else if (hasImm) {
        values.add(gates.and("imm.ybit31", fieldBits[7], isImmHere));
      }
      List<Expr> fetched = g.at("fetch", base.plus(FIELDS - 1), values);
      op = new Expr[Opcode.values().length];
      java.util.Arrays.fill(op, Expr.ZERO);
      int next = 0;
      // an immediate form runs as its operation (its flag adds to the operation's), with y
      // made from its immediate; its own flag stays 0, so nothing is built for it twice
      for (Opcode o : opcodes) {
        Expr flag = fetched.get(next++);
        op[o.register().ordinal()] = op[o.register().ordinal()].plus(flag);
        if (o.isImmediate()) isImm = isImm.plus(flag);
      }
      fX = fetched.get(fieldsAt);
      fY = fetched.get(fieldsAt + 1);
      fZ = fetched.get(fieldsAt + 2);
      imm = new Expr[4];
      immY = new Expr[4];
      immYBit = new Expr[32];
      java.util.Arrays.fill(immYBit, Expr.ZERO);
      for (int i = 0; i < 4; i++) {
        imm[i] = fetched.get(fieldsAt + 3 + i);
        immY[i] = hasImm ? fetched.get(immYAt + i) : Expr.ZERO;
      }
      if (immBits) {
        for (int i = 0; i < 32; i++) immYBit[i] = fetched.get(bitsAt + i);
      } else if (hasImm) {
        immYBit[31] = fetched.get(bitsAt);
      }
    } else {
      fetchFromTable(p, starts, jumpLo, jumpHi, dataEnd, isJumpHi);
    }
    Expr imm16 = imm[0].plus(imm[1].times(256));
    Expr imm32 = imm16.plus(imm[2].times(65536)).plus(imm[3].times(16777216));

    // ---- slots: a word is keyed by its slot address at the token holding its last byte
    Expr[] wordBits = new Expr[32];
    for (int b = 0; b < 4; b++) for (int i = 0; i < 8; i++) wordBits[8 * b + i] = prev[3 - b][i];
    Expr validW = Expr.ZERO, aW = Expr.ZERO, a2W = Expr.ZERO;
    Map<String, List<Opcode>> groups = new HashMap<>();
    for (Opcode o : SUPPORTED) {
      int wl = TracePlan.wordLane(o);
      if (wl >= 0) {
        String kind = o == GLOBAL_SET ? "global" : o == RETURN_VALUE ? "result" : "z";
        groups.computeIfAbsent(kind + "@" + wl, k -> new ArrayList<>()).add(o);
      }
      int hl = TracePlan.highWordLane(o);
      if (hl >= 0) groups.computeIfAbsent("zhigh@" + hl, k -> new ArrayList<>()).add(o);
    }
    for (var e : groups.entrySet()) {
      String kind = e.getKey().substring(0, e.getKey().indexOf('@'));
      int wl = Integer.parseInt(e.getKey().substring(e.getKey().indexOf('@') + 1));
      Expr fs = Expr.ZERO;
      for (Opcode o : e.getValue()) fs = fs.plus(f(o));
      Expr addr = switch (kind) {
        case "global" -> imm16;
        case "result" -> fps;
        case "zhigh" -> fps.plus(fZ).plus(1);
        default -> fps.plus(fZ);
      };
      String n = "word." + e.getKey();
      validW = validW.plus(gates.and(n + ".valid", fs, lane[wl]));
      aW = aW.plus(gates.gate(n + ".a", addr, M_SLOT, fs, lane[wl]));
      a2W = a2W.plus(gates.gateSquare(n + ".a2", addr, M_SLOT, fs, lane[wl]));
    }
    // BOS holds a word of zeros (its prev heads read BOS itself, a token without bits) under
    // NULL_SLOT: the operand heads an instruction does not need read it, so that their values
    // are 0 and cost the runtime's later layers nothing
    Expr isBos = flag(Kind.BOS);
    validW = g.sum("word.valid", validW.plus(isBos));
    aW = g.sum("word.a", aW.plus(isBos.times(NULL_SLOT)));
    a2W = g.sum("word.a2", a2W.plus(isBos.times(NULL_SLOT * NULL_SLOT)));
    List<Expr> wordList = List.of(wordBits);
    // x's query is fps + x but for GLOBAL_GET, whose address is its immediate: the local
    // address is corrected by units gated by the rare flag (a unit gated by "not GLOBAL_GET"
    // has a positive gate, and is evaluated, at almost every token)
    Expr localX = fps.plus(fX);
    Expr qX = localX.minus(gates.gate("slot.qx.local", localX, M_SLOT, f(GLOBAL_GET)))
        .plus(gates.gate("slot.qx.global", imm16, M_SLOT, f(GLOBAL_GET)));
    // x and y come with their word's value and bytes too: the many units that compare, test,
    // copy or add whole words or bytes then read one slot instead of 32 or 8 bits (fewer
    // columns and groups for the runtime's filter to visit)
    List<Expr> wordAndBits = new ArrayList<>(wordList);
    wordAndBits.add(low(wordBits, 32));
    for (int b = 0; b < 4; b++) wordAndBits.add(bytesOf(wordBits, b));
    List<Expr> xr = g.lookup("slot.x", validW, aW, a2W, qX, wordAndBits);
    // an immediate form reads no slot y (BOS's zeros): its y is its immediate, added here
    // (fps + y less a unit gated by the immediate-form flag, as for x)
    Expr localY = fps.plus(fY);
    Expr qY = localY.minus(gates.gate("slot.qy", localY, M_SLOT, isImm)).plus(isImm.times(NULL_SLOT));
    List<Expr> yr = g.lookup("slot.y", validW, aW, a2W, qY, wordAndBits);
    xbit = xr.subList(0, 32).toArray(Expr[]::new);
    ybit = new Expr[32];
    for (int i = 0; i < 32; i++) ybit[i] = yr.get(i).plus(immYBit[i]);
    xword = xr.get(32);
    yword = yr.get(32).plus(lowBytes(immY, 4));
    xbyte = xr.subList(33, 37).toArray(Expr[]::new);
    ybyte = new Expr[4];
    for (int b = 0; b < 4; b++) ybyte[b] = yr.get(33 + b).plus(immY[b]);
    // SELECT only asks whether its condition is non-zero: the word's value, one head value
    cword = g.lookup("slot.c", validW, aW, a2W, fps.plus(imm[0]), List.of(low(wordBits, 32))).get(0);
    // the high words of i64 operands (slot pairs)
    Expr wide = flagSum(WIDE);
    xhbit = g.lookup("slot.xh", validW, aW, a2W, onlyIf("slot.qxh", fps.plus(fX).plus(1), wide), wordList).toArray(Expr[]::new);
    yhbit = g.lookup("slot.yh", validW, aW, a2W, onlyIf("slot.qyh", fps.plus(fY).plus(1), wide), wordList).toArray(Expr[]::new);
    // An instruction writing a slot pair writes its low word before it has computed its high
    // word, and z may be x or y: such instructions read their operands as of their START. So
    // do the instructions that need the operands' bits one by one (bitwise logic, shifts, bit
    // counts, sign extensions): the bits of x and y, read at every token, are then read by no
    // unit of the next layer, whose gate filter would check each non-zero one. All 128 values
    // are bits (the runtime stores a position's vector in 16 bytes); other instructions read
    // BOS's zeros, which cost the later layers nothing.
    List<Expr> operands = new ArrayList<>();
    for (Expr[] w : List.of(xbit, xhbit, ybit, yhbit)) operands.addAll(List.of(w));
    Expr snapshotAt = gates.gate("snapshot.q", lastStart, 0x1p41, flagSum(SNAPSHOT));
    List<Expr> atStart = g.at("snapshot.operands", snapshotAt, operands);
    sxbit = atStart.subList(0, 32).toArray(Expr[]::new);
    sxhbit = atStart.subList(32, 64).toArray(Expr[]::new);
    sybit = atStart.subList(64, 96).toArray(Expr[]::new);
    syhbit = atStart.subList(96, 128).toArray(Expr[]::new);
    syb = new Expr[4];
    syhb = new Expr[4];
    for (int b = 0; b < 4; b++) {
      syb[b] = bytesOf(sybit, b);
      syhb[b] = bytesOf(syhbit, b);
    }
    syCount = java.util.Arrays.copyOf(sybit, 6);
    syhSign = syhbit[31];

    // ---- calls: a CALL leaves two records of the caller's frame pointer and the return
    // address: at its START keyed by the caller's frame pointer (+ CALLER_KEY), at its FP_LO
    // (where the frame pointer read is still the caller's) keyed by the callee's. A RETURN
    // finds the second by its own frame pointer up to its FP_LO; from its FP_HI on, the frame
    // pointer read is already the caller's, and it finds the first: the latest CALL made from
    // the caller's frame is the one returning (frames it called since lie above it).
    Expr call0 = gates.and("call.valid0", f(CALL), lane[0]);
    Expr call1 = gates.and("call.valid1", f(CALL), lane[1]);
    Expr callerKey = fps.plus(CALLER_KEY);
    Expr calleeKey = fps.plus(fX);
    Expr retLate = lane[2].plus(lane[3]);
    Expr retValueLate = lane[6].plus(lane[7]);
    Expr returning = f(RETURN).plus(f(RETURN_VALUE));
    // (BOS's values are 0 too, under NULL_SLOT: other instructions read it)
    List<Expr> call = g.lookup("call",
        call0.plus(call1).plus(isBos),
        gates.gate("call.a0", callerKey, M_SLOT, f(CALL), lane[0])
            .plus(gates.gate("call.a1", calleeKey, M_SLOT, f(CALL), lane[1])).plus(isBos.times(NULL_SLOT)),
        gates.gateSquare("call.a20", callerKey, M_SLOT, f(CALL), lane[0])
            .plus(gates.gateSquare("call.a21", calleeKey, M_SLOT, f(CALL), lane[1]))
            .plus(isBos.times(NULL_SLOT * NULL_SLOT)),
        gates.gate("call.q", fps.plus(retLate.times(CALLER_KEY)), M_SLOT, f(RETURN))
            .plus(gates.gate("call.qv", fps.plus(retValueLate.times(CALLER_KEY)), M_SLOT, f(RETURN_VALUE)))
            .plus(Expr.constant(1).minus(returning).times(NULL_SLOT)),
        List.of(fpsLo, fpsHi, imm[2], imm[3]));

    // ---- linear memory: bytes keyed by address, from stores and the prompt's data image
    Expr xu = xword;
    Expr addr = xu.plus(imm32);
    effectiveAddress = addr;
    Expr validM = flag(Kind.DATA);
    Expr dataAddr = p.minus(1);
    Expr aM = gates.gate("data.a", dataAddr, M_WORD, validM);
    Expr a2M = gates.gateSquare("data.a2", dataAddr, M_WORD, validM);
    for (int l = 1; l <= 4; l++) {
      Expr fs = Expr.ZERO;
      for (Opcode o : List.of(STORE8, STORE16, STORE32)) {
        if (TracePlan.afterStart(o).size() >= l) fs = fs.plus(f(o));
      }
      Expr a = addr.plus(l - 1);
      validM = validM.plus(gates.and("store" + l + ".valid", fs, lane[l]));
      aM = aM.plus(gates.gate("store" + l + ".a", a, M_WORD, fs, lane[l]));
      a2M = a2M.plus(gates.gateSquare("store" + l + ".a2", a, M_WORD, fs, lane[l]));
    }
    // BOS holds a zero byte under NULL_MEMORY, which every instruction but a load reads: their
    // values are then 0 (the address read back too), and cost the later layers nothing
    validM = g.sum("mem.valid", validM.plus(isBos));
    aM = g.sum("mem.a", aM.plus(isBos.times(NULL_MEMORY)));
    a2M = g.sum("mem.a2", a2M.plus(isBos.times(NULL_MEMORY * NULL_MEMORY)));
    Expr isLoad = flagSum(EnumSet.of(LOAD32, LOAD16_U, LOAD16_S, LOAD8_U, LOAD8_S));
    Expr[] mval = new Expr[4], msign = new Expr[4], mdiff = new Expr[4];
    // one unit gates the address; the other bytes' queries add their offset times the flag
    Expr loadAt = gates.gate("mem.q", addr, 0x1p35, isLoad).plus(Expr.constant(1).minus(isLoad).times(NULL_MEMORY));
    for (int i = 0; i < 4; i++) {
      Expr q = addr.plus(i);
      Expr qLoad = loadAt.plus(isLoad.times(i));
      List<Expr> m = g.lookup("mem" + i, validM, aM, a2M, qLoad, List.of(val, bits[7], aM.minus(isBos.times(NULL_MEMORY))));
      mval[i] = m.get(0);
      msign[i] = m.get(1);
      mdiff[i] = m.get(2).minus(q);
    }

    // ---- input: getchar reads the input position numbered by the READs so far. The count is
    // made in GETCHAR only (elsewhere its unit's gate is negative, and the runtime need not
    // evaluate it at every token); every other instruction reads INPUT_BEGIN, a key holding
    // zeros, which cost the later layers nothing
    Expr validIn = flag(Kind.INPUT_BEGIN, Kind.INPUT, Kind.INPUT_END);
    Expr reads = g.cumSumWhere("reads", flag(Kind.READ), 0x1p41, f(GETCHAR));
    List<Expr> in = g.lookup("input", validIn,
        gates.gate("input.a", p, M_WORD, validIn), gates.gateSquare("input.a2", p, M_WORD, validIn),
        inputBegin.plus(reads), List.of(val, flag(Kind.INPUT_END)));

    defineInstructions(call, in, mval, msign, mdiff);
    defineLogits();
  }

  private void defineInstructions(List<Expr> call, List<Expr> in, Expr[] mval, Expr[] msign, Expr[] mdiff) {
    Expr xu = xword, yu = yword, cu = cword;
    Expr xs = xu.minus(xbit[31].times(0x1p32)), ys = yu.minus(ybit[31].times(0x1p32));
    Expr[] xb = new Expr[4], yb = new Expr[4];
    for (int b = 0; b < 4; b++) {
      xb[b] = xbyte[b];
      yb[b] = ybyte[b];
    }
    // static token kinds
    for (Opcode o : SUPPORTED) {
      List<Kind> plan = TracePlan.afterStart(o);
      for (int l = 0; l < plan.size(); l++) {
        Kind k = plan.get(l);
        if ((o == JUMP_IF || o == JUMP_IFZ) && l < 2) continue;
        if (DIVISION64.contains(o)) continue; // divide64() emits its kinds per family
        if (l == 0 && (DIVISION.contains(o) || o.isLoad() || o.isStore() || o == CALL)) continue;
        if (k == Kind.TRAP && o == TRAP) continue; // its cause comes from its immediate
        if (k == Kind.TRAP) trapGates.computeIfAbsent(0, c -> new ArrayList<>()).add(at(o, l));
        else emit(k, at(o, l));
      }
    }
    // accesses past the end of memory and calls past the last frame trap at their START
    for (Opcode o : SUPPORTED) {
      if (!o.isLoad() && !o.isStore()) continue;
      int w = I32Ops.accessWidth(o);
      Expr oob = gates.atLeastIf(o.name().toLowerCase() + ".oob", effectiveAddress.plus(w - 1).minus(memoryLimit), 0, 0x1p36,
          f(o), lane[0]);
      trapGates.computeIfAbsent(3, c -> new ArrayList<>()).add(oob);
      emit(TracePlan.afterStart(o).get(0), at(o, 0).minus(oob));
    }
    Expr deep = gates.atLeastIf("call.deep", fps.plus(fX).minus(MAX_FRAME_POINTER + 1), 0, 0x1p20, f(CALL), lane[0]);
    trapGates.computeIfAbsent(4, c -> new ArrayList<>()).add(deep);
    emit(Kind.FP_LO, at(CALL, 0).minus(deep));
    Expr tooDeep = callDepthExceeded();
    trapGates.get(4).add(tooDeep);
    emit(Kind.FP_LO, tooDeep.times(-1));
    for (Opcode o : SUPPORTED) {
      String n = o.name().toLowerCase();
      Expr fo = f(o);
      switch (o) {
        case CONST -> { for (int l = 0; l < 4; l++) value.add(gates.gate(n + l, imm[l], 256, fo, lane[l])); }
        case COPY, GLOBAL_GET, GLOBAL_SET, HALT_I32, RETURN_VALUE, STORE32, STORE16, STORE8, PUTCHAR, PUTCHAR_ERR -> {
          int w = switch (o) { case STORE16 -> 2; case STORE8, PUTCHAR, PUTCHAR_ERR -> 1; default -> 4; };
          Expr[] src = o.name().startsWith("STORE") ? yb : xb;
          // y's byte is the slot's plus an immediate's (never both non-zero, but the runtime's
          // filter sees two columns of 0..255): a bound above both lets either flag alone rule
          // the unit out, so the filter can skip it by the lane flag (its partner)
          double m = o.name().startsWith("STORE") ? 512 : 256;
          for (int l = 0; l < w; l++) value.add(gates.gate(n + l, src[l], m, fo, lane[l]));
          if (o == RETURN_VALUE) frameReturn(n, call, 4);
        }
        case RETURN -> frameReturn(n, call, 0);
        case ADD -> {
          for (int l = 0; l < 4; l++) {
            // 1024: above x's byte plus y's two columns (slot and immediate), as for STORE
            value.add(gates.gate(n + l, xb[l].plus(yb[l]), 1024, fo, lane[l]));
            if (l > 0) value.add(gates.atLeastIf(n + l + ".cin", lowX(8 * l).plus(lowY(8 * l)), Math.pow(2, 8 * l), M_WORD, fo, lane[l]));
            value.add(gates.atLeastIf(n + l + ".cout", lowX(8 * l + 8).plus(lowY(8 * l + 8)), Math.pow(2, 8 * l + 8), M_WORD, fo, lane[l]).times(-256));
          }
        }
        case SUB -> {
          for (int l = 0; l < 4; l++) {
            value.add(gates.gate(n + l, xb[l].plus(255).minus(yb[l]), 512, fo, lane[l]));
            value.add(at(o, l).times(-255));
            if (l > 0) value.add(gates.atLeastIf(n + l + ".bin", lowY(8 * l).minus(lowX(8 * l)), 1, M_WORD, fo, lane[l]).times(-1));
            value.add(gates.atLeastIf(n + l + ".bout", lowY(8 * l + 8).minus(lowX(8 * l + 8)), 1, M_WORD, fo, lane[l]).times(256));
          }
        }
        case AND, OR, XOR -> {
          // x + y less (XOR: twice) x AND y: a bit's unit is positive only where both bits are 1
          // (OR as 255 less NOR's bits had one wherever both were 0, most bits of most operands)
          for (int l = 0; l < 4; l++) {
            // 1024: above x's byte plus y's two columns (slot and immediate), as for ADD
            if (o != AND) value.add(gates.gate(n + l, xb[l].plus(yb[l]), 1024, fo, lane[l]));
            for (int i = 0; i < 8; i++) {
              Expr x = sxbit[8 * l + i], y = sybit[8 * l + i];
              double w = 1 << i;
              value.add(gates.and(n + l + "." + i, x, y, fo, lane[l]).times(o == AND ? w : o == XOR ? -2 * w : -w));
            }
          }
        }
        case EQ -> value.add(gates.equalIf(n, xu.minus(yu), 0, M_WORD, fo, lane[0]));
        case NE -> value.add(at(o, 0).minus(gates.equalIf(n, xu.minus(yu), 0, M_WORD, fo, lane[0])));
        case EQZ -> value.add(at(o, 0).minus(gates.atLeastIf(n, xu, 1, M_WORD, fo, lane[0])));
        case LT_U -> value.add(gates.atLeastIf(n, yu.minus(xu), 1, M_WORD, fo, lane[0]));
        case GT_U -> value.add(gates.atLeastIf(n, xu.minus(yu), 1, M_WORD, fo, lane[0]));
        case LE_U -> value.add(gates.atLeastIf(n, yu.minus(xu), 0, M_WORD, fo, lane[0]));
        case GE_U -> value.add(gates.atLeastIf(n, xu.minus(yu), 0, M_WORD, fo, lane[0]));
        case LT_S -> value.add(gates.atLeastIf(n, ys.minus(xs), 1, M_WORD, fo, lane[0]));
        case GT_S -> value.add(gates.atLeastIf(n, xs.minus(ys), 1, M_WORD, fo, lane[0]));
        case LE_S -> value.add(gates.atLeastIf(n, ys.minus(xs), 0, M_WORD, fo, lane[0]));
        case GE_S -> value.add(gates.atLeastIf(n, xs.minus(ys), 0, M_WORD, fo, lane[0]));
        case SELECT -> {
          for (int l = 0; l < 4; l++) {
            value.add(gates.gate(n + l, yb[l], 256, fo, lane[l]));
            value.add(gates.gateIfPositive(n + l + ".x", xb[l], cu, 0x1p42, fo, lane[l]));
            value.add(gates.gateIfPositive(n + l + ".y", yb[l], cu, 0x1p42, fo, lane[l]).times(-1));
          }
        }
        case LOAD32, LOAD16_U, LOAD16_S, LOAD8_U, LOAD8_S -> {
          int w = o == LOAD32 ? 4 : (o == LOAD8_U || o == LOAD8_S) ? 1 : 2;
          for (int l = 0; l < w; l++) value.add(gates.gateIfZero(n + l, mval[l], mdiff[l], M_MEM, fo, lane[l]));
          if (o == LOAD16_S || o == LOAD8_S) {
            for (int l = w; l < 4; l++) {
              value.add(gates.gateIfZero(n + l, msign[w - 1], mdiff[w - 1], M_MEM, fo, lane[l]).times(255));
            }
          }
        }
        case JUMP, JUMP_IF, JUMP_IFZ -> {
          for (int l = 0; l < 2; l++) {
            value.add(gates.gate(n + l, imm[l], 256, fo, lane[l]));
            if (o == JUMP) continue;
            Expr nonzero = gates.atLeastIf(n + l + ".nz", xu, 1, M_WORD, fo, lane[l]);
            Expr taken = o == JUMP_IF ? nonzero : at(o, l).minus(nonzero);
            emit(l == 0 ? Kind.JUMP_LO : Kind.JUMP_HI, taken);
            emit(Kind.NO_JUMP, at(o, l).minus(taken));
          }
        }
        case CALL -> {
          Expr sum = fpsLo.plus(fX);
          value.add(gates.gate(n + ".lo", sum, 512, fo, lane[0]));
          value.add(gates.atLeastIf(n + ".carry0", sum, 256, 1024, fo, lane[0]).times(-256));
          value.add(gates.gate(n + ".hi", fpsHi, 256, fo, lane[1]));
          value.add(gates.atLeastIf(n + ".carry1", sum, 256, 1024, fo, lane[1]));
          value.add(gates.gate(n + ".tlo", imm[0], 256, fo, lane[2]));
          value.add(gates.gate(n + ".thi", imm[1], 256, fo, lane[3]));
        }
        case MUL -> multiply(n, xb, yb);
        case EXTEND8_S, EXTEND16_S -> {
          int w = o == EXTEND8_S ? 1 : 2;
          for (int l = 0; l < 4; l++) {
            if (l < w) value.add(gates.gate(n + l, xb[l], 256, fo, lane[l]));
            else value.add(gates.and(n + l, sxbit[8 * w - 1], fo, lane[l]).times(255));
          }
        }
        case POPCNT -> value.add(gates.gate(n, sumOf(sxbit), 64, fo, lane[0]));
        case CLZ, CTZ -> {
          // count = number of k such that the k+1 bits from the counted end are all zero
          for (int k = 0; k < 32; k++) {
            Expr[] flags = new Expr[k + 3];
            for (int i = 0; i <= k; i++) flags[i] = Expr.constant(1).minus(sxbit[o == CLZ ? 31 - i : i]);
            flags[k + 1] = fo;
            flags[k + 2] = lane[0];
            value.add(gates.and(n + k, flags));
          }
        }
        case SHL, SHR_S, SHR_U, ROTL, ROTR -> shiftBytes(o, n, sxbit);
        case DIV_U -> divide();
        case DIV64_U -> divide64();
        case HALT_I64 -> {
          for (int l = 0; l < 8; l++) value.add(gates.gate(n + l, l < 4 ? xb[l] : bytesOf(xhbit, l - 4), 256, fo, lane[l]));
        }
        case ADD64, SUB64 -> addSub64(o);
        case MUL64 -> multiply64();
        case EQ64, NE64, LT64_S, LT64_U, GT64_S, GT64_U, LE64_S, LE64_U, GE64_S, GE64_U, EQZ64 -> compare64(o);
        case SHL64, SHR64_S, SHR64_U, ROTL64, ROTR64 -> shift64(o);
        case JUMP_TABLE -> {
          // target = pc + 1 + min(x, n): its high byte first as a CARRY (rounded division by 256)
          Expr n0 = imm[0].plus(imm[1].times(256));
          Expr target = pc.plus(1).plus(xu).minus(g.relu(n + ".over", xu.minus(n0)));
          carryValue.add(gates.gate(n + ".hi", target, 0x1p35, fo, lane[0]).times(1.0 / 256));
          carryValue.add(at(o, 0).times(-127.5 / 256));
          value.add(gates.gate(n + ".lo", target.minus(val.times(256)), 0x1p35, fo, lane[1]));
          value.add(gates.gate(n + ".hib", prevVal[1], 2048, fo, lane[2]));
        }
        case TRAP -> {
          for (int c = 0; c < Vocab.TRAP_CAUSES.size(); c++) {
            trapGates.computeIfAbsent(c, k -> new ArrayList<>()).add(gates.equalIf(n + c, imm[0], c, 512, fo, lane[0]));
          }
        }
        case MEMORY_SIZE -> {
          value.add(gates.gate(n + "0", pagesLo, 256, fo, lane[0]));
          value.add(gates.gate(n + "1", pagesHi, 256, fo, lane[1]));
        }
        case MEMORY_GROW -> {
          // The result word (the old size, or -1) comes first, then the new size: the page
          // count read is the old one up to the PAGES_LO token. The word may overwrite x, so the
          // new size takes the delta as of the START (snapshot.operands), and whether the grow
          // succeeded from the word's last byte (255 on failure, else 0: the old size is at most
          // 256 pages), the current token at lane 4 and the one before at lane 5.
          Expr pages = pagesLo.plus(pagesHi.times(256));
          // the module's maximum, or the run's limit when that is lower
          Expr declared = imm[0].plus(imm[1].times(256));
          Expr max = declared.minus(g.relu(n + ".limit", declared.minus(maxPages)));
          Expr ok = gates.atLeastIf(n + ".ok", max.minus(pages).minus(xu), 0, 0x1p34, fo);
          Expr failed = Expr.constant(1).minus(ok);
          value.add(gates.gate(n + ".r0", pagesLo, 256, fo, lane[0], ok));
          value.add(gates.gate(n + ".r1", pagesHi, 256, fo, lane[1], ok));
          for (int l = 0; l < 4; l++) value.add(gates.and(n + ".fail" + l, failed, fo, lane[l]).times(255));
          Expr delta = low(sxbit, 32);
          Expr[] succeeded = {Expr.constant(1).minus(val.times(1.0 / 255)), Expr.constant(1).minus(prevVal[1].times(1.0 / 255))};
          Expr[] grown = new Expr[2];
          for (int i = 0; i < 2; i++) {
            grown[i] = gates.gate(n + ".pages" + i, pages, 0x1p20, fo, lane[4 + i])
                .plus(gates.gate(n + ".delta" + i, delta, 0x1p33, fo, lane[4 + i], succeeded[i]));
          }
          Expr high0 = gates.atLeastIf(n + ".high0", grown[0], 256, 0x1p20, fo);
          value.add(grown[0].minus(high0.times(256)));
          value.add(gates.atLeastIf(n + ".high1", grown[1], 256, 0x1p20, fo));
        }
        case GETCHAR -> {
          Expr end = in.get(1);
          value.add(gates.gate(n + ".v", in.get(0), 256, fo, lane[1]));
          for (int l = 1; l <= 4; l++) value.add(gates.and(n + l + ".end", end, fo, lane[l]).times(255));
        }
        default -> {}
      }
    }
  }

  /** The value of x's low {@code n} bits, from its word's or bytes' slots where it can. */
  private Expr lowX(int n) {
    return n == 32 ? xword : n % 8 == 0 ? lowBytes(xbyte, n / 8) : low(xbit, n);
  }

  private Expr lowY(int n) {
    return n == 32 ? yword : n % 8 == 0 ? lowBytes(ybyte, n / 8) : low(ybit, n);
  }

  private static Expr sumOf(Expr[] es) {
    Expr e = Expr.ZERO;
    for (Expr x : es) e = e.plus(x);
    return e;
  }

  /**
   * MUL: byte products give four column sums; the trace first emits the four carries
   * between columns as CARRY tokens (the unembedding rounds {@code (c − 127.5)/256} to
   * {@code floor(c/256)}), then the four result bytes {@code c_k − 256·carry_k+1}.
   */
  private void multiply(String n, Expr[] xb, Expr[] yb) {
    Expr fo = f(MUL);
    Expr[] col = {Expr.ZERO, Expr.ZERO, Expr.ZERO, Expr.ZERO};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; i + j < 4; j++) {
        col[i + j] = col[i + j].plus(g.neuron(n + ".p" + i + j, xb[i].minus(Expr.constant(1024).minus(fo.times(1024))), yb[j]));
      }
    }
    double m = 0x1p21;
    // lanes 0..3 predict carries K1..K4: K(k+1) = floor((col_k + K_k) / 256), K_k being this token's value
    for (int l = 0; l < 4; l++) {
      Expr c = l == 0 ? col[0] : col[l].plus(val);
      carryValue.add(gates.gate(n + ".k" + l, c, m, fo, lane[l]).times(1.0 / 256));
      carryValue.add(at(MUL, l).times(-127.5 / 256));
    }
    // lane 4 (own K4, prev3 K1): B0 = col0 − 256 K1; lane 5: B1 = col1 + K1 − 256 K2 (K1 prev4, K2 prev3) ...
    value.add(gates.gate(n + ".b0", col[0].minus(prevVal[3].times(256)), m, fo, lane[4]));
    for (int b = 1; b < 4; b++) {
      value.add(gates.gate(n + ".b" + b, col[b].plus(prevVal[4]).minus(prevVal[3].times(256)), m, fo, lane[4 + b]));
    }
  }

  /**
   * Shifts and rotates by {@code y mod 32} in one stage: one unit per lane and shift amount,
   * gated by the opcode, the lane and y's five low bits (as literals), whose value is the
   * lane's result byte for that amount, a sum of x's bits. Two stages (a bit shift into byte
   * sums, then a byte shift) cost the model a layer after the operand snapshot.
   */
  private void shiftBytes(Opcode o, String n, Expr[] x) {
    Expr fo = f(o);
    for (int l = 0; l < 4; l++) {
      for (int s = 0; s < 32; s++) {
        Expr v = Expr.ZERO;
        for (int i = 0; i < 8; i++) {
          int bit = 8 * l + i;
          int src = switch (o) {
            case SHL -> bit - s;
            case ROTL -> Math.floorMod(bit - s, 32);
            case ROTR -> (bit + s) % 32;
            case SHR_S -> Math.min(bit + s, 31);
            default -> bit + s;
          };
          if (src >= 0 && src <= 31) v = v.plus(x[src].times(1 << i));
        }
        if (v.isConstant()) continue; // every bit shifted out: the byte is 0
        Expr[] flags = new Expr[7];
        flags[0] = fo;
        flags[1] = lane[l];
        for (int b = 0; b < 5; b++) flags[2 + b] = literal(sybit[b], (s >> b) & 1);
        value.add(gates.gate(n + l + "." + s, v, 256, flags));
      }
    }
  }

  private Expr[] interByte64;

  /**
   * MUL64 as MUL over eight byte columns: eight CARRY tokens (each {@code floor((c_k +
   * carry_k)/256)}), then the eight bytes {@code c_k + carry_k − 256·carry_k+1}.
   */
  private void multiply64() {
    String n = "mul64";
    Expr fo = f(MUL64);
    Expr[] a = new Expr[8], b = new Expr[8];
    for (int i = 0; i < 4; i++) {
      a[i] = bytesOf(sxbit, i);
      a[4 + i] = bytesOf(sxhbit, i);
      b[i] = syb[i];
      b[4 + i] = syhb[i];
    }
    Expr[] col = new Expr[8];
    java.util.Arrays.fill(col, Expr.ZERO);
    for (int i = 0; i < 8; i++) {
      for (int j = 0; i + j < 8; j++) {
        col[i + j] = col[i + j].plus(g.neuron(n + ".p" + i + j, a[i].minus(Expr.constant(1024).minus(fo.times(1024))), b[j]));
      }
    }
    double m = 0x1p22;
    for (int l = 0; l < 8; l++) {
      Expr c = l == 0 ? col[0] : col[l].plus(val);
      carryValue.add(gates.gate(n + ".k" + l, c, m, fo, lane[l]).times(1.0 / 256));
      carryValue.add(at(MUL64, l).times(-127.5 / 256));
    }
    // lane 8 + b predicts byte b: carry b sits 8 tokens back, carry b+1 seven
    for (int bb = 0; bb < 8; bb++) {
      Expr v = col[bb].minus(prevVal[7].times(256));
      if (bb > 0) v = v.plus(prevVal[8]);
      value.add(gates.gate(n + ".b" + bb, v, m, fo, lane[8 + bb]));
    }
  }

  /** ADD64/SUB64: the low word as ADD/SUB; the high word's carries start from the low word's. */
  private void addSub64(Opcode o) {
    String n = o.name().toLowerCase();
    Expr fo = f(o);
    boolean add = o == ADD64;
    Expr xl = low(sxbit, 32), yl = lowBytes(syb, 4);
    // carry (or borrow) out of the low word, a 0/1 unit
    Expr c4 = add ? gates.atLeastIf(n + ".c4", xl.plus(yl), 0x1p32, M_WORD, fo) : gates.atLeastIf(n + ".c4", yl.minus(xl), 1, M_WORD, fo);
    for (int l = 0; l < 8; l++) {
      boolean hi = l >= 4;
      int b = hi ? l - 4 : l;
      Expr[] xs = hi ? sxhbit : sxbit, ys = hi ? syhb : syb;
      Expr xb = bytesOf(xs, b), yb = ys[b];
      Expr cin = hi ? c4 : Expr.ZERO;
      Expr lowIn = low(xs, 8 * b), lowInY = lowBytes(ys, b);
      Expr lowOut = low(xs, 8 * b + 8), lowOutY = lowBytes(ys, b + 1);
      if (add) {
        value.add(gates.gate(n + l, xb.plus(yb), 512, fo, lane[l]));
        if (b > 0 || hi) value.add(gates.atLeastIf(n + l + ".cin", lowIn.plus(lowInY).plus(cin), Math.pow(2, 8 * b), M_WORD, fo, lane[l]));
        value.add(gates.atLeastIf(n + l + ".cout", lowOut.plus(lowOutY).plus(cin), Math.pow(2, 8 * b + 8), M_WORD, fo, lane[l]).times(-256));
      } else {
        value.add(gates.gate(n + l, xb.plus(255).minus(yb), 512, fo, lane[l]));
        value.add(at(o, l).times(-255));
        if (b > 0 || hi) value.add(gates.atLeastIf(n + l + ".bin", lowInY.plus(cin).minus(lowIn), 1, M_WORD, fo, lane[l]).times(-1));
        value.add(gates.atLeastIf(n + l + ".bout", lowOutY.plus(cin).minus(lowOut), 1, M_WORD, fo, lane[l]).times(256));
      }
    }
  }

  /** i64 comparisons: decided by the high words, or by the low words (unsigned) when those are equal. */
  private void compare64(Opcode o) {
    String n = o.name().toLowerCase();
    Expr fo = f(o);
    Expr xl = xword, yl = yword, xh = low(xhbit, 32), yh = low(yhbit, 32);
    if (o == EQZ64) {
      value.add(gates.equalIf(n, xl.plus(xh), 0, M_WORD, fo, lane[0]));
      return;
    }
    boolean signed = o.name().endsWith("_S");
    if (signed) {
      xh = xh.minus(xhbit[31].times(0x1p32));
      yh = yh.minus(yhbit[31].times(0x1p32));
    }
    Expr eqHigh = gates.equalIf(n + ".eqh", xh.minus(yh), 0, M_WORD, fo, lane[0]);
    if (o == EQ64 || o == NE64) {
      Expr eq = gates.and(n + ".eq", eqHigh, gates.equalIf(n + ".eql", xl.minus(yl), 0, M_WORD, fo, lane[0]));
      value.add(o == EQ64 ? eq : at(o, 0).minus(eq));
      return;
    }
    boolean less = o.name().startsWith("LT") || o.name().startsWith("LE");
    boolean orEqual = o.name().startsWith("LE") || o.name().startsWith("GE");
    Expr highDiff = less ? yh.minus(xh) : xh.minus(yh);
    Expr lowDiff = less ? yl.minus(xl) : xl.minus(yl);
    value.add(gates.atLeastIf(n + ".h", highDiff, 1, M_WORD, fo, lane[0]));
    value.add(gates.and(n + ".l", eqHigh, gates.atLeastIf(n + ".lw", lowDiff, orEqual ? 0 : 1, M_WORD, fo, lane[0])));
  }

  /**
   * i64 shifts and rotates by {@code y mod 64}: a bit shift by {@code y mod 8} over the 64
   * bits into eight byte sums (shared by the five opcodes), then a byte shift by
   * {@code (y mod 64) / 8} that picks the lane's byte.
   */
  private void shift64(Opcode o) {
    Expr[] x = new Expr[64];
    for (int i = 0; i < 32; i++) {
      x[i] = sxbit[i];
      x[32 + i] = sxhbit[i];
    }
    if (interByte64 == null) {
      Expr left = f(SHL64).plus(f(ROTL64)), right = f(SHR64_U).plus(f(SHR64_S)).plus(f(ROTR64));
      Expr[] bytes = new Expr[8];
      java.util.Arrays.fill(bytes, Expr.ZERO);
      for (int r = 0; r < 8; r++) {
        Expr l0 = literal(syCount[0], r & 1), l1 = literal(syCount[1], (r >> 1) & 1), l2 = literal(syCount[2], (r >> 2) & 1);
        for (int i = 0; i < 64; i++) {
          double w = 1 << (i % 8);
          List<Expr> parts = new ArrayList<>();
          int ls = i - r;
          if (ls >= 0) parts.add(gates.and("shl64." + r + "." + i, l0, l1, l2, x[ls], left));
          else parts.add(gates.and("rotl64." + r + "." + i, l0, l1, l2, x[ls + 64], f(ROTL64)));
          int rs = i + r;
          if (rs <= 63) {
            parts.add(gates.and("shr64." + r + "." + i, l0, l1, l2, x[rs], right));
          } else {
            parts.add(gates.and("shrs64." + r + "." + i, l0, l1, l2, x[63], f(SHR64_S)));
            parts.add(gates.and("rotr64." + r + "." + i, l0, l1, l2, x[rs - 64], f(ROTR64)));
          }
          for (Expr e : parts) bytes[i / 8] = bytes[i / 8].plus(e.times(w));
        }
      }
      interByte64 = new Expr[8];
      for (int b = 0; b < 8; b++) interByte64[b] = g.sum("shift64.byte" + b, bytes[b]);
    }
    String n = o.name().toLowerCase();
    Expr fo = f(o);
    for (int l = 0; l < 8; l++) {
      for (int j = 0; j < 8; j++) {
        Expr q3 = literal(syCount[3], j & 1), q4 = literal(syCount[4], (j >> 1) & 1), q5 = literal(syCount[5], (j >> 2) & 1);
        int src = switch (o) {
          case SHL64 -> l - j;
          case ROTL64 -> Math.floorMod(l - j, 8);
          case ROTR64 -> (l + j) % 8;
          default -> l + j;
        };
        if (src >= 0 && src <= 7) {
          value.add(gates.gate(n + l + "." + j, interByte64[src], 256, fo, lane[l], q3, q4, q5));
        } else if (o == SHR64_S) {
          value.add(gates.and(n + l + "." + j + ".sign", x[63], fo, lane[l], q3, q4, q5).times(255));
        }
      }
    }
  }

  private static final Set<Opcode> DIVISION = EnumSet.of(DIV_U, DIV_S, REM_U, REM_S);
  private final List<Expr> digitA = new ArrayList<>();
  private final List<Expr> digitCurve = new ArrayList<>();

  /** The sum of the flags of {@code ops}: a 0/1 flag (one opcode executes), free. */
  private Expr flagSum(Set<Opcode> ops) {
    Expr e = Expr.ZERO;
    for (Opcode o : ops) e = e.plus(f(o));
    return e;
  }

  /** The slot address {@code q} if {@code flag} (0/1), else NULL_SLOT: one unit. */
  private Expr onlyIf(String name, Expr q, Expr flag) {
    return gates.gate(name, q, M_SLOT, flag).plus(Expr.constant(1).minus(flag).times(NULL_SLOT));
  }

  private static Expr flagSum(Expr... flags) {
    Expr e = Expr.ZERO;
    for (Expr x : flags) e = e.plus(x);
    return e;
  }

  /**
   * DIV and REM by base-256 long division. The quotient's digits come first, most
   * significant first: digit k is {@code floor(r / (d·256^k))} for the partial remainder
   * {@code r = n − d·(digits so far)}, and the unembedding finds it exactly by scoring digit
   * v as {@code v·(2r − D + 1) − v²·D} with {@code D = d·256^k} (capped at 2^33, where the
   * digit is 0 anyway): a parabola in v whose peak lies strictly between q − 1/2 and q + 1/2.
   * REM then emits the remainder's digits the same way (D = 256^k), and both end with the
   * four result bytes, negated for a negative signed result.
   */
  private void divide() {
    String n = "div";
    Expr fDivU = f(DIV_U), fDivS = f(DIV_S), fRemU = f(REM_U), fRemS = f(REM_S);
    Expr fS = fDivS.plus(fRemS), fRem = fRemU.plus(fRemS), fam = flagSum(fDivU, fDivS, fRemU, fRemS);
    Expr xu = xword, yu = yword;
    Expr x31 = xbit[31], y31 = ybit[31];
    // |x| and |y| for the signed forms, x and y for the unsigned ones
    // kept in slots, so that scaled copies below do not add up terms beyond 2^53
    // (0 outside the family: every reader is gated by it, and a zero costs later layers nothing)
    Expr num = g.sum(n + ".num", gates.gate(n + ".x", xu, 0x1p33, fam)
        .minus(gates.gate(n + ".xneg", xu, 0x1p33, x31, fS).times(2)).plus(gates.and(n + ".xs", x31, fS).times(0x1p32)));
    Expr den = g.sum(n + ".den", gates.gate(n + ".y", yu, 0x1p33, fam)
        .minus(gates.gate(n + ".yneg", yu, 0x1p33, y31, fS).times(2)).plus(gates.and(n + ".ys", y31, fS).times(0x1p32)));
    // [y == 0] for the division family only (else the units' gates, which would read no rare
    // flag, would be evaluated at every token); every use below is gated by the family too.
    // The tests read the words, not the bits: a bit column read here would be checked by the
    // runtime's gate filter at every token where it is non-zero.
    // (each flag kept in a slot: its units' values are as large as the word, and the flags
    // are scaled by big gate shifts below)
    Expr yZero = g.sum(n + ".yzero", gates.equalIf(n + ".yzero", yu, 0, M_WORD, fam));
    Expr nonZero = Expr.constant(1).minus(yZero);
    // traps at the START: division by zero, and MIN / -1 for DIV_S (x = 2^31, y = 2^32 - 1:
    // a sum of non-negative terms that is 0 exactly then)
    Expr divByZero = g.sum(n + ".trap.zero", gates.equalIf(n + ".trap.zero", yu, 0, M_WORD, fam, lane[0]));
    Expr minusOne = Expr.constant(0x1p32 - 1).minus(yu);
    Expr overflow = g.sum(n + ".trap.overflow", gates.equalIf(n + ".trap.overflow",
        xu.minus(x31.times(0x1p31)).plus(Expr.constant(1).minus(x31)).plus(minusOne), 0, M_WORD, fDivS, lane[0]));
    trapGates.computeIfAbsent(1, c -> new ArrayList<>()).add(divByZero);
    trapGates.computeIfAbsent(2, c -> new ArrayList<>()).add(overflow);
    emit(Kind.DIGIT, gates.and(n + ".first", fam, lane[0]).minus(divByZero).minus(overflow));

    double mq = 0x1p35, ma = 0x1p37, shift = 0x1p35;
    // The products with d and d's caps below read y's word and sign (one stage after the slot
    // heads), not den (two): one unit per case of d, y as it is (unsigned, or signed and y >= 0)
    // or 2^32 - y (signed and y < 0), so that the digits' inputs are one stage after den.
    Expr fU = fDivU.plus(fRemU), y31n = Expr.constant(1).minus(y31);
    Expr minusY = Expr.constant(0x1p32).minus(yu);
    // quotient digits: lane l predicts digit k = 3 - l; digit 3 - i sits at lane i, offset l - i
    for (int l = 0; l < 4; l++) {
      int k = 3 - l;
      Expr qhi = Expr.ZERO;
      for (int i = 1; i <= l; i++) qhi = qhi.plus(prevVal[l - i].times(Math.pow(256, 4 - i)));
      Expr r = l == 0 ? num : num.minus(timesDivisor(n + ".qd" + l, qhi, mq, yu, minusY, lane[l], fU, fS, y31, y31n));
      double cap = Math.pow(2, 33 - 8 * k);
      // min(d, cap); d <= 2^32, so the cap of digit 0 (2^33) never applies
      Expr over = cap > 0x1p32 ? Expr.ZERO
          : g.relu(n + ".cap" + k + ".u", yu.minus(cap).minus(Expr.constant(1).minus(fU).times(0x1p34)))
              .plus(g.relu(n + ".cap" + k + ".p", yu.minus(cap).minus(Expr.constant(2).minus(fS).minus(y31n).times(0x1p34))))
              .plus(g.relu(n + ".cap" + k + ".n", minusY.minus(cap).minus(Expr.constant(2).minus(fS).minus(y31).times(0x1p34))));
      Expr curve = g.sum(n + ".capped" + k, den.minus(over)).times(Math.pow(256, k));
      Expr a = r.times(2).minus(curve).plus(1);
      // the digits' inputs must be silent when the START traps instead
      Expr ok = l == 0 ? nonZero.minus(overflow) : nonZero;
      digitA.add(gates.gate(n + ".a" + l, a.plus(shift), ma, fam, lane[l], ok));
      digitA.add(gates.and(n + ".a" + l + ".on", fam, lane[l], ok).times(-shift));
      digitCurve.add(gates.gate(n + ".d" + l, curve, ma, fam, lane[l], ok));
    }
    // remainder digits (REM): lane l = 4..7 predicts digit 7 - l of r = n - d·q
    for (int l = 4; l < 8; l++) {
      Expr q = Expr.ZERO;
      for (int j = 0; j < 4; j++) q = q.plus(prevVal[l - 4 + j].times(Math.pow(256, j)));
      Expr r = num.minus(timesDivisor(n + ".rq" + l, q, mq, yu, minusY, lane[l], fRemU, fRemS, y31, y31n));
      for (int i = 5; i <= l; i++) r = r.minus(prevVal[l - i].times(Math.pow(256, 8 - i)));
      double curve = Math.pow(256, 7 - l);
      Expr on = gates.and(n + ".r" + l + ".on", fRem, lane[l]);
      digitA.add(gates.gate(n + ".r" + l, r.times(2).minus(curve - 1).plus(shift), ma, fRem, lane[l]));
      digitA.add(on.times(-shift));
      digitCurve.add(on.times(curve));
    }
    // result bytes: digit b of the quotient (lanes 4..7) or remainder (lanes 8..11)
    Expr neg = x31.plus(y31).minus(gates.and(n + ".xor", x31, y31).times(2));
    for (Opcode o : List.of(DIV_U, DIV_S, REM_U, REM_S)) {
      boolean rem = o == REM_U || o == REM_S;
      Expr sign = switch (o) {
        case DIV_S -> neg;
        case REM_S -> x31;
        default -> null;
      };
      int first = rem ? 8 : 4;
      for (int b = 0; b < 4; b++) {
        int l = first + b;
        Expr digit = prevVal[2 * b];
        String u = o.name().toLowerCase() + ".b" + b;
        if (sign == null) {
          value.add(gates.gate(u, digit, 2048, f(o), lane[l]));
          continue;
        }
        value.add(gates.gate(u, digit, 2048, f(o), lane[l], Expr.constant(1).minus(sign)));
        // two's complement negation: 255 - digit + [lower digits all 0] - 256·[these and lower all 0]
        Expr lower = Expr.ZERO;
        for (int j = 0; j < b; j++) lower = lower.plus(prevVal[b + j]);
        Expr carryIn = b == 0 ? Expr.constant(1) : gates.equalIf(u + ".cin", lower, 0, 0x1p14, f(o), lane[l]);
        Expr carryOut = gates.equalIf(u + ".cout", lower.plus(digit), 0, 0x1p14, f(o), lane[l]);
        Expr negByte = Expr.constant(255).minus(digit).plus(carryIn).minus(carryOut.times(256));
        value.add(gates.gate(u + ".neg", negByte, 2048, f(o), lane[l], sign));
      }
    }
  }

  /**
   * {@code q·d} for the i32 division's divisor d (|y| for the signed forms, y for the unsigned
   * ones) at {@code lane}, else 0, for {@code 0 <= q < m}: three units, one per case of d, each
   * an exact product (no case's terms cancel).
   */
  private Expr timesDivisor(String name, Expr q, double m, Expr yu, Expr minusY, Expr lane, Expr fU, Expr fS, Expr y31, Expr y31n) {
    return g.neuron(name + ".u", q.minus(Expr.constant(2).minus(fU).minus(lane).times(m)), yu)
        .plus(g.neuron(name + ".p", q.minus(Expr.constant(3).minus(fS).minus(lane).minus(y31n).times(m)), yu))
        .plus(g.neuron(name + ".n", q.minus(Expr.constant(3).minus(fS).minus(lane).minus(y31).times(m)), minusY));
  }

  private static final Set<Opcode> DIVISION64 = EnumSet.of(DIV64_U, DIV64_S, REM64_U, REM64_S);
  /** Lane of the first long-division step of DIV64/REM64, steps' length, lane of the first result byte. */
  private static final int D64_STEPS = 13, D64_STEP = 11, D64_RESULT = 57;

  /** The sum of the lane flags of {@code lanes}: a 0/1 flag, free. */
  private Expr lanes(int... lanes) {
    Expr e = Expr.ZERO;
    for (int l : lanes) e = e.plus(lane[l]);
    return e;
  }

  /** One quotient-like digit {@code floor(r / d)} (integers, {@code 0 <= r < 256·d}) as the next DIGIT. */
  private void digitFloor(String name, Expr r, Expr d, double shift, double ma, Expr... flags) {
    Expr a = r.times(2).minus(d).plus(1);
    digitA.add(gates.gate(name + ".a", a.plus(shift), ma, flags));
    Expr on = gates.and(name + ".on", flags);
    digitA.add(on.times(-shift));
    if (d.isConstant()) digitCurve.add(on.times(d.constant()));
    else digitCurve.add(gates.gate(name + ".d", d, ma, flags));
  }

  /**
   * The bytes of |x| for the signed forms (x for the unsigned ones), from the 64 bits of x:
   * byte k of −x is {@code 255 − x_k + [bytes below k are 0] − 256·[bytes up to k are 0]}.
   */
  private Expr[] magnitudeBytes(String n, Expr[] loBytes, Expr[] hi, Expr fS, Expr fam) {
    Expr[] bytes = new Expr[8];
    for (int k = 0; k < 8; k++) bytes[k] = k < 4 ? loBytes[k] : bytesOf(hi, k - 4);
    Expr s = hi[31];
    Expr neg = gates.and(n + ".neg", s, fS);
    // zero[k] = neg·[bytes below k are all 0], from the sum of those bytes (the low word's
    // bytes, not its bits: a bit column read here would be checked by the runtime's gate filter
    // at every token where it is non-zero; the high word is 0 outside the i64 instructions)
    Expr[] zero = new Expr[9];
    zero[0] = neg;
    Expr below = Expr.ZERO;
    for (int k = 1; k <= 8; k++) {
      below = below.plus(bytes[k - 1]);
      zero[k] = neg.minus(gates.atLeastIf(n + ".nz" + k, below, 1, 0x1p35, s, fS));
    }
    Expr[] out = new Expr[8];
    for (int k = 0; k < 8; k++) {
      Expr xk = bytes[k];
      Expr cin = zero[k];
      Expr cout = zero[k + 1];
      Expr negated = neg.times(255).minus(gates.gate(n + ".x" + k, xk, 256, s, fS).times(2)).plus(cin).minus(cout.times(256));
      // 0 outside the family, whose units alone read these bytes
      out[k] = g.sum(n + ".b" + k, gates.gate(n + ".p" + k, xk, 256, fam).plus(negated));
    }
    return out;
  }

  private static Expr word(Expr[] bytes, int from) {
    Expr e = Expr.ZERO;
    for (int i = 0; i < 4; i++) e = e.plus(bytes[from + i].times(Math.pow(256, i)));
    return e;
  }

  /**
   * DIV64 and REM64 by base-256 long division of |n| by |d|, every number kept exact in
   * doubles by a trace that carries the partial remainder in tokens. Lanes (START = 0):
   * <ul>
   *   <li>1..4: the quotient's high digits, as DIV on the high word of n (zero when d ≥ 2^32);
   *   <li>5..12: the remainder R of that high word, bytes 7..0 (below 2^32);
   *   <li>four steps of 11 lanes from 13, one per low quotient digit k = 3..0: with
   *       {@code W = 256·R + n_k} (below 256·d), an estimate E of {@code floor(W/d)} (exact when
   *       d < 2^32; from the top four bytes of d and the matching bytes of R otherwise: a
   *       truncated divisor never underestimates, and here overestimates by at most one); the
   *       digit {@code q = E − 1 + [W ≥ E·d]}, the comparison exact on two 32-bit limbs with the
   *       high limb clamped; K, the borrow of
   *       the low limb of {@code W − q·d} (a DIGIT); the new remainder's bytes 7..0;
   *   <li>57..64: the result's bytes, negated for a negative signed result.
   * </ul>
   * Every DIGIT is chosen by the unembedding's parabola on integers below 2^41 or as an
   * exact value; positional heads read the high digits, the step's remainder limbs and digit,
   * and the result digits back from their tokens.
   */
  private void divide64() {
    String n = "div64";
    Expr fDivU = f(DIV64_U), fDivS = f(DIV64_S), fRemU = f(REM64_U), fRemS = f(REM64_S);
    Expr fS = fDivS.plus(fRemS), fDiv = fDivU.plus(fDivS), fam = flagSum(fDivU, fDivS, fRemU, fRemS);
    if (fam.isConstant() && fam.constant() == 0) return; // a model without i64 division
    Expr p = g.position();
    Expr[] nb = magnitudeBytes(n + ".n", xbyte, xhbit, fS, fam);
    Expr[] db = magnitudeBytes(n + ".d", ybyte, yhbit, fS, fam);
    Expr nhi = word(nb, 4), dlo = word(db, 0), dhi = word(db, 4);

    // traps at the START: division by zero, and MIN / -1 for DIV64_S (x = 2^63, y = 2^64 - 1),
    // each as a sum of non-negative terms that is 0 exactly then (the low words as words: see
    // magnitudeBytes)
    Expr yh = low(yhbit, 32), xhLow = low(xhbit, 31);
    Expr divByZero = g.sum(n + ".trap.zero", gates.equalIf(n + ".trap.zero", yword.plus(yh), 0, 0x1p36, fam, lane[0]));
    Expr off = xword.plus(xhLow).plus(Expr.constant(1).minus(xhbit[31]))
        .plus(Expr.constant(0x1p32 - 1).minus(yword)).plus(Expr.constant(0x1p32 - 1).minus(yh));
    Expr overflow = g.sum(n + ".trap.overflow", gates.equalIf(n + ".trap.overflow", off, 0, 0x1p36, fDivS, lane[0]));
    trapGates.computeIfAbsent(1, c -> new ArrayList<>()).add(divByZero);
    trapGates.computeIfAbsent(2, c -> new ArrayList<>()).add(overflow);
    Expr ok = Expr.constant(1).minus(divByZero).minus(overflow);
    emit(Kind.DIGIT, gates.and(n + ".first", fam, lane[0]).minus(divByZero).minus(overflow));
    // DIGIT after lanes 1..55: lanes 1..12, then the steps' lanes up to 55 (64 is the last lane)
    Expr digitLanes = lanes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).minus(lanes(56, 57, 58, 59, 60, 61, 62, 63, 64));
    emit(Kind.BYTE, gates.and(n + ".bytes", fam, lanes(56, 57, 58, 59, 60, 61, 62, 63)));

    // [d >= 256^t] for t = 4..7 (so the top byte of d is byte t for exactly one t, or d < 2^32)
    Expr[] ge = new Expr[9];
    ge[8] = Expr.ZERO;
    // gated by the family (0 outside a division, where only the capped d below reads them)
    for (int t = 4; t < 8; t++) ge[t] = g.sum(n + ".ge" + t, gates.atLeastIf(n + ".ge" + t, dhi, Math.pow(256, t - 4), 0x1p34, fam));
    Expr dc = g.sum(n + ".dc", dlo.plus(ge[4].times(0x1p32))); // d capped at 2^32..2^33

    // high digits: lane l predicts digit 7 - l = floor(r / (dc·256^k)), k = 3 - l, as DIV does on the high word
    for (int l = 0; l < 4; l++) {
      int k = 3 - l;
      Expr qhi = Expr.ZERO;
      for (int i = 1; i <= l; i++) qhi = qhi.plus(prevVal[l - i].times(Math.pow(256, 4 - i)));
      // a digit is non-zero only when d < 2^32, where dc = d_lo
      Expr r = l == 0 ? nhi : nhi.minus(g.neuron(n + ".qd" + l, qhi.minus(Expr.constant(0x1p37).minus(fam.plus(lane[l]).times(0x1p36))), dlo));
      double cap = Math.pow(2, 33 - 8 * k);
      // min(dc, cap), one stage after d's bytes (not after dc): dc < 2^33, so digit 0's cap never
      // applies; the others are below 2^32, so the minimum is the cap when d >= 2^32 (a high
      // byte non-zero), else min(d_lo, cap)
      Expr capped = cap > 0x1p32 ? dc : g.sum(n + ".capped" + k, fam.times(cap).minus(g.relu(n + ".cap" + k,
          Expr.constant(cap).minus(dlo).minus(sumOf(java.util.Arrays.copyOfRange(db, 4, 8)).times(0x1p26))
              .minus(Expr.constant(1).minus(fam).times(0x1p34)))));
      Expr curve = capped.times(Math.pow(256, k));
      Expr a = r.times(2).minus(curve).plus(1);
      Expr[] flags = l == 0 ? new Expr[] {fam, lane[l], ok} : new Expr[] {fam, lane[l]};
      digitA.add(gates.gate(n + ".a" + l, a.plus(0x1p35), 0x1p37, flags));
      digitA.add(gates.and(n + ".a" + l + ".on", flags).times(-0x1p35));
      digitCurve.add(gates.gate(n + ".c" + l, curve, 0x1p37, flags));
    }

    // lanes 4..11 predict the bytes 7..0 of R = n_hi - d·(high digits), below 2^32
    // read at lane 4 (lastStart + 4) from there on; before, at the current position, so that the
    // query is never beyond it (the runtime's position kernel proves its vertex only there)
    Expr highAt = lastStart.plus(4);
    for (int l = 0; l < 4; l++) highAt = highAt.minus(lane[l].times(4 - l));
    // (outside the family at BOS, whose values are 0: they then cost the later layers nothing)
    List<Expr> high = g.at(n + ".high", gates.gate(n + ".high.q", highAt, 0x1p41, fam), List.of(prevVal[0], prevVal[1], prevVal[2], prevVal[3]));
    Expr highDigits = high.get(0).plus(high.get(1).times(256)).plus(high.get(2).times(65536)).plus(high.get(3).times(0x1p24));
    Expr rem3Lanes = lanes(4, 5, 6, 7, 8, 9, 10, 11);
    Expr rem3 = nhi.minus(g.neuron(n + ".qd", highDigits.minus(Expr.constant(0x1p37).minus(fam.plus(rem3Lanes).times(0x1p36))), dlo));
    digitCurve.add(gates.and(n + ".r3.zero", fam, lanes(4, 5, 6, 7)));
    for (int i = 4; i < 8; i++) {
      int m = 7 - i;
      Expr x = rem3;
      for (int mm = m + 1; mm <= 3; mm++) x = x.minus(prevVal[i + mm - 8].times(Math.pow(256, mm)));
      digitFloor(n + ".r3." + m, x, Expr.constant(Math.pow(256, m)), 0x1p25, 0x1p38, fam, lane[4 + i]);
    }

    // where a lane is in the steps: begun[s] = [lane >= 13 + 11s], at[x] = [lane = 13 + 11s + x]
    // for the step s that lane is in (lane 12, before the first step, counts as at[10])
    Expr laneNumber = p.minus(lastStart);
    Expr[] begun = new Expr[5];
    begun[4] = Expr.ZERO;
    Expr started = Expr.ZERO;
    for (int s = 0; s < 4; s++) {
      begun[s] = g.sum(n + ".begun" + s, gates.atLeast(n + ".begun" + s, laneNumber, D64_STEPS + D64_STEP * s));
      started = started.plus(begun[s]);
    }
    Expr offset = laneNumber.minus(D64_STEPS - D64_STEP).minus(started.times(D64_STEP));
    Expr[] at = new Expr[D64_STEP];
    // gated by the family, so that their units are evaluated only in a division (the offset is
    // non-zero at most tokens); 2^45 outweighs the position in the offset's slots
    for (int x = 0; x < D64_STEP; x++) at[x] = g.sum(n + ".at" + x, gates.equalIf(n + ".at" + x, offset, x, 0x1p45, fam));
    emit(Kind.DIGIT, gates.and(n + ".digits", fam, digitLanes.plus(begun[0])));

    // the step's remainder limbs, read at its E token, and its digit, read at its C token
    Expr whiE = Expr.ZERO, wloE = Expr.ZERO;
    for (int m = 3; m < 8; m++) whiE = whiE.plus(prevVal[1 + m].times(Math.pow(256, m - 3)));
    for (int m = 0; m < 3; m++) wloE = wloE.plus(prevVal[1 + m].times(Math.pow(256, m + 1)));
    // E of the step is at lastStart + 13 + 11·step, its C one after. Outside the steps the
    // queries fall back to lastStart (and at E, C's query to E), never beyond the current
    // position: begun0·(13 + 11·step) is 2·begun0 + 11·started, as every begun[s] implies begun0.
    Expr stepE = lastStart.plus(begun[0].times(D64_STEPS - D64_STEP)).plus(started.times(D64_STEP));
    List<Expr> limbs = g.at(n + ".limbs", gates.gate(n + ".limbs.q", stepE, 0x1p41, fam), List.of(whiE, wloE));
    Expr qStep = g.at(n + ".q", stepE.plus(begun[0]).minus(at[0]), List.of(val)).get(0);

    // val·d at the E and C tokens (val <= 255 inside these instructions)
    Expr valOn = val.minus(Expr.constant(4096).minus(fam.times(4096)));
    Expr pLo = g.neuron(n + ".plo", valOn, dlo);
    // val·d_hi from y's high word as read (one stage after the slot heads; from d's bytes it
    // would be two, and the comparison below one more): y_hi for the unsigned forms and y >= 0,
    // 2^32 - 1 - y_hi for a negative y. That is |y|'s high word but when y_lo = 0, where it is
    // one less; d's low word is then 0, so the estimate is exact (the truncated divisor drops
    // only zero bytes), W - E·d >= 0, and the larger comparison below is still >= 0.
    Expr fU = fDivU.plus(fRemU), y63 = yhbit[31];
    Expr pHi = g.neuron(n + ".phi.u", val.minus(Expr.constant(1).minus(fU).times(4096)), yh)
        .plus(g.neuron(n + ".phi.p", val.minus(Expr.constant(1).minus(fS).plus(y63).times(4096)), yh))
        .plus(g.neuron(n + ".phi.n", val.minus(Expr.constant(2).minus(fS).minus(y63).times(4096)), Expr.constant(0x1p32 - 1).minus(yh)));
    // the comparison at E: W - E·d >= 0, W = Whi·2^32 + Wlo; with |Wlo - E·d_lo| < 2^41 a high limb
    // clamped to ±2^9 keeps the sign and makes the sum exact
    Expr hE = whiE.minus(pHi);
    Expr hClamped = g.sum(n + ".hc", hE.minus(g.relu(n + ".hc.top", hE.minus(512))).plus(g.relu(n + ".hc.bottom", hE.times(-1).minus(512))));
    Expr cOn = gates.and(n + ".c.on", fam, begun[0], at[0]);
    digitA.add(gates.gate(n + ".c.e", val, 4096, fam, begun[0], at[0]).times(2));
    digitA.add(cOn.times(-2));
    digitCurve.add(cOn);
    // the estimate for d >= 2^32 (top byte t of d): from bytes t-3..t of d and the matching bytes of R
    Expr beforeStep = Expr.constant(1).minus(begun[3]);
    for (int t = 4; t < 8; t++) {
      Expr w = Expr.ZERO, d = Expr.ZERO;
      for (int m = t - 4; m <= t; m++) w = w.plus(prevVal[m].times(Math.pow(256, m - t + 4)));
      for (int i = t - 3; i <= t; i++) d = d.plus(db[i].times(Math.pow(256, i - t + 3)));
      digitFloor(n + ".e" + t, w, d, 0x1p33, 0x1p46, fam, at[D64_STEP - 1], beforeStep, ge[t].minus(ge[t + 1]));
    }
    Expr rOn = Expr.ZERO;
    for (int x = 2; x < D64_STEP - 1; x++) rOn = rOn.plus(at[x]);
    Expr qOn = qStep.minus(Expr.constant(3 * 4096).minus(fam.plus(rOn).plus(begun[0]).times(4096)));
    Expr qsLo = g.neuron(n + ".qlo", qOn, dlo), qsHi = g.neuron(n + ".qhi", qOn, dhi);
    // the new remainder's bytes 7..4 from (Whi - q·d_hi - K)·2^32 (K at lane b + 2, i tokens back)
    for (int i = 0; i < 4; i++) {
      Expr x = limbs.get(0).minus(qsHi).minus(prevVal[i]);
      for (int m = 8 - i; m <= 7; m++) x = x.minus(prevVal[i + m - 8].times(Math.pow(256, m - 4)));
      digitFloor(n + ".r" + (7 - i), x, Expr.constant(Math.pow(256, 3 - i)), 0x1p25, 0x1p47, fam, begun[0], at[2 + i]);
    }
    for (int s = 0; s < 4; s++) {
      Expr nk = nb[3 - s];
      Expr in = begun[s].minus(begun[s + 1]);
      Expr before = s == 0 ? Expr.constant(1).minus(begun[0]) : begun[s - 1].minus(begun[s]);
      String u = n + ".s" + s;
      // E: exact for d < 2^32, from W = 256·R + n_k
      Expr w = nk;
      for (int m = 0; m < 4; m++) w = w.plus(prevVal[m].times(Math.pow(256, m + 1)));
      digitFloor(u + ".e", w, dlo, 0x1p33, 0x1p46, fam, at[D64_STEP - 1], before, Expr.constant(1).minus(ge[4]));
      // C: E - 1 + [W >= E·d]
      Expr sign = hClamped.times(0x1p32).plus(wloE).plus(nk).minus(pLo);
      digitA.add(gates.atLeastIf(u + ".c", sign, 0, 0x1p46, fam, in, at[0]).times(2));
      // K = -floor(L / 2^32) for L = Wlo - q·d_lo: the limb borrow
      Expr wlo = nk;
      for (int m = 0; m < 3; m++) wlo = wlo.plus(prevVal[2 + m].times(Math.pow(256, m + 1)));
      Expr low = wlo.minus(pLo);
      digitFloor(u + ".k", Expr.constant(0x1p32 - 1).minus(low), Expr.constant(0x1p32), 0x1p33, 0x1p44, fam, in, at[1]);
      // the new remainder's bytes 3..0 from Wlo - q·d_lo + K·2^32
      for (int i = 4; i < 8; i++) {
        Expr x = limbs.get(1).plus(nk).minus(qsLo).plus(prevVal[i].times(0x1p32));
        for (int m = 8 - i; m <= 3; m++) x = x.minus(prevVal[i + m - 8].times(Math.pow(256, m)));
        digitFloor(u + ".r" + (7 - i), x, Expr.constant(Math.pow(256, 7 - i)), 0x1p25, 0x1p47, fam, in, at[2 + i]);
      }
    }

    // result bytes: digit b of the quotient or of the remainder, read back by one positional head
    Expr query = Expr.ZERO;
    for (int b = 0; b < 8; b++) {
      int remAt = D64_RESULT - 1 - b, quotAt = b >= 4 ? 8 - b : D64_STEPS + 1 + D64_STEP * (3 - b);
      query = query.plus(lane[D64_RESULT - 1 + b].times(remAt));
      query = query.plus(gates.and(n + ".quot" + b, fDiv, lane[D64_RESULT - 1 + b]).times(quotAt - remAt));
    }
    Expr digit = g.at(n + ".result", lastStart.plus(query), List.of(val)).get(0);
    Expr xs = sxhbit[31], ys = syhSign;
    Expr negative = gates.and(n + ".neg.xy", fDivS, xs, Expr.constant(1).minus(ys))
        .plus(gates.and(n + ".neg.yx", fDivS, ys, Expr.constant(1).minus(xs)))
        .plus(gates.and(n + ".neg.rem", fRemS, xs));
    Expr keep = fam.minus(negative);
    for (int b = 0; b < 8; b++) {
      int l = D64_RESULT - 1 + b;
      String u = n + ".b" + b;
      value.add(gates.gate(u, digit, 4096, keep, lane[l]));
      // two's complement negation: the emitted lower bytes are 0 exactly when the magnitude's are
      Expr lower = Expr.ZERO;
      for (int j = 0; j < b; j++) lower = lower.plus(prevVal[j]);
      Expr carryIn = b == 0 ? Expr.constant(1) : gates.equalIf(u + ".cin", lower, 0, 0x1p15, fS, lane[l]);
      Expr carryOut = gates.equalIf(u + ".cout", lower.plus(digit), 0, 0x1p15, fS, lane[l]);
      Expr negByte = Expr.constant(255).minus(digit).plus(carryIn).minus(carryOut.times(256));
      value.add(gates.gate(u + ".neg", negByte, 4096, negative, lane[l]));
    }
  }

  private static Expr literal(Expr bit, int value) {
    return value == 1 ? bit : Expr.constant(1).minus(bit);
  }

  /** The caller's frame pointer and return address, emitted from lane {@code from} on. */
  private void frameReturn(String n, List<Expr> call, int from) {
    Expr fo = f(valueOf(n.toUpperCase()));
    for (int i = 0; i < 4; i++) value.add(gates.gate(n + ".frame" + i, call.get(i), 256, fo, lane[from + i]));
  }

  /**
   * 1 at the START of a CALL that would make the call depth (frames of called functions)
   * exceed the prompt's limit, else 0. The depth is a prefix sum of CALLs minus returns,
   * which the transformer computes as a mean times the position, a few ulps off an integer;
   * the step turns anything within 1/4 of an integer into an exact 0 (no trap; then both
   * units are off) or 1 (the trap, which ends the run).
   */
  private Expr callDepthExceeded() {
    Expr delta = gates.and("depth.call", f(CALL), isStartToken)
        .minus(gates.and("depth.return", f(RETURN), isStartToken))
        .minus(gates.and("depth.returnValue", f(RETURN_VALUE), isStartToken));
    // 4·(depth − limit), so that the kinks (1 and 3) and so every bias are integers: the
    // runtime's gate filter can then bound these units (never positive off a CALL's START).
    // Each gate is exactly twice the 2·(depth − limit) − 0.5 (1.5) of the step's first form,
    // and the value 1/2 halves it back: the same doubles as before.
    Expr over = g.cumSum("depth", delta).minus(maxDepth).times(4);
    Expr off = Expr.constant(2).minus(f(CALL)).minus(lane[0]).times(0x1p31);
    Expr half = Expr.constant(0.5);
    return g.neuron("depth.over.a", over.minus(1).minus(off), half).minus(g.neuron("depth.over.b", over.minus(3).minus(off), half));
  }

  /**
   * After a TRAP token, the trapping instruction's index as two TRAP_ADDRESS tokens: its
   * high byte {@code floor(pc/256)}, scored {@code v·(2pc − 255) − 256·v²} (a parabola
   * peaking at {@code (pc − 127.5)/256}, strictly within 1/2 of the high byte), then its low
   * byte {@code pc − 256·high}, the high byte being the current token's value. Their weight
   * outranks whatever the trapped instruction's lane gates still score at these positions.
   * The low byte's unit is gated by its 0/1 flag alone and reads the pc in its value: the pc
   * is a few ulps off an integer (it is made of cumulative sums), so a gate reading it could
   * not be bounded by the runtime's gate filter, which would evaluate the unit at every token.
   */
  private void defineTrapAddressLogits() {
    Expr afterTrap = flag(Kind.TRAP, Kind.LATER_TRAP);
    Expr afterHigh = gates.and("trapAddress.low", flag(Kind.TRAP_ADDRESS), lane[2]);
    double m = 0x1p35;
    Expr a = g.sum("next.trapAddress.a",
        gates.gate("trapAddress.a.high", pc.times(2).plus(1), m, afterTrap).minus(afterTrap.times(256))
            .plus(g.neuron("trapAddress.a.low", afterHigh, pc.minus(val.times(256))).times(2)));
    Expr d = g.sum("next.trapAddress.d", afterTrap.times(256).plus(afterHigh));
    Expr w = g.sum("next.trapAddress", afterTrap.plus(afterHigh)).times(TRAP_ADDRESS_WEIGHT);
    for (int v = 0; v < 256; v++) g.logit(vocab.id(Kind.TRAP_ADDRESS, v), w.plus(a.times(v)).minus(d.times((double) v * v)));
  }

  private static final double TRAP_ADDRESS_WEIGHT = 0x1p46;

  private void defineLogits() {
    Expr y = g.sum("next.value", Expr.sum(value));
    Expr others = Expr.ZERO;
    Map<Kind, Expr> gate = new EnumMap<>(Kind.class);
    for (var e : classGates.entrySet()) {
      Expr s = g.sum("next." + e.getKey().name().toLowerCase(), Expr.sum(e.getValue()));
      gate.put(e.getKey(), s);
      others = others.plus(s);
    }
    Map<Integer, Expr> traps = new HashMap<>();
    for (var e : trapGates.entrySet()) {
      Expr s = g.sum("next.trap" + e.getKey(), Expr.sum(e.getValue()));
      traps.put(e.getKey(), s);
      others = others.plus(s);
    }
    gate.put(Kind.START, Expr.constant(1).minus(others));
    for (var e : gate.entrySet()) {
      Kind k = e.getKey();
      Expr w = e.getValue().times(CLASS_WEIGHT);
      if (k.isByte) {
        for (int v = 0; v < 256; v++) g.logit(vocab.id(k, v), w.plus(y.times(2 * v)).minus((double) v * v));
      } else {
        g.logit(vocab.id(k), w);
      }
    }
    for (var e : traps.entrySet()) g.logit(vocab.trap(e.getKey()), e.getValue().times(CLASS_WEIGHT));
    if (gate.containsKey(Kind.DIGIT)) {
      Expr a = g.sum("next.digit.a", Expr.sum(digitA));
      Expr d = g.sum("next.digit.curve", Expr.sum(digitCurve));
      Expr w = gate.get(Kind.DIGIT).times(CLASS_WEIGHT);
      for (int v = 0; v < 256; v++) g.logit(vocab.id(Kind.DIGIT, v), w.plus(a.times(v)).minus(d.times((double) v * v)));
    }
    if (gate.containsKey(Kind.CARRY)) {
      Expr yc = g.sum("next.carry.value", Expr.sum(carryValue));
      Expr w = gate.get(Kind.CARRY).times(CLASS_WEIGHT);
      for (int v = 0; v < Vocab.CARRY_VALUES; v++) g.logit(vocab.id(Kind.CARRY, v), w.plus(yc.times(2 * v)).minus((double) v * v));
    }
    defineTrapAddressLogits();
  }
}
