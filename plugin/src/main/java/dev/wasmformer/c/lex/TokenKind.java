package dev.wasmformer.c.lex;

/** The lexical categories of preprocessing tokens. */
public enum TokenKind {
  IDENT,
  /** A preprocessing number: digits, letters, dots and signed exponents; converted by the parser. */
  NUMBER,
  /** A character constant, quotes and prefix included. */
  CHAR,
  /** A string literal, quotes and prefix included. */
  STRING,
  PUNCT,
  /** A character that starts no token (for example '@'); an error wherever it is used. */
  OTHER,
  /** Marks the end of an included file inside the preprocessor; never reaches the parser. */
  END_OF_INCLUDE,
  EOF
}
