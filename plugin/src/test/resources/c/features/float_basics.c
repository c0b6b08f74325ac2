/* A short soft-float program (short enough for every run of the transformer test). */
#include <stdio.h>

static float area(float w, float h) {
  return w * h;
}

int main(void) {
  volatile float a = 1.5f, b = 2.25f;
  double d = a;
  d = d / 3 - b;
  int ok = area(a, b) == 3.375f && a < b && !(a > b) && d == -1.75 && (int)(b * 4) == 9;
  printf("%d %.3f %g\n", ok, area(a, b), d);
  return ok ? 0 : 1;
}
