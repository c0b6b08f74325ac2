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
