/* wasi-libc's scanf reads doubles and floats (its code stores them with f64.store, f32.store). */
#include <stdio.h>

int main(void) {
  int n;
  double d;
  float f;
  if (scanf("%d %lf %f", &n, &d, &f) != 3) return 1;
  printf("%d %.4f %.3f %g\n", n * 2, d / 4, f + 1, d * f);
  return 0;
}
