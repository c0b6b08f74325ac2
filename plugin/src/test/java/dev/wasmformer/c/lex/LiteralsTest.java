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
  void malformedFloatingConstantsAreRefused() {
    for (String bad : new String[] {"1e", "1e+", "1.2.3", ".", "0x1.8", "1p3", "0xp1", "1d", "1e5e5"}) {
      assertThatThrownBy(() -> Literals.floating(bad)).as(bad).hasMessageContaining("invalid floating constant");
    }
  }
}
