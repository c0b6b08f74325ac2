/* printf's %f %e %g (and %F %E %G): exact decimal expansion, rounding, flags, width, precision. */
#include <float.h>
#include <math.h>
#include <stdio.h>

static const double values[] = {
  0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.125, 0.1, 0.3, 1.0 / 3, 2.0 / 3, 3.14159265358979, 100.0, 123456.789,
  999999.5, 9.9999996, 0.000123456, 1e-5, 1e-4, 1e21, 1e22, 123456789012345678.0, 5e-324, 2.2250738585072014e-308,
  1.7976931348623157e308, 0.05, 0.15, 0.25, 0.35, 1e100, 4.35, 9.5, 10.5, 0.9999999, 65536.0, 1e15, 1e16, 1e17,
};

int main(void) {
  volatile double zero = 0.0;
  char buf[64];
  int n = (int)(sizeof values / sizeof values[0]);
  for (int i = 0; i < n; i++) {
    double v = values[i];
    printf("[%f] [%e] [%g] [%.0f] [%.1f] [%.2e] [%.3g] [%.10g] [%.17g] [%G] [%E]\n", v, v, v, v, v, v, v, v, v, v, v);
  }
  printf("[%.1074f]\n", 5e-324);
  printf("[%.20e]\n", 5e-324);
  printf("[%f]\n", 1.7976931348623157e308);
  printf("[%10.3f] [%-10.3f] [%010.3f] [%+f] [% f] [%+.0e] [%#.0f] [%#g] [%#.3g] [%08.2f] [%-+9.1e]|\n",
         3.14159, 3.14159, -3.14159, 2.0, 2.0, 12345.0, 2.0, 1.0, 100.0, -1.5, 99.96);
  printf("[%*.*f] [%.*e]\n", 12, 4, 2.71828, 3, 6.02214076e23);
  printf("[%f] [%F] [%e] [%g] [%5.1f] [%-6f]|\n", 1 / zero, -1 / zero, NAN, -INFINITY, 1 / zero, -NAN);
  printf("[%f] [%g]\n", (float)0.1, 1e-5f);
  printf("[%.0f] [%.0f] [%.0f] [%.0f] [%.0f]\n", 0.5, 1.5, 2.5, 3.5, -0.5);
  printf("[%.2f] [%.2f] [%.1f] [%.3e]\n", 1.005, 1.125, 0.25, 1.0005);
  printf("[%g] [%g] [%g] [%g] [%g] [%g]\n", 100000.0, 1000000.0, 0.0001, 0.00001, 123456789.0, 1e-300);
  int len = snprintf(buf, sizeof buf, "%.3f|%g", 2.0 / 3, 1e10);
  printf("%d %s\n", len, buf);
  len = snprintf(buf, 8, "%f", 12345.678);
  printf("%d %s\n", len, buf);
  sprintf(buf, "%e", -DBL_MIN);
  puts(buf);
  float f = 16777217.0f;
  printf("%.1f %g %e\n", f, f, (double)FLT_MAX);
  return 0;
}
