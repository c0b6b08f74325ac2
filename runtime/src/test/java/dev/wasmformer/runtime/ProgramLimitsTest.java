package dev.wasmformer.runtime;

import static dev.wasmformer.runtime.format.TestBundles.HALT;
import static dev.wasmformer.runtime.format.TestBundles.MARKER;
import static dev.wasmformer.runtime.format.TestBundles.STEP;
import static dev.wasmformer.runtime.format.TestBundles.TRAP_DIVIDE_BY_ZERO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wasmformer.runtime.format.ArgumentArea;
import dev.wasmformer.runtime.format.ArgumentAreaUse;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.BundleFiles;
import dev.wasmformer.runtime.format.BundleFormatException;
import dev.wasmformer.runtime.format.FunctionStart;
import dev.wasmformer.runtime.format.Limit;
import dev.wasmformer.runtime.format.TestBundles;
import dev.wasmformer.runtime.format.TokenRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits a program's prompt carries, and the function names a trap is reported with. */
class ProgramLimitsTest {
  // add's prompt without input: prefix (14) + INPUT_END + suffix (MARKER, 2 + 2 limit bytes, MARKER)
  private static final int PROMPT = 14 + 1 + 6;
  private static final int SUFFIX = PROMPT - 6;

  private ScriptedStepper stepper;

  /** The tiny bundle's add, whose suffix holds a 2-byte and a 1-byte limit, and which names two functions. */
  private static Bundle bundle() {
    Bundle tiny = TestBundles.tiny();
    var add = tiny.getPrograms(0).toBuilder()
        .clearSuffix()
        .addAllSuffix(List.of(MARKER, p(0x00), p(0x01), p(9), p(0x22), MARKER))
        .addLimits(Limit.newBuilder().setName("max_memory_pages").addSuffixPositions(1).addSuffixPositions(2)
            .setMinValue(0).setMaxValue(511))
        .addLimits(Limit.newBuilder().setName("max_call_depth").addSuffixPositions(3).setMinValue(1).setMaxValue(9))
        .addFunctions(FunctionStart.newBuilder().setName("stub").setStart(0))
        .addFunctions(FunctionStart.newBuilder().setName("g").setStart(200));
    return tiny.toBuilder().setPrograms(0, add).build();
  }

  private Program add(int... trace) {
    stepper = new ScriptedStepper(PROMPT, trace);
    return new LoadedBundle(bundle(), attention -> stepper).program("add");
  }

  private static int r0() {
    return TestBundles.byteToken(TokenRole.RESULT_BYTE, 0);
  }

  private static int p(int value) {
    return TestBundles.byteToken(TokenRole.PROGRAM_BYTE, value);
  }

  @Test
  void aProgramStatesItsLimitsAndTheirRanges() {
    assertThat(add().limits()).containsExactly(
        java.util.Map.entry("max_call_depth", new Program.LimitRange(1, 9)),
        java.util.Map.entry("max_memory_pages", new Program.LimitRange(0, 511)));
    assertThatCode(() -> BundleFiles.validate(bundle())).doesNotThrowAnyException();
  }

  @Test
  void aLimitSetByTheCallerReplacesItsBytesInTheSuffixLeastSignificantFirst() {
    Program add = add(STEP, r0(), r0(), r0(), r0(), HALT);

    add.run(RunOptions.defaults().withArgs(1, 2).withMaxMemoryPages(0x105).withMaxCallDepth(3));

    assertThat(stepper.fed.subList(SUFFIX, PROMPT)).containsExactly(MARKER, p(0x05), p(0x01), p(3), p(0x22), MARKER);
  }

  @Test
  void withoutLimitsTheSuffixIsAsWritten() {
    Program add = add(STEP, r0(), r0(), r0(), r0(), HALT);

    add.run(RunOptions.defaults().withArgs(1, 2));

    assertThat(stepper.fed.subList(SUFFIX, PROMPT)).containsExactly(MARKER, p(0x00), p(0x01), p(9), p(0x22), MARKER);
  }

  @Test
  void aLimitOutsideItsRangeOrUnknownIsRefusedBeforeDecoding() {
    Program add = add(STEP, r0(), r0(), r0(), r0(), HALT);

    assertThatThrownBy(() -> add.run(RunOptions.defaults().withArgs(1, 2).withMaxCallDepth(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max_call_depth 10 is outside the range 1..9 that add accepts");
    assertThatThrownBy(() -> add.run(RunOptions.defaults().withArgs(1, 2).withMaxMemoryPages(-1)))
        .hasMessage("max_memory_pages -1 is outside the range 0..511 that add accepts");
    assertThatThrownBy(() -> add.run(RunOptions.defaults().withArgs(1, 2).withLimit("max_files", 3)))
        .hasMessage("the program add has no limit max_files; it has [max_call_depth, max_memory_pages]");
    assertThat(stepper.fed).isEmpty();
  }

  @Test
  void aBundleWithoutLimitsRefusesThem() {
    stepper = new ScriptedStepper(1, HALT);
    Program echo = new LoadedBundle(TestBundles.tiny(), attention -> stepper).program("echo");

    assertThat(echo.limits()).isEmpty();
    assertThatThrownBy(() -> echo.run(RunOptions.defaults().withMaxCallDepth(5)))
        .hasMessage("the program echo has no limit max_call_depth (its bundle carries none)");
  }

  @Test
  void aTrapNamesTheFunctionHoldingTheReportedInstruction() {
    int high = TestBundles.byteToken(TokenRole.TRAP_ADDRESS_BYTE, 0x01);
    int low = TestBundles.byteToken(TokenRole.TRAP_ADDRESS_BYTE, 0x2a);
    Program add = add(STEP, TRAP_DIVIDE_BY_ZERO, high, low);

    TrapException trap = catchThrowableOfType(TrapException.class, () -> add.run(1, 2));

    assertThat(trap.instruction()).hasValue(298);
    assertThat(trap.function()).hasValue("g");
    assertThat(trap).hasMessage("trap: integer divide by zero at instruction 298 (in function g)");
    assertThat(add.functionAt(199)).hasValue("stub");
    assertThat(add.functionAt(200)).hasValue("g");
  }

  @Test
  void limitsOutsideTheSuffixOrFunctionsOutOfOrderAreRefusedOnLoad() {
    Bundle outside = bundle().toBuilder().setPrograms(0, bundle().getPrograms(0).toBuilder()
        .setLimits(1, Limit.newBuilder().setName("max_call_depth").addSuffixPositions(6).setMaxValue(9))).build();
    Bundle tooWide = bundle().toBuilder().setPrograms(0, bundle().getPrograms(0).toBuilder()
        .setLimits(1, Limit.newBuilder().setName("max_call_depth").addSuffixPositions(3).setMaxValue(256))).build();
    Bundle unordered = bundle().toBuilder().setPrograms(0, bundle().getPrograms(0).toBuilder()
        .setFunctions(1, FunctionStart.newBuilder().setName("g").setStart(0))).build();

    assertThatThrownBy(() -> BundleFiles.validate(outside)).isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("programs[0] (\"add\").limits[1] (\"max_call_depth\").suffix_positions[0] is 6,"
            + " outside the suffix of 6 tokens");
    assertThatThrownBy(() -> BundleFiles.validate(tooWide))
        .hasMessageContaining("limits[1] (\"max_call_depth\") has the range 0..256, which is empty or does not fit in 1 byte");
    assertThatThrownBy(() -> BundleFiles.validate(unordered))
        .hasMessageContaining("programs[0] (\"add\").functions[1] does not start after the function before it");
  }

  @Test
  void anArgumentAreaOutsideThePrefixOrWithoutDataTokensIsRefusedOnLoad() {
    dev.wasmformer.runtime.format.Program add = bundle().getPrograms(0);
    Bundle outside = bundle().toBuilder().setPrograms(0, add.toBuilder().setArgumentArea(ArgumentArea.newBuilder()
        .setAddress(1024).setSize(8).setFirstPosition(add.getPrefixCount() - 4).setUse(ArgumentAreaUse.ARGV))).build();
    Bundle noData = bundle().toBuilder().setPrograms(0, add.toBuilder().setArgumentArea(ArgumentArea.newBuilder()
        .setAddress(1024).setSize(4).setFirstPosition(0).setUse(ArgumentAreaUse.ARGV))).build();
    Bundle noUse = bundle().toBuilder().setPrograms(0, add.toBuilder().setArgumentArea(ArgumentArea.newBuilder()
        .setAddress(1024).setSize(4).setFirstPosition(0))).build();

    assertThatThrownBy(() -> BundleFiles.validate(outside)).isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("programs[0] (\"add\").argument_area covers prefix positions "
            + (add.getPrefixCount() - 4) + ".." + (add.getPrefixCount() + 3) + ", which is not 4 or more positions"
            + " inside the prefix of " + add.getPrefixCount() + " tokens");
    assertThatThrownBy(() -> BundleFiles.validate(noData))
        .hasMessageContaining("has an argument area, but the vocabulary has DATA_BYTE tokens for only 0 of the 256");
    assertThatThrownBy(() -> BundleFiles.validate(noUse))
        .hasMessageContaining("argument_area has no known use (ARGUMENT_AREA_USE_UNSPECIFIED)");
  }
}
