/* printf's %a and %A, and hexadecimal floating input (strtod, strtof, atof, scanf), as glibc. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void show_double(const char *s) {
  char *end;
  errno = 0;
  double d = strtod(s, &end);
  int e = errno;
  printf("strtod(\"%s\") = %a (%.17g) used %d errno %d\n", s, d, d, (int)(end - s), e == ERANGE);
}

static void show_float(const char *s) {
  char *end;
  errno = 0;
  float f = strtof(s, &end);
  int e = errno;
  printf("strtof(\"%s\") = %a used %d errno %d\n", s, (double)f, (int)(end - s), e == ERANGE);
}

int main(void) {
  double values[] = {0.0, -0.0, 1.0, 3.0, -3.0, 0.1, 1.5, 2.5, 1.0 / 3, 255.0, 1e300, -1e-300,
                     DBL_MAX, DBL_MIN, DBL_TRUE_MIN, DBL_MIN / 3, 0x1.fffffffffffffp0, 0x1.08p0,
                     0x1.18p0, 0x1.28p0, 0x1.0000000000008p0, 0x1.0000000000018p0, 0x1.fp-1030,
                     INFINITY, -INFINITY, NAN, 123456.789};
  int n = sizeof values / sizeof values[0];
  const char *formats[] = {"%a", "%A", "%.0a", "%.1a", "%.2a", "%.3a", "%.13a", "%.15a", "%#a",
                           "%#.0a", "%+a", "% a", "%20a", "%-20a|", "%020a", "%+020.3A", "%-+20.1a|"};
  int nf = sizeof formats / sizeof formats[0];
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < nf; j++) {
      printf(formats[j], values[i]);
      putchar(j + 1 < nf ? ' ' : '\n');
    }
  }
  printf("%a %a %a\n", (double)1.5f, (double)FLT_MAX, (double)FLT_TRUE_MIN);
  char buf[64];
  int len = snprintf(buf, sizeof buf, "[%*.*a]", 16, 2, 3.14159);
  printf("%s %d\n", buf, len);

  const char *inputs[] = {"0x1p0", "0x1.8p+1", "0X1.8P1", "-0x10", "0x.8", "0x8.", "0xA.Bp-3",
                          "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x3p-1076",
                          "0x1p-1076", "0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023",
                          "0x1.fffffffffffff7ffffp1023", "0x1p1024", "0x1p+99999999", "0x1p-99999999",
                          "0x0p99999", "0x", "0xg", "0x.p1", "0x1p", "0x1p+", "0x1pz", "  +0x1.2p3xyz",
                          "0x1.00000000000008p0", "0x1.000000000000080000001p0", "0x1.00000000000018p0",
                          "0x1.0000000000000fffffffffffffffffffffffffp0",
                          "0x123456789abcdef123456789p-40", "0x0.000000000000000000001p0",
                          "0x1.ffffffffffffe8p-1023", "0x1.ffffffffffffffp-1023", "0x0.fffffffffffff8p-1022",
                          "0x1.fffffffffffff0p-1023", "0x1.p1", "-0x0p0", "0x00000000000000000001p0"};
  int ni = sizeof inputs / sizeof inputs[0];
  for (int i = 0; i < ni; i++) show_double(inputs[i]);
  const char *finputs[] = {"0x1p-149", "0x1p-150", "0x1.000001p-150", "0x1.fffffep127", "0x1.ffffffp127",
                           "0x1p128", "0x1.0000018p0", "0x1.0000008p0", "0x1.0000028p0", "0x1.fffffcp-127",
                           "0x1.fffffep-127", "0x1.ffffffp-127", "-0x1.8p-3"};
  int nfi = sizeof finputs / sizeof finputs[0];
  for (int i = 0; i < nfi; i++) show_float(finputs[i]);
  printf("atof %a %a\n", atof("0x1.4p2"), atof("-0x.1"));

  const char *line = "0x1.8p1 0X10 -0x.4p-2 0x1p-1074 1.25 0xAp0";
  double a, b, c, d, e, f;
  int k = sscanf(line, "%lf %la %le %lg %lf %lA", &a, &b, &c, &d, &e, &f);
  printf("sscanf %d: %a %a %a %a %a %a\n", k, a, b, c, d, e, f);
  float fa, fb;
  k = sscanf("0x1.8p1,0x1p-3", "%a,%f", &fa, &fb);
  printf("sscanf %d: %a %a\n", k, (double)fa, (double)fb);
  k = sscanf("0x1p4rest", "%4lf%s", &a, buf);
  printf("sscanf %d: %a %s\n", k, a, buf);
  const char *scans[] = {"0x", "0xg", "0x.8", "-0X1P-2", "0x1p4", "0x1.8", "0x1p+", "0x.p1", "00x1", "0x1e3"};
  for (int i = 0; i < 10; i++) {
    int used = -1;
    a = -1;
    buf[0] = 0;
    k = sscanf(scans[i], "%lf%n%31s", &a, &used, buf);
    printf("%s: %d %a %d [%s]", scans[i], k, a, used, buf);
    a = -1;
    buf[0] = 0;
    k = sscanf(scans[i], "%3lf%31s", &a, buf);
    printf(" width 3: %d %a [%s]\n", k, a, buf);
  }
  printf("%a %A %.2a %10.1A|\n", (double)0.1f, -0.0, 0x1.ffp0, 0x1.f8p1);
  /* Hexadecimal floating constants in the source. */
  printf("%a %a %a %a\n", 0x1.8p1, 0x.1p4, 0xAp-2f, 0x1p-1074);
  return 0;
}
