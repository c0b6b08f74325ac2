package dev.wasmformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.testing.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {
  @TempDir Path dir;

  private final CliRunner cli = new CliRunner();

  private static final String DOUBLE_AND_PRINT = """
      (module
        (import "env" "putchar" (func $putchar (param i32) (result i32)))
        (memory 1)
        (func $twice (export "twice") (param $v i32) (result i32) (i32.add (local.get $v) (local.get $v)))
        (func (export "main") (param $n i32) (result i32)
          (i32.store offset=8 (i32.const 0) (i32.const 0x21))
          (drop (call $putchar (i32.load offset=8 (i32.const 0))))
          (call $twice (local.get $n))))
      """;

  private Path wasm() throws IOException {
    Path file = dir.resolve("double.wasm");
    Files.write(file, Wat.assemble(DOUBLE_AND_PRINT));
    return file;
  }

  @Test
  void traceShowsOneLinePerInstructionWithFunctionsStoresOutputCallsAndTheResult() throws IOException {
    int status = cli.run("trace", wasm().toString(), "--", "21");

    assertThat(status).as(cli.err.toString()).isEqualTo(42);
    List<String> lines = cli.out.toString().lines().toList();
    assertThat(lines.get(0)).startsWith("    step    pc  function").endsWith("effects");
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(" main ").contains("STORE32").endsWith("mem[[x]+8] = 21 00 00 00"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(" main ").contains("PUTCHAR").endsWith("out '!'"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(" twice ").contains("ADD").endsWith("= 42"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(" (entry stub) ").contains("CALL").contains("call "));
    assertThat(lines.get(lines.size() - 1)).contains("HALT_I32").endsWith("halt 42");
    for (int i = 1; i < lines.size(); i++) assertThat(lines.get(i)).startsWith(String.format("%8d ", i));
    assertThat(cli.err.toString()).matches("wasmformer: " + (lines.size() - 1) + " instructions, \\d+ tokens, [0-9.]+ s\n");
  }

  @Test
  void limitStopsTheTraceAfterThatManyInstructions() throws IOException {
    int status = cli.run("trace", "--limit", "3", wasm().toString(), "--", "21");

    assertThat(status).as(cli.err.toString()).isZero();
    assertThat(cli.out.toString().lines()).hasSize(4).last().asString().startsWith("       3 ");
    assertThat(cli.err.toString()).isEqualTo("wasmformer: stopped after 3 instructions (--limit)\n");
  }

  @Test
  void aBundlesFunctionsAreNamedByTheirFirstInstructionAndTheEntry() throws IOException {
    Path bundle = dir.resolve("double.wfb");
    assertThat(cli.run("compile", wasm().toString(), "-o", bundle.toString())).isZero();

    int status = cli.run("trace", bundle.toString(), "--", "4");

    assertThat(status).as(cli.err.toString()).isEqualTo(8);
    assertThat(cli.out.toString()).contains(" main ").containsPattern(" func@\\d+ +ADD").contains("halt 8");
  }

  @Test
  void aCProgramTracesItsOutputAndItsTrap() throws IOException {
    Path c = dir.resolve("oops.c");
    Files.writeString(c, """
        #include <stdio.h>
        int main(void) {
          putchar('k');
          volatile int *far = (int *) 0x7ffffff0;
          return *far;
        }
        """);

    int status = cli.run("trace", c.toString());

    assertThat(status).as(cli.err.toString()).isEqualTo(RunCommand.TRAP);
    List<String> lines = cli.out.toString().lines().toList();
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(" main ").endsWith("out 'k'"));
    assertThat(lines.get(lines.size() - 1)).contains(" main ").contains("LOAD32")
        .endsWith("trap: out of bounds memory access");
    assertThat(cli.err.toString()).startsWith("wasmformer: trap: out of bounds memory access at instruction ")
        .contains(" (in function main)\n");
  }

  @Test
  void helpDescribesTheTraceFormat() {
    int status = cli.run("trace", "--help");

    assertThat(status).as(cli.err.toString()).isZero();
    assertThat(cli.out.toString()).startsWith("Usage: wasmformer trace").contains("--limit=N").contains("prints its trace");
  }
}
