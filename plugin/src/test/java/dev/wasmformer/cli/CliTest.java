package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.runtime.format.BundleFiles;
import dev.wasmformer.runtime.format.TestBundles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void helpListsTheSubcommands() {
    int status = run("--help");

    assertThat(status).isZero();
    assertThat(out.toString()).startsWith("Usage: wasmformer").contains("inspect");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void versionIsTheMavenProjectVersion() {
    int status = run("--version");

    assertThat(status).isZero();
    assertThat(out.toString().strip())
        .isEqualTo("wasmformer " + System.getProperty("wasmformer.expectedVersion")
            + " (bundle format " + dev.wasmformer.runtime.format.BundleFiles.FORMAT_VERSION + ")");
  }

  @Test
  void inspectDescribesModelLayersVocabularyProgramsAndMetadata() throws IOException {
    Path bundle = dir.resolve("tiny.wfb");
    BundleFiles.write(TestBundles.tiny(), bundle);

    int status = run("inspect", bundle.toString());

    assertThat(status).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString())
        .contains("architecture  hard-attention-reglu-v1")
        .contains("model         d_model 6, 2 layers, 3 heads, ffn_width 3, vocab_size 1545")
        .contains("positions     slot_one 0, slot_position 1, slot_position_squared 2")
        // 2 x 1545x6 (embedding, unembedding); heads 48 + 36 + 60; FFNs 54 + 36.
        .contains("parameters    18774 (")
        .contains("  0   heads pc (LATEST, d_value 2), depth (AVERAGE, d_value 1); ffn width 3")
        .contains("  1   heads memory (LATEST, d_value 3); ffn width 2")
        .contains("vocabulary    1545 tokens: PROGRAM_OPCODE 3, PROGRAM_BYTE 256, INPUT_BYTE 256,")
        .contains("  add(i32, i32) -> i32  entry add, 3 instructions, prompt 14 + input + 2 tokens,"
            + " source add.c")
        .contains("  echo() -> ()  entry main")
        .contains("  negate(i64) -> i64  entry negate")
        .contains("  compiler_version  test-compiler 0.0")
        .contains("  setting           optimize = none")
        .contains("  statistic         nonzeros = 1234");
  }

  @Test
  void inspectOfAMissingFileFailsWithOneLine() {
    Path missing = dir.resolve("missing.wfb");

    int status = run("inspect", missing.toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("wasmformer: error: no such file: " + missing + "\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void inspectOfACorruptFileSaysWhyInOneLine() throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "just some text");

    int status = run("inspect", file.toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("wasmformer: error: " + file + ": not a wasmformer bundle: the file does not"
            + " start with \"WFBUNDLE\"\n");
  }

  @Test
  void runOfAWasmFileThatIsNoModuleNamesTheFileAndWhy() throws IOException {
    Path text = dir.resolve("hello.wasm");
    Files.writeString(text, "(module)\n");
    Path future = dir.resolve("future.wasm");
    Files.write(future, new byte[] {0, 'a', 's', 'm', 13, 0, 1, 0});

    assertThat(run("run", text.toString())).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("wasmformer: error: " + text + ": malformed or invalid WebAssembly module: "
        + "it does not start with \\0asm, the magic number of a binary module (the text format is not read)\n");
    err.getBuffer().setLength(0);
    assertThat(run("compile", future.toString(), "-o", dir.resolve("f.wfb").toString())).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("wasmformer: error: " + future + ": malformed or invalid WebAssembly module: "
        + "binary version 65549 (version 1 is read; a component or a newer format is not)\n");
  }

  @Test
  void aCFileWithoutMainSaysWhichFileInTheCompilersFormat() throws IOException {
    Path empty = dir.resolve("empty.c");
    Files.writeString(empty, "");

    assertThat(run("run", empty.toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith(empty + ": error: no entry point: define 'main'");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    int status = run("inspect", "--frobnicate", "x.wfb");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("wasmformer: error: Unknown option: '--frobnicate' (see 'wasmformer --help')\n");
  }

  @Test
  void aMissingBundleArgumentIsAUsageError() {
    int status = run("inspect");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).startsWith("wasmformer: error: Missing required parameter")
        .hasLineCount(1);
  }

  @Test
  void noSubcommandIsAUsageError() {
    int status = run();

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("wasmformer: error: missing subcommand (see 'wasmformer --help')\n");
  }

  private int run(String... args) {
    return Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }
}
