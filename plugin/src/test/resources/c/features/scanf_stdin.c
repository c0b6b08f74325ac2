#include <stdio.h>
int main(void) {
  int n; if (scanf("%d", &n) != 1) return 2;
  long long sum = 0; int mx = -2147483647 - 1;
  for (int i = 0; i < n; i++) { int v; if (scanf("%d", &v) != 1) { printf("short at %d\n", i); return 3; } sum += v; if (v > mx) mx = v; }
  char name[20]; double w;
  while (scanf(" %19s %lf", name, &w) == 2) printf("%s weighs %.2f\n", name, w);
  int c = getchar();
  printf("n=%d sum=%lld max=%d next=%d\n", n, sum, mx, c);
  int r = scanf("%d", &n); printf("r=%d\n", r);
  return 0;
}
