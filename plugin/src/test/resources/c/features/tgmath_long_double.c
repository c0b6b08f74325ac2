/*
 * <tgmath.h> with long double arguments: the l forms, also when one of several generic
 * arguments is long double; nexttoward's type follows its first argument only. The values are
 * printed through 12 significant digits (gcc's long double is the 80-bit format).
 */
#include <tgmath.h>
#include "test.h"

#define TYPE(x) _Generic((x), float: "float", double: "double", long double: "long double", \
    int: "int", long: "long", long long: "long long", default: "other")
#define SHOW(e) printf("%-30s %-12s %.12Lg\n", #e, TYPE(e), (long double)(e))

static int evaluations;
static long double count(long double v) { evaluations++; return v; }

int main(void) {
  long double x = 0.75L, y = 2.5L;
  float f = 0.5f;
  double d = 1.5;
  int ex, q;

  SHOW(acos(x)); SHOW(asin(x)); SHOW(atan(x)); SHOW(acosh(y)); SHOW(asinh(x)); SHOW(atanh(x));
  SHOW(cos(x)); SHOW(sin(x)); SHOW(tan(x)); SHOW(cosh(x)); SHOW(sinh(x)); SHOW(tanh(x));
  SHOW(exp(x)); SHOW(log(y)); SHOW(pow(x, y)); SHOW(pow(x, 2)); SHOW(pow(f, y)); SHOW(pow(d, x));
  SHOW(sqrt(y)); SHOW(fabs(-x));
  SHOW(atan2(x, y)); SHOW(atan2(f, x)); SHOW(cbrt(y)); SHOW(ceil(y)); SHOW(floor(-y));
  SHOW(copysign(x, -1)); SHOW(erf(x)); SHOW(erfc(x)); SHOW(exp2(y)); SHOW(expm1(x));
  SHOW(fdim(y, x)); SHOW(fdim(d, x)); SHOW(fma(x, y, x)); SHOW(fma(f, d, x)); SHOW(fma(f, f, 1.0L));
  SHOW(fmax(x, y)); SHOW(fmin(x, d)); SHOW(fmod(y, x)); SHOW(fmod(7, x));
  SHOW(frexp(y, &ex)); ASSERT(2, ex);
  SHOW(hypot(x, 1)); SHOW(ilogb(y)); SHOW(ldexp(y, 3)); SHOW(lgamma(y)); SHOW(tgamma(y));
  SHOW(llrint(y)); SHOW(llround(y)); SHOW(lrint(y)); SHOW(lround(-y));
  SHOW(log10(y)); SHOW(log1p(x)); SHOW(log2(y)); SHOW(logb(y)); SHOW(nearbyint(y)); SHOW(rint(y));
  SHOW(nextafter(x, 1.0f) > x); SHOW(nextafter(d, y) > d);
  SHOW(remainder(y, x)); SHOW(remquo(y, x, &q)); ASSERT(3, q);
  SHOW(round(y)); SHOW(scalbn(y, 2)); SHOW(scalbln(y, -1L)); SHOW(trunc(-y));

  /* nexttoward: generic in its first argument only */
  SHOW(nexttoward(f, y) - f); SHOW(nexttoward(d, 2.0L) - d); SHOW(nexttoward(1, 2.0L) - 1);
  SHOW(nexttoward(x, y) > x);

  /* the float and double forms are still chosen without long double */
  SHOW(sqrt(f)); SHOW(sqrt(d)); SHOW(sqrt(2)); SHOW(pow(f, 2.0f));

  /* each argument once */
  long double r = sqrt(count(6.25L)) + pow(count(2), count(3));
  printf("%Lg %d\n", r, evaluations);
  return DONE();
}
