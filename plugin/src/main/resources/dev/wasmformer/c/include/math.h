#ifndef _MATH_H
#define _MATH_H

/* Soft-float <math.h>: the functions are integer code on the values' bits (see softfloat.c). */

#define INFINITY (1.0f / 0.0f)
#define NAN (0.0f / 0.0f)
#define HUGE_VAL (1.0 / 0.0)
#define HUGE_VALF (1.0f / 0.0f)

#define FP_NAN 0
#define FP_INFINITE 1
#define FP_ZERO 2
#define FP_SUBNORMAL 3
#define FP_NORMAL 4

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
double fmin(double x, double y);
double fmax(double x, double y);

#endif
