/* complex arithmetic short enough for the transformer's default test run: no floating-point printf. */
// status: 127
#include <complex.h>

struct pair {
  int tag;
  double complex z;
};

static double complex scale(struct pair p, double k) { return p.z * k; }

int main(void) {
  double complex a = 3 + 4 * I, b = 1 - 2 * I;
  struct pair p = {7, a + b};
  double complex s = scale(p, 2);                 /* 8 + 4i */
  double complex m = a * b;                       /* 11 - 2i */
  float complex f = CMPLXF(1.5f, -0.5f);
  f = f + 1;                                      /* 2.5 - 0.5i */
  int ok = 0;
  ok |= (creal(s) == 8 && cimag(s) == 4) << 0;
  ok |= (__real__ m == 11 && __imag__ m == -2) << 1;
  ok |= (m == 11 - 2 * I) << 2;
  ok |= (crealf(f) == 2.5f && cimagf(f) == -0.5f) << 3;
  ok |= (conj(b) == 1 + 2 * I) << 4;
  ok |= ((int)(a - b) == 2) << 5;
  ok |= (!(a - a)) << 6;
  return ok;
}
