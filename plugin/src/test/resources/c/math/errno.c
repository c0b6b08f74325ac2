/*
 * errno after <math.h>'s functions on special arguments: each line is a function's name, its
 * arguments' and result's bit patterns and errno. MathLibraryTest runs it compiled by us and by
 * gcc (glibc's libm): the lines must be equal.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "print.h"

static unsigned long long bits(double x) {
  unsigned long long b;
  memcpy(&b, &x, sizeof b);
  return b;
}

/* the result's bits when it is a zero, an infinity or a NaN, else 1 (ulps are MathLibraryTest's business) */
static unsigned fbits(float x);
static unsigned long long rbits(double x) {
  return isfinite(x) && x != 0 ? 1 : bits(x);
}

static unsigned rfbits(float x) {
  return isfinite(x) && x != 0 ? 1 : fbits(x);
}

static unsigned fbits(float x) {
  unsigned b;
  memcpy(&b, &x, sizeof b);
  return b;
}

static const double args[] = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 1.5, 3.0, -3.0, 1e-310, -1e-310,
    4.9406564584124654e-324, 2.2250738585072014e-308, 1e-300, 1e300, -1e300, 1.7976931348623157e308, 100.0,
    -100.0, 171.0, 172.0, -171.5, 200.0, 700.0, 709.7, 710.0, -700.0, -740.0, -745.0, -746.0, -800.0,
    1023.0, 1024.0, -1074.0, -1075.0, -1076.0, 1100.0, -1100.0, 30.0, 27.5, 40.0, 1e17, -1e17,
    2.5e305, -2.5e305, 1.0 / 0.0, -1.0 / 0.0, NAN};
#define NARGS (sizeof args / sizeof args[0])

static const double pairs[] = {0.0, -0.0, 1.0, -1.0, 0.5, -2.0, 2.5, -3.0, 1e-310, 1e300, -1e300, 1e-300,
    1024.0, -1100.0, 1.7976931348623157e308, -1.7976931348623157e308, 1.0 / 0.0, -1.0 / 0.0, NAN};
#define NPAIRS (sizeof pairs / sizeof pairs[0])

static void one(const char *name, double (*f)(double)) {
  for (unsigned i = 0; i < NARGS; i++) {
    errno = 0;
    double r = f(args[i]);
    printf("%s %016llx %016llx %d\n", name, bits(args[i]), rbits(r), errno);
  }
}

static void onef(const char *name, float (*f)(float)) {
  for (unsigned i = 0; i < NARGS; i++) {
    float x = (float)args[i];
    errno = 0;
    float r = f(x);
    printf("%s %08x %08x %d\n", name, fbits(x), rfbits(r), errno);
  }
}

static void two(const char *name, double (*f)(double, double)) {
  for (unsigned i = 0; i < NPAIRS; i++) {
    for (unsigned j = 0; j < NPAIRS; j++) {
      errno = 0;
      double r = f(pairs[i], pairs[j]);
      printf("%s %016llx %016llx %016llx %d\n", name, bits(pairs[i]), bits(pairs[j]), rbits(r), errno);
    }
  }
}

static void twof(const char *name, float (*f)(float, float)) {
  for (unsigned i = 0; i < NPAIRS; i++) {
    for (unsigned j = 0; j < NPAIRS; j++) {
      float x = (float)pairs[i], y = (float)pairs[j];
      errno = 0;
      float r = f(x, y);
      printf("%s %08x %08x %08x %d\n", name, fbits(x), fbits(y), rfbits(r), errno);
    }
  }
}

static double pown(double x, double y) { return pow(x, y); }

int main(void) {
  one("sqrt", sqrt);
  one("exp", exp);
  one("exp2", exp2);
  one("expm1", expm1);
  one("log", log);
  one("log2", log2);
  one("log10", log10);
  one("log1p", log1p);
  one("sin", sin);
  one("cos", cos);
  one("tan", tan);
  one("asin", asin);
  one("acos", acos);
  one("atan", atan);
  one("sinh", sinh);
  one("cosh", cosh);
  one("tanh", tanh);
  one("asinh", asinh);
  one("acosh", acosh);
  one("atanh", atanh);
  one("cbrt", cbrt);
  one("erf", erf);
  one("erfc", erfc);
  one("logb", logb);
  one("tgamma", tgamma);
  one("lgamma", lgamma);
  one("floor", floor);
  one("round", round);
  one("rint", rint);
  onef("sqrtf", sqrtf);
  onef("expf", expf);
  onef("logf", logf);
  onef("sinf", sinf);
  onef("asinf", asinf);
  onef("coshf", coshf);
  onef("acoshf", acoshf);
  onef("atanhf", atanhf);
  onef("tgammaf", tgammaf);
  onef("lgammaf", lgammaf);
  two("pow", pown);
  two("atan2", atan2);
  two("hypot", hypot);
  two("fmod", fmod);
  two("remainder", remainder);
  two("fdim", fdim);
  two("nextafter", nextafter);
  two("fmin", fmin);
  twof("powf", powf);
  twof("fmodf", fmodf);
  twof("remainderf", remainderf);
  twof("nextafterf", nextafterf);
  twof("fdimf", fdimf);
  for (unsigned i = 0; i < NARGS; i++) {
    errno = 0;
    int e = ilogb(args[i]);
    printf("ilogb %016llx %d %d\n", bits(args[i]), e, errno);
    static const int ns[] = {1, -1, 2000, -2000, 1100, -1100};
    for (unsigned j = 0; j < sizeof ns / sizeof ns[0]; j++) {
      errno = 0;
      double r = ldexp(args[i], ns[j]);
      printf("ldexp %016llx %d %016llx %d\n", bits(args[i]), ns[j], bits(r), errno);
      errno = 0;
      r = scalbn(args[i], ns[j]);
      printf("scalbn %016llx %d %016llx %d\n", bits(args[i]), ns[j], bits(r), errno);
    }
    errno = 0;
    long long l = llround(args[i]);
    printf("llround %016llx %llx %d\n", bits(args[i]), (unsigned long long)l, errno);
    errno = 0;
    l = llrint(args[i]);
    printf("llrint %016llx %llx %d\n", bits(args[i]), (unsigned long long)l, errno);
    for (unsigned j = 0; j < NPAIRS; j++) {
      int q = 12345;
      errno = 0;
      double r = remquo(args[i], pairs[j], &q);
      printf("remquo %016llx %016llx %016llx %d %d\n", bits(args[i]), bits(pairs[j]), bits(r), isnan(r) ? 0 : q, errno);
      errno = 0;
      r = fma(args[i], pairs[j], args[(i * 7 + j) % NARGS]);
      printf("fma %016llx %016llx %016llx %016llx %d\n", bits(args[i]), bits(pairs[j]), bits(args[(i * 7 + j) % NARGS]), bits(r), errno);
    }
  }
  errno = 0;
  signgam = 0;
  double lg = lgamma(-2.5);
  printf("signgam %016llx %d %d\n", rbits(lg), signgam, errno);
  lg = lgamma(-1.5);
  printf("signgam %016llx %d %d\n", rbits(lg), signgam, errno);
  static const double gs[] = {-0.0, 0.0, -0.5, -1.5, -2.5, -1e-310, -1.0 / 0.0, 1.0 / 0.0, -3.0, -200.5, -201.5, NAN};
  for (unsigned i = 0; i < sizeof gs / sizeof gs[0]; i++) {
    int sign = 7;
    errno = 0;
    lg = lgamma_r(gs[i], &sign);
    printf("lgamma_r %016llx %016llx %d %d\n", bits(gs[i]), rbits(lg), sign, errno);
    errno = 0;
    float lf = lgammaf_r((float)gs[i], &sign);
    printf("lgammaf_r %08x %08x %d %d\n", fbits((float)gs[i]), rfbits(lf), sign, errno);
    errno = 0;
    lg = tgamma(gs[i]);
    printf("tgamma %016llx %016llx %d\n", bits(gs[i]), rbits(lg), errno);
  }
  return 0;
}
