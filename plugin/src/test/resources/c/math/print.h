/*
 * The samples' printf for the conversions they use (%s, %d, %ld, %x, %llx, with a zero-padded
 * width), written out with putchar. MathLibraryTest runs the samples in Chicory, where libc's
 * general printf (its 64-bit digits by 16-bit long division) took over half of the test's
 * time. Both builds, ours and gcc's, print through it, so their lines compare as before; a
 * format with any other conversion goes to vprintf whole. Its result is 0: the samples do not
 * read it.
 */
#ifndef PRINT_H
#define PRINT_H

#include <stdarg.h>
#include <stdio.h>

static void print_digits(unsigned long long v, unsigned base, int width) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = "0123456789abcdef"[v % base];
    v /= base;
  } while (v != 0);
  while (n < width) digits[n++] = '0';
  while (n > 0) putchar(digits[--n]);
}

/*
 * Reads the conversion at f (after its '%'): an optional zero-padded width up to 24, then l or
 * ll, then d or x; or a plain s. Returns its length, or 0 when print does not handle it.
 */
static int print_conversion(const char *f, int *width, int *longs, char *conversion) {
  const char *p = f;
  *width = 0;
  *longs = 0;
  if (*p == '0') {
    for (; *p >= '0' && *p <= '9'; p++) *width = 10 * *width + (*p - '0');
    if (*width > 24) return 0;
  }
  for (; *p == 'l' && *longs < 2; p++) ++*longs;
  *conversion = *p;
  if (*p == 's') return p == f;
  return *p == 'd' || *p == 'x' ? (int)(p - f) + 1 : 0;
}

static int print(const char *fmt, ...) {
  int width, longs;
  char conversion;
  va_list ap;
  va_start(ap, fmt);
  for (const char *p = fmt; *p; p++) {
    if (*p == '%' && !print_conversion(p + 1, &width, &longs, &conversion)) {
      int n = vprintf(fmt, ap);
      va_end(ap);
      return n;
    }
  }
  for (const char *p = fmt; *p; p++) {
    if (*p != '%') {
      putchar(*p);
      continue;
    }
    p += print_conversion(p + 1, &width, &longs, &conversion);
    if (conversion == 's') {
      for (const char *s = va_arg(ap, const char *); *s; s++) putchar(*s);
    } else if (conversion == 'x') {
      print_digits(longs == 2 ? va_arg(ap, unsigned long long) : longs ? va_arg(ap, unsigned long) : va_arg(ap, unsigned),
                   16, width);
    } else {
      long long v = longs == 2 ? va_arg(ap, long long) : longs ? va_arg(ap, long) : va_arg(ap, int);
      if (v < 0) putchar('-');
      print_digits(v < 0 ? -(unsigned long long)v : (unsigned long long)v, 10, width);
    }
  }
  va_end(ap);
  return 0;
}

#define printf print

#endif
