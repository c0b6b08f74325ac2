/*
 * The printf family. Written with 32-bit arithmetic only, so a program that prints (even
 * %lld) needs no 64-bit instructions: a 64-bit argument is read as two 32-bit words and
 * divided by the base in 16-bit steps.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct sink {
  int to_output;   /* write to the output instead of buf */
  char *buf;
  unsigned size;   /* capacity of buf, including the terminating NUL */
  unsigned count;  /* characters produced so far (also those that did not fit) */
};

static void emit(struct sink *s, int c) {
  if (s->to_output) {
    putchar(c);
  } else if (s->count + 1 < s->size) {
    s->buf[s->count] = (char)c;
  }
  s->count++;
}

static void emit_repeat(struct sink *s, int c, int n) {
  while (n-- > 0) emit(s, c);
}

/* Divides the 64-bit value hi:lo by base in place; returns the remainder. */
static unsigned divide(unsigned *hi, unsigned *lo, unsigned base) {
  unsigned parts[4];
  unsigned r = 0;
  parts[0] = *hi >> 16;
  parts[1] = *hi & 0xFFFF;
  parts[2] = *lo >> 16;
  parts[3] = *lo & 0xFFFF;
  for (int i = 0; i < 4; i++) {
    unsigned cur = (r << 16) | parts[i];
    parts[i] = cur / base;
    r = cur % base;
  }
  *hi = (parts[0] << 16) | parts[1];
  *lo = (parts[2] << 16) | parts[3];
  return r;
}

/* Reads a long long variable argument as two words (the area aligns it to 8). */
static void take64(va_list *ap, unsigned *lo, unsigned *hi) {
  char *p = (char *)(((unsigned long)*ap + 7) & ~7UL);
  *lo = *(unsigned *)p;
  *hi = *(unsigned *)(p + 4);
  *ap = p + 8;
}

enum { FLAG_LEFT = 1, FLAG_ZERO = 2, FLAG_PLUS = 4, FLAG_SPACE = 8, FLAG_ALT = 16 };

static void pad_and_emit(struct sink *s, const char *prefix, const char *digits, int ndigits, int precision,
                         int width, int flags) {
  int zeros = precision > ndigits ? precision - ndigits : 0;
  int plen = (int)strlen(prefix);
  int total = plen + zeros + ndigits;
  int pad = width > total ? width - total : 0;
  if (!(flags & FLAG_LEFT) && !(flags & FLAG_ZERO)) emit_repeat(s, ' ', pad);
  for (int i = 0; i < plen; i++) emit(s, prefix[i]);
  if (!(flags & FLAG_LEFT) && (flags & FLAG_ZERO)) emit_repeat(s, '0', pad);
  emit_repeat(s, '0', zeros);
  for (int i = 0; i < ndigits; i++) emit(s, digits[i]);
  if (flags & FLAG_LEFT) emit_repeat(s, ' ', pad);
}

static void format_integer(struct sink *s, unsigned hi, unsigned lo, int negative, unsigned base, int upper,
                           int precision, int width, int flags, char conv) {
  char buf[24];
  char digits[24];
  int n = 0;
  const char *alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  while (hi != 0 || lo != 0) {
    buf[n++] = alphabet[divide(&hi, &lo, base)];
  }
  for (int i = 0; i < n; i++) digits[i] = buf[n - 1 - i];
  const char *prefix = "";
  if (negative) prefix = "-";
  else if (flags & FLAG_PLUS) prefix = "+";
  else if (flags & FLAG_SPACE) prefix = " ";
  if ((flags & FLAG_ALT) && n > 0) {
    if (conv == 'x') prefix = "0x";
    if (conv == 'X') prefix = "0X";
  }
  if ((flags & FLAG_ALT) && conv == 'o' && precision <= n) precision = n + 1;
  if (precision >= 0) flags &= ~FLAG_ZERO;
  else precision = 1;
  pad_and_emit(s, prefix, digits, n, precision, width, flags);
}

static int format(struct sink *s, const char *fmt, va_list *ap) {
  while (*fmt) {
    char c = *fmt++;
    if (c != '%') {
      emit(s, c);
      continue;
    }
    int flags = 0;
    for (;; fmt++) {
      if (*fmt == '-') flags |= FLAG_LEFT;
      else if (*fmt == '0') flags |= FLAG_ZERO;
      else if (*fmt == '+') flags |= FLAG_PLUS;
      else if (*fmt == ' ') flags |= FLAG_SPACE;
      else if (*fmt == '#') flags |= FLAG_ALT;
      else break;
    }
    int width = 0;
    if (*fmt == '*') {
      width = va_arg(*ap, int);
      if (width < 0) {
        flags |= FLAG_LEFT;
        width = -width;
      }
      fmt++;
    } else {
      while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (*fmt++ - '0');
    }
    int precision = -1;
    if (*fmt == '.') {
      fmt++;
      precision = 0;
      if (*fmt == '*') {
        precision = va_arg(*ap, int);
        fmt++;
      } else {
        while (*fmt >= '0' && *fmt <= '9') precision = precision * 10 + (*fmt++ - '0');
      }
    }
    int size = 0; /* -2 hh, -1 h, 0 int, 1 long, 2 long long */
    for (;;) {
      if (*fmt == 'h') size = size == -1 ? -2 : -1;
      else if (*fmt == 'l') size = size == 1 ? 2 : 1;
      else if (*fmt == 'z' || *fmt == 't' || *fmt == 'L') size = 1;
      else if (*fmt == 'j' || *fmt == 'q') size = 2;
      else break;
      fmt++;
    }
    char conv = *fmt;
    if (conv == '\0') break;
    fmt++;
    switch (conv) {
      case 'd':
      case 'i': {
        unsigned lo, hi;
        int negative = 0;
        if (size == 2) {
          take64(ap, &lo, &hi);
        } else {
          int v = va_arg(*ap, int);
          if (size == -1) v = (short)v;
          if (size == -2) v = (signed char)v;
          lo = (unsigned)v;
          hi = v < 0 ? 0xFFFFFFFFu : 0;
        }
        if (hi & 0x80000000u) {
          negative = 1;
          lo = ~lo + 1;
          hi = ~hi + (lo == 0);
        }
        format_integer(s, hi, lo, negative, 10, 0, precision, width, flags, conv);
        break;
      }
      case 'u':
      case 'x':
      case 'X':
      case 'o': {
        unsigned lo, hi = 0;
        if (size == 2) {
          take64(ap, &lo, &hi);
        } else {
          lo = va_arg(*ap, unsigned);
          if (size == -1) lo = (unsigned short)lo;
          if (size == -2) lo = (unsigned char)lo;
        }
        unsigned base = conv == 'u' ? 10 : conv == 'o' ? 8 : 16;
        format_integer(s, hi, lo, 0, base, conv == 'X', precision, width, flags & ~(FLAG_PLUS | FLAG_SPACE), conv);
        break;
      }
      case 'p': {
        void *p = va_arg(*ap, void *);
        if (p == NULL) {
          pad_and_emit(s, "", "(nil)", 5, 0, width, flags & ~FLAG_ZERO);
        } else {
          format_integer(s, 0, (unsigned long)p, 0, 16, 0, precision, width, flags | FLAG_ALT, 'x');
        }
        break;
      }
      case 'c': {
        char ch = (char)va_arg(*ap, int);
        pad_and_emit(s, "", &ch, 1, 0, width, flags & ~FLAG_ZERO);
        break;
      }
      case 's': {
        const char *str = va_arg(*ap, const char *);
        if (str == NULL) str = "(null)";
        int n = 0;
        while (str[n] && (precision < 0 || n < precision)) n++;
        pad_and_emit(s, "", str, n, 0, width, flags & ~FLAG_ZERO);
        break;
      }
      case 'n': {
        int *out = va_arg(*ap, int *);
        *out = (int)s->count;
        break;
      }
      case '%':
        emit(s, '%');
        break;
      default:
        emit(s, '%');
        emit(s, conv);
        break;
    }
  }
  return (int)s->count;
}

int vprintf(const char *fmt, va_list ap) {
  struct sink s = {1, NULL, 0, 0};
  return format(&s, fmt, &ap);
}

int vfprintf(FILE *stream, const char *fmt, va_list ap) {
  if (stream == stdin) return -1;
  return vprintf(fmt, ap);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap) {
  struct sink s = {0, buf, (unsigned)size, 0};
  int n = format(&s, fmt, &ap);
  if (size > 0) buf[s.count < size ? s.count : size - 1] = '\0';
  return n;
}

int vsprintf(char *buf, const char *fmt, va_list ap) {
  return vsnprintf(buf, 0x7FFFFFFF, fmt, ap);
}

int printf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vprintf(fmt, ap);
  va_end(ap);
  return n;
}

int fprintf(FILE *stream, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vfprintf(stream, fmt, ap);
  va_end(ap);
  return n;
}

int sprintf(char *buf, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsprintf(buf, fmt, ap);
  va_end(ap);
  return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, size, fmt, ap);
  va_end(ap);
  return n;
}
