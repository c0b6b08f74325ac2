package app;

import wasmformer.generated.EntryPointRemoved;

/** Calls both programs; the second build drops one of them. */
public final class App {
  private App() {}

  public static int both(int x) {
    return EntryPointRemoved.twice(x) + EntryPointRemoved.extra(x);
  }
}
