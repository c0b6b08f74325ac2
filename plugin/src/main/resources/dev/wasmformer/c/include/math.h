#ifndef _MATH_H
#define _MATH_H

/* Soft-float <math.h>: the functions are integer code on the values' bits (see softfloat.c). */

#define INFINITY (1.0f / 0.0f)
#define NAN (-(0.0f / 0.0f)) /* a quiet NaN with the sign clear, as glibc's (0.0f / 0.0f is -nan) */
#define HUGE_VAL (1.0 / 0.0)
#define HUGE_VALF (1.0f / 0.0f)
#define HUGE_VALL (1.0L / 0.0L)

#define FP_NAN 0
#define FP_INFINITE 1
#define FP_ZERO 2
#define FP_SUBNORMAL 3
#define FP_NORMAL 4

#define FP_ILOGB0 (-2147483647 - 1) /* glibc's on x86-64 */
#define FP_ILOGBNAN (-2147483647 - 1)

/* errno reports domain and range errors (glibc's cases); there are no floating-point exceptions */
#define MATH_ERRNO 1
#define MATH_ERREXCEPT 2
#define math_errhandling MATH_ERRNO

typedef float float_t;
typedef double double_t;

/* the comparison macros: each argument is evaluated once; no comparison raises anything here */
#define isgreater(x, y) ((x) > (y))
#define isgreaterequal(x, y) ((x) >= (y))
#define isless(x, y) ((x) < (y))
#define islessequal(x, y) ((x) <= (y))
#define islessgreater(x, y) __wasmformer_islessgreater(x, y)
#define isunordered(x, y) __wasmformer_isunordered(x, y)
int __wasmformer_islessgreater(double x, double y);
int __wasmformer_isunordered(double x, double y);

/*
 * The classification macros call a function per format, chosen by sizeof (which does not
 * evaluate its operand), so that the argument is evaluated once. isinf is -1 for negative
 * infinity, as glibc's.
 */
#define __WF_CLASSIFY(fn, x) (sizeof(x) == sizeof(float) ? fn##f(x) : fn(x))
#define isnan(x) __WF_CLASSIFY(__wasmformer_isnan, x)
#define isinf(x) __WF_CLASSIFY(__wasmformer_isinf, x)
#define isfinite(x) __WF_CLASSIFY(__wasmformer_isfinite, x)
#define isnormal(x) (fpclassify(x) == FP_NORMAL)
#define fpclassify(x) __WF_CLASSIFY(__wasmformer_fpclassify, x)
#define signbit(x) (sizeof(x) == sizeof(float) ? (int)(__wasmformer_f32_bits(x) >> 31) \
                                               : (int)(__wasmformer_f64_bits(x) >> 63))

int __wasmformer_isnan(double x);
int __wasmformer_isnanf(float x);
int __wasmformer_isinf(double x);
int __wasmformer_isinff(float x);
int __wasmformer_isfinite(double x);
int __wasmformer_isfinitef(float x);
int __wasmformer_fpclassify(double x);
int __wasmformer_fpclassifyf(float x);

double fabs(double x);
float fabsf(float x);
double sqrt(double x);
float sqrtf(float x);
double floor(double x);
float floorf(float x);
double ceil(double x);
float ceilf(float x);
double trunc(double x);
float truncf(float x);
double copysign(double x, double y);
float copysignf(float x, float y);
double fmin(double x, double y);
float fminf(float x, float y);
double fmax(double x, double y);
float fmaxf(float x, float y);
double round(double x);
float roundf(float x);
long lround(double x);
long lroundf(float x);
long long llround(double x);
long long llroundf(float x);
double rint(double x);
float rintf(float x);
double nearbyint(double x);
float nearbyintf(float x);
long lrint(double x);
long long llrint(double x);
long lrintf(float x);
long long llrintf(float x);
double scalbln(double x, long n);
float scalblnf(float x, long n);
double nan(const char *tag);
float nanf(const char *tag);
double fdim(double x, double y);
float fdimf(float x, float y);
double remainder(double x, double y);
float remainderf(float x, float y);
double remquo(double x, double y, int *quo);
float remquof(float x, float y, int *quo);
int ilogb(double x);
int ilogbf(float x);
double logb(double x);
float logbf(float x);
double nextafter(double x, double y);
float nextafterf(float x, float y);
double fma(double x, double y, double z);
float fmaf(float x, float y, float z);
double frexp(double x, int *e);
float frexpf(float x, int *e);
double ldexp(double x, int n);
float ldexpf(float x, int n);
double scalbn(double x, int n);
float scalbnf(float x, int n);
double modf(double x, double *ip);
float modff(float x, float *ip);

double exp(double x);
double exp2(double x);
double expm1(double x);
double log(double x);
double log2(double x);
double log10(double x);
double log1p(double x);
double pow(double x, double y);
double sin(double x);
double cos(double x);
double tan(double x);
double asin(double x);
double acos(double x);
double atan(double x);
double atan2(double y, double x);
double sinh(double x);
double cosh(double x);
double tanh(double x);
double fmod(double x, double y);
double cbrt(double x);
double hypot(double x, double y);
double erf(double x);
double erfc(double x);
double asinh(double x);
double acosh(double x);
double atanh(double x);
double tgamma(double x);
double lgamma(double x);
double lgamma_r(double x, int *sign);
extern int signgam; /* lgamma's sign of gamma(x) */
float expf(float x);
float exp2f(float x);
float expm1f(float x);
float logf(float x);
float log2f(float x);
float log10f(float x);
float log1pf(float x);
float powf(float x, float y);
float sinf(float x);
float cosf(float x);
float tanf(float x);
float asinf(float x);
float acosf(float x);
float atanf(float x);
float atan2f(float y, float x);
float sinhf(float x);
float coshf(float x);
float tanhf(float x);
float fmodf(float x, float y);
float cbrtf(float x);
float hypotf(float x, float y);
float erff(float x);
float erfcf(float x);
float asinhf(float x);
float acoshf(float x);
float atanhf(float x);
float tgammaf(float x);
float lgammaf(float x);
float lgammaf_r(float x, int *sign);

/* The long double forms: long double is binary64 here, so each is its double function. */
long double acosl(long double x);
long double asinl(long double x);
long double atanl(long double x);
long double atan2l(long double y, long double x);
long double cosl(long double x);
long double sinl(long double x);
long double tanl(long double x);
long double acoshl(long double x);
long double asinhl(long double x);
long double atanhl(long double x);
long double coshl(long double x);
long double sinhl(long double x);
long double tanhl(long double x);
long double expl(long double x);
long double exp2l(long double x);
long double expm1l(long double x);
long double frexpl(long double x, int *e);
int ilogbl(long double x);
long double ldexpl(long double x, int n);
long double logl(long double x);
long double log10l(long double x);
long double log1pl(long double x);
long double log2l(long double x);
long double logbl(long double x);
long double modfl(long double x, long double *ip);
long double scalbnl(long double x, int n);
long double scalblnl(long double x, long n);
long double cbrtl(long double x);
long double fabsl(long double x);
long double hypotl(long double x, long double y);
long double powl(long double x, long double y);
long double sqrtl(long double x);
long double erfl(long double x);
long double erfcl(long double x);
long double lgammal(long double x);
long double lgammal_r(long double x, int *sign);
long double tgammal(long double x);
long double ceill(long double x);
long double floorl(long double x);
long double nearbyintl(long double x);
long double rintl(long double x);
long lrintl(long double x);
long long llrintl(long double x);
long double roundl(long double x);
long lroundl(long double x);
long long llroundl(long double x);
long double truncl(long double x);
long double fmodl(long double x, long double y);
long double remainderl(long double x, long double y);
long double remquol(long double x, long double y, int *quo);
long double copysignl(long double x, long double y);
long double nanl(const char *tag);
long double nextafterl(long double x, long double y);
long double fdiml(long double x, long double y);
long double fmaxl(long double x, long double y);
long double fminl(long double x, long double y);
long double fmal(long double x, long double y, long double z);
double nexttoward(double x, long double y);
float nexttowardf(float x, long double y);
long double nexttowardl(long double x, long double y);

#define M_E 2.7182818284590452354
#define M_LOG2E 1.4426950408889634074
#define M_LOG10E 0.43429448190325182765
#define M_LN2 0.69314718055994530942
#define M_LN10 2.30258509299404568402
#define M_PI 3.14159265358979323846
#define M_PI_2 1.57079632679489661923
#define M_PI_4 0.78539816339744830962
#define M_1_PI 0.31830988618379067154
#define M_2_PI 0.63661977236758134308
#define M_2_SQRTPI 1.12837916709551257390
#define M_SQRT2 1.41421356237309504880
#define M_SQRT1_2 0.70710678118654752440

#endif
