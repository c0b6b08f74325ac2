package dev.wasmformer.c.lex;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the values of character constants, string literals and integer constants. Shared
 * by the preprocessor's {@code #if} arithmetic and the parser. Problems are reported as
 * {@link IllegalArgumentException}s whose message the caller locates.
 */
public final class Literals {
  private Literals() {}

  /** An integer constant: its value (as unsigned 64-bit bits) and its suffix. */
  public record IntegerConstant(long value, boolean unsignedSuffix, int longCount, boolean decimal) {}

  /** True if a preprocessing number is a floating constant rather than an integer one. */
  public static boolean isFloating(String text) {
    String t = text.toLowerCase();
    if (t.startsWith("0x")) return t.contains(".") || t.contains("p");
    return t.contains(".") || t.contains("e");
  }

  /**
   * A floating constant's IEEE bits (a float's in the low 32), its type: 'f', 'l' or 'd'
   * (none), and whether it is imaginary (GNU's suffix {@code i} or {@code j}: {@code 2.0i}).
   */
  public record FloatingConstant(long bits, char suffix, boolean imaginary) {}

  /**
   * Whether a number ends in GNU's imaginary suffix ({@code i} or {@code j}, before or after
   * the other suffix: {@code 2.0if}, {@code 2.0fi}); {@code i} and {@code j} are no digits
   * of any radix.
   */
  public static boolean isImaginary(String text) {
    String t = text.toLowerCase();
    int n = t.length();
    return t.endsWith("i") || t.endsWith("j") || (n > 1 && (t.charAt(n - 2) == 'i' || t.charAt(n - 2) == 'j'));
  }

  /** The number without its imaginary suffix. */
  public static String withoutImaginary(String text) {
    int at = Math.max(text.toLowerCase().lastIndexOf('i'), text.toLowerCase().lastIndexOf('j'));
    return text.substring(0, at) + text.substring(at + 1);
  }

  /**
   * Decodes a floating constant, decimal or hexadecimal, correctly rounded to its type (Java's
   * parsers round correctly, directly to float for an {@code f} suffix); a long double one
   * is decoded as a double.
   */
  public static FloatingConstant floating(String text) {
    boolean imaginary = isImaginary(text);
    String t = imaginary ? withoutImaginary(text) : text;
    char suffix = 'd';
    char last = Character.toLowerCase(t.charAt(t.length() - 1));
    if (last == 'f' || last == 'l') {
      suffix = last;
      t = t.substring(0, t.length() - 1);
    }
    // Java's parsers would also take "Infinity", "NaN" and a 'd' suffix: C has none of these.
    if (!wellFormed(t)) throw new IllegalArgumentException("invalid floating constant '" + text + "'");
    try {
      if (suffix == 'f') {
        return new FloatingConstant(Float.floatToRawIntBits(Float.parseFloat(t)) & 0xFFFF_FFFFL, suffix, imaginary);
      }
      return new FloatingConstant(Double.doubleToRawLongBits(Double.parseDouble(t)), suffix, imaginary);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid floating constant '" + text + "'");
    }
  }

  /**
   * digits [. digits] [e [+-] digits], or 0x hexdigits [. hexdigits] p [+-] digits, with a
   * digit before or after the point. (No regex: this may run deep in the parser's recursion.)
   */
  private static boolean wellFormed(String t) {
    boolean hex = t.length() > 1 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X');
    int i = hex ? 2 : 0;
    int mantissaDigits = 0;
    boolean point = false;
    for (; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '.' && !point) {
        point = true;
      } else if (Character.digit(c, hex ? 16 : 10) >= 0) {
        mantissaDigits++;
      } else {
        break;
      }
    }
    if (mantissaDigits == 0) return false;
    if (i == t.length()) return !hex;
    char e = Character.toLowerCase(t.charAt(i));
    if (e != (hex ? 'p' : 'e')) return false;
    i++;
    if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) i++;
    if (i == t.length()) return false;
    for (; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') return false;
    }
    return true;
  }

  public static IntegerConstant integer(String text) {
    String t = text;
    int end = t.length();
    boolean unsigned = false;
    int longs = 0;
    while (end > 0) {
      char c = Character.toLowerCase(t.charAt(end - 1));
      if (c == 'u' && !unsigned) {
        unsigned = true;
        end--;
      } else if (c == 'l' && longs == 0) {
        longs = end >= 2 && Character.toLowerCase(t.charAt(end - 2)) == 'l' ? 2 : 1;
        if (longs == 2 && t.charAt(end - 1) != t.charAt(end - 2)) {
          throw new IllegalArgumentException("invalid suffix on integer constant '" + text + "'");
        }
        end -= longs;
      } else {
        break;
      }
    }
    String digits = t.substring(0, end);
    int radix = 10;
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      radix = 16;
      digits = digits.substring(2);
    } else if (digits.startsWith("0b") || digits.startsWith("0B")) {
      radix = 2;
      digits = digits.substring(2);
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      radix = 8;
      digits = digits.substring(1);
    }
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("invalid integer constant '" + text + "'");
    }
    BigInteger value;
    try {
      value = new BigInteger(digits, radix);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid integer constant '" + text + "'");
    }
    if (value.bitLength() > 64) {
      throw new IllegalArgumentException("integer constant '" + text + "' is too large");
    }
    return new IntegerConstant(value.longValue(), unsigned, longs, radix == 10);
  }

  /** The encoding prefix of a string literal or character constant, with its code unit's size. */
  public enum Encoding {
    PLAIN("", 1), UTF8("u8", 1), WIDE("L", 4), UTF16("u", 2), UTF32("U", 4);

    public final String prefix;
    public final int unitBytes;

    Encoding(String prefix, int unitBytes) {
      this.prefix = prefix;
      this.unitBytes = unitBytes;
    }

    public boolean wide() {
      return unitBytes > 1;
    }

    /** The encoding a literal's prefix names (the text before its opening quote). */
    public static Encoding of(String text) {
      String prefix = text.substring(0, indexOfQuote(text));
      for (Encoding e : values()) {
        if (e.prefix.equals(prefix)) return e;
      }
      throw new IllegalArgumentException("unknown encoding prefix '" + prefix + "'");
    }
  }

  private static int indexOfQuote(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '"' || text.charAt(i) == '\'') return i;
    }
    return text.length();
  }

  /** A character constant's value and whether it held more characters than its type takes. */
  public record CharacterConstant(int value, Encoding encoding, boolean tooLong) {}

  /**
   * A character constant: a plain one holds a signed char (char is signed on this target), a
   * multi-character one packs its bytes big-endian like GCC; a prefixed one (L, u, U) holds
   * the code unit of its last character, as GCC takes it (u'\U0001F600' is its low surrogate).
   */
  public static CharacterConstant characterConstant(String text) {
    Encoding enc = Encoding.of(text);
    int start = enc.prefix.length() + 1;
    if (text.length() < start + 1 || !text.endsWith("'") || text.length() == start) {
      throw new IllegalArgumentException("missing terminating ' character");
    }
    String body = text.substring(start, text.length() - 1);
    if (body.isEmpty()) throw new IllegalArgumentException("empty character constant");
    int[] units = units(body, enc);
    if (enc.wide()) return new CharacterConstant(units[units.length - 1], enc, units.length > 1);
    if (units.length == 1) return new CharacterConstant((byte) units[0], enc, false);
    int v = 0;
    for (int b : units) v = (v << 8) | b;
    return new CharacterConstant(v, enc, units.length > 4);
  }

  /** The value of a character constant (as {@link #characterConstant}). */
  public static int character(String text) {
    return characterConstant(text).value();
  }

  /** The bytes of a narrow string literal's content (without the terminating NUL). */
  public static byte[] string(String text) {
    return bytes(stringUnits(text, Encoding.PLAIN));
  }

  /** Narrow code units as bytes. */
  public static byte[] bytes(int[] units) {
    byte[] bytes = new byte[units.length];
    for (int i = 0; i < units.length; i++) bytes[i] = (byte) units[i];
    return bytes;
  }

  /**
   * The code units of a string literal's content (without the terminating NUL) in the
   * encoding {@code enc}, which concatenation may have chosen over the literal's own prefix.
   */
  public static int[] stringUnits(String text, Encoding enc) {
    int start = indexOfQuote(text) + 1;
    if (!text.endsWith("\"") || text.length() == start) {
      throw new IllegalArgumentException("missing terminating '\"' character");
    }
    return units(text.substring(start, text.length() - 1), enc);
  }

  /**
   * Decodes a literal's body into code units: a source character or a universal character
   * name becomes its UTF-8 bytes, UTF-16 units or code point; an octal or hexadecimal escape
   * is one unit, cut to the unit's width as GCC does (after its "out of range" warning, which
   * we do not give).
   */
  private static int[] units(String body, Encoding enc) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    for (int i = 0; i < body.length(); ) {
      int c = body.codePointAt(i);
      if (c != '\\') {
        encode(c, enc, out);
        i += Character.charCount(c);
        continue;
      }
      i++;
      if (i >= body.length()) throw new IllegalArgumentException("incomplete escape sequence");
      char e = body.charAt(i++);
      int v;
      switch (e) {
        case 'n' -> v = '\n';
        case 't' -> v = '\t';
        case 'r' -> v = '\r';
        case 'a' -> v = 7;
        case 'b' -> v = 8;
        case 'f' -> v = 12;
        case 'v' -> v = 11;
        case 'e', 'E' -> v = 27;
        case '\\', '\'', '"', '?' -> v = e;
        case 'x' -> {
          int start = i;
          v = 0;
          while (i < body.length() && Character.digit(body.charAt(i), 16) >= 0) {
            v = v * 16 + Character.digit(body.charAt(i), 16);
            i++;
          }
          if (i == start) throw new IllegalArgumentException("\\x used with no following hex digits");
        }
        case 'u', 'U' -> {
          int digits = e == 'u' ? 4 : 8;
          int start = i;
          while (i < body.length() && i - start < digits && Character.digit(body.charAt(i), 16) >= 0) i++;
          String ucn = "\\" + e + body.substring(start, i);
          if (i - start < digits) throw new IllegalArgumentException("incomplete universal character name " + ucn);
          long cp = Long.parseLong(body.substring(start, i), 16);
          // C11 6.4.3: none below 0xA0 but $ @ `, and no surrogate
          if ((cp < 0xA0 && cp != '$' && cp != '@' && cp != '`') || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw new IllegalArgumentException(ucn + " is not a valid universal character");
          }
          if (cp > 0x10FFFF) throw new IllegalArgumentException(ucn + " is outside the UCS codespace");
          encode((int) cp, enc, out);
          continue;
        }
        default -> {
          if (e >= '0' && e <= '7') {
            v = e - '0';
            for (int k = 0; k < 2 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++) {
              v = v * 8 + (body.charAt(i++) - '0');
            }
          } else {
            throw new IllegalArgumentException("unknown escape sequence '\\" + e + "'");
          }
        }
      }
      out.add(enc.unitBytes == 4 ? v : v & ((1 << 8 * enc.unitBytes) - 1));
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void encode(int codePoint, Encoding enc, java.util.List<Integer> out) {
    switch (enc.unitBytes) {
      case 1 -> {
        for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) out.add(b & 0xFF);
      }
      case 2 -> {
        for (char u : Character.toChars(codePoint)) out.add((int) u);
      }
      default -> out.add(codePoint);
    }
  }
}
