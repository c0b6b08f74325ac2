package dev.wasmformer.runtime.format;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The entries of a bundle's packed matrices as its validation unpacked and checked them,
 * handed on to the reader that builds the model, so that a load decodes each matrix once. A
 * matrix's entries are handed out once (the reader owns them afterwards); one instance per
 * load, not thread-safe.
 */
public final class UnpackedMatrices {
  private final Map<Matrix, PackedMatrices.Rows> rows = new IdentityHashMap<>();

  /** Empty, to be filled by {@link BundleFiles#read(java.nio.file.Path, UnpackedMatrices)}. */
  public UnpackedMatrices() {}

  void put(Matrix matrix, PackedMatrices.Rows entries) {
    rows.put(matrix, entries);
  }

  /**
   * The checked entries of {@code matrix} (this very message, compared by identity) if its
   * validation left them here and nobody took them yet, else null.
   */
  public PackedMatrices.Rows take(Matrix matrix) {
    return rows.remove(matrix);
  }

  /** How many matrices' entries are still here. */
  public int size() {
    return rows.size();
  }
}
