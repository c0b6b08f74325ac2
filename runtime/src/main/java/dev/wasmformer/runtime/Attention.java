package dev.wasmformer.runtime;

/** Which key/value cache the attention heads use; both produce identical traces. */
public enum Attention {
  /** Convex-hull cache: each lookup costs O(log n) in the trace length n. */
  HULL,
  /** Scan of every earlier position: O(n) per lookup; the reference. */
  NAIVE
}
