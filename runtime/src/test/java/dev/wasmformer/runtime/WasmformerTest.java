package dev.wasmformer.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmformer.runtime.format.BundleFiles;
import dev.wasmformer.runtime.format.BundleFormatException;
import dev.wasmformer.runtime.format.TestBundles;
import dev.wasmformer.runtime.format.TokenRole;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasmformerTest {
  @TempDir Path dir;

  @Test
  void aBundleLoadedFromAPathListsItsPrograms() throws IOException {
    Path file = dir.resolve("tiny.wfb");
    BundleFiles.write(TestBundles.tiny(), file);

    LoadedBundle bundle = Wasmformer.load(file);

    assertThat(bundle.programs()).extracting(Program::name).containsExactly("add", "echo", "negate");
    assertThat(bundle.bundle()).isEqualTo(TestBundles.tiny());
  }

  @Test
  void aBundleLoadedFromAStreamListsItsPrograms() throws IOException {
    Path file = dir.resolve("tiny.wfb");
    BundleFiles.write(TestBundles.tiny(), file);

    LoadedBundle bundle;
    try (InputStream in = Files.newInputStream(file)) {
      bundle = Wasmformer.load(in);
    }

    assertThat(bundle.program("add").signature()).isEqualTo("add(i32, i32) -> i32");
    assertThat(bundle.tokenText(TestBundles.TRAP_DIVIDE_BY_ZERO)).isEqualTo("integer divide by zero");
  }

  @Test
  void loadingRefusesACorruptFileNamingIt() throws IOException {
    Path file = dir.resolve("corrupt.wfb");
    Files.write(file, new byte[] {'W', 'F', 'B', 'U', 'N', 'D', 'L', 'E', 0x08});

    assertThatThrownBy(() -> Wasmformer.load(file))
        .isInstanceOf(BundleFormatException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("truncated");
  }

  @Test
  void aBundleIsFoundOnTheClasspathByName() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("META-INF/wasmformer"));
    BundleFiles.write(TestBundles.tiny(), folder.resolve("demo.wfb"));

    LoadedBundle bundle = withContextClassLoader(() -> Wasmformer.loadResource("demo"));

    assertThat(bundle.programs()).hasSize(3);
  }

  @Test
  void aMissingClasspathBundleIsReportedWithTheResourceItLookedFor() {
    assertThatThrownBy(() -> withContextClassLoader(() -> Wasmformer.loadResource("absent")))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("no wasmformer bundle \"absent\" on the classpath")
        .hasMessageContaining("META-INF/wasmformer/absent.wfb");
  }

  @Test
  void aCorruptClasspathBundleIsRefusedNamingTheResource() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("META-INF/wasmformer"));
    Files.writeString(folder.resolve("bad.wfb"), "not a bundle");

    assertThatThrownBy(() -> withContextClassLoader(() -> Wasmformer.loadResource("bad")))
        .isInstanceOf(BundleFormatException.class)
        .hasMessage("classpath resource META-INF/wasmformer/bad.wfb: not a wasmformer bundle:"
            + " the file does not start with \"WFBUNDLE\"");
  }

  @Test
  void programsOfOneBundleRunConcurrentlyEachWithItsOwnDecoder() throws Exception {
    int[] trace = {
      TestBundles.byteToken(TokenRole.OUTPUT_BYTE, 'z'), TestBundles.STEP, TestBundles.HALT
    };
    LoadedBundle bundle =
        new LoadedBundle(TestBundles.tiny(), attention -> new ScriptedStepper(3, trace));
    Program echo = bundle.program("echo");

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<RunResult>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) futures.add(pool.submit(() -> echo.run()));
      for (Future<RunResult> future : futures) {
        assertThat(future.get().outputText()).isEqualTo("z");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private <T> T withContextClassLoader(Callable<T> action) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      thread.setContextClassLoader(loader);
      return action.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
