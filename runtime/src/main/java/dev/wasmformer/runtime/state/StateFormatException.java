package dev.wasmformer.runtime.state;

/** A stored decoder state whose bytes do not have the structure this runtime expects. */
public final class StateFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public StateFormatException(String message) {
    super(message);
  }
}
