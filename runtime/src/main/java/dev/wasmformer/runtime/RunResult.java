package dev.wasmformer.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of a run that reached HALT: return value, output bytes (stdout's, and apart
 * from them stderr's) and statistics.
 */
public final class RunResult {
  private final OptionalLong returnValue;
  private final byte[] output;
  private final RunStats stats;
  private final ValueKind resultKind; // null: not known (the raw value only)
  private final List<byte[]> buffers;
  private final byte[] errorOutput;

  RunResult(OptionalLong returnValue, byte[] output, RunStats stats, byte[] errorOutput) {
    this(returnValue, output, stats, null, List.of(), errorOutput);
  }

  private RunResult(OptionalLong returnValue, byte[] output, RunStats stats, ValueKind resultKind,
      List<byte[]> buffers, byte[] errorOutput) {
    this.returnValue = returnValue;
    this.output = output.clone();
    this.errorOutput = errorOutput.clone();
    this.stats = stats;
    this.resultKind = resultKind;
    this.buffers = buffers;
  }

  /**
   * This result as the program's boundary reads it: the last {@code copiedOut} output bytes
   * are the byte buffers' final contents, {@code lengths} bytes each in parameter order, not
   * program output.
   *
   * @throws MalformedTraceException if the output is shorter than the buffers
   */
  RunResult typed(ValueKind resultKind, int[] lengths) {
    int copiedOut = Arrays.stream(lengths).sum();
    if (copiedOut > output.length) {
      throw new MalformedTraceException("malformed trace: the program halted after writing " + output.length
          + " bytes, fewer than its byte buffers' " + copiedOut, stats, output, errorOutput);
    }
    int at = output.length - copiedOut;
    byte[][] copies = new byte[lengths.length][];
    for (int i = 0; i < lengths.length; i++) {
      copies[i] = Arrays.copyOfRange(output, at, at + lengths[i]);
      at += lengths[i];
    }
    return new RunResult(returnValue, Arrays.copyOf(output, output.length - copiedOut), stats, resultKind,
        List.of(copies), errorOutput);
  }

  /**
   * The entry function's result, if it has one. An i32 result is sign-extended, so {@code
   * (int) value} is the 32-bit result and {@code value & 0xFFFFFFFFL} its unsigned reading.
   */
  public OptionalLong returnValue() {
    return returnValue;
  }

  /**
   * The entry function's result as its Java value by the program's result kind: an {@code
   * Integer} (i32), {@code Long} (i64), {@code Float} (f32) or {@code Double} (f64), the last
   * two from their exact bits. Empty when the function returns nothing.
   */
  public Optional<Object> typedReturnValue() {
    if (returnValue.isEmpty()) return Optional.empty();
    long v = returnValue.getAsLong();
    ValueKind kind = resultKind != null ? resultKind : ValueKind.I64;
    return Optional.of(switch (kind) {
      case I32, BYTES -> (Object) (int) v;
      case I64 -> v;
      case F32 -> Float.intBitsToFloat((int) v);
      case F64 -> Double.longBitsToDouble(v);
    });
  }

  /**
   * The bytes each byte-buffer argument held when the entry function returned, in parameter
   * order (empty when the program takes none); {@link Program#run(RunOptions)} has already
   * written them into the arrays given.
   */
  public List<byte[]> buffers() {
    return buffers.stream().map(byte[]::clone).toList();
  }

  /** The bytes the program wrote (putchar), in order; a byte buffer's copy-out is not among them. */
  public byte[] output() {
    return output.clone();
  }

  /** The output decoded as UTF-8. */
  public String outputText() {
    return new String(output, StandardCharsets.UTF_8);
  }

  /**
   * The bytes the program wrote to its error output, in order: the C library's stderr
   * ({@code env.putchar_err}), a WASI program's fd 2. Kept apart from {@link #output()}.
   */
  public byte[] errorOutput() {
    return errorOutput.clone();
  }

  /** The error output decoded as UTF-8. */
  public String errorOutputText() {
    return new String(errorOutput, StandardCharsets.UTF_8);
  }

  public RunStats stats() {
    return stats;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunResult other
        && returnValue.equals(other.returnValue)
        && Arrays.equals(output, other.output)
        && Arrays.equals(errorOutput, other.errorOutput)
        && stats.equals(other.stats)
        && buffers.size() == other.buffers.size()
        && java.util.stream.IntStream.range(0, buffers.size())
            .allMatch(i -> Arrays.equals(buffers.get(i), other.buffers.get(i)));
  }

  @Override
  public int hashCode() {
    return Objects.hash(returnValue, Arrays.hashCode(output), Arrays.hashCode(errorOutput), stats);
  }

  @Override
  public String toString() {
    return "RunResult[returnValue=" + returnValue + ", output=" + output.length + " bytes, "
        + (errorOutput.length > 0 ? "errorOutput=" + errorOutput.length + " bytes, " : "") + stats + "]";
  }
}
