package dev.wasmformer.c.lex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LiteralsTest {
  @Test
  void floatingConstantsAreRoundedCorrectlyToTheirType() {
    assertThat(Literals.floating("0.1").bits()).isEqualTo(Double.doubleToRawLongBits(0.1));
    assertThat(Literals.floating("0.1f").bits()).isEqualTo(Float.floatToRawIntBits(0.1f) & 0xFFFF_FFFFL);
    assertThat(Literals.floating("0.1F").suffix()).isEqualTo('f');
    assertThat(Literals.floating("1.5L").suffix()).isEqualTo('l');
    assertThat(Literals.floating(".5e-3").bits()).isEqualTo(Double.doubleToRawLongBits(0.5e-3));
    assertThat(Literals.floating("5.").bits()).isEqualTo(Double.doubleToRawLongBits(5.0));
    assertThat(Literals.floating("0x1p-1074").bits()).isEqualTo(1L);
    assertThat(Literals.floating("0X1.8P+1f").bits()).isEqualTo(Float.floatToRawIntBits(3f) & 0xFFFF_FFFFL);
    assertThat(Literals.floating("1e400").bits()).isEqualTo(Double.doubleToRawLongBits(Double.POSITIVE_INFINITY));
    // 1 + 2^-24 + 2^-60 lies just above a float halfway point: rounded directly, not via double.
    assertThat(Literals.floating("1.00000005960464477539062500000000000000000000000001f").bits())
        .isEqualTo(Float.floatToRawIntBits(1.0000001f) & 0xFFFF_FFFFL);
  }

  @Test
  void integerImaginaryConstantsLoseTheirSuffixBeforeOrAfterTheOthers() {
    assertThat(Literals.isImaginary("2i")).isTrue();
    assertThat(Literals.isImaginary("0x1f")).isFalse();
    assertThat(Literals.withoutImaginary("2lli")).isEqualTo("2ll");
    assertThat(Literals.withoutImaginary("3iu")).isEqualTo("3u");
    assertThat(Literals.withoutImaginary("0x1fJ")).isEqualTo("0x1f");
    assertThat(Literals.integer(Literals.withoutImaginary("4ULi")).unsignedSuffix()).isTrue();
  }

  @Test
  void malformedFloatingConstantsAreRefused() {
    for (String bad : new String[] {"1e", "1e+", "1.2.3", ".", "0x1.8", "1p3", "0xp1", "1d", "1e5e5"}) {
      assertThatThrownBy(() -> Literals.floating(bad)).as(bad).hasMessageContaining("invalid floating constant");
    }
  }

  @Test
  void stringsDecodeIntoTheCodeUnitsOfTheirEncoding() {
    String text = "\"\u00e9\\u20ac\\U0001F600\\xff\"";
    assertThat(Literals.stringUnits(text, Literals.Encoding.PLAIN))
        .containsExactly(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xff);
    assertThat(Literals.stringUnits(text, Literals.Encoding.UTF16)).containsExactly(0xe9, 0x20ac, 0xd83d, 0xde00, 0xff);
    assertThat(Literals.stringUnits(text, Literals.Encoding.WIDE)).containsExactly(0xe9, 0x20ac, 0x1f600, 0xff);
    assertThat(Literals.stringUnits("u\"\\x12345\\777\"", Literals.Encoding.UTF16)).containsExactly(0x2345, 0x1ff);
    assertThat(Literals.stringUnits("\"\\x141\"", Literals.Encoding.PLAIN)).containsExactly(0x41);
    assertThat(Literals.Encoding.of("u8\"x\"")).isEqualTo(Literals.Encoding.UTF8);
    assertThat(Literals.Encoding.of("L'x'")).isEqualTo(Literals.Encoding.WIDE);
    assertThat(Literals.Encoding.of("'x'")).isEqualTo(Literals.Encoding.PLAIN);
  }

  @Test
  void characterConstantsKeepGccsValues() {
    assertThat(Literals.characterConstant("'\\xff'").value()).isEqualTo(-1);
    assertThat(Literals.characterConstant("'ab'").value()).isEqualTo(0x6162);
    assertThat(Literals.characterConstant("'abcde'").tooLong()).isTrue();
    assertThat(Literals.characterConstant("L'ab'").value()).isEqualTo('b');
    assertThat(Literals.characterConstant("L'ab'").tooLong()).isTrue();
    assertThat(Literals.characterConstant("u'\\U0001F600'").value()).isEqualTo(0xde00);
    assertThat(Literals.characterConstant("U'\\U0001F600'").value()).isEqualTo(0x1f600);
    assertThat(Literals.characterConstant("U'\\U0001F600'").encoding()).isEqualTo(Literals.Encoding.UTF32);
  }

  @Test
  void badUniversalCharacterNamesAreRefused() {
    assertThatThrownBy(() -> Literals.string("\"\\u00\"")).hasMessage("incomplete universal character name \\u00");
    assertThatThrownBy(() -> Literals.string("\"\\u0060\\u0041\"")).hasMessage("\\u0041 is not a valid universal character");
    assertThatThrownBy(() -> Literals.string("\"\\uDFFF\"")).hasMessage("\\uDFFF is not a valid universal character");
    assertThatThrownBy(() -> Literals.string("\"\\U00110000\"")).hasMessage("\\U00110000 is outside the UCS codespace");
  }
}
