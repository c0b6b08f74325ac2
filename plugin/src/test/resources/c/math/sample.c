/*
 * <math.h> over a deterministic sample: every line is a function's name, its arguments' and
 * its result's bit patterns in hex. MathLibraryTest runs it compiled by us and by gcc (glibc's
 * libm) and compares the results in ulps. The arguments come from integer arithmetic and
 * correctly rounded operations, so both builds see the same ones.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "print.h"

static unsigned long long state = 0x9E3779B97F4A7C15ULL;

static unsigned long long next(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

/* uniform in [lo, hi) */
static double uniform(double lo, double hi) {
  return lo + (hi - lo) * ((double)(next() >> 11) * 0x1p-53);
}

static double ldexp_(double m, int e) {
  while (e > 0) {
    int s = e > 60 ? 60 : e;
    m *= (double)(1ULL << s);
    e -= s;
  }
  while (e < 0) {
    int s = -e > 60 ? 60 : -e;
    m /= (double)(1ULL << s);
    e += s;
  }
  return m;
}

/* 2^e times a uniform mantissa, e uniform in [elo, ehi], random sign if asked */
static double spread(int elo, int ehi, int sign) {
  int e = elo + (int)(next() % (unsigned long long)(ehi - elo + 1));
  double m = 1.0 + (double)(next() >> 12) * 0x1p-52;
  double x = ldexp_(m, e);
  return sign && (next() & 1) ? -x : x;
}

static unsigned long long bits(double x) {
  unsigned long long b;
  memcpy(&b, &x, sizeof b);
  return b;
}

static unsigned fbits(float x) {
  unsigned b;
  memcpy(&b, &x, sizeof b);
  return b;
}

#define N 120

static void one(const char *name, double (*f)(double), int kind, double lo, double hi) {
  for (int i = 0; i < N; i++) {
    double x = kind ? spread((int)lo, (int)hi, kind == 2) : uniform(lo, hi);
    printf("%s %016llx %016llx\n", name, bits(x), bits(f(x)));
  }
}

static void two(const char *name, double (*f)(double, double), double xlo, double xhi, double ylo, double yhi) {
  for (int i = 0; i < N; i++) {
    double x = uniform(xlo, xhi), y = uniform(ylo, yhi);
    printf("%s %016llx %016llx %016llx\n", name, bits(x), bits(y), bits(f(x, y)));
  }
}

static void onef(const char *name, float (*f)(float), double lo, double hi) {
  for (int i = 0; i < N / 2; i++) {
    float x = (float)uniform(lo, hi);
    printf("%s %08x %08x\n", name, fbits(x), fbits(f(x)));
  }
}

static double pow_(double x, double y) { return pow(fabs(x), y); }
static double lgamma_(double x) { return lgamma(x); }
static float lgammaf_(float x) { return lgammaf(x); }

static const double specials[] = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, 10.0, 1000.0, 1e-300, 1e300,
    4.9406564584124654e-324, 1.7976931348623157e308, 0.7853981633974483, 1.5707963267948966, 3.141592653589793,
    1e22, 709.0, -745.0, 710.0, -746.0, 1.0 / 0.0, -1.0 / 0.0};

static void special1(const char *name, double (*f)(double)) {
  for (unsigned i = 0; i < sizeof specials / sizeof specials[0]; i++) {
    double x = specials[i];
    printf("%s %016llx %016llx\n", name, bits(x), bits(f(x)));
  }
}

static void special2(const char *name, double (*f)(double, double)) {
  for (unsigned i = 0; i < sizeof specials / sizeof specials[0]; i += 2) {
    for (unsigned j = 0; j < sizeof specials / sizeof specials[0]; j += 3) {
      double x = specials[i], y = specials[j];
      printf("%s %016llx %016llx %016llx\n", name, bits(x), bits(y), bits(f(x, y)));
    }
  }
}

int main(void) {
  one("exp", exp, 0, -745, 710);
  one("exp", exp, 0, -1, 1);
  one("exp2", exp2, 0, -1075, 1024);
  one("expm1", expm1, 0, -40, 710);
  one("expm1", expm1, 2, -60, -1);
  one("log", log, 1, -1074, 1023);
  one("log", log, 0, 0.5, 2);
  one("log2", log2, 1, -1074, 1023);
  one("log2", log2, 0, 0.5, 2);
  one("log10", log10, 1, -1074, 1023);
  one("log10", log10, 0, 0.5, 2);
  one("log1p", log1p, 1, -60, 1000);
  one("log1p", log1p, 0, -0.999, 1);
  one("sin", sin, 0, -10, 10);
  one("sin", sin, 1, -30, 1023);
  one("cos", cos, 0, -10, 10);
  one("cos", cos, 1, -30, 1023);
  one("tan", tan, 0, -10, 10);
  one("tan", tan, 1, -30, 1023);
  one("asin", asin, 0, -1, 1);
  one("acos", acos, 0, -1, 1);
  one("atan", atan, 0, -10, 10);
  one("atan", atan, 2, -1074, 1023);
  one("sinh", sinh, 0, -710, 710);
  one("sinh", sinh, 0, -2, 2);
  one("cosh", cosh, 0, -710, 710);
  one("tanh", tanh, 0, -20, 20);
  one("cbrt", cbrt, 2, -1074, 1023);
  one("erf", erf, 0, -6.5, 6.5);
  one("erf", erf, 0, -2, 2);
  one("erf", erf, 2, -1074, 1);
  one("erfc", erfc, 0, -6.5, 6.5);
  one("erfc", erfc, 0, -2, 2);
  one("erfc", erfc, 0, 2, 28);
  one("erfc", erfc, 2, -1074, 1);
  one("asinh", asinh, 0, -3, 3);
  one("asinh", asinh, 2, -1074, 1023);
  one("acosh", acosh, 0, 1, 1.1);
  one("acosh", acosh, 0, 1, 30);
  one("acosh", acosh, 1, 0, 1023);
  one("atanh", atanh, 0, -1, 1);
  one("atanh", atanh, 2, -1074, -1);
  one("tgamma", tgamma, 0, 0, 10);
  one("tgamma", tgamma, 0, 10, 171.7);
  one("tgamma", tgamma, 0, -10, 0);
  one("tgamma", tgamma, 0, -190, -10);
  one("tgamma", tgamma, 2, -1074, -1);
  one("lgamma", lgamma_, 0, 0, 10);
  one("lgamma", lgamma_, 0, -10, 0);
  one("lgamma", lgamma_, 0, -3, -2);
  one("lgamma", lgamma_, 1, -1074, 1023);
  one("lgamma", lgamma_, 0, -200, -10);
  two("pow", pow_, 1e-3, 1e3, -100, 100);
  two("pow", pow_, 0, 1e300, -1.1, 1.1);
  two("atan2", atan2, -10, 10, -10, 10);
  two("hypot", hypot, -1e10, 1e10, -1e10, 1e10);
  two("fmod", fmod, -1e30, 1e30, -1e3, 1e3);
  two("fmod", fmod, -10, 10, -10, 10);
  onef("expf", expf, -100, 88);
  onef("logf", logf, 0, 1e30);
    onef("sinf", sinf, -100, 100);
  onef("cosf", cosf, -100, 100);
  onef("tanf", tanf, -10, 10);
  onef("atanf", atanf, -100, 100);
  onef("cbrtf", cbrtf, -1e6, 1e6);
  onef("erff", erff, -5, 5);
  onef("erfcf", erfcf, -5, 12);
  onef("asinhf", asinhf, -100, 100);
  onef("acoshf", acoshf, 1, 100);
  onef("atanhf", atanhf, -1, 1);
  onef("tgammaf", tgammaf, -20, 36);
  onef("lgammaf", lgammaf_, -20, 100);
  special1("exp", exp);
  special1("expm1", expm1);
  special1("log", log);
  special1("log2", log2);
  special1("log10", log10);
  special1("log1p", log1p);
  special1("sin", sin);
  special1("cos", cos);
  special1("tan", tan);
  special1("asin", asin);
  special1("acos", acos);
  special1("atan", atan);
  special1("sinh", sinh);
  special1("cosh", cosh);
  special1("tanh", tanh);
  special1("cbrt", cbrt);
  special1("erf", erf);
  special1("erfc", erfc);
  special1("asinh", asinh);
  special1("acosh", acosh);
  special1("atanh", atanh);
  special1("tgamma", tgamma);
  special1("lgamma", lgamma_);
  special2("pow", pow);
  special2("atan2", atan2);
  special2("hypot", hypot);
  special2("fmod", fmod);
  return 0;
}
