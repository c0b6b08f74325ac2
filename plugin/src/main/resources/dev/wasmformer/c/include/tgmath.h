#ifndef _TGMATH_H
#define _TGMATH_H
/*
 * C99 7.22's type-generic macros for the real types: a float argument selects the f form, a
 * long double one the l form, any other (double or an integer type) the double one. With
 * several generic arguments the type is their common real type, integers counting as double
 * (C99 7.22p3): the l form when one is long double, the f form only when all are float. The
 * arguments are evaluated once (the _Generic selections do not evaluate their controlling
 * expressions). A complex argument selects the complex function (csin, cabs for fabs, ...) of
 * the arguments' common type for the seventeen macros that have one; carg, cimag, conj, cproj
 * and creal are generic over the complex types (a real argument counting as complex).
 */
#include <math.h>
#include <complex.h>

/* The real type an argument counts as: float, long double, or double (also for integers). */
#define __WF_TG_REAL(x) _Generic((x), float: 0.0f, long double: 0.0L, default: 0.0)
#define __WF_TG_PICK(fn, r) _Generic(r, float: fn##f, long double: fn##l, default: fn)
#define __WF_TG1(fn, x) __WF_TG_PICK(fn, __WF_TG_REAL(x))
#define __WF_TG2(fn, x, y) __WF_TG_PICK(fn, __WF_TG_REAL(x) + __WF_TG_REAL(y))
#define __WF_TG3(fn, x, y, z) __WF_TG_PICK(fn, __WF_TG_REAL(x) + __WF_TG_REAL(y) + __WF_TG_REAL(z))

/* The same with the complex types: a zero of the type an argument counts as. */
#define __WF_TG_TYPE(x) _Generic((x), float: 0.0f, long double: 0.0L, float _Complex: (float _Complex)0, \
    double _Complex: (double _Complex)0, long double _Complex: (long double _Complex)0, default: 0.0)
#define __WF_TG_PICKC(fn, cfn, r) _Generic(r, float: fn##f, long double: fn##l, float _Complex: cfn##f, \
    double _Complex: cfn, long double _Complex: cfn##l, default: fn)
#define __WF_TGC1(fn, cfn, x) __WF_TG_PICKC(fn, cfn, __WF_TG_TYPE(x))
/* carg cimag conj cproj creal: the complex function of the argument's type, real or complex */
#define __WF_TG_CPLX(fn, x) _Generic(__WF_TG_TYPE(x), float: fn##f, float _Complex: fn##f, long double: fn##l, \
    long double _Complex: fn##l, default: fn)

#define acos(x) __WF_TGC1(acos, cacos, x)(x)
#define asin(x) __WF_TGC1(asin, casin, x)(x)
#define atan(x) __WF_TGC1(atan, catan, x)(x)
#define acosh(x) __WF_TGC1(acosh, cacosh, x)(x)
#define asinh(x) __WF_TGC1(asinh, casinh, x)(x)
#define atanh(x) __WF_TGC1(atanh, catanh, x)(x)
#define cos(x) __WF_TGC1(cos, ccos, x)(x)
#define sin(x) __WF_TGC1(sin, csin, x)(x)
#define tan(x) __WF_TGC1(tan, ctan, x)(x)
#define cosh(x) __WF_TGC1(cosh, ccosh, x)(x)
#define sinh(x) __WF_TGC1(sinh, csinh, x)(x)
#define tanh(x) __WF_TGC1(tanh, ctanh, x)(x)
#define exp(x) __WF_TGC1(exp, cexp, x)(x)
#define log(x) __WF_TGC1(log, clog, x)(x)
#define pow(x, y) __WF_TG_PICKC(pow, cpow, __WF_TG_TYPE(x) + __WF_TG_TYPE(y))(x, y)
#define sqrt(x) __WF_TGC1(sqrt, csqrt, x)(x)
#define fabs(x) __WF_TGC1(fabs, cabs, x)(x)

#define atan2(y, x) __WF_TG2(atan2, y, x)(y, x)
#define cbrt(x) __WF_TG1(cbrt, x)(x)
#define ceil(x) __WF_TG1(ceil, x)(x)
#define copysign(x, y) __WF_TG2(copysign, x, y)(x, y)
#define erf(x) __WF_TG1(erf, x)(x)
#define erfc(x) __WF_TG1(erfc, x)(x)
#define exp2(x) __WF_TG1(exp2, x)(x)
#define expm1(x) __WF_TG1(expm1, x)(x)
#define fdim(x, y) __WF_TG2(fdim, x, y)(x, y)
#define floor(x) __WF_TG1(floor, x)(x)
#define fma(x, y, z) __WF_TG3(fma, x, y, z)(x, y, z)
#define fmax(x, y) __WF_TG2(fmax, x, y)(x, y)
#define fmin(x, y) __WF_TG2(fmin, x, y)(x, y)
#define fmod(x, y) __WF_TG2(fmod, x, y)(x, y)
#define frexp(x, e) __WF_TG1(frexp, x)(x, e)
#define hypot(x, y) __WF_TG2(hypot, x, y)(x, y)
#define ilogb(x) __WF_TG1(ilogb, x)(x)
#define ldexp(x, n) __WF_TG1(ldexp, x)(x, n)
#define lgamma(x) __WF_TG1(lgamma, x)(x)
#define llrint(x) __WF_TG1(llrint, x)(x)
#define llround(x) __WF_TG1(llround, x)(x)
#define log10(x) __WF_TG1(log10, x)(x)
#define log1p(x) __WF_TG1(log1p, x)(x)
#define log2(x) __WF_TG1(log2, x)(x)
#define logb(x) __WF_TG1(logb, x)(x)
#define lrint(x) __WF_TG1(lrint, x)(x)
#define lround(x) __WF_TG1(lround, x)(x)
#define nearbyint(x) __WF_TG1(nearbyint, x)(x)
#define nextafter(x, y) __WF_TG2(nextafter, x, y)(x, y)
#define nexttoward(x, y) __WF_TG1(nexttoward, x)(x, y)
#define remainder(x, y) __WF_TG2(remainder, x, y)(x, y)
#define remquo(x, y, q) __WF_TG2(remquo, x, y)(x, y, q)
#define rint(x) __WF_TG1(rint, x)(x)
#define round(x) __WF_TG1(round, x)(x)
#define scalbn(x, n) __WF_TG1(scalbn, x)(x, n)
#define scalbln(x, n) __WF_TG1(scalbln, x)(x, n)
#define tgamma(x) __WF_TG1(tgamma, x)(x)
#define trunc(x) __WF_TG1(trunc, x)(x)

#define carg(x) __WF_TG_CPLX(carg, x)(x)
#define cimag(x) __WF_TG_CPLX(cimag, x)(x)
#define conj(x) __WF_TG_CPLX(conj, x)(x)
#define cproj(x) __WF_TG_CPLX(cproj, x)(x)
#define creal(x) __WF_TG_CPLX(creal, x)(x)

#endif
