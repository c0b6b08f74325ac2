/* Double and float arithmetic, conversions and wasi-libc's full printf (its %f, %e, %g). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Not constant-folded: the operands come from argv's count and a volatile. */
static volatile double seed = 1.5;

int main(int argc, char **argv) {
  double x = seed * argc;          /* 1.5 */
  float f = (float)x / 3.0f;       /* 0.5 */
  double y = sqrt(x * 8.0 + 0.25); /* sqrt(12.25) = 3.5 */
  printf("%.3f %g %e\n", x + y, y / 7.0, x * -1e-3);
  printf("%.2f %d %u\n", (double)(f * 5.25f), (int)(y * -2.9), (unsigned)(x * 1e9));
  printf("%g %g %g\n", floor(-y), fmin(x, f), nearbyint(2.5));
  return (int)(x + y) + (x < y) + (f == 0.5f);
}
