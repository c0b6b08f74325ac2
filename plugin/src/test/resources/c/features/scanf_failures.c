/*
 * Where scanf tells an input failure (EOF) from a matching failure (the count so far), as
 * glibc does: a conversion that read characters but no numeral fails to match even at the end
 * of the input; an i after "inf" commits to "infinity"; a %c the input cuts short assigns what
 * it read; suppressed conversions do not count, so an input failure after them returns EOF.
 */
#include <stdio.h>
#include <string.h>

static void scan_float(const char *in, const char *format) {
  float f = -1;
  int n = -1;
  int r = sscanf(in, format, &f, &n);
  printf("%-10s %-6s %2d %g %d\n", in, format, r, f, n);
}

static void scan_chars(const char *in, const char *format) {
  char s[8];
  int n = -1;
  memset(s, '#', sizeof s);
  s[7] = 0;
  int r = sscanf(in, format, s, &n);
  printf("%-10s %-6s %2d %s %d\n", in, format, r, s, n);
}

int main(void) {
  const char *floats[] = {"-", "+", "-x", ".", "-.", "1e", "1e+", "n", "na", "nax", "i", "ix", "-i", "in",
                          "infx", "infi", "infI", "infinit", "infinity", "infiNITY5", "INFINITYx", "0x", "0xg",
                          "0x1p", "nan(1)", ""};
  for (unsigned k = 0; k < sizeof floats / sizeof *floats; k++) scan_float(floats[k], "%f%n");
  scan_float("infinity", "%3f%n");
  scan_float("infinity", "%4f%n");
  scan_float("infinity", "%7f%n");
  scan_float("infinity", "%8f%n");
  scan_float("-infinity", "%8f%n");
  scan_float("-infinity", "%9f%n");
  scan_float("0x", "%2f%n");
  scan_float("-5", "%1f%n");
  scan_chars("a", "%2c%n");
  scan_chars("ab", "%2c%n");
  scan_chars("", "%2c%n");
  scan_chars("abc", "%*s%s");
  scan_chars("abc ", "%*s %s");
  scan_chars("xy", "%*2c%c");
  int a = -1, b = -1;
  printf("%d\n", sscanf("5", "%*d %d", &a));
  printf("%d\n", sscanf("5 ", "%*d %d", &a));
  printf("%d\n", sscanf("5 x", "%*d %d", &a));
  printf("%d\n", sscanf("5", "%*dx"));
  printf("%d\n", sscanf("5", "%d %d", &a, &b));
  printf("%d\n", sscanf("5", "%n%*d%n", &a, &b));
  /* the same rules on a stream (scanf_failures.stdin) */
  float f = -1;
  char c[4] = "###";
  int r = scanf("%f", &f);
  printf("stdin %d %g\n", r, f);
  int ch = getchar();
  printf("next %d\n", ch);
  r = scanf("%f", &f);
  printf("stdin %d %g\n", r, f);
  r = scanf(" %3c", c);
  printf("stdin %d %s\n", r, c);
  /* one malformed float a line: which character the failed conversion leaves unread */
  for (int k = 0; k < 9; k++) {
    f = -1;
    r = scanf("%f", &f);
    ch = getchar();
    printf("line %d: %d %g next %d\n", k, r, f, ch);
    while (ch != '\n' && ch != EOF) ch = getchar();
  }
  r = scanf("%*f");
  printf("stdin %d\n", r);
  r = scanf("%d", &a);
  printf("stdin %d\n", r);
  return 0;
}
