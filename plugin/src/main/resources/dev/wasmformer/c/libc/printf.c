/*
 * The printf family. Written with 32-bit arithmetic only, so a program that prints (even
 * %lld or %f) needs no 64-bit instructions: a 64-bit argument is read as two 32-bit words and
 * divided by the base in 16-bit steps. A double is printed exactly, like glibc: its value
 * m * 2^e is turned into a big decimal integer (base 10^4 limbs) m * 2^e, or m * 5^-e with
 * the decimal point -e digits from the right, and rounded in decimal, ties to even.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __WF_PRINTF_M
#include <errno.h>
const char *strerrorname_np(int errnum);

/* glibc's %m: errno's text; %#m (name): its name, or its number when it has none (wprintf's too) */
const char *__wasmformer_errno_text(int name, char number[12]) {
  const char *text = name ? strerrorname_np(errno) : strerror(errno);
  if (text == NULL) {
    snprintf(number, 12, "%d", errno);
    text = number;
  }
  return text;
}
#endif

int __wasmformer_putchar_err(int c) __attribute__((import_module("env"), import_name("putchar_err")));

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

/* ---- floating point ---- */

#define DIGITS 800

int __wf_decimal(unsigned mhi, unsigned mlo, int e, char *digits, int *pos);

/* A finite double's magnitude as decimal digits: 0.d[0]d[1]...d[n-1] * 10^pos (d[0] != '0'). */
struct decimal {
  char d[DIGITS];
  int n;
  int pos;
};

static void decimal_of(unsigned hi, unsigned lo, struct decimal *dec) {
  int be = (int)((hi >> 20) & 0x7FF);
  unsigned mhi = hi & 0xFFFFF;
  if (be != 0) mhi |= 0x100000;
  dec->n = __wf_decimal(mhi, lo, be == 0 ? -1074 : be - 1075, dec->d, &dec->pos);
}

static char digit_at(struct decimal *dec, int i) {
  return i >= 0 && i < dec->n ? dec->d[i] : '0';
}

/* Keeps the first r digits, rounding the rest to nearest, ties to even. */
static void round_at(struct decimal *dec, int r) {
  if (r >= dec->n) return;
  if (r < 0) {
    dec->n = 0;
    return;
  }
  char next = dec->d[r];
  int up = next > '5';
  if (next == '5') {
    int rest = 0;
    for (int i = r + 1; i < dec->n; i++) rest |= dec->d[i] != '0';
    up = rest || (r > 0 && ((dec->d[r - 1] - '0') & 1));
  }
  dec->n = r;
  if (!up) return;
  int i = r - 1;
  while (i >= 0 && dec->d[i] == '9') dec->d[i--] = '0';
  if (i >= 0) {
    dec->d[i]++;
  } else {
    for (int j = dec->n; j > 0; j--) dec->d[j] = dec->d[j - 1];
    dec->d[0] = '1';
    dec->n++;
    dec->pos++;
  }
}

#define BODY 1500

/* Appends the fixed-point form with `precision` fraction digits. */
static int fixed_body(struct decimal *dec, int precision, int alt, char *out) {
  int len = 0;
  if (dec->pos <= 0) {
    out[len++] = '0';
  } else {
    for (int i = 0; i < dec->pos; i++) out[len++] = digit_at(dec, i);
  }
  if (precision > 0 || alt) out[len++] = '.';
  for (int j = 0; j < precision; j++) out[len++] = digit_at(dec, dec->pos + j);
  return len;
}

static int exponent_body(struct decimal *dec, int precision, int alt, int upper, char *out) {
  int len = 0;
  int x = dec->n == 0 ? 0 : dec->pos - 1;
  out[len++] = digit_at(dec, 0);
  if (precision > 0 || alt) out[len++] = '.';
  for (int j = 1; j <= precision; j++) out[len++] = digit_at(dec, j);
  out[len++] = upper ? 'E' : 'e';
  out[len++] = x < 0 ? '-' : '+';
  if (x < 0) x = -x;
  if (x >= 100) out[len++] = (char)('0' + x / 100);
  out[len++] = (char)('0' + x / 10 % 10);
  out[len++] = (char)('0' + x % 10);
  return len;
}

/* %g without '#': drops trailing zeros of the fraction, and a bare point. */
static int strip_zeros(char *body, int len) {
  int point = -1, exp = len;
  for (int i = 0; i < len; i++) {
    if (body[i] == '.') point = i;
    if (body[i] == 'e' || body[i] == 'E') exp = i;
  }
  if (point < 0) return len;
  int end = exp;
  while (end > point + 1 && body[end - 1] == '0') end--;
  if (end == point + 1) end = point;
  int out = end;
  for (int i = exp; i < len; i++) body[out++] = body[i];
  return out;
}

static void format_double(struct sink *s, unsigned hi, unsigned lo, int precision, int width, int flags, char conv) {
  char body[BODY];
  int len = 0;
  int upper = conv == 'F' || conv == 'E' || conv == 'G';
  const char *prefix = "";
  if (hi >> 31) prefix = "-";
  else if (flags & FLAG_PLUS) prefix = "+";
  else if (flags & FLAG_SPACE) prefix = " ";
  if (((hi >> 20) & 0x7FF) == 0x7FF) {
    int nan = (hi & 0xFFFFF) != 0 || lo != 0;
    const char *word = nan ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    pad_and_emit(s, prefix, word, 3, 0, width, flags & ~FLAG_ZERO);
    return;
  }
  if (precision < 0) precision = 6;
  if (precision > BODY - 320) precision = BODY - 320; /* glibc has no limit */
  struct decimal dec;
  decimal_of(hi, lo, &dec);
  int alt = (flags & FLAG_ALT) != 0;
  if (conv == 'f' || conv == 'F') {
    round_at(&dec, dec.pos + precision);
    len = fixed_body(&dec, precision, alt, body);
  } else if (conv == 'e' || conv == 'E') {
    round_at(&dec, precision + 1);
    len = exponent_body(&dec, precision, alt, upper, body);
  } else {
    int p = precision == 0 ? 1 : precision;
    round_at(&dec, p);
    int x = dec.n == 0 ? 0 : dec.pos - 1;
    if (x < p && x >= -4) {
      len = fixed_body(&dec, p - 1 - x, alt, body);
    } else {
      len = exponent_body(&dec, p - 1, alt, upper, body);
    }
    if (!alt) len = strip_zeros(body, len);
  }
  pad_and_emit(s, prefix, body, len, 0, width, flags);
}

/*
 * %a and %A as glibc prints them: 0x1.hhhp+d for a normal number, 0x0.hhhp-1022 for a
 * subnormal, 0x0p+0 for zero; all 13 fraction digits less trailing zeros without a precision,
 * else rounded to it (ties to even; a carry out of the fraction makes the leading digit 2).
 */
static void format_hex_double(struct sink *s, unsigned hi, unsigned lo, int precision, int width, int flags,
                              int upper) {
  const char *alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char prefix[4];
  int plen = 0;
  if (hi >> 31) prefix[plen++] = '-';
  else if (flags & FLAG_PLUS) prefix[plen++] = '+';
  else if (flags & FLAG_SPACE) prefix[plen++] = ' ';
  int biased = (int)((hi >> 20) & 0x7FF);
  if (biased == 0x7FF) {
    prefix[plen] = 0;
    int nan = (hi & 0xFFFFF) != 0 || lo != 0;
    const char *word = nan ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    pad_and_emit(s, prefix, word, 3, 0, width, flags & ~FLAG_ZERO);
    return;
  }
  prefix[plen++] = '0';
  prefix[plen++] = upper ? 'X' : 'x';
  prefix[plen] = 0;
  int d[13];
  for (int i = 0; i < 5; i++) d[i] = (int)((hi >> (16 - 4 * i)) & 0xF);
  for (int i = 0; i < 8; i++) d[5 + i] = (int)((lo >> (28 - 4 * i)) & 0xF);
  int n = 13;
  while (n > 0 && d[n - 1] == 0) n--;
  int lead = biased == 0 ? 0 : 1;
  int exponent = biased == 0 ? (n == 0 ? 0 : -1022) : biased - 1023;
  if (precision < 0) {
    precision = n;
  } else if (precision < n) {
    int next = d[precision];
    int last = precision > 0 ? d[precision - 1] : lead;
    int more = (next & 7) != 0 || precision + 1 < n;
    if (next >= 8 && (more || (last & 1))) {
      int i = precision - 1;
      while (i >= 0 && d[i] == 15) d[i--] = 0;
      if (i >= 0) d[i]++;
      else lead++;
    }
    n = precision;
  }
  if (precision > 500) precision = 500; /* glibc has no limit */
  char body[520];
  int len = 0;
  body[len++] = alphabet[lead];
  if (precision > 0 || (flags & FLAG_ALT)) body[len++] = '.';
  for (int i = 0; i < precision; i++) body[len++] = i < n ? alphabet[d[i]] : '0';
  body[len++] = upper ? 'P' : 'p';
  body[len++] = exponent < 0 ? '-' : '+';
  unsigned mag = (unsigned)(exponent < 0 ? -exponent : exponent);
  char ebuf[8];
  int en = 0;
  do {
    ebuf[en++] = (char)('0' + mag % 10);
    mag /= 10;
  } while (mag);
  while (en > 0) body[len++] = ebuf[--en];
  pad_and_emit(s, prefix, body, len, 0, width, flags);
}

#ifdef __WF_WCHAR
/* Writes code point c's UTF-8 bytes to out; returns how many (1 to 4). */
static int utf8(unsigned c, char *out) {
  if (c < 0x80) {
    out[0] = (char)c;
    return 1;
  }
  int n = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  for (int i = n - 1; i > 0; i--) {
    out[i] = (char)(0x80 | (c & 0x3F));
    c >>= 6;
  }
  out[0] = (char)((0xF00 >> n) | c);
  return n;
}

/* %ls (n < 0: up to the NUL) and %lc (n == 1): the characters' UTF-8, as glibc writes them in
   a UTF-8 locale; precision and width count bytes, and no character is cut. */
static void format_wide(struct sink *s, const int *w, int n, int precision, int width, int flags) {
  char b[4];
  int len = 0;
  for (int i = 0; n < 0 ? w[i] != 0 : i < n; i++) {
    int k = utf8((unsigned)w[i], b);
    if (precision >= 0 && len + k > precision) break;
    len += k;
  }
  if (!(flags & FLAG_LEFT)) emit_repeat(s, ' ', width - len);
  for (int i = 0, done = 0; done < len; i++) {
    int k = utf8((unsigned)w[i], b);
    for (int j = 0; j < k; j++) emit(s, b[j]);
    done += k;
  }
  if (flags & FLAG_LEFT) emit_repeat(s, ' ', width - len);
}
#endif

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
#ifdef __WF_PRINTF_LL
      /* glibc's %Ld reads a long long (compiled in only for programs whose formats have it) */
      else if (*fmt == 'z' || *fmt == 't') size = 1;
      else if (*fmt == 'j' || *fmt == 'q' || *fmt == 'L') size = 2;
#else
      else if (*fmt == 'z' || *fmt == 't' || *fmt == 'L') size = 1;
      else if (*fmt == 'j' || *fmt == 'q') size = 2;
#endif
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
#ifdef __WF_WCHAR
        if (size == 1) {
          int wc = va_arg(*ap, int);
          format_wide(s, &wc, 1, -1, width, flags);
          break;
        }
#endif
        char ch = (char)va_arg(*ap, int);
        pad_and_emit(s, "", &ch, 1, 0, width, flags & ~FLAG_ZERO);
        break;
      }
      case 's': {
        const char *str = va_arg(*ap, const char *);
#ifdef __WF_WCHAR
        if (size == 1 && str != NULL) {
          format_wide(s, (const int *)str, -1, precision, width, flags);
          break;
        }
#endif
        if (str == NULL) str = "(null)";
        int n = 0;
        while (str[n] && (precision < 0 || n < precision)) n++;
        pad_and_emit(s, "", str, n, 0, width, flags & ~FLAG_ZERO);
        break;
      }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G': {
        unsigned lo, hi;
        take64(ap, &lo, &hi);
        format_double(s, hi, lo, precision, width, flags, conv);
        break;
      }
      case 'a':
      case 'A': {
        unsigned lo, hi;
        take64(ap, &lo, &hi);
        format_hex_double(s, hi, lo, precision, width, flags, conv == 'A');
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
#ifdef __WF_PRINTF_M
      case 'm': {
        char number[12];
        const char *str = __wasmformer_errno_text(flags & FLAG_ALT, number);
        int n = 0;
        while (str[n] && (precision < 0 || n < precision)) n++;
        pad_and_emit(s, "", str, n, 0, width, flags & ~FLAG_ZERO);
        break;
      }
#endif
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

/*
 * stderr's text is formatted into a buffer first (on the stack, or from malloc when longer),
 * then written to env.putchar_err: the sink that writes to the output stays stdout's alone,
 * so printf's code, and the traces of programs that only print, are what they were.
 */
static int error_vprintf(const char *fmt, va_list ap) {
  char line[256];
  va_list again;
  va_copy(again, ap);
  int n = vsnprintf(line, sizeof line, fmt, ap);
  char *text = line;
  if (n >= (int)sizeof line) {
    char *all = malloc((size_t)n + 1);
    if (all) {
      vsnprintf(all, (size_t)n + 1, fmt, again);
      text = all;
    } else {
      n = (int)sizeof line - 1; /* no memory for more: what fits */
    }
  }
  va_end(again);
  for (int i = 0; i < n; i++) __wasmformer_putchar_err((unsigned char)text[i]);
  if (text != line) free(text);
  return n;
}

int vfprintf(FILE *stream, const char *fmt, va_list ap) {
  if (stream == stdin) return -1;
  if (stream == stderr) return error_vprintf(fmt, ap);
  return vprintf(fmt, ap);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap) {
  struct sink s = {0, buf, (unsigned)size, 0};
  int n = format(&s, fmt, &ap);
  if (size > 0) buf[s.count < size ? s.count : size - 1] = '\0';
  return n;
}

/* The text in a buffer from malloc, freed by the caller; -1 when malloc fails. */
int vasprintf(char **str, const char *fmt, va_list ap) {
  va_list again;
  va_copy(again, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  *str = malloc((size_t)n + 1);
  if (*str == NULL) n = -1;
  else vsnprintf(*str, (size_t)n + 1, fmt, again);
  va_end(again);
  return n;
}

int asprintf(char **str, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vasprintf(str, fmt, ap);
  va_end(ap);
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
