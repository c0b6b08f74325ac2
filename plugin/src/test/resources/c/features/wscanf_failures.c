/*
 * scanf_failures.c's stream part through fwscanf: which character a failed floating-point
 * conversion leaves unread. As glibc's scanf, the character that breaks "inf", "infinity" or
 * "nan" is consumed, not put back.
 */
#include <stdio.h>
#include <wchar.h>

int main(void) {
  float f = -1;
  char c[4] = "###";
  int r = fwscanf(stdin, L"%f", &f);
  printf("stdin %d %g\n", r, f);
  wint_t ch = getwchar();
  printf("next %d\n", (int)ch);
  r = wscanf(L"%f", &f);
  printf("stdin %d %g\n", r, f);
  r = wscanf(L" %3c", c);
  printf("stdin %d %s\n", r, c);
  for (int k = 0; k < 9; k++) {
    f = -1;
    r = wscanf(L"%f", &f);
    ch = getwchar();
    printf("line %d: %d %g next %d\n", k, r, f, (int)ch);
    while (ch != L'\n' && ch != WEOF) ch = getwchar();
  }
  r = wscanf(L"%*f");
  printf("stdin %d\n", r);
  int a = -1;
  r = wscanf(L"%d", &a);
  printf("stdin %d\n", r);
  return 0;
}
