/*
 * The soft-float operations as exports on bit patterns, for SoftFloatDifferentialTest: each
 * export reinterprets its arguments, applies a C operator (so the compiler's lowering is
 * tested with the libc's routines), and returns the result's bits.
 */
#include <math.h>

typedef unsigned long long u64;
typedef unsigned u32;

#define D(x) __wasmformer_bits_f64(x)
#define F(x) __wasmformer_bits_f32(x)
#define DB(x) __wasmformer_f64_bits(x)
#define FB(x) __wasmformer_f32_bits(x)
#define EXPORT(name) __attribute__((export_name(#name)))

EXPORT(dadd) u64 dadd(u64 a, u64 b) { return DB(D(a) + D(b)); }
EXPORT(dsub) u64 dsub(u64 a, u64 b) { return DB(D(a) - D(b)); }
EXPORT(dmul) u64 dmul(u64 a, u64 b) { return DB(D(a) * D(b)); }
EXPORT(ddiv) u64 ddiv(u64 a, u64 b) { return DB(D(a) / D(b)); }
EXPORT(dsqrt) u64 dsqrt(u64 a) { return DB(sqrt(D(a))); }
EXPORT(dneg) u64 dneg(u64 a) { return DB(-D(a)); }
/* One bit per relation: < <= == != > >= and the truth value. */
EXPORT(dcmp) int dcmp(u64 a, u64 b) {
  double x = D(a), y = D(b);
  return (x < y) | (x <= y) << 1 | (x == y) << 2 | (x != y) << 3 | (x > y) << 4 | (x >= y) << 5 | (x ? 64 : 0);
}

EXPORT(fadd) u32 fadd(u32 a, u32 b) { return FB(F(a) + F(b)); }
EXPORT(fsub) u32 fsub(u32 a, u32 b) { return FB(F(a) - F(b)); }
EXPORT(fmul) u32 fmul(u32 a, u32 b) { return FB(F(a) * F(b)); }
EXPORT(fdiv) u32 fdiv(u32 a, u32 b) { return FB(F(a) / F(b)); }
EXPORT(fsqrt) u32 fsqrt_(u32 a) { return FB(sqrtf(F(a))); }
EXPORT(fcmp) int fcmp(u32 a, u32 b) {
  float x = F(a), y = F(b);
  return (x < y) | (x <= y) << 1 | (x == y) << 2 | (x != y) << 3 | (x > y) << 4 | (x >= y) << 5 | (x ? 64 : 0);
}

EXPORT(f2d) u64 f2d(u32 a) { return DB((double)F(a)); }
EXPORT(d2f) u32 d2f(u64 a) { return FB((float)D(a)); }
EXPORT(d2i) int d2i(u64 a) { return (int)D(a); }
EXPORT(d2u) u32 d2u(u64 a) { return (unsigned)D(a); }
EXPORT(d2l) long long d2l(u64 a) { return (long long)D(a); }
EXPORT(d2ul) u64 d2ul(u64 a) { return (unsigned long long)D(a); }
EXPORT(f2i) int f2i(u32 a) { return (int)F(a); }
EXPORT(f2l) long long f2l(u32 a) { return (long long)F(a); }
EXPORT(i2d) u64 i2d(int a) { return DB((double)a); }
EXPORT(u2d) u64 u2d(u32 a) { return DB((double)a); }
EXPORT(l2d) u64 l2d(long long a) { return DB((double)a); }
EXPORT(ul2d) u64 ul2d(u64 a) { return DB((double)a); }
EXPORT(i2f) u32 i2f(int a) { return FB((float)a); }
EXPORT(u2f) u32 u2f(u32 a) { return FB((float)a); }
EXPORT(l2f) u32 l2f(long long a) { return FB((float)a); }
EXPORT(ul2f) u32 ul2f(u64 a) { return FB((float)a); }
EXPORT(dfloor) u64 dfloor(u64 a) { return DB(floor(D(a))); }
EXPORT(dceil) u64 dceil(u64 a) { return DB(ceil(D(a))); }
EXPORT(dtrunc) u64 dtrunc(u64 a) { return DB(trunc(D(a))); }
EXPORT(ffloor) u32 ffloor(u32 a) { return FB(floorf(F(a))); }
EXPORT(fceil) u32 fceil(u32 a) { return FB(ceilf(F(a))); }
EXPORT(ftrunc) u32 ftrunc(u32 a) { return FB(truncf(F(a))); }

/* strtod and strtof on a text the host writes into text[]. */
#include <stdlib.h>
static char text[1200];
EXPORT(text_buffer) char *text_buffer(void) { return text; }
EXPORT(parse_d) u64 parse_d(void) { return DB(strtod(text, 0)); }
EXPORT(parse_f) u32 parse_f(void) { return FB(strtof(text, 0)); }
