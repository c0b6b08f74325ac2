package dev.wasmformer.c;

import dev.wasmformer.c.lex.Token;
import dev.wasmformer.c.lex.TokenKind;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The printf conversions whose code the libc compiles only for the programs that use them, so
 * that every other program keeps printf's code, hence its bytes and traces: {@code %ls} and
 * {@code %lc} (also compiled in when a program includes {@code <wchar.h>}), glibc's
 * {@code %Ld}, {@code %Lu}, ... (a {@code long long}; without it {@code L} reads a long) and
 * glibc's {@code %m} (also switched on by a strftime format's month, harmlessly). A
 * program names them in its string literals (adjacent literals are read as one); a format
 * built at run time is not seen.
 */
final class FormatConversions {
  /** Defined for printf's {@code %ls} and {@code %lc}. */
  static final String WIDE = "__WF_WCHAR";
  /** Defined for printf's {@code L} on an integer conversion. */
  static final String LONG_LONG_L = "__WF_PRINTF_LL";
  /** Defined for glibc's {@code %m} (and {@code %#m}): errno's text (name). */
  static final String ERRNO = "__WF_PRINTF_M";

  // "%%" first, so that its second '%' starts no conversion
  private static final Pattern CONVERSION = Pattern.compile("%%|%[-+ #0'0-9.*]*(?:(l[cs])|(L[diouxX])|(m))");

  private FormatConversions() {}

  /** Notes in {@code defines} the conversions that the string literals among {@code tokens} name. */
  static void scan(List<Token> tokens, Map<String, String> defines) {
    StringBuilder literal = new StringBuilder();
    for (Token t : tokens) {
      if (t.kind() == TokenKind.STRING) {
        String text = t.text();
        int open = text.indexOf('"'), close = text.lastIndexOf('"');
        // an unterminated literal is reported by the parser
        if (close > open) literal.append(text, open + 1, close);
        continue;
      }
      if (literal.isEmpty()) continue;
      Matcher m = CONVERSION.matcher(literal);
      while (m.find()) {
        if (m.group(1) != null) defines.put(WIDE, "1");
        if (m.group(2) != null) defines.put(LONG_LONG_L, "1");
        if (m.group(3) != null) defines.put(ERRNO, "1");
      }
      literal.setLength(0);
    }
  }
}
