/*
 * glibc's reentrant generators: random_r, srandom_r, initstate_r, setstate_r on the caller's
 * struct random_data (two of them interleaved, and random() alongside untouched), and
 * drand48_r ... lcong48_r on the caller's struct drand48_data (a zeroed one starts at X = 0
 * with the default a and c), with their return values and errors.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int32_t next(struct random_data *g) {
  int32_t v;
  if (random_r(g, &v) != 0) printf("random_r failed\n");
  return v;
}

static void show_double(double d) {
  unsigned long long bits;
  memcpy(&bits, &d, sizeof bits);
  printf(" %.17g=%016llx", d, bits);
}

int main(void) {
  static char buf_a[128], buf_b[32], buf_c[256], buf_d[8];
  struct random_data a, b;
  memset(&a, 0, sizeof a);
  memset(&b, 0, sizeof b);
  int ra = initstate_r(1, buf_a, sizeof buf_a, &a);
  int rb = initstate_r(42, buf_b, sizeof buf_b, &b);
  printf("initstate_r: %d %d\n", ra, rb);
  printf("a (seed 1, 128 bytes) and b (seed 42, 32 bytes):");
  for (int i = 0; i < 8; i++) {
    int32_t x = next(&a);
    printf(" %d/%d", x, next(&b));
  }
  printf("\nrandom() meanwhile:");
  for (int i = 0; i < 3; i++) printf(" %ld", random());
  printf("\n");

  srandom_r(0, &a);
  printf("srandom_r(0):");
  for (int i = 0; i < 5; i++) printf(" %d", next(&a));
  printf("\n");
  srandom_r(4294967295u, &a);
  printf("srandom_r(4294967295):");
  for (int i = 0; i < 5; i++) printf(" %d", next(&a));
  printf("\n");

  /* one struct, several buffers: setstate_r resumes each */
  initstate_r(7, buf_c, sizeof buf_c, &a);
  printf("256 bytes, seed 7:");
  for (int i = 0; i < 4; i++) printf(" %d", next(&a));
  initstate_r(8, buf_d, sizeof buf_d, &a);
  printf("\n8 bytes, seed 8:");
  for (int i = 0; i < 4; i++) printf(" %d", next(&a));
  setstate_r(buf_c, &a);
  printf("\nback to 256:");
  for (int i = 0; i < 4; i++) printf(" %d", next(&a));
  setstate_r(buf_d, &a);
  printf("\nback to 8:");
  for (int i = 0; i < 4; i++) printf(" %d", next(&a));
  setstate_r(buf_a, &a);
  printf("\nback to 128:");
  for (int i = 0; i < 4; i++) printf(" %d", next(&a));
  printf("\n");

  char small[4];
  errno = 0;
  int bad = initstate_r(1, small, sizeof small, &b);
  printf("initstate_r(size 4): %d EINVAL %d; b goes on:", bad, errno == EINVAL);
  for (int i = 0; i < 3; i++) printf(" %d", next(&b));
  printf("\n");
  errno = 0;
  bad = setstate_r(NULL, &b);
  printf("setstate_r(NULL): %d EINVAL %d\n", bad, errno == EINVAL);
  errno = 0;
  bad = random_r(&b, NULL);
  printf("random_r(NULL result): %d EINVAL %d\n", bad, errno == EINVAL);

  /* the 48-bit ones */
  struct drand48_data d, e;
  memset(&d, 0, sizeof d);
  memset(&e, 0, sizeof e);
  double dv;
  long lv;
  printf("zeroed drand48_data:");
  for (int i = 0; i < 3; i++) {
    drand48_r(&d, &dv);
    show_double(dv);
  }
  for (int i = 0; i < 3; i++) {
    lrand48_r(&d, &lv);
    printf(" %ld", lv);
  }
  printf("\n");
  printf("srand48_r(77): %d", srand48_r(77, &e));
  for (int i = 0; i < 3; i++) {
    mrand48_r(&e, &lv);
    printf(" %ld", lv);
  }
  drand48_r(&e, &dv);
  show_double(dv);
  printf("\n");
  printf("drand48 meanwhile (no seed): %ld\n", lrand48());

  unsigned short s[3] = {0xAAAA, 0xBBBB, 0xCCCC};
  int rs = seed48_r(s, &e); /* before the printf: its arguments have no order of evaluation */
  printf("seed48_r: %d, replaced %04x %04x %04x;", rs, e.__old_x[0], e.__old_x[1], e.__old_x[2]);
  for (int i = 0; i < 3; i++) {
    lrand48_r(&e, &lv);
    printf(" %ld", lv);
  }
  printf("\n");
  unsigned short p[7] = {3, 2, 1, 0x1234, 0x5678, 0x0009, 0x00FF};
  printf("lcong48_r: %d;", lcong48_r(p, &e));
  for (int i = 0; i < 3; i++) {
    drand48_r(&e, &dv);
    show_double(dv);
  }
  printf("\n");
  unsigned short x[3] = {1, 2, 3};
  printf("erand48_r, nrand48_r, jrand48_r on e's a and c:");
  erand48_r(x, &e, &dv);
  show_double(dv);
  nrand48_r(x, &e, &lv);
  printf(" %ld", lv);
  jrand48_r(x, &e, &lv);
  printf(" %ld; x %04x %04x %04x\n", lv, x[0], x[1], x[2]);
  printf("the same on d's (the defaults):");
  erand48_r(x, &d, &dv);
  show_double(dv);
  nrand48_r(x, &d, &lv);
  printf(" %ld", lv);
  jrand48_r(x, &d, &lv);
  printf(" %ld\n", lv);
  return 0;
}
