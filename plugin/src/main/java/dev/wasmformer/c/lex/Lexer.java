package dev.wasmformer.c.lex;

import dev.wasmformer.c.Diagnostics;
import dev.wasmformer.c.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Splits a source file into preprocessing tokens (translation phases 1 to 3). */
public final class Lexer {
  private static final String[] PUNCTUATORS = {
    "<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##",
    "[", "]", "(", ")", "{", "}", ".", "&", "*", "+", "-", "~", "!", "/", "%", "<", ">",
    "^", "|", "?", ":", ";", "=", ",", "#"
  };

  private final SourceFile file;
  private final String src;
  private final Diagnostics diagnostics;
  private int i;
  private int line = 1;
  private int lineStart;
  private boolean atLineStart = true;
  private boolean spaceBefore;

  private Lexer(SourceFile file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
    this.src = file.text();
  }

  /** Tokenizes a whole file; the list ends with an EOF token. */
  public static List<Token> tokenize(SourceFile file, Diagnostics diagnostics) {
    return new Lexer(file, diagnostics).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (i >= src.length()) {
        tokens.add(new Token(TokenKind.EOF, "", pos(i), true, spaceBefore));
        return tokens;
      }
      Token t = next();
      if (t != null) {
        tokens.add(t);
        atLineStart = false;
        spaceBefore = false;
      }
    }
  }

  private char at(int k) {
    // A backslash-newline is invisible to everything after phase 2.
    int j = skipSplices(k);
    return j < src.length() ? src.charAt(j) : '\0';
  }

  private int skipSplices(int k) {
    while (k + 1 < src.length() && src.charAt(k) == '\\'
        && (src.charAt(k + 1) == '\n' || (src.charAt(k + 1) == '\r' && k + 2 < src.length() && src.charAt(k + 2) == '\n'))) {
      k += src.charAt(k + 1) == '\r' ? 3 : 2;
    }
    return k;
  }

  /** Advances one logical character, keeping line and column bookkeeping across splices. */
  private char advance() {
    int j = skipSplices(i);
    if (j != i) {
      for (int k = i; k < j; k++) {
        if (src.charAt(k) == '\n') newLine(k + 1);
      }
    }
    char c = j < src.length() ? src.charAt(j) : '\0';
    i = j + 1;
    if (c == '\n') newLine(i);
    return c;
  }

  private void newLine(int next) {
    line++;
    lineStart = next;
  }

  private SourcePos pos(int offset) {
    return new SourcePos(file, line, offset - lineStart + 1);
  }

  private void skipSpaceAndComments() {
    while (true) {
      if (skipSplices(i) >= src.length()) {
        i = src.length();
        return;
      }
      char c = at(i);
      if (c == '\n') {
        advance();
        atLineStart = true;
        spaceBefore = false;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
        advance();
        spaceBefore = true;
      } else if (c == '/' && at(i + 1) == '/') {
        while (i < src.length() && at(i) != '\n') advance();
        spaceBefore = true;
      } else if (c == '/' && at(i + 1) == '*') {
        SourcePos start = pos(i);
        advance();
        advance();
        while (true) {
          if (i >= src.length()) {
            diagnostics.error(start, "unterminated comment");
            break;
          }
          if (at(i) == '*' && at(i + 1) == '/') {
            advance();
            advance();
            break;
          }
          advance();
        }
        spaceBefore = true;
      } else {
        return;
      }
    }
  }

  private Token next() {
    int start = i;
    SourcePos p = pos(start);
    char c = at(i);
    StringBuilder text = new StringBuilder();

    if (Character.isDigit(c) || (c == '.' && Character.isDigit(at(i + 1)))) {
      text.append(advance());
      while (true) {
        char d = at(i);
        if ((d == '+' || d == '-') && "eEpP".indexOf(text.charAt(text.length() - 1)) >= 0) {
          text.append(advance());
        } else if (Character.isLetterOrDigit(d) || d == '_' || d == '.') {
          text.append(advance());
        } else {
          break;
        }
      }
      return token(TokenKind.NUMBER, text, p);
    }

    // Encoding prefixes of string and character literals.
    if (c == 'L' || c == 'u' || c == 'U') {
      int prefixLength = (c == 'u' && at(i + 1) == '8') ? 2 : 1;
      char quote = at(i + prefixLength);
      if (quote == '"' || (quote == '\'' && prefixLength == 1)) {
        for (int k = 0; k < prefixLength; k++) text.append(advance());
        return quoted(text, p, quote);
      }
    }
    if (c == '"' || c == '\'') {
      return quoted(text, p, c);
    }

    if (Character.isLetter(c) || c == '_' || c == '$') {
      while (Character.isLetterOrDigit(at(i)) || at(i) == '_' || at(i) == '$') text.append(advance());
      return token(TokenKind.IDENT, text, p);
    }

    for (String punct : PUNCTUATORS) {
      if (matches(punct)) {
        for (int k = 0; k < punct.length(); k++) text.append(advance());
        return token(TokenKind.PUNCT, text, p);
      }
    }

    // Reported by whoever consumes it: inside a skipped #if group a stray character is harmless.
    text.append(advance());
    return token(TokenKind.OTHER, text, p);
  }

  private boolean matches(String punct) {
    for (int k = 0, j = i; k < punct.length(); k++) {
      j = skipSplices(j);
      if (j >= src.length() || src.charAt(j) != punct.charAt(k)) return false;
      j++;
    }
    return true;
  }

  private Token quoted(StringBuilder text, SourcePos p, char quote) {
    text.append(advance());
    while (true) {
      char c = at(i);
      if (i >= src.length() || c == '\n') {
        // Left unterminated; the consumer reports it, as the token may sit in a skipped group.
        break;
      }
      text.append(advance());
      if (c == '\\') {
        if (at(i) != '\n' && i < src.length()) text.append(advance());
      } else if (c == quote) {
        break;
      }
    }
    return token(quote == '"' ? TokenKind.STRING : TokenKind.CHAR, text, p);
  }

  private Token token(TokenKind kind, StringBuilder text, SourcePos p) {
    return new Token(kind, text.toString(), p, atLineStart, spaceBefore);
  }

}
