package dev.wasmformer.lowering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmformer.c.CompileResult;
import dev.wasmformer.c.SourceFile;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.Instruction;
import dev.wasmformer.isa.Opcode;
import dev.wasmformer.isa.ReferenceInterpreter;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.isa.TokenProgram.ValueKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A C export's pointer parameters become byte buffers: the stub keeps each buffer's address and
 * length, and after the call writes the buffer's bytes to the output, in parameter order.
 */
class BufferStubTest {
  private static final String SOURCE = """
      __attribute__((export_name("upcase"))) void upcase(char *s, int n) {
        for (int i = 0; i < n; i++) if (s[i] >= 'a' && s[i] <= 'z') s[i] -= 32;
      }
      __attribute__((export_name("sum_into"))) int sum_into(const int *xs, int n, long long *total) {
        long long t = 0;
        for (int i = 0; i < n; i++) t += xs[i];
        *total = t;
        return n;
      }
      __attribute__((export_name("scale"))) float scale(float x, int k) { return x * k; }
      """;

  private static final CompileResult C = WasmformerCompiler.compileC(
      List.of(new SourceFile("buffers.c", SOURCE)), WasmformerCompiler.cOptions());

  private static TokenProgram lower(String export) {
    return WasmformerCompiler.lower(C.wasm(), export, C.module().signatures().get(export));
  }

  /** The program with {@code buffers} placed one after another (16-aligned) in the argument area. */
  private static ReferenceInterpreter.Result run(TokenProgram p, Object... args) {
    byte[] memory = p.memory();
    long[] words = new long[args.length];
    int at = C.module().argAreaAddress();
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof byte[] bytes) {
        if (memory.length < at + bytes.length) memory = Arrays.copyOf(memory, at + bytes.length);
        System.arraycopy(bytes, 0, memory, at, bytes.length);
        words[i] = at | (long) bytes.length << 32;
        at = (at + bytes.length + 15) & -16;
      } else {
        words[i] = ((Number) args[i]).longValue();
      }
    }
    TokenProgram placed = new TokenProgram(p.name(), p.entry(), p.params(), p.results(), p.instructions(), memory,
        p.memoryBytes(), p.globals(), p.paramInstructions(), p.functions());
    return new ReferenceInterpreter(placed).run(words, new byte[0]);
  }

  @Test
  void theCompilerReservesTheArgumentAreaForAnExportTakingAPointer() {
    assertThat(C.module().argAreaAddress()).isEqualTo(1024);
    assertThat(C.module().argAreaBytes()).isEqualTo(1024);
  }

  @Test
  void pointerParametersAreBuffersAndFloatsAreF32() {
    assertThat(lower("upcase").params()).containsExactly(ValueKind.BYTES, ValueKind.I32);
    assertThat(lower("upcase").results()).isEmpty();
    assertThat(lower("sum_into").params()).containsExactly(ValueKind.BYTES, ValueKind.I32, ValueKind.BYTES);
    assertThat(lower("scale").params()).containsExactly(ValueKind.F32, ValueKind.I32);
    assertThat(lower("scale").results()).containsExactly(ValueKind.F32);
  }

  @Test
  void aBuffersAddressAndLengthAreTwoConsecutiveConstsKeptInTwoGlobalsOfTheStub() {
    TokenProgram p = lower("upcase");
    TokenProgram plain = Lowering.lower(C.wasm(), "upcase");
    int at = p.paramInstructions().get(0);
    List<Instruction> code = p.instructions();

    assertThat(code.get(at).op()).isEqualTo(Opcode.CONST);
    assertThat(code.get(at + 1).op()).isEqualTo(Opcode.CONST);
    assertThat(code.get(at).z()).as("the address goes to the argument slot").isEqualTo(1);
    assertThat(p.globals()).isEqualTo(plain.globals() + 2);
    assertThat(code.subList(at + 2, at + 4)).containsExactly(
        new Instruction(Opcode.GLOBAL_SET, 1, 0, 0, plain.globals()),
        new Instruction(Opcode.GLOBAL_SET, code.get(at + 1).z(), 0, 0, plain.globals() + 1));
    assertThat(code).filteredOn(in -> in.op() == Opcode.PUTCHAR).hasSize(1);
  }

  @Test
  void theStubWritesTheBufferAfterTheCallAndHaltsWithTheResult() {
    byte[] text = "Hello, world!".getBytes(StandardCharsets.US_ASCII);
    ReferenceInterpreter.Result r = run(lower("upcase"), text, text.length);

    assertThat(new String(r.output(), StandardCharsets.US_ASCII)).isEqualTo("HELLO, WORLD!");
    assertThat(r.value()).isEmpty();
  }

  @Test
  void twoBuffersAreWrittenInParameterOrderAfterTheProgramsOutput() {
    int[] xs = {5, -7, 1 << 30, 1 << 30, 12};
    java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(4 * xs.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int x : xs) in.putInt(x);
    ReferenceInterpreter.Result r = run(lower("sum_into"), in.array(), xs.length, new byte[8]);

    byte[] out = r.output();
    assertThat(out).hasSize(4 * xs.length + 8);
    assertThat(Arrays.copyOf(out, 4 * xs.length)).as("the first buffer, unchanged").isEqualTo(in.array());
    long total = java.nio.ByteBuffer.wrap(out, 4 * xs.length, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(total).isEqualTo(Arrays.stream(xs).asLongStream().sum());
    assertThat(r.value()).hasValue(xs.length);
  }

  @Test
  void anEmptyBufferWritesNothing() {
    ReferenceInterpreter.Result r = run(lower("upcase"), new byte[0], 0);
    assertThat(r.output()).isEmpty();
  }

  @Test
  void aStubWithoutBuffersIsUnchanged() {
    TokenProgram typed = lower("scale");
    TokenProgram plain = Lowering.lower(C.wasm(), "scale");
    assertThat(typed.instructions()).isEqualTo(plain.instructions());
    assertThat(typed.globals()).isEqualTo(plain.globals());
  }

  @Test
  void aParameterThatIsNoI32AddressCannotBeABuffer() {
    assertThatThrownBy(() -> Lowering.lower(C.wasm(), "sum_into", dev.wasmformer.interpreter.InterpreterGraph.SUPPORTED,
        List.of("p"), Set.of(5)))
        .isInstanceOf(UnsupportedWasmException.class)
        .hasMessageContaining("parameter 5 of sum_into cannot be a byte buffer");
  }
}
