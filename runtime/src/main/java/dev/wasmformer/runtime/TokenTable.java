package dev.wasmformer.runtime;

import dev.wasmformer.runtime.format.Token;
import dev.wasmformer.runtime.format.TokenRole;
import dev.wasmformer.runtime.format.Vocabulary;
import java.util.Arrays;

/**
 * The vocabulary as the decode loop needs it: per token id, what the loop does with it,
 * and the ids of the prompt tokens it looks up by value. Flat arrays, so that the hot loop
 * reads one array element per token.
 */
final class TokenTable {
  static final byte PASS = 0;
  static final byte OUTPUT_BYTE = 1;
  static final byte RESULT_BYTE = 2;
  static final byte HALT = 3;
  static final byte TRAP = 4;
  static final byte TRAP_ADDRESS_BYTE = 5;
  static final byte ERROR_OUTPUT_BYTE = 6;

  private final byte[] action;
  private final int[] value;
  private final boolean[] commit;
  private final Vocabulary vocabulary;   // the texts, decoded when asked for (traces, traps)
  private final int[] programByte = new int[256];
  private final int[] inputByte = new int[256];
  private final int[] dataByte = new int[256];
  private final int inputEnd;

  /** {@code vocabulary} must be validated (one INPUT_END, unique byte tokens). */
  TokenTable(Vocabulary vocabulary) {
    int size = vocabulary.getTokensCount();
    action = new byte[size];
    value = new int[size];
    commit = new boolean[size];
    this.vocabulary = vocabulary;
    Arrays.fill(programByte, -1);
    Arrays.fill(inputByte, -1);
    Arrays.fill(dataByte, -1);
    int end = -1;
    for (int id = 0; id < size; id++) {
      Token token = vocabulary.getTokens(id);
      value[id] = token.getValue();
      commit[id] = token.getCommit();
      action[id] = actionOf(token.getRole());
      switch (token.getRole()) {
        case PROGRAM_BYTE -> programByte[token.getValue()] = id;
        case INPUT_BYTE -> inputByte[token.getValue()] = id;
        case DATA_BYTE -> dataByte[token.getValue()] = id;
        case INPUT_END -> end = id;
        default -> {}
      }
    }
    inputEnd = end;
  }

  private static byte actionOf(TokenRole role) {
    return switch (role) {
      case OUTPUT_BYTE -> OUTPUT_BYTE;
      case RESULT_BYTE -> RESULT_BYTE;
      case HALT -> HALT;
      case TRAP -> TRAP;
      case TRAP_ADDRESS_BYTE -> TRAP_ADDRESS_BYTE;
      case ERROR_OUTPUT_BYTE -> ERROR_OUTPUT_BYTE;
      default -> PASS;
    };
  }

  int size() {
    return action.length;
  }

  byte action(int id) {
    return action[id];
  }

  int value(int id) {
    return value[id];
  }

  boolean commit(int id) {
    return commit[id];
  }

  String text(int id) {
    return vocabulary.getTokens(id).getText();
  }

  /** The PROGRAM_BYTE token of {@code b}, or -1 if the vocabulary has none. */
  int programByte(int b) {
    return programByte[b];
  }

  /** The DATA_BYTE token of {@code b}, or -1 if the vocabulary has none. */
  int dataByte(int b) {
    return dataByte[b];
  }

  /** The INPUT_BYTE token of {@code b}, or -1 if the vocabulary has none. */
  int inputByte(int b) {
    return inputByte[b];
  }

  int inputEnd() {
    return inputEnd;
  }
}
