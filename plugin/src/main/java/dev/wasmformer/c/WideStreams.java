package dev.wasmformer.c;

import dev.wasmformer.c.lex.Token;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Wide-character input and stream orientation, which the libc compiles only for the programs
 * that name one of their functions: in those, a stream also keeps an error indicator, an
 * orientation and wide characters pushed back, and the wide output functions set and check
 * the orientation. Every other program keeps the libc's stdio as it was, hence its bytes and
 * traces. A name counts only in the program's own files, not in the libc's headers, which
 * declare them all.
 */
final class WideStreams {
  /** Defined for the wide input functions, {@code fwide} and the stream state they need. */
  static final String DEFINE = "__WF_WIDE_STREAMS";

  private static final Set<String> FUNCTIONS = Set.of("fgetwc", "getwc", "getwchar", "ungetwc", "fgetws", "fwide",
      "wscanf", "fwscanf", "swscanf", "vwscanf", "vfwscanf", "vswscanf");

  private WideStreams() {}

  /** Notes in {@code defines} whether {@code tokens}, outside the libc's headers, name a wide input function. */
  static void scan(List<Token> tokens, Map<String, String> defines) {
    for (Token t : tokens) {
      if (t.isIdent() && FUNCTIONS.contains(t.text()) && (t.pos() == null || !Libc.owns(t.pos().file()))) {
        defines.put(DEFINE, "1");
        return;
      }
    }
  }
}
