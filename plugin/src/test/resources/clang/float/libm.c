/* wasi-libc's libm: its functions are f64 (and integer) code like any other. */
#include <math.h>
#include <stdio.h>

static volatile double x = 0.75;

int main(void) {
  printf("%.15g %.15g %.15g\n", exp(x), log(x), pow(x, 2.5));
  printf("%.15g %.15g %.7g\n", sin(x), atan2(x, -1.0), (double)cbrtf((float)x));
  return 0;
}
