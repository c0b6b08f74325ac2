/* <math.h>: integer code on the bit patterns (softfloat.c has the arithmetic). */
#include <errno.h>
#include <math.h>

typedef unsigned long long u64;

u64 __wf_dsqrt(u64 a);
unsigned __wf_fsqrt(unsigned a);

#define SIGN 0x8000000000000000ULL

#define EXPONENT64 0x7FF0000000000000ULL
#define EXPONENT32 0x7F800000u

int __wasmformer_isnan(double x) {
  return (__wasmformer_f64_bits(x) & ~SIGN) > EXPONENT64;
}

int __wasmformer_isnanf(float x) {
  return (__wasmformer_f32_bits(x) & 0x7FFFFFFFu) > EXPONENT32;
}

int __wasmformer_isinf(double x) {
  u64 b = __wasmformer_f64_bits(x);
  if ((b & ~SIGN) != EXPONENT64) return 0;
  return b >> 63 ? -1 : 1;
}

int __wasmformer_isinff(float x) {
  unsigned b = __wasmformer_f32_bits(x);
  if ((b & 0x7FFFFFFFu) != EXPONENT32) return 0;
  return b >> 31 ? -1 : 1;
}

int __wasmformer_isfinite(double x) {
  return (__wasmformer_f64_bits(x) & EXPONENT64) != EXPONENT64;
}

int __wasmformer_isfinitef(float x) {
  return (__wasmformer_f32_bits(x) & EXPONENT32) != EXPONENT32;
}

int __wasmformer_fpclassify(double x) {
  u64 b = __wasmformer_f64_bits(x) & ~SIGN;
  if (b == 0) return FP_ZERO;
  if (b < 0x0010000000000000ULL) return FP_SUBNORMAL;
  if (b < EXPONENT64) return FP_NORMAL;
  return b == EXPONENT64 ? FP_INFINITE : FP_NAN;
}

int __wasmformer_fpclassifyf(float x) {
  unsigned b = __wasmformer_f32_bits(x) & 0x7FFFFFFFu;
  if (b == 0) return FP_ZERO;
  if (b < 0x00800000u) return FP_SUBNORMAL;
  if (b < EXPONENT32) return FP_NORMAL;
  return b == EXPONENT32 ? FP_INFINITE : FP_NAN;
}

double fabs(double x) {
  return __wasmformer_bits_f64(__wasmformer_f64_bits(x) & ~SIGN);
}

float fabsf(float x) {
  return __wasmformer_bits_f32(__wasmformer_f32_bits(x) & 0x7FFFFFFFu);
}

double sqrt(double x) {
  if (x < 0) errno = EDOM;
  return __wasmformer_bits_f64(__wf_dsqrt(__wasmformer_f64_bits(x)));
}

float sqrtf(float x) {
  if (x < 0) errno = EDOM;
  return __wasmformer_bits_f32(__wf_fsqrt(__wasmformer_f32_bits(x)));
}

/* softfloat.c's rounding to an integral value (the lowering's f64.floor ... too): mode 2 floor, 1 ceil, 0 trunc. */
u64 __wf_integral(u64 x, int mode);
unsigned __wf_integral32(unsigned x, int mode);

double floor(double x) {
  return __wasmformer_bits_f64(__wf_integral(__wasmformer_f64_bits(x), 2));
}

double ceil(double x) {
  return __wasmformer_bits_f64(__wf_integral(__wasmformer_f64_bits(x), 1));
}

double trunc(double x) {
  return __wasmformer_bits_f64(__wf_integral(__wasmformer_f64_bits(x), 0));
}

float floorf(float x) {
  return __wasmformer_bits_f32(__wf_integral32(__wasmformer_f32_bits(x), 2));
}

float ceilf(float x) {
  return __wasmformer_bits_f32(__wf_integral32(__wasmformer_f32_bits(x), 1));
}

float truncf(float x) {
  return __wasmformer_bits_f32(__wf_integral32(__wasmformer_f32_bits(x), 0));
}

double copysign(double x, double y) {
  return __wasmformer_bits_f64((__wasmformer_f64_bits(x) & ~SIGN) | (__wasmformer_f64_bits(y) & SIGN));
}

double fmin(double x, double y) {
  if (isnan(x)) return y;
  if (isnan(y)) return x;
  return x < y ? x : y;
}

double fmax(double x, double y) {
  if (isnan(x)) return y;
  if (isnan(y)) return x;
  return x > y ? x : y;
}

int __wasmformer_islessgreater(double x, double y) {
  return x < y || x > y;
}

int __wasmformer_isunordered(double x, double y) {
  return x != x || y != y;
}

/*
 * nan("n") is strtod("NAN(n)"), as glibc's: a quiet NaN with the sign clear whose payload is n
 * (decimal, 0x hexadecimal or 0 octal, all of the tag) masked to the fraction's free bits, else 0.
 */
static u64 nan_payload(const char *tag) {
  unsigned base = 10;
  if (tag[0] == '0' && (tag[1] == 'x' || tag[1] == 'X')) {
    base = 16;
    tag += 2;
  } else if (tag[0] == '0') {
    base = 8;
  }
  u64 n = 0;
  int over = 0;
  for (; *tag; tag++) {
    unsigned c = (unsigned char)*tag, d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
    else return 0;
    if (d >= base) return 0;
    if (n > (~0ULL - d) / base) over = 1; /* strtoull saturates */
    n = n * base + d;
  }
  return over ? ~0ULL : n;
}

double nan(const char *tag) {
  return __wasmformer_bits_f64(0x7FF8000000000000ULL | (nan_payload(tag) & 0x0007FFFFFFFFFFFFULL));
}

float nanf(const char *tag) {
  return __wasmformer_bits_f32(0x7FC00000u | ((unsigned)nan_payload(tag) & 0x003FFFFFu));
}
