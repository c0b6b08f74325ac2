package dev.wasmformer.runtime;

import dev.wasmformer.runtime.format.TestBundles;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the transformer that replays a scripted trace. It answers the prompt's
 * tokens with HALT, so a decode loop that acted on those answers would stop early, and
 * then returns the script's tokens in order. It records every token it is fed.
 */
final class ScriptedStepper implements TokenStepper {
  final List<Integer> fed = new ArrayList<>();
  private final int promptLength;
  private final int[] script;
  private int next;

  ScriptedStepper(int promptLength, int... script) {
    this.promptLength = promptLength;
    this.script = script.clone();
  }

  @Override
  public int step(int token) {
    fed.add(token);
    if (fed.size() < promptLength) return TestBundles.HALT;
    if (next == script.length) {
      throw new AssertionError("the decode loop asked for token " + (next + 1)
          + " of a script of " + script.length);
    }
    return script[next++];
  }
}
