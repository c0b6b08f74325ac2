package dev.wasmformer.interpreter;

import dev.wasmformer.interpreter.Vocab.Kind;
import dev.wasmformer.isa.ArgumentRegion;
import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.runtime.format.ArgumentArea;
import dev.wasmformer.runtime.format.ArgumentAreaUse;
import dev.wasmformer.runtime.format.FunctionStart;
import dev.wasmformer.runtime.format.Limit;
import dev.wasmformer.runtime.format.Program;
import dev.wasmformer.runtime.format.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a token program as the prompt the interpreter reads:
 * {@code BOS, the memory image, DATA_END, 8 tokens per instruction, INPUT_BEGIN} as the prefix;
 * the runtime appends the input bytes and INPUT_END; the suffix holds the run's limits (four
 * FIELD bytes, then LIMITS), sets the memory size in pages and the first frame pointer, and
 * jumps to instruction 0. What a run changes comes as late as it can: the parameters are
 * immediates of the entry stub, at the end of the code, so a run's fixed prefix (the part
 * later runs resume from, and a bundle may store the state after) holds the memory image and
 * the code before the stub.
 */
public final class ProgramEncoder {
  /** The name of the limit on {@code memory.grow}, in pages (the bundle's Limit.name). */
  public static final String MAX_MEMORY_PAGES = dev.wasmformer.runtime.RunOptions.MAX_MEMORY_PAGES;
  /** The name of the limit on nested calls: frames of called functions, the entry's included. */
  public static final String MAX_CALL_DEPTH = dev.wasmformer.runtime.RunOptions.MAX_CALL_DEPTH;
  /** The most pages memory may have (16 MiB), the default of {@link #MAX_MEMORY_PAGES}. */
  public static final int PAGE_LIMIT = 256;
  /** The largest call depth the prompt can state, its default; the slots run out before it. */
  public static final int CALL_DEPTH_LIMIT = 0xFFFF;

  private final Vocab vocab;

  public ProgramEncoder(Vocab vocab) {
    this.vocab = vocab;
  }

  /** The bundle entry for a program. */
  public Program encode(TokenProgram program) {
    return encode(program, Optional.empty());
  }

  /**
   * The bundle entry for a program whose memory has a region each run fills: the memory image
   * reaches over it, and the entry says at which prompt positions its bytes are.
   */
  public Program encode(TokenProgram program, Optional<ArgumentRegion> region) {
    List<Integer> prefix = image(program, region);
    int codeBase = prefix.size();
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
    // a parameter's bytes are its CONST's immediate, the opcode's token and x, y, z before it
    return finish(program, prefix, region, (instruction, word, b) -> codeBase + InterpreterGraph.FIELDS * instruction + 4 + b);
  }

  /**
   * The bundle entry for a program run on its own specialized weights
   * ({@link InterpreterGraph#build(Vocab, TokenProgram)}): the prompt holds no code, only
   * the memory image, the parameter words (after DATA_END and three zero bytes, four bytes
   * each) and the input.
   * The generated trace is the universal model's, token for token.
   */
  public Program encodeSpecialized(TokenProgram program) {
    return encodeSpecialized(program, Optional.empty());
  }

  /** {@link #encodeSpecialized(TokenProgram)} with a region each run fills. */
  public Program encodeSpecialized(TokenProgram program, Optional<ArgumentRegion> region) {
    List<Integer> prefix = image(program, region);
    int dataEnd = prefix.size() - 1;
    for (int i = 0; i < InstructionTable.PADDING; i++) prefix.add(vocab.id(Kind.FIELD, 0));
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
    return finish(program, prefix, region, (instruction, word, b) -> dataEnd + InstructionTable.argumentOffset(word, b));
  }

  /** BOS, the memory image (the byte at address a at position 1 + a) and DATA_END. */
  private List<Integer> image(TokenProgram program, Optional<ArgumentRegion> region) {
    List<Integer> prefix = new ArrayList<>();
    prefix.add(vocab.id(Kind.BOS));
    byte[] memory = program.memory();
    int end = memory.length;
    while (end > 0 && memory[end - 1] == 0) end--;
    if (region.isPresent()) {
      ArgumentRegion r = region.get();
      if ((long) r.address() + r.size() > program.memoryBytes()) {
        throw new IllegalArgumentException("the argument region ends at " + ((long) r.address() + r.size())
            + ", beyond the memory of " + program.memoryBytes() + " bytes");
      }
      // the image reaches over the region, so that every byte of it has a prompt token
      end = Math.max(end, r.address() + r.size());
    }
    for (int a = 0; a < end; a++) prefix.add(vocab.id(Kind.DATA, a < memory.length ? memory[a] & 0xFF : 0));
    prefix.add(vocab.id(Kind.DATA_END));
    return prefix;
  }

  /** Where the prompt holds byte b of a parameter word (the word's CONST is {@code instruction}). */
  private interface ParamPosition {
    int of(int instruction, int word, int b);
  }

  private Program finish(TokenProgram program, List<Integer> prefix, Optional<ArgumentRegion> region,
      ParamPosition paramPosition) {
    prefix.add(vocab.id(Kind.INPUT_BEGIN));

    int fp0 = program.globals();
    if (fp0 > 0xFFFF - 256) throw new IllegalArgumentException("too many globals: " + fp0);
    int pages = program.memoryBytes() / 65536;
    if (pages > 0xFFFF) throw new IllegalArgumentException("memory too large: " + program.memoryBytes() + " bytes");
    List<Integer> suffix = List.of(
        vocab.id(Kind.FIELD, PAGE_LIMIT & 0xFF), vocab.id(Kind.FIELD, PAGE_LIMIT >> 8),
        vocab.id(Kind.FIELD, CALL_DEPTH_LIMIT & 0xFF), vocab.id(Kind.FIELD, CALL_DEPTH_LIMIT >> 8),
        vocab.id(Kind.LIMITS),
        vocab.id(Kind.PAGES_LO, pages & 0xFF), vocab.id(Kind.PAGES_HI, pages >> 8),
        vocab.id(Kind.FP_LO, fp0 & 0xFF), vocab.id(Kind.FP_HI, fp0 >> 8),
        vocab.id(Kind.JUMP_LO, 0), vocab.id(Kind.JUMP_HI, 0));

    Program.Builder b = Program.newBuilder()
        .setName(program.name())
        .setEntry(program.entry())
        .addAllPrefix(prefix)
        .addAllSuffix(suffix)
        .setInstructions(program.instructions().size())
        .addLimits(Limit.newBuilder().setName(MAX_MEMORY_PAGES).addSuffixPositions(0).addSuffixPositions(1)
            .setMinValue(0).setMaxValue(PAGE_LIMIT))
        .addLimits(Limit.newBuilder().setName(MAX_CALL_DEPTH).addSuffixPositions(2).addSuffixPositions(3)
            .setMinValue(1).setMaxValue(CALL_DEPTH_LIMIT));
    region.ifPresent(r -> b.setArgumentArea(ArgumentArea.newBuilder()
        .setAddress(r.address())
        .setSize(r.size())
        .setFirstPosition(IMAGE_START + r.address())
        .setUse(r.use() == ArgumentRegion.Use.ARGV ? ArgumentAreaUse.ARGV : ArgumentAreaUse.BUFFERS)));
    List<TokenProgram.FunctionInfo> functions = new ArrayList<>(program.functions());
    functions.sort(java.util.Comparator.comparingInt(TokenProgram.FunctionInfo::start));
    for (TokenProgram.FunctionInfo f : functions) {
      b.addFunctions(FunctionStart.newBuilder().setName(f.name()).setStart(f.start()));
    }
    for (TokenProgram.ValueKind k : program.params()) b.addParams(type(k));
    for (TokenProgram.ValueKind k : program.results()) b.addResults(type(k));
    int word = 0;
    for (int i = 0; i < program.params().size(); i++) {
      int index = program.paramInstructions().get(i);
      int words = program.params().get(i).words();
      for (int w = 0; w < words; w++) {
        Instruction c = program.instructions().get(index + w);
        if (c.op() != Opcode.CONST) throw new IllegalArgumentException("parameter " + i + " does not name a CONST");
        for (int byteIndex = 0; byteIndex < 4; byteIndex++) {
          b.addParamPositions(paramPosition.of(index + w, word, byteIndex));
        }
        word++;
      }
    }
    return b.build();
  }

  /** Prompt position of the memory image's first byte (address 0): right after BOS. */
  public static final int IMAGE_START = 1;

  private static ValueType type(TokenProgram.ValueKind k) {
    return switch (k) {
      case I32 -> ValueType.I32;
      case I64 -> ValueType.I64;
      case F32 -> ValueType.F32;
      case F64 -> ValueType.F64;
      case BYTES -> ValueType.BYTES;
    };
  }
}
