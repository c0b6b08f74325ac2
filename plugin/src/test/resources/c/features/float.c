/* float: single-precision arithmetic, mixing with double and integers, float storage. */
#include <float.h>
#include "test.h"

struct particle {
  float pos[3];
  float mass;
  char name;
};

static float gf = 0.1f;
static float weights[] = {1, 0.5f, 0.25f, 0x1p-3f};
static struct particle sun = {{1.0f, 2.0f, -3.5f}, 2e30f, 'S'};

static float mid(float a, float b) {
  return (a + b) / 2;
}

static float accumulate(const float *v, int n) {
  float s = 0;
  for (int i = 0; i < n; i++) s += v[i];
  return s;
}

int main(void) {
  volatile float zero = 0;
  float a = 1.0f, b = 3.0f;
  ASSERT(1, a / b != 1.0 / 3.0);
  ASSERT(1, a / b == (float)(1.0 / 3.0));
  ASSERT(1, 0.1f + 0.2f == 0.3f);
  ASSERT(1, 0.1f != 0.1);
  ASSERT(1, (double)0.1f == 0.100000001490116119384765625);
  ASSERT(1, 16777216.0f + 1.0f == 16777216.0f);
  ASSERT(1, 16777216.0f + 2.0f == 16777218.0f);
  ASSERT(1, 1.0f + FLT_EPSILON > 1.0f && 1.0f + FLT_EPSILON / 2 == 1.0f);
  ASSERT(1, FLT_MAX * 2 > FLT_MAX);
  ASSERT(1, FLT_TRUE_MIN / 2 == 0.0f);
  ASSERT(1, (float)1e39 > FLT_MAX);
  ASSERT(1, (float)1e-50 == 0.0f);
  ASSERT(1, (float)DBL_MIN == 0.0f);
  float nan = zero / zero;
  ASSERT(1, nan != nan && !(nan == nan));
  ASSERT(1, (double)nan != (double)nan);

  /* rounding: halfway cases go to even */
  ASSERT(1, (float)16777217 == 16777216.0f);
  ASSERT(1, (float)16777219 == 16777220.0f);
  ASSERT(1, (float)16777217LL == 16777216.0f);
  ASSERT(1, (float)9007199791611905LL == 9007200328482816.0f); /* 2^53 + 2^29 + 1: above the half */
  ASSERT(1, (float)0x1.000001p0 == 1.0f);
  ASSERT(1, (float)0x1.0000018p0 == 0x1.000002p0f);

  /* conversions */
  ASSERT(16777217, (int)16777217.0);
  ASSERT(-2, (int)-2.5f);
  ASSERT(100, (int)(100.99f));
  ASSERT64(4294967296LL, (long long)4294967296.0f);
  ASSERT(1, (unsigned)3e9f == 3000000000u);
  int n = 5;
  float fn = n;
  ASSERT(1, fn * fn == 25);
  ASSERT(1, n / 2.0f == 2.5f);
  ASSERT(1, sizeof(n / 2.0f) == 4 && sizeof(n / 2.0) == 8 && sizeof(1.0f + 1.0) == 8);
  ASSERT(1, sizeof(float) == 4);
  char c = 65.7f;
  ASSERT('A', c);

  /* lvalues */
  float v[4] = {1, 2, 3, 4};
  ASSERT(1, accumulate(v, 4) == 10);
  v[2] /= 4;
  v[3]--;
  ASSERT(1, v[2] == 0.75f && v[3] == 3);
  ASSERT(1, accumulate(weights, 4) == 1.875f);
  sun.pos[2] *= -2;
  sun.mass /= 2;
  ASSERT(1, sun.pos[2] == 7 && sun.mass == 1e30f && sun.name == 'S');
  struct particle copy = sun;
  copy.pos[0] += 0.5f;
  ASSERT(1, copy.pos[0] == 1.5f && sun.pos[0] == 1.0f);
  gf += gf;
  ASSERT(1, gf == 0.2f);
  ASSERT(1, mid(1, 2) == 1.5f);
  float *fp = &v[0];
  *fp = -*fp;
  ASSERT(1, v[0] == -1 && v[0] < 0.0);
  float x = 2.0f;
  double d = x;
  ASSERT(1, d == 2.0);
  x = d * 1.25;
  ASSERT(1, x == 2.5f);
  ASSERT(1, x++ == 2.5f && x == 3.5f);
  return DONE();
}
