/* Floating point through function pointers, a call without a prototype, compound literals, statics, loops. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

typedef double (*unary)(double);

static double twice(double x) { return 2 * x; }
static float halve(float x) { return x / 2; }
double legacy();

static double apply(unary f, double x) { return f(x); }

static float counter(void) {
  static float acc = 0.5f;
  return acc += 1;
}

struct stats {
  int n;
  double sum, min, max;
};

static void add(struct stats *s, double v) {
  if (s->n++ == 0 || v < s->min) s->min = v;
  if (s->n == 1 || v > s->max) s->max = v;
  s->sum += v;
}

int main(void) {
  unary fs[] = {twice, sqrt, fabs, floor, ceil};
  ASSERT(1, apply(fs[0], 1.25) == 2.5);
  ASSERT(1, apply(fs[1], 2.25) == 1.5);
  ASSERT(1, fs[2](-3.5) == 3.5 && fs[3](-3.5) == -4 && fs[4](-3.5) == -3);
  float (*h)(float) = halve;
  ASSERT(1, h(5) == 2.5f);
  ASSERT(1, legacy(1.5f, 2) == 3.5);
  ASSERT(1, ((float[]){1.5f, 2.5f})[1] == 2.5f);
  ASSERT(1, ((struct stats){3, 1.0, 0, 0}).sum == 1.0);
  ASSERT(1, counter() == 1.5f && counter() == 2.5f);

  struct stats st = {0};
  double data[] = {3, -1.5, 8.25, 0.5};
  for (unsigned i = 0; i < sizeof data / sizeof *data; i++) add(&st, data[i]);
  ASSERT(1, st.n == 4 && st.sum == 10.25 && st.min == -1.5 && st.max == 8.25);

  int steps = 0;
  double x = 3;
  do steps++; while (x -= 0.5);
  ASSERT(6, steps);
  steps = 0;
  for (float f = 0; f != 1; f += 0.125f) steps++;
  ASSERT(8, steps);

  double a, b, c;
  a = b = c = 0.25;
  ASSERT(1, a + b + c == 0.75);
  ASSERT(1, (a = 1, a + 1) == 2);
  ASSERT(1, 1e19 > 18446744073709551615ull - 1e19);
  ASSERT(1, 18446744073709551615ull == 18446744073709551616.0);
  ASSERT(1, (unsigned long long)1e19 == 10000000000000000000ull);
  ASSERT(1, (long long)-9.2e18 == -9200000000000000000LL);
  ASSERT(1, !0.0 && !!-0.5 && 1.5);
  ASSERT(1, sqrt(2) * sqrt(2) != 2 && fabs(sqrt(2) * sqrt(2) - 2) < 1e-15);
  ASSERT(1, sqrt(-1) != sqrt(-1));
  ASSERT(1, isnan(sqrt(-1.0)) && !isnan(1.0) && isinf(1 / a - 1 / a + INFINITY) && !isinf(a));
  ASSERT(1, floor(-0.5) == -1 && ceil(-0.5) == 0 && 1 / ceil(-0.5) < 0 && trunc(-2.7) == -2 && floor(1e300) == 1e300);
  ASSERT(1, floorf(2.5f) == 2 && ceilf(2.5f) == 3 && fabsf(-0.0f) == 0);
  ASSERT(1, copysign(3, -0.0) == -3 && fmin(2, NAN) == 2 && fmax(-1, 4) == 4);
  int idx = (int)(2.9 + 0.2);
  switch (idx) {
    case (int)3.0: break;
    default: ASSERT(3, idx);
  }
  unsigned char bytes[sizeof(double)];
  double one = 1.0;
  memcpy(bytes, &one, sizeof one);
  ASSERT(0x3f, bytes[7]);
  ASSERT(0xf0, bytes[6]);
  union {
    float f;
    unsigned u;
  } pun = {1.0f};
  ASSERT(1, pun.u == 0x3f800000u);
  pun.u = 0x40490fdbu;
  ASSERT(1, pun.f > 3.14159f && pun.f < 3.1416f);
  return DONE();
}

double legacy(double x, int n) {
  return x + n;
}
