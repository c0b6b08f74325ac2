package dev.wasmformer.compiler;

import dev.wasmformer.runtime.format.TokenRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmformer.c.SourceFile;
import dev.wasmformer.runtime.Attention;
import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.Program;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.runtime.format.ArgumentAreaUse;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.BundleFiles;
import dev.wasmformer.runtime.format.BundleFormatException;
import dev.wasmformer.testing.Gcc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A C {@code main(argc, argv)} built once into a bundle takes its arguments when it runs: the
 * runtime writes them into the prompt's argument area, and the transformer's output matches
 * the same program compiled by gcc and run with the same arguments.
 */
class RuntimeArgvTest {
  private static final Path SOURCE = Path.of("src/test/resources/argv/args.c");
  private static LoadedBundle bundle;

  @BeforeAll
  static void build() throws Exception {
    String text = Files.readString(SOURCE);
    bundle = Wasmformer.load(new WasmformerCompiler()
        .addC("args", List.of(new SourceFile(SOURCE.toString(), text)), WasmformerCompiler.cOptions(),
            List.of("built", "in"), null)
        .bundle());
  }

  static List<List<String>> argumentLists() {
    return List.of(List.of(), List.of("7"), List.of("12", "-5", "héllo", ""), List.of("1", "2", "3", "4", "5", "6"));
  }

  @ParameterizedTest
  @MethodSource("argumentLists")
  void theArgumentsOfARunAreTheOnesTheProgramSeesAsNativeCodeDoes(List<String> args, @TempDir Path work)
      throws Exception {
    assumeTrue(Gcc.available(), "gcc is not installed");
    Gcc.Run expected = Gcc.compileAndRun(SOURCE.toAbsolutePath(), work, List.of("-O1"), args, new byte[0]);
    RunResult actual = bundle.program("args").run(RunOptions.defaults().withArgv(args.toArray(String[]::new)));
    assertThat(actual.outputText()).isEqualTo(new String(expected.stdout(), StandardCharsets.UTF_8));
    assertThat(actual.returnValue()).hasValue(expected.status());
  }

  @Test
  void withoutArgvARunGetsTheArgumentsTheBundleWasBuiltWith() {
    RunResult r = bundle.program("args").run(RunOptions.defaults());
    assertThat(r.outputText()).isEqualTo("argc=3\n[built][in]\nsum=0 chars=7 last=in\n");
  }

  @Test
  void hullAndNaiveAttentionAgreeOnARunWithArguments() throws Exception {
    // small enough for the naive cache, whose cost grows with the square of the trace
    String text = "int main(int argc, char **argv) { return argc * 100 + argv[argc - 1][0]; }";
    Program p = Wasmformer.load(new WasmformerCompiler()
        .addC("last", List.of(new SourceFile("last.c", text)), WasmformerCompiler.cOptions(), List.of(), null)
        .bundle()).program("last");
    RunOptions options = RunOptions.defaults().withArgv("x", "y", "A");
    RunResult hull = p.run(options);
    RunResult naive = p.run(options.withAttention(Attention.NAIVE));
    assertThat(hull.returnValue()).hasValue(4 * 100 + 'A');
    assertThat(naive.returnValue()).isEqualTo(hull.returnValue());
    assertThat(naive.stats().tokens()).isEqualTo(hull.stats().tokens());
  }

  @Test
  void argumentsThatDoNotFitTheAreaAreRefusedNamingItsSize() {
    Program p = bundle.program("args");
    assertThat(p.takesArgv()).isTrue();
    String big = "x".repeat(p.argvCapacity());
    assertThatThrownBy(() -> p.run(RunOptions.defaults().withArgv(big)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("do not fit its argument area of " + p.argvCapacity() + " bytes")
        .hasMessageContaining("the Maven parameter argumentAreaBytes");
  }

  @Test
  void aProgramWithoutArgvRefusesArguments() throws Exception {
    String text = "int main(void) { return 3; }";
    LoadedBundle plain = Wasmformer.load(new WasmformerCompiler()
        .addC("plain", List.of(new SourceFile("plain.c", text)), WasmformerCompiler.cOptions(), List.of(), null)
        .bundle());
    Program p = plain.program("plain");
    assertThat(p.takesArgv()).isFalse();
    assertThatThrownBy(() -> p.run(RunOptions.defaults().withArgv("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes no command-line arguments");
  }

  @Test
  void anAreaOverTokensThatAreNotDataBytesIsRefusedOnLoad() throws Exception {
    Bundle built = new WasmformerCompiler()
        .addC("args", List.of(new SourceFile(SOURCE.toString(), Files.readString(SOURCE))),
            WasmformerCompiler.cOptions(), List.of(), null)
        .bundle();
    dev.wasmformer.runtime.format.Program p = built.getPrograms(0);
    assertThat(p.getArgumentArea().getUse()).isEqualTo(ArgumentAreaUse.ARGV);
    // the first instruction's opcode, after the memory image
    int opcode = 0;
    while (built.getVocabulary().getTokens(p.getPrefix(opcode)).getRole() != TokenRole.PROGRAM_OPCODE) opcode++;
    Bundle shifted = built.toBuilder().setPrograms(0, p.toBuilder().setArgumentArea(p.getArgumentArea().toBuilder()
        .setFirstPosition(opcode))).build();

    assertThatThrownBy(() -> BundleFiles.validate(shifted))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageContaining("argument_area: prefix position " + opcode + " holds no DATA_BYTE token");
  }
}
