/*
 * long double: a distinct type (here binary64, on gcc's x86-64 the 80-bit format). Every value
 * printed is exact in both formats, or printed through 12 significant digits, so the two agree;
 * sizeof, LDBL_MANT_DIG and %La differ and are checked by LongDoubleTest instead.
 */
#include <float.h>
#include <stdarg.h>
#include <string.h>
#include "test.h"

#define TYPE(x) _Generic((x), float: "float", double: "double", long double: "long double", \
    int: "int", long long: "long long", default: "other")

struct point { char tag; long double x, y; };
static long double scale = 1.5L * 4; /* a constant expression: 6 */
static long double table[] = {0.5L, 2, 1e3L, -0x1.8p1L};
static const long double *ptable = table;

static long double twice(long double x) { return x * 2; }
static long double sum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  long double s = 0;
  while (n-- > 0) s += va_arg(ap, long double);
  va_end(ap);
  return s;
}
static long double apply(long double (*f)(long double), long double x) { return f(x); }

int main(void) {
  long double a = 3.25L, b = 2, c;
  double d = 0.5;
  float f = 0.25f;
  int i = 7;
  long long ll = -3;

  /* types: constants, the usual arithmetic conversions (long double ranks above double) */
  printf("%s %s %s %s\n", TYPE(1.0L), TYPE(2.5l), TYPE(0x1p3L), TYPE(1.0));
  printf("%s %s %s %s %s\n", TYPE(a + d), TYPE(d + a), TYPE(a * f), TYPE(a - i), TYPE(ll / a));
  printf("%s %s %s\n", TYPE(i ? a : d), TYPE(-a), TYPE(a++)); /* not evaluated */
  printf("%s %s\n", TYPE((long double)i), TYPE((double)a));
  ASSERT(1, _Generic(&a, long double *: 1, double *: 2, default: 3));
  ASSERT(2, _Generic(&d, long double *: 1, double *: 2, default: 3));

  /* arithmetic, exactly representable results */
  printf("%Lg %Lg %Lg %Lg\n", a + b, a - b, a * b, a / b);
  printf("%Lg %Lg %Lg %Lg\n", a + d, a * f, a - i, ll / (a + 0.75L));
  c = a; c += 1; c -= 0.5; c *= 2; c /= 4;
  printf("%Lg\n", c);
  c = 1; c++; ++c; c--;
  printf("%Lg %Lg\n", c, -c);
  ASSERT(1, a > b); ASSERT(0, a < b); ASSERT(1, a != b); ASSERT(1, a == 3.25); ASSERT(1, b >= 2.0f);
  ASSERT(1, !(a - a)); ASSERT(1, a && d); ASSERT(0, (a - 3.25L) || 0);

  /* conversions */
  ASSERT(3, (int)a); ASSERT(-3, (int)-a); ASSERT(3, (unsigned)a); ASSERT(1, (_Bool)a);
  ASSERT64(-4000000000LL, (long long)(-4e9L));
  ASSERT64(4000000000LL, (long long)(unsigned long long)4e9L);
  printf("%g %g %Lg %Lg\n", (double)a, (float)a, (long double)f, (long double)ll);
  printf("%.17g %.9g\n", (double)(long double)0.1, (float)(long double)0.1f);
  long double big = 9007199254740993LL; /* 2^53 + 1: not exact in double */
  printf("%s\n", big >= 9007199254740992.0L ? "big" : "small");

  /* objects: members, arrays, static data, parameters, results, variadic arguments, pointers */
  struct point p = {'p', 1.25L, -2};
  struct point q = p;
  q.y *= 3;
  printf("%c %Lg %Lg %Lg\n", q.tag, q.x, q.y, p.y);
  printf("%Lg %Lg %Lg %Lg %Lg\n", scale, table[0], table[2], ptable[3], table[1] * table[3]);
  printf("%Lg %Lg %Lg\n", twice(a), sum(3, 1.5L, (long double)2, a), apply(twice, 0.125L));
  long double *pa = &a;
  *pa = 4;
  printf("%Lg\n", a);
  long double arr[3];
  memset(arr, 0, sizeof arr);
  arr[1] = 8;
  printf("%Lg %Lg %d\n", arr[0], arr[1], (int)(sizeof arr / sizeof arr[0]));

  /* printf's L */
  printf("[%Lf] [%.2Lf] [%10.3Lf] [%-10Lg|] [%+Le] [%LE] [%LG] [%#.0Lf]\n",
         1.5L, 2.125L, -0.5L, 0.75L, 1024.0L, 1e-3L, 1e20L, 2.0L);
  printf("[%.12Lg] [%.12Lg]\n", 1.0L / 3, 2.0L / 3);

  /* scanf's L, strtold */
  long double s1 = 0, s2 = 0, s3 = 0;
  long long lln = 0;
  int n = sscanf("2.5 -1e2 0x1.8p1 123456789012", "%Lf %Le %Lg %Ld", &s1, &s2, &s3, &lln);
  printf("%d %Lg %Lg %Lg %lld\n", n, s1, s2, s3, lln);
  char *end;
  long double t = strtold("  -0.375rest", &end);
  printf("%Lg [%s]\n", t, end);

  /* <float.h>: what holds in both formats */
  ASSERT(1, LDBL_MAX >= DBL_MAX); ASSERT(1, LDBL_EPSILON <= DBL_EPSILON); ASSERT(1, LDBL_MIN <= DBL_MIN);
  ASSERT(1, LDBL_DIG >= DBL_DIG); ASSERT(1, LDBL_MANT_DIG >= DBL_MANT_DIG);
  ASSERT(1, LDBL_MAX_EXP >= DBL_MAX_EXP); ASSERT(1, LDBL_MIN_EXP <= DBL_MIN_EXP);
  ASSERT(1, sizeof(long double) >= sizeof(double));
  printf("%s\n", TYPE(LDBL_MAX));
  return DONE();
}
