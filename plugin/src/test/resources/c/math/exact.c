/*
 * <math.h>'s exact functions (frexp, ldexp, scalbn, scalbln, modf, round, lround, rint, lrint,
 * trunc, floor, ceil, copysign, fmin, fmax, fdim, fmod, remainder, remquo, ilogb, logb, nextafter, fma,
 * nan, the comparison macros, and their float forms) over a deterministic sample: each line is a
 * function's name, its arguments' and its results' bit patterns (or integers) in hex.
 * MathLibraryTest runs it compiled by us and by gcc (glibc's libm): the lines must be equal.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "print.h"

static unsigned long long state = 0x2545F4914F6CDD1DULL;

static unsigned long long next(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

static unsigned long long bits(double x) {
  unsigned long long b;
  memcpy(&b, &x, sizeof b);
  return b;
}

static double from_bits(unsigned long long b) {
  double x;
  memcpy(&x, &b, sizeof x);
  return x;
}

static unsigned fbits(float x) {
  unsigned b;
  memcpy(&b, &x, sizeof b);
  return b;
}

static float from_fbits(unsigned b) {
  float x;
  memcpy(&x, &b, sizeof x);
  return x;
}

static const double specials[] = {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994,
    -0.49999999999999994, 4503599627370495.5, -4503599627370496.5, 4503599627370497.0, 9007199254740993.0,
    4.9406564584124654e-324, -2.2250738585072009e-308, 2.2250738585072014e-308, 1.7976931348623157e308,
    1e-310, 123456.75, -0.75, 1.0 / 0.0, -1.0 / 0.0};

/* a double with a random sign and exponent in [elo, ehi] (the exponent field), random fraction */
static double random_double(int elo, int ehi) {
  unsigned long long r = next();
  unsigned long long e = (unsigned long long)(elo + (int)(next() % (unsigned long long)(ehi - elo + 1)));
  return from_bits((r & 0x800FFFFFFFFFFFFFULL) | (e << 52));
}

static float random_float(int elo, int ehi) {
  unsigned r = (unsigned)next();
  unsigned e = (unsigned)(elo + (int)(next() % (unsigned long long)(ehi - elo + 1)));
  return from_fbits((r & 0x807FFFFFu) | (e << 23));
}

static void one(double x) {
  int e;
  double m = frexp(x, &e);
  printf("frexp %016llx %016llx %d\n", bits(x), bits(m), e);
  double ip;
  double fr = modf(x, &ip);
  printf("modf %016llx %016llx %016llx\n", bits(x), bits(fr), bits(ip));
  printf("round %016llx %016llx\n", bits(x), bits(round(x)));
  printf("rint %016llx %016llx\n", bits(x), bits(rint(x)));
  printf("nearbyint %016llx %016llx\n", bits(x), bits(nearbyint(x)));
  printf("trunc %016llx %016llx\n", bits(x), bits(trunc(x)));
  printf("floor %016llx %016llx\n", bits(x), bits(floor(x)));
  printf("ceil %016llx %016llx\n", bits(x), bits(ceil(x)));
  if (!isnan(x)) printf("llround %016llx %llx\n", bits(x), (unsigned long long)llround(x));
  if (!isnan(x)) printf("llrint %016llx %llx\n", bits(x), (unsigned long long)llrint(x));
  /* long is 32 bits on wasm32 and 64 on x86-64: compare where both hold the result */
  if (fabs(x) < 2147483647.0) printf("lround %016llx %ld\n", bits(x), (long)lround(x));
  if (fabs(x) < 2147483647.0) printf("lrint %016llx %ld\n", bits(x), (long)lrint(x));
  static const int ns[] = {0, 1, -1, 52, -52, 1023, -1022, -1074, -1075, 2000, -2000, 2098, -2098, 100000, -100000};
  for (unsigned i = 0; i < sizeof ns / sizeof ns[0]; i++) {
    printf("ldexp %016llx %d %016llx\n", bits(x), ns[i], bits(ldexp(x, ns[i])));
  }
  int n = (int)(next() % 4300) - 2150;
  printf("scalbn %016llx %d %016llx\n", bits(x), n, bits(scalbn(x, n)));
  printf("scalbln %016llx %d %016llx\n", bits(x), -n, bits(scalbln(x, -n)));
  printf("ilogb %016llx %d\n", bits(x), ilogb(x));
  printf("logb %016llx %016llx\n", bits(x), bits(logb(x)));
}

static void onef(float x) {
  int e;
  float m = frexpf(x, &e);
  printf("frexpf %08x %08x %d\n", fbits(x), fbits(m), e);
  float ip;
  float fr = modff(x, &ip);
  printf("modff %08x %08x %08x\n", fbits(x), fbits(fr), fbits(ip));
  printf("roundf %08x %08x\n", fbits(x), fbits(roundf(x)));
  printf("rintf %08x %08x\n", fbits(x), fbits(rintf(x)));
  printf("truncf %08x %08x\n", fbits(x), fbits(truncf(x)));
  printf("floorf %08x %08x\n", fbits(x), fbits(floorf(x)));
  printf("ceilf %08x %08x\n", fbits(x), fbits(ceilf(x)));
  if (!isnan(x)) printf("llroundf %08x %llx\n", fbits(x), (unsigned long long)llroundf(x));
  if (fabsf(x) < 2147483647.0f) printf("lroundf %08x %ld\n", fbits(x), (long)lroundf(x));
  int n = (int)(next() % 400) - 200;
  printf("ldexpf %08x %d %08x\n", fbits(x), n, fbits(ldexpf(x, n)));
  printf("scalbnf %08x %d %08x\n", fbits(x), -n, fbits(scalbnf(x, -n)));
  printf("ilogbf %08x %d\n", fbits(x), ilogbf(x));
  printf("logbf %08x %08x\n", fbits(x), fbits(logbf(x)));
  if (!isnan(x)) printf("lrintf %08x %ld\n", fbits(x), fabsf(x) < 2147483647.0f ? lrintf(x) : 0L);
  if (!isnan(x)) printf("llrintf %08x %llx\n", fbits(x), (unsigned long long)llrintf(x));
}

static void two(double x, double y) {
  printf("copysign %016llx %016llx %016llx\n", bits(x), bits(y), bits(copysign(x, y)));
  printf("fmin %016llx %016llx %016llx\n", bits(x), bits(y), bits(fmin(x, y)));
  printf("fmax %016llx %016llx %016llx\n", bits(x), bits(y), bits(fmax(x, y)));
  float a = (float)x, b = (float)y;
  printf("copysignf %08x %08x %08x\n", fbits(a), fbits(b), fbits(copysignf(a, b)));
  printf("fminf %08x %08x %08x\n", fbits(a), fbits(b), fbits(fminf(a, b)));
  printf("fmaxf %08x %08x %08x\n", fbits(a), fbits(b), fbits(fmaxf(a, b)));
  printf("fdim %016llx %016llx %016llx\n", bits(x), bits(y), bits(fdim(x, y)));
  printf("fmod %016llx %016llx %016llx\n", bits(x), bits(y), bits(fmod(x, y)));
  printf("remainder %016llx %016llx %016llx\n", bits(x), bits(y), bits(remainder(x, y)));
  int q = 0;
  double r = remquo(x, y, &q);
  printf("remquo %016llx %016llx %016llx %d\n", bits(x), bits(y), bits(r), isnan(r) ? 0 : q);
  printf("nextafter %016llx %016llx %016llx\n", bits(x), bits(y), bits(nextafter(x, y)));
  printf("compare %016llx %016llx %d%d%d%d%d%d\n", bits(x), bits(y), isgreater(x, y), isgreaterequal(x, y),
      isless(x, y), islessequal(x, y), islessgreater(x, y), isunordered(x, y));
  printf("fdimf %08x %08x %08x\n", fbits(a), fbits(b), fbits(fdimf(a, b)));
  printf("fmodf %08x %08x %08x\n", fbits(a), fbits(b), fbits(fmodf(a, b)));
  printf("remainderf %08x %08x %08x\n", fbits(a), fbits(b), fbits(remainderf(a, b)));
  float rf = remquof(a, b, &q);
  printf("remquof %08x %08x %08x %d\n", fbits(a), fbits(b), fbits(rf), isnan(rf) ? 0 : q);
  printf("nextafterf %08x %08x %08x\n", fbits(a), fbits(b), fbits(nextafterf(a, b)));
}

/* fma: x y + z rounded once; near cancellation, into the subnormals, overflowing */
static void three(double x, double y, double z) {
  printf("fma %016llx %016llx %016llx %016llx\n", bits(x), bits(y), bits(z), bits(fma(x, y, z)));
  float a = (float)x, b = (float)y, c = (float)z;
  printf("fmaf %08x %08x %08x %08x\n", fbits(a), fbits(b), fbits(c), fbits(fmaf(a, b, c)));
}

int main(void) {
  unsigned ns = sizeof specials / sizeof specials[0];
  for (unsigned i = 0; i < ns; i++) {
    one(specials[i]);
    onef((float)specials[i]);
    two(specials[i], specials[(i * 7 + 3) % ns]);
  }
  one(from_bits(0x7FF8000000000000ULL));
  onef(from_fbits(0x7FC00000u));
  two(from_bits(0x7FF8000000000000ULL), 1.0);
  two(-1.0, from_bits(0x7FF8000000000000ULL));
  for (unsigned i = 0; i < ns; i++) {
    for (unsigned j = 0; j < ns; j += 2) three(specials[i], specials[j], specials[(i + j * 5) % ns]);
  }
  three(from_bits(0x7FF8000000000000ULL), 0.0, 1.0);
  three(1.0 / 0.0, 0.0, 1.0);
  three(0.0, 1.0 / 0.0, from_bits(0x7FF8000000000000ULL));
  three(1.0 / 0.0, 1.0, -1.0 / 0.0);
  three(0.1, 10.0, -1.0);
  three(1.0 + 0x1p-52, 1.0 - 0x1p-53, -1.0);
  three(1e300, -1e300, 1.0 / 0.0); /* the product overflows, the sum is the infinity */
  three(1.7976931348623157e308, 2.0, -1.7976931348623157e308); /* exact: DBL_MAX */
  three(1.7976931348623157e308, 1.5, -1.7976931348623157e308);
  three(0x1p-600, 0x1p-600, -0x1p-1074); /* the product is far below the addend */
  three(0x1p-1074, 0.5, 0.0); /* a tie between 0 and the smallest subnormal */
  three(0x1p-1074, 0.75, -0.0);
  three(-0x1p-1074, 0.5, 0.0);
  printf("nan %016llx %08x\n", bits(nan("")), fbits(nanf("1")));
  for (int i = 0; i < 150; i++) {
    one(random_double(1000, 1090)); /* around 1 .. 2^67: the fractions round */
    one(random_double(0, 2047 - 1)); /* anywhere, subnormals too */
    onef(random_float(110, 160));
    onef(random_float(0, 254));
    double x = random_double(1000, 1050); /* in turn: gcc evaluates arguments right to left */
    two(x, random_double(1000, 1050));
    x = random_double(0, 2046); /* remainders of far apart exponents, subnormals */
    two(x, random_double(0, 2046));
    x = random_double(900, 1150);
    double y = random_double(900, 1150);
    three(x, y, random_double(0, 2046));
    x = random_double(900, 1150);
    y = random_double(900, 1150);
    three(x, y, -x * y * (1.0 + (double)((int)(next() % 64) - 32) * 0x1p-52)); /* cancellation */
    x = random_double(1, 400);
    y = random_double(1, 400);
    three(x, y, random_double(0, 200)); /* subnormal products and sums */
    x = random_double(1500, 2046);
    y = random_double(900, 1600);
    three(x, y, random_double(1800, 2046)); /* overflow */
  }
  return 0;
}
