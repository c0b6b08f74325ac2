package dev.wasmformer.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.Program;
import dev.wasmformer.runtime.RunException;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.BundleFile;
import dev.wasmformer.runtime.format.BundleFiles;
import dev.wasmformer.runtime.format.BundleFormatException;
import dev.wasmformer.runtime.format.HeadMode;
import dev.wasmformer.runtime.format.Matrix;
import dev.wasmformer.runtime.format.PackedMatrices;
import dev.wasmformer.runtime.format.PackedRows;
import dev.wasmformer.runtime.format.TokenRole;
import dev.wasmformer.runtime.format.ValueType;
import dev.wasmformer.testing.Mutator;
import dev.wasmformer.testing.SampleProgram;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Damaged bundles of the real interpreter: bytes of the file, bytes of the payload under a
 * correct checksum, and fields of the message (shapes, matrices, vocabulary, programs).
 * Each is refused at load with a {@link BundleFormatException} saying why, or, if it
 * happens to stay valid, loads and its runs end in a result or a {@link RunException} (a
 * trap, the token limit, or a trace the damaged model made unreadable); never any other
 * exception. {@code -Dwasmformer.fuzz.bundle=N} runs N bundles, {@code
 * -Dwasmformer.fuzz.seed=S} another seed; failing bundles are saved under {@code
 * target/fuzz/bundle}.
 */
class BundleFuzzTest {
  static final int COUNT = Integer.getInteger("wasmformer.fuzz.bundle", 120);
  static final long SEED = Long.getLong("wasmformer.fuzz.seed", 8L);
  private static final byte[] MAGIC = "WFBUNDLE".getBytes(StandardCharsets.US_ASCII);

  private static Bundle bundle;

  @BeforeAll
  static void compile() {
    bundle = new WasmformerCompiler(InterpreterModel.get()).addProgram(SampleProgram.tokenProgram(), "sample.c").bundle();
  }

  @Test
  void theUndamagedBundleLoadsAndRuns() throws IOException {
    LoadedBundle loaded = Wasmformer.load(new ByteArrayInputStream(file(bundle.toByteString(), BundleFiles.FORMAT_VERSION)));

    assertThat(loaded.program("sample").run(21).returnValue()).hasValue(42);
  }

  @Test
  void damagedBundlesAreRefusedWithAReasonOrRunToAnEnd() throws Exception {
    Mutator mutator = new Mutator(SEED);
    Random random = mutator.random();
    byte[] intact = file(bundle.toByteString(), BundleFiles.FORMAT_VERSION);
    List<String> failures = new ArrayList<>();
    int refused = 0;
    int loaded = 0;
    for (int i = 0; i < COUNT; i++) {
      byte[] damaged = switch (i % 3) {
        case 0 -> mutator.mutateBytes(intact);
        case 1 -> file(ByteString.copyFrom(mutator.mutateBytes(bundle.toByteArray())), BundleFiles.FORMAT_VERSION);
        default -> file(damage(bundle, random).toByteString(),
            BundleFiles.FORMAT_VERSION + (random.nextInt(20) == 0 ? 1 : 0));
      };
      String outcome = outcome(damaged);
      if (outcome.equals("refused")) {
        refused++;
      } else if (outcome.equals("ran")) {
        loaded++;
      } else {
        failures.add(save(i, damaged) + ": " + outcome);
      }
    }
    System.out.printf("bundle fuzz, seed %d: %d refused, %d loaded and ran, %d failed%n", SEED, refused, loaded,
        failures.size());
    assertThat(failures).as("seed %d, %d bundles", SEED, COUNT).isEmpty();
    assertThat(refused).as("refused").isGreaterThan(COUNT / 3);
    assertThat(loaded).as("still valid, loaded and run").isPositive();
  }

  /** "refused", "ran", or what went wrong. */
  private static String outcome(byte[] file) {
    LoadedBundle loaded;
    try {
      loaded = Wasmformer.load(new ByteArrayInputStream(file));
    } catch (BundleFormatException e) {
      return e.getMessage() == null || e.getMessage().isBlank() ? "refused without a reason" : "refused";
    } catch (Throwable t) {
      return "load threw " + t;
    }
    for (Program p : loaded.programs()) {
      try {
        p.run(RunOptions.defaults().withArgs(new long[p.params().size()]).withMaxTokens(600));
      } catch (RunException e) {
        // a trap, the token limit, or an unreadable trace: the run ended with its reason
      } catch (Throwable t) {
        return "running " + p.name() + " threw " + t;
      }
    }
    return "ran";
  }

  /** The bundle with one field damaged. */
  private static Bundle damage(Bundle original, Random random) {
    Bundle.Builder b = original.toBuilder();
    int layers = b.getWeights().getLayersCount();
    int layer = random.nextInt(layers);
    switch (random.nextInt(14)) {
      case 0 -> b.getShapeBuilder().setDModel(b.getShape().getDModel() + random.nextInt(3) - 1);
      case 1 -> b.getShapeBuilder().setLayers(random.nextInt(layers + 2));
      case 2 -> b.getShapeBuilder().setVocabSize(b.getShape().getVocabSize() + random.nextInt(3) - 1);
      case 3 -> b.getShapeBuilder().setSlotPosition(random.nextInt(b.getShape().getDModel() + 2));
      case 4 -> b.getWeightsBuilder().setEmbedding(damage(b.getWeights().getEmbedding(), random));
      case 5 -> {
        var heads = b.getWeightsBuilder().getLayersBuilder(layer).getHeadsBuilderList();
        if (heads.isEmpty()) break;
        var head = heads.get(random.nextInt(heads.size()));
        switch (random.nextInt(5)) {
          case 0 -> head.setQuery(damage(head.getQuery(), random));
          case 1 -> head.setKey(damage(head.getKey(), random));
          case 2 -> head.setValue(damage(head.getValue(), random));
          case 3 -> head.setOutput(damage(head.getOutput(), random));
          default -> head.setMode(random.nextBoolean() ? HeadMode.HEAD_MODE_UNSPECIFIED : HeadMode.AVERAGE);
        }
      }
      case 6 -> {
        var ffn = b.getWeightsBuilder().getLayersBuilder(layer).getFfnBuilder();
        switch (random.nextInt(3)) {
          case 0 -> ffn.setGate(damage(ffn.getGate(), random));
          case 1 -> ffn.setValue(damage(ffn.getValue(), random));
          default -> ffn.setOutput(damage(ffn.getOutput(), random));
        }
      }
      case 7 -> b.getWeightsBuilder().removeLayers(layer);
      case 8 -> {
        int t = random.nextInt(b.getVocabulary().getTokensCount());
        var token = b.getVocabularyBuilder().getTokensBuilder(t);
        switch (random.nextInt(3)) {
          case 0 -> token.setRoleValue(random.nextInt(18));
          case 1 -> token.setValue(random.nextInt(300) - 20);
          default -> token.setRole(TokenRole.HALT);
        }
      }
      case 9 -> b.getVocabularyBuilder().removeTokens(random.nextInt(b.getVocabulary().getTokensCount()));
      case 10 -> {
        var program = b.getProgramsBuilder(0);
        int at = random.nextInt(program.getPrefixCount());
        program.setPrefix(at, random.nextBoolean() ? b.getShape().getVocabSize() + random.nextInt(5)
            : random.nextInt(b.getShape().getVocabSize()));
      }
      case 11 -> {
        var program = b.getProgramsBuilder(0);
        switch (random.nextInt(4)) {
          case 0 -> program.setParamPositions(random.nextInt(program.getParamPositionsCount()),
              program.getPrefixCount() + random.nextInt(3) - 1);
          case 1 -> program.addParams(ValueType.I64);
          case 2 -> program.setParams(0, ValueType.VALUE_TYPE_UNSPECIFIED);
          default -> program.addResults(ValueType.I32);
        }
      }
      case 12 -> b.addPrograms(b.getPrograms(0).toBuilder().setName(random.nextBoolean() ? "sample" : ""));
      default -> b.getShapeBuilder().setArchitecture("hard-attention-reglu-v" + random.nextInt(3));
    }
    return b.build();
  }

  /** The matrix with its shape, its storage or one of its values damaged. */
  private static Matrix damage(Matrix m, Random random) {
    if (m.hasPacked() && random.nextBoolean()) {
      return damagePacked(m, random);
    }
    // the coordinate form of the same entries, whose lists are easier to damage by index
    Matrix.Builder b = PackedMatrices.toSparse(m).toBuilder();
    switch (random.nextInt(5)) {
      case 0 -> b.setRows(m.getRows() + random.nextInt(3) - 1);
      case 1 -> b.setCols(m.getCols() + random.nextInt(3) - 1);
      case 2 -> {
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, 1e300, -0.0};
        double v = special[random.nextInt(special.length)];
        if (b.hasDense() && b.getDense().getValuesCount() > 0) {
          b.getDenseBuilder().setValues(random.nextInt(b.getDense().getValuesCount()), v);
        } else if (b.hasSparse() && b.getSparse().getValueCount() > 0) {
          b.getSparseBuilder().setValue(random.nextInt(b.getSparse().getValueCount()), v);
        }
      }
      case 3 -> {
        if (b.hasSparse() && b.getSparse().getRowCount() > 0) {
          int at = random.nextInt(b.getSparse().getRowCount());
          b.getSparseBuilder().setRow(at, random.nextInt(m.getRows() + 1));
          b.getSparseBuilder().setCol(at, random.nextInt(m.getCols() + 1));
        } else {
          b.clearStorage();
        }
      }
      default -> {
        // a plausible value: the bundle stays valid and the model computes something else
        if (b.hasSparse() && b.getSparse().getValueCount() > 0) {
          b.getSparseBuilder().setValue(random.nextInt(b.getSparse().getValueCount()), random.nextInt(7) - 3);
        } else if (b.hasDense() && b.getDense().getValuesCount() > 0) {
          b.getDenseBuilder().setValues(random.nextInt(b.getDense().getValuesCount()), random.nextInt(7) - 3);
        }
      }
    }
    return b.build();
  }

  /** The packed matrix with one byte of its row ends, columns or values changed, or one cut off. */
  private static Matrix damagePacked(Matrix m, Random random) {
    PackedRows p = m.getPacked();
    ByteString[] arrays = {p.getRowEnds(), p.getColumns(), p.getValues()};
    int which = random.nextInt(3);
    byte[] bytes = arrays[which].toByteArray();
    if (bytes.length == 0) return m.toBuilder().clearStorage().build();
    if (random.nextInt(4) == 0) {
      bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    } else {
      bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
    }
    arrays[which] = ByteString.copyFrom(bytes);
    return m.toBuilder().setPacked(PackedRows.newBuilder()
        .setRowEnds(arrays[0]).setColumns(arrays[1]).setValues(arrays[2])).build();
  }

  /** A bundle file around {@code payload}, with its correct checksum, claiming format {@code version}. */
  private static byte[] file(ByteString payload, int version) {
    try {
      byte[] envelope = BundleFile.newBuilder().setFormatVersion(version).setBundle(payload)
          .setSha256(ByteString.copyFrom(MessageDigest.getInstance("SHA-256").digest(payload.toByteArray())))
          .build().toByteArray();
      byte[] file = new byte[MAGIC.length + envelope.length];
      System.arraycopy(MAGIC, 0, file, 0, MAGIC.length);
      System.arraycopy(envelope, 0, file, MAGIC.length, envelope.length);
      return file;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String save(int index, byte[] file) {
    try {
      Path dir = Path.of("target", "fuzz", "bundle");
      Files.createDirectories(dir);
      Path path = dir.resolve("bundle-" + SEED + "-" + index + ".wfb");
      Files.write(path, file);
      return path.toString();
    } catch (IOException e) {
      return "bundle " + index + " (not saved: " + e + ")";
    }
  }
}
