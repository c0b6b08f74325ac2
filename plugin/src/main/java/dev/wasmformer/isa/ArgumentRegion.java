package dev.wasmformer.isa;

/**
 * A region of a program's memory, [address, address + size), that each run fills before the
 * program starts, e.g. C main's argc and argv strings. The prompt carries it as part of the
 * memory image, so a run changes prompt tokens, not code.
 *
 * @param address the first byte's address
 * @param size the region's size in bytes (at least 4)
 * @param use what the region holds
 */
public record ArgumentRegion(int address, int size, Use use) {
  /** What a region holds. */
  public enum Use {
    /** A little-endian i32 argc, then argc NUL-terminated strings, argv[0] first. */
    ARGV,
    /** The bytes of array arguments. */
    BUFFERS
  }

  public ArgumentRegion {
    if (address < 0 || size < 4 || (long) address + size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("not a region of memory: " + size + " bytes at " + address);
    }
    java.util.Objects.requireNonNull(use, "use");
  }
}
