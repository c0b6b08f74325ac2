package dev.wasmformer.runtime.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small, valid bundles built in code for tests. The weights are arbitrary (seeded random
 * numbers): these bundles exercise the format and the token I/O, not the computation.
 */
public final class TestBundles {
  public static final int D_MODEL = 6;

  // Token ids of the tiny vocabulary: a few singletons, then blocks of 256 byte tokens.
  public static final int HALT = 0;
  public static final int INPUT_END = 1;
  public static final int TRAP_UNREACHABLE = 2;
  public static final int TRAP_DIVIDE_BY_ZERO = 3;
  public static final int OP_CONST = 4;
  public static final int OP_CALL = 5;
  public static final int OP_HALT = 6;
  public static final int STEP = 7;
  public static final int MARKER = 8;
  private static final int FIRST_BYTE_BLOCK = 9;
  private static final List<TokenRole> BYTE_BLOCKS =
      List.of(
          TokenRole.PROGRAM_BYTE,
          TokenRole.INPUT_BYTE,
          TokenRole.TRACE_BYTE,
          TokenRole.OUTPUT_BYTE,
          TokenRole.RESULT_BYTE,
          TokenRole.TRAP_ADDRESS_BYTE);
  public static final int VOCAB_SIZE = FIRST_BYTE_BLOCK + 256 * BYTE_BLOCKS.size();

  private TestBundles() {}

  /** The id of the byte token of {@code role} and {@code value} in the tiny vocabulary. */
  public static int byteToken(TokenRole role, int value) {
    int block = BYTE_BLOCKS.indexOf(role);
    if (block < 0 || value < 0 || value > 255) throw new IllegalArgumentException(role + " " + value);
    return FIRST_BYTE_BLOCK + 256 * block + value;
  }

  /**
   * A valid bundle: two layers (two heads and a 3-wide FFN, then one head and a 2-wide
   * FFN), a vocabulary of {@link #VOCAB_SIZE} tokens, and three programs: {@code add(i32,
   * i32) -> i32}, {@code echo() -> ()} and {@code negate(i64) -> i64}.
   */
  public static Bundle tiny() {
    Random random = new Random(42);
    Weights weights =
        Weights.newBuilder()
            .setEmbedding(sparse(VOCAB_SIZE, D_MODEL, random))
            .addLayers(
                Layer.newBuilder()
                    .addHeads(head("pc", HeadMode.LATEST, 2, random))
                    .addHeads(head("depth", HeadMode.AVERAGE, 1, random))
                    .setFfn(ffn(3, random)))
            .addLayers(
                Layer.newBuilder()
                    .addHeads(head("memory", HeadMode.LATEST, 3, random))
                    .setFfn(ffn(2, random)))
            .setUnembedding(sparse(VOCAB_SIZE, D_MODEL, random))
            .build();
    return Bundle.newBuilder()
        .setShape(
            ModelShape.newBuilder()
                .setDModel(D_MODEL)
                .setLayers(2)
                .setVocabSize(VOCAB_SIZE)
                .setSlotOne(0)
                .setSlotPosition(1)
                .setSlotPositionSquared(2)
                .setHeads(3)
                .setFfnWidth(3)
                .setArchitecture(BundleFiles.ARCHITECTURE))
        .setWeights(weights)
        .setVocabulary(vocabulary())
        .addPrograms(add())
        .addPrograms(
            Program.newBuilder()
                .setName("echo")
                .setEntry("main")
                .addPrefix(MARKER)
                .addPrefix(OP_HALT)
                .setInstructions(1))
        .addPrograms(negate())
        .setMetadata(
            Metadata.newBuilder()
                .setCompilerVersion("test-compiler 0.0")
                .addSources(
                    SourceDigest.newBuilder()
                        .setPath("add.c")
                        .setSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
                .addSettings(Setting.newBuilder().setKey("optimize").setValue("none"))
                .addStatistics(Statistic.newBuilder().setKey("nonzeros").setValue(1234)))
        .build();
  }

  private static Vocabulary vocabulary() {
    Vocabulary.Builder vocabulary = Vocabulary.newBuilder();
    vocabulary.addTokens(token("<halt>", TokenRole.HALT, 0, true));
    vocabulary.addTokens(token("<input-end>", TokenRole.INPUT_END, 0, false));
    vocabulary.addTokens(token("unreachable", TokenRole.TRAP, 0, true));
    vocabulary.addTokens(token("integer divide by zero", TokenRole.TRAP, 1, true));
    vocabulary.addTokens(token("CONST", TokenRole.PROGRAM_OPCODE, 0, false));
    vocabulary.addTokens(token("CALL", TokenRole.PROGRAM_OPCODE, 0, false));
    vocabulary.addTokens(token("HALT", TokenRole.PROGRAM_OPCODE, 0, false));
    vocabulary.addTokens(token("<step>", TokenRole.TRACE_CONTROL, 0, true));
    vocabulary.addTokens(token("<program>", TokenRole.MARKER, 0, false));
    for (TokenRole role : BYTE_BLOCKS) {
      String prefix = role.name().toLowerCase().replace("_byte", "") + ":";
      for (int value = 0; value < 256; value++) {
        vocabulary.addTokens(token(prefix + String.format("%02x", value), role, value, false));
      }
    }
    return vocabulary.build();
  }

  private static Token token(String text, TokenRole role, int value, boolean commit) {
    return Token.newBuilder().setText(text).setRole(role).setValue(value).setCommit(commit).build();
  }

  // add(a, b): MARKER, CONST a0 a1 a2 a3, CONST b0 b1 b2 b3, CALL 00 00 | MARKER
  private static Program add() {
    int zero = byteToken(TokenRole.PROGRAM_BYTE, 0);
    List<Integer> prefix = new ArrayList<>();
    prefix.add(MARKER);
    prefix.add(OP_CONST);
    prefix.addAll(List.of(zero, zero, zero, zero));
    prefix.add(OP_CONST);
    prefix.addAll(List.of(zero, zero, zero, zero));
    prefix.addAll(List.of(OP_CALL, zero, zero));
    return Program.newBuilder()
        .setName("add")
        .setEntry("add")
        .addParams(ValueType.I32)
        .addParams(ValueType.I32)
        .addResults(ValueType.I32)
        .addAllPrefix(prefix)
        .addSuffix(MARKER)
        .addAllParamPositions(List.of(2, 3, 4, 5, 7, 8, 9, 10))
        .setInstructions(3)
        .setSource("add.c")
        .build();
  }

  // negate(x): MARKER, CONST x0..x7 (the eight bytes sit in two CONSTs' immediates)
  private static Program negate() {
    int zero = byteToken(TokenRole.PROGRAM_BYTE, 0);
    List<Integer> prefix = new ArrayList<>(List.of(MARKER, OP_CONST, zero, zero, zero, zero));
    prefix.addAll(List.of(OP_CONST, zero, zero, zero, zero));
    return Program.newBuilder()
        .setName("negate")
        .setEntry("negate")
        .addParams(ValueType.I64)
        .addResults(ValueType.I64)
        .addAllPrefix(prefix)
        .addAllParamPositions(List.of(2, 3, 4, 5, 7, 8, 9, 10))
        .setInstructions(2)
        .build();
  }

  private static Head head(String name, HeadMode mode, int dValue, Random random) {
    return Head.newBuilder()
        .setName(name)
        .setMode(mode)
        .setQuery(dense(2, D_MODEL, random))
        .setKey(dense(2, D_MODEL, random))
        .setValue(sparse(dValue, D_MODEL, random))
        .setOutput(dense(D_MODEL, dValue, random))
        .build();
  }

  private static Ffn ffn(int width, Random random) {
    return Ffn.newBuilder()
        .setGate(dense(width, D_MODEL, random))
        .setValue(sparse(width, D_MODEL, random))
        .setOutput(dense(D_MODEL, width, random))
        .build();
  }

  /** A dense matrix of small integers, about half of them zero. */
  public static Matrix dense(int rows, int cols, Random random) {
    DenseValues.Builder values = DenseValues.newBuilder();
    for (int i = 0; i < rows * cols; i++) values.addValues(smallInteger(random));
    return Matrix.newBuilder().setRows(rows).setCols(cols).setDense(values).build();
  }

  /** A sparse matrix of small non-zero integers in about half of its cells. */
  public static Matrix sparse(int rows, int cols, Random random) {
    SparseValues.Builder values = SparseValues.newBuilder();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double value = smallInteger(random);
        if (value != 0) values.addRow(r).addCol(c).addValue(value);
      }
    }
    return Matrix.newBuilder().setRows(rows).setCols(cols).setSparse(values).build();
  }

  private static double smallInteger(Random random) {
    return random.nextBoolean() ? 0 : random.nextInt(9) - 4;
  }
}
