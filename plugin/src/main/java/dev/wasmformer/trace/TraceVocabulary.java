package dev.wasmformer.trace;

import dev.wasmformer.interpreter.Vocab;
import dev.wasmformer.interpreter.Vocab.Kind;
import dev.wasmformer.runtime.format.Token;
import dev.wasmformer.runtime.format.TokenRole;
import dev.wasmformer.runtime.format.Vocabulary;
import java.util.Locale;

/**
 * A bundle's vocabulary read back as the interpreter's token kinds: per token id, its kind
 * (from its role, and for trace-control tokens from the kind name its text starts with)
 * and its value. Works for any id layout, so the decoder does not assume the one
 * {@link Vocab} produces today.
 */
public final class TraceVocabulary {
  private final Kind[] kind;
  private final int[] value;
  private final String[] text;
  private final boolean[] trapAddress;

  private TraceVocabulary(Vocabulary vocabulary) {
    int size = vocabulary.getTokensCount();
    kind = new Kind[size];
    value = new int[size];
    text = new String[size];
    trapAddress = new boolean[size];
    for (int id = 0; id < size; id++) {
      Token t = vocabulary.getTokens(id);
      value[id] = t.getValue();
      text[id] = t.getText();
      trapAddress[id] = t.getRole() == TokenRole.TRAP_ADDRESS_BYTE;
      kind[id] = kindOf(t);
    }
  }

  /** The vocabulary of a bundle. */
  public static TraceVocabulary of(Vocabulary vocabulary) {
    return new TraceVocabulary(vocabulary);
  }

  /** The interpreter's own vocabulary, as today's compiler writes it into bundles. */
  public static TraceVocabulary of(Vocab vocab) {
    return new TraceVocabulary(vocab.toProto());
  }

  private static Kind kindOf(Token t) {
    return switch (t.getRole()) {
      case TRACE_BYTE -> Kind.BYTE;
      case OUTPUT_BYTE -> Kind.OUT;
      case ERROR_OUTPUT_BYTE -> Kind.ERR;
      case RESULT_BYTE -> Kind.RESULT;
      case HALT -> Kind.HALT;
      case TRAP -> Kind.TRAP;
      case PROGRAM_OPCODE -> Kind.OPCODE;
      case PROGRAM_BYTE -> Kind.FIELD;
      // "fp_lo:3", "start", "carry:17": the kind's name, then the value for valued kinds
      case TRACE_CONTROL, MARKER -> named(t.getText());
      default -> null;
    };
  }

  private static Kind named(String text) {
    int colon = text.indexOf(':');
    String name = (colon < 0 ? text : text.substring(0, colon)).toUpperCase(Locale.ROOT);
    try {
      return Kind.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Number of token ids. */
  public int size() {
    return kind.length;
  }

  /** The kind of a token, or null when it is not one of the interpreter's kinds. */
  Kind kind(int id) {
    return kind[id];
  }

  /** The byte value of a byte token, the carry of a CARRY token. */
  int value(int id) {
    return value[id];
  }

  /** How the token prints, e.g. {@code byte:42} or a trap's cause. */
  public String text(int id) {
    return id >= 0 && id < text.length ? text[id] : "#" + id;
  }

  boolean isTrapAddress(int id) {
    return trapAddress[id];
  }
}
