/*
 * The scanf engine, written once over a character type: scanf.c includes it for bytes and
 * wscanf.c for wide characters, each after defining
 *
 *   SCAN_CHAR                  the format's and an input string's character: char or wchar_t
 *   SCAN_INT, SCAN_EOF         a character read, or the end: int and EOF, or wint_t and WEOF
 *   SCAN_CODE(x)               a SCAN_CHAR's value as a SCAN_INT (a byte's is unsigned)
 *   SCAN_GETC, SCAN_UNGETC     a stream's reader: fgetc and ungetc, or fgetwc and ungetwc
 *   SCAN_WIDE                  1 for wscanf's rules on strings (below), else 0
 *
 * so that a fix here is a fix in both families; #if, not a test at run time, keeps the wide
 * rules out of programs that only call scanf. It defines the static function vscan.
 *
 * A numeric conversion copies the characters its syntax accepts into a byte buffer (reading
 * one past them, which goes back to the input), then hands the buffer to strtol, strtoul,
 * strtoll, strtoull or strtod, so that values, overflow and rounding are exactly theirs. Only
 * ASCII's characters are digits, signs, points or white space, as in glibc's "C" locale.
 *
 * The wide rules, glibc's: %lc, %ls and %l[ (%C, %S) store wide characters. %c, %s and %[ store
 * bytes, which the C locale has only below 0x80: another character fails with EILSEQ (%c as an
 * input failure, %s and %[ as a matching failure, what they stored left unterminated), and a %s
 * or %[ that succeeds ends its bytes with two NULs (a %7s writes 9 bytes).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * Where characters come from: a string (sscanf, swscanf) or a stream. Once the input has
 * ended, every later read gives the end again without reading and, as glibc's, puts back the
 * errno that the ending read left (so a conversion's ERANGE does not survive a directive that
 * reads after the end). A stream's encoding error (fgetwc's EILSEQ) ends the input as its end
 * would.
 */
struct scan_source {
  const SCAN_CHAR *s;
  FILE *stream;
  int count; /* characters taken so far, for %n */
  int ended;
  int end_errno;
};

static SCAN_INT scan_get(struct scan_source *in) {
  if (in->ended) {
    errno = in->end_errno;
    return SCAN_EOF;
  }
  SCAN_INT c;
  if (in->stream) {
    c = SCAN_GETC(in->stream);
  } else {
    c = SCAN_CODE(*in->s);
    if (c == 0) c = SCAN_EOF;
    else in->s++;
  }
  if (c == SCAN_EOF) {
    in->ended = 1;
    in->end_errno = errno;
    return SCAN_EOF;
  }
  in->count++;
  return c;
}

static void scan_unget(struct scan_source *in, SCAN_INT c) {
  if (c == SCAN_EOF) return;
  in->count--;
  if (in->stream) {
    SCAN_UNGETC(c, in->stream);
  } else {
    in->s--;
  }
}

/* The C locale's white space (isspace, iswspace): ASCII's six. */
static int space(SCAN_INT c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static SCAN_INT lower(SCAN_INT c) {
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int digit_value(SCAN_INT c) {
  return c >= '0' && c <= '9' ? (int)(c - '0')
         : c >= 'a' && c <= 'z' ? (int)(c - 'a' + 10)
         : c >= 'A' && c <= 'Z' ? (int)(c - 'A' + 10) : 99;
}

static int numeral_digit(SCAN_INT c, int hex) {
  return hex ? digit_value(c) < 16 : c >= '0' && c <= '9';
}

/* Longest numeral a conversion copies; longer input is cut (as a field width would). */
#define SCAN_FIELD 80

/* Copies an integer numeral in `base` (0: C's prefixes) of at most `width` characters into buf. */
static int scan_integer(struct scan_source *in, int width, int base, char *buf) {
  int n = 0;
  SCAN_INT c = scan_get(in);
  if (n < width && (c == '+' || c == '-')) {
    buf[n++] = (char)c;
    c = scan_get(in);
  }
  if ((base == 0 || base == 16) && n < width && c == '0') {
    buf[n++] = (char)c;
    c = scan_get(in);
    if (n < width && (c == 'x' || c == 'X')) {
      buf[n++] = (char)c;
      c = scan_get(in);
      base = 16;
    } else if (base == 0) {
      base = 8;
    }
  } else if (base == 0) {
    base = 10;
  }
  while (n < width && digit_value(c) < base) {
    buf[n++] = (char)c;
    c = scan_get(in);
  }
  scan_unget(in, c);
  buf[n] = 0;
  return n;
}

/*
 * Copies the letters of `word` (lower case; the input's may be upper) within width; 0 if the
 * input or the width ends them early. The character that differs is consumed, not put back,
 * as glibc's scanf and wscanf do on their way through "inf", "infinity" and "nan" (a stream
 * shows it).
 */
static int scan_letters(struct scan_source *in, int *n, int width, char *buf, const char *word) {
  while (*word && *n < width) {
    SCAN_INT c = scan_get(in);
    if (lower(c) != (SCAN_INT)*word) return 0;
    buf[(*n)++] = (char)c;
    word++;
  }
  return *word == 0;
}

/*
 * Copies the rest of a numeral into buf[n..] from the character c on: digits (hexadecimal ones
 * if hex), a point and digits, then, if *digits is above 0, an exponent (p if hex, else e; a
 * sign; decimal digits), all within width. *digits counts the mantissa's digits. Ungets the
 * character after the numeral, ends buf and returns its length.
 */
static int scan_numeral_rest(struct scan_source *in, SCAN_INT c, char *buf, int n, int width, int hex, int *digits) {
  while (n < width && numeral_digit(c, hex)) {
    buf[n++] = (char)c;
    (*digits)++;
    c = scan_get(in);
  }
  if (n < width && c == '.') {
    buf[n++] = (char)c;
    c = scan_get(in);
    while (n < width && numeral_digit(c, hex)) {
      buf[n++] = (char)c;
      (*digits)++;
      c = scan_get(in);
    }
  }
  if (*digits > 0 && n < width && lower(c) == (hex ? 'p' : 'e')) {
    buf[n++] = (char)c;
    c = scan_get(in);
    if (n < width && (c == '+' || c == '-')) {
      buf[n++] = (char)c;
      c = scan_get(in);
    }
    while (n < width && numeral_digit(c, 0)) {
      buf[n++] = (char)c;
      c = scan_get(in);
    }
  }
  scan_unget(in, c);
  buf[n] = 0;
  return n;
}

/*
 * Copies a floating-point numeral (decimal, hexadecimal, or inf / infinity / nan in any case)
 * of at most `width` characters; returns its length, 0 if it read no character of one, -1 if
 * it read some but they are no numeral (a sign, a point, part of a word, a bare "0x"): a
 * matching failure, not an input failure, even at the end of the input, as glibc's. "nan(...)"
 * is read as "nan".
 */
static int scan_float(struct scan_source *in, int width, char *buf) {
  int n = 0, digits = 0;
  if (width > SCAN_FIELD) width = SCAN_FIELD;
  SCAN_INT c = scan_get(in);
  if (n < width && (c == '+' || c == '-')) {
    buf[n++] = (char)c;
    c = scan_get(in);
  }
  if (lower(c) == 'i' || lower(c) == 'n') {
    scan_unget(in, c);
    const char *word = lower(c) == 'i' ? "inf" : "nan";
    if (!scan_letters(in, &n, width, buf, word)) return -1;
    if (word[0] == 'i' && n < width) {
      /*
       * As glibc: an i after "inf" commits to "infinity" (the stream keeps one character of
       * push-back), so a partial "infinity", or one the width cuts, is a matching failure.
       */
      c = scan_get(in);
      if (lower(c) != 'i') {
        scan_unget(in, c);
      } else {
        buf[n++] = (char)c;
        if (!scan_letters(in, &n, width, buf, "nity")) return -1;
      }
    }
    buf[n] = 0;
    return n;
  }
  if (n < width && c == '0') {
    buf[n++] = (char)c;
    digits++;
    c = scan_get(in);
    if (n < width && (c == 'x' || c == 'X')) {
      /*
       * Hexadecimal: 0x hexdigits [. hexdigits] [p [+-] digits]. As glibc: a width that ends
       * right after the x leaves the x unread (the number is the 0); an x followed by neither
       * a hex digit nor a point is a matching failure; no exponent without a hex digit.
       */
      if (n + 1 == width) {
        buf[n] = 0;
        scan_unget(in, c);
        return n;
      }
      buf[n++] = (char)c;
      c = scan_get(in);
      if (!numeral_digit(c, 1) && c != '.') {
        scan_unget(in, c);
        return -1; /* characters were read: not an input failure, even at the end */
      }
      int hex_digits = 0; /* the exponent needs a digit after the x */
      return scan_numeral_rest(in, c, buf, n, width, 1, &hex_digits);
    }
  }
  n = scan_numeral_rest(in, c, buf, n, width, 0, &digits);
  return digits > 0 ? n : n > 0 ? -1 : 0;
}

/* Whether the input is at its end; consumes nothing. */
static int scan_at_end(struct scan_source *in) {
  SCAN_INT c = scan_get(in);
  scan_unget(in, c);
  return c == SCAN_EOF;
}

static void skip_space(struct scan_source *in) {
  SCAN_INT c;
  do c = scan_get(in); while (space(c));
  scan_unget(in, c);
}

/*
 * The skip before a conversion: glibc's runs with errno at 0 (and puts it back after), so when
 * the input ends there, the errno every later read puts back is 0.
 */
static void skip_space_before_conversion(struct scan_source *in) {
  int saved = errno;
  errno = 0;
  skip_space(in);
  errno = saved;
}

/* Stores an integer through the pointer va_arg gives, by the conversion's length modifier. */
static void store_integer(va_list *ap, int size, unsigned long long v) {
  switch (size) {
    case 'H': *va_arg(*ap, signed char *) = (signed char)v; break;
    case 'h': *va_arg(*ap, short *) = (short)v; break;
    case 'q': *va_arg(*ap, long long *) = (long long)v; break;
    default: *va_arg(*ap, int *) = (int)v; break;
  }
}

/* Whether c is in the %[ set that runs from set to its closing ']' at end (without the ^). */
static int in_set(const SCAN_CHAR *set, const SCAN_CHAR *end, SCAN_INT c) {
  const SCAN_CHAR *p = set;
  if (*p == ']') {
    if (c == ']') return 1;
    p++;
  }
  for (; p < end; p++) {
    if (p[1] == '-' && p + 2 < end) {
      if (c >= SCAN_CODE(p[0]) && c <= SCAN_CODE(p[2])) return 1;
      p += 2;
    } else if (c == SCAN_CODE(*p)) {
      return 1;
    }
  }
  return 0;
}

/* The value of an input failure (the input ended, or a wide %c met a character without a byte). */
#define INPUT_FAILURE(assigned) ((assigned) > 0 ? (assigned) : EOF)

static int vscan(struct scan_source *in, const SCAN_CHAR *fmt, va_list ap0) {
  va_list ap;
  va_copy(ap, ap0);
  /* An input failure returns EOF while nothing is assigned, as glibc's (%*d and %n do not count). */
  int assigned = 0;
  int skip = 0; /* white space in the format: skipped by the next directive, as glibc's */
  char buf[SCAN_FIELD + 2];
  for (; *fmt; fmt++) {
    SCAN_INT f = SCAN_CODE(*fmt);
    if (space(f)) {
      skip = 1;
      continue;
    }
    if (f != '%' || fmt[1] == '%') {
      if (f == '%') {
        fmt++;
        skip_space_before_conversion(in);
      } else if (skip) {
        skip_space(in);
      }
      skip = 0;
      SCAN_INT c = scan_get(in);
      if (c != f) {
        scan_unget(in, c);
        if (c == SCAN_EOF) assigned = INPUT_FAILURE(assigned);
        break;
      }
      continue;
    }
    fmt++;
    int suppress = 0, width = 0, size = 0;
    if (*fmt == '*') {
      suppress = 1;
      fmt++;
    }
    while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (int)(*fmt++ - '0');
    if (*fmt == 'h') {
      fmt++;
      size = 'h';
      if (*fmt == 'h') {
        fmt++;
        size = 'H';
      }
    } else if (*fmt == 'l') {
      fmt++;
      size = 'l';
      if (*fmt == 'l') {
        fmt++;
        size = 'q';
      }
    } else if (*fmt == 'j' || *fmt == 'L' || *fmt == 'q') { /* glibc's L: long long, or long double for %Lf */
      fmt++;
      size = 'q';
    } else if (*fmt == 'z' || *fmt == 't') {
      fmt++;
    }
    SCAN_INT conv = SCAN_CODE(*fmt);
    if (conv == 0) break;
#if SCAN_WIDE
    if (conv == 'C' || conv == 'S') { /* %C and %S are %lc and %ls */
      conv = conv == 'C' ? 'c' : 's';
      size = 'l';
    }
#endif
    if (skip || (conv != 'c' && conv != '[' && conv != 'n')) skip_space_before_conversion(in);
    skip = 0;
    if (conv == 'n') {
      if (!suppress) store_integer(&ap, size, (unsigned long long)(long long)in->count);
      continue;
    }
    if (conv == 'c' || conv == 's' || conv == '[') {
      const SCAN_CHAR *set = NULL;
      int negate = 0;
      if (conv == '[') {
        fmt++;
        if (*fmt == '^') {
          negate = 1;
          fmt++;
        }
        set = fmt;
        if (*fmt == ']') fmt++;
        while (*fmt && *fmt != ']') fmt++;
        if (*fmt == 0) break;
      }
      if (width == 0) width = conv == 'c' ? 1 : -1;
      char *out = suppress ? NULL : va_arg(ap, char *);
      int n = 0;
      SCAN_INT c = 0;
      while (width < 0 || n < width) {
        c = scan_get(in);
        if (c == SCAN_EOF) break;
        if ((conv == 's' && space(c)) || (conv == '[' && in_set(set, fmt, c) == negate)) {
          scan_unget(in, c);
          break;
        }
        if (out) {
#if SCAN_WIDE
          if (size != 'l' && c >= 0x80) { /* no byte for it in the C locale */
            errno = EILSEQ;
            va_end(ap);
            return conv == 'c' ? INPUT_FAILURE(assigned) : assigned;
          }
          if (size == 'l') ((wchar_t *)out)[n] = (wchar_t)c;
          else out[n] = (char)c;
#else
          out[n] = (char)c;
#endif
        }
        n++;
      }
      if (n == 0) { /* a %c the input cuts short still assigns what it read, as glibc's */
        if (c == SCAN_EOF) assigned = INPUT_FAILURE(assigned);
        break;
      }
      if (out && conv != 'c') {
#if SCAN_WIDE
        if (size == 'l') {
          ((wchar_t *)out)[n] = 0;
        } else { /* glibc's wscanf writes two NULs */
          out[n] = 0;
          out[n + 1] = 0;
        }
#else
        out[n] = 0;
#endif
      }
      if (out) assigned++;
      continue;
    }
    int limit = width > 0 && width < SCAN_FIELD ? width : SCAN_FIELD;
    int n;
    if (conv == 'f' || conv == 'e' || conv == 'g' || conv == 'E' || conv == 'G' || conv == 'F' || conv == 'a' || conv == 'A') {
      n = scan_float(in, limit, buf);
      if (n <= 0) {
        if (n == 0 && scan_at_end(in)) assigned = INPUT_FAILURE(assigned);
        break;
      }
      if (!suppress) {
        if (size == 'l' || size == 'q') { /* %lf; %Lf (glibc's %llf too): long double is binary64 */
          *va_arg(ap, double *) = strtod(buf, NULL);
        } else {
          *va_arg(ap, float *) = strtof(buf, NULL);
        }
        assigned++;
      }
      continue;
    }
    int base;
    switch (conv) {
      case 'd': case 'u': base = 10; break;
      case 'i': base = 0; break;
      case 'o': base = 8; break;
      case 'x': case 'X': case 'p': base = 16; break;
      default: va_end(ap); return assigned;
    }
    n = scan_integer(in, limit, base, buf);
    int sign = buf[0] == '+' || buf[0] == '-';
    if (n == sign) {
      if (n == 0 && scan_at_end(in)) assigned = INPUT_FAILURE(assigned);
      break;
    }
    if (suppress) continue;
    if (conv == 'p') {
      *va_arg(ap, void **) = (void *)strtoul(buf, NULL, 16);
    } else if (size == 'l') { /* long is 32 bits here: its range, and ERANGE beyond it */
      store_integer(&ap, size, conv == 'd' || conv == 'i' ? (unsigned long long)(long long)strtol(buf, NULL, base)
                                                          : strtoul(buf, NULL, base));
    } else {
      /*
       * glibc converts %d, %u, %hd, ... as a (64-bit) long and stores its low bits: "4294967297"
       * gives 1, without ERANGE, as on x86-64 (%lld and %jd through long long, the same range).
       */
      store_integer(&ap, size, conv == 'd' || conv == 'i' ? (unsigned long long)strtoll(buf, NULL, base)
                                                          : strtoull(buf, NULL, base));
    }
    assigned++;
  }
  if (skip && *fmt == 0) skip_space(in); /* the format ended with white space */
  va_end(ap);
  return assigned;
}
