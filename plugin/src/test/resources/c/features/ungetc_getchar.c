#include <stdio.h>
#include <ctype.h>
static int readnum(void) { int c, n = 0; while ((c = getchar()) != EOF && isdigit(c)) n = n * 10 + c - '0'; if (c != EOF) ungetc(c, stdin); return n; }
int main(void) {
  int sum = 0, c;
  while ((c = getchar()) != EOF) {
    if (isdigit(c)) { ungetc(c, stdin); sum += readnum(); }
    else if (c == '+') printf("plus ");
  }
  printf("sum=%d\n", sum);
  return 0;
}
