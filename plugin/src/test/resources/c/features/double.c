/* double: arithmetic, conversions, comparisons, constants, lvalues of every kind. */
#include <float.h>
#include "test.h"

struct point {
  double x, y;
  int tag;
};

static double g = 1.5;
static double table[] = {0.5, -2.25, 1e10, 0x1.8p1};
static struct point origin = {0.0, -0.0, 7};
static double third = 1.0 / 3;
static int truncated = (int)-7.9;

static double dot(struct point a, struct point b) {
  return a.x * b.x + a.y * b.y;
}

static struct point scale(struct point p, double k) {
  struct point r = {p.x * k, p.y * k, p.tag};
  return r;
}

static double sum(int n, ...);

static double poly(double x) {
  return ((2 * x - 3) * x + 1) * x - 0.5;
}

static int same(double a, double b) {
  return a == b;
}

int main(void) {
  volatile double z = 0.0;
  double a = 3.0, b = 4.0;
  ASSERT(1, a + b == 7.0);
  ASSERT(1, a - b == -1.0);
  ASSERT(1, a * b == 12.0);
  ASSERT(1, b / a > 1.333333 && b / a < 1.333334);
  ASSERT(1, 0.1 + 0.2 != 0.3);
  ASSERT(1, 0.1 + 0.2 == 0.30000000000000004);
  ASSERT(1, 1e308 * 10 > DBL_MAX);
  ASSERT(1, -1e308 * 10 < -DBL_MAX);
  ASSERT(1, DBL_MIN / 2 > 0 && DBL_MIN / 2 < DBL_MIN);
  ASSERT(1, DBL_TRUE_MIN / 2 == 0);
  ASSERT(1, 1.0 + DBL_EPSILON > 1.0);
  ASSERT(1, 1.0 + DBL_EPSILON / 2 == 1.0);

  double nan = z / z, inf = 1 / z;
  ASSERT(0, nan == nan);
  ASSERT(1, nan != nan);
  ASSERT(0, nan < 1 || nan > 1 || nan <= 1 || nan >= 1);
  ASSERT(1, inf > DBL_MAX && -inf < -DBL_MAX);
  ASSERT(1, inf - inf != inf - inf);
  ASSERT(1, 0.0 == -0.0);
  ASSERT(1, 1 / -z < 0);
  ASSERT(1, 1 / (z * -1) == -inf);
  ASSERT(1, nan ? 1 : 0);
  ASSERT(0, z ? 1 : 0);
  ASSERT(1, !z);
  ASSERT(0, !nan);
  ASSERT(1, z || 0.5);
  ASSERT(0, z && 1);

  /* conversions */
  ASSERT(3, (int)3.99);
  ASSERT(-3, (int)-3.99);
  ASSERT(2147483647, (int)2147483647.0);
  ASSERT64(-9007199254740993LL + 1, (long long)-9007199254740992.0);
  ASSERT64(1LL << 62, (long long)4611686018427387904.0);
  ASSERT(1, (unsigned)4294967295.0 == 4294967295u);
  ASSERT(1, (unsigned long long)1.8446744073709550e19 == 18446744073709549568ull);
  ASSERT(1, (double)9007199254740993LL == 9007199254740992.0);
  ASSERT(1, (double)18446744073709551615ull == 18446744073709551616.0);
  ASSERT(1, (double)-2147483647 - 1 == -2147483648.0);
  ASSERT(1, (double)4294967295u == 4294967295.0);
  ASSERT(-7, truncated);
  unsigned char uc = 200.7;
  short sh = -300.9;
  ASSERT(200, uc);
  ASSERT(-300, sh);
  _Bool t1 = 0.25, t2 = -0.0;
  ASSERT(1, t1);
  ASSERT(0, t2);
  int i = 7;
  long long big = 1LL << 60;
  ASSERT(1, i / 2.0 == 3.5);
  ASSERT(1, big * 1.0 == 1152921504606846976.0);
  ASSERT(1, 'a' + 0.5 == 97.5);

  /* compound assignment, ++ and -- */
  double c = 1.0;
  c += 2;
  c *= 2.5;
  c -= 0.5;
  c /= 2;
  ASSERT(1, c == 3.5);
  ASSERT(1, c++ == 3.5 && c == 4.5);
  ASSERT(1, ++c == 5.5);
  ASSERT(1, c-- == 5.5 && --c == 3.5);
  int k = 10;
  k *= 1.26;
  ASSERT(12, k);
  k += 0.9;
  ASSERT(12, k);
  k /= 0.5;
  ASSERT(24, k);

  /* arrays, pointers, structs, globals */
  double arr[5];
  for (int j = 0; j < 5; j++) arr[j] = j * 0.5;
  double *p = arr;
  *p++ += 10;
  p[1] *= 4;
  ASSERT(1, arr[0] == 10 && arr[2] == 4.0 && *p == 0.5);
  (*p)++;
  ASSERT(1, arr[1] == 1.5);
  struct point q = {1, 2, 3};
  struct point r = scale(q, 3);
  ASSERT(1, r.x == 3 && r.y == 6 && r.tag == 3);
  ASSERT(1, dot(q, r) == 15);
  struct point *pr = &r;
  pr->y -= 0.25;
  pr->x++;
  ASSERT(1, r.y == 5.75 && r.x == 4);
  ASSERT(1, origin.x == 0 && 1 / origin.y < 0 && origin.tag == 7);
  g *= 2;
  ASSERT(1, g == 3);
  ASSERT(1, table[0] + table[1] == -1.75 && table[2] == 10000000000.0 && table[3] == 3);
  ASSERT(1, third * 3 == 1);
  ASSERT(1, sizeof(double) == 8 && sizeof(struct point) == 24 && _Alignof(double) == 8);

  /* calls, varargs, conditionals, comma */
  ASSERT(1, sum(3, 1.5, 2.5, 3.0) == 7);
  ASSERT(1, sum(2, (float)0.25, 1.0) == 1.25);
  ASSERT(1, poly(2) == 5.5);
  ASSERT(1, same(1, 1.0));
  double m = a > b ? a : b;
  ASSERT(4, (int)m);
  ASSERT(1, (i > 3 ? 1.5 : 2) == 1.5);
  ASSERT(1, (i < 3 ? 1.5 : 2) == 2.0);
  double u = (a = 5, a * 2);
  ASSERT(1, u == 10);
  ASSERT(1, -a == -5 && -(-a) == 5 && +a == 5);
  return DONE();
}

#include <stdarg.h>

static double sum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  double s = 0;
  for (int i = 0; i < n; i++) s += va_arg(ap, double);
  va_end(ap);
  return s;
}
