/* <math.h>: integer code on the bit patterns (softfloat.c has the arithmetic). */
#include <math.h>

typedef unsigned long long u64;

u64 __wf_dsqrt(u64 a);
unsigned __wf_fsqrt(unsigned a);

#define SIGN 0x8000000000000000ULL
#define FRAC 0x000FFFFFFFFFFFFFULL

double fabs(double x) {
  return __wasmformer_bits_f64(__wasmformer_f64_bits(x) & ~SIGN);
}

float fabsf(float x) {
  return __wasmformer_bits_f32(__wasmformer_f32_bits(x) & 0x7FFFFFFFu);
}

double sqrt(double x) {
  return __wasmformer_bits_f64(__wf_dsqrt(__wasmformer_f64_bits(x)));
}

float sqrtf(float x) {
  return __wasmformer_bits_f32(__wf_fsqrt(__wasmformer_f32_bits(x)));
}

/* Rounds to an integer: toward -inf (mode 0), +inf (1) or zero (2). */
static u64 to_integer(u64 x, int mode) {
  int be = (int)((x >> 52) & 0x7FF);
  int negative = (x & SIGN) != 0;
  if (be >= 1075) return be == 0x7FF && (x & FRAC) ? x | 0x0008000000000000ULL : x;
  if (be < 1023) {
    if ((x & ~SIGN) == 0 || mode == 2) return x & SIGN;
    if (mode == 0) return negative ? 0xBFF0000000000000ULL : 0;
    return negative ? SIGN : 0x3FF0000000000000ULL;
  }
  u64 mask = FRAC >> (be - 1023);
  if ((x & mask) == 0) return x;
  if ((mode == 0 && negative) || (mode == 1 && !negative)) x += mask + 1;
  return x & ~mask;
}

double floor(double x) {
  return __wasmformer_bits_f64(to_integer(__wasmformer_f64_bits(x), 0));
}

double ceil(double x) {
  return __wasmformer_bits_f64(to_integer(__wasmformer_f64_bits(x), 1));
}

double trunc(double x) {
  return __wasmformer_bits_f64(to_integer(__wasmformer_f64_bits(x), 2));
}

/* A float's integral neighbours are floats too, so rounding its exact double is exact. */
float floorf(float x) {
  return (float)floor(x);
}

float ceilf(float x) {
  return (float)ceil(x);
}

float truncf(float x) {
  return (float)trunc(x);
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
