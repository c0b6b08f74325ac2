/* sscanf: every format of a few families on every input of a list, compared with glibc */
#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *inputs[] = {
    "", " ", "42", "-17 8", "+", "-", "0x1A,7", "0X", "0777 9", "12abc", "abc 12", "  \t\n5",
    "3.5e2 x", "-.25", "1e", "0x1p-2", "inf", "-InFiNiTy", "nan(1)", "nanx", "infin",
    "h\u00e9llo w", "\u00e9", "a\u20acb c", "]x-y]", "%5", "99999999999 1", "  word,rest", "x\u00e9y",
    "-99999999999999999999", "4294967296 0x100000000",
};
static const char *int_formats[] = {
    "%d%n", "%i%n", "%x%n", "%o%n", "%u%n", "%3d%n", "%*d%d%n", "%d %d%n", "%d,%d%n", " %i%n",
    "%hhd%n", "%2i%n", "%1x%n", "%%%d%n", "%i%i%n", "x%d%n", "%n%d%n", "%5u%n",
};
static const char *float_formats[] = {"%f%n", "%2f%n", "%5f%n", "%e%e%n", "%*f%f%n", "%a%n", "%g %g%n"};
static const char *string_formats[] = {
    "%s%n", "%3s%n", "%c%n", "%3c%n", "%[a-z]%n", "%[^,]%n", "%[]x-]%n", "%s %s%n", "%*s%s%n",
    "%2[a-z\u00e9]%n", "%[\u00e9h]%n", "%*c%c%n",
};

static void bytes(const char *s, int k) {
  printf(" [");
  for (int i = 0; i < k; i++) printf(s[i] >= 0x20 && s[i] < 0x7f ? "%c" : "<%x>", (unsigned char)s[i]);
  printf("]");
}

int main(void) {
  unsigned ni = sizeof inputs / sizeof inputs[0];
  for (unsigned i = 0; i < ni; i++) {
    for (unsigned f = 0; f < sizeof int_formats / sizeof int_formats[0]; f++) {
      int a = -1, b = -1, c = -1;
      errno = 0;
      int r = sscanf(inputs[i], int_formats[f], &a, &b, &c);
      printf("i%u.%u r=%d e=%d %d %d %d\n", i, f, r, errno, a, b, c);
    }
    for (unsigned f = 0; f < sizeof float_formats / sizeof float_formats[0]; f++) {
      float x = -1, y = -1;
      int c = -1;
      errno = 0;
      int r = sscanf(inputs[i], float_formats[f], &x, &y, &c);
      printf("f%u.%u r=%d e=%d %a %a %d\n", i, f, r, errno, x, y, c);
    }
    for (unsigned f = 0; f < sizeof string_formats / sizeof string_formats[0]; f++) {
      char s[24], t[24];
      int c = -1;
      memset(s, '.', sizeof s);
      memset(t, '.', sizeof t);
      errno = 0;
      int r = sscanf(inputs[i], string_formats[f], s, t, &c);
      printf("s%u.%u r=%d e=%d", i, f, r, errno);
      bytes(s, 12);
      bytes(t, 12);
      printf(" %d\n", c);
    }
  }
  return 0;
}
