package dev.wasmformer.c.lex;

import java.util.Set;

/**
 * A preprocessing token. {@code atLineStart} and {@code spaceBefore} keep the layout facts
 * the preprocessor needs; {@code hideset} holds the macros that must not expand it again.
 */
public record Token(
    TokenKind kind, String text, SourcePos pos, boolean atLineStart, boolean spaceBefore,
    Set<String> hideset) {

  public Token(TokenKind kind, String text, SourcePos pos, boolean atLineStart, boolean spaceBefore) {
    this(kind, text, pos, atLineStart, spaceBefore, Set.of());
  }

  public boolean is(String s) {
    return (kind == TokenKind.PUNCT || kind == TokenKind.IDENT) && text.equals(s);
  }

  public boolean isIdent() {
    return kind == TokenKind.IDENT;
  }

  public boolean isEof() {
    return kind == TokenKind.EOF;
  }

  public Token withPos(SourcePos p) {
    return new Token(kind, text, p, atLineStart, spaceBefore, hideset);
  }

  public Token withLayout(boolean lineStart, boolean space) {
    return new Token(kind, text, pos, lineStart, space, hideset);
  }

  public Token withHideset(Set<String> h) {
    return new Token(kind, text, pos, atLineStart, spaceBefore, h);
  }

  @Override
  public String toString() {
    return text;
  }
}
