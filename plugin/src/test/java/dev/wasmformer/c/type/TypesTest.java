package dev.wasmformer.c.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypesTest {
  @Test
  void integerPromotionsWidenEverythingNarrowerThanInt() {
    assertThat(Types.promote(IntType.CHAR)).isEqualTo(IntType.INT);
    assertThat(Types.promote(IntType.USHORT)).isEqualTo(IntType.INT);
    assertThat(Types.promote(IntType.BOOL)).isEqualTo(IntType.INT);
    assertThat(Types.promote(IntType.UINT)).isEqualTo(IntType.UINT);
  }

  @Test
  void usualArithmeticConversionsFollowTheIlp32Sizes() {
    assertThat(Types.usualArithmetic(IntType.INT, IntType.UINT)).isEqualTo(IntType.UINT);
    // long cannot hold every unsigned int on ILP32, so both become unsigned long.
    assertThat(Types.usualArithmetic(IntType.LONG, IntType.UINT)).isEqualTo(IntType.ULONG);
    assertThat(Types.usualArithmetic(IntType.LLONG, IntType.UINT)).isEqualTo(IntType.LLONG);
    assertThat(Types.usualArithmetic(IntType.LLONG, IntType.ULLONG)).isEqualTo(IntType.ULLONG);
    assertThat(Types.usualArithmetic(IntType.CHAR, IntType.SHORT)).isEqualTo(IntType.INT);
  }

  @Test
  void longDoubleRanksAboveDoubleAndIsADistinctTypeOfTheSameSize() {
    assertThat(Types.usualArithmetic(FloatType.LDOUBLE, FloatType.DOUBLE)).isEqualTo(FloatType.LDOUBLE);
    assertThat(Types.usualArithmetic(FloatType.FLOAT, FloatType.LDOUBLE)).isEqualTo(FloatType.LDOUBLE);
    assertThat(Types.usualArithmetic(IntType.ULLONG, FloatType.LDOUBLE)).isEqualTo(FloatType.LDOUBLE);
    assertThat(Types.compatible(FloatType.LDOUBLE, FloatType.DOUBLE)).isFalse();
    assertThat(Types.compatible(new PointerType(FloatType.LDOUBLE), new PointerType(FloatType.DOUBLE))).isFalse();
    assertThat(FloatType.LDOUBLE.size()).isEqualTo(8);
    assertThat(FloatType.LDOUBLE.align()).isEqualTo(8);
  }

  @Test
  void structLayoutAlignsMembersAndPadsTheEnd() {
    StructType s = new StructType("s", false);
    s.complete(List.of("c", "ll", "h"), List.of(IntType.CHAR, IntType.LLONG, IntType.SHORT));
    assertThat(s.members()).extracting(StructType.Member::offset).containsExactly(0, 8, 16);
    assertThat(s.size()).isEqualTo(24);
    assertThat(s.align()).isEqualTo(8);
    StructType u = new StructType("u", true);
    u.complete(List.of("i", "bytes"), List.of(IntType.INT, new ArrayType(IntType.CHAR, 5)));
    assertThat(u.size()).isEqualTo(8);
  }

  @Test
  void typesAreSpelledLikeDeclarations() {
    Type fp = new PointerType(new FunctionType(IntType.INT, List.of(IntType.CHAR), true, true));
    assertThat(fp.spell()).isEqualTo("int (*)(char, ...)");
    assertThat(new PointerType(new ArrayType(IntType.INT, 3)).spell()).isEqualTo("int (*)[3]");
    assertThat(new ArrayType(new PointerType(IntType.CHAR), 2).spell()).isEqualTo("char *[2]");
  }

  @Test
  void conversionsWrapModuloTheWidth() {
    assertThat(IntType.CHAR.wrap(200)).isEqualTo(-56);
    assertThat(IntType.USHORT.wrap(-1)).isEqualTo(65535);
    assertThat(IntType.UINT.wrap(-1)).isEqualTo(4294967295L);
    assertThat(IntType.BOOL.wrap(42)).isEqualTo(1);
  }
}
