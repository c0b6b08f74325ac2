/* Products and quotients of constant complex values, folded at compile time as gcc folds them:
   each part correctly rounded (static initializers too), a product or quotient that gcc leaves
   to run time (an infinite or NaN operand, a result that is subnormal or overflows) computed by
   __muldc3/__divdc3, and gcc's z / (1 + 0i) as z and z / (-1 + 0i) as -z. Parts as bits. */
#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static void show(const char *what, double complex z) {
  double parts[2] = {creal(z), cimag(z)};
  unsigned long long bits[2];
  memcpy(bits, parts, sizeof bits);
  printf("%-10s %016llx %016llx\n", what, bits[0], bits[1]);
}

static void showf(const char *what, float complex z) {
  float parts[2] = {crealf(z), cimagf(z)};
  unsigned bits[2];
  memcpy(bits, parts, sizeof bits);
  printf("%-10s %08x %08x\n", what, bits[0], bits[1]);
}

/* static initializers: gcc folds them all, rounding each part once */
static double complex product = (1.0 + 2.0i) * (3.0 - 1.0i);
static double complex inexact = (0.1 + 0.2i) * (0.3 + 0.7i);
static double complex quotient = (1.0 + 2.0i) / (3.0 + 4.0i);
static double complex thirds = 1.0 / (3.0 + 3.0i);
static double complex subnormal = (1e-300 + 1e-300i) * (1e-10 + 1e-10i);
static double complex tiny = (1e-300 + 3e-300i) / (1e20 - 7e20i);
static double complex huge = (1e300 + 1e300i) * (1e10 + 1e10i);
static double complex by_zero = (1.0 - 2.0i) / (-0.0 + 0.0i);
static double complex zero_by_zero = (0.0 + 2.0i) / (0.0 - 0.0i);
static double complex zeros = (-0.0 + 0.0i) * (0.0 - 0.0i);
static double complex i_squared = I * I;
static float complex single = (1.0f + 2.0fi) * (3.0f + 1.5fi) / (0.1f + 0.7fi);
static double complex table[3] = {(2.0 + 1.0i) * (2.0 - 1.0i), (0.5 + 0.25i) / (0.125 - 1.5i), 3.0 / (1.0 + 1.0i)};
static struct {
  int tag;
  double complex z;
} tagged = {7, (1e-5 + 3e-7i) * (2.5e3 - 1e-2i)};

static double complex divide(double complex a, double complex b) { return a / b; }

int main(void) {
  static double complex local = (1.5 + 0.5i) / (0.3 - 0.9i);
  show("product", product);
  show("inexact", inexact);
  show("quotient", quotient);
  show("thirds", thirds);
  show("subnormal", subnormal);
  show("tiny", tiny);
  show("huge", huge);
  show("by_zero", by_zero);
  show("zero/zero", zero_by_zero);
  show("zeros", zeros);
  show("i*i", i_squared);
  showf("single", single);
  for (int k = 0; k < 3; k++) show("table", table[k]);
  show("tagged", tagged.z);
  show("local", local);

  /* in a function: folded when the operands and the result are finite and normal */
  show("f.inexact", (0.1 + 0.2i) * (0.3 + 0.7i));
  show("f.quot", (1.0 + 2.0i) / (3.0 + 4.0i));
  show("f.mixed", (1.0f + 2.0fi) * (0.1 + 0.3i));
  showf("f.single", (1.0f + 2.0fi) / (3.0f - 7.0fi));
  volatile double v = 0.1;
  show("run.inexact", (v + 0.2i) * (0.3 + 0.7i));
  show("run.quot", divide(1.0 + 2.0i, 3.0 + 4.0i));
  /* left to run time: a subnormal or infinite result, an infinite operand */
  show("f.subnorm", (1e-300 + 1e-300i) * (1e-10 + 1e-10i));
  show("f.huge", (1e300 + 1e300i) * (1e10 + 1e10i));
  show("f.byzero", (1.0 - 2.0i) / (0.0 + 0.0i));
  show("f.inf", (INFINITY + 1.0i) * (INFINITY - 1.0i));
  /* z / (1 + 0i) is z and z / (-1 - 0i) is -z, NaNs and infinities kept */
  show("unit", CMPLX(NAN, INFINITY) / (1.0 + 0.0i));
  show("minus", CMPLX(NAN, -INFINITY) / CMPLX(-1.0, -0.0));
  double complex w = CMPLX(-0.0, NAN);
  show("w/-1", w / -1.0);
  show("w/(-1+0i)", w / CMPLX(-1.0, 0.0));
  showf("f/-1", CMPLXF(-0x1p61f, -INFINITY) / CMPLXF(-1.0f, -0.0f));
  return 0;
}
