/*
 * The long double forms of <math.h>. long double has double's binary64 format (sizeof 8), so
 * each is its double function: the conversions between the two types are no code.
 */
#include <math.h>

/* fn##l of one or two long doubles: fn */
#define L1(fn) long double fn##l(long double x) { return fn(x); }
#define L2(fn) long double fn##l(long double x, long double y) { return fn(x, y); }

L1(acos) L1(asin) L1(atan) L1(cos) L1(sin) L1(tan) L1(acosh) L1(asinh) L1(atanh) L1(cosh) L1(sinh) L1(tanh)
L1(exp) L1(exp2) L1(expm1) L1(log) L1(log10) L1(log1p) L1(log2) L1(logb) L1(cbrt) L1(fabs) L1(sqrt)
L1(erf) L1(erfc) L1(lgamma) L1(tgamma) L1(ceil) L1(floor) L1(nearbyint) L1(rint) L1(round) L1(trunc)
L2(atan2) L2(hypot) L2(pow) L2(fmod) L2(remainder) L2(copysign) L2(nextafter) L2(fdim) L2(fmax) L2(fmin)

long double frexpl(long double x, int *e) { return frexp(x, e); }
int ilogbl(long double x) { return ilogb(x); }
long double ldexpl(long double x, int n) { return ldexp(x, n); }
long double modfl(long double x, long double *ip) { return modf(x, (double *)ip); }
long double scalbnl(long double x, int n) { return scalbn(x, n); }
long double scalblnl(long double x, long n) { return scalbln(x, n); }
long double lgammal_r(long double x, int *sign) { return lgamma_r(x, sign); }
long lrintl(long double x) { return lrint(x); }
long long llrintl(long double x) { return llrint(x); }
long lroundl(long double x) { return lround(x); }
long long llroundl(long double x) { return llround(x); }
long double remquol(long double x, long double y, int *quo) { return remquo(x, y, quo); }
long double nanl(const char *tag) { return nan(tag); }
long double fmal(long double x, long double y, long double z) { return fma(x, y, z); }

/* y's format is x's: nextafter's step */
double nexttoward(double x, long double y) { return nextafter(x, y); }
long double nexttowardl(long double x, long double y) { return nextafter(x, y); }

/*
 * y rounded to float could equal x although y does not: step toward y's side of x (compared in
 * double, y's format), and give y itself only when it equals x (nextafterf then returns it).
 */
float nexttowardf(float x, long double y) {
  return nextafterf(x, (double)x < y ? HUGE_VALF : (double)x > y ? -HUGE_VALF : (float)y);
}
