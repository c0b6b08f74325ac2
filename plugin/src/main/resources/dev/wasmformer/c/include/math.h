#ifndef _MATH_H
#define _MATH_H

/* Soft-float <math.h>: the functions are integer code on the values' bits (see softfloat.c). */

#define INFINITY (1.0f / 0.0f)
#define NAN (0.0f / 0.0f)
#define HUGE_VAL (1.0 / 0.0)
#define HUGE_VALF (1.0f / 0.0f)

#define isnan(x) ((x) != (x))
#define isinf(x) (!isnan(x) && isnan((x) - (x)))
#define isfinite(x) (!isnan((x) - (x)))
#define signbit(x) (sizeof(x) == sizeof(float) ? (int)(__wasmformer_f32_bits(x) >> 31) \
                                               : (int)(__wasmformer_f64_bits(x) >> 63))

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
