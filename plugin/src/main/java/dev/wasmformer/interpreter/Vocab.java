package dev.wasmformer.interpreter;

import dev.wasmformer.isa.Opcode;
import dev.wasmformer.runtime.format.Token;
import dev.wasmformer.runtime.format.TokenRole;
import dev.wasmformer.runtime.format.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * The interpreter's tokens: what the prompt is written in and what the trace is made of.
 * Each kind of token is a contiguous range of ids; byte kinds have 256 entries.
 */
public final class Vocab {
  /** Kinds of token. Byte kinds carry a value 0..255 in their embedding (and its bits). */
  public enum Kind {
    BOS(false, TokenRole.MARKER),
    OPCODE(false, TokenRole.PROGRAM_OPCODE),
    FIELD(true, TokenRole.PROGRAM_BYTE),
    /**
     * Ends the prompt's memory image (whose byte at address a is at position 1 + a); the code
     * (or a specialized model's parameter words) follows it.
     */
    DATA_END(false, TokenRole.MARKER),
    DATA(true, TokenRole.DATA_BYTE),
    INPUT_BEGIN(false, TokenRole.MARKER),
    INPUT(true, TokenRole.INPUT_BYTE),
    INPUT_END(false, TokenRole.INPUT_END),
    /** Starts every executed instruction. */
    START(false, TokenRole.TRACE_CONTROL),
    /** A byte written to a slot or to memory. */
    BYTE(true, TokenRole.TRACE_BYTE),
    /** Linear memory's size in 64 KiB pages, low and high byte (the latest pair counts). */
    PAGES_LO(true, TokenRole.TRACE_CONTROL),
    PAGES_HI(true, TokenRole.TRACE_CONTROL),
    FP_LO(true, TokenRole.TRACE_CONTROL),
    FP_HI(true, TokenRole.TRACE_CONTROL),
    JUMP_LO(true, TokenRole.TRACE_CONTROL),
    JUMP_HI(true, TokenRole.TRACE_CONTROL),
    /** A branch not taken. */
    NO_JUMP(false, TokenRole.TRACE_CONTROL),
    /** A carry between the columns of a multiplication, 0..2047. */
    CARRY(false, TokenRole.TRACE_CONTROL),
    /** A base-256 digit of a quotient or remainder, chosen by the divisor-curved logit. */
    DIGIT(true, TokenRole.TRACE_CONTROL),
    /** getchar consumed one input position. */
    READ(false, TokenRole.TRACE_CONTROL),
    OUT(true, TokenRole.OUTPUT_BYTE),
    RESULT(true, TokenRole.RESULT_BYTE),
    HALT(false, TokenRole.HALT),
    TRAP(false, TokenRole.TRAP),
    /** After TRAP: the trapping instruction's index, high byte then low byte. */
    TRAP_ADDRESS(true, TokenRole.TRAP_ADDRESS_BYTE),
    /**
     * Ends the run's limits in the prompt suffix: the four FIELD tokens before it are the
     * largest memory size in pages and the largest call depth, each two bytes, low first.
     */
    LIMITS(false, TokenRole.MARKER),
    // Kinds added later come last, so that the ids of the tokens above do not move.
    /** The opcodes added after the first {@link #FIRST_OPCODES}, in Opcode order. */
    LATER_OPCODE(false, TokenRole.PROGRAM_OPCODE),
    /** A byte written to the error output (PUTCHAR_ERR: stderr). */
    ERR(true, TokenRole.ERROR_OUTPUT_BYTE),
    /** The trap causes added after the first {@link #FIRST_TRAP_CAUSES}, in cause order. */
    LATER_TRAP(false, TokenRole.TRAP),
    /** The immediate forms of binary operations (ADD_IMM ..), in Opcode order. */
    IMM_OPCODE(false, TokenRole.PROGRAM_OPCODE);

    final boolean isByte;
    final TokenRole role;

    Kind(boolean isByte, TokenRole role) {
      this.isByte = isByte;
      this.role = role;
    }
  }

  /** Trap causes, in the order of their TRAP tokens. */
  public static final List<String> TRAP_CAUSES = List.of(
      "unreachable",
      "integer divide by zero",
      "integer overflow",
      "out of bounds memory access",
      "call stack exhausted",
      "undefined element",
      "indirect call type mismatch",
      "invalid conversion to integer");

  /**
   * The trap causes of the TRAP kind, the ones that existed when the vocabulary's first kinds
   * were laid out; later ones are LATER_TRAP tokens.
   */
  public static final int FIRST_TRAP_CAUSES = 7;

  /**
   * The opcodes of the OPCODE kind, the ones that existed when the vocabulary's first kinds
   * were laid out ({@code NOP .. EQZ64}); later ones are LATER_OPCODE tokens.
   */
  public static final int FIRST_OPCODES = Opcode.PUTCHAR_ERR.ordinal();

  /** The opcodes before the immediate forms: the OPCODE and LATER_OPCODE kinds' ones. */
  public static final int FIRST_IMM_OPCODE = Opcode.ADD_IMM.ordinal();

  /** Number of CARRY tokens. */
  public static final int CARRY_VALUES = 2048;

  private final int[] first = new int[Kind.values().length];
  private final int size;

  public Vocab() {
    int n = 0;
    for (Kind k : Kind.values()) {
      first[k.ordinal()] = n;
      n += switch (k) {
        case OPCODE -> FIRST_OPCODES;
        case LATER_OPCODE -> FIRST_IMM_OPCODE - FIRST_OPCODES;
        case IMM_OPCODE -> Opcode.values().length - FIRST_IMM_OPCODE;
        case TRAP -> FIRST_TRAP_CAUSES;
        case LATER_TRAP -> TRAP_CAUSES.size() - FIRST_TRAP_CAUSES;
        case CARRY -> CARRY_VALUES;
        default -> k.isByte ? 256 : 1;
      };
    }
    size = n;
  }

  public int size() {
    return size;
  }

  /** The id of a kind's token (for byte kinds, of value {@code value}). */
  public int id(Kind kind, int value) {
    return first[kind.ordinal()] + value;
  }

  public int id(Kind kind) {
    return first[kind.ordinal()];
  }

  public int opcode(Opcode op) {
    if (op.ordinal() >= FIRST_IMM_OPCODE) return id(Kind.IMM_OPCODE, op.ordinal() - FIRST_IMM_OPCODE);
    return op.ordinal() < FIRST_OPCODES ? id(Kind.OPCODE, op.ordinal()) : id(Kind.LATER_OPCODE, op.ordinal() - FIRST_OPCODES);
  }

  /** The id of the TRAP token of cause {@code cause} (an index into {@link #TRAP_CAUSES}). */
  public int trap(int cause) {
    return cause < FIRST_TRAP_CAUSES ? id(Kind.TRAP, cause) : id(Kind.LATER_TRAP, cause - FIRST_TRAP_CAUSES);
  }

  /** Number of ids of a kind. */
  public int count(Kind kind) {
    int k = kind.ordinal();
    return (k + 1 < first.length ? first[k + 1] : size) - first[k];
  }

  /** The kind of a token id. */
  public Kind kind(int token) {
    Kind[] all = Kind.values();
    for (int k = all.length - 1; k >= 0; k--) if (token >= first[k]) return all[k];
    throw new IllegalArgumentException("token " + token);
  }

  /** The value of a token within its kind (byte value, opcode ordinal, trap cause). */
  public int value(int token) {
    return token - first[kind(token).ordinal()];
  }

  /** Human-readable text of a token. */
  public String text(int token) {
    Kind k = kind(token);
    int v = value(token);
    return switch (k) {
      case OPCODE -> Opcode.values()[v].name();
      case LATER_OPCODE -> Opcode.values()[FIRST_OPCODES + v].name();
      case IMM_OPCODE -> Opcode.values()[FIRST_IMM_OPCODE + v].name();
      case TRAP -> TRAP_CAUSES.get(v);
      case LATER_TRAP -> TRAP_CAUSES.get(FIRST_TRAP_CAUSES + v);
      case CARRY -> "carry:" + v;
      default -> k.isByte ? k.name().toLowerCase() + ":" + v : k.name().toLowerCase();
    };
  }

  /** The vocabulary as stored in a bundle. */
  public Vocabulary toProto() {
    Vocabulary.Builder b = Vocabulary.newBuilder();
    for (int t = 0; t < size; t++) {
      Kind k = kind(t);
      int v = value(t);
      b.addTokens(Token.newBuilder().setText(text(t)).setRole(k.role)
          .setValue(k.isByte || k == Kind.TRAP || k == Kind.CARRY ? v : k == Kind.LATER_TRAP ? FIRST_TRAP_CAUSES + v : 0)
          .setCommit(k == Kind.START));
    }
    return b.build();
  }

  /** A table of {@code valueOf(token)} over all ids of some kinds, zero elsewhere. */
  double[] feature(java.util.function.IntToDoubleFunction valueOf, Kind... kinds) {
    double[] f = new double[size];
    for (Kind k : kinds) {
      for (int t = id(k); t < id(k) + count(k); t++) f[t] = valueOf.applyAsDouble(t);
    }
    return f;
  }

  /** Ids of all kinds carrying a byte. */
  List<Kind> byteKinds() {
    List<Kind> l = new ArrayList<>();
    for (Kind k : Kind.values()) if (k.isByte) l.add(k);
    return l;
  }
}
