package dev.wasmformer.testing;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * How one execution ended, in a form every engine can produce: the result (an i32 as a signed
 * value, or an i64) or none, the output bytes, and the trap's WebAssembly wording if it trapped.
 */
public record Outcome(OptionalLong value, byte[] output, String trap) {
  public static Outcome halted(OptionalLong value, byte[] output) {
    return new Outcome(value, output, null);
  }

  public static Outcome trapped(String trap, byte[] output) {
    return new Outcome(OptionalLong.empty(), output, trap);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Outcome other
        && value.equals(other.value)
        && Arrays.equals(output, other.output)
        && java.util.Objects.equals(trap, other.trap);
  }

  @Override
  public int hashCode() {
    return value.hashCode() * 31 + Arrays.hashCode(output);
  }

  @Override
  public String toString() {
    String shown = new String(output, java.nio.charset.StandardCharsets.ISO_8859_1);
    return (trap != null ? "trap(" + trap + ")" : "value=" + value) + " output=\"" + shown + "\"";
  }
}
