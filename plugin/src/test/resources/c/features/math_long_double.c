/*
 * The long double forms of <math.h>, nexttoward and nexttowardf, HUGE_VALL. gcc's long double
 * is the 80-bit format, so the results printed are exact (the same in both formats) or
 * printed through 12 significant digits; errno is compared too.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include "test.h"

#define SHOW(e) printf("%-28s %.12Lg\n", #e, (long double)(e))

int main(void) {
  int ex = 0, q = 0;
  long double ip = 0;

  /* exact ones */
  SHOW(fabsl(-2.5L)); SHOW(sqrtl(2.25L)); SHOW(cbrtl(27)); SHOW(hypotl(3, 4));
  SHOW(floorl(-2.5L)); SHOW(ceill(-2.5L)); SHOW(truncl(-2.5L)); SHOW(roundl(-2.5L));
  SHOW(rintl(2.5L)); SHOW(nearbyintl(3.5L)); SHOW(lrintl(2.5L)); SHOW(llrintl(-3.5L));
  SHOW(lroundl(2.5L)); SHOW(llroundl(-2.5L));
  SHOW(fmodl(7.5L, 2)); SHOW(remainderl(7.5L, 2)); SHOW(remquol(7.5L, 2, &q)); ASSERT(4, q);
  SHOW(copysignl(3, -0.0L)); SHOW(fminl(1, 2)); SHOW(fmaxl(1, 2)); SHOW(fdiml(5, 2)); SHOW(fdiml(2, 5));
  SHOW(fmal(1.5L, 2, 0.25L));
  SHOW(frexpl(48, &ex)); ASSERT(6, ex);
  SHOW(ldexpl(0.75L, 4)); SHOW(scalbnl(3, -2)); SHOW(scalblnl(3, 3L));
  SHOW(modfl(-3.75L, &ip)); SHOW(ip);
  SHOW(ilogbl(1024)); SHOW(logbl(0.125L));
  SHOW(expl(0)); SHOW(exp2l(10)); SHOW(expm1l(0)); SHOW(logl(1)); SHOW(log2l(8)); SHOW(log10l(1000));
  SHOW(log1pl(0)); SHOW(powl(2, 10)); SHOW(powl(-2, 3)); SHOW(powl(4, 0.5L));
  SHOW(sinl(0)); SHOW(cosl(0)); SHOW(tanl(0)); SHOW(asinl(0)); SHOW(acosl(1)); SHOW(atanl(0));
  SHOW(atan2l(0, 1)); SHOW(sinhl(0)); SHOW(coshl(0)); SHOW(tanhl(0));
  SHOW(asinhl(0)); SHOW(acoshl(1)); SHOW(atanhl(0));
  SHOW(erfl(0)); SHOW(erfcl(0)); SHOW(tgammal(5)); SHOW(lgammal(1)); SHOW(lgammal(3));

  /* inexact ones, through 12 digits */
  SHOW(sinl(0.5L)); SHOW(cosl(0.5L)); SHOW(tanl(1)); SHOW(asinl(0.5L)); SHOW(acosl(0.25L));
  SHOW(atanl(2)); SHOW(atan2l(1, -2)); SHOW(expl(1)); SHOW(exp2l(0.5L)); SHOW(expm1l(1e-5L));
  SHOW(logl(10)); SHOW(log2l(10)); SHOW(log10l(2)); SHOW(log1pl(0.5L)); SHOW(powl(2, 0.5L));
  SHOW(sqrtl(2)); SHOW(cbrtl(2)); SHOW(hypotl(1, 1)); SHOW(sinhl(1)); SHOW(coshl(1)); SHOW(tanhl(0.5L));
  SHOW(asinhl(1)); SHOW(acoshl(2)); SHOW(atanhl(0.5L)); SHOW(erfl(0.5L)); SHOW(erfcl(1.5L));
  SHOW(tgammal(0.5L)); SHOW(lgammal(10.5L));

  /* special values */
  ASSERT(1, isinf(HUGE_VALL)); ASSERT(1, HUGE_VALL > 0); ASSERT(1, isnan(nanl("")));
  ASSERT(1, signbit(-0.0L)); ASSERT(0, signbit(0.0L)); ASSERT(FP_ZERO, fpclassify(0.0L));
  ASSERT(FP_NORMAL, fpclassify(1.0L)); ASSERT(FP_INFINITE, fpclassify(-HUGE_VALL)); ASSERT(1, isfinite(2.0L));
  ASSERT(1, isgreater(2.0L, 1.0L)); ASSERT(1, isunordered(nanl(""), 1.0L));
  errno = 0; SHOW(sqrtl(-1)); ASSERT(EDOM, errno);
  errno = 0; SHOW(logl(0)); ASSERT(ERANGE, errno);
  errno = 0; SHOW(expl(-1e6L)); ASSERT(ERANGE, errno);

  /* nexttoward: y is a long double, x's format decides the step */
  SHOW(nexttoward(1.0, 2.0L) - 1); SHOW(nexttoward(1.0, 0.0L) - 1); SHOW(nexttoward(1.0, 1.0L));
  SHOW(nexttowardf(1.0f, 2.0L) - 1); SHOW(nexttowardf(1.0f, -2.0L) - 1);
  SHOW(nexttowardf(1.0f, 1.0L + 0x1p-40L) - 1); /* y would round to x as a float */
  SHOW(nexttowardf(1.0f, 1.0L - 0x1p-40L) - 1);
  SHOW(nexttowardf(-0.0f, 0.0L)); ASSERT(0, signbit(nexttowardf(-0.0f, 0.0L)));
  SHOW(nexttowardf(0.0f, -1.0L)); SHOW(nexttoward(0.0, 1.0L));
  ASSERT(1, isnan(nexttowardf(1.0f, nanl("")))); ASSERT(1, isnan(nexttoward(nan(""), 1.0L)));
  errno = 0; SHOW(nexttowardf(FLT_MAX, HUGE_VALL)); ASSERT(ERANGE, errno);
  errno = 0; SHOW(nexttowardf(FLT_MAX, (long double)FLT_MAX * 2)); ASSERT(ERANGE, errno);
  errno = 0; SHOW(nexttoward(DBL_MAX, HUGE_VALL)); ASSERT(ERANGE, errno);
  printf("%d %d\n", _Generic(nexttowardf(1, 2), float: 1, default: 0), _Generic(nexttoward(1, 2), double: 1, default: 0));

  /* the functions' types */
  long double (*f1)(long double) = sinl;
  long double (*f2)(long double, long double) = powl;
  SHOW(f1(0) + f2(3, 2));
  return DONE();
}
