/*
 * The 48-bit generators as glibc's: drand48, lrand48 and mrand48 before any seed (X = 0), after
 * srand48 (small, negative and 32-bit seeds), seed48 (and the X it returns) and lcong48 (whose
 * a and c also drive erand48, nrand48 and jrand48 on their callers' X), and the doubles to the
 * bit (%.17g and their bits in hex).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void show_double(double d) {
  unsigned long long bits;
  memcpy(&bits, &d, sizeof bits);
  printf(" %.17g=%016llx", d, bits);
}

static void show_all(const char *what) {
  printf("%s\n  drand48:", what);
  for (int i = 0; i < 4; i++) show_double(drand48());
  printf("\n  lrand48:");
  for (int i = 0; i < 5; i++) printf(" %ld", lrand48());
  printf("\n  mrand48:");
  for (int i = 0; i < 5; i++) printf(" %ld", mrand48());
  printf("\n");
}

static void show_x(const char *what, const unsigned short x[3]) {
  printf("  %s %04x %04x %04x\n", what, x[0], x[1], x[2]);
}

int main(void) {
  show_all("no seed");

  static const long seeds[] = {0, 1, 42, -1, -123456, 65535, 65536, 2147483647L, -2147483647L - 1};
  for (int s = 0; s < 9; s++) {
    char what[40];
    sprintf(what, "srand48(%ld)", seeds[s]);
    srand48(seeds[s]);
    show_all(what);
  }

  unsigned short seed[3] = {0x1234, 0xABCD, 0x0042};
  unsigned short *old = seed48(seed);
  show_x("seed48 replaced", old);
  show_all("seed48(1234 abcd 0042)");
  unsigned short zero[3] = {0, 0, 0};
  old = seed48(zero);
  show_x("seed48 replaced", old);
  show_all("seed48(0 0 0)");
  unsigned short ones[3] = {0xFFFF, 0xFFFF, 0xFFFF};
  seed48(ones);
  show_all("seed48(ffff ffff ffff)");

  /* erand48, nrand48, jrand48 on their own X, with the library's a and c */
  unsigned short x[3] = {0x330E, 0x5678, 0x1234}, y[3] = {1, 2, 3}, z[3] = {0, 0, 0};
  printf("erand48:");
  for (int i = 0; i < 6; i++) show_double(erand48(x));
  printf("\nnrand48:");
  for (int i = 0; i < 6; i++) printf(" %ld", nrand48(y));
  printf("\njrand48:");
  for (int i = 0; i < 6; i++) printf(" %ld", jrand48(z));
  printf("\n");
  show_x("x now", x);
  show_x("y now", y);
  show_x("z now", z);
  show_all("the library's X went on untouched");

  /* lcong48: X, a and c chosen; erand48 and friends use the new a and c too */
  unsigned short param[7] = {0x0001, 0x0000, 0x0000, 0x0005, 0x0000, 0x0000, 0x0003};
  lcong48(param);
  show_all("lcong48(X=1, a=5, c=3)");
  unsigned short w[3] = {7, 0, 0};
  printf("erand48 with a=5, c=3:");
  for (int i = 0; i < 4; i++) show_double(erand48(w));
  printf("\n");
  unsigned short param2[7] = {0xBEEF, 0xDEAD, 0xCAFE, 0xE66D, 0xDEEC, 0x0005, 0xFFFF};
  lcong48(param2);
  show_all("lcong48(cafe dead beef, a=5deece66d, c=ffff)");
  unsigned short param3[7] = {0x1111, 0x2222, 0x3333, 0xFFFF, 0xFFFF, 0xFFFF, 0x8000};
  lcong48(param3);
  show_all("lcong48(a=2^48-1, c=8000)");
  unsigned short v[3] = {5, 6, 7};
  printf("nrand48, jrand48 with that a:");
  for (int i = 0; i < 4; i++) {
    long n = nrand48(v); /* one call a statement: printf's arguments have no order of evaluation */
    printf(" %ld %ld", n, jrand48(v));
  }
  printf("\n");
  srand48(9);
  show_all("srand48(9) restores a and c");

  /* many draws: the extremes and a sum, and every double exact in [0, 1) */
  srand48(2024);
  double lo = 1, hi = 0, sum = 0;
  int bad = 0;
  for (int i = 0; i < 3000; i++) {
    double d = drand48();
    if (d < lo) lo = d;
    if (d > hi) hi = d;
    if (!(d >= 0 && d < 1) || d * 281474976710656.0 != (double)(long long)(d * 281474976710656.0)) bad++;
    sum += d;
  }
  printf("3000 drand48: lo");
  show_double(lo);
  printf(" hi");
  show_double(hi);
  printf(" sum");
  show_double(sum);
  printf(" not k/2^48: %d\n", bad);
  return 0;
}
