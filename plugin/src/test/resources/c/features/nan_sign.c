// NaN signs as gcc and glibc have them: an invalid operation (also folded at compile time, as
// 0.0 / 0.0) gives x86-64's default NaN, sign set, printed -nan; NAN is a positive NaN.
#include <stdio.h>
#include <math.h>
int main(void) {
  double z = 0.0;
  double a = 0.0 / 0.0, b = z / z, c = -(0.0 / 0.0), d = NAN, e = -NAN, f = sqrt(-1.0), g = INFINITY - INFINITY;
  float h = 0.0f / 0.0f, i = -h;
  printf("%f %f %f %f %f %f %f %f %f\n", a, b, c, d, e, f, g, h, i);
  printf("%e %g %E %G %5.2f|%-6f|%+f\n", a, b, c, d, e, f, -g);
  printf("%d %d\n", signbit(a) != 0, signbit(d) != 0);
  return 0;
}
