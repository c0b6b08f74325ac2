package dev.wasmformer.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.interpreter.Vocab.Kind;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.runtime.format.TokenRole;
import org.junit.jupiter.api.Test;

/** The vocabulary grows only at its end, so the tokens of older bundles and traces keep their ids. */
class VocabTest {
  /** The size of the vocabulary before stderr's kinds were appended (session 7). */
  private static final int SIZE_BEFORE_STDERR = 5732;

  private final Vocab vocab = new Vocab();

  @Test
  void theKindsAddedForStderrComeAfterEveryEarlierToken() {
    // ... and before the later trap cause (session 8)
    assertThat(vocab.id(Kind.LIMITS)).isEqualTo(SIZE_BEFORE_STDERR - 1);
    assertThat(vocab.count(Kind.OPCODE)).isEqualTo(Vocab.FIRST_OPCODES).isEqualTo(Opcode.EQZ64.ordinal() + 1);
    assertThat(vocab.opcode(Opcode.EQZ64)).isEqualTo(vocab.id(Kind.OPCODE) + Opcode.EQZ64.ordinal());
    assertThat(vocab.opcode(Opcode.PUTCHAR_ERR)).isEqualTo(SIZE_BEFORE_STDERR);
    assertThat(vocab.id(Kind.ERR, 0)).isEqualTo(SIZE_BEFORE_STDERR + 1);
    assertThat(vocab.id(Kind.LATER_TRAP)).isEqualTo(SIZE_BEFORE_STDERR + 1 + 256);
  }

  @Test
  void theTrapCauseAddedForFloatConversionsComesLastAndReadsAsATrap() {
    assertThat(vocab.count(Kind.TRAP)).isEqualTo(Vocab.FIRST_TRAP_CAUSES).isEqualTo(7);
    int invalid = Vocab.TRAP_CAUSES.indexOf("invalid conversion to integer");
    assertThat(invalid).isEqualTo(dev.wasmformer.isa.Trap.Cause.INVALID_CONVERSION_TO_INTEGER.ordinal());
    assertThat(vocab.trap(invalid)).isEqualTo(SIZE_BEFORE_STDERR + 1 + 256).isEqualTo(vocab.id(Kind.IMM_OPCODE) - 1);
    assertThat(vocab.trap(2)).isEqualTo(vocab.id(Kind.TRAP, 2));
    var token = vocab.toProto().getTokens(vocab.trap(invalid));
    assertThat(token.getRole()).isEqualTo(TokenRole.TRAP);
    assertThat(token.getText()).isEqualTo("invalid conversion to integer");
    assertThat(token.getValue()).isEqualTo(invalid);
    for (dev.wasmformer.isa.Trap.Cause cause : dev.wasmformer.isa.Trap.Cause.values()) {
      if (cause != dev.wasmformer.isa.Trap.Cause.INSTRUCTION_LIMIT) {
        assertThat(vocab.text(vocab.trap(cause.ordinal()))).isEqualTo(cause.text());
      }
    }
  }

  @Test
  void theImmediateFormsComeLastSoThatNoOlderIdMoves() {
    int before = SIZE_BEFORE_STDERR + 1 + 256 + 1; // the vocabulary of session 10
    assertThat(vocab.id(Kind.IMM_OPCODE)).isEqualTo(before);
    assertThat(vocab.count(Kind.IMM_OPCODE)).isEqualTo(Opcode.values().length - Opcode.ADD_IMM.ordinal());
    assertThat(vocab.size()).isEqualTo(before + vocab.count(Kind.IMM_OPCODE));
    for (Opcode o : Opcode.values()) {
      if (o.ordinal() < Opcode.ADD_IMM.ordinal()) continue;
      int id = vocab.opcode(o);
      assertThat(vocab.kind(id)).isEqualTo(Kind.IMM_OPCODE);
      var token = vocab.toProto().getTokens(id);
      assertThat(token.getRole()).isEqualTo(TokenRole.PROGRAM_OPCODE);
      assertThat(token.getText()).isEqualTo(o.name());
    }
    assertThat(vocab.opcode(Opcode.values()[Opcode.values().length - 1])).isEqualTo(vocab.size() - 1);
  }

  @Test
  void theLaterOpcodeAndTheErrorBytesReadAsSuchInABundle() {
    var tokens = vocab.toProto().getTokensList();
    var putcharErr = tokens.get(vocab.opcode(Opcode.PUTCHAR_ERR));
    assertThat(putcharErr.getRole()).isEqualTo(TokenRole.PROGRAM_OPCODE);
    assertThat(putcharErr.getText()).isEqualTo("PUTCHAR_ERR");
    assertThat(vocab.kind(vocab.opcode(Opcode.PUTCHAR_ERR))).isEqualTo(Kind.LATER_OPCODE);
    var err = tokens.get(vocab.id(Kind.ERR, 0x41));
    assertThat(err.getRole()).isEqualTo(TokenRole.ERROR_OUTPUT_BYTE);
    assertThat(err.getValue()).isEqualTo(0x41);
    assertThat(err.getText()).isEqualTo("err:65");
  }
}
