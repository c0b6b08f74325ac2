package dev.wasmformer.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.wasmformer.c.CompileResult;
import dev.wasmformer.c.SourceFile;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.Program;
import dev.wasmformer.runtime.RunOptions;
import dev.wasmformer.runtime.RunResult;
import dev.wasmformer.runtime.TrapException;
import dev.wasmformer.runtime.ValueKind;
import dev.wasmformer.runtime.Wasmformer;
import dev.wasmformer.testing.Gcc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C exports with pointer parameters run on the transformer with Java byte arrays in and out,
 * and compute what the same C computes natively (gcc) and on Chicory.
 */
class ByteBuffersTest {
  private static final byte[] DATA = "Hello, wasmformer! \u00e9t\u00e9 zz~".getBytes(StandardCharsets.UTF_8);

  private static String source;
  private static CompileResult compiled;
  private static LoadedBundle bundle;

  @BeforeAll
  static void compile() throws IOException {
    source = resource("buffers.c");
    compiled = WasmformerCompiler.compileC(List.of(new SourceFile("buffers.c", source)), WasmformerCompiler.cOptions());
    WasmformerCompiler c = new WasmformerCompiler();
    for (String export : List.of("checksum", "upcase", "sort_ints", "reverse_into", "scribble", "scale")) {
      TokenProgram p = WasmformerCompiler.lower(compiled.wasm(), export, compiled.module().signatures().get(export));
      c.addC(p, compiled.module(), List.of(), "buffers.c");
    }
    bundle = Wasmformer.load(c.bundle());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ByteBuffersTest.class.getResourceAsStream("/buffers/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void pointerParametersAreBytesInTheBundle() {
    assertThat(bundle.program("checksum").paramKinds()).containsExactly(ValueKind.BYTES, ValueKind.I32);
    assertThat(bundle.program("checksum").signature()).isEqualTo("checksum(bytes, i32) -> i32");
    assertThat(bundle.program("reverse_into").paramKinds())
        .containsExactly(ValueKind.BYTES, ValueKind.I32, ValueKind.BYTES, ValueKind.I32);
    assertThat(bundle.program("scale").signature()).isEqualTo("scale(f32, i32) -> f32");
    assertThat(bundle.program("upcase").bufferCapacity()).isEqualTo(1024);
    assertThat(bundle.program("scale").bufferCapacity()).isZero();
  }

  @Test
  void theTransformerAgreesWithGccOnEveryExport(@TempDir Path work) throws Exception {
    assumeTrue(Gcc.available(), "gcc is not installed");
    Files.writeString(work.resolve("buffers.c"), source);
    Files.writeString(work.resolve("native-main.c"), resource("native-main.c"));
    Gcc.Run reference = Gcc.compileAndRun(work.resolve("native-main.c"), work, List.of("-O1", "-w"), List.of(), DATA);
    assertThat(reference.status()).isZero();

    assertThat(transformerTranscript()).isEqualTo(new String(reference.stdout(), StandardCharsets.ISO_8859_1));
  }

  /** What native-main.c prints, computed by calls on the transformer. */
  private static String transformerTranscript() {
    StringBuilder out = new StringBuilder();
    byte[] buf = DATA.clone();
    int n = buf.length;
    out.append("checksum ").append(Integer.toUnsignedString((int) bundle.program("checksum").call(buf, n))).append('\n');
    bundle.program("upcase").call(buf, n);
    out.append("upcase ").append(new String(buf, StandardCharsets.ISO_8859_1)).append('\n');
    int m = n / 4;
    byte[] ints = Arrays.copyOf(buf, 4 * m);
    int moves = (int) bundle.program("sort_ints").call(ints, m);
    out.append("sort ").append(moves);
    ByteBuffer sorted = ByteBuffer.wrap(ints).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < m; i++) out.append(' ').append(sorted.getInt());
    out.append('\n');
    byte[] dst = new byte[8];
    RunResult r = bundle.program("reverse_into").run(RunOptions.defaults().withArguments(buf, n, dst, dst.length));
    out.append(new String(r.output(), StandardCharsets.ISO_8859_1));
    out.append("\nreverse ").append(r.typedReturnValue().orElseThrow()).append(' ')
        .append(new String(dst, StandardCharsets.ISO_8859_1)).append('\n');
    return out.toString();
  }

  @Test
  void theTransformerAgreesWithChicory() {
    byte[] text = DATA.clone();
    byte[] expected = DATA.clone();
    Object chicoryResult = chicory("upcase", expected, expected.length);
    assertThat(bundle.program("upcase").call(text, text.length)).isNull();
    assertThat(chicoryResult).isNull();
    assertThat(text).isEqualTo(expected);

    byte[] ints = ByteBuffer.allocate(4 * 9).order(ByteOrder.LITTLE_ENDIAN)
        .putInt(9).putInt(-3).putInt(Integer.MIN_VALUE).putInt(7).putInt(7).putInt(0).putInt(Integer.MAX_VALUE)
        .putInt(-3).putInt(1).array();
    byte[] mine = ints.clone();
    assertThat(bundle.program("sort_ints").call(mine, 9)).isEqualTo(chicory("sort_ints", ints, 9));
    assertThat(mine).isEqualTo(ints);
    assertThat(bundle.program("checksum").call(DATA.clone(), DATA.length))
        .isEqualTo(chicory("checksum", DATA.clone(), DATA.length));
  }

  /** Runs an export on Chicory with each byte[] placed as the runtime places it, and copied back. */
  private static Object chicory(String export, Object... args) {
    HostFunction putchar = new HostFunction("env", "putchar",
        FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)), (instance, a) -> new long[] {a[0]});
    HostFunction getchar = new HostFunction("env", "getchar",
        FunctionType.of(List.of(), List.of(ValType.I32)), (instance, a) -> new long[] {-1});
    Instance instance = Instance.builder(Parser.parse(compiled.wasm()))
        .withImportValues(ImportValues.builder().addFunction(putchar, getchar).build())
        .withStart(false)
        .build();
    long[] words = new long[args.length];
    List<int[]> placed = new ArrayList<>();
    int used = 0;
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof byte[] bytes) {
        int offset = (used + Program.BUFFER_ALIGNMENT - 1) & -Program.BUFFER_ALIGNMENT;
        int address = compiled.module().argAreaAddress() + offset;
        instance.memory().write(address, bytes);
        placed.add(new int[] {i, address});
        words[i] = address;
        used = offset + bytes.length;
      } else {
        words[i] = ((Number) args[i]).longValue();
      }
    }
    long[] results = instance.export(export).apply(words);
    for (int[] p : placed) {
      byte[] bytes = (byte[]) args[p[0]];
      System.arraycopy(instance.memory().readBytes(p[1], bytes.length), 0, bytes, 0, bytes.length);
    }
    return results == null || results.length == 0 ? null : (Object) (int) results[0];
  }

  @Test
  void aBuffersCopyOutIsNotPartOfTheOutput() {
    byte[] src = "abcdef".getBytes(StandardCharsets.US_ASCII);
    byte[] dst = new byte[4];
    RunResult r = bundle.program("reverse_into").run(RunOptions.defaults().withArguments(src, src.length, dst, 4));

    assertThat(r.outputText()).isEqualTo(">");
    assertThat(new String(dst, StandardCharsets.US_ASCII)).isEqualTo("dcba");
    assertThat(r.buffers()).hasSize(2);
    assertThat(r.buffers().get(0)).isEqualTo(src);
    assertThat(r.buffers().get(1)).isEqualTo(dst);
    assertThat(r.typedReturnValue()).contains(4);
    assertThat(r.returnValue()).hasValue(4);
  }

  @Test
  void theAreaIsZeroedBetweenRunsAndAnEmptyArrayIsAllowed() {
    byte[] empty = new byte[0];
    byte[] dst = new byte[5];
    // dst lies where an earlier run's src was; it must read zeros, not that run's bytes
    bundle.program("reverse_into").call("xyzxyz".getBytes(StandardCharsets.US_ASCII), 6, new byte[3], 3);
    assertThat(bundle.program("reverse_into").call(empty, 0, dst, 5)).isEqualTo(0);
    assertThat(dst).containsOnly(0);
    assertThat(bundle.program("checksum").call(empty, 0)).isEqualTo((int) 2166136261L);
  }

  @Test
  void aTrapLeavesTheArraysUntouched() {
    byte[] s = "abc".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> bundle.program("scribble").call(s, 0))
        .isInstanceOf(TrapException.class).hasMessageContaining("integer divide by zero");
    assertThat(new String(s, StandardCharsets.US_ASCII)).isEqualTo("abc");
    assertThat(bundle.program("scribble").call(s, 4)).isEqualTo(25);
    assertThat(new String(s, StandardCharsets.US_ASCII)).isEqualTo("Xbc");
  }

  @Test
  void arraysLargerThanTheAreaAreRefusedNamingTheCapacity() {
    Program upcase = bundle.program("upcase");
    assertThatThrownBy(() -> upcase.call(new byte[1025], 1025))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity of 1024 bytes")
        .hasMessageContaining("-Dwasmformer.argumentAreaBytes");
    // each array starts at a 16-byte boundary: 1000 bytes, then 20 from offset 1008
    assertThatThrownBy(() -> bundle.program("reverse_into").call(new byte[1000], 1000, new byte[20], 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("take 1028 bytes");
    assertThat(upcase.call(new byte[1024], 1024)).isNull();
  }

  @Test
  void wrongArgumentsAreRefusedClearly() {
    Program upcase = bundle.program("upcase");
    assertThatThrownBy(() -> upcase.call(new byte[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("upcase(bytes, i32) -> () takes 2 arguments, got 1");
    assertThatThrownBy(() -> upcase.call(null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("argument 1 of upcase(bytes, i32) -> () is null")
        .hasMessageContaining("cannot be NULL");
    assertThatThrownBy(() -> upcase.call("abc", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a String; its parameter is bytes, which takes a byte[]");
    assertThatThrownBy(() -> upcase.run(1024, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter 1 of upcase(bytes, i32) -> () is a byte buffer");
    assertThatThrownBy(() -> bundle.program("scale").call(1.5, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("its parameter is f32, which takes a Float");
  }

  @Test
  void aSpecializedModelTakesByteBuffersAndGivesTheUniversalModelsTrace() throws Exception {
    TokenProgram p = WasmformerCompiler.lower(compiled.wasm(), "upcase", compiled.module().signatures().get("upcase"));
    LoadedBundle specialized = Wasmformer.load(
        WasmformerCompiler.specializing().addC(p, compiled.module(), List.of(), "buffers.c").bundle());
    byte[] mine = "Special k".getBytes(StandardCharsets.US_ASCII);
    byte[] universal = mine.clone();
    List<Integer> specializedTrace = new ArrayList<>();
    List<Integer> universalTrace = new ArrayList<>();
    specialized.program("upcase").run(RunOptions.defaults().withArguments(mine, 7)
        .withTraceListener(specializedTrace::add));
    bundle.program("upcase").run(RunOptions.defaults().withArguments(universal, 7)
        .withTraceListener(universalTrace::add));

    assertThat(new String(mine, StandardCharsets.US_ASCII)).isEqualTo("SPECIAL k");
    assertThat(mine).isEqualTo(universal);
    assertThat(specializedTrace).isEqualTo(universalTrace);
  }

  @Test
  void floatsAreGivenAndReturnedByValue() {
    Program scale = bundle.program("scale");
    assertThat(scale.call(1.5f, 3)).isEqualTo(4.5f);
    assertThat(scale.call(-0.0f, 2)).isEqualTo(-0.0f);
    // the raw words still work: the bits of 1.5f and 2, and the bits of 3.0f back
    assertThat(scale.run(Float.floatToRawIntBits(1.5f), 2).returnValue()).hasValue(Float.floatToRawIntBits(3.0f));
  }
}
