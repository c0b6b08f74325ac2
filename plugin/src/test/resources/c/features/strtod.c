/* strtod, strtof and atof against glibc's (correctly rounded): the bits of each result and the end (no hex input). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *inputs[] = {
  "0", "-0", "1", "-1.5", "0.1", "3.14159265358979323846", "1e10", "1E-5", "  +42.", ".5", "123abc", "abc", "-",
  "1e", "1e+", "2.2250738585072014e-308", "2.2250738585072011e-308", "4.9406564584124654e-324",
  "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623158e308",
  "1.7976931348623159e308", "1e309", "1e-400", "9007199254740993", "9007199254740992.5000000000000000000001",
  "0.30000000000000004", "123456789012345678901234567890", "0.000000000000000000000000000001234", "inf",
  "-Infinity", "nan", "1.00000005960464477539062500", "3.4028235677973366e38", "3.4028236e38",
  "1.40129846e-45", "7.0064923e-46", "00000.0000012345e+0010", "8.589973e9", "2.5", "3.5", "1e23", "8.5e-323",
  "5e-324", "1.5e-45",
  "1.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
  "2.470328229206232720882538e-324", "6.103515625e-05", "1.1754943508222875e-38", "1.1754942e-38",
};

int main(void) {
  int n = (int)(sizeof inputs / sizeof inputs[0]);
  for (int i = 0; i < n; i++) {
    char *end;
    double d = strtod(inputs[i], &end);
    unsigned long long bits;
    memcpy(&bits, &d, 8);
    char *fend;
    float f = strtof(inputs[i], &fend);
    unsigned fbits;
    memcpy(&fbits, &f, 4);
    printf("%-24.24s %016llx %d %08x %d %.17g\n", inputs[i], bits, (int)(end - inputs[i]), fbits,
           (int)(fend - inputs[i]), d);
  }
  double sum = atof("1.25") + atof("  -0.5e1");
  printf("%g\n", sum);
  return 0;
}
