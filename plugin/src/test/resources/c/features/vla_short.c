/*
 * Variable-length arrays in a program short enough to run on the transformer too
 * (CFeatureTransformerTest): a 2-D array and a parameter of its type, sizeof at run time,
 * arrays released by continue, break and the end of their block (vla.c has the rest).
 */
#include "test.h"

static int corner(int r, int c, int m[r][c]) {
  return m[r - 1][c - 1] + (int)sizeof m[0];
}

int main(void) {
  volatile int three = 3;
  int r = three, c = three + 1;
  int m[r][c];
  for (int i = 0; i < r; i++)
    for (int j = 0; j < c; j++) m[i][j] = i * 10 + j;
  ASSERT(48, (int)sizeof m);
  ASSERT(23 + 16, corner(r, c, m));
  char *first = 0;
  int s = 0;
  for (int k = 0; k < 6; k++) {
    char t[k + 1];
    t[k] = (char)k;
    if (k == 0) first = t;
    s += (t + k) - first == k; /* the same place each time round */
    if (k == 2) continue;
    if (k == 4) break;
  }
  ASSERT(5, s);
  ASSERT(12, (int)sizeof(int[r]));
  return DONE();
}
