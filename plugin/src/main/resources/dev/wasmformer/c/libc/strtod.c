/*
 * strtod, strtof, strtold, atof: decimal strings to the nearest double or float (ties to even).
 *
 * A first guess comes from soft-float arithmetic (the first 19 digits times powers of ten, a
 * few units in the last place off at most); then the guess is corrected exactly: the input is
 * compared digit by digit with the exact decimal expansion of the midpoints between the guess
 * and its neighbours, and the guess steps to a neighbour while the input lies beyond one.
 * Hexadecimal input (0x h.hhh p+d) is exact binary: its first 64 bits, with a sticky bit for
 * the rest, are rounded once to the format (ties to even, subnormals by their fixed unit).
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

typedef unsigned long long u64;

int __wf_decimal(unsigned mhi, unsigned mlo, int e, char *digits, int *pos);

#define MAX_DIGITS 780

/* The input: 0.d[0]d[1]...d[n-1] * 10^pos, d[0] != '0' (n == 0 for zero). */
struct input {
  char d[MAX_DIGITS + 1];
  int n;
  int pos;
};

/* A binary format: fraction bits and the exponent of a subnormal's unit. */
struct format {
  int frac_bits;
  int min_exp; /* -1074 or -149 */
  u64 inf;     /* the bit pattern of +infinity */
};

/* Compares the input with m * 2^e: negative, zero or positive. */
static int compare(struct input *in, u64 m, int e) {
  char digits[800];
  int pos;
  int n = __wf_decimal((unsigned)(m >> 32), (unsigned)m, e, digits, &pos);
  if (in->n == 0 || n == 0) return (in->n != 0) - (n != 0);
  if (in->pos != pos) return in->pos > pos ? 1 : -1;
  int len = in->n > n ? in->n : n;
  for (int i = 0; i < len; i++) {
    char a = i < in->n ? in->d[i] : '0';
    char b = i < n ? digits[i] : '0';
    if (a != b) return a > b ? 1 : -1;
  }
  return 0;
}

/* Corrects a guess (a positive bit pattern, possibly infinity) to the input's nearest value. */
static u64 correct(struct input *in, u64 bits, struct format *f) {
  u64 frac_mask = (1ULL << f->frac_bits) - 1;
  if (bits > f->inf) bits = f->inf;
  if (bits == f->inf) bits--; /* start from the largest finite value */
  for (int steps = 0; steps < 1000; steps++) {
    int be = (int)(bits >> f->frac_bits);
    u64 m = bits & frac_mask;
    int e = f->min_exp + (be > 0 ? be - 1 : 0);
    if (be > 0) m |= frac_mask + 1;
    /* The midpoint with the next value up: (2m + 1) * 2^(e - 1). */
    int c = compare(in, 2 * m + 1, e - 1);
    if (c > 0 || (c == 0 && (m & 1))) {
      bits++;
      if (bits == f->inf) return bits;
      continue;
    }
    if (bits == 0) return 0;
    /* The midpoint with the next value down; at the bottom of a binade the spacing halves. */
    if (be > 1 && (bits & frac_mask) == 0) {
      c = compare(in, 4 * m - 1, e - 2);
    } else {
      c = compare(in, 2 * m - 1, e - 1);
    }
    if (c < 0 || (c == 0 && (m & 1))) {
      bits--;
      continue;
    }
    return bits;
  }
  return bits;
}

static int matches(const char *p, const char *word) {
  for (; *word; p++, word++) {
    if (tolower((unsigned char)*p) != *word) return 0;
  }
  return 1;
}

static const double exact_powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* m (plus a sticky bit below it) shifted right by `shift`, rounded to nearest, ties to even. */
static u64 round_shift(u64 m, int sticky, int shift) {
  if (shift <= 0) return m << -shift;
  if (shift > 64) return 0;
  u64 q = shift == 64 ? 0 : m >> shift;
  int half = (int)((m >> (shift - 1)) & 1);
  u64 below = shift == 1 ? 0 : m & ((1ULL << (shift - 1)) - 1);
  if (half && (below || sticky || (q & 1))) q++;
  return q;
}

/*
 * Parses the hexadecimal digits after "0x" (and a binary exponent); returns 0 without touching
 * *end when there is no hex digit, else 1 with the magnitude's bits in *out.
 */
static int parse_hex(const char *p, char **end, struct format *f, u64 *out) {
  u64 m = 0;
  int sticky = 0, any = 0, seen_point = 0, exp2 = 0;
  for (;; p++) {
    if (*p == '.' && !seen_point) {
      seen_point = 1;
      continue;
    }
    int d = hex_value(*p);
    if (d < 0) break;
    any = 1;
    if ((m >> 60) == 0) {
      m = m * 16 + (u64)d;
      if (seen_point) exp2 -= 4;
    } else {
      if (d) sticky = 1;
      if (!seen_point) exp2 += 4;
    }
  }
  if (!any) return 0;
  if (*p == 'p' || *p == 'P') {
    const char *q = p + 1;
    int eneg = 0, ev = 0;
    if (*q == '+' || *q == '-') eneg = *q++ == '-';
    if (isdigit((unsigned char)*q)) {
      while (isdigit((unsigned char)*q)) {
        if (ev < 1000000) ev = ev * 10 + (*q - '0');
        q++;
      }
      exp2 += eneg ? -ev : ev;
      p = q;
    }
  }
  if (end) *end = (char *)p;
  if (m == 0) {
    *out = 0;
    return 1;
  }
  int top = 63;
  while (!((m >> top) & 1)) top--;
  int e = top + exp2; /* the value lies in [2^e, 2^(e+1)) */
  int emin = f->min_exp + f->frac_bits;
  int emax = f->frac_bits == 52 ? 1023 : 127;
  if (e > emax) {
    errno = ERANGE;
    *out = f->inf;
    return 1;
  }
  int unit = e >= emin ? e - f->frac_bits : f->min_exp;
  /*
   * glibc rounds a subnormal result from the value cut to the format's precision, with a
   * sticky bit for what lies below the cut's first bit but not that bit itself: so does this
   * (0x1.000001p-150 reads as 0.0f, 0x1.00000000000008p-1075 as 0.0).
   */
  u64 cut = m;
  if (e < emin && top > f->frac_bits) cut &= ~(1ULL << (top - f->frac_bits - 1));
  u64 q = round_shift(cut, sticky, unit - exp2);
  u64 bits = q + ((u64)(unit - f->min_exp) << f->frac_bits);
  if (bits >= f->inf) {
    errno = ERANGE;
    bits = f->inf;
  } else if (e < emin) {
    /* Tiny (after rounding, as on x86) and inexact (the cut value): ERANGE, like glibc. */
    int shift = unit - exp2;
    int inexact = sticky || (shift > 0 && (shift >= 64 || (cut & ((1ULL << shift) - 1)) != 0));
    int tiny = 1;
    if (q == (1ULL << f->frac_bits)) {
      /* Rounded up to the smallest normal: tiny unless rounding with full precision gets there too. */
      u64 wide = round_shift(m, sticky, shift - 1);
      if (wide >= (1ULL << (f->frac_bits + 1))) tiny = 0;
    }
    if (tiny && inexact) errno = ERANGE;
  }
  *out = bits;
  return 1;
}

/* Parses like strtod; the result is the magnitude's bit pattern in the given format. */
static u64 parse(const char *s, char **end, struct format *f, int *negative) {
  const char *p = s;
  struct input in;
  *negative = 0;
  while (isspace((unsigned char)*p)) p++;
  if (*p == '+' || *p == '-') *negative = *p++ == '-';
  if (matches(p, "inf")) {
    p += matches(p, "infinity") ? 8 : 3;
    if (end) *end = (char *)p;
    return f->inf;
  }
  if (matches(p, "nan")) {
    p += 3;
    if (*p == '(') {
      const char *q = p + 1;
      while (isalnum((unsigned char)*q) || *q == '_') q++;
      if (*q == ')') p = q + 1;
    }
    if (end) *end = (char *)p;
    return f->inf | (1ULL << (f->frac_bits - 1));
  }
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
    u64 bits;
    if (parse_hex(p + 2, end, f, &bits)) return bits;
  }
  int any = 0, sticky = 0, exp10 = 0, seen_point = 0;
  in.n = 0;
  for (;; p++) {
    if (*p == '.' && !seen_point) {
      seen_point = 1;
      continue;
    }
    if (!isdigit((unsigned char)*p)) break;
    any = 1;
    if (*p == '0' && in.n == 0) {
      if (seen_point) exp10--;
      continue;
    }
    if (in.n < MAX_DIGITS) {
      in.d[in.n++] = *p;
    } else if (*p != '0') {
      sticky = 1;
    }
    if (!seen_point) exp10++;
  }
  if (!any) {
    if (end) *end = (char *)s;
    *negative = 0;
    return 0;
  }
  if ((*p == 'e' || *p == 'E')) {
    const char *q = p + 1;
    int eneg = 0, ev = 0;
    if (*q == '+' || *q == '-') eneg = *q++ == '-';
    if (isdigit((unsigned char)*q)) {
      while (isdigit((unsigned char)*q)) {
        if (ev < 100000) ev = ev * 10 + (*q - '0');
        q++;
      }
      exp10 += eneg ? -ev : ev;
      p = q;
    }
  }
  if (end) *end = (char *)p;
  /* Digits beyond the kept ones only matter as "a little more than": one more nonzero digit. */
  if (sticky) in.d[in.n++] = '1';
  while (in.n > 0 && in.d[in.n - 1] == '0') in.n--;
  in.pos = exp10;
  if (in.n == 0) return 0;
  if (in.pos > 311) {
    errno = ERANGE;
    return f->inf;
  }
  if (in.pos < -326) {
    errno = ERANGE;
    return 0;
  }
  /* The guess: the first 19 digits, scaled (only multiplied or only divided: no overflow). */
  u64 lead = 0;
  int used = in.n < 19 ? in.n : 19;
  for (int i = 0; i < used; i++) lead = lead * 10 + (u64)(in.d[i] - '0');
  double guess = (double)lead;
  int scale = in.pos - used;
  for (; scale >= 22; scale -= 22) guess *= 1e22;
  for (; scale <= -22; scale += 22) guess /= 1e22;
  guess = scale >= 0 ? guess * exact_powers[scale] : guess / exact_powers[-scale];
  u64 bits;
  if (f->frac_bits == 52) {
    bits = __wasmformer_f64_bits(guess);
  } else {
    bits = __wasmformer_f32_bits((float)guess);
  }
  bits = correct(&in, bits, f);
  u64 min_normal = 1ULL << f->frac_bits;
  if (bits == f->inf) {
    errno = ERANGE;
  } else if (bits < min_normal) {
    /* Underflow as glibc reports it: a zero or subnormal result that is inexact. */
    if (compare(&in, bits, f->min_exp) != 0) errno = ERANGE;
  } else if (bits == min_normal) {
    /*
     * Tininess is after rounding (x86): reaching the smallest normal by rounding at the
     * subnormal precision is still tiny unless the full precision rounds up to it too, that is
     * unless the input is at least the smallest normal minus a quarter of the subnormal unit.
     */
    if (compare(&in, 4 * min_normal - 1, f->min_exp - 2) < 0) errno = ERANGE;
  }
  return bits;
}

double strtod(const char *s, char **end) {
  struct format f = {52, -1074, 0x7FF0000000000000ULL};
  int negative;
  u64 bits = parse(s, end, &f, &negative);
  return __wasmformer_bits_f64(bits | ((u64)negative << 63));
}

float strtof(const char *s, char **end) {
  struct format f = {23, -149, 0x7F800000ULL};
  int negative;
  u64 bits = parse(s, end, &f, &negative);
  return __wasmformer_bits_f32((unsigned)bits | ((unsigned)negative << 31));
}

/* long double is binary64, like double */
long double strtold(const char *s, char **end) {
  return strtod(s, end);
}

double atof(const char *s) {
  return strtod(s, NULL);
}
