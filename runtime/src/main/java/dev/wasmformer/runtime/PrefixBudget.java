package dev.wasmformer.runtime;

import java.lang.ref.SoftReference;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The heap the kept prompt-prefix states of one bundle's programs ({@link PrefixCache}) may
 * take together, and the largest state worth keeping. A new state that does not fit evicts
 * the states used least recently; a state larger than {@link #maxStateBytes()} is not kept at
 * all. Every kept state is also softly reachable only: the JVM drops it before it would run
 * out of heap, so a kept state never makes a run fail, and the default token limit counts it
 * as free heap ({@link #keptBytes()}). Per bundle, not per process: a bundle that is dropped
 * takes its states with it, and no static registry holds a bundle's states alive.
 * Thread-safe.
 */
final class PrefixBudget {
  /** The system property of the budget per bundle, in bytes (a suffix k, m or g allowed); 0 keeps nothing. */
  static final String MAX_BYTES_PROPERTY = "wasmformer.prefixCache.maxBytes";
  /** The system property of the largest state kept, in bytes (a suffix k, m or g allowed). */
  static final String MAX_STATE_BYTES_PROPERTY = "wasmformer.prefixCache.maxStateBytes";
  /** The default budget is this fraction of the maximum heap: 1/16. */
  static final int HEAP_SHARE = 16;

  private final long maxBytes;
  private final long maxStateBytes;
  /** The kept states, least recently used first. */
  private final LinkedHashMap<Slot, Entry> kept = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  /** A program's state for one attention kind. */
  record Slot(PrefixCache cache, Attention attention) {}

  /** A kept state, held softly, and its size, counted until it is evicted or found cleared. */
  private record Entry(SoftReference<PrefixCache.Kept> state, long bytes) {}

  /** At most {@code maxBytes} together, none above {@code maxStateBytes} (at most maxBytes). */
  PrefixBudget(long maxBytes, long maxStateBytes) {
    if (maxBytes < 0 || maxStateBytes < 0) {
      throw new IllegalArgumentException("a prefix cache budget must not be negative: " + maxBytes + ", " + maxStateBytes);
    }
    this.maxBytes = maxBytes;
    this.maxStateBytes = Math.min(maxStateBytes, maxBytes);
  }

  /**
   * The budget the system properties set, by default a sixteenth of the maximum heap, and
   * states up to half of it.
   *
   * @throws IllegalArgumentException naming the property, if one is not a size
   */
  static PrefixBudget fromProperties() {
    long heap = Runtime.getRuntime().maxMemory();
    long defaultBytes = heap == Long.MAX_VALUE ? 256L << 20 : heap / HEAP_SHARE;
    long max = size(MAX_BYTES_PROPERTY, defaultBytes);
    return new PrefixBudget(max, size(MAX_STATE_BYTES_PROPERTY, max / 2));
  }

  /** A size given as bytes, or kibibytes, mebibytes or gibibytes with the suffix k, m or g. */
  static long parseSize(String property, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    int shift = t.endsWith("k") ? 10 : t.endsWith("m") ? 20 : t.endsWith("g") ? 30 : 0;
    String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
    try {
      long value = Long.parseLong(digits);
      if (value >= 0 && value <= Long.MAX_VALUE >> shift) return value << shift;
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(
        property + " must be a size in bytes, optionally with k, m or g (e.g. 64m), not \"" + text + "\"");
  }

  private static long size(String property, long otherwise) {
    String text = System.getProperty(property);
    return text == null ? otherwise : parseSize(property, text);
  }

  long maxBytes() {
    return maxBytes;
  }

  long maxStateBytes() {
    return maxStateBytes;
  }

  /** Whether any state may be kept. */
  boolean keepsAny() {
    return maxBytes > 0;
  }

  /** Whether a state of {@code size} bytes may be kept. */
  boolean admits(long size) {
    return size <= maxStateBytes;
  }

  /** The state kept in {@code slot}, marked as the one used most recently; null if none. */
  synchronized PrefixCache.Kept get(Slot slot) {
    Entry e = kept.get(slot);
    if (e == null) return null;
    PrefixCache.Kept state = e.state.get();
    if (state == null) {
      kept.remove(slot);
      bytes -= e.bytes;
    }
    return state;
  }

  /**
   * Keeps {@code state} in {@code slot} (when the slot holds none yet), evicting the states used
   * least recently until it fits; false, keeping nothing, when it is larger than {@link
   * #maxStateBytes()}.
   */
  synchronized boolean keep(Slot slot, PrefixCache.Kept state) {
    long size = state.bytes();
    if (!admits(size)) return false;
    if (get(slot) != null) return true;
    sweep();
    for (Iterator<Entry> eldest = kept.values().iterator(); bytes + size > maxBytes && eldest.hasNext(); ) {
      bytes -= eldest.next().bytes;
      eldest.remove();
    }
    kept.put(slot, new Entry(new SoftReference<>(state), size));
    bytes += size;
    return true;
  }

  /** Whether {@code slot} holds a state (for tests; does not count as a use). */
  synchronized boolean holds(Slot slot) {
    for (Map.Entry<Slot, Entry> e : kept.entrySet()) {   // get would count as a use
      if (e.getKey().equals(slot)) return e.getValue().state.get() != null;
    }
    return false;
  }

  /**
   * The bytes the kept states take now; the JVM may drop them at any time rather than run out
   * of heap, so this much of the heap in use is free for a run.
   */
  synchronized long keptBytes() {
    sweep();
    return bytes;
  }

  /** Forgets the states the collector dropped. */
  private void sweep() {
    for (Iterator<Map.Entry<Slot, Entry>> i = kept.entrySet().iterator(); i.hasNext(); ) {
      Entry e = i.next().getValue();
      if (e.state.get() == null) {
        bytes -= e.bytes;
        i.remove();
      }
    }
  }
}
