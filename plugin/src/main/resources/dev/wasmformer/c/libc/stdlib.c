/* Conversions, arithmetic helpers and program termination. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <time.h>

int errno;

/* Ends the program: the compiler turns this into an unwind to main, which returns status. */
void exit(int status) {
  __wasmformer_exit(status);
}

void _Exit(int status) {
  __wasmformer_exit(status);
}

int abs(int x) {
  return x < 0 ? -x : x;
}

long labs(long x) {
  return x < 0 ? -x : x;
}

long long llabs(long long x) {
  return x < 0 ? -x : x;
}

div_t div(int num, int den) {
  div_t r;
  r.quot = num / den;
  r.rem = num % den;
  return r;
}

ldiv_t ldiv(long num, long den) {
  ldiv_t r;
  r.quot = num / den;
  r.rem = num % den;
  return r;
}

static int digit_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

/*
 * Parses the sign, base prefix and digits shared by the strto* functions into an unsigned
 * 32-bit magnitude; sets *overflow when the digits do not fit.
 */
static const char *parse_unsigned(const char *s, int *base, int *negative, unsigned long *value, int *overflow,
                                  int *any) {
  while (isspace((unsigned char)*s)) s++;
  *negative = 0;
  if (*s == '+' || *s == '-') *negative = *s++ == '-';
  if ((*base == 0 || *base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16) {
    s += 2;
    *base = 16;
  } else if (*base == 0) {
    *base = s[0] == '0' ? 8 : 10;
  }
  unsigned long v = 0;
  *overflow = 0;
  *any = 0;
  for (;; s++) {
    int d = digit_value((unsigned char)*s);
    if (d >= *base) break;
    *any = 1;
    if (v > (ULONG_MAX - (unsigned long)d) / (unsigned long)*base) *overflow = 1;
    v = v * (unsigned long)*base + (unsigned long)d;
  }
  *value = v;
  return s;
}

long strtol(const char *s, char **end, int base) {
  int negative, overflow, any;
  unsigned long v;
  const char *p = parse_unsigned(s, &base, &negative, &v, &overflow, &any);
  if (end) *end = (char *)(any ? p : s);
  if (negative) {
    if (overflow || v > (unsigned long)LONG_MAX + 1) {
      errno = ERANGE;
      return LONG_MIN;
    }
    return (long)(0 - v);
  }
  if (overflow || v > (unsigned long)LONG_MAX) {
    errno = ERANGE;
    return LONG_MAX;
  }
  return (long)v;
}

unsigned long strtoul(const char *s, char **end, int base) {
  int negative, overflow, any;
  unsigned long v;
  const char *p = parse_unsigned(s, &base, &negative, &v, &overflow, &any);
  if (end) *end = (char *)(any ? p : s);
  if (overflow) {
    errno = ERANGE;
    return ULONG_MAX;
  }
  return negative ? 0 - v : v;
}

/* parse_unsigned's 64-bit twin, for strtoll and strtoull. */
static const char *parse_unsigned64(const char *s, int *base, int *negative, unsigned long long *value,
                                    int *overflow, int *any) {
  while (isspace((unsigned char)*s)) s++;
  *negative = 0;
  if (*s == '+' || *s == '-') *negative = *s++ == '-';
  if ((*base == 0 || *base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16) {
    s += 2;
    *base = 16;
  } else if (*base == 0) {
    *base = s[0] == '0' ? 8 : 10;
  }
  unsigned long long v = 0;
  *overflow = 0;
  *any = 0;
  for (;; s++) {
    int d = digit_value((unsigned char)*s);
    if (d >= *base) break;
    *any = 1;
    if (v > (ULLONG_MAX - (unsigned long long)d) / (unsigned long long)*base) *overflow = 1;
    v = v * (unsigned long long)*base + (unsigned long long)d;
  }
  *value = v;
  return s;
}

long long strtoll(const char *s, char **end, int base) {
  int negative, overflow, any;
  unsigned long long v;
  const char *p = parse_unsigned64(s, &base, &negative, &v, &overflow, &any);
  if (end) *end = (char *)(any ? p : s);
  if (negative) {
    if (overflow || v > (unsigned long long)LLONG_MAX + 1) {
      errno = ERANGE;
      return LLONG_MIN;
    }
    return (long long)(0 - v);
  }
  if (overflow || v > (unsigned long long)LLONG_MAX) {
    errno = ERANGE;
    return LLONG_MAX;
  }
  return (long long)v;
}

unsigned long long strtoull(const char *s, char **end, int base) {
  int negative, overflow, any;
  unsigned long long v;
  const char *p = parse_unsigned64(s, &base, &negative, &v, &overflow, &any);
  if (end) *end = (char *)(any ? p : s);
  if (overflow) {
    errno = ERANGE;
    return ULLONG_MAX;
  }
  return negative ? 0 - v : v;
}

int atoi(const char *s) {
  return (int)strtol(s, NULL, 10);
}

long atol(const char *s) {
  return strtol(s, NULL, 10);
}

long long atoll(const char *s) {
  return strtoll(s, NULL, 10);
}

void *bsearch(const void *key, const void *base, size_t count, size_t size,
              int (*compare)(const void *, const void *)) {
  const char *lo = base;
  while (count > 0) {
    const char *mid = lo + (count / 2) * size;
    int c = compare(key, mid);
    if (c == 0) return (void *)mid;
    if (c > 0) {
      lo = mid + size;
      count -= count / 2 + 1;
    } else {
      count /= 2;
    }
  }
  return NULL;
}

char *getenv(const char *name) {
  (void)name;
  return NULL;
}

/* <time.h>: no clock on the transformer (see time.h). */
time_t time(time_t *t) {
  if (t) *t = (time_t)-1;
  return (time_t)-1;
}

clock_t clock(void) {
  return (clock_t)-1;
}

double difftime(time_t end, time_t start) {
  return (double)end - (double)start;
}
