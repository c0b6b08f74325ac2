package dev.wasmformer.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;

/** The outcome of a run that reached HALT: return value, output bytes and statistics. */
public final class RunResult {
  private final OptionalLong returnValue;
  private final byte[] output;
  private final RunStats stats;

  RunResult(OptionalLong returnValue, byte[] output, RunStats stats) {
    this.returnValue = returnValue;
    this.output = output.clone();
    this.stats = stats;
  }

  /**
   * The entry function's result, if it has one. An i32 result is sign-extended, so {@code
   * (int) value} is the 32-bit result and {@code value & 0xFFFFFFFFL} its unsigned reading.
   */
  public OptionalLong returnValue() {
    return returnValue;
  }

  /** The bytes the program wrote (putchar), in order. */
  public byte[] output() {
    return output.clone();
  }

  /** The output decoded as UTF-8. */
  public String outputText() {
    return new String(output, StandardCharsets.UTF_8);
  }

  public RunStats stats() {
    return stats;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunResult other
        && returnValue.equals(other.returnValue)
        && Arrays.equals(output, other.output)
        && stats.equals(other.stats);
  }

  @Override
  public int hashCode() {
    return Objects.hash(returnValue, Arrays.hashCode(output), stats);
  }

  @Override
  public String toString() {
    return "RunResult[returnValue=" + returnValue + ", output=" + output.length + " bytes, "
        + stats + "]";
  }
}
