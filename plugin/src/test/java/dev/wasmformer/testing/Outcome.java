package dev.wasmformer.testing;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * How one execution ended, in a form every engine can produce: the result (an i32 as a signed
 * value, or an i64) or none, the output bytes, the trap's WebAssembly wording if it trapped,
 * and the error output's bytes (stderr: env.putchar_err, WASI fd 2).
 */
public record Outcome(OptionalLong value, byte[] output, String trap, byte[] errorOutput) {
  public static Outcome halted(OptionalLong value, byte[] output) {
    return new Outcome(value, output, null, new byte[0]);
  }

  public static Outcome halted(OptionalLong value, byte[] output, byte[] errorOutput) {
    return new Outcome(value, output, null, errorOutput);
  }

  public static Outcome trapped(String trap, byte[] output) {
    return new Outcome(OptionalLong.empty(), output, trap, new byte[0]);
  }

  public static Outcome trapped(String trap, byte[] output, byte[] errorOutput) {
    return new Outcome(OptionalLong.empty(), output, trap, errorOutput);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Outcome other
        && value.equals(other.value)
        && Arrays.equals(output, other.output)
        && java.util.Objects.equals(trap, other.trap)
        && Arrays.equals(errorOutput, other.errorOutput);
  }

  @Override
  public int hashCode() {
    return value.hashCode() * 31 + Arrays.hashCode(output);
  }

  @Override
  public String toString() {
    String shown = new String(output, java.nio.charset.StandardCharsets.ISO_8859_1);
    return (trap != null ? "trap(" + trap + ")" : "value=" + value) + " output=\"" + shown + "\""
        + (errorOutput.length > 0
            ? " errorOutput=\"" + new String(errorOutput, java.nio.charset.StandardCharsets.ISO_8859_1) + "\"" : "");
  }
}
