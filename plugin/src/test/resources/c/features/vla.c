/*
 * Variable-length arrays (C99 6.7.6.2): block-scope arrays sized at run time, one and more
 * dimensions (also mixed with constant ones), indexing and pointer arithmetic through their
 * types, sizeof evaluated at run time, VLA parameters and [*] prototypes, typedefs whose size
 * is fixed where they stand, and storage released at the end of each block, by break,
 * continue and goto (a loop of many iterations must not grow the stack).
 */
#include "test.h"
#include <string.h>

static int sum(int n, int a[n]) {
  int s = 0;
  for (int i = 0; i < n; i++) s += a[i];
  return s;
}

static int trace(int n, int m[*][*]);

static int trace(int n, int m[n][n]) {
  int t = 0;
  for (int i = 0; i < n; i++) t += m[i][i];
  return t;
}

static void fill(int r, int c, int m[r][c]) {
  for (int i = 0; i < r; i++)
    for (int j = 0; j < c; j++) m[i][j] = i * 100 + j;
}

static int rowsize(int r, int c, int (*p)[c]) {
  return (int)sizeof(*p) + (int)sizeof(p[r - 1]) * 1000;
}

static int side_effects;
static int next(int v) {
  side_effects++;
  return v;
}

/* each call's array is below its frame; returns the address difference of two calls' arrays */
static long depth(int n) {
  char a[n];
  memset(a, n, sizeof a);
  return (long)(a[n - 1] + a[0]);
}

struct point { short x, y; };

static int cube(int a, int b, int c) {
  int t[a][b][c];
  int v = 0;
  for (int i = 0; i < a; i++)
    for (int j = 0; j < b; j++)
      for (int k = 0; k < c; k++) t[i][j][k] = v++;
  int (*plane)[c] = t[1];
  return (int)sizeof t + (int)sizeof t[0] * 1000 + t[a - 1][b - 1][c - 1] * 100000 + plane[1][2] * 10000000;
}

/* a parameter's length may be any expression of the parameters before it */
static int last(int n, int m[n + 1][n * 2]) {
  return m[n][n * 2 - 1] + (int)sizeof m[0];
}

static int recurse(int n) {
  if (n == 0) return 0;
  int a[n];
  for (int i = 0; i < n; i++) a[i] = i;
  return a[n - 1] + recurse(n - 1);
}

static int leave_by_goto(int n) {
  int hops = 0;
  for (int i = 0; i < 30000; i++) {
    {
      int x[n + i % 4];
      x[0] = i;
      if (x[0] >= 0) goto out;
    }
  out:
    hops++;
  }
  return hops;
}

int main(void) {
  volatile int five = 5;
  int n = five; /* not a constant */
  int a[n];
  ASSERT(20, (int)sizeof a);
  ASSERT(5, (int)(sizeof a / sizeof a[0]));
  for (int i = 0; i < n; i++) a[i] = i * i;
  ASSERT(30, sum(n, a));
  ASSERT(16, *(a + 4));
  int *p = a + n;
  ASSERT(5, (int)(p - a));
  ASSERT(24, (int)sizeof(int[n + 1]));
  ASSERT(40, (int)sizeof(double[n]));

  /* two dimensions, and one variable with one constant */
  int r = n - 2, c = n + 1; /* 3 x 6 */
  int m[r][c];
  ASSERT(72, (int)sizeof m);
  ASSERT(24, (int)sizeof m[0]);
  ASSERT(24, (int)sizeof *m);
  fill(r, c, m);
  ASSERT(205, m[2][5]);
  ASSERT(104, *(*(m + 1) + 4));
  int (*row)[c] = m;
  row++;
  ASSERT(100, row[0][0]);
  ASSERT(203, (*(row + 1))[3]);
  ASSERT(1, (int)(row - m));
  row += 1;
  ASSERT(2, (int)(row - m));
  row--;
  ASSERT(101, row[0][1]);
  ASSERT(24 + 24000, rowsize(r, c, m));
  int mixed[r][4];
  ASSERT(48, (int)sizeof mixed);
  for (int i = 0; i < r; i++)
    for (int j = 0; j < 4; j++) mixed[i][j] = i - j;
  ASSERT(-1, mixed[2][3]);
  ASSERT(16, (int)((char *)&mixed[1] - (char *)&mixed[0]));
  int fixedrows[4][c];
  ASSERT(96, (int)sizeof fixedrows);
  fixedrows[3][5] = 7;
  ASSERT(7, *((int *)fixedrows + 3 * c + 5));

  int sq[n][n];
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) sq[i][j] = i == j ? i + 1 : 0;
  ASSERT(15, trace(n, sq));

  /* a typedef's size is fixed where the typedef is reached */
  int k = 3;
  typedef int vec[k];
  k = 10;
  vec v;
  ASSERT(12, (int)sizeof v);
  ASSERT(12, (int)sizeof(vec));
  typedef char grid[k][2];
  ASSERT(20, (int)sizeof(grid));

  /* the size expression is evaluated once, where the declarator stands */
  side_effects = 0;
  int once[next(4)];
  ASSERT(1, side_effects);
  ASSERT(16, (int)sizeof once);
  ASSERT(1, side_effects);
  ASSERT(8, (int)sizeof(int[next(2)]));
  ASSERT(2, side_effects);
  /* an operand of variable-length array type is evaluated, others are not */
  int idx = 0;
  ASSERT(24, (int)sizeof m[idx++]);
  ASSERT(1, idx);
  ASSERT(4, (int)sizeof m[idx++][0]);
  ASSERT(1, idx);

  /* storage is released at the end of each block: no growth over many iterations */
  char *before = 0;
  for (int it = 0; it < 100000; it++) {
    char big[1000 + it % 7];
    big[0] = (char)it;
    if (it == 0) before = big;
    if (big != before && (it % 7) == 0) {
      printf("grew at %d\n", it);
      return 1;
    }
    if (it % 3 == 0) continue;
    big[1] = 1;
  }
  int found = -1;
  for (int it = 0; it < 50000; it++) {
    int tmp[n + it % 3];
    tmp[0] = it;
    if (it == 49999) {
      found = tmp[0];
      break;
    }
  }
  ASSERT(49999, found);
  int count = 0;
again:
  {
    int g[n * 100];
    g[0] = count;
    count++;
    if (count < 100000) goto again;
  }
  ASSERT(100000, count);
  int w = 0;
  while (w < 60000) {
    int ww[w % 5 + 1];
    ww[w % 5] = w;
    w++;
    switch (w % 4) {
      case 0: {
        int inner[w % 9 + 1];
        inner[0] = 1;
        break;
      }
      default: break;
    }
  }
  ASSERT(60000, w);
  long total = 0;
  for (int i = 1; i < 20000; i++) total += depth(i % 50 + 1);
  ASSERT64(9998, total % 10000);

  ASSERT(96 + 48000 + 23 * 100000 + 18 * 10000000, cube(2, 3, 4));
  int lm[4][6];
  lm[3][5] = 9;
  ASSERT(9 + 24, last(3, lm));
  ASSERT(45, recurse(10));
  ASSERT(30000, leave_by_goto(n));
  struct point pts[n];
  ASSERT(20, (int)sizeof pts);
  pts[4].y = 7;
  ASSERT(7, ((short *)pts)[9]);
  int (*pa)[n] = &a;
  ASSERT(9, (*pa)[3]);
  ASSERT(20, (int)sizeof *pa);
  typeof(a) same;
  ASSERT(20, (int)sizeof same);
  int sum3 = 0;
  for (int b[n], i = 0; i < n; i++) {
    b[i] = i;
    sum3 += b[i];
  }
  ASSERT(10, sum3);

  /* a statement expression's array */
  int se = ({ int t[n]; t[n - 1] = 42; t[n - 1]; });
  ASSERT(42, se);
  printf("%d %d %d\n", (int)sizeof a, (int)sizeof m, (int)sizeof(int[n][n]));
  return DONE();
}
