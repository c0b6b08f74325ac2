package dev.wasmformer.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Command-line text becomes the Java values typed calls take; typed options keep the arrays themselves. */
class ValueKindTest {
  @Test
  void integersParseInDecimalAndHexAsLongs() {
    assertThat(ValueKind.I32.parse(" -7 ")).isEqualTo(-7L);
    assertThat(ValueKind.I32.parse("0xffffffff")).isEqualTo(0xFFFF_FFFFL);
    assertThat(ValueKind.I64.parse("-0x8000000000000000")).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void floatsAndDoublesParseByValue() {
    assertThat(ValueKind.F32.parse("1.5")).isEqualTo(1.5f);
    assertThat(Float.floatToRawIntBits((Float) ValueKind.F32.parse("-0.0"))).isEqualTo(0x8000_0000);
    assertThat(ValueKind.F64.parse("0x1.8p1")).isEqualTo(3.0);
    assertThat((Double) ValueKind.F64.parse("NaN")).isNaN();
  }

  @Test
  void aBufferIsTheTextsUtf8Bytes() {
    assertThat((byte[]) ValueKind.BYTES.parse("h\u00e9")).isEqualTo("h\u00e9".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void textThatIsNoNumberIsRefused() {
    assertThatThrownBy(() -> ValueKind.I32.parse("two")).hasMessage("argument is not an integer: two");
    assertThatThrownBy(() -> ValueKind.F64.parse("1.5.2")).hasMessage("argument is not a number: 1.5.2");
  }

  @Test
  void theKindsSayHowTheyAreCarried() {
    assertThat(ValueKind.F32.wasm()).isEqualTo(NumberType.I32);
    assertThat(ValueKind.F64.wasm()).isEqualTo(NumberType.I64);
    assertThat(ValueKind.BYTES.wasm()).isEqualTo(NumberType.I32);
    assertThat(ValueKind.BYTES.promptBytes()).isEqualTo(8);
    assertThat(ValueKind.F32).hasToString("f32");
  }

  @Test
  void typedOptionsHoldTheArraysByReferenceAndReplaceRawWords() {
    byte[] buffer = {1, 2, 3};
    RunOptions options = RunOptions.defaults().withArgs(5, 6).withArguments(buffer, 3);

    assertThat(options.args()).isEmpty();
    assertThat(options.arguments()).hasValueSatisfying(a -> assertThat(a.get(0)).isSameAs(buffer));
    assertThat(options.withArgs(7).arguments()).isEmpty();
    assertThat(options.toString()).startsWith("RunOptions[args=[byte[3], 3]");
  }
}
