package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WasmEntriesTest {
  @Test
  void aModuleWithMainIsOneProgramNamedAfterItsFile() {
    List<WasmEntries.Entry> entries = WasmEntries.of(TestPrograms.wasm(TestPrograms.HELLO), "greeter", List.of());

    assertThat(entries).containsExactly(new WasmEntries.Entry("greeter", "main", List.of()));
  }

  @Test
  void otherwiseEveryExportedFunctionWithoutLeadingUnderscoreIsAProgram() {
    List<WasmEntries.Entry> entries = WasmEntries.of(TestPrograms.wasm(TestPrograms.MATH), "math", List.of());

    assertThat(entries).containsExactly(
        new WasmEntries.Entry("twice", "twice", List.of("arg0")),
        new WasmEntries.Entry("thrice", "thrice", List.of("arg0")));
  }

  @Test
  void aCProgramsParametersKeepTheirNamesForTheTypedMethods() {
    String source = """
        __attribute__((export_name("add3"))) int add3(int first, int second, long long third) {
          return first + second + (int) third;
        }
        """;
    byte[] wasm = dev.wasmformer.compiler.WasmformerCompiler.compileC(
        List.of(new dev.wasmformer.c.SourceFile("add3.c", source)),
        dev.wasmformer.compiler.WasmformerCompiler.cOptions()).wasm();

    assertThat(WasmEntries.of(wasm, "add3", List.of()))
        .containsExactly(new WasmEntries.Entry("add3", "add3", List.of("first", "second", "third")));
  }

  @Test
  void configuredEntryPointsAreTakenAsListed() {
    List<WasmEntries.Entry> entries =
        WasmEntries.of(TestPrograms.wasm(TestPrograms.MATH), "math", List.of("_helper", "absent"));

    assertThat(entries).containsExactly(new WasmEntries.Entry("_helper", "_helper", List.of()));
  }

  @Test
  void aModuleExportingNoneOfTheConfiguredEntryPointsSaysWhatItExports() {
    assertThatThrownBy(() -> WasmEntries.of(TestPrograms.wasm(TestPrograms.ADD), "add", List.of("fib")))
        .isInstanceOf(ProgramException.class)
        .hasMessage("the module exports none of the entry points [fib]; it exports [add]");
  }

  @Test
  void bytesThatAreNoModuleAreReported() {
    assertThatThrownBy(() -> WasmEntries.of(new byte[] {1, 2, 3}, "x", List.of()))
        .isInstanceOf(ProgramException.class)
        .hasMessageStartingWith("malformed or invalid WebAssembly module: ");
  }
}
