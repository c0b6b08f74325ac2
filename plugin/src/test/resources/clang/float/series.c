/* Float and double loops: a harmonic sum, Newton's square root, conversions both ways. */
#include <stdio.h>

static volatile int count = 12;

int main(void) {
  float hf = 0.0f;
  double hd = 0.0;
  for (int i = 1; i <= count; i++) {
    hf += 1.0f / (float)i;
    hd += 1.0 / i;
  }
  double r = 2.0;
  for (int k = 0; k < 5; k++) r = 0.5 * (r + 10.0 / r);
  long long big = (long long)(hd * 1e15);
  unsigned long long ubig = 18446744073709551615ULL;
  printf("%.7f %.15f %.12f\n", hf, hd, r);
  printf("%lld %.6e %g\n", big, (double)ubig, (double)(float)big);
  printf("%f %f %d\n", -0.0, 1.0 / (count - 12.0), (int)(-7.99f));
  return hd > hf ? 0 : 1;
}
