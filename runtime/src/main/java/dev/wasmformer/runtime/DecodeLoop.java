package dev.wasmformer.runtime;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * One run of autoregressive decoding: feed the prompt, then feed back every arg-max token
 * until HALT or TRAP, reading outputs (stdout's and stderr's apart) and results off the
 * tokens' roles. Not thread-safe;
 * one instance per run.
 */
final class DecodeLoop {
  private TokenStepper stepper;   // the run's caches: dropped when they fill the heap
  private final TokenTable tokens;
  private final TokenBudget budget;
  private final long maxTokens;
  private final TraceListener listener;
  private final IntFunction<String> functionAt;
  private final long startNanos = System.nanoTime();

  private long generated;
  private long instructions;
  private byte[] output = new byte[64];
  private int outputLength;
  private byte[] errorOutput = new byte[0];
  private int errorLength;

  /**
   * {@code functionAt} names the function holding an instruction index, or returns null;
   * {@code budget} is the run's token limit.
   */
  DecodeLoop(TokenStepper stepper, TokenTable tokens, RunOptions options, TokenBudget budget,
      IntFunction<String> functionAt) {
    this.stepper = stepper;
    this.functionAt = functionAt;
    this.tokens = tokens;
    this.budget = budget;
    this.maxTokens = budget.limit();
    this.listener = options.traceListener().orElse(null);
  }

  /**
   * Runs to HALT.
   *
   * @param prompt the prompt tokens, at least one
   * @param resultBytes how many RESULT_BYTE tokens the program's result takes (0, 4 or 8)
   */
  RunResult run(int[] prompt, int resultBytes) {
    try {
      return decode(prompt, resultBytes);
    } catch (OutOfMemoryError e) {
      // Nearly all of the heap is the stepper's caches, and only this loop holds the stepper
      // (Program.run keeps no reference): dropped, they leave room to say how far the run got.
      stepper = null;
      throw new HeapExhaustedException(maxTokens, stats(), output(), errorOutput(), e);
    }
  }

  private RunResult decode(int[] prompt, int resultBytes) {
    for (int i = 0; i + 1 < prompt.length; i++) feed(prompt[i]);
    int token = step(prompt[prompt.length - 1]);
    long result = 0;
    int resultCount = 0;
    while (true) {
      if (!accept(token)) throw new TokenLimitException(budget, stats(), output(), errorOutput());
      switch (tokens.action(token)) {
        case TokenTable.OUTPUT_BYTE -> write(tokens.value(token));
        case TokenTable.ERROR_OUTPUT_BYTE -> writeError(tokens.value(token));
        case TokenTable.RESULT_BYTE -> {
          if (resultCount == resultBytes) {
            throw malformed("more than " + resultBytes + " result bytes");
          }
          result |= (long) tokens.value(token) << (8 * resultCount++);
        }
        case TokenTable.HALT -> {
          if (resultCount != resultBytes) {
            throw malformed("HALT after " + resultCount + " of " + resultBytes + " result bytes");
          }
          return new RunResult(returnValue(result, resultBytes), output(), stats(), errorOutput());
        }
        case TokenTable.TRAP -> throw trap(token);
        default -> {}
      }
      token = step(token);
    }
  }

  // A damaged model can push a query or key out of the finite range; that ends the run
  // like any other trace that cannot be read, with the statistics so far.
  private int step(int token) {
    try {
      return stepper.step(token);
    } catch (ArithmeticException e) {
      throw malformed("the model's arithmetic failed: " + e.getMessage());
    }
  }

  private void feed(int token) {
    try {
      stepper.feed(token);
    } catch (ArithmeticException e) {
      throw malformed("the model's arithmetic failed: " + e.getMessage());
    }
  }

  /** Counts a generated token; false when the token limit leaves no room for it. */
  private boolean accept(int token) {
    if (generated == maxTokens) return false;
    generated++;
    if (listener != null) listener.onToken(token);
    if (tokens.commit(token)) instructions++;
    return true;
  }

  // The address, when present, follows as two TRAP_ADDRESS_BYTE tokens, high byte first;
  // the run ends with them. A trap is reported even when the token limit cuts its address off.
  private TrapException trap(int trapToken) {
    String reason = tokens.text(trapToken);
    int high = step(trapToken);
    if (tokens.action(high) != TokenTable.TRAP_ADDRESS_BYTE || !accept(high)) {
      return new TrapException(reason, OptionalInt.empty(), null, stats(), output(), errorOutput());
    }
    int low = step(high);
    if (tokens.action(low) != TokenTable.TRAP_ADDRESS_BYTE || !accept(low)) {
      return new TrapException(reason, OptionalInt.empty(), null, stats(), output(), errorOutput());
    }
    int address = tokens.value(high) << 8 | tokens.value(low);
    return new TrapException(reason, OptionalInt.of(address), functionAt.apply(address), stats(), output(), errorOutput());
  }

  private static OptionalLong returnValue(long result, int resultBytes) {
    return switch (resultBytes) {
      case 0 -> OptionalLong.empty();
      case 4 -> OptionalLong.of((int) result);
      default -> OptionalLong.of(result);
    };
  }

  private MalformedTraceException malformed(String problem) {
    return new MalformedTraceException(
        "malformed trace: " + problem + " (generated token " + generated + ")", stats(), output(), errorOutput());
  }

  private void write(int b) {
    if (outputLength == output.length) output = Arrays.copyOf(output, output.length * 2);
    output[outputLength++] = (byte) b;
  }

  private byte[] output() {
    return Arrays.copyOf(output, outputLength);
  }

  private void writeError(int b) {
    if (errorLength == errorOutput.length) errorOutput = Arrays.copyOf(errorOutput, Math.max(64, errorOutput.length * 2));
    errorOutput[errorLength++] = (byte) b;
  }

  private byte[] errorOutput() {
    return Arrays.copyOf(errorOutput, errorLength);
  }

  private RunStats stats() {
    return new RunStats(generated, instructions, (System.nanoTime() - startNanos) / 1e9);
  }
}
