package dev.wasmformer.runtime.format;

import java.io.IOException;

/** A bundle file or bundle that cannot be used: not a bundle, damaged, or inconsistent. */
public final class BundleFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public BundleFormatException(String message) {
    super(message);
  }
}
