// C11's additions to <float.h> for float and double (long double's differ from gcc's x86-64
// by design: LongDoubleTest).
#include <float.h>
#include <stdio.h>

int main(void) {
  printf("%d %d %d %d\n", FLT_DECIMAL_DIG, DBL_DECIMAL_DIG, FLT_HAS_SUBNORM, DBL_HAS_SUBNORM);
  printf("%d %d\n", LDBL_HAS_SUBNORM, LDBL_DECIMAL_DIG >= DBL_DECIMAL_DIG);
  printf("%a %a\n", FLT_TRUE_MIN, DBL_TRUE_MIN);
  printf("%g %g\n", FLT_TRUE_MIN, DBL_TRUE_MIN);
  printf("%d %d\n", FLT_TRUE_MIN / 2 == 0, DBL_TRUE_MIN / 2 == 0);
  printf("%d %d\n", FLT_TRUE_MIN < FLT_MIN, DBL_TRUE_MIN < DBL_MIN);
  // DECIMAL_DIG digits carry a double there and back
  char buf[64];
  double x = 0.1;
  snprintf(buf, sizeof buf, "%.*g", DBL_DECIMAL_DIG, x);
  double y;
  sscanf(buf, "%lf", &y);
  printf("%s %d\n", buf, x == y);
  float f = 1.0f / 3;
  snprintf(buf, sizeof buf, "%.*g", FLT_DECIMAL_DIG, f);
  printf("%s\n", buf);
  return 0;
}
