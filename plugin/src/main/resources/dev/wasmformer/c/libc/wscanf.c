/*
 * wscanf, fwscanf, swscanf and their va_list forms, in glibc's "C" locale. scanf.c's design
 * with wide characters: a numeric conversion copies the characters its syntax accepts (ASCII
 * only: no other character is a digit, a sign or a space in the C locale) into a byte buffer
 * and hands it to strtol & co. or strtod, so values, overflow and rounding are scanf's. scanf.c
 * itself is left as it is, so that programs that only use scanf keep their bytes.
 *
 * %c, %s and %[ store bytes, which the C locale has only for characters below 0x80: another
 * character fails with EILSEQ (%c as an input failure, %s and %[ as a matching failure, with
 * what was stored before it left unterminated), as glibc's; a %s or %[ that succeeds ends its
 * bytes with two NULs, as glibc's does (one byte more than scanf writes). %lc, %ls and %l[
 * store the wide characters. A stream's encoding error (a byte from 0x80 up) ends the input as its end would,
 * with errno EILSEQ and the stream's error indicator set by fgetwc. As glibc's, an input
 * failure before any assignment gives EOF, even after a suppressed conversion ("%*d %d" on "5").
 * Compiled only for programs that name a wide input function (WideStreams.java).
 */
#ifdef __WF_WIDE_STREAMS
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

/*
 * Where wide characters come from: a wide string (swscanf) or a stream (wscanf, fwscanf). Once
 * the input has ended, every later read gives WEOF again without reading and, as glibc's,
 * puts back the errno that the ending read left (so a strtol's ERANGE does not survive a
 * directive that reads after the end).
 */
struct wscan_source {
  const wchar_t *s;
  FILE *stream;
  int count; /* characters taken so far, for %n */
  int ended;
  int end_errno;
};

static wint_t wscan_get(struct wscan_source *in) {
  if (in->ended) {
    errno = in->end_errno;
    return WEOF;
  }
  wint_t c;
  if (in->stream) {
    c = fgetwc(in->stream);
  } else {
    c = (wint_t)*in->s;
    if (c == 0) c = WEOF;
    else in->s++;
  }
  if (c == WEOF) {
    in->ended = 1;
    in->end_errno = errno;
    return WEOF;
  }
  in->count++;
  return c;
}

static void wscan_unget(struct wscan_source *in, wint_t c) {
  if (c == WEOF) return;
  in->count--;
  if (in->stream) {
    ungetwc(c, in->stream);
  } else {
    in->s--;
  }
}

/* The C locale's white space (iswspace): ASCII's six. */
static int wspace(wint_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static void wskip_space(struct wscan_source *in) {
  wint_t c;
  do c = wscan_get(in); while (wspace(c));
  wscan_unget(in, c);
}

/* The skip before a conversion, with errno at 0 meanwhile, as glibc's (see scanf.c). */
static void wskip_space_before_conversion(struct wscan_source *in) {
  int saved = errno;
  errno = 0;
  wskip_space(in);
  errno = saved;
}

static int wat_end(struct wscan_source *in) {
  wint_t c = wscan_get(in);
  wscan_unget(in, c);
  return c == WEOF;
}

static wint_t lower(wint_t c) {
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int digit_value(wint_t c) {
  return c >= '0' && c <= '9' ? (int)(c - '0')
         : c >= 'a' && c <= 'z' ? (int)(c - 'a' + 10)
         : c >= 'A' && c <= 'Z' ? (int)(c - 'A' + 10) : 99;
}

/* Longest numeral a conversion copies; longer input is cut (as a field width would). */
#define WSCAN_FIELD 80

/* Copies an integer numeral in `base` (0: C's prefixes) of at most `width` characters into buf. */
static int wscan_integer(struct wscan_source *in, int width, int base, char *buf) {
  int n = 0;
  wint_t c = wscan_get(in);
  if (n < width && (c == '+' || c == '-')) {
    buf[n++] = (char)c;
    c = wscan_get(in);
  }
  if ((base == 0 || base == 16) && n < width && c == '0') {
    buf[n++] = (char)c;
    c = wscan_get(in);
    if (n < width && (c == 'x' || c == 'X')) {
      buf[n++] = (char)c;
      c = wscan_get(in);
      base = 16;
    } else if (base == 0) {
      base = 8;
    }
  } else if (base == 0) {
    base = 10;
  }
  while (n < width && digit_value(c) < base) {
    buf[n++] = (char)c;
    c = wscan_get(in);
  }
  wscan_unget(in, c);
  buf[n] = 0;
  return n;
}

/* Reads the letters of `word` (lower case) in either case within width; whether all were there. */
static int wscan_word(struct wscan_source *in, const char *word, char *buf, int *n, int width) {
  for (; *word; word++) {
    if (*n >= width) return 0;
    wint_t c = wscan_get(in);
    if (lower(c) != (wint_t)(unsigned char)*word) {
      wscan_unget(in, c);
      return 0;
    }
    buf[(*n)++] = (char)c;
  }
  return 1;
}

static int numeral_digit(wint_t c, int hex) {
  return hex ? digit_value(c) < 16 : c >= '0' && c <= '9';
}

/*
 * Copies the rest of a numeral into buf[n..] from the character c on: digits (hexadecimal ones
 * if hex), a point and digits, then, if *digits is above 0, an exponent (p if hex, else e; a
 * sign; decimal digits), all within width. Ungets the character after it; returns its length.
 */
static int wscan_numeral_rest(struct wscan_source *in, wint_t c, char *buf, int n, int width, int hex, int *digits) {
  while (n < width && numeral_digit(c, hex)) {
    buf[n++] = (char)c;
    (*digits)++;
    c = wscan_get(in);
  }
  if (n < width && c == '.') {
    buf[n++] = (char)c;
    c = wscan_get(in);
    while (n < width && numeral_digit(c, hex)) {
      buf[n++] = (char)c;
      (*digits)++;
      c = wscan_get(in);
    }
  }
  if (*digits > 0 && n < width && lower(c) == (hex ? 'p' : 'e')) {
    buf[n++] = (char)c;
    c = wscan_get(in);
    if (n < width && (c == '+' || c == '-')) {
      buf[n++] = (char)c;
      c = wscan_get(in);
    }
    while (n < width && numeral_digit(c, 0)) {
      buf[n++] = (char)c;
      c = wscan_get(in);
    }
  }
  wscan_unget(in, c);
  buf[n] = 0;
  return n;
}

/*
 * Copies a floating-point numeral (decimal, hexadecimal, inf, infinity or nan in any case) of
 * at most `width` characters; returns its length, 0 if there is none, -1 when characters were
 * read that start no number. As glibc's: "inf" followed by an i must go on to "infinity" within
 * the width (else no number), "nan(...)" is read as "nan".
 */
static int wscan_float(struct wscan_source *in, int width, char *buf) {
  int n = 0, digits = 0;
  if (width > WSCAN_FIELD) width = WSCAN_FIELD;
  wint_t c = wscan_get(in);
  if (n < width && (c == '+' || c == '-')) {
    buf[n++] = (char)c;
    c = wscan_get(in);
  }
  if (lower(c) == 'i' || lower(c) == 'n') {
    int infinity = lower(c) == 'i';
    wscan_unget(in, c);
    if (!wscan_word(in, infinity ? "inf" : "nan", buf, &n, width)) return -1;
    if (infinity && n < width) {
      c = wscan_get(in);
      if (lower(c) == 'i') {
        buf[n++] = (char)c;
        if (!wscan_word(in, "nity", buf, &n, width)) return -1;
      } else {
        wscan_unget(in, c);
      }
    }
    buf[n] = 0;
    return n;
  }
  if (n < width && c == '0') {
    buf[n++] = (char)c;
    digits++;
    c = wscan_get(in);
    if (n < width && (c == 'x' || c == 'X')) {
      /* as glibc: a width that ends right after the x leaves the x unread (the number is the 0);
         an x followed by neither a hex digit nor a point is a matching failure */
      if (n + 1 == width) {
        buf[n] = 0;
        wscan_unget(in, c);
        return n;
      }
      buf[n++] = (char)c;
      c = wscan_get(in);
      if (!numeral_digit(c, 1) && c != '.') {
        wscan_unget(in, c);
        return -1;
      }
      int hex_digits = 0; /* the exponent needs a digit after the x */
      return wscan_numeral_rest(in, c, buf, n, width, 1, &hex_digits);
    }
  }
  n = wscan_numeral_rest(in, c, buf, n, width, 0, &digits);
  if (digits > 0) return n;
  return n > 0 ? -1 : 0;
}

/* Stores an integer through the pointer va_arg gives, by the conversion's length modifier. */
static void wstore_integer(va_list *ap, int size, unsigned long long v) {
  switch (size) {
    case 'H': *va_arg(*ap, signed char *) = (signed char)v; break;
    case 'h': *va_arg(*ap, short *) = (short)v; break;
    case 'q': *va_arg(*ap, long long *) = (long long)v; break;
    default: *va_arg(*ap, int *) = (int)v; break;
  }
}

/* Whether c is in the %[ set that runs from set to its closing ']' at end (without the ^). */
static int in_set(const wchar_t *set, const wchar_t *end, wint_t c) {
  const wchar_t *p = set;
  if (*p == ']') {
    if (c == ']') return 1;
    p++;
  }
  for (; p < end; p++) {
    if (p[1] == '-' && p + 2 < end) {
      if (c >= (wint_t)p[0] && c <= (wint_t)p[2]) return 1;
      p += 2;
    } else if (c == (wint_t)*p) {
      return 1;
    }
  }
  return 0;
}

/* The value of an input failure (the input ended, or a %c met a character without a byte). */
#define INPUT_FAILURE(assigned) ((assigned) > 0 ? (assigned) : EOF)

static int vwscan(struct wscan_source *in, const wchar_t *fmt, va_list ap0) {
  va_list ap;
  va_copy(ap, ap0);
  int assigned = 0;
  int skip = 0; /* white space in the format: skipped by the next directive, as glibc's */
  char buf[WSCAN_FIELD + 2];
  for (; *fmt; fmt++) {
    wint_t f = (wint_t)*fmt;
    if (wspace(f)) {
      skip = 1;
      continue;
    }
    if (f != '%' || fmt[1] == '%') {
      if (f == '%') {
        fmt++;
        wskip_space_before_conversion(in);
      } else if (skip) {
        wskip_space(in);
      }
      skip = 0;
      wint_t c = wscan_get(in);
      if (c != f) {
        wscan_unget(in, c);
        if (c == WEOF) assigned = INPUT_FAILURE(assigned);
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
    wint_t conv = (wint_t)*fmt;
    if (conv == 0) break;
    if (conv == 'C' || conv == 'S') { /* %C and %S are %lc and %ls */
      conv = conv == 'C' ? 'c' : 's';
      size = 'l';
    }
    if (skip || (conv != 'c' && conv != '[' && conv != 'n')) wskip_space_before_conversion(in);
    skip = 0;
    if (conv == 'n') {
      if (!suppress) wstore_integer(&ap, size, (unsigned long long)(long long)in->count);
      continue;
    }
    if (conv == 'c' || conv == 's' || conv == '[') {
      const wchar_t *set = NULL;
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
      int wide = size == 'l';
      void *out = suppress ? NULL : va_arg(ap, void *);
      int n = 0;
      wint_t c = 0;
      while (width < 0 || n < width) {
        c = wscan_get(in);
        if (c == WEOF) break;
        if ((conv == 's' && wspace(c)) || (conv == '[' && in_set(set, fmt, c) == negate)) {
          wscan_unget(in, c);
          break;
        }
        if (out && wide) {
          ((wchar_t *)out)[n] = (wchar_t)c;
        } else if (out) {
          if (c >= 0x80) { /* no byte for it in the C locale */
            errno = EILSEQ;
            va_end(ap);
            return conv == 'c' ? INPUT_FAILURE(assigned) : assigned;
          }
          ((char *)out)[n] = (char)c;
        }
        n++;
      }
      if (n == 0) { /* a %c cut short by the end of the input still counts, as glibc's */
        if (c == WEOF) assigned = INPUT_FAILURE(assigned);
        break;
      }
      if (out && conv != 'c') {
        if (wide) {
          ((wchar_t *)out)[n] = 0;
        } else { /* glibc's writes two NULs: a %7s needs 9 bytes */
          ((char *)out)[n] = 0;
          ((char *)out)[n + 1] = 0;
        }
      }
      if (out) assigned++;
      continue;
    }
    int limit = width > 0 && width < WSCAN_FIELD ? width : WSCAN_FIELD;
    int n;
    if (conv == 'f' || conv == 'e' || conv == 'g' || conv == 'E' || conv == 'G' || conv == 'F' || conv == 'a' || conv == 'A') {
      n = wscan_float(in, limit, buf);
      if (n <= 0) {
        if (n == 0 && wat_end(in)) assigned = INPUT_FAILURE(assigned);
        break;
      }
      if (!suppress) {
        if (size == 'l' || size == 'q') { /* %lf; %Lf: long double is binary64 */
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
    n = wscan_integer(in, limit, base, buf);
    int sign = buf[0] == '+' || buf[0] == '-';
    if (n == sign) {
      if (n == 0 && wat_end(in)) assigned = INPUT_FAILURE(assigned);
      break;
    }
    if (suppress) continue;
    if (conv == 'p') {
      *va_arg(ap, void **) = (void *)strtoul(buf, NULL, 16);
    } else if (size == 'l') { /* long is 32 bits here: strtol's range, and ERANGE beyond it */
      wstore_integer(&ap, size, conv == 'd' || conv == 'i' ? (unsigned long long)(long long)strtol(buf, NULL, base)
                                                           : strtoul(buf, NULL, base));
    } else { /* as glibc's, which converts with x86-64's 64-bit long, then narrows: no ERANGE for an int */
      wstore_integer(&ap, size, conv == 'd' || conv == 'i' ? (unsigned long long)strtoll(buf, NULL, base)
                                                           : strtoull(buf, NULL, base));
    }
    assigned++;
  }
  if (skip && *fmt == 0) wskip_space(in); /* the format ended with white space */
  va_end(ap);
  return assigned;
}

int vswscanf(const wchar_t *restrict s, const wchar_t *restrict fmt, va_list ap) {
  struct wscan_source in = {s, NULL, 0, 0, 0};
  return vwscan(&in, fmt, ap);
}

int vfwscanf(FILE *restrict stream, const wchar_t *restrict fmt, va_list ap) {
  struct wscan_source in = {NULL, stream, 0, 0, 0};
  return vwscan(&in, fmt, ap);
}

int vwscanf(const wchar_t *restrict fmt, va_list ap) {
  return vfwscanf(stdin, fmt, ap);
}

int swscanf(const wchar_t *restrict s, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vswscanf(s, fmt, ap);
  va_end(ap);
  return r;
}

int fwscanf(FILE *restrict stream, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfwscanf(stream, fmt, ap);
  va_end(ap);
  return r;
}

int wscanf(const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfwscanf(stdin, fmt, ap);
  va_end(ap);
  return r;
}
#endif
