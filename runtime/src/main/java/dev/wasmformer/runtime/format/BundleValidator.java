package dev.wasmformer.runtime.format;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the structural consistency of a {@link Bundle}. Names in messages follow the
 * proto field paths (e.g. {@code weights.layers[1].heads[0].query}) so that they can be
 * looked up in docs/bundle-format.md.
 */
final class BundleValidator {
  private BundleValidator() {}

  static void validate(Bundle bundle) throws BundleFormatException {
    validate(bundle, null);
  }

  /**
   * Validates {@code bundle}, leaving in {@code unpacked} (if not null) the entries of the
   * packed matrices it checked.
   */
  static void validate(Bundle bundle, UnpackedMatrices unpacked) throws BundleFormatException {
    if (!bundle.hasShape() && bundle.getModelsCount() == 0) {
      throw new BundleFormatException("the bundle has no shape");
    }
    int vocabSize = -1;
    if (bundle.hasShape()) vocabSize = checkModel("", bundle.getShape(), bundle.getWeights(), unpacked);
    Set<String> models = new HashSet<>();
    for (int m = 0; m < bundle.getModelsCount(); m++) {
      NamedModel model = bundle.getModels(m);
      String name = "models[" + m + "]";
      if (model.getName().isEmpty()) throw new BundleFormatException(name + " has no name");
      if (!models.add(model.getName())) {
        throw new BundleFormatException(name + " (\"" + model.getName() + "\"): another model has the same name");
      }
      if (!model.hasShape()) throw new BundleFormatException(name + " has no shape");
      int size = checkModel(name + ".", model.getShape(), model.getWeights(), unpacked);
      if (vocabSize >= 0 && size != vocabSize) {
        throw new BundleFormatException(
            name + ".shape.vocab_size is " + size + ", the bundle's other models have " + vocabSize);
      }
      vocabSize = size;
    }
    Map<TokenRole, Map<Integer, Integer>> byteTokens = checkVocabulary(bundle.getVocabulary(), vocabSize);
    checkPrograms(bundle.getProgramsList(), vocabSize, byteTokens, models, bundle.hasShape());
  }

  /** Checks one model's shape and weights; returns its vocabulary size. */
  private static int checkModel(String prefix, ModelShape shape, Weights weights,
      UnpackedMatrices unpacked) throws BundleFormatException {
    if (!BundleFiles.ARCHITECTURE.equals(shape.getArchitecture())) {
      throw new BundleFormatException(
          (prefix.isEmpty() ? "" : prefix + "shape: ") + "architecture \"" + shape.getArchitecture()
              + "\" is not supported; this runtime runs \"" + BundleFiles.ARCHITECTURE + "\"");
    }
    int dModel = dimension(prefix + "shape.d_model", shape.getDModel());
    int vocabSize = dimension(prefix + "shape.vocab_size", shape.getVocabSize());
    checkPositionSlots(prefix, shape, dModel);
    checkWeights(prefix, weights, shape, dModel, vocabSize, unpacked);
    return vocabSize;
  }

  private static int dimension(String name, int value) throws BundleFormatException {
    if (value == 0) throw new BundleFormatException(name + " is 0");
    if (value < 0) {
      throw new BundleFormatException(
          name + " is " + Integer.toUnsignedString(value) + ", more than this runtime supports");
    }
    return value;
  }

  private static void checkPositionSlots(String prefix, ModelShape shape, int dModel)
      throws BundleFormatException {
    int[] slots = {shape.getSlotOne(), shape.getSlotPosition(), shape.getSlotPositionSquared()};
    String[] names = {prefix + "shape.slot_one", prefix + "shape.slot_position",
        prefix + "shape.slot_position_squared"};
    for (int i = 0; i < slots.length; i++) {
      if (Integer.compareUnsigned(slots[i], dModel) >= 0) {
        throw new BundleFormatException(
            names[i] + " is " + Integer.toUnsignedString(slots[i]) + ", outside the "
                + dModel + " slots of the residual stream");
      }
      for (int j = 0; j < i; j++) {
        if (slots[i] == slots[j]) {
          throw new BundleFormatException(names[i] + " and " + names[j] + " are the same slot");
        }
      }
    }
  }

  private static void checkWeights(String prefix, Weights weights, ModelShape shape, int dModel, int vocabSize,
      UnpackedMatrices unpacked)
      throws BundleFormatException {
    checkMatrix(prefix + "weights.embedding", weights.getEmbedding(), vocabSize, dModel, unpacked);
    checkMatrix(prefix + "weights.unembedding", weights.getUnembedding(), vocabSize, dModel, unpacked);
    if (weights.getLayersCount() != shape.getLayers()) {
      throw new BundleFormatException(
          (prefix.isEmpty() ? "the weights" : prefix + "weights") + " have " + weights.getLayersCount() + " layers, " + prefix + "shape.layers says "
              + Integer.toUnsignedString(shape.getLayers()));
    }
    long heads = 0;
    int widest = 0;
    for (int l = 0; l < weights.getLayersCount(); l++) {
      Layer layer = weights.getLayers(l);
      String layerName = prefix + "weights.layers[" + l + "]";
      for (int h = 0; h < layer.getHeadsCount(); h++) {
        checkHead(layerName + ".heads[" + h + "]", layer.getHeads(h), dModel, unpacked);
      }
      heads += layer.getHeadsCount();
      widest = Math.max(widest, checkFfn(layerName + ".ffn", layer, dModel, unpacked));
    }
    if (heads != Integer.toUnsignedLong(shape.getHeads())) {
      throw new BundleFormatException(
          (prefix.isEmpty() ? "the layers have " : prefix + "weights.layers have ") + heads + " heads in total, " + prefix + "shape.heads says "
              + Integer.toUnsignedString(shape.getHeads()));
    }
    if (widest != shape.getFfnWidth()) {
      throw new BundleFormatException(
          (prefix.isEmpty() ? "the widest FFN has " : "the widest FFN of " + prefix + "weights has ") + widest + " neurons, " + prefix + "shape.ffn_width says "
              + Integer.toUnsignedString(shape.getFfnWidth()));
    }
  }

  private static void checkHead(String name, Head head, int dModel, UnpackedMatrices unpacked) throws BundleFormatException {
    if (head.getMode() != HeadMode.AVERAGE && head.getMode() != HeadMode.LATEST) {
      throw new BundleFormatException(
          name + " (\"" + head.getName() + "\") has no mode (AVERAGE or LATEST)");
    }
    checkMatrix(name + ".query", head.getQuery(), 2, dModel, unpacked);
    checkMatrix(name + ".key", head.getKey(), 2, dModel, unpacked);
    int dValue = head.getValue().getRows();
    checkMatrix(name + ".value", head.getValue(), dValue, dModel, unpacked);
    checkMatrix(name + ".output", head.getOutput(), dModel, dValue, unpacked);
  }

  /** Returns the FFN's width. */
  private static int checkFfn(String name, Layer layer, int dModel, UnpackedMatrices unpacked)
      throws BundleFormatException {
    if (!layer.hasFfn()) throw new BundleFormatException(name + " is missing");
    Ffn ffn = layer.getFfn();
    int width = ffn.getGate().getRows();
    checkMatrix(name + ".gate", ffn.getGate(), width, dModel, unpacked);
    checkMatrix(name + ".value", ffn.getValue(), width, dModel, unpacked);
    checkMatrix(name + ".output", ffn.getOutput(), dModel, width, unpacked);
    return width;
  }

  private static void checkMatrix(String name, Matrix matrix, int rows, int cols,
      UnpackedMatrices unpacked) throws BundleFormatException {
    if (rows < 0 || matrix.getRows() != rows || matrix.getCols() != cols) {
      throw new BundleFormatException(
          name + " is " + Integer.toUnsignedString(matrix.getRows()) + "x"
              + Integer.toUnsignedString(matrix.getCols()) + ", expected "
              + Integer.toUnsignedString(rows) + "x" + cols);
    }
    switch (matrix.getStorageCase()) {
      case DENSE -> checkDense(name, matrix.getDense(), (long) rows * cols);
      case SPARSE -> checkSparse(name, matrix.getSparse(), rows, cols);
      case PACKED -> {
        try {
          PackedMatrices.Rows entries = PackedMatrices.unpack(matrix.getPacked(), rows, cols);
          if (unpacked != null) unpacked.put(matrix, entries);
        } catch (IllegalArgumentException e) {
          throw new BundleFormatException(name + " " + e.getMessage());
        }
      }
      default -> throw new BundleFormatException(name + " has no values (neither dense, sparse nor packed)");
    }
  }

  private static void checkDense(String name, DenseValues dense, long expected)
      throws BundleFormatException {
    if (dense.getValuesCount() != expected) {
      throw new BundleFormatException(
          name + " has " + dense.getValuesCount() + " dense values, expected rows*cols = "
              + expected);
    }
    for (int i = 0; i < dense.getValuesCount(); i++) {
      if (!Double.isFinite(dense.getValues(i))) {
        throw new BundleFormatException(name + " value " + i + " is " + dense.getValues(i));
      }
    }
  }

  private static void checkSparse(String name, SparseValues sparse, int rows, int cols)
      throws BundleFormatException {
    int n = sparse.getValueCount();
    if (sparse.getRowCount() != n || sparse.getColCount() != n) {
      throw new BundleFormatException(
          name + " has sparse arrays of unequal length (row " + sparse.getRowCount() + ", col "
              + sparse.getColCount() + ", value " + n + ")");
    }
    long previous = -1;
    for (int i = 0; i < n; i++) {
      int row = sparse.getRow(i);
      int col = sparse.getCol(i);
      if (Integer.compareUnsigned(row, rows) >= 0 || Integer.compareUnsigned(col, cols) >= 0) {
        throw new BundleFormatException(
            name + " entry " + i + " at (" + Integer.toUnsignedString(row) + ", "
                + Integer.toUnsignedString(col) + ") is outside its " + rows + "x" + cols
                + " shape");
      }
      long position = (long) row * cols + col;
      if (position <= previous) {
        throw new BundleFormatException(
            name + " entry " + i + " at (" + row + ", " + col
                + ") is out of order or repeated (entries are sorted by row, then column)");
      }
      previous = position;
      if (!Double.isFinite(sparse.getValue(i))) {
        throw new BundleFormatException(name + " entry " + i + " is " + sparse.getValue(i));
      }
    }
  }

  /** Returns, per byte role the runtime writes, the token id of each byte value it has. */
  private static Map<TokenRole, Map<Integer, Integer>> checkVocabulary(Vocabulary vocabulary, int vocabSize)
      throws BundleFormatException {
    if (vocabulary.getTokensCount() != vocabSize) {
      throw new BundleFormatException(
          "the vocabulary has " + vocabulary.getTokensCount() + " tokens, shape.vocab_size says "
              + vocabSize);
    }
    int halts = 0;
    int inputEnds = 0;
    Map<TokenRole, Map<Integer, Integer>> bytesByRole = new HashMap<>();
    // Messages are built only on failure: a load checks every token, and the texts are
    // otherwise never decoded.
    int[][] idByValue = new int[TokenRole.values().length][];
    for (int id = 0; id < vocabSize; id++) {
      Token token = vocabulary.getTokens(id);
      TokenRole role = token.getRole();
      if (role == TokenRole.TOKEN_ROLE_UNSPECIFIED || role == TokenRole.UNRECOGNIZED) {
        throw new BundleFormatException(tokenName(id, token) + " has no known role");
      }
      if (role == TokenRole.HALT) halts++;
      if (role == TokenRole.INPUT_END) inputEnds++;
      if (isByteRole(role)) {
        if (token.getValue() < 0 || token.getValue() > 255) {
          throw new BundleFormatException(
              tokenName(id, token) + " is a " + role + " token with value " + token.getValue()
                  + ", outside 0..255");
        }
        // The runtime finds these by value when it builds a prompt, so they must be unique.
        if (role == TokenRole.PROGRAM_BYTE || role == TokenRole.INPUT_BYTE
            || role == TokenRole.DATA_BYTE) {
          int[] ids = idByValue[role.ordinal()];
          if (ids == null) {
            ids = new int[256];
            java.util.Arrays.fill(ids, -1);
            idByValue[role.ordinal()] = ids;
          }
          int other = ids[token.getValue()];
          if (other >= 0) {
            throw new BundleFormatException(
                "vocabulary.tokens[" + other + "] and [" + id + "] are both " + role
                    + " tokens of value " + token.getValue());
          }
          ids[token.getValue()] = id;
        }
      }
    }
    for (TokenRole role : TokenRole.values()) {
      int[] ids = idByValue[role.ordinal()];
      if (ids == null) continue;
      Map<Integer, Integer> byValue = new HashMap<>();
      for (int value = 0; value < 256; value++) {
        if (ids[value] >= 0) byValue.put(value, ids[value]);
      }
      bytesByRole.put(role, byValue);
    }
    if (halts != 1) {
      throw new BundleFormatException(
          "the vocabulary has " + halts + " HALT tokens, expected exactly one");
    }
    if (inputEnds != 1) {
      throw new BundleFormatException(
          "the vocabulary has " + inputEnds + " INPUT_END tokens, expected exactly one");
    }
    return bytesByRole;
  }

  private static String tokenName(int id, Token token) {
    return "vocabulary.tokens[" + id + "] (\"" + token.getText() + "\")";
  }

  private static boolean isByteRole(TokenRole role) {
    return switch (role) {
      case PROGRAM_BYTE, DATA_BYTE, INPUT_BYTE, TRACE_BYTE, OUTPUT_BYTE, RESULT_BYTE,
          TRAP_ADDRESS_BYTE, ERROR_OUTPUT_BYTE -> true;
      default -> false;
    };
  }

  private static void checkPrograms(List<Program> programs, int vocabSize,
      Map<TokenRole, Map<Integer, Integer>> byteTokens, Set<String> models, boolean ownModel)
      throws BundleFormatException {
    int programBytes = byteTokens.getOrDefault(TokenRole.PROGRAM_BYTE, Map.of()).size();
    Map<Integer, Integer> dataBytes = byteTokens.getOrDefault(TokenRole.DATA_BYTE, Map.of());
    Set<String> names = new HashSet<>();
    for (int p = 0; p < programs.size(); p++) {
      Program program = programs.get(p);
      String name = "programs[" + p + "] (\"" + program.getName() + "\")";
      if (program.getName().isEmpty()) throw new BundleFormatException(name + " has no name");
      if (!names.add(program.getName())) {
        throw new BundleFormatException(name + ": another program has the same name");
      }
      if (program.getModel().isEmpty() && !ownModel) {
        throw new BundleFormatException(
            name + " names no model, and the bundle has no shape and weights of its own");
      }
      if (!program.getModel().isEmpty() && !models.contains(program.getModel())) {
        throw new BundleFormatException(
            name + ".model is \"" + program.getModel() + "\", which is not among the bundle's models");
      }
      checkTokens(name + ".prefix", program.getPrefixList(), vocabSize);
      checkTokens(name + ".suffix", program.getSuffixList(), vocabSize);
      int bytes = 0;
      for (ValueType type : program.getParamsList()) {
        bytes += byteWidth(name + ".params", type);
      }
      if (program.getResultsCount() > 1) {
        throw new BundleFormatException(
            name + " has " + program.getResultsCount() + " results, at most one is supported");
      }
      for (ValueType type : program.getResultsList()) {
        if (type == ValueType.BYTES) throw new BundleFormatException(name + ".results: a result cannot be BYTES");
        byteWidth(name + ".results", type);
      }
      checkParamPositions(name, program, bytes);
      if (bytes > 0 && programBytes < 256) {
        throw new BundleFormatException(
            name + " takes parameters, but the vocabulary has PROGRAM_BYTE tokens for only "
                + programBytes + " of the 256 byte values");
      }
      checkLimits(name, program);
      if (program.getLimitsCount() > 0 && programBytes < 256) {
        throw new BundleFormatException(
            name + " has limits, but the vocabulary has PROGRAM_BYTE tokens for only "
                + programBytes + " of the 256 byte values");
      }
      if (program.hasArgumentArea()) checkArgumentArea(name, program, dataBytes);
      if (program.getParamsList().contains(ValueType.BYTES)
          && (!program.hasArgumentArea() || program.getArgumentArea().getUse() != ArgumentAreaUse.BUFFERS)) {
        throw new BundleFormatException(name + " takes BYTES, but has no argument_area with use BUFFERS");
      }
      for (int f = 1; f < program.getFunctionsCount(); f++) {
        if (Integer.compareUnsigned(program.getFunctions(f - 1).getStart(),
                program.getFunctions(f).getStart()) >= 0) {
          throw new BundleFormatException(
              name + ".functions[" + f + "] does not start after the function before it");
        }
      }
    }
  }

  private static void checkTokens(String name, List<Integer> tokens, int vocabSize)
      throws BundleFormatException {
    for (int i = 0; i < tokens.size(); i++) {
      int token = tokens.get(i);
      if (Integer.compareUnsigned(token, vocabSize) >= 0) {
        throw new BundleFormatException(
            name + "[" + i + "] is token " + Integer.toUnsignedString(token)
                + ", outside the vocabulary of " + vocabSize);
      }
    }
  }

  private static int byteWidth(String name, ValueType type) throws BundleFormatException {
    return switch (type) {
      case I32, F32 -> 4;
      case I64, F64, BYTES -> 8;
      default -> throw new BundleFormatException(
          name + " has a value type that is not I32, I64, F32, F64 or BYTES");
    };
  }

  private static void checkLimits(String name, Program program) throws BundleFormatException {
    Set<String> names = new HashSet<>();
    Set<Integer> positions = new HashSet<>();
    for (int l = 0; l < program.getLimitsCount(); l++) {
      Limit limit = program.getLimits(l);
      String at = name + ".limits[" + l + "] (\"" + limit.getName() + "\")";
      if (limit.getName().isEmpty()) throw new BundleFormatException(at + " has no name");
      if (!names.add(limit.getName())) {
        throw new BundleFormatException(at + ": another limit has the same name");
      }
      int bytes = limit.getSuffixPositionsCount();
      if (bytes < 1 || bytes > 4) {
        throw new BundleFormatException(at + " has " + bytes + " suffix_positions, expected 1 to 4");
      }
      long min = Integer.toUnsignedLong(limit.getMinValue());
      long max = Integer.toUnsignedLong(limit.getMaxValue());
      if (min > max || max >= 1L << (8 * bytes)) {
        throw new BundleFormatException(
            at + " has the range " + min + ".." + max + ", which is empty or does not fit in "
                + bytes + (bytes == 1 ? " byte" : " bytes"));
      }
      for (int b = 0; b < bytes; b++) {
        int position = limit.getSuffixPositions(b);
        if (Integer.compareUnsigned(position, program.getSuffixCount()) >= 0) {
          throw new BundleFormatException(
              at + ".suffix_positions[" + b + "] is " + Integer.toUnsignedString(position)
                  + ", outside the suffix of " + program.getSuffixCount() + " tokens");
        }
        if (!positions.add(position)) {
          throw new BundleFormatException(
              at + ".suffix_positions[" + b + "] repeats position " + position);
        }
      }
    }
  }

  private static void checkParamPositions(String name, Program program, int bytes)
      throws BundleFormatException {
    if (program.getParamPositionsCount() != bytes) {
      throw new BundleFormatException(
          name + " has " + program.getParamPositionsCount() + " param_positions, its params need "
              + bytes + " (4 per I32 or F32, 8 per I64, F64 or BYTES)");
    }
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < bytes; i++) {
      int position = program.getParamPositions(i);
      if (Integer.compareUnsigned(position, program.getPrefixCount()) >= 0) {
        throw new BundleFormatException(
            name + ".param_positions[" + i + "] is " + Integer.toUnsignedString(position)
                + ", outside the prefix of " + program.getPrefixCount() + " tokens");
      }
      if (!seen.add(position)) {
        throw new BundleFormatException(
            name + ".param_positions[" + i + "] repeats position " + position);
      }
    }
  }

  /** The area lies in the prefix, on DATA_BYTE tokens, and every byte value can be written. */
  private static void checkArgumentArea(String name, Program program, Map<Integer, Integer> dataBytes)
      throws BundleFormatException {
    ArgumentArea area = program.getArgumentArea();
    String at = name + ".argument_area";
    if (area.getUse() != ArgumentAreaUse.ARGV && area.getUse() != ArgumentAreaUse.BUFFERS) {
      throw new BundleFormatException(at + " has no known use (" + area.getUse() + ")");
    }
    long first = Integer.toUnsignedLong(area.getFirstPosition());
    long size = Integer.toUnsignedLong(area.getSize());
    if (size < 4 || first + size > program.getPrefixCount()) {
      throw new BundleFormatException(
          at + " covers prefix positions " + first + ".." + (first + size - 1)
              + ", which is not 4 or more positions inside the prefix of "
              + program.getPrefixCount() + " tokens");
    }
    if (dataBytes.size() < 256) {
      throw new BundleFormatException(
          name + " has an argument area, but the vocabulary has DATA_BYTE tokens for only "
              + dataBytes.size() + " of the 256 byte values");
    }
    Set<Integer> data = new HashSet<>(dataBytes.values());
    for (long k = 0; k < size; k++) {
      if (!data.contains(program.getPrefix((int) (first + k)))) {
        throw new BundleFormatException(
            at + ": prefix position " + (first + k) + " holds no DATA_BYTE token");
      }
    }
  }
}
