package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wabt.Wat2Wasm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The integration tests' sample projects cannot assemble WebAssembly text, so each {@code
 * .wasm} there is checked in beside its {@code .wat}; this test keeps the two equal, and
 * with {@code -Dwasmformer.regenerateFixtures=true} rewrites the {@code .wasm} files.
 */
class ItFixturesTest {
  private static final Path SAMPLES = Path.of("../it/src/it");

  @Test
  void everyCheckedInModuleIsItsTextAssembled() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      sources = files.filter(f -> f.toString().endsWith(".wat")).sorted().toList();
    }
    assertThat(sources).isNotEmpty();
    boolean regenerate = Boolean.getBoolean("wasmformer.regenerateFixtures");
    for (Path wat : sources) {
      byte[] assembled = Wat2Wasm.parse(wat.toFile());
      Path wasm = wat.resolveSibling(wat.getFileName().toString().replaceAll("\\.wat$", ".wasm"));
      if (regenerate) Files.write(wasm, assembled);
      assertThat(wasm).as("%s (regenerate with -Dwasmformer.regenerateFixtures=true)", wasm).exists();
      assertThat(Files.readAllBytes(wasm)).as("%s is %s assembled", wasm, wat).isEqualTo(assembled);
    }
  }
}
