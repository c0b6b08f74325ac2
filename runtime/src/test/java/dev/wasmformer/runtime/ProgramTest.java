package dev.wasmformer.runtime;

import static dev.wasmformer.runtime.format.TestBundles.HALT;
import static dev.wasmformer.runtime.format.TestBundles.INPUT_END;
import static dev.wasmformer.runtime.format.TestBundles.MARKER;
import static dev.wasmformer.runtime.format.TestBundles.OP_CALL;
import static dev.wasmformer.runtime.format.TestBundles.OP_CONST;
import static dev.wasmformer.runtime.format.TestBundles.OP_HALT;
import static dev.wasmformer.runtime.format.TestBundles.STEP;
import static dev.wasmformer.runtime.format.TestBundles.TRAP_DIVIDE_BY_ZERO;
import static dev.wasmformer.runtime.format.TestBundles.TRAP_UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wasmformer.runtime.format.TestBundles;
import dev.wasmformer.runtime.format.TokenRole;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProgramTest {
  // Prompt lengths of the tiny bundle's programs without input: prefix + INPUT_END + suffix.
  private static final int ADD_PROMPT = 14 + 1 + 1;
  private static final int ECHO_PROMPT = 2 + 1;
  private static final int NEGATE_PROMPT = 11 + 1;

  private ScriptedStepper stepper;
  private final List<Attention> attentions = new ArrayList<>();

  @Test
  void thePromptIsThePrefixWithArgumentBytesThenTheInputThenInputEndThenTheSuffix() {
    byte[] input = "hi".getBytes(StandardCharsets.US_ASCII);
    Program add = program("add", ADD_PROMPT + input.length, result(3, 4), HALT);

    add.run(RunOptions.defaults().withArgs(0x01020304, -2).withInput(input));

    assertThat(stepper.fed.subList(0, ADD_PROMPT + input.length))
        .containsExactly(
            MARKER,
            OP_CONST, p(0x04), p(0x03), p(0x02), p(0x01),
            OP_CONST, p(0xfe), p(0xff), p(0xff), p(0xff),
            OP_CALL, p(0x00), p(0x00),
            in('h'), in('i'),
            INPUT_END,
            MARKER);
  }

  @Test
  void everyGeneratedTokenButHaltIsFedBack() {
    int[] trace = concat(new int[] {STEP, out('a'), STEP}, result(7, 4), new int[] {HALT});
    Program add = program("add", ADD_PROMPT, trace);

    add.run(1, 2);

    assertThat(stepper.fed.subList(ADD_PROMPT, stepper.fed.size()))
        .containsExactlyElementsOf(boxed(Arrays.copyOf(trace, trace.length - 1)));
  }

  @Test
  void resultBytesFormALittleEndianI32ThatIsSignExtended() {
    Program add = program("add", ADD_PROMPT, result(0xfffffffeL, 4), HALT);

    assertThat(add.run(1, 2).returnValue()).hasValue(-2);
  }

  @Test
  void resultBytesFormALittleEndianI64() {
    Program negate = program("negate", NEGATE_PROMPT, result(0x0102030405060708L, 8), HALT);

    assertThat(negate.run(-5).returnValue()).hasValue(0x0102030405060708L);
    assertThat(stepper.fed.subList(2, 6)).containsExactly(p(0xfb), p(0xff), p(0xff), p(0xff));
    assertThat(stepper.fed.subList(7, 11)).containsExactly(p(0xff), p(0xff), p(0xff), p(0xff));
  }

  @Test
  void outputBytesAreCollectedInOrderAndAProgramWithoutResultReturnsNothing() {
    Program echo = program("echo", ECHO_PROMPT, out('o'), STEP, out('k'), STEP, HALT);

    RunResult result = echo.run();

    assertThat(result.outputText()).isEqualTo("ok");
    assertThat(result.returnValue()).isEmpty();
  }

  @Test
  void statsCountGeneratedTokensAndCommitTokensAsInstructions() {
    // STEP and HALT are commit tokens in the tiny vocabulary; output bytes are not.
    Program echo = program("echo", ECHO_PROMPT, out('o'), STEP, STEP, out('k'), STEP, HALT);

    RunStats stats = echo.run().stats();

    assertThat(stats.tokens()).isEqualTo(6);
    assertThat(stats.instructions()).isEqualTo(4);
    assertThat(stats.seconds()).isPositive();
  }

  @Test
  void aTrapTokenEndsTheRunWithItsTextAndTheInstructionAddressThatFollows() {
    Program echo =
        program("echo", ECHO_PROMPT, out('x'), STEP, TRAP_DIVIDE_BY_ZERO, address(0x01), address(0x2a));

    TrapException trap = catchThrowableOfType(TrapException.class, echo::run);

    assertThat(trap.reason()).isEqualTo("integer divide by zero");
    assertThat(trap.instruction()).hasValue(0x012a);
    assertThat(trap).hasMessage("trap: integer divide by zero at instruction 298");
    assertThat(new String(trap.output(), StandardCharsets.US_ASCII)).isEqualTo("x");
    assertThat(trap.stats().tokens()).isEqualTo(5);
  }

  @Test
  void aTrapWithoutAddressTokensHasNoInstruction() {
    Program echo = program("echo", ECHO_PROMPT, TRAP_UNREACHABLE, STEP);

    TrapException trap = catchThrowableOfType(TrapException.class, echo::run);

    assertThat(trap.instruction()).isEqualTo(OptionalInt.empty());
    assertThat(trap).hasMessage("trap: unreachable");
    assertThat(trap.stats().tokens()).isEqualTo(1);
  }

  @Test
  void aRunThatDoesNotHaltWithinMaxTokensThrowsWithTheStatsSoFar() {
    int[] steps = IntStream.generate(() -> STEP).limit(10).toArray();
    Program echo = program("echo", ECHO_PROMPT, steps);

    TokenLimitException limit =
        catchThrowableOfType(
            TokenLimitException.class, () -> echo.run(RunOptions.defaults().withMaxTokens(5)));

    assertThat(limit.stats().tokens()).isEqualTo(5);
    assertThat(limit.stats().instructions()).isEqualTo(5);
    assertThat(limit).hasMessageContaining("no HALT after 5 generated tokens");
  }

  /**
   * The model's position limit caps every run, a set limit too, and says so: past it the
   * model's lookups by position are not proven exact (the interpreter's: 2^26 + 1 positions).
   */
  @Test
  void aRunStopsAtTheModelsPositionLimitWhateverItsTokenLimit() {
    int[] steps = IntStream.generate(() -> STEP).limit(20).toArray();
    stepper = new ScriptedStepper(ECHO_PROMPT, steps);
    long positions = ECHO_PROMPT + 7;
    Program echo = loaded(new StepperFactory() {
      @Override
      public TokenStepper newStepper(Attention attention) {
        return stepper;
      }

      @Override
      public long positionLimit() {
        return positions;
      }
    }).program("echo");

    TokenLimitException limit = catchThrowableOfType(
        TokenLimitException.class, () -> echo.run(RunOptions.defaults().withMaxTokens(15)));

    assertThat(limit.stats().tokens()).isEqualTo(7);
    assertThat(limit.limit()).isEqualTo(7);
    assertThat(limit.limitFromPositions()).isTrue();
    assertThat(limit.limitFromHeap()).isFalse();
    assertThat(limit).hasMessageContaining("no HALT after 7 generated tokens (the model's position limit")
        .hasMessageContaining("exact for " + (ECHO_PROMPT + 7) + " positions");
    // a limit below the position limit is the run's own
    stepper = new ScriptedStepper(ECHO_PROMPT, steps);
    TokenLimitException own = catchThrowableOfType(
        TokenLimitException.class, () -> echo.run(RunOptions.defaults().withMaxTokens(5)));
    assertThat(own.limit()).isEqualTo(5);
    assertThat(own.limitFromPositions()).isFalse();
  }

  @Test
  void aRunMayHaltOnItsLastAllowedToken() {
    Program echo = program("echo", ECHO_PROMPT, STEP, STEP, HALT);

    RunResult result = echo.run(RunOptions.defaults().withMaxTokens(3));

    assertThat(result.stats().tokens()).isEqualTo(3);
  }

  @Test
  void theTraceListenerReceivesEveryGeneratedToken() {
    int[] trace = {STEP, out('a'), STEP, HALT};
    Program echo = program("echo", ECHO_PROMPT, trace);
    List<Integer> heard = new ArrayList<>();

    echo.run(RunOptions.defaults().withTraceListener(heard::add));

    assertThat(heard).containsExactlyElementsOf(boxed(trace));
  }

  @Test
  void theAttentionOptionChoosesTheCache() {
    program("echo", ECHO_PROMPT, HALT).run(RunOptions.defaults().withAttention(Attention.NAIVE));
    program("echo", ECHO_PROMPT, HALT).run();

    assertThat(attentions).containsExactly(Attention.NAIVE, Attention.HULL);
  }

  @Test
  void haltBeforeAllResultBytesIsAMalformedTrace() {
    Program add = program("add", ADD_PROMPT, r(1), r(0), HALT);

    assertThatThrownBy(() -> add.run(1, 2))
        .isInstanceOf(MalformedTraceException.class)
        .hasMessageContaining("HALT after 2 of 4 result bytes");
  }

  @Test
  void moreResultBytesThanTheResultHasIsAMalformedTrace() {
    Program echo = program("echo", ECHO_PROMPT, r(1), HALT);

    assertThatThrownBy(echo::run)
        .isInstanceOf(MalformedTraceException.class)
        .hasMessageContaining("more than 0 result bytes");
  }

  @Test
  void aModelWhoseArithmeticLeavesTheFiniteRangeEndsTheRunAsAMalformedTrace() {
    Program echo = loaded(attention -> token -> {
      throw new ArithmeticException("attention key (1.0, Infinity) is not finite");
    }).program("echo");

    assertThatThrownBy(echo::run)
        .isInstanceOf(MalformedTraceException.class)
        .hasMessage("malformed trace: the model's arithmetic failed: attention key (1.0, Infinity) is not finite"
            + " (generated token 0)");
  }

  @Test
  void theWrongNumberOfArgumentsIsRefusedBeforeDecoding() {
    Program add = loaded(attention -> {
      throw new AssertionError("decoding started");
    }).program("add");

    assertThatThrownBy(() -> add.run(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("add(i32, i32) -> i32 takes 2 arguments, got 1");
  }

  @Test
  void anI32ArgumentOutsideThirtyTwoBitsIsRefused() {
    Program add = loaded(attention -> {
      throw new AssertionError("decoding started");
    }).program("add");

    assertThatThrownBy(() -> add.run(1, 0x1_0000_0000L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("argument 2 of add(i32, i32) -> i32 is 4294967296, which does not fit in an"
            + " i32 (-2147483648..4294967295)");
    assertThatThrownBy(() -> add.run(Integer.MIN_VALUE - 1L, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("argument 1 of add(i32, i32) -> i32 is -2147483649");
  }

  @Test
  void anI32ArgumentMayBeGivenSignedOrUnsigned() {
    Program add = program("add", ADD_PROMPT, result(0, 4), HALT);

    add.run(0xFFFF_FFFFL, Integer.MIN_VALUE);

    assertThat(stepper.fed.subList(2, 6)).containsExactly(p(0xff), p(0xff), p(0xff), p(0xff));
    assertThat(stepper.fed.subList(7, 11)).containsExactly(p(0x00), p(0x00), p(0x00), p(0x80));
  }

  @Test
  void programsDescribeTheirSignature() {
    LoadedBundle bundle = loaded(attention -> null);

    assertThat(bundle.programs()).extracting(Program::signature)
        .containsExactly("add(i32, i32) -> i32", "echo() -> ()", "negate(i64) -> i64");
    assertThat(bundle.program("negate").params()).containsExactly(NumberType.I64);
    assertThat(bundle.program("echo").entry()).isEqualTo("main");
  }

  @Test
  void anUnknownProgramNameIsRefusedWithTheAvailableNames() {
    LoadedBundle bundle = loaded(attention -> null);

    assertThatThrownBy(() -> bundle.program("sub"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no program \"sub\" in this bundle; it has: add, echo, negate");
  }

  @Test
  void theEchoPromptHasNoArgumentBytes() {
    Program echo = program("echo", ECHO_PROMPT, HALT);

    echo.run();

    assertThat(stepper.fed).containsExactly(MARKER, OP_HALT, INPUT_END);
  }

  // Helpers

  private Program program(String name, int promptLength, int... trace) {
    stepper = new ScriptedStepper(promptLength, trace);
    return loaded(attention -> {
      attentions.add(attention);
      return stepper;
    }).program(name);
  }

  private Program program(String name, int promptLength, int[] first, int... rest) {
    return program(name, promptLength, concat(first, rest));
  }

  private static LoadedBundle loaded(StepperFactory steppers) {
    return new LoadedBundle(TestBundles.tiny(), steppers);
  }

  private static int p(int value) {
    return TestBundles.byteToken(TokenRole.PROGRAM_BYTE, value);
  }

  private static int in(char value) {
    return TestBundles.byteToken(TokenRole.INPUT_BYTE, value);
  }

  private static int out(char value) {
    return TestBundles.byteToken(TokenRole.OUTPUT_BYTE, value);
  }

  private static int r(int value) {
    return TestBundles.byteToken(TokenRole.RESULT_BYTE, value);
  }

  private static int address(int value) {
    return TestBundles.byteToken(TokenRole.TRAP_ADDRESS_BYTE, value);
  }

  /** The RESULT_BYTE tokens of {@code value}, least significant byte first. */
  private static int[] result(long value, int bytes) {
    return IntStream.range(0, bytes).map(b -> r((int) (value >>> (8 * b)) & 0xff)).toArray();
  }

  private static int[] concat(int[]... parts) {
    return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
  }

  private static List<Integer> boxed(int[] tokens) {
    return Arrays.stream(tokens).boxed().toList();
  }
}
