/*
 * scanf, fscanf, sscanf and their va_list forms. A conversion first copies the characters
 * its syntax accepts into a buffer (reading one character past them, which goes back to the
 * stream), then hands the buffer to strtol, strtoul, strtoll, strtoull or strtod, so that
 * values, overflow and rounding are exactly theirs.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Where characters come from: a string (sscanf) or stdin (scanf, fscanf). Once the input has
 * ended, every later read gives EOF again without reading and, as glibc's, puts back the errno
 * that the ending read left (so a conversion's ERANGE does not survive a directive that reads
 * after the end).
 */
struct scan_source {
  const char *s;
  FILE *stream;
  int count;
  int ended;
  int end_errno;
};

static int scan_get(struct scan_source *in) {
  if (in->ended) {
    errno = in->end_errno;
    return EOF;
  }
  int c;
  if (in->stream) {
    c = fgetc(in->stream);
  } else {
    c = (unsigned char)*in->s;
    if (c == 0) c = EOF;
    else in->s++;
  }
  if (c == EOF) {
    in->ended = 1;
    in->end_errno = errno;
    return EOF;
  }
  in->count++;
  return c;
}

static void scan_unget(struct scan_source *in, int c) {
  if (c == EOF) return;
  in->count--;
  if (in->stream) {
    ungetc(c, in->stream);
  } else {
    in->s--;
  }
}

/* Longest numeral a conversion copies; longer input is cut (as a field width would). */
#define SCAN_FIELD 80

/* Copies an integer numeral in `base` (0: C's prefixes) of at most `width` characters into buf. */
static int scan_integer(struct scan_source *in, int width, int base, char *buf) {
  int n = 0;
  int c = scan_get(in);
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
  while (n < width && n < SCAN_FIELD) {
    int d = c >= '0' && c <= '9' ? c - '0'
            : c >= 'a' && c <= 'z' ? c - 'a' + 10
            : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
    if (d >= base) break;
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
 * as glibc's scanf does on its way through "inf", "infinity" and "nan" (a stream shows it).
 */
static int scan_letters(struct scan_source *in, int *n, int width, char *buf, const char *word) {
  int c;
  while (*word && *n < width) {
    c = scan_get(in);
    if (tolower(c) != *word) return 0;
    buf[(*n)++] = (char)c;
    word++;
  }
  return *word == 0;
}

static int numeral_digit(int c, int hex) { return hex ? isxdigit(c) : c >= '0' && c <= '9'; }

/*
 * Copies the rest of a numeral into buf[n..] from the character c on: digits (hexadecimal ones
 * if hex), a point and digits, then, if *digits is above 0, an exponent (p if hex, else e; a
 * sign; decimal digits), all within width. *digits counts the mantissa's digits. Ungets the
 * character after the numeral, ends buf and returns its length.
 */
static int scan_numeral_rest(struct scan_source *in, int c, char *buf, int n, int width, int hex, int *digits) {
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
  int marker = hex ? 'p' : 'e';
  if (*digits > 0 && n < width && (c == marker || c == marker - ('a' - 'A'))) {
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
 * Copies a floating-point numeral (decimal, hexadecimal, or inf / infinity / nan) of at most
 * `width` characters; returns its length, 0 if it read no character of one, -1 if it read some
 * but they are no numeral (a sign, a point, part of a word, a bare "0x"): a matching failure,
 * not an input failure, even at the end of the input, as glibc's.
 */
static int scan_float(struct scan_source *in, int width, char *buf) {
  int n = 0, digits = 0;
  if (width > SCAN_FIELD) width = SCAN_FIELD;
  int c = scan_get(in);
  if (n < width && (c == '+' || c == '-')) {
    buf[n++] = (char)c;
    c = scan_get(in);
  }
  if (c == 'i' || c == 'I' || c == 'n' || c == 'N') {
    scan_unget(in, c);
    const char *word = c == 'i' || c == 'I' ? "inf" : "nan";
    if (!scan_letters(in, &n, width, buf, word)) return -1;
    if (word[0] == 'i' && n < width) {
      /*
       * As glibc: an i after "inf" commits to "infinity" (the stream keeps one character of
       * push-back), so a partial "infinity", or one the width cuts, is a matching failure.
       */
      c = scan_get(in);
      if (c != 'i' && c != 'I') {
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
      if (!isxdigit(c) && c != '.') {
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
  int c = scan_get(in);
  scan_unget(in, c);
  return c == EOF;
}

static void skip_space(struct scan_source *in) {
  int c;
  do c = scan_get(in); while (isspace(c));
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

static int vscan(struct scan_source *in, const char *fmt, va_list ap0) {
  va_list ap;
  va_copy(ap, ap0);
  /* An input failure returns EOF while nothing is assigned, as glibc's (%*d and %n do not count). */
  int assigned = 0;
  int skip = 0; /* white space in the format: skipped by the next directive, as glibc's */
  char buf[SCAN_FIELD + 2];
  for (; *fmt; fmt++) {
    unsigned char f = (unsigned char)*fmt;
    if (isspace(f)) {
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
      int c = scan_get(in);
      if (c != f) {
        scan_unget(in, c);
        if (c == EOF && assigned == 0) assigned = EOF;
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
    while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (*fmt++ - '0');
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
    } else if (*fmt == 'j' || *fmt == 'L') { /* glibc's L: long long, or long double for %Lf */
      fmt++;
      size = 'q';
    } else if (*fmt == 'z' || *fmt == 't') {
      fmt++;
    }
    char conv = *fmt;
    if (conv == 0) break;
    if (skip || (conv != 'c' && conv != '[' && conv != 'n')) skip_space_before_conversion(in);
    skip = 0;
    if (conv == 'n') {
      if (!suppress) store_integer(&ap, size, (unsigned long long)(long long)in->count);
      continue;
    }
    if (conv == 'c' || conv == 's' || conv == '[') {
      char set[256];
      if (conv == '[') {
        int negate = 0;
        fmt++;
        if (*fmt == '^') {
          negate = 1;
          fmt++;
        }
        memset(set, negate, sizeof set);
        if (*fmt == ']') set[(unsigned char)*fmt++] = !negate;
        for (; *fmt && *fmt != ']'; fmt++) {
          if (fmt[1] == '-' && fmt[2] && fmt[2] != ']') {
            for (int c = (unsigned char)fmt[0]; c <= (unsigned char)fmt[2]; c++) set[c] = !negate;
            fmt += 2;
          } else {
            set[(unsigned char)*fmt] = !negate;
          }
        }
        if (*fmt == 0) break;
      }
      if (width == 0) width = conv == 'c' ? 1 : -1;
      char *out = suppress ? NULL : va_arg(ap, char *);
      int n = 0, c = 0;
      while (width < 0 || n < width) {
        c = scan_get(in);
        if (c == EOF) break;
        if ((conv == 's' && isspace(c)) || (conv == '[' && !set[c])) {
          scan_unget(in, c);
          break;
        }
        if (out) out[n] = (char)c;
        n++;
      }
      if (n == 0) { /* a %c the input cuts short still assigns what it read, as glibc's */
        if (c == EOF && assigned == 0) assigned = EOF;
        break;
      }
      if (out && conv != 'c') out[n] = 0;
      if (out) assigned++;
      continue;
    }
    int limit = width > 0 && width < SCAN_FIELD ? width : SCAN_FIELD;
    int n;
    if (conv == 'f' || conv == 'e' || conv == 'g' || conv == 'E' || conv == 'G' || conv == 'F' || conv == 'a' || conv == 'A') {
      n = scan_float(in, limit, buf);
      if (n <= 0) {
        if (n == 0 && scan_at_end(in) && assigned == 0) assigned = EOF;
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
      if (n == 0 && scan_at_end(in) && assigned == 0) assigned = EOF;
      break;
    }
    if (suppress) continue;
    if (conv == 'p') {
      *va_arg(ap, void **) = (void *)strtoul(buf, NULL, 16);
    } else if (size == 'q') {
      store_integer(&ap, size, conv == 'd' || conv == 'i' ? (unsigned long long)strtoll(buf, NULL, base)
                                                          : strtoull(buf, NULL, base));
    } else if (size == 'l') { /* long is 32 bits here: its range, and ERANGE beyond it */
      store_integer(&ap, size, conv == 'd' || conv == 'i' ? (unsigned long long)(long long)strtol(buf, NULL, base)
                                                          : strtoul(buf, NULL, base));
    } else {
      /*
       * glibc converts %d, %u, %hd, ... as a (64-bit) long and stores its low bits: "4294967297"
       * gives 1, without ERANGE, as on x86-64.
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

int vsscanf(const char *s, const char *format, va_list ap) {
  struct scan_source in = {s, NULL, 0, 0, 0};
  return vscan(&in, format, ap);
}

int vfscanf(FILE *stream, const char *format, va_list ap) {
  struct scan_source in = {NULL, stream, 0, 0, 0};
  return vscan(&in, format, ap);
}

int vscanf(const char *format, va_list ap) {
  return vfscanf(stdin, format, ap);
}

int sscanf(const char *s, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  int r = vsscanf(s, format, ap);
  va_end(ap);
  return r;
}

int fscanf(FILE *stream, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  int r = vfscanf(stream, format, ap);
  va_end(ap);
  return r;
}

int scanf(const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  int r = vfscanf(stdin, format, ap);
  va_end(ap);
  return r;
}
