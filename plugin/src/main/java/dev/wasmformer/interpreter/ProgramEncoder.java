package dev.wasmformer.interpreter;

import dev.wasmformer.interpreter.Vocab.Kind;
import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.runtime.format.Program;
import dev.wasmformer.runtime.format.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a token program as the prompt the interpreter reads:
 * {@code BOS, 8 tokens per instruction, DATA_BEGIN, the memory image, INPUT_BEGIN} as the
 * prefix; the runtime appends the input bytes and INPUT_END; the suffix sets the memory
 * size in pages and the first frame pointer, and jumps to instruction 0.
 */
public final class ProgramEncoder {
  private final Vocab vocab;

  public ProgramEncoder(Vocab vocab) {
    this.vocab = vocab;
  }

  /** The bundle entry for a program. */
  public Program encode(TokenProgram program) {
    List<Integer> prefix = new ArrayList<>();
    prefix.add(vocab.id(Kind.BOS));
    for (Instruction in : program.instructions()) {
      if (!InterpreterGraph.SUPPORTED.contains(in.op())) {
        throw new IllegalArgumentException("the interpreter does not execute " + in.op());
      }
      prefix.add(vocab.opcode(in.op()));
      prefix.add(vocab.id(Kind.FIELD, in.x()));
      prefix.add(vocab.id(Kind.FIELD, in.y()));
      prefix.add(vocab.id(Kind.FIELD, in.z()));
      for (int b = 0; b < 4; b++) prefix.add(vocab.id(Kind.FIELD, (in.imm() >>> (8 * b)) & 0xFF));
    }
    return finish(program, prefix, false);
  }

  /**
   * The bundle entry for a program run on its own specialized weights
   * ({@link InterpreterGraph#build(Vocab, TokenProgram)}): the prompt holds no code, only
   * the parameter words (four bytes each, right after BOS), the memory image and the input.
   * The generated trace is the universal model's, token for token.
   */
  public Program encodeSpecialized(TokenProgram program) {
    List<Integer> prefix = new ArrayList<>();
    prefix.add(vocab.id(Kind.BOS));
    int[] words = InstructionTable.parameterWords(program);
    int count = 0;
    for (int w : words) count = Math.max(count, w + 1);
    int[] constants = new int[count];
    for (int i = 0; i < words.length; i++) {
      if (words[i] >= 0) constants[words[i]] = program.instructions().get(i).imm();
    }
    // until the runtime writes the arguments, the words are the CONSTs' own immediates
    for (int imm : constants) {
      for (int b = 0; b < 4; b++) prefix.add(vocab.id(Kind.FIELD, (imm >>> (8 * b)) & 0xFF));
    }
    return finish(program, prefix, true);
  }

  private Program finish(TokenProgram program, List<Integer> prefix, boolean specialized) {
    prefix.add(vocab.id(Kind.DATA_BEGIN));
    byte[] memory = program.memory();
    int end = memory.length;
    while (end > 0 && memory[end - 1] == 0) end--;
    for (int a = 0; a < end; a++) prefix.add(vocab.id(Kind.DATA, memory[a] & 0xFF));
    prefix.add(vocab.id(Kind.INPUT_BEGIN));

    int fp0 = program.globals();
    if (fp0 > 0xFFFF - 256) throw new IllegalArgumentException("too many globals: " + fp0);
    int pages = program.memoryBytes() / 65536;
    if (pages > 0xFFFF) throw new IllegalArgumentException("memory too large: " + program.memoryBytes() + " bytes");
    List<Integer> suffix = List.of(
        vocab.id(Kind.PAGES_LO, pages & 0xFF), vocab.id(Kind.PAGES_HI, pages >> 8),
        vocab.id(Kind.FP_LO, fp0 & 0xFF), vocab.id(Kind.FP_HI, fp0 >> 8),
        vocab.id(Kind.JUMP_LO, 0), vocab.id(Kind.JUMP_HI, 0));

    Program.Builder b = Program.newBuilder()
        .setName(program.name())
        .setEntry(program.entry())
        .addAllPrefix(prefix)
        .addAllSuffix(suffix)
        .setInstructions(program.instructions().size());
    for (TokenProgram.ValueKind k : program.params()) b.addParams(type(k));
    for (TokenProgram.ValueKind k : program.results()) b.addResults(type(k));
    int word = 0;
    for (int i = 0; i < program.params().size(); i++) {
      int index = program.paramInstructions().get(i);
      int words = program.params().get(i) == TokenProgram.ValueKind.I64 ? 2 : 1;
      for (int w = 0; w < words; w++) {
        Instruction c = program.instructions().get(index + w);
        if (c.op() != Opcode.CONST) throw new IllegalArgumentException("parameter " + i + " does not name a CONST");
        for (int byteIndex = 0; byteIndex < 4; byteIndex++) {
          b.addParamPositions(specialized
              ? InstructionTable.argumentPosition(word, byteIndex)
              : position(index + w) + 4 + byteIndex);
        }
        word++;
      }
    }
    return b.build();
  }

  /** Prompt position of an instruction's opcode token. */
  public static int position(int instruction) {
    return InterpreterGraph.CODE_BASE + InterpreterGraph.FIELDS * instruction;
  }

  private static ValueType type(TokenProgram.ValueKind k) {
    return k == TokenProgram.ValueKind.I64 ? ValueType.I64 : ValueType.I32;
  }
}
