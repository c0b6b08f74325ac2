package dev.wasmformer.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmformer.c.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link WasmformerCompiler#functions}: what trace names instructions by, without compiling twice. */
class ProgramFunctionsTest {
  private static final List<SourceFile> SOURCES = List.of(new SourceFile("two.c", """
      __attribute__((noinline)) int twice(int v) { return v + v; }
      int main(void) { return twice(21); }
      """));

  @Test
  void anAddedProgramsFunctionsAreThoseItsLoweringFound() {
    WasmformerCompiler compiler = new WasmformerCompiler().prefixStates(false);
    compiler.addC("two", SOURCES, WasmformerCompiler.cOptions(), List.of(), null);

    var lowered = WasmformerCompiler.lower(WasmformerCompiler.compileC(SOURCES, WasmformerCompiler.cOptions()).wasm(), "_start");
    assertThat(compiler.functions("two")).isEqualTo(lowered.functions())
        .anySatisfy(f -> assertThat(f.name()).isEqualTo("twice"));
  }

  @Test
  void aNameNoProgramHasIsRefused() {
    WasmformerCompiler compiler = new WasmformerCompiler().prefixStates(false);

    assertThatThrownBy(() -> compiler.functions("two")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no program is named two");
  }
}
