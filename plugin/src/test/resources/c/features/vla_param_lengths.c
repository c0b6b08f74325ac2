// The lengths in array parameters' types are evaluated on entry, innermost first, as gcc
// does: the first one too, which the parameter's adjustment to a pointer leaves out of its type.
#include <stdio.h>

static int calls;
static int trace(const char *name, int v) {
  calls++;
  printf("%s ", name);
  return v;
}

static int first(int n, int a[trace("first", n)]) { return a[0] + calls; }
static int incremented(int m, int (*b)[m++]) { return m * 100 + (int)sizeof(*b); }
static int outer(int m, int b[m++][m]) { return m * 100 + (int)sizeof(*b); }
static int three(int b[trace("a", 3)][trace("b", 4)][trace("c", 5)]) { return (int)sizeof(*b); }
static int pure(int n, int b[n + 1][n]) { return (int)sizeof(*b); }

int main(void) {
  int x[4] = {7};
  int y[2][5];
  int z[3][4][5];
  int w[4][3];
  printf("%d\n", first(4, x));
  printf("%d\n", incremented(5, y));
  printf("%d\n", outer(5, y));
  printf("%d\n", three(z));
  printf("%d\n", pure(3, w));
  printf("calls %d\n", calls);
  return 0;
}
