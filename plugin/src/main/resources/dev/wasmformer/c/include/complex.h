#ifndef _COMPLEX_H
#define _COMPLEX_H
/*
 * C99 7.3. A complex value is a struct of its real and imaginary parts (the layout and the
 * wasm32 ABI of clang's _Complex); long double is binary64, so the l forms are the double
 * ones. No imaginary types (as in gcc): _Complex_I is the complex float 0 + 1i.
 */
#define complex _Complex
#define _Complex_I (__extension__ 1.0if)
#define I _Complex_I
#define CMPLX(x, y) __builtin_complex((double)(x), (double)(y))
#define CMPLXF(x, y) __builtin_complex((float)(x), (float)(y))
#define CMPLXL(x, y) __builtin_complex((long double)(x), (long double)(y))

#define __WF_C1(fn) \
  double _Complex fn(double _Complex z); \
  float _Complex fn##f(float _Complex z); \
  long double _Complex fn##l(long double _Complex z);
#define __WF_R1(fn) \
  double fn(double _Complex z); \
  float fn##f(float _Complex z); \
  long double fn##l(long double _Complex z);

__WF_R1(creal) __WF_R1(cimag) __WF_R1(cabs) __WF_R1(carg)
__WF_C1(conj) __WF_C1(cproj) __WF_C1(cexp) __WF_C1(clog) __WF_C1(csqrt)
__WF_C1(csin) __WF_C1(ccos) __WF_C1(ctan) __WF_C1(casin) __WF_C1(cacos) __WF_C1(catan)
__WF_C1(csinh) __WF_C1(ccosh) __WF_C1(ctanh) __WF_C1(casinh) __WF_C1(cacosh) __WF_C1(catanh)
double _Complex cpow(double _Complex x, double _Complex y);
float _Complex cpowf(float _Complex x, float _Complex y);
long double _Complex cpowl(long double _Complex x, long double _Complex y);

#undef __WF_C1
#undef __WF_R1
#endif
