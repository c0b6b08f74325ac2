package dev.wasmformer.interpreter;

import dev.wasmformer.interpreter.Vocab.Kind;
import dev.wasmformer.isa.Opcode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The trace tokens of each instruction: a START token, then a fixed sequence of kinds
 * that does not depend on operand values. A conditional jump emits JUMP_LO, JUMP_HI when
 * taken and NO_JUMP twice when not; an instruction that traps emits a TRAP token in place
 * of its second token, then its own index as two TRAP_ADDRESS tokens (high byte first), and
 * the run ends. This table is the trace format's specification.
 */
public final class TracePlan {
  private static final Map<Opcode, List<Kind>> AFTER_START = new EnumMap<>(Opcode.class);

  static {
    List<Kind> word = List.of(Kind.BYTE, Kind.BYTE, Kind.BYTE, Kind.BYTE);
    List<Kind> frame = List.of(Kind.FP_LO, Kind.FP_HI, Kind.JUMP_LO, Kind.JUMP_HI);
    for (Opcode op : Opcode.values()) {
      AFTER_START.put(op, switch (op.register()) { // an immediate form traces as its operation
        case NOP -> List.of();
        case STORE16 -> List.of(Kind.BYTE, Kind.BYTE);
        case STORE8 -> List.of(Kind.BYTE);
        case JUMP, JUMP_IF, JUMP_IFZ -> List.of(Kind.JUMP_LO, Kind.JUMP_HI);
        case CALL, RETURN -> frame;
        case RETURN_VALUE -> concat(word, frame);
        case PUTCHAR -> List.of(Kind.OUT);
        case PUTCHAR_ERR -> List.of(Kind.ERR);
        case GETCHAR -> concat(List.of(Kind.READ), word);
        case UNREACHABLE -> List.of(Kind.TRAP);
        case HALT -> List.of(Kind.HALT);
        case HALT_I32 -> List.of(Kind.RESULT, Kind.RESULT, Kind.RESULT, Kind.RESULT, Kind.HALT);
        case MUL -> concat(List.of(Kind.CARRY, Kind.CARRY, Kind.CARRY, Kind.CARRY), word);
        case JUMP_TABLE -> List.of(Kind.CARRY, Kind.JUMP_LO, Kind.JUMP_HI);
        case HALT_I64 -> concat(Collections.nCopies(8, Kind.RESULT), List.of(Kind.HALT));
        case ADD64, SUB64, SHL64, SHR64_S, SHR64_U, ROTL64, ROTR64 -> concat(word, word);
        case MUL64 -> concat(Collections.nCopies(8, Kind.CARRY), concat(word, word));
        case TRAP -> List.of(Kind.TRAP);
        case MEMORY_GROW -> concat(word, List.of(Kind.PAGES_LO, Kind.PAGES_HI));
        case DIV_U, DIV_S -> concat(List.of(Kind.DIGIT, Kind.DIGIT, Kind.DIGIT, Kind.DIGIT), word);
        case REM_U, REM_S -> concat(Collections.nCopies(8, Kind.DIGIT), word);
        // i64 division: 4 high quotient digits, 8 remainder digits, 4 steps of 11 digits, 8 result bytes
        case DIV64_U, DIV64_S, REM64_U, REM64_S -> concat(Collections.nCopies(56, Kind.DIGIT), concat(word, word));
        default -> word;
      });
    }
  }

  private static List<Kind> concat(List<Kind> a, List<Kind> b) {
    List<Kind> l = new java.util.ArrayList<>(a);
    l.addAll(b);
    return List.copyOf(l);
  }

  private TracePlan() {}

  /** The kinds of the tokens after START (for a conditional jump: as when taken). */
  public static List<Kind> afterStart(Opcode op) {
    return Collections.unmodifiableList(AFTER_START.get(op));
  }

  /** Trace tokens per execution of {@code op}, START included. */
  public static int tokens(Opcode op) {
    return 1 + AFTER_START.get(op).size();
  }

  /** Lane (0 = START) of the last byte of the slot word an instruction writes, or -1. */
  public static int wordLane(Opcode op) {
    return switch (op.register()) {
      case GETCHAR -> 5;
      case MUL, DIV_U, DIV_S -> 8;
      case MUL64 -> 12;
      case REM_U, REM_S -> 12;
      case DIV64_U, DIV64_S, REM64_U, REM64_S -> 60;
      case NOP, STORE32, STORE16, STORE8, JUMP, JUMP_IF, JUMP_IFZ, CALL, RETURN, PUTCHAR, PUTCHAR_ERR, UNREACHABLE, HALT,
          HALT_I32, JUMP_TABLE, TRAP, HALT_I64 -> -1;
      default -> 4;
    };
  }

  /**
   * Lane of the last byte of the high word of a slot pair an instruction writes (written
   * to slot z+1), or -1.
   */
  public static int highWordLane(Opcode op) {
    return switch (op) {
      case ADD64, SUB64, SHL64, SHR64_S, SHR64_U, ROTL64, ROTR64 -> 8;
      case MUL64 -> 16;
      case DIV64_U, DIV64_S, REM64_U, REM64_S -> 64;
      default -> -1;
    };
  }

  /** Longest instruction, in tokens. */
  public static int maxTokens() {
    int m = 0;
    for (Opcode op : Opcode.values()) m = Math.max(m, tokens(op));
    return m;
  }
}
