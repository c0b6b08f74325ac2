package dev.wasmformer.runtime.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleFilesTest {
  private static final byte[] MAGIC = "WFBUNDLE".getBytes(StandardCharsets.US_ASCII);

  // Round trips

  @Test
  void aWrittenBundleReadsBackEqual() throws IOException {
    Bundle bundle = TestBundles.tiny();

    Bundle read = BundleFiles.read(new ByteArrayInputStream(bytesOf(bundle)));

    assertThat(read).isEqualTo(bundle);
  }

  @Test
  void aBundleWrittenToAPathReadsBackEqual(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tiny.wfb");
    BundleFiles.write(TestBundles.tiny(), file);

    assertThat(BundleFiles.read(file)).isEqualTo(TestBundles.tiny());
  }

  @Test
  void aFileIsTheMagicThenAnEnvelopeWithVersionPayloadAndChecksum() throws Exception {
    byte[] file = bytesOf(TestBundles.tiny());

    assertThat(Arrays.copyOf(file, 8)).isEqualTo(MAGIC);
    BundleFile envelope = BundleFile.parseFrom(Arrays.copyOfRange(file, 8, file.length));
    assertThat(envelope.getFormatVersion()).isEqualTo(2);
    assertThat(Bundle.parseFrom(envelope.getBundle())).isEqualTo(TestBundles.tiny());
    assertThat(envelope.getSha256().toByteArray())
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(envelope.getBundle().toByteArray()));
  }

  @Test
  void writingRefusesAnInvalidBundle() {
    Bundle invalid = TestBundles.tiny().toBuilder().setShape(shape().setLayers(3)).build();

    assertThatThrownBy(() -> BundleFiles.write(invalid, new ByteArrayOutputStream()))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("the weights have 2 layers, shape.layers says 3");
  }

  // Refusals of the file

  @Test
  void aFileWithoutTheMagicIsNotABundle() throws IOException {
    byte[] file = bytesOf(TestBundles.tiny());
    file[0] = 'X';

    assertRefused(file, "not a wasmformer bundle: the file does not start with \"WFBUNDLE\"");
  }

  @Test
  void anEmptyFileIsNotABundle() {
    assertRefused(new byte[0], "not a wasmformer bundle: the file is empty");
  }

  @Test
  void aPathInTheMessageNamesTheRefusedFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plain.txt");
    Files.writeString(file, "hello, world");

    assertThatThrownBy(() -> BundleFiles.read(file))
        .isInstanceOf(BundleFormatException.class)
        .hasMessage(file + ": not a wasmformer bundle: the file does not start with \"WFBUNDLE\"");
  }

  @ParameterizedTest(name = "cut after {0} bytes")
  @ValueSource(ints = {3, 8, 9, 10, 100, 1000, -40, -33, -32, -1})
  void aTruncatedFileIsRefusedAsTruncated(int cut) throws IOException {
    byte[] file = bytesOf(TestBundles.tiny());
    int length = cut >= 0 ? cut : file.length + cut;

    assertRefused(Arrays.copyOf(file, length), "truncated");
  }

  @Test
  void aFileCutJustBeforeTheChecksumIsRefusedAsTruncated() throws IOException {
    byte[] file = bytesOf(TestBundles.tiny());
    // The checksum field is last: its tag byte, its length byte, then 32 bytes.
    byte[] cut = Arrays.copyOf(file, file.length - 34);

    assertRefused(cut, "truncated: the checksum is missing");
  }

  @Test
  void anotherFormatVersionIsRefusedWithBothVersions() {
    byte[] payload = TestBundles.tiny().toByteArray();
    for (int version : new int[] {1, 3}) {
      BundleFile envelope =
          BundleFile.newBuilder()
              .setFormatVersion(version)
              .setBundle(ByteString.copyFrom(payload))
              .setSha256(ByteString.copyFrom(sha256(payload)))
              .build();

      assertRefused(file(envelope), "bundle format version " + version + ", this runtime reads 2");
    }
  }

  @Test
  void aDamagedPayloadFailsTheChecksum() throws IOException {
    byte[] file = bytesOf(TestBundles.tiny());
    file[file.length / 2] ^= 0x10;

    assertRefused(file, "checksum mismatch");
  }

  @Test
  void aLargeBundleHashedWhileItIsParsedReadsBackEqual() throws IOException {
    Bundle bundle = large();
    byte[] file = bytesOf(bundle);
    assertThat(file.length).as("above the size hashed on a second thread").isGreaterThan(1 << 16);

    assertThat(BundleFiles.read(new ByteArrayInputStream(file))).isEqualTo(bundle);
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 21, 40, 1000, 70_000})
  void aDamagedLargePayloadFailsTheChecksumEvenWhenItNoLongerParses(int at) throws IOException {
    byte[] file = bytesOf(large());
    file[at] ^= 0x5a;

    assertRefused(file, "checksum mismatch");
  }

  /** The tiny bundle with a setting of 100,000 characters. */
  private static Bundle large() {
    Bundle tiny = TestBundles.tiny();
    return tiny.toBuilder()
        .setMetadata(MetadataEntries.putSetting(tiny.getMetadata().toBuilder(), "padding", "x".repeat(100_000)))
        .build();
  }

  @Test
  void aPayloadThatIsNotABundleIsRefusedAsUnparsable() {
    // Field 1 (shape) declared 100 bytes long, with only 2 bytes following.
    byte[] payload = {0x0a, 100, 1, 2};

    assertRefused(envelopeWithChecksum(payload), "unparsable bundle payload");
  }

  // Refusals of the structure

  @Test
  void anotherArchitectureIsRefused() {
    Bundle bundle =
        TestBundles.tiny().toBuilder().setShape(shape().setArchitecture("softmax-gpt")).build();

    assertRefused(
        bundle,
        "architecture \"softmax-gpt\" is not supported; this runtime runs"
            + " \"hard-attention-reglu-v1\"");
  }

  @Test
  void anEmbeddingOfTheWrongShapeIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    bundle.getWeightsBuilder().getEmbeddingBuilder().setCols(5);

    assertRefused(bundle.build(), "weights.embedding is " + TestBundles.VOCAB_SIZE + "x5, expected "
        + TestBundles.VOCAB_SIZE + "x6");
  }

  @Test
  void anUnembeddingOfTheWrongShapeIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    bundle.getWeightsBuilder().setUnembedding(TestBundles.sparse(7, 6, new java.util.Random(1)));

    assertRefused(bundle.build(), "weights.unembedding is 7x6, expected "
        + TestBundles.VOCAB_SIZE + "x6");
  }

  @Test
  void aQueryThatIsNotTwoDimensionalIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    head(bundle, 1, 0).setQuery(TestBundles.dense(3, 6, new java.util.Random(1)));

    assertRefused(bundle.build(), "weights.layers[1].heads[0].query is 3x6, expected 2x6");
  }

  @Test
  void aKeyOfTheWrongWidthIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    head(bundle, 0, 1).setKey(TestBundles.dense(2, 4, new java.util.Random(1)));

    assertRefused(bundle.build(), "weights.layers[0].heads[1].key is 2x4, expected 2x6");
  }

  @Test
  void aValueOfTheWrongWidthIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    head(bundle, 0, 0).setValue(TestBundles.dense(2, 5, new java.util.Random(1)));

    assertRefused(bundle.build(), "weights.layers[0].heads[0].value is 2x5, expected 2x6");
  }

  @Test
  void anOutputThatDoesNotMatchTheValueWidthIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    // Head 0 of layer 0 has 2-wide values.
    head(bundle, 0, 0).setOutput(TestBundles.dense(6, 3, new java.util.Random(1)));

    assertRefused(bundle.build(), "weights.layers[0].heads[0].output is 6x3, expected 6x2");
  }

  @Test
  void anFfnGateOfTheWrongWidthIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    ffn(bundle, 0).setGate(TestBundles.dense(3, 7, new java.util.Random(1)));

    assertRefused(bundle.build(), "weights.layers[0].ffn.gate is 3x7, expected 3x6");
  }

  @Test
  void anFfnValueWithAnotherNeuronCountThanTheGateIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    ffn(bundle, 1).setValue(TestBundles.dense(3, 6, new java.util.Random(1)));

    assertRefused(bundle.build(), "weights.layers[1].ffn.value is 3x6, expected 2x6");
  }

  @Test
  void anFfnOutputWithAnotherNeuronCountThanTheGateIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    ffn(bundle, 1).setOutput(TestBundles.dense(6, 3, new java.util.Random(1)));

    assertRefused(bundle.build(), "weights.layers[1].ffn.output is 6x3, expected 6x2");
  }

  @Test
  void denseValuesOfTheWrongCountAreRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    head(bundle, 0, 0).getQueryBuilder().getDenseBuilder().addValues(1.0);

    assertRefused(
        bundle.build(),
        "weights.layers[0].heads[0].query has 13 dense values, expected rows*cols = 12");
  }

  @Test
  void sparseArraysOfUnequalLengthAreRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    bundle.getWeightsBuilder().getEmbeddingBuilder().getSparseBuilder().addRow(0);

    assertRefused(bundle.build(), "weights.embedding has sparse arrays of unequal length");
  }

  @Test
  void aSparseEntryOutsideTheShapeIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    SparseValues.Builder sparse = ffn(bundle, 0).getValueBuilder().getSparseBuilder();
    int last = sparse.getColCount() - 1;
    sparse.setCol(last, 6);

    assertRefused(bundle.build(), "is outside its 3x6 shape");
  }

  /** The tiny bundle's embedding in the packed storage, with {@code edit} applied to its arrays. */
  private static Bundle packedEmbedding(java.util.function.UnaryOperator<PackedRows> edit) {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    Matrix embedding = bundle.getWeights().getEmbedding();
    Matrix packed = packed(embedding);
    bundle.getWeightsBuilder().setEmbedding(packed.toBuilder().setPacked(edit.apply(packed.getPacked())));
    return bundle.build();
  }

  /** The same entries in the packed storage. */
  static Matrix packed(Matrix sparse) {
    SparseValues s = sparse.getSparse();
    int[] rowEnds = new int[sparse.getRows()];
    int[] columns = new int[s.getValueCount()];
    double[] values = new double[s.getValueCount()];
    for (int i = 0; i < s.getValueCount(); i++) {
      columns[i] = s.getCol(i);
      values[i] = s.getValue(i);
      rowEnds[s.getRow(i)] = i + 1;
    }
    for (int r = 1; r < rowEnds.length; r++) rowEnds[r] = Math.max(rowEnds[r], rowEnds[r - 1]);
    return PackedMatrices.matrix(sparse.getCols(), rowEnds, columns, values);
  }

  private static ByteString bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < b.length; i++) b[i] = (byte) values[i];
    return ByteString.copyFrom(b);
  }

  @Test
  void aPackedMatrixReadsBackAsTheSameEntriesAsItsSparseForm() throws IOException {
    Bundle bundle = packedEmbedding(p -> p);
    Matrix original = TestBundles.tiny().getWeights().getEmbedding();

    Bundle read = BundleFiles.read(new ByteArrayInputStream(bytesOf(bundle)));

    assertThat(read.getWeights().getEmbedding().hasPacked()).isTrue();
    assertThat(PackedMatrices.toSparse(read.getWeights().getEmbedding())).isEqualTo(original);
  }

  @Test
  void packedRowEndsOfTheWrongLengthAreRefused() {
    assertRefused(packedEmbedding(p -> p.toBuilder().setRowEnds(p.getRowEnds().substring(4)).build()),
        "weights.embedding has " + (TestBundles.tiny().getShape().getVocabSize() * 4 - 4)
            + " bytes of row ends, expected 4 per row");
  }

  @Test
  void decreasingPackedRowEndsAreRefused() {
    assertRefused(packedEmbedding(p -> p.toBuilder()
            .setRowEnds(bytes(5, 0, 0, 0, 4, 0, 0, 0).concat(p.getRowEnds().substring(8))).build()),
        "weights.embedding has row end 4 at row 1, below the 5 before it");
  }

  @Test
  void packedColumnsOrValuesOfTheWrongLengthAreRefused() {
    assertRefused(packedEmbedding(p -> p.toBuilder().setValues(p.getValues().substring(8)).build()),
        "bytes of values (8 per entry)");
    assertRefused(packedEmbedding(p -> p.toBuilder().setColumns(p.getColumns().concat(bytes(0, 0))).build()),
        "bytes of columns (2 per entry)");
  }

  @Test
  void aPackedColumnOutsideTheShapeOrOutOfOrderIsRefused() {
    int d = TestBundles.tiny().getShape().getDModel();
    assertRefused(packedEmbedding(p -> p.toBuilder()
            .setColumns(bytes(d, 0).concat(p.getColumns().substring(2))).build()),
        ", " + d + ") is outside its");
    int[] rowEnds = new int[TestBundles.tiny().getShape().getVocabSize()];
    Arrays.fill(rowEnds, 2);
    Matrix unordered = PackedMatrices.matrix(d, rowEnds, new int[] {3, 1}, new double[] {1, 2});
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    bundle.getWeightsBuilder().setEmbedding(unordered);
    assertRefused(bundle.build(), "weights.embedding entry 1 at (0, 1) is out of order or repeated");
  }

  @Test
  void aNonFinitePackedValueIsRefused() {
    assertRefused(packedEmbedding(p -> p.toBuilder()
            .setValues(bytes(0, 0, 0, 0, 0, 0, 0xF8, 0x7F).concat(p.getValues().substring(8))).build()),
        "weights.embedding entry 0 is NaN");
  }

  /** The tiny bundle with its own model moved into {@code models} under "m", every program naming it. */
  private static Bundle.Builder withNamedModel() {
    Bundle tiny = TestBundles.tiny();
    Bundle.Builder bundle = tiny.toBuilder().clearShape().clearWeights()
        .addModels(NamedModel.newBuilder().setName("m").setShape(tiny.getShape()).setWeights(tiny.getWeights()));
    for (int p = 0; p < bundle.getProgramsCount(); p++) bundle.getProgramsBuilder(p).setModel("m");
    return bundle;
  }

  @Test
  void aBundleWhoseProgramsAllNameModelsNeedsNoModelOfItsOwn() throws Exception {
    Bundle bundle = withNamedModel().build();

    assertThat(BundleFiles.read(new ByteArrayInputStream(envelopeWithChecksum(bundle.toByteArray()))))
        .isEqualTo(bundle);
  }

  @Test
  void aProgramNamingAMissingModelIsRefused() {
    Bundle.Builder bundle = withNamedModel();
    bundle.getProgramsBuilder(0).setModel("other");

    assertRefused(bundle.build(), ".model is \"other\", which is not among the bundle's models");
  }

  @Test
  void aProgramWithoutModelInABundleWithoutOwnModelIsRefused() {
    Bundle.Builder bundle = withNamedModel();
    bundle.getProgramsBuilder(1).setModel("");

    assertRefused(bundle.build(), "names no model, and the bundle has no shape and weights of its own");
  }

  @Test
  void aNamedModelIsCheckedLikeTheBundlesOwn() {
    Bundle.Builder bundle = withNamedModel();
    bundle.getModelsBuilder(0).getWeightsBuilder().removeLayers(1);

    assertRefused(bundle.build(), "models[0].weights have 1 layers, models[0].shape.layers says 2");
  }

  @Test
  void twoModelsOfOneNameAreRefused() {
    Bundle.Builder bundle = withNamedModel();
    bundle.addModels(bundle.getModels(0));

    assertRefused(bundle.build(), "models[1] (\"m\"): another model has the same name");
  }

  @Test
  void aLayerCountOtherThanTheShapesIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    bundle.getWeightsBuilder().removeLayers(1);

    assertRefused(bundle.build(), "the weights have 1 layers, shape.layers says 2");
  }

  @Test
  void aHeadCountOtherThanTheShapesIsRefused() {
    Bundle bundle = TestBundles.tiny().toBuilder().setShape(shape().setHeads(4)).build();

    assertRefused(bundle, "the layers have 3 heads in total, shape.heads says 4");
  }

  @Test
  void aHeadWithoutModeIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    head(bundle, 1, 0).setMode(HeadMode.HEAD_MODE_UNSPECIFIED);

    assertRefused(
        bundle.build(), "weights.layers[1].heads[0] (\"memory\") has no mode (AVERAGE or LATEST)");
  }

  @Test
  void aVocabularyOfAnotherSizeThanTheShapesIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    bundle.getVocabularyBuilder().addTokens(Token.newBuilder().setRole(TokenRole.MARKER));

    assertRefused(
        bundle.build(),
        "the vocabulary has " + (TestBundles.VOCAB_SIZE + 1) + " tokens, shape.vocab_size says "
            + TestBundles.VOCAB_SIZE);
  }

  @Test
  void aPositionSlotOutsideTheResidualStreamIsRefused() {
    Bundle bundle = TestBundles.tiny().toBuilder().setShape(shape().setSlotPositionSquared(6)).build();

    assertRefused(
        bundle, "shape.slot_position_squared is 6, outside the 6 slots of the residual stream");
  }

  @Test
  void aProgramTokenOutsideTheVocabularyIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    bundle.getProgramsBuilder(1).addSuffix(TestBundles.VOCAB_SIZE);

    assertRefused(
        bundle.build(),
        "programs[1] (\"echo\").suffix[0] is token " + TestBundles.VOCAB_SIZE
            + ", outside the vocabulary of " + TestBundles.VOCAB_SIZE);
  }

  @Test
  void parameterPositionsThatDoNotMatchTheParametersAreRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    // negate takes one i64: eight positions, not nine.
    bundle.getProgramsBuilder(2).addParamPositions(0);

    assertRefused(
        bundle.build(),
        "programs[2] (\"negate\") has 9 param_positions, its params need 8 (4 per I32 or F32, 8 per I64, F64 or BYTES)");
  }

  @Test
  void aParameterPositionBeyondThePrefixIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    bundle.getProgramsBuilder(0).setParamPositions(7, 14);

    assertRefused(
        bundle.build(),
        "programs[0] (\"add\").param_positions[7] is 14, outside the prefix of 14 tokens");
  }

  @Test
  void aProgramWithParametersNeedsAProgramByteTokenForEveryByteValue() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    bundle
        .getVocabularyBuilder()
        .getTokensBuilder(TestBundles.byteToken(TokenRole.PROGRAM_BYTE, 0x7f))
        .setRole(TokenRole.DATA_BYTE);

    assertRefused(
        bundle.build(),
        "programs[0] (\"add\") takes parameters, but the vocabulary has PROGRAM_BYTE tokens for"
            + " only 255 of the 256 byte values");
  }

  @Test
  void aVocabularyWithoutHaltIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    bundle.getVocabularyBuilder().getTokensBuilder(TestBundles.HALT).setRole(TokenRole.MARKER);

    assertRefused(bundle.build(), "the vocabulary has 0 HALT tokens, expected exactly one");
  }

  @Test
  void aVocabularyWithTwoHaltsIsRefused() {
    Bundle.Builder bundle = TestBundles.tiny().toBuilder();
    bundle.getVocabularyBuilder().getTokensBuilder(TestBundles.MARKER).setRole(TokenRole.HALT);

    assertRefused(bundle.build(), "the vocabulary has 2 HALT tokens, expected exactly one");
  }

  // Helpers

  private static ModelShape.Builder shape() {
    return TestBundles.tiny().getShape().toBuilder();
  }

  private static Head.Builder head(Bundle.Builder bundle, int layer, int head) {
    return bundle.getWeightsBuilder().getLayersBuilder(layer).getHeadsBuilder(head);
  }

  private static Ffn.Builder ffn(Bundle.Builder bundle, int layer) {
    return bundle.getWeightsBuilder().getLayersBuilder(layer).getFfnBuilder();
  }

  private static byte[] bytesOf(Bundle bundle) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BundleFiles.write(bundle, out);
    return out.toByteArray();
  }

  /** A well-formed file around {@code bundle}, which may be invalid (write would refuse it). */
  private static void assertRefused(Bundle bundle, String message) {
    assertRefused(envelopeWithChecksum(bundle.toByteArray()), message);
  }

  private static void assertRefused(byte[] file, String message) {
    assertThatThrownBy(() -> BundleFiles.read(new ByteArrayInputStream(file)))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining(message);
  }

  private static byte[] envelopeWithChecksum(byte[] payload) {
    return file(
        BundleFile.newBuilder()
            .setFormatVersion(BundleFiles.FORMAT_VERSION)
            .setBundle(ByteString.copyFrom(payload))
            .setSha256(ByteString.copyFrom(sha256(payload)))
            .build());
  }

  private static byte[] file(BundleFile envelope) {
    byte[] body = envelope.toByteArray();
    byte[] file = Arrays.copyOf(MAGIC, MAGIC.length + body.length);
    System.arraycopy(body, 0, file, MAGIC.length, body.length);
    return file;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
