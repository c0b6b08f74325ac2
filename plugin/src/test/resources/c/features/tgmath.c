/* <tgmath.h>: each macro picks the float or the double function from its arguments' types. */
#include <tgmath.h>
#include "test.h"

#define TYPE(x) _Generic((x), float: "float", double: "double", int: "int", long: "long", \
    long long: "long long", default: "other")
/* the type of the call, and its value: %.6g for a float (float functions of other libms may be an ulp apart) */
#define SHOW(e) \
  printf("%-28s %-9s %.*g\n", #e, TYPE(e), _Generic((e), float: 6, default: 15), (double)(e))

static int evaluations;
static float countf(float v) { evaluations++; return v; }

int main(void) {
  float f = 0.75f, g = 2.5f;
  double d = 0.75, e = 2.5;
  int i = 3;
  long l = 2;
  int ex, q;

  SHOW(acos(f)); SHOW(acos(d)); SHOW(acos(0));
  SHOW(asin(f)); SHOW(asin(d)); SHOW(atan(f)); SHOW(atan(i));
  SHOW(acosh(g)); SHOW(acosh(e)); SHOW(asinh(f)); SHOW(asinh(d)); SHOW(atanh(f)); SHOW(atanh(d));
  SHOW(cos(f)); SHOW(cos(d)); SHOW(sin(f)); SHOW(sin(i)); SHOW(tan(f)); SHOW(tan(d));
  SHOW(cosh(f)); SHOW(cosh(d)); SHOW(sinh(f)); SHOW(sinh(l)); SHOW(tanh(f)); SHOW(tanh(d));
  SHOW(exp(f)); SHOW(exp(d)); SHOW(exp(1)); SHOW(log(g)); SHOW(log(e)); SHOW(log(10L));
  SHOW(pow(f, g)); SHOW(pow(d, e)); SHOW(pow(f, e)); SHOW(pow(2, 0.5f)); SHOW(pow(f, 2)); SHOW(pow(2, 10));
  SHOW(sqrt(f)); SHOW(sqrt(d)); SHOW(sqrt(2)); SHOW(sqrt(2LL));
  SHOW(fabs(-f)); SHOW(fabs(-d)); SHOW(fabs(-7));
  SHOW(atan2(f, g)); SHOW(atan2(d, g)); SHOW(atan2(1, 2));
  SHOW(cbrt(g)); SHOW(cbrt(27.0)); SHOW(ceil(g)); SHOW(ceil(e)); SHOW(floor(-g)); SHOW(floor(-e));
  SHOW(copysign(f, -1.0f)); SHOW(copysign(f, -1)); SHOW(copysign(d, -g));
  SHOW(erf(f)); SHOW(erf(d)); SHOW(erfc(f)); SHOW(erfc(d));
  SHOW(exp2(g)); SHOW(exp2(e)); SHOW(exp2(3)); SHOW(expm1(f)); SHOW(expm1(d));
  SHOW(fdim(g, f)); SHOW(fdim(e, f)); SHOW(fdim(5, 2));
  SHOW(fma(f, g, f)); SHOW(fma(f, g, 1)); SHOW(fma(f, g, d)); SHOW(fma(1, 2, 3));
  SHOW(fmax(f, g)); SHOW(fmax(f, e)); SHOW(fmin(f, g)); SHOW(fmin(i, f));
  SHOW(fmod(g, f)); SHOW(fmod(e, d)); SHOW(fmod(7, g));
  SHOW(frexp(g, &ex)); ASSERT(2, ex); SHOW(frexp(e * 8, &ex)); ASSERT(5, ex);
  SHOW(hypot(f, g)); SHOW(hypot(3, 4)); SHOW(hypot(d, 1.0f));
  SHOW(ilogb(g)); SHOW(ilogb(1e10)); SHOW(ldexp(g, 3)); SHOW(ldexp(e, 3)); SHOW(ldexp(1, 4));
  SHOW(lgamma(g)); SHOW(lgamma(e)); SHOW(tgamma(g)); SHOW(tgamma(e)); SHOW(tgamma(5));
  SHOW(llrint(g)); SHOW(llrint(e)); SHOW(llround(g)); SHOW(llround(-e));
  SHOW(lrint(g)); SHOW(lrint(3.5)); SHOW(lround(g)); SHOW(lround(-e));
  SHOW(log10(g)); SHOW(log10(1000)); SHOW(log1p(f)); SHOW(log1p(d)); SHOW(log2(g)); SHOW(log2(8));
  SHOW(logb(g)); SHOW(logb(1e10)); SHOW(nearbyint(g)); SHOW(nearbyint(e)); SHOW(rint(g)); SHOW(rint(3.5));
  SHOW(nextafter(f, g)); SHOW(nextafter(d, e)); SHOW(nextafter(1, 2));
  SHOW(remainder(g, f)); SHOW(remainder(e, d)); SHOW(remquo(g, f, &q)); ASSERT(3, q);
  SHOW(remquo(7, 2, &q)); ASSERT(4, q);
  SHOW(round(g)); SHOW(round(-e)); SHOW(scalbn(g, 2)); SHOW(scalbn(e, -1)); SHOW(scalbln(g, l)); SHOW(scalbln(3, 2L));
  SHOW(trunc(-g)); SHOW(trunc(e)); SHOW(trunc(7));

  /* the arguments are evaluated once */
  float r = sqrt(countf(4.0f));
  ASSERT(1, evaluations);
  double s = pow(countf(2.0f), i++);
  ASSERT(2, evaluations);
  ASSERT(4, i);
  ASSERT(2, (int)r);
  ASSERT(8, (int)s);
  float t = fma(countf(1.0f), countf(2.0f), countf(3.0f));
  ASSERT(5, evaluations);
  ASSERT(5, (int)t);
  /* the functions themselves, not the macros */
  ASSERT(3, (int)(sqrt)(9.0f));
  double (*fp)(double) = sqrt;
  ASSERT(4, (int)fp(16));
  return DONE();
}
