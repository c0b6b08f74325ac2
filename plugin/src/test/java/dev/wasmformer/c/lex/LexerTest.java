package dev.wasmformer.c.lex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.c.Diagnostics;
import dev.wasmformer.c.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {
  private static List<Token> lex(String text) {
    return Lexer.tokenize(new SourceFile("t.c", text), new Diagnostics());
  }

  @Test
  void everyTokenKnowsItsLineAndColumn() {
    List<Token> t = lex("int x;\n  x += 0x1F;");
    assertThat(t).extracting(Token::text).containsExactly("int", "x", ";", "x", "+=", "0x1F", ";", "");
    assertThat(t.get(3).pos().line()).isEqualTo(2);
    assertThat(t.get(3).pos().column()).isEqualTo(3);
    assertThat(t.get(4).pos().column()).isEqualTo(5);
    assertThat(t.get(3).atLineStart()).isTrue();
    assertThat(t.get(4).spaceBefore()).isTrue();
  }

  @Test
  void punctuatorsAreMatchedLongestFirst() {
    assertThat(lex("a<<=b>>c...d->e")).extracting(Token::text)
        .containsExactly("a", "<<=", "b", ">>", "c", "...", "d", "->", "e", "");
  }

  @Test
  void commentsAndLineSplicesProduceNoTokensButKeepLinesRight() {
    List<Token> t = lex("a /* one\ntwo */ b // rest\nlong_\\\nname c");
    assertThat(t).extracting(Token::text).containsExactly("a", "b", "long_name", "c", "");
    assertThat(t.get(1).pos().line()).isEqualTo(2);
    assertThat(t.get(2).pos().line()).isEqualTo(3);
    assertThat(t.get(3).pos().line()).isEqualTo(4);
  }

  @Test
  void literalsKeepTheirPrefixesAndQuotes() {
    List<Token> t = lex("'a' L'b' \"s\\\"q\" u8\"x\" 1.5e+3 .5");
    assertThat(t).extracting(Token::kind).containsExactly(TokenKind.CHAR, TokenKind.CHAR, TokenKind.STRING,
        TokenKind.STRING, TokenKind.NUMBER, TokenKind.NUMBER, TokenKind.EOF);
    assertThat(t.get(2).text()).isEqualTo("\"s\\\"q\"");
    assertThat(t.get(4).text()).isEqualTo("1.5e+3");
  }

  @Test
  void literalValuesAreDecoded() {
    assertThat(Literals.character("'\\n'")).isEqualTo(10);
    assertThat(Literals.character("'\\xff'")).isEqualTo(-1);
    assertThat(Literals.character("'ab'")).isEqualTo(0x6162);
    assertThat(Literals.string("\"a\\tb\\101\\x42\"")).containsExactly('a', '\t', 'b', 'A', 'B');
    assertThat(Literals.integer("0x7fffffffu").unsignedSuffix()).isTrue();
    assertThat(Literals.integer("017").value()).isEqualTo(15);
    assertThat(Literals.integer("18446744073709551615ULL").value()).isEqualTo(-1L);
    assertThat(Literals.integer("10LL").longCount()).isEqualTo(2);
  }
}
