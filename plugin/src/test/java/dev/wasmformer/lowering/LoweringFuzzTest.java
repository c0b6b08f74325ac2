package dev.wasmformer.lowering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.ReferenceInterpreter;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.isa.Trap;
import dev.wasmformer.testing.Mutator;
import dev.wasmformer.testing.TestPrograms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Damaged modules from the shared program table go through the lowering: each one is
 * lowered, or refused with a {@link LoweringException} (a {@link MalformedWasmException} for
 * bytes that are not a valid module) whose message gives the reason; never any other
 * exception, never a hang. A module that is still lowered must be a program the reference
 * interpreter runs to a result or a trap. {@code -Dwasmformer.fuzz.wasm=N} runs N inputs,
 * {@code -Dwasmformer.fuzz.seed=S} another seed; failing inputs are saved under
 * {@code target/fuzz/wasm}.
 */
class LoweringFuzzTest {
  static final int COUNT = Integer.getInteger("wasmformer.fuzz.wasm", 3000);
  static final long SEED = Long.getLong("wasmformer.fuzz.seed", 8L);
  static final long TIMEOUT_SECONDS = 20;

  private final ExecutorService lowering = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    lowering.shutdownNow();
  }

  @Test
  void damagedModulesAreLoweredOrRefusedWithAReason() throws Exception {
    List<TestPrograms.TestProgram> table = TestPrograms.all();
    Mutator mutator = new Mutator(SEED);
    List<String> failures = new ArrayList<>();
    int refused = 0;
    for (int i = 0; i < COUNT; i++) {
      TestPrograms.TestProgram p = table.get(mutator.random().nextInt(table.size()));
      byte[] wasm = mutator.mutateBytes(p.wasm());
      Future<String> run = lowering.submit(() -> check(wasm, p.entry()));
      String problem;
      try {
        problem = run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        run.cancel(true);
        problem = "no result after " + TIMEOUT_SECONDS + " s";
      } catch (ExecutionException e) {
        problem = "threw " + e.getCause();
      }
      if (problem == null) continue;
      if (problem.isEmpty()) {
        refused++;
      } else {
        failures.add(save(i, p.name(), wasm) + ": " + problem);
      }
    }
    assertThat(failures).as("seed %d, %d inputs", SEED, COUNT).isEmpty();
    assertThat(refused).as("refused inputs (the fuzzer must reach the checks)").isGreaterThan(COUNT / 4);
  }

  /** A module with one function () -> i32 whose body (locals and code) is {@code body}, exported as main = {@code export}. */
  private static byte[] module(int export, int... body) {
    int[] head = {
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
      0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,           // type 0: () -> i32
      0x03, 0x02, 0x01, 0x00,                             // function 0: type 0
      0x07, 0x08, 0x01, 0x04, 'm', 'a', 'i', 'n', 0x00, export,
      0x0a, body.length + 2, 0x01, body.length};
    byte[] bytes = new byte[head.length + body.length];
    for (int i = 0; i < head.length; i++) bytes[i] = (byte) head[i];
    for (int i = 0; i < body.length; i++) bytes[head.length + i] = (byte) body[i];
    return bytes;
  }

  @Test
  void theHandMadeModuleIsValid() {
    assertThat(WasmformerCompiler.lower(module(0, 0x00, 0x41, 0x01, 0x0b), null).instructions()).isNotEmpty();
  }

  @Test
  void anExportOfAFunctionThatDoesNotExistIsMalformed() {
    assertThatThrownBy(() -> WasmformerCompiler.lower(module(5, 0x00, 0x41, 0x01, 0x0b), null))
        .isInstanceOf(MalformedWasmException.class)
        .hasMessage("invalid WebAssembly module: export \"main\" is function 5, but the module has 1 functions");
  }

  @Test
  void aBodyWithoutItsFinalEndIsMalformed() {
    // i32.const 1, block, end: the end closes the block, none closes the function
    assertThatThrownBy(() -> WasmformerCompiler.lower(module(0, 0x00, 0x41, 0x01, 0x02, 0x40, 0x0b), null))
        .isInstanceOf(MalformedWasmException.class)
        .hasMessageStartingWith("malformed");
  }

  /** null when lowered and run, "" when refused with a reason, else the problem. */
  private static String check(byte[] wasm, String entry) {
    TokenProgram program;
    try {
      program = WasmformerCompiler.lower(wasm, entry);
    } catch (LoweringException e) {
      return e.getMessage() == null || e.getMessage().isBlank() ? "refused without a reason: " + e : "";
    }
    long[] zeros = new long[program.params().size()];
    try {
      new ReferenceInterpreter(program).run(zeros, new byte[0], 20_000);
    } catch (Trap trap) {
      // a trap, the instruction budget included, is an outcome
    }
    return null;
  }

  private static String save(int index, String name, byte[] wasm) {
    try {
      Path dir = Path.of("target", "fuzz", "wasm");
      Files.createDirectories(dir);
      Path file = dir.resolve(name + "-" + SEED + "-" + index + ".wasm");
      Files.write(file, wasm);
      return file.toString();
    } catch (IOException e) {
      return "input " + index + " (not saved: " + e + ")";
    }
  }
}
