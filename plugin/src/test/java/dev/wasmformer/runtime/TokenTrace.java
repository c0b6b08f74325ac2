package dev.wasmformer.runtime;

import java.util.Arrays;

/** Every generated token of a run, as its trace listener saw them. */
final class TokenTrace implements TraceListener {
  private int[] tokens = new int[1024];
  private int size;

  @Override
  public void onToken(int tokenId) {
    if (size == tokens.length) tokens = Arrays.copyOf(tokens, 2 * size);
    tokens[size++] = tokenId;
  }

  int[] tokens() {
    return Arrays.copyOf(tokens, size);
  }
}
