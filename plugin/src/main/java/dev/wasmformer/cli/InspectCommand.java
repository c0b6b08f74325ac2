package dev.wasmformer.cli;

import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.runtime.format.BundleFormatException;
import dev.wasmformer.runtime.format.MetadataEntries;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.BundleFiles;
import dev.wasmformer.runtime.format.Head;
import dev.wasmformer.runtime.format.Layer;
import dev.wasmformer.runtime.format.Matrix;
import dev.wasmformer.runtime.format.PackedMatrices;
import dev.wasmformer.runtime.format.Metadata;
import dev.wasmformer.runtime.format.ModelShape;
import dev.wasmformer.runtime.format.NamedModel;
import dev.wasmformer.runtime.format.Weights;
import dev.wasmformer.runtime.format.Program;
import dev.wasmformer.runtime.format.SourceDigest;
import dev.wasmformer.runtime.format.Token;
import dev.wasmformer.runtime.format.TokenRole;
import dev.wasmformer.runtime.format.ValueType;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wasmformer inspect BUNDLE}: describes a bundle's model, vocabulary and programs. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Validates a bundle and describes its model, vocabulary, programs and metadata.")
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "BUNDLE", description = "A .wfb bundle file.")
  Path bundlePath;

  @Override
  public Integer call() throws Exception {
    Bundle bundle = BundleFiles.read(bundlePath);
    PrintWriter out = spec.commandLine().getOut();
    describe(bundle, Files.size(bundlePath), out);
    out.flush();
    return 0;
  }

  private void describe(Bundle bundle, long fileBytes, PrintWriter out) {
    out.printf("bundle        %s (%d bytes, format %d)%n",
        bundlePath, fileBytes, BundleFiles.FORMAT_VERSION);
    if (bundle.hasShape() || bundle.getModelsCount() == 0) {
      describe(bundle.getShape(), bundle.getWeights(), out);
    }
    for (NamedModel model : bundle.getModelsList()) {
      out.printf("named model   %s%n", model.getName());
      describe(model.getShape(), model.getWeights(), out);
    }
    out.printf("vocabulary    %d tokens: %s%n", bundle.getVocabulary().getTokensCount(),
        roleCounts(bundle.getVocabulary().getTokensList()));
    out.println("programs");
    if (bundle.getProgramsCount() == 0) out.println("  none");
    // only to tell whether this runtime would use the stored prefix states (it reads them to tell)
    LoadedBundle loaded = null;
    if (bundle.getProgramsList().stream().anyMatch(Program::hasPrefixState)) {
      try {
        loaded = Wasmformer.load(bundle);
      } catch (BundleFormatException e) {
        throw new IllegalStateException("a bundle read and validated does not load: " + e.getMessage(), e);
      }
    }
    for (Program program : bundle.getProgramsList()) {
      out.printf("  %s  entry %s, %d instructions, prompt %d + input + %d tokens%s%s%n",
          signature(program), program.getEntry(), program.getInstructions(),
          program.getPrefixCount(), 1 + program.getSuffixCount(),
          program.getSource().isEmpty() ? "" : ", source " + program.getSource(),
          program.getModel().isEmpty() ? "" : ", model " + program.getModel());
      out.printf("    prefix state  %s%n", loaded == null ? "none stored" : prefixState(loaded.program(program.getName())));
    }
    describe(bundle.getMetadata(), out);
  }

  private static void describe(ModelShape shape, Weights weights, PrintWriter out) {
    out.printf("architecture  %s%n", shape.getArchitecture());
    out.printf("model         d_model %d, %d layers, %d heads, ffn_width %d, vocab_size %d%n",
        shape.getDModel(), shape.getLayers(), shape.getHeads(), shape.getFfnWidth(),
        shape.getVocabSize());
    out.printf("positions     slot_one %d, slot_position %d, slot_position_squared %d%n",
        shape.getSlotOne(), shape.getSlotPosition(), shape.getSlotPositionSquared());
    List<Matrix> matrices = matrices(weights);
    long parameters = matrices.stream().mapToLong(m -> (long) m.getRows() * m.getCols()).sum();
    long nonZeros = matrices.stream().mapToLong(InspectCommand::nonZeros).sum();
    out.printf("parameters    %d (%d non-zero)%n", parameters, nonZeros);
    out.println("layers");
    for (int l = 0; l < weights.getLayersCount(); l++) {
      Layer layer = weights.getLayers(l);
      String heads = layer.getHeadsList().stream()
          .map(h -> h.getName() + " (" + h.getMode() + ", d_value " + h.getValue().getRows() + ")")
          .collect(Collectors.joining(", "));
      out.printf("  %-3d heads %s; ffn width %d%n",
          l, heads.isEmpty() ? "none" : heads, layer.getFfn().getGate().getRows());
    }
  }

  private static void describe(Metadata metadata, PrintWriter out) {
    out.println("metadata");
    out.printf("  compiler_version  %s%n",
        metadata.getCompilerVersion().isEmpty() ? "(none)" : metadata.getCompilerVersion());
    for (SourceDigest source : metadata.getSourcesList()) {
      out.printf("  source            %s sha256 %s%n", source.getPath(), source.getSha256());
    }
    new TreeMap<>(MetadataEntries.settings(metadata))
        .forEach((key, value) -> out.printf("  setting           %s = %s%n", key, value));
    new TreeMap<>(MetadataEntries.statistics(metadata))
        .forEach((key, value) -> out.printf("  statistic         %s = %d%n", key, value));
  }

  /** E.g. "453,402 bytes (3,943,303 inflated) after 22,651 tokens, used by the first run", or why it is not used. */
  static String prefixState(dev.wasmformer.runtime.Program program) {
    dev.wasmformer.runtime.Program.StoredPrefixState s = program.storedPrefixState();
    if (!s.stored()) return "none stored";
    return String.format(Locale.ROOT, "%,d bytes (%,d inflated) after %,d tokens, %s", s.bytes(), s.inflatedBytes(),
        s.tokens(),
        s.usable() ? "used by the first run" : "ignored: " + s.reason());
  }

  static String signature(Program program) {
    String params = program.getParamsList().stream()
        .map(InspectCommand::typeName)
        .collect(Collectors.joining(", "));
    String result = program.getResultsCount() == 0 ? "()" : typeName(program.getResults(0));
    return program.getName() + "(" + params + ") -> " + result;
  }

  private static String typeName(ValueType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  private static String roleCounts(List<Token> tokens) {
    Map<TokenRole, Integer> counts = new EnumMap<>(TokenRole.class);
    for (Token token : tokens) counts.merge(token.getRole(), 1, Integer::sum);
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static List<Matrix> matrices(Weights weights) {
    List<Matrix> matrices = new ArrayList<>();
    matrices.add(weights.getEmbedding());
    for (Layer layer : weights.getLayersList()) {
      for (Head head : layer.getHeadsList()) {
        matrices.addAll(List.of(head.getQuery(), head.getKey(), head.getValue(), head.getOutput()));
      }
      matrices.addAll(
          List.of(layer.getFfn().getGate(), layer.getFfn().getValue(), layer.getFfn().getOutput()));
    }
    matrices.add(weights.getUnembedding());
    return matrices;
  }

  private static long nonZeros(Matrix matrix) {
    long count = 0;
    if (matrix.hasDense()) {
      for (int i = 0; i < matrix.getDense().getValuesCount(); i++) {
        if (matrix.getDense().getValues(i) != 0) count++;
      }
    } else if (matrix.hasPacked()) {
      for (double v : PackedMatrices.unpack(matrix.getPacked(), matrix.getRows(), matrix.getCols()).values()) {
        if (v != 0) count++;
      }
    } else {
      for (int i = 0; i < matrix.getSparse().getValueCount(); i++) {
        if (matrix.getSparse().getValue(i) != 0) count++;
      }
    }
    return count;
  }
}
